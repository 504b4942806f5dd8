// The SCPs that bind each account, from the management plan: every level of the account's chain
// (the root, each OU down to the account's, the account itself) with what is attached to it.
import type { PolicyDocument } from "../iam/policy-document";
import type { Plan } from "../offline-preview/plan";
import { configOf, ofType, policyOf, textOf, type PlanResource } from "./plan-resources";

/**
 * AWS attaches FullAWSAccess to the root, every OU and every account when SCPs are enabled; the
 * program never detaches it, so each level allows everything its other SCPs do not deny.
 */
export const FULL_AWS_ACCESS: PolicyDocument = {
    Version: "2012-10-17",
    Statement: [{ Sid: "FullAWSAccess", Effect: "Allow", Action: "*", Resource: "*" }],
};

export interface OrganizationChain {
    readonly organizationId?: string;
    readonly managementAccountId?: string;
    /** The SCPs of each level of the account's chain; none for the management account, which SCPs never bind. */
    scpLevels(account: string): readonly (readonly PolicyDocument[])[];
    /** The path of OUs the account sits in (`root/workloads/non-prod`), for the report. */
    placement(account: string): string;
}

const idOf = (r: PlanResource): string | undefined => textOf(r, "id") ?? r.id;

/** The organisation as the management plan (and any environment plan creating accounts) declares it. */
export function organizationChain(managementPlan: Plan | undefined, resources: readonly PlanResource[]): OrganizationChain {
    const organization = (managementPlan === undefined ? undefined : configOf(managementPlan, "organization")) as
        { id?: string; rootId?: string; managementAccountId?: string } | undefined;
    const units = ofType(resources, "aws:organizations/organizationalUnit:OrganizationalUnit");
    const parentOf = new Map<string, string>();
    const nameOf = new Map<string, string>();
    for (const unit of units) {
        const id = idOf(unit);
        const parent = textOf(unit, "parentId");
        if (id !== undefined && parent !== undefined) {
            parentOf.set(id, parent);
            nameOf.set(id, textOf(unit, "name") ?? id);
        }
    }
    for (const account of ofType(resources, "aws:organizations/account:Account")) {
        const id = idOf(account);
        const parent = textOf(account, "parentId");
        if (id !== undefined && parent !== undefined) {
            parentOf.set(id, parent);
        }
    }
    const policies = new Map<string, PolicyDocument>();
    for (const policy of ofType(resources, "aws:organizations/policy:Policy")) {
        const id = idOf(policy);
        const content = policyOf(policy, "content");
        if (id !== undefined && typeof content === "object" && textOf(policy, "type") !== "RESOURCE_CONTROL_POLICY") {
            policies.set(id, content);
        }
    }
    const attached = new Map<string, PolicyDocument[]>();
    for (const attachment of ofType(resources, "aws:organizations/policyAttachment:PolicyAttachment")) {
        const target = textOf(attachment, "targetId");
        const policy = policies.get(textOf(attachment, "policyId") ?? "");
        if (target !== undefined && policy !== undefined) {
            attached.set(target, [...(attached.get(target) ?? []), policy]);
        }
    }
    const rootId = organization?.rootId;
    /** The chain from the root down to the target (an account outside every OU hangs from the root). */
    const chain = (target: string): string[] => {
        const path = [target];
        for (let at = parentOf.get(target); at !== undefined && !path.includes(at); at = parentOf.get(at)) {
            path.unshift(at);
        }
        if (rootId !== undefined && path[0] !== rootId) {
            path.unshift(rootId);
        }
        return path;
    };
    const managementAccountId = organization?.managementAccountId;
    return {
        organizationId: organization?.id,
        managementAccountId,
        scpLevels: (account) =>
            account === managementAccountId || managementPlan === undefined
                ? []
                : chain(account).map((level) => [FULL_AWS_ACCESS, ...(attached.get(level) ?? [])]),
        placement: (account) =>
            account === managementAccountId
                ? "management account (no SCP applies)"
                : chain(account)
                      .slice(0, -1)
                      .map((level) => (level === rootId ? "root" : (nameOf.get(level) ?? level)))
                      .join("/"),
    };
}
