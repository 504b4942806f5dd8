// The one place where a policy's exemptions are applied: every path of the pack (guardResource,
// guardStack, the wrapper for policies written without them, and exemptions-in-use itself) asks
// isExempt whether a report's subject is exempt, and isExempt records each exemption that hid a
// report for the advisory exemptions-in-use.

import { ConfigArgs } from "../config";
import { recordApplied } from "./ledger";
import { describeSelector, Exemption, exemptionsFrom, findExemption, logicalName, Subject } from "./match";

/** What isExempt needs of validation args: the policy's config and the run's stack tags. */
export interface ExemptionArgs extends ConfigArgs {
    stackTags?: unknown;
}

/**
 * Whether one of the policy's exemptions covers the subject. When one does and `suppressed` (it
 * hides at least one report), it is recorded for exemptions-in-use. Never throws. `exemptions`
 * may be given when the caller already read them.
 */
export function isExempt(
    policyName: string,
    args: ExemptionArgs,
    subject: Subject,
    suppressed: boolean,
    exemptions: readonly Exemption[] = exemptionsFrom(args),
): boolean {
    const exemption = findExemption(exemptions, subject);
    if (exemption === undefined) {
        return false;
    }
    if (suppressed) {
        recordApplied(args.stackTags, {
            policy: policyName,
            urn: subject.urn,
            name: subject.name,
            type: subject.type,
            index: exemption.index,
            selector: describeSelector(exemption),
            reason: exemption.reason,
        });
    }
    return true;
}

/** The resource a resource policy's args describe, as exemptions see it. */
export function resourceSubject(args: { urn?: string; name?: string; type?: string; props?: unknown }): Subject {
    const urn = String(args.urn ?? "");
    return {
        urn,
        name: logicalName(urn, typeof args.name === "string" ? args.name : undefined),
        type: String(args.type ?? ""),
        props: args.props,
    };
}

/** The stack's resources by URN, as exemptions see them (only well-formed entries). */
export function stackSubjects(resources: unknown): Map<string, Subject> {
    const byUrn = new Map<string, Subject>();
    if (!Array.isArray(resources)) {
        return byUrn;
    }
    for (const r of resources as unknown[]) {
        if (r !== null && typeof r === "object") {
            const { urn, name, type, props } = r as Record<string, unknown>;
            if (typeof urn === "string") {
                byUrn.set(urn, {
                    urn,
                    name: logicalName(urn, typeof name === "string" ? name : undefined),
                    type: typeof type === "string" ? type : "",
                    props,
                });
            }
        }
    }
    return byUrn;
}

/**
 * A filter for a stack policy's reports: true when the report is on an exempt resource (it is
 * then recorded). Reports without a URN, or on a URN not in the stack, are never exempt.
 */
export function stackExemptionFilter(
    policyName: string,
    args: ExemptionArgs & { resources?: unknown },
): (urn: string | undefined) => boolean {
    let exemptions: Exemption[] | undefined;
    let byUrn: Map<string, Subject> | undefined;
    const decided = new Map<string, boolean>();
    return (urn) => {
        if (urn === undefined) {
            return false;
        }
        let exempt = decided.get(urn);
        if (exempt === undefined) {
            exemptions ??= exemptionsFrom(args);
            byUrn ??= exemptions.length > 0 ? stackSubjects(args.resources) : new Map<string, Subject>();
            const subject = byUrn.get(urn);
            exempt = subject !== undefined && isExempt(policyName, args, subject, true, exemptions);
            decided.set(urn, exempt);
        }
        return exempt;
    };
}
