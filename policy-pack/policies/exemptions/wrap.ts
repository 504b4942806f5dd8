// Gives every policy of the pack the `exemptions` setting, whatever way its family wrote it:
//   - the config schema gets the `exemptions` property (the families' schemas leave it out);
//   - a validation function not made by guardResource / guardStack (which honour exemptions
//     themselves) is wrapped: its reports on an exempt resource are dropped and recorded.
// Both ways go through isExempt (apply.ts).
// Applied once, in policies/index.ts, to the whole list.

import {
    Policies,
    ReportViolation,
    ResourceValidation,
    ResourceValidationPolicy,
    StackValidation,
    StackValidationPolicy,
} from "@pulumi/policy";
import { withExemptionsProperty } from "../config";
import { guardInfo, markGuarded } from "../guard";
import { isExempt, resourceSubject, stackExemptionFilter } from "./apply";

function wrapResource(policyName: string, validation: ResourceValidation): ResourceValidation {
    if (guardInfo(validation) !== undefined) {
        return validation;
    }
    const wrapped: ResourceValidation = (args, reportViolation) => {
        let exempt: boolean | undefined;
        const report: ReportViolation = (message, urn) => {
            exempt ??= isExempt(policyName, args, resourceSubject(args), true);
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
        const exemptUrn = stackExemptionFilter(policyName, args);
        return validation(args, (message, urn) => {
            if (!exemptUrn(typeof urn === "string" && urn !== "" ? urn : undefined)) {
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
        const validateStack: StackValidation =
            typeof base.validateStack === "function" ? wrapStack(base.name, base.validateStack) : base.validateStack;
        return { ...policy, configSchema, validateStack };
    }
    const original: ResourceValidation | ResourceValidation[] | undefined = base.validateResource;
    const validateResource = Array.isArray(original)
        ? original.map((v) => wrapResource(base.name, v))
        : typeof original === "function"
          ? wrapResource(base.name, original)
          : original;
    return { ...policy, configSchema, validateResource };
}

/** Every policy with `exemptions` in its schema and honoured (see withExemption). */
export function withExemptions(policies: Policies): Policies {
    return policies.map((policy) => withExemption(policy));
}
