import * as assert from "assert";
import { PipelineIdentities } from "../../components/identity/pipeline-identities";
import { githubOidcProviderArn } from "../../components/identity/pipeline-names";
import { authorize, evaluate, type Decision } from "../../iam/evaluator/policy-evaluator";
import type { PolicyDocument } from "../../iam/policy-document";
import { awsResourcesThrough, decoded, type RecordingMocks, type Registration } from "../network/recording-mocks";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";
import {
    ACCESS,
    ACCOUNTS,
    BOUNDARY,
    BOUNDARY_POLICY,
    buildPipeline,
    MANAGEMENT,
    PIPELINE_ARGS,
    policyOfRole,
    PROVIDER,
    role,
} from "./pipeline-fixture";

const T = {
    component: "zero-trust:identity:PipelineIdentities",
    oidc: "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
    policy: "aws:iam/policy:Policy",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
} as const;

const roleNamed = (mocks: RecordingMocks, roleName: string): Registration => {
    const found = mocks.ofType(T.role).find((r) => r.inputs.name === roleName);
    assert.ok(found !== undefined, roleName);
    return found;
};

describe("PipelineIdentities", () => {
    let mocks: RecordingMocks;
    before(async () => {
        mocks = await buildPipeline();
    });

    it("declares GitHub's OIDC provider for the sts.amazonaws.com audience, without a thumbprint", () => {
        const [oidc] = mocks.ofType(T.oidc);
        assert.strictEqual(mocks.ofType(T.oidc).length, 1);
        assert.strictEqual(oidc.inputs.url, "https://token.actions.githubusercontent.com");
        assert.deepStrictEqual(oidc.inputs.clientIdLists, ["sts.amazonaws.com"]);
        assert.strictEqual(oidc.inputs.thumbprintLists, undefined);
    });

    it("declares pipeline-preview and a deploy role per stack, one-hour sessions, each under pipeline-boundary", () => {
        const roles = mocks.ofType(T.role);
        assert.deepStrictEqual(
            roles.map((r) => r.inputs.name),
            ["pipeline-preview", "pipeline-deploy-management", "pipeline-deploy-staging", "pipeline-deploy-prod"],
        );
        const boundary = mocks.ofType(T.policy);
        assert.deepStrictEqual(
            boundary.map((p) => p.inputs.name),
            ["pipeline-boundary"],
        );
        assert.deepStrictEqual(decoded(boundary[0].inputs.policy), BOUNDARY_POLICY);
        for (const r of roles) {
            assert.strictEqual(r.inputs.maxSessionDuration, 3600, r.name);
            assert.strictEqual(r.inputs.permissionsBoundary, boundary[0].outputs.arn, r.name);
        }
    });

    it("declares everything through the management account's provider, inside the component", () => {
        const resources = awsResourcesThrough(mocks, "management");
        assert.strictEqual(resources.length, 1 + 1 + 4 + 4);
        const component = mocks.ofType(T.component)[0];
        assert.ok(resources.every((r) => r.parent === component.urn));
    });

    it("refuses an environment named like the management stack before declaring anything", async () => {
        await assertRefusedBeforeDeclaring(
            () =>
                new PipelineIdentities("pipeline", {
                    ...PIPELINE_ARGS,
                    environments: [{ name: "management", accessRoleArn: role(ACCOUNTS.staging, ACCESS) }],
                }),
            /^environments\[0\]\.name: "management" .*other than the management stack's own name/,
        );
    });

    describe("trust (IAM evaluator): GitHub's tokens with the sts.amazonaws.com audience and exactly one subject", () => {
        /** Whether a web identity signed by `provider`, with this audience and subject, may assume the role. */
        const assume = (roleName: string, sub: string, aud = "sts.amazonaws.com", provider = PROVIDER): Decision => {
            const trust = decoded(roleNamed(mocks, roleName).inputs.assumeRolePolicy) as PolicyDocument;
            const asResource = { ...trust, Statement: trust.Statement.map((s) => ({ ...s, Resource: role(MANAGEMENT, roleName) })) };
            return evaluate(
                [asResource],
                {
                    principal: { federated: provider },
                    action: "sts:AssumeRoleWithWebIdentity",
                    resource: role(MANAGEMENT, roleName),
                    context: { "token.actions.githubusercontent.com:aud": aud, "token.actions.githubusercontent.com:sub": sub },
                },
                { strict: true },
            );
        };
        const repo = "repo:example-org/zero-trust-aws";

        it("pipeline-preview admits this repository's pull requests only", () => {
            assert.strictEqual(assume("pipeline-preview", `${repo}:pull_request`), "Allow");
            assert.strictEqual(
                assume("pipeline-preview", "repo:example-org/other-repo:pull_request"),
                "ImplicitDeny",
                "another repository",
            );
            assert.strictEqual(assume("pipeline-preview", "repo:someone/zero-trust-aws:pull_request"), "ImplicitDeny", "a fork");
            assert.strictEqual(assume("pipeline-preview", `${repo}:ref:refs/heads/main`), "ImplicitDeny", "a branch push");
            assert.strictEqual(assume("pipeline-preview", `${repo}:environment:prod`), "ImplicitDeny", "a deploy job");
            assert.strictEqual(assume("pipeline-preview", "repo:Example-Org/zero-trust-aws:pull_request"), "ImplicitDeny", "case matters");
        });

        it("a deploy role admits its own GitHub environment's jobs only", () => {
            for (const stack of ["management", "staging", "prod"]) {
                assert.strictEqual(assume(`pipeline-deploy-${stack}`, `${repo}:environment:${stack}`), "Allow", stack);
                assert.strictEqual(assume(`pipeline-deploy-${stack}`, `${repo}:pull_request`), "ImplicitDeny", stack);
                assert.strictEqual(assume(`pipeline-deploy-${stack}`, `${repo}:ref:refs/heads/main`), "ImplicitDeny", stack);
                assert.strictEqual(assume(`pipeline-deploy-${stack}`, `repo:someone/zero-trust-aws:environment:${stack}`), "ImplicitDeny");
            }
            assert.strictEqual(assume("pipeline-deploy-prod", `${repo}:environment:staging`), "ImplicitDeny", "another environment");
            assert.strictEqual(assume("pipeline-deploy-management", `${repo}:environment:prod`), "ImplicitDeny");
        });

        it("refuses another audience and another identity provider", () => {
            assert.strictEqual(assume("pipeline-preview", `${repo}:pull_request`, "sigstore"), "ImplicitDeny");
            assert.strictEqual(
                assume("pipeline-preview", `${repo}:pull_request`, "sts.amazonaws.com", githubOidcProviderArn("888888888888")),
                "ImplicitDeny",
            );
        });
    });

    describe("what the deploy roles may do (IAM evaluator, with their boundary)", () => {
        const asRole = (roleName: string, action: string, resource: string, context = {}): Decision =>
            authorize(
                { principal: { arn: role(MANAGEMENT, roleName) }, action, resource, context },
                { identityPolicies: [policyOfRole(mocks, roleName)], boundary: BOUNDARY_POLICY },
                { strict: true },
            ).decision;

        it("an environment's deploy role may assume its own account's access role, never another's", () => {
            assert.strictEqual(asRole("pipeline-deploy-staging", "sts:AssumeRole", role(ACCOUNTS.staging, ACCESS)), "Allow");
            assert.strictEqual(asRole("pipeline-deploy-staging", "sts:AssumeRole", role(ACCOUNTS.prod, ACCESS)), "ImplicitDeny");
            assert.strictEqual(asRole("pipeline-deploy-prod", "sts:AssumeRole", role(ACCOUNTS.staging, ACCESS)), "ImplicitDeny");
            assert.strictEqual(asRole("pipeline-deploy-staging", "sts:AssumeRole", role(ACCOUNTS.security, ACCESS)), "ImplicitDeny");
            assert.strictEqual(asRole("pipeline-deploy-staging", "organizations:CreateAccount", "*"), "ImplicitDeny");
            assert.strictEqual(
                asRole("pipeline-deploy-staging", "iam:CreateRole", role(MANAGEMENT, "x"), { "iam:PermissionsBoundary": BOUNDARY }),
                "ImplicitDeny",
                "nothing in the management account, even within the boundary",
            );
        });

        it("the management deploy role may assume the security and log-archive access roles, no environment's", () => {
            assert.strictEqual(asRole("pipeline-deploy-management", "sts:AssumeRole", role(ACCOUNTS.security, ACCESS)), "Allow");
            assert.strictEqual(asRole("pipeline-deploy-management", "sts:AssumeRole", role(ACCOUNTS.logArchive, ACCESS)), "Allow");
            assert.strictEqual(asRole("pipeline-deploy-management", "sts:AssumeRole", role(ACCOUNTS.prod, ACCESS)), "ImplicitDeny");
        });

        it("the management deploy role cannot destroy keys or delete log groups (no SCP binds the management account)", () => {
            const key = `arn:aws:kms:eu-west-1:${MANAGEMENT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
            for (const action of ["kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:DisableKeyRotation"]) {
                assert.strictEqual(asRole("pipeline-deploy-management", action, key), "ExplicitDeny", action);
            }
            const group = `arn:aws:logs:eu-west-1:${MANAGEMENT}:log-group:aws-cloudtrail-logs-o-a1b2c3d4e5`;
            assert.strictEqual(asRole("pipeline-deploy-management", "logs:DeleteLogGroup", group), "ExplicitDeny");
            assert.strictEqual(asRole("pipeline-deploy-management", "kms:PutKeyPolicy", key), "Allow", "it administers the trail's key");
        });

        it("the management deploy role passes roles of its account to CloudTrail only, and manages IAM in its account only", () => {
            const trailRole = role(MANAGEMENT, "organization-trail-role-62dc7ce");
            const pass = (service: string) =>
                asRole("pipeline-deploy-management", "iam:PassRole", trailRole, { "iam:PassedToService": service });
            assert.strictEqual(pass("cloudtrail.amazonaws.com"), "Allow");
            assert.strictEqual(pass("ec2.amazonaws.com"), "ImplicitDeny");
            assert.strictEqual(pass("lambda.amazonaws.com"), "ImplicitDeny");
            assert.strictEqual(
                asRole("pipeline-deploy-management", "iam:PassRole", role(MANAGEMENT, "pipeline-deploy-prod"), {
                    "iam:PassedToService": "cloudtrail.amazonaws.com",
                }),
                "ImplicitDeny",
                "no other role, even to CloudTrail",
            );
            assert.strictEqual(
                asRole("pipeline-deploy-management", "iam:PutRolePolicy", role(ACCOUNTS.prod, "anything"), {
                    "iam:PermissionsBoundary": BOUNDARY,
                }),
                "ImplicitDeny",
            );
        });

        it("the boundary stops a deploy role creating or changing a role without the same boundary", () => {
            const newRole = role(MANAGEMENT, "anything");
            const management = "pipeline-deploy-management";
            assert.strictEqual(asRole(management, "iam:CreateRole", newRole), "ExplicitDeny", "no boundary");
            assert.strictEqual(
                asRole(management, "iam:CreateRole", newRole, { "iam:PermissionsBoundary": `arn:aws:iam::${MANAGEMENT}:policy/other` }),
                "ExplicitDeny",
                "another boundary",
            );
            assert.strictEqual(asRole(management, "iam:CreateRole", newRole, { "iam:PermissionsBoundary": BOUNDARY }), "Allow");
            assert.strictEqual(asRole(management, "iam:PutRolePolicy", newRole), "ExplicitDeny", "a role without the boundary");
            assert.strictEqual(asRole(management, "iam:PutRolePolicy", newRole, { "iam:PermissionsBoundary": BOUNDARY }), "Allow");
        });

        it("the boundary stops removing or changing itself, and creating users or access keys", () => {
            const management = "pipeline-deploy-management";
            assert.strictEqual(asRole(management, "iam:DeleteRolePermissionsBoundary", role(MANAGEMENT, management)), "ExplicitDeny");
            assert.strictEqual(asRole(management, "iam:CreatePolicyVersion", BOUNDARY), "ExplicitDeny");
            assert.strictEqual(asRole(management, "iam:DeletePolicy", BOUNDARY), "ExplicitDeny");
            assert.strictEqual(asRole(management, "iam:CreatePolicyVersion", `arn:aws:iam::${MANAGEMENT}:policy/other`), "Allow");
            assert.strictEqual(asRole(management, "iam:CreateUser", `arn:aws:iam::${MANAGEMENT}:user/ci`), "ExplicitDeny");
            assert.strictEqual(asRole(management, "iam:CreateAccessKey", `arn:aws:iam::${MANAGEMENT}:user/ci`), "ExplicitDeny");
        });
    });
});
