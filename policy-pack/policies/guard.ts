// Wrappers that make every policy safe to run org-wide:
//   - unrelated resource types return at once, without touching their properties;
//   - a decision that depended on a value unknown during preview, with nothing else to report,
//     ends in the SDK's own "can't run during preview" advisory (see readers/known.ts);
//   - anything unexpected becomes a reported violation on that one resource instead of an
//     exception (an exception is an RPC error that stops every preview in the organisation).

import { ReportViolation, ResourceValidation, ResourceValidationArgs, StackValidation, StackValidationArgs } from "@pulumi/policy";
import { Props, Reading } from "../readers/known";

export type GuardedResourceBody = (args: ResourceValidationArgs, props: Props, report: ReportViolation, reading: Reading) => void;
export type GuardedStackBody = (args: StackValidationArgs, report: ReportViolation, reading: Reading) => void;

function isUnknownValueError(error: unknown): boolean {
    return error instanceof Error && error.constructor.name === "UnknownValueError";
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a policy body: its reports go through, an unknown-value error keeps its SDK meaning, and
 * any other exception becomes one violation whose text `failure` writes from the error.
 */
function runGuarded(reportViolation: ReportViolation, failure: (error: string) => string, body: (report: ReportViolation, reading: Reading) => void): void {
    const reading = new Reading();
    let reported = false;
    const report: ReportViolation = (message, urn) => {
        reported = true;
        reportViolation(message, urn);
    };
    try {
        body(report, reading);
    } catch (error) {
        if (isUnknownValueError(error)) {
            throw error;
        }
        report(failure(describe(error)));
    }
    reading.settle(reported);
}

export function guardResource(policyName: string, types: ReadonlySet<string>, body: GuardedResourceBody): ResourceValidation {
    return (args, reportViolation) => {
        if (typeof args?.type !== "string" || !types.has(args.type)) {
            return;
        }
        runGuarded(
            reportViolation,
            (error) => `${policyName} could not evaluate this ${args.type} (${error}); it is blocked until the policy can read it. Please report this input to the pack's maintainers.`,
            (report, reading) => {
                const props: unknown = args.props;
                body(args, props !== null && typeof props === "object" ? (props as Props) : {}, report, reading);
            },
        );
    };
}

export function guardStack(policyName: string, body: GuardedStackBody): StackValidation {
    return (args, reportViolation) =>
        runGuarded(
            reportViolation,
            (error) => `${policyName} could not evaluate this stack (${error}). Please report this input to the pack's maintainers.`,
            (report, reading) => body(args, report, reading),
        );
}
