// Wrappers that make every policy safe to run org-wide:
//   - unrelated resource types return at once, without touching their properties;
//   - a decision that depended on a value unknown during preview, with nothing else to report,
//     ends in the SDK's own "can't run during preview" advisory (see readers/known.ts);
//   - anything unexpected becomes a reported violation on that one resource instead of an
//     exception (an exception is an RPC error that stops every preview in the organisation);
//   - the policy's `exemptions` config is honoured: a resource policy does not report an exempt
//     resource, a stack policy's violations on an exempt resource's URN are dropped, and each
//     exemption that took effect is recorded for the advisory exemptions-in-use (exemptions/apply.ts).
// The types a wrapper applies to are recorded on it (guardedTypes), for the generated README.

import { ReportViolation, ResourceValidation, ResourceValidationArgs, StackValidation, StackValidationArgs } from "@pulumi/policy";
import { isUnknownValueError } from "../policy-sdk";
import { Props, Reading } from "../readers/known";
import { isExempt, resourceSubject, stackExemptionFilter } from "./exemptions/apply";

export type GuardedResourceBody = (args: ResourceValidationArgs, props: Props, report: ReportViolation, reading: Reading) => void;
export type GuardedStackBody = (args: StackValidationArgs, report: ReportViolation, reading: Reading) => void;

/** What a guard wrapper knows about the function it returned. */
export interface GuardInfo {
    policyName: string;
    kind: "resource" | "stack";
    /** Resource types the policy reads; undefined for a stack policy that did not declare them. */
    types: ReadonlySet<string> | undefined;
}

const guarded = new WeakMap<object, GuardInfo>();

/** What guardResource / guardStack recorded about a validation function (undefined if not guarded). */
export function guardInfo(validation: unknown): GuardInfo | undefined {
    return typeof validation === "function" ? guarded.get(validation) : undefined;
}

/** The types a guarded validation function applies to (undefined if not guarded or not declared). */
export function guardedTypes(validation: unknown): ReadonlySet<string> | undefined {
    return guardInfo(validation)?.types;
}

/** Marks a validation function as handling exemptions itself (policies/index.ts then leaves it alone). */
export function markGuarded(validation: object, info: GuardInfo): void {
    guarded.set(validation, info);
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

interface Report {
    message: string;
    urn: string | undefined;
}

interface Outcome {
    reports: Report[];
    reading: Reading;
    /** An unknown-value error the body let through (it keeps its SDK meaning). */
    thrown: Error | undefined;
}

/**
 * Runs a policy body, collecting its reports; an unknown-value error is kept, and any other
 * exception becomes one violation whose text `failure` writes from the error.
 */
function runGuarded(failure: (error: string) => string, body: (report: ReportViolation, reading: Reading) => void): Outcome {
    const reading = new Reading();
    const outcome: Outcome = { reports: [], reading, thrown: undefined };
    const report: ReportViolation = (message, urn) => {
        outcome.reports.push({ message: String(message), urn: typeof urn === "string" && urn !== "" ? urn : undefined });
    };
    try {
        body(report, reading);
    } catch (error) {
        if (isUnknownValueError(error)) {
            outcome.thrown = error;
        } else {
            report(failure(describe(error)));
        }
    }
    return outcome;
}

/** Passes the reports that stand on, then keeps the SDK meaning of unknown values. */
function deliver(outcome: Outcome, forwarded: readonly Report[], reportViolation: ReportViolation): void {
    for (const r of forwarded) {
        reportViolation(r.message, r.urn);
    }
    if (outcome.thrown !== undefined) {
        throw outcome.thrown;
    }
    outcome.reading.settle(forwarded.length > 0);
}

/**
 * Reports of a resource policy on an exempt resource are dropped (and recorded); an exempt
 * resource whose verdict depended on an unknown value gets no "can't run" advisory either.
 */
function deliverForResource(policyName: string, args: ResourceValidationArgs, outcome: Outcome, reportViolation: ReportViolation): void {
    const mayNeedExemption = outcome.reports.length > 0 || outcome.thrown !== undefined || outcome.reading.isUndecided;
    if (mayNeedExemption && isExempt(policyName, args, resourceSubject(args), outcome.reports.length > 0)) {
        return;
    }
    deliver(outcome, outcome.reports, reportViolation);
}

export function guardResource(policyName: string, types: ReadonlySet<string>, body: GuardedResourceBody): ResourceValidation {
    const validation: ResourceValidation = (args, reportViolation) => {
        if (typeof args?.type !== "string" || !types.has(args.type)) {
            return;
        }
        const outcome = runGuarded(
            (error) =>
                `${policyName} could not evaluate this ${args.type} (${error}); it is blocked until the policy can read it. Please report this input to the pack's maintainers.`,
            (report, reading) => {
                const props: unknown = args.props;
                body(args, props !== null && typeof props === "object" ? (props as Props) : {}, report, reading);
            },
        );
        deliverForResource(policyName, args, outcome, reportViolation);
    };
    markGuarded(validation, { policyName, kind: "resource", types });
    return validation;
}

/**
 * `types` (optional) names the resource types the stack policy reads; it does not filter
 * anything, it is recorded for the generated README.
 */
export function guardStack(policyName: string, body: GuardedStackBody, types?: ReadonlySet<string>): StackValidation {
    const validation: StackValidation = (args, reportViolation) => {
        const outcome = runGuarded(
            (error) => `${policyName} could not evaluate this stack (${error}). Please report this input to the pack's maintainers.`,
            (report, reading) => body(args, report, reading),
        );
        const exemptUrn = stackExemptionFilter(policyName, args);
        deliver(
            outcome,
            outcome.reports.filter((r) => !exemptUrn(r.urn)),
            reportViolation,
        );
    };
    markGuarded(validation, { policyName, kind: "stack", types });
    return validation;
}
