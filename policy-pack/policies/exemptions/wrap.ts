// Gives every policy of the pack the `exemptions` setting, whatever way its family wrote it:
//   - the config schema gets the `exemptions` property (configSchema(...) already adds it);
//   - a validation function not made by guardResource / guardStack (which honour exemptions
//     themselves) is wrapped: its reports on an exempt resource are dropped and recorded.
// Applied once, in policies/index.ts, to the whole list.

import { Policies, ReportViolation, ResourceValidation, ResourceValidationPolicy, StackValidation, StackValidationPolicy } from "@pulumi/policy";
import { withExemptionsProperty } from "../config";
import { guardInfo, markGuarded, stackExemptionFilter } from "../guard";
import { recordApplied } from "./ledger";
import { describeSelector, exemptionsFrom, findExemption, logicalName } from "./match";

function wrapResource(policyName: string, validation: ResourceValidation): ResourceValidation {
    if (guardInfo(validation) !== undefined) {
        return validation;
    }
    const wrapped: ResourceValidation = (args, reportViolation) => {
        let exempt: boolean | undefined;
        const report: ReportViolation = (message, urn) => {
            if (exempt === undefined) {
                exempt = false;
                const exemptions = exemptionsFrom(args);
                const subjectUrn = String(args.urn ?? "");
                const subject = { urn: subjectUrn, name: logicalName(subjectUrn, args.name), type: String(args.type ?? ""), props: args.props };
                const exemption = exemptions.length === 0 ? undefined : findExemption(exemptions, subject);
                if (exemption !== undefined) {
                    exempt = true;
                    recordApplied(args.stackTags, {
                        policy: policyName, urn: subject.urn, name: subject.name, type: subject.type,
                        index: exemption.index, selector: describeSelector(exemption), reason: exemption.reason,
                    });
                }
            }
            if (!exempt) {
                reportViolation(message, urn);
            }
        };
        return validation(args, report);
    };
    markGuarded(wrapped, { policyName, kind: "resource", types: undefined });
    return wrapped;
}

function wrapStack(policyName: string, validation: StackValidation): StackValidation {
    if (guardInfo(validation) !== undefined) {
        return validation;
    }
    const wrapped: StackValidation = (args, reportViolation) => {
        const isExempt = stackExemptionFilter(policyName, args);
        return validation(args, (message, urn) => {
            if (!isExempt(typeof urn === "string" && urn !== "" ? urn : undefined)) {
                reportViolation(message, urn);
            }
        });
    };
    markGuarded(wrapped, { policyName, kind: "stack", types: undefined });
    return wrapped;
}

function isStackPolicy(policy: ResourceValidationPolicy | StackValidationPolicy): policy is StackValidationPolicy {
    return "validateStack" in policy;
}

/** The policy with `exemptions` in its schema and honoured by its validation functions. */
export function withExemption<P extends ResourceValidationPolicy | StackValidationPolicy>(policy: P): P {
    const configSchema = withExemptionsProperty(policy.configSchema);
    const base: ResourceValidationPolicy | StackValidationPolicy = policy;
    if (isStackPolicy(base)) {
        const validateStack: StackValidation = typeof base.validateStack === "function" ? wrapStack(base.name, base.validateStack) : base.validateStack;
        return { ...policy, configSchema, validateStack };
    }
    const original: ResourceValidation | ResourceValidation[] | undefined = base.validateResource;
    const validateResource = Array.isArray(original)
        ? original.map((v) => wrapResource(base.name, v))
        : typeof original === "function" ? wrapResource(base.name, original) : original;
    return { ...policy, configSchema, validateResource };
}

/** Every policy with `exemptions` in its schema and honoured (see withExemption). */
export function withExemptions(policies: Policies): Policies {
    return policies.map((policy) => withExemption(policy));
}
