// The estate the access matrix looks at, from the plans: the stack's plan and, for an environment,
// the management stack's plan (the organisation, its SCPs, the permission sets, the log archive).
import type { Plan } from "../offline-preview/plan";
import { organizationChain, type OrganizationChain } from "./organization-chain";
import { configOf, planResources, type PlanResource } from "./plan-resources";
import { estatePrincipals, type EstateAccounts, type Principal } from "./principals";
import type { Estate } from "./probes";

export interface EstateView {
    readonly estate: Estate;
    readonly principals: readonly Principal[];
    readonly organization: OrganizationChain;
}

interface ManagementConfig {
    readonly accounts?: { readonly accessRoleName?: string; readonly securityAccountId?: string; readonly logArchiveAccountId?: string };
    readonly guardrails?: { readonly allowedRegions?: readonly string[]; readonly breakGlassRoleName?: string };
}

const DEFAULT_ACCESS_ROLE = "OrganizationAccountAccessRole";

/**
 * The estate of a stack. `plan` is the stack's own; `managementPlan` the management stack's (the
 * same plan when the stack is the management stack). Accounts covered: every account a resource
 * of the plans lives in; of the management account, which no SCP binds (docs/what-it-builds.md says
 * what protects it instead), only the roles the plans declare.
 */
export function estateOf(plan: Plan, managementPlan: Plan | undefined): EstateView {
    const own = planResources(plan);
    const resources: PlanResource[] =
        managementPlan === undefined || managementPlan === plan ? own : [...own, ...planResources(managementPlan)];
    const organization = organizationChain(managementPlan, resources);
    const management = (
        managementPlan === undefined
            ? {}
            : { accounts: configOf(managementPlan, "accounts"), guardrails: configOf(managementPlan, "guardrails") }
    ) as ManagementConfig;
    const environment = configOf(plan, "environment");
    const environmentAccount = configOf(plan, "accountId");
    const environmentRole = (configOf(plan, "account") as { accessRoleName?: string } | undefined)?.accessRoleName;

    const names = new Map<string, string>();
    if (typeof environmentAccount === "string" && typeof environment === "string") {
        names.set(environmentAccount, environment);
    }
    for (const [id, name] of [
        [management.accounts?.securityAccountId, "security"],
        [management.accounts?.logArchiveAccountId, "log-archive"],
    ] as const) {
        if (id !== undefined && resources.some((r) => r.account === id)) {
            names.set(id, name);
        }
    }
    for (const r of own) {
        if (r.account !== undefined && !names.has(r.account) && r.account !== organization.managementAccountId) {
            names.set(r.account, r.account);
        }
    }
    const covered = [...names.keys()];
    // The management account's own roles (the trail's) are columns too; it has no fixed principals, since no SCP binds it.
    const managementAccountId = organization.managementAccountId;
    if (managementAccountId !== undefined && resources.some((r) => r.account === managementAccountId)) {
        names.set(managementAccountId, "management");
    }
    const homeRegion = plan.config?.["aws:region"] ?? "us-east-1";
    const accounts: EstateAccounts = {
        names,
        managementAccountId,
        deploymentRoleName: (account) =>
            (account === environmentAccount ? environmentRole : undefined) ?? management.accounts?.accessRoleName ?? DEFAULT_ACCESS_ROLE,
        breakGlassRoleName: management.guardrails?.breakGlassRoleName,
        identityCenterRegion: managementPlan?.config?.["aws:region"] ?? homeRegion,
    };
    return {
        estate: { resources, allowedRegions: management.guardrails?.allowedRegions ?? [homeRegion], homeRegion, accounts: covered },
        principals: estatePrincipals(resources, accounts),
        organization,
    };
}
