// The identity family's trust and grant policies on what the bypass corpus does not show: what
// they say, how an unknown during preview leaves them undecided (never a pass), settings read
// defensively, and arbitrary inputs never ending in "could not evaluate".

import { strict as assert } from "assert";
import fc from "fast-check";
import { malformedProps } from "./arbitraries";
import { assertEvaluated, check, isUnknownValueError, resourcePolicy, UNKNOWN_STRING, unknownCheckingProxy } from "./harness";

const OPEN = resourcePolicy("identity-trust-policy-open-principal");
const OIDC = resourcePolicy("identity-oidc-trust-pinned");
const ADMIN = resourcePolicy("identity-policy-admin-access");

const GITHUB = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
const AUD = "token.actions.githubusercontent.com:aud";
const SUB = "token.actions.githubusercontent.com:sub";
const webIdentity = (condition: object) => ({
    Effect: "Allow",
    Principal: { Federated: GITHUB },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: condition,
});

const preview = (props: object) => unknownCheckingProxy(props);

describe("identity: trust and grant policies", () => {
    it("open principal: names the statement, and refuses a trust policy that is not JSON", () => {
        const [message] = check(OPEN, "aws:iam/role:Role", {
            assumeRolePolicy: JSON.stringify({ Statement: [{ Sid: "Anyone", Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }] }),
        });
        assert.match(message, /Statement\[0\] \(Anyone\) let anyone assume this role/);
        assert.match(check(OPEN, "aws:iam/role:Role", { assumeRolePolicy: "{not json" })[0], /cannot be read/);
        assert.deepEqual(check(OPEN, "aws:iam/role:Role", {}), []);
    });

    it("open principal: a Deny or a statement without an assume action does not open the role", () => {
        const trust = (statement: object) => ({ assumeRolePolicyDocument: { Statement: [statement] } });
        assert.deepEqual(check(OPEN, "aws-native:iam:Role", trust({ Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" })), []);
        assert.deepEqual(
            check(OPEN, "aws-native:iam:Role", trust({ Effect: "Allow", Principal: "*", Action: "sts:GetCallerIdentity" })),
            [],
        );
    });

    it("preview: an unknown trust policy, principal or condition value is undecided; a known open statement is reported", () => {
        const open = { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" };
        assert.throws(() => check(OPEN, "aws:iam/role:Role", preview({ assumeRolePolicy: UNKNOWN_STRING })), isUnknownValueError);
        assert.throws(
            () =>
                check(
                    OPEN,
                    "aws-native:iam:Role",
                    preview({ assumeRolePolicyDocument: { Statement: [{ ...open, Principal: UNKNOWN_STRING }] } }),
                ),
            isUnknownValueError,
        );
        assert.throws(
            () =>
                check(
                    OPEN,
                    "aws-native:iam:Role",
                    preview({
                        assumeRolePolicyDocument: {
                            Statement: [{ ...open, Condition: { StringEquals: { "aws:PrincipalOrgID": UNKNOWN_STRING } } }],
                        },
                    }),
                ),
            isUnknownValueError,
        );
        const both = preview({ assumeRolePolicyDocument: { Statement: [UNKNOWN_STRING, open] } });
        assert.equal(check(OPEN, "aws-native:iam:Role", both).length, 1);
    });

    it("OIDC: names each missing claim, and ignores trusts of other providers", () => {
        const [message] = check(OIDC, "aws-native:iam:Role", { assumeRolePolicyDocument: { Statement: [webIdentity({})] } });
        assert.match(message, /:aud" is not pinned to "sts.amazonaws.com"/);
        assert.match(message, /:sub" does not name one repository/);
        const cognito = { ...webIdentity({}), Principal: { Federated: "cognito-identity.amazonaws.com" } };
        assert.deepEqual(check(OIDC, "aws-native:iam:Role", { assumeRolePolicyDocument: { Statement: [cognito] } }), []);
    });

    it("OIDC: the bare issuer as Federated principal, and a sub list where every value names one repository", () => {
        const trust = {
            ...webIdentity({
                StringEquals: { [AUD]: "sts.amazonaws.com" },
                StringLike: { [SUB]: ["repo:o/r:pull_request", "repo:o/r:ref:refs/heads/*"] },
            }),
            Principal: { Federated: "token.actions.githubusercontent.com" },
        };
        assert.deepEqual(check(OIDC, "aws:iam/role:Role", { assumeRolePolicy: JSON.stringify({ Statement: trust }) }), []);
        const broad = { ...trust, Condition: { StringEquals: { [AUD]: "sts.amazonaws.com" }, StringLike: { [SUB]: "repo:o/r?:*" } } };
        assert.equal(check(OIDC, "aws:iam/role:Role", { assumeRolePolicy: JSON.stringify({ Statement: broad }) }).length, 1);
    });

    it("OIDC preview: an unknown provider ARN or sub value is undecided", () => {
        const pinned = { StringEquals: { [AUD]: "sts.amazonaws.com", [SUB]: "repo:o/r:environment:prod" } };
        assert.throws(
            () =>
                check(
                    OIDC,
                    "aws-native:iam:Role",
                    preview({
                        assumeRolePolicyDocument: { Statement: [{ ...webIdentity(pinned), Principal: { Federated: UNKNOWN_STRING } }] },
                    }),
                ),
            isUnknownValueError,
        );
        const unknownSub = webIdentity({ StringEquals: { [AUD]: "sts.amazonaws.com", [SUB]: UNKNOWN_STRING } });
        assert.throws(
            () => check(OIDC, "aws-native:iam:Role", preview({ assumeRolePolicyDocument: { Statement: [unknownSub] } })),
            isUnknownValueError,
        );
    });

    it("admin: the exemption names roles only; users, groups and unattached policies are never exempt", () => {
        const config = { adminRoleNames: ["break-glass"] };
        const everything = { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
        assert.deepEqual(
            check(ADMIN, "aws:iam/rolePolicy:RolePolicy", { role: "break-glass", policy: JSON.stringify(everything) }, config),
            [],
        );
        assert.deepEqual(
            check(
                ADMIN,
                "aws-native:iam:Role",
                { roleName: "break-glass", policies: [{ policyName: "a", policyDocument: everything }] },
                config,
            ),
            [],
        );
        assert.equal(
            check(ADMIN, "aws-native:iam:GroupPolicy", { groupName: "break-glass", policyDocument: everything }, config).length,
            1,
        );
        assert.equal(check(ADMIN, "aws:iam/policy:Policy", { policy: JSON.stringify(everything) }, config).length, 1);
        assert.equal(
            check(
                ADMIN,
                "aws:iam/policyAttachment:PolicyAttachment",
                { roles: ["break-glass"], users: ["bob"], policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
                config,
            ).length,
            1,
        );
        assert.equal(
            check(
                ADMIN,
                "aws:iam/rolePolicy:RolePolicy",
                { role: "break-glass", policy: JSON.stringify(everything) },
                { adminRoleNames: "break-glass" },
            ).length,
            1,
        );
    });

    it("admin: a managed policy attached only to admin roles is exempt; attached to nobody, to a user, or to an unknown role it is not", () => {
        const config = { adminRoleNames: ["break-glass", "platform-admin"] };
        const everything = { Statement: [{ Effect: "Allow", Action: "*:*", Resource: "*" }] };
        const managed = (attached: object) =>
            check(ADMIN, "aws-native:iam:ManagedPolicy", { policyDocument: everything, ...attached }, config);
        assert.deepEqual(managed({ roles: ["break-glass", "platform-admin"] }), []);
        assert.equal(managed({}).length, 1);
        assert.equal(managed({ roles: ["break-glass"], groups: ["admins"] }).length, 1);
        assert.equal(managed({ roles: ["break-glass", "ci"] }).length, 1);
        assert.throws(
            () => check(ADMIN, "aws-native:iam:ManagedPolicy", preview({ policyDocument: everything, roles: UNKNOWN_STRING }), config),
            isUnknownValueError,
        );
    });

    it("OIDC: a configured issuer whose sub has one segment only needs it free of wildcards", () => {
        const config = { oidcIssuers: ["sts.windows.net/tenant"] };
        const azure = (sub: string) => ({
            assumeRolePolicyDocument: {
                Statement: {
                    Effect: "Allow",
                    Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/sts.windows.net/tenant/" },
                    Action: "sts:AssumeRoleWithWebIdentity",
                    Condition: {
                        StringEquals: { "sts.windows.net/tenant:aud": "api://aws" },
                        StringLike: { "sts.windows.net/tenant:sub": sub },
                    },
                },
            },
        });
        assert.deepEqual(check(OIDC, "aws-native:iam:Role", azure("8f2d1c4e-0000-4000-8000-1a2b3c4d5e6f"), config), []);
        assert.equal(check(OIDC, "aws-native:iam:Role", azure("8f2d*"), config).length, 1);
        assert.deepEqual(check(OIDC, "aws-native:iam:Role", azure("8f2d*"), {}), []);
    });

    it("admin: a Deny of everything, and scoped grants, pass", () => {
        const deny = { Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }] };
        assert.deepEqual(check(ADMIN, "aws-native:iam:ManagedPolicy", { policyDocument: deny }), []);
        const scoped = { Statement: [{ Effect: "Allow", Action: ["s3:*", "iam:Get*"], Resource: "*" }] };
        assert.deepEqual(check(ADMIN, "aws-native:iam:ManagedPolicy", { policyDocument: scoped }), []);
    });

    it("admin preview: an unknown document or attached ARN is undecided; a known admin grant is reported", () => {
        assert.throws(() => check(ADMIN, "aws:iam/policy:Policy", preview({ policy: UNKNOWN_STRING })), isUnknownValueError);
        assert.throws(
            () => check(ADMIN, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", preview({ role: "r", policyArn: UNKNOWN_STRING })),
            isUnknownValueError,
        );
        assert.throws(
            () =>
                check(
                    ADMIN,
                    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                    preview({ role: UNKNOWN_STRING, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }),
                    { adminRoleNames: ["break-glass"] },
                ),
            isUnknownValueError,
        );
        assert.equal(
            check(
                ADMIN,
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                preview({ role: UNKNOWN_STRING, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }),
            ).length,
            1,
        );
    });

    describe("properties", () => {
        const TYPES = [
            "aws:iam/role:Role",
            "aws-native:iam:Role",
            "aws:iam/policy:Policy",
            "aws:iam/rolePolicy:RolePolicy",
            "aws:iam/policyAttachment:PolicyAttachment",
            "aws-native:iam:ManagedPolicy",
            "aws-native:iam:User",
        ];
        const KEYS = [
            "assumeRolePolicy",
            "assumeRolePolicyDocument",
            "policy",
            "policyDocument",
            "policies",
            "inlinePolicies",
            "managedPolicyArns",
            "policyArn",
            "roles",
            "users",
            "role",
            "roleName",
            "Statement",
            "Effect",
            "Principal",
            "Federated",
            "AWS",
            "Action",
            "NotAction",
            "Resource",
            "Condition",
            "StringLike",
            AUD,
            SUB,
            "json",
        ];
        const SEEDS = [
            null,
            "*",
            "Allow",
            GITHUB,
            "sts:AssumeRoleWithWebIdentity",
            "repo:*",
            "arn:aws:iam::aws:policy/AdministratorAccess",
            "{",
            1,
        ];
        const odd = malformedProps(SEEDS, KEYS);
        for (const policy of [OPEN, OIDC, ADMIN]) {
            it(`${policy.name}: arbitrary properties and config never throw nor fail to evaluate`, () => {
                fc.assert(
                    fc.property(fc.constantFrom(...TYPES), odd, fc.anything(), (type, props, config) => {
                        assertEvaluated(check(policy, type, props, config as object));
                    }),
                    { numRuns: 400 },
                );
            });
        }
    });
});
