// The platform fence (components/organization/platform-ownership.ts) decided by the IAM evaluator:
// the SCP on the organisation root and the same deny in every permission set keep workload teams
// (and everyone but the deployment and break-glass roles) off what the stacks own in a member
// account, while developers still build their own workloads.
import * as assert from "assert";
import { alertRuleName, alertTopicName, findingsBucketName } from "../../components/detection/detection-names";
import { PERMISSION_SET_KEYS, type AuditLogLocation } from "../../components/identity/permission-set-policies";
import { PLATFORM_OWNER_TAG, platformOwnerTags } from "../../components/organization/platform-ownership";
import {
    guardrailPolicyDocuments,
    protectPlatformResources,
    type GuardrailParameters,
} from "../../components/organization/service-control-policies";
import { responderNames } from "../../components/response/responder-names";
import { decidingSids, evaluate, type PolicyRequest } from "../../iam/evaluator/policy-evaluator";
import type { PolicyDocument } from "../../iam/policy-document";
import { permissionSetPolicies } from "../identity/permission-set-sessions";

const ACCOUNT = "111111111111";
const REGION = "eu-west-1";
const ARCHIVE_BUCKET = "zero-trust-log-archive-o-a1b2c3d4e5";
const LOCATION: AuditLogLocation = { logArchiveBucketName: ARCHIVE_BUCKET };
const PARAMS: GuardrailParameters = {
    breakGlassRoleName: "break-glass",
    deploymentRoleName: "OrganizationAccountAccessRole",
    allowedRegions: [REGION],
    logArchiveBucketArn: `arn:aws:s3:::${ARCHIVE_BUCKET}`,
};
/** Every guardrail SCP a workload account is under (FullAWSAccess allows the rest). */
const SCPS: PolicyDocument[] = Object.values(guardrailPolicyDocuments(PARAMS));
const ADMINISTRATOR_ACCESS: PolicyDocument = {
    Version: "2012-10-17",
    Statement: [{ Sid: "AdministratorAccess", Effect: "Allow", Action: "*", Resource: "*" }],
};

const role = (name: string) => ({ arn: `arn:aws:iam::${ACCOUNT}:role/${name}` });
const SSO_ROLE = (set: string) => role(`aws-reserved/sso.amazonaws.com/${REGION}/AWSReservedSSO_${set}_0123456789abcdef`);
const DEPLOYMENT = role("OrganizationAccountAccessRole");
const BREAK_GLASS = role("break-glass");

const OWNED = { [`aws:ResourceTag/${PLATFORM_OWNER_TAG.key}`]: PLATFORM_OWNER_TAG.value };
const ec2 = (type: string, id: string): string => `arn:aws:ec2:${REGION}:${ACCOUNT}:${type}/${id}`;
const RESPONDER = responderNames(alertRuleName("staging"));
const FINDINGS_BUCKET = `arn:aws:s3:::${findingsBucketName("staging", ACCOUNT, REGION)}`;

type Case = Omit<PolicyRequest, "principal"> & { what: string };

/** Requests are made in the allowed region (the region guardrail is not what these tests are about). */
const inRegion = (cases: readonly Case[]): readonly Case[] =>
    cases.map((c) => ({ ...c, context: { "aws:RequestedRegion": REGION, ...c.context } }));

/** Tampering with what the platform owns: each must be denied to every principal but the exempt roles. */
const TAMPERING: readonly Case[] = inRegion([
    {
        what: "update the responder's code",
        action: "lambda:UpdateFunctionCode",
        resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${RESPONDER.function}`,
        context: OWNED,
    },
    {
        what: "invoke the responder with a forged finding",
        action: "lambda:InvokeFunction",
        resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${RESPONDER.function}`,
        context: OWNED,
    },
    {
        what: "add an inline policy to the responder's role",
        action: "iam:PutRolePolicy",
        resource: `arn:aws:iam::${ACCOUNT}:role/${RESPONDER.role}`,
        context: OWNED,
    },
    {
        what: "pass the responder's role to a function",
        action: "iam:PassRole",
        resource: `arn:aws:iam::${ACCOUNT}:role/${RESPONDER.role}`,
        context: { ...OWNED, "iam:PassedToService": "lambda.amazonaws.com" },
    },
    {
        what: "replace an endpoint policy",
        action: "ec2:ModifyVpcEndpoint",
        resource: ec2("vpc-endpoint", "vpce-0a1b2c3d4e5f60718"),
        context: OWNED,
    },
    {
        what: "open a platform security group",
        action: "ec2:AuthorizeSecurityGroupIngress",
        resource: ec2("security-group", "sg-0a1b2c3d4e5f60718"),
        context: OWNED,
    },
    {
        what: "add a route to a platform route table",
        action: "ec2:CreateRoute",
        resource: ec2("route-table", "rtb-0a1b2c3d4e5f60718"),
        context: OWNED,
    },
    {
        what: "open a platform network ACL",
        action: "ec2:CreateNetworkAclEntry",
        resource: ec2("network-acl", "acl-0a1b2c3d4e5f60718"),
        context: OWNED,
    },
    { what: "delete the flow logs", action: "ec2:DeleteFlowLogs", resource: ec2("vpc-flow-log", "fl-0a1b2c3d4e5f60718"), context: OWNED },
    {
        what: "change a platform key's policy",
        action: "kms:PutKeyPolicy",
        resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5`,
        context: OWNED,
    },
    {
        what: "delete the exported findings",
        action: "s3:DeleteObject",
        resource: `${FINDINGS_BUCKET}/AWSLogs/${ACCOUNT}/GuardDuty/${REGION}/2026/12/01/finding.jsonl.gz`,
    },
    { what: "replace the findings bucket's policy", action: "s3:PutBucketPolicy", resource: FINDINGS_BUCKET },
    {
        what: "change the alert topic's policy",
        action: "sns:SetTopicAttributes",
        resource: `arn:aws:sns:${REGION}:${ACCOUNT}:${alertTopicName("staging")}`,
    },
    { what: "stop the responder's reports", action: "sns:DeleteTopic", resource: `arn:aws:sns:${REGION}:${ACCOUNT}:${RESPONDER.topic}` },
    {
        what: "remove the alert rule's targets",
        action: "events:RemoveTargets",
        resource: `arn:aws:events:${REGION}:${ACCOUNT}:rule/${alertRuleName("staging")}`,
    },
    {
        what: "purge the responder's dead letters",
        action: "sqs:PurgeQueue",
        resource: `arn:aws:sqs:${REGION}:${ACCOUNT}:${RESPONDER.deadLetterQueue}`,
    },
    {
        what: "remove the ownership tag",
        action: "ec2:DeleteTags",
        resource: ec2("security-group", "sg-0a1b2c3d4e5f60718"),
        context: { "aws:TagKeys": [PLATFORM_OWNER_TAG.key] },
    },
    {
        what: "remove the ownership tag from a function",
        action: "lambda:UntagResource",
        resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders`,
        context: { "aws:TagKeys": [PLATFORM_OWNER_TAG.key] },
    },
    {
        what: "put the ownership tag on a new function (to pass for the platform)",
        action: "lambda:CreateFunction",
        resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders`,
        context: { [`aws:RequestTag/${PLATFORM_OWNER_TAG.key}`]: PLATFORM_OWNER_TAG.value, "aws:TagKeys": [PLATFORM_OWNER_TAG.key] },
    },
]);

/** A developer building their own workload: what must stay allowed. */
const OWN_WORKLOAD: readonly Case[] = inRegion([
    {
        what: "create their own function",
        action: "lambda:CreateFunction",
        resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders`,
        context: { "aws:TagKeys": ["team"], "aws:RequestTag/team": "orders" },
    },
    {
        what: "pass a workload role to it",
        action: "iam:PassRole",
        resource: `arn:aws:iam::${ACCOUNT}:role/workload/orders`,
        context: { "iam:PassedToService": "lambda.amazonaws.com" },
    },
    {
        what: "update their own function's code",
        action: "lambda:UpdateFunctionCode",
        resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders`,
    },
    { what: "create a security group in the platform's VPC", action: "ec2:CreateSecurityGroup", resource: ec2("security-group", "*") },
    {
        what: "open their own security group to the app tier",
        action: "ec2:AuthorizeSecurityGroupIngress",
        resource: ec2("security-group", "sg-0fedcba987654321f"),
    },
    {
        what: "tag their own security group",
        action: "ec2:CreateTags",
        resource: ec2("security-group", "sg-0fedcba987654321f"),
        context: { "aws:TagKeys": ["team"] },
    },
    { what: "set their own bucket's policy", action: "s3:PutBucketPolicy", resource: "arn:aws:s3:::orders-artifacts" },
    { what: "delete their own objects", action: "s3:DeleteObject", resource: "arn:aws:s3:::orders-artifacts/build.zip" },
]);

const explain = (policies: readonly PolicyDocument[], request: PolicyRequest, what: string): string =>
    `${what} (${request.action} on ${request.resource}): ${decidingSids(policies, request).join(", ") || "nothing applies"}`;

describe("the platform fence", () => {
    describe("the SCP on the root, over an identity allowed everything", () => {
        const policies = [ADMINISTRATOR_ACCESS, ...SCPS];

        for (const request of TAMPERING) {
            it(`denies anyone else to ${request.what}`, () => {
                for (const principal of [SSO_ROLE("platform-admin"), role(RESPONDER.role), role("orders-service")]) {
                    assert.strictEqual(
                        evaluate(policies, { ...request, principal }),
                        "ExplicitDeny",
                        explain(policies, { ...request, principal }, request.what),
                    );
                }
            });
        }

        it("lets the deployment and break-glass roles do all of it: the stacks and emergencies still work", () => {
            for (const principal of [DEPLOYMENT, BREAK_GLASS]) {
                for (const request of TAMPERING) {
                    assert.strictEqual(
                        evaluate(policies, { ...request, principal }),
                        "Allow",
                        explain(policies, { ...request, principal }, request.what),
                    );
                }
            }
        });

        it("exempts a role by its exact name only: a role named like the deployment role under a path is fenced", () => {
            const lookalike = role("workload/OrganizationAccountAccessRole");
            assert.strictEqual(evaluate(policies, { ...TAMPERING[0], principal: lookalike }), "ExplicitDeny");
        });

        it("leaves workloads alone: untagged functions, other security groups, other buckets, other tag keys", () => {
            for (const request of OWN_WORKLOAD) {
                const asDeveloper = { ...request, principal: SSO_ROLE("developer") };
                assert.strictEqual(evaluate(policies, asDeveloper), "Allow", explain(policies, asDeveloper, request.what));
            }
        });

        it("fences every environment's findings bucket, alert topic, alert rule and dead-letter queue by the components' own names", () => {
            const scp = protectPlatformResources(PARAMS);
            const named = scp.Statement.find((s) => s.Sid === "DenyChangingNamedPlatformResources");
            assert.ok(named !== undefined);
            for (const request of TAMPERING.filter((r) => Object.keys(r.context ?? {}).length === 1)) {
                assert.strictEqual(
                    evaluate([ADMINISTRATOR_ACCESS, { Version: "2012-10-17", Statement: [named] }], {
                        ...request,
                        principal: SSO_ROLE("developer"),
                    }),
                    "ExplicitDeny",
                    request.what,
                );
            }
        });
    });

    describe("the same deny in every permission set (it holds where no SCP applies)", () => {
        for (const key of PERMISSION_SET_KEYS) {
            it(`${key}: can do none of the tampering`, () => {
                const policies = permissionSetPolicies(key, LOCATION);
                for (const request of TAMPERING) {
                    const asSet = { ...request, principal: SSO_ROLE(key) };
                    assert.notStrictEqual(evaluate(policies, asSet, { strict: true }), "Allow", explain(policies, asSet, request.what));
                }
            });
        }

        it("platform-admin (AdministratorAccess) is stopped by the inline deny itself, not by a missing allow", () => {
            const policies = permissionSetPolicies("platform-admin", LOCATION);
            for (const request of TAMPERING) {
                assert.strictEqual(evaluate(policies, { ...request, principal: SSO_ROLE("platform-admin") }), "ExplicitDeny", request.what);
            }
        });

        it("developer: stopped by the inline deny from what ec2:*, lambda:* and s3:* would allow on the platform's resources", () => {
            const policies = permissionSetPolicies("developer", LOCATION);
            for (const request of TAMPERING.filter((r) => /^(ec2|lambda|s3):/.test(r.action))) {
                assert.strictEqual(evaluate(policies, { ...request, principal: SSO_ROLE("developer") }), "ExplicitDeny", request.what);
            }
        });

        it("developer: still builds their own workloads, with the SCPs too", () => {
            const policies = [...permissionSetPolicies("developer", LOCATION), ...SCPS];
            for (const request of OWN_WORKLOAD) {
                const asDeveloper = { ...request, principal: SSO_ROLE("developer") };
                assert.strictEqual(evaluate(policies, asDeveloper), "Allow", explain(policies, asDeveloper, request.what));
            }
        });
    });

    it("is one tag, set through the providers' default tags", () => {
        assert.deepStrictEqual(platformOwnerTags(), { "zero-trust:owner": "platform" });
    });
});
