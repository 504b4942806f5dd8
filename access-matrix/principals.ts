// The principals the stacks define or assign, each with every policy that bears on its requests:
// the IAM roles of the plans, each Identity Center permission set in each account it is assigned
// to, and in every account of the estate the deployment role, the break-glass role and the root user.
import { AWS_MANAGED_POLICY_ARNS } from "../components/identity/permission-set-policies";
import { MANAGEMENT_DEPLOY_ROLE_NAME } from "../components/identity/pipeline-names";
import { MANAGED_POLICY_MODELS } from "./managed-policy-models";
import { policyDocument, type PolicyDocument } from "../iam/policy-document";
import { ofType, policyOf, textOf, type PlanResource } from "./plan-resources";

/** What a principal is to the platform: who may change it is decided by kind. */
export type PrincipalKind = "deployment" | "break-glass" | "root" | "permission-set" | "role";

export interface Principal {
    /** Short column label: `<name>@<account name>`. */
    readonly label: string;
    readonly kind: PrincipalKind;
    /** The permission set's or the role's name (`developer`, `staging-responder-role`). */
    readonly name: string;
    readonly arn: string;
    readonly account: string;
    readonly identityPolicies: readonly PolicyDocument[];
    readonly boundary?: PolicyDocument;
    /** Its tags (`aws:PrincipalTag/…`): a plan role's own over its provider's default tags. */
    readonly tags: Readonly<Record<string, string>>;
    /** The region a plan role serves (its provider's): roles are global, a regional responder's work is not. */
    readonly region?: string;
}

/** Where the estate's accounts and its fixed roles come from (the stacks' config). */
export interface EstateAccounts {
    /** The accounts whose principals the matrix covers, by id, with a readable name. */
    readonly names: ReadonlyMap<string, string>;
    /** The management account: its plan roles are covered, its deployment, break-glass and root are not. */
    readonly managementAccountId?: string;
    /** The deployment role's name in an account (the organisation access role). */
    deploymentRoleName(account: string): string;
    readonly breakGlassRoleName?: string;
    /** Identity Center's home region (for the reserved SSO role paths). */
    readonly identityCenterRegion: string;
}

/** Stands in for a managed policy nobody modelled: its cells are Undecided (counted as allowed), never denied. */
const unmodelled = (arn: string): PolicyDocument =>
    policyDocument([
        { Sid: `no model of ${arn}`, Effect: "Allow", Action: "*", Resource: "*", Condition: { UnmodelledManagedPolicy: { policy: arn } } },
    ]);

function managedPolicy(arn: string, customerManaged: ReadonlyMap<string, PolicyDocument>): PolicyDocument {
    return customerManaged.get(arn) ?? MANAGED_POLICY_MODELS[arn] ?? unmodelled(arn);
}

const known = (policy: PolicyDocument | "unknown" | undefined, what: string): PolicyDocument[] =>
    policy === undefined ? [] : policy === "unknown" ? [unmodelled(`${what} (unknown at preview)`)] : [policy];

const labelOf = (name: string, account: string, accounts: EstateAccounts): string => `${name}@${accounts.names.get(account) ?? account}`;

/** The roles the plans declare, with their inline, attached and boundary policies. */
function planRoles(
    resources: readonly PlanResource[],
    accounts: EstateAccounts,
    customerManaged: ReadonlyMap<string, PolicyDocument>,
): Principal[] {
    const rolePolicies = ofType(resources, "aws:iam/rolePolicy:RolePolicy");
    const attachments = ofType(resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
    return ofType(resources, "aws:iam/role:Role").flatMap((role): Principal[] => {
        const roleName = textOf(role, "name") ?? role.id;
        const account = role.account;
        if (roleName === undefined || account === undefined || !accounts.names.has(account)) {
            return [];
        }
        const inline = Array.isArray(role.inputs.inlinePolicies) ? (role.inputs.inlinePolicies as { policy?: unknown }[]) : [];
        const boundaryArn = textOf(role, "permissionsBoundary");
        return [
            {
                label: labelOf(role.name, account, accounts),
                // The management stack's deploy role is the management account's deployment principal: it runs `pulumi up` there.
                kind: account === accounts.managementAccountId && roleName === MANAGEMENT_DEPLOY_ROLE_NAME ? "deployment" : "role",
                ...(role.region === undefined ? {} : { region: role.region }),
                name: role.name,
                arn: `arn:aws:iam::${account}:role/${roleName}`,
                account,
                identityPolicies: [
                    ...inline.flatMap((p) =>
                        known(policyOf({ ...role, inputs: { policy: p.policy } }, "policy"), `an inline policy of ${role.name}`),
                    ),
                    ...rolePolicies.filter((p) => textOf(p, "role") === roleName).flatMap((p) => known(policyOf(p, "policy"), p.name)),
                    ...attachments
                        .filter((a) => textOf(a, "role") === roleName)
                        .map((a) => managedPolicy(textOf(a, "policyArn") ?? a.name, customerManaged)),
                ],
                boundary: boundaryArn === undefined ? undefined : managedPolicy(boundaryArn, customerManaged),
                tags: role.tags,
            },
        ];
    });
}

/** Each permission set as the role Identity Center creates for it in every account it is assigned to. */
function permissionSetRoles(
    resources: readonly PlanResource[],
    accounts: EstateAccounts,
    customerManaged: ReadonlyMap<string, PolicyDocument>,
): Principal[] {
    const sets = ofType(resources, "aws:ssoadmin/permissionSet:PermissionSet");
    const arnOf = (r: PlanResource): string | undefined => textOf(r, "arn");
    return ofType(resources, "aws:ssoadmin/accountAssignment:AccountAssignment").flatMap((assignment): Principal[] => {
        const setArn = textOf(assignment, "permissionSetArn");
        const account = textOf(assignment, "targetId");
        const set = sets.find((s) => arnOf(s) === setArn);
        const name = set === undefined ? undefined : textOf(set, "name");
        if (name === undefined || account === undefined || !accounts.names.has(account)) {
            return [];
        }
        const forSet = (type: string): PlanResource[] => ofType(resources, type).filter((r) => textOf(r, "permissionSetArn") === setArn);
        const boundary = forSet("aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment")[0];
        const boundaryArn =
            boundary === undefined
                ? undefined
                : (boundary.inputs.permissionsBoundary as { managedPolicyArn?: string } | undefined)?.managedPolicyArn;
        return [
            {
                label: labelOf(name, account, accounts),
                kind: "permission-set",
                name,
                // The role's suffix is a hash Identity Center chooses; policies match the name prefix.
                arn: `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com/${accounts.identityCenterRegion}/AWSReservedSSO_${name}_0000000000000000`,
                account,
                identityPolicies: [
                    ...forSet("aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy").flatMap((p) =>
                        known(policyOf(p, "inlinePolicy"), p.name),
                    ),
                    ...forSet("aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment").map((a) =>
                        managedPolicy(textOf(a, "managedPolicyArn") ?? a.name, customerManaged),
                    ),
                    ...forSet("aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment").map((a) =>
                        unmodelled(a.name),
                    ),
                ],
                boundary:
                    boundary === undefined
                        ? undefined
                        : boundaryArn === undefined
                          ? unmodelled(boundary.name)
                          : managedPolicy(boundaryArn, customerManaged),
                tags: {},
            },
        ];
    });
}

/** The deployment role, the break-glass role (both AdministratorAccess) and the root user of each account. */
function accountPrincipals(accounts: EstateAccounts): Principal[] {
    const administrator = [MANAGED_POLICY_MODELS[AWS_MANAGED_POLICY_ARNS.AdministratorAccess]];
    return [...accounts.names.keys()]
        .filter((account) => account !== accounts.managementAccountId)
        .flatMap((account): Principal[] => {
            const deployment = accounts.deploymentRoleName(account);
            const breakGlass = accounts.breakGlassRoleName;
            return [
                {
                    label: labelOf("deployment", account, accounts),
                    kind: "deployment",
                    name: deployment,
                    arn: `arn:aws:iam::${account}:role/${deployment}`,
                    account,
                    identityPolicies: administrator,
                    tags: {},
                },
                ...(breakGlass === undefined
                    ? []
                    : [
                          {
                              label: labelOf("break-glass", account, accounts),
                              kind: "break-glass" as const,
                              name: breakGlass,
                              arn: `arn:aws:iam::${account}:role/${breakGlass}`,
                              account,
                              identityPolicies: administrator,
                              tags: {},
                          },
                      ]),
                {
                    label: labelOf("root", account, accounts),
                    kind: "root",
                    name: "root",
                    arn: `arn:aws:iam::${account}:root`,
                    account,
                    identityPolicies: [],
                    tags: {},
                },
            ];
        });
}

/** Every principal of the estate's accounts that the plans define or assign. */
export function estatePrincipals(resources: readonly PlanResource[], accounts: EstateAccounts): Principal[] {
    const customerManaged = new Map(
        ofType(resources, "aws:iam/policy:Policy").flatMap((p): [string, PolicyDocument][] => {
            const arn = textOf(p, "arn");
            const policy = policyOf(p, "policy");
            return arn === undefined || typeof policy !== "object" ? [] : [[arn, policy]];
        }),
    );
    return [
        ...accountPrincipals(accounts),
        ...permissionSetRoles(resources, accounts, customerManaged),
        ...planRoles(resources, accounts, customerManaged),
    ];
}
