// exemptions-in-use (advisory stack policy): one finding per exemption that took effect in this
// run — which policy, which resource, which exemption and its reason — so the violation report
// shows every accepted risk next to the violations that remain.
//
// Resource policies record what they suppressed during `analyze`, stack policies during
// `analyzeStack` (this policy is the last of the pack, so they have run). The Pulumi engine calls
// `analyzeStack` after every `analyze`, so the record is complete when this policy reads it.

import { StackValidation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { markGuarded } from "../guard";
import { nist, TAG } from "../metadata";
import { isExempt, stackSubjects } from "./apply";
import { AppliedExemption, appliedIn } from "./ledger";
import { exemptionsFrom } from "./match";

export const NAME = "exemptions-in-use";

/** How Security Hub records accepted risks: the model this advisory follows. */
const SUPPRESSED_FINDINGS_DOC = "https://docs.aws.amazon.com/securityhub/latest/userguide/finding-workflow-status.html";

function report(args: StackValidationArgs, reportViolation: (message: string, urn?: string) => void): void {
    const byUrn = stackSubjects(args.resources);
    const own = exemptionsFrom(args);
    const applied: AppliedExemption[] = appliedIn(args.stackTags).filter((a) => a.policy !== NAME && byUrn.has(a.urn));
    for (const a of applied) {
        const subject = byUrn.get(a.urn);
        // This policy's own exemptions hide the listing for a resource.
        if (subject !== undefined && isExempt(NAME, args, subject, true, own)) {
            continue;
        }
        reportViolation(
            `${a.policy} does not report ${a.type} "${a.name}": exempt by its exemptions[${a.index}] (${a.selector}). Reason: ${a.reason}`,
            a.urn,
        );
    }
}

function safely(reportViolation: (message: string, urn?: string) => void, work: () => void): void {
    try {
        work();
    } catch (error) {
        reportViolation(`${NAME} could not list the exemptions in use (${error instanceof Error ? error.message : String(error)}).`);
    }
}

const validateStack: StackValidation = (args, reportViolation) => {
    safely(reportViolation, () => report(args, reportViolation));
};
markGuarded(validateStack, { policyName: NAME, kind: "stack", types: undefined });

export const exemptionsInUse: StackValidationPolicy = {
    name: NAME,
    displayName: "Exemptions in use",
    description:
        "Lists every exemption that took effect in this run: which policy did not report which resource, by which entry of " +
        "its `exemptions` config, and the reason given. Advisory: it never blocks, it makes accepted risks visible.",
    enforcementLevel: "advisory",
    severity: "low",
    framework: nist(
        "CM-6",
        "Configuration Settings: identify, document, and approve any deviations from established configuration settings",
    ),
    tags: ["zero-trust", "exemptions", TAG.nist("CM-6"), TAG.nist("CA-7"), TAG.pci("1.2.5")],
    remediationSteps:
        "Review each exemption with its owner: keep it while the reason holds, otherwise fix the resource and remove the entry " +
        "from the policy's `exemptions` config (pulumi policy enable … --config). Prefer exact names or URNs to broad globs and tags.",
    url: SUPPRESSED_FINDINGS_DOC,
    validateStack,
};
