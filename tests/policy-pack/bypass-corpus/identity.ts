import { resource } from "../harness";
import type { BypassCase } from "./bypass-case";

// The identity family: role trust policies open to anyone, GitHub OIDC trusts that do not pin one
// repository (each famous misconfiguration its own case), and identity policies granting
// administrator access. Tries: both providers, JSON text and objects, getPolicyDocument results,
// the open statement second, lowercase element names, NotPrincipal / NotAction, conditions that
// look restricting but are not (IfExists, ForAnyValue:, a "*" value).

const CLASSIC_ROLE = "aws:iam/role:Role";
const NATIVE_ROLE = "aws-native:iam:Role";
const ACCOUNT = "111122223333";
const GITHUB = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const SUB = "token.actions.githubusercontent.com:sub";
const AUD = "token.actions.githubusercontent.com:aud";
const PINNED_SUB = "repo:example-org/zero-trust-aws:environment:staging";

const ecsTasks = { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" };

const classicRole = (...statements: object[]) =>
    resource(CLASSIC_ROLE, "role", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) });
const nativeRole = (...statements: object[]) => resource(NATIVE_ROLE, "role", { assumeRolePolicyDocument: { Statement: statements } });

/** A GitHub web-identity trust with the given condition block. */
const github = (condition: object | undefined) => ({
    Effect: "Allow",
    Principal: { Federated: GITHUB },
    Action: "sts:AssumeRoleWithWebIdentity",
    ...(condition === undefined ? {} : { Condition: condition }),
});
const pinned = { StringEquals: { [AUD]: "sts.amazonaws.com", [SUB]: PINNED_SUB } };

const openTrust = (principal: object | string, condition?: object) => ({
    Effect: "Allow",
    Principal: principal,
    Action: ["sts:AssumeRole", "sts:TagSession"],
    ...(condition === undefined ? {} : { Condition: condition }),
});
const orgOnly = { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } };

const oidcCase = (title: string, condition: object | undefined, role = classicRole): BypassCase => ({
    title: `GitHub OIDC trust: ${title}`,
    policy: "identity-oidc-trust-pinned",
    violating: () => [role(github(condition))],
    compliant: () => [role(github(pinned))],
});

const admin = (document: object) => ({ Version: "2012-10-17", Statement: [document] });
const readOnly = admin({ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::reports/*" });

export const identityBypasses: readonly BypassCase[] = [
    {
        title: 'trust policy: Principal "*" on a classic role, the open statement second',
        policy: "identity-trust-policy-open-principal",
        violating: () => [classicRole(ecsTasks, openTrust("*"))],
        compliant: () => [classicRole(ecsTasks, openTrust("*", orgOnly))],
    },
    {
        title: 'trust policy: {"AWS": ["<account>", "*"]} on an aws-native role',
        policy: "identity-trust-policy-open-principal",
        violating: () => [nativeRole(openTrust({ AWS: [`arn:aws:iam::${ACCOUNT}:root`, "*"] }))],
        compliant: () => [nativeRole(openTrust({ AWS: [`arn:aws:iam::${ACCOUNT}:root`] }))],
    },
    {
        title: "trust policy: NotPrincipal with Allow (everyone but one account)",
        policy: "identity-trust-policy-open-principal",
        violating: () => [nativeRole({ Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole" })],
        compliant: () => [nativeRole({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole" })],
    },
    {
        title: "trust policy: an organisation condition that only looks restricting (StringEqualsIfExists, a '*' value)",
        policy: "identity-trust-policy-open-principal",
        violating: () => [
            classicRole(openTrust("*", { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } })),
            classicRole(openTrust("*", { StringLike: { "aws:PrincipalOrgID": "*" } })),
        ],
        compliant: () => [classicRole(openTrust("*", { StringEquals: { "aws:PrincipalAccount": ACCOUNT } }))],
    },
    {
        title: "trust policy: a getPolicyDocument result with lowercase element names and sts:* ",
        policy: "identity-trust-policy-open-principal",
        violating: () => [
            resource(CLASSIC_ROLE, "role", {
                assumeRolePolicy: {
                    id: "1",
                    json: JSON.stringify({ statement: { effect: "Allow", principal: { aws: "*" }, action: "sts:*" } }),
                },
            }),
        ],
        compliant: () => [
            resource(CLASSIC_ROLE, "role", {
                assumeRolePolicy: {
                    id: "1",
                    json: JSON.stringify({
                        statement: { effect: "Allow", principal: { aws: `arn:aws:iam::${ACCOUNT}:root` }, action: "sts:*" },
                    }),
                },
            }),
        ],
    },
    oidcCase("no sub condition", { StringEquals: { [AUD]: "sts.amazonaws.com" } }),
    oidcCase("no condition at all (aws-native)", undefined, nativeRole),
    oidcCase("sub repo:* (any repository)", { StringEquals: { [AUD]: "sts.amazonaws.com" }, StringLike: { [SUB]: "repo:*" } }),
    oidcCase("sub repo:org/* (any repository of the owner)", {
        StringEquals: { [AUD]: "sts.amazonaws.com" },
        StringLike: { [SUB]: "repo:example-org/*" },
    }),
    oidcCase("sub repo:*/zero-trust-aws:* (any owner's fork name)", {
        StringEquals: { [AUD]: "sts.amazonaws.com" },
        StringLike: { [SUB]: "repo:*/zero-trust-aws:*" },
    }),
    oidcCase(
        "sub under ForAnyValue:StringLike",
        {
            StringEquals: { [AUD]: "sts.amazonaws.com" },
            "ForAnyValue:StringLike": { [SUB]: PINNED_SUB },
        },
        nativeRole,
    ),
    oidcCase("sub only in a StringLike with *", { StringEquals: { [AUD]: "sts.amazonaws.com" }, StringLike: { [SUB]: "*" } }),
    oidcCase("aud missing", { StringEquals: { [SUB]: PINNED_SUB } }, nativeRole),
    oidcCase("sub under StringLikeIfExists", { StringEquals: { [AUD]: "sts.amazonaws.com" }, StringLikeIfExists: { [SUB]: PINNED_SUB } }),
    oidcCase("one pinned subject listed beside repo:*", {
        StringEquals: { [AUD]: "sts.amazonaws.com" },
        StringLike: { [SUB]: [PINNED_SUB, "repo:*"] },
    }),
    {
        title: "GitHub OIDC trust: a wildcard in the ref part is allowed (StringLike repo:<owner>/<repo>:ref:refs/heads/*)",
        policy: "identity-oidc-trust-pinned",
        violating: () => [
            classicRole(
                github({ StringEquals: { [AUD]: "sts.amazonaws.com" }, StringLike: { [SUB]: "repo:example-org/zero-*:ref:refs/heads/*" } }),
            ),
        ],
        compliant: () => [
            classicRole(
                github({
                    StringEquals: { [AUD]: "sts.amazonaws.com" },
                    StringLike: { [SUB]: "repo:example-org/zero-trust-aws:ref:refs/heads/*" },
                }),
            ),
        ],
    },
    {
        title: "GitLab OIDC trust (configured issuer) with a wildcard project path",
        policy: "identity-oidc-trust-pinned",
        config: { oidcIssuers: ["https://gitlab.com/"] },
        violating: () => [
            nativeRole({
                ...github(undefined),
                Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.com` },
                Condition: {
                    StringEquals: { "gitlab.com:aud": "https://gitlab.com" },
                    StringLike: { "gitlab.com:sub": "project_path:group/*:ref_type:branch:ref:main" },
                },
            }),
        ],
        compliant: () => [
            nativeRole({
                ...github(undefined),
                Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.com` },
                Condition: {
                    StringEquals: { "gitlab.com:aud": "https://gitlab.com" },
                    StringLike: { "gitlab.com:sub": "project_path:group/app:ref_type:branch:ref:*" },
                },
            }),
        ],
    },
    {
        title: "admin access: Action * on Resource * in a classic Policy",
        policy: "identity-policy-admin-access",
        violating: () => [
            resource("aws:iam/policy:Policy", "p", { policy: JSON.stringify(admin({ Effect: "Allow", Action: "*", Resource: "*" })) }),
        ],
        compliant: () => [resource("aws:iam/policy:Policy", "p", { policy: JSON.stringify(readOnly) })],
    },
    {
        title: "admin access: NotAction on Resource * in an aws-native ManagedPolicy",
        policy: "identity-policy-admin-access",
        violating: () => [
            resource("aws-native:iam:ManagedPolicy", "p", {
                policyDocument: admin({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }),
                roles: ["app"],
            }),
        ],
        compliant: () => [resource("aws-native:iam:ManagedPolicy", "p", { policyDocument: readOnly, roles: ["app"] })],
    },
    {
        title: "admin access: iam:* (so iam:PassRole) on every role, as a role's inline policy",
        policy: "identity-policy-admin-access",
        violating: () => [
            resource(CLASSIC_ROLE, "deployer", {
                assumeRolePolicy: JSON.stringify({ Statement: [ecsTasks] }),
                inlinePolicies: [
                    {
                        name: "pass",
                        policy: JSON.stringify(admin({ Effect: "Allow", Action: "iam:*", Resource: `arn:aws:iam::${ACCOUNT}:role/*` })),
                    },
                ],
            }),
        ],
        compliant: () => [
            resource(CLASSIC_ROLE, "deployer", {
                assumeRolePolicy: JSON.stringify({ Statement: [ecsTasks] }),
                inlinePolicies: [
                    {
                        name: "pass",
                        policy: JSON.stringify(
                            admin({ Effect: "Allow", Action: "iam:PassRole", Resource: `arn:aws:iam::${ACCOUNT}:role/workloads/app` }),
                        ),
                    },
                ],
            }),
        ],
    },
    {
        title: "admin access: AdministratorAccess attached through managedPolicyArns of an aws-native user",
        policy: "identity-policy-admin-access",
        violating: () => [resource("aws-native:iam:User", "u", { managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] })],
        compliant: () => [resource("aws-native:iam:User", "u", { managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] })],
    },
    {
        title: "admin access: AdministratorAccess attached to a role not named in adminRoleNames",
        policy: "identity-policy-admin-access",
        config: { adminRoleNames: ["break-glass"] },
        violating: () => [
            resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "a", {
                role: "ci-deploy",
                policyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
            }),
        ],
        compliant: () => [
            resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "a", {
                role: "break-glass",
                policyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
            }),
        ],
    },
];
