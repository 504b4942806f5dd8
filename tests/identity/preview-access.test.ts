import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { pipelinePreviewRoleArn } from "../../components/identity/pipeline-names";
import { PreviewAccessRole } from "../../components/identity/preview-access-role";
import { authorize, evaluate, type Decision } from "../../iam/evaluator/policy-evaluator";
import type { PolicyDocument } from "../../iam/policy-document";
import { awsResourcesThrough, decoded, RecordingMocks, type Registration } from "../network/recording-mocks";
import { BOUNDARY_POLICY, buildPipeline, MANAGEMENT, policyOfRole } from "./pipeline-fixture";

// A preview never holds write power: the management account's pipeline-preview role and every
// member account's zero-trust-preview role, decided by the project's IAM evaluator.

const MEMBER = "111111111111";
const REGION = "eu-west-1";
const PIPELINE_PREVIEW = pipelinePreviewRoleArn(MANAGEMENT);
const MEMBER_PREVIEW = `arn:aws:iam::${MEMBER}:role/zero-trust-preview`;

/** What a preview must never do, each on a resource it would apply to. */
const WRITES_AND_DATA: readonly [string, string][] = [
    ["iam:CreateRole", `arn:aws:iam::${MEMBER}:role/anything`],
    ["iam:PassRole", `arn:aws:iam::${MEMBER}:role/staging-responder-role`],
    ["iam:CreateAccessKey", `arn:aws:iam::${MEMBER}:user/ci`],
    ["s3:PutObject", "arn:aws:s3:::data-bucket/key"],
    ["s3:GetObject", "arn:aws:s3:::data-bucket/key"],
    ["s3:GetObjectVersion", "arn:aws:s3:::data-bucket/key"],
    ["s3:DeleteBucket", "arn:aws:s3:::data-bucket"],
    ["ec2:RunInstances", `arn:aws:ec2:${REGION}:${MEMBER}:instance/*`],
    ["ec2:AuthorizeSecurityGroupIngress", `arn:aws:ec2:${REGION}:${MEMBER}:security-group/sg-1`],
    ["kms:Decrypt", `arn:aws:kms:${REGION}:${MEMBER}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
    ["kms:ScheduleKeyDeletion", `arn:aws:kms:${REGION}:${MEMBER}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
    ["secretsmanager:GetSecretValue", `arn:aws:secretsmanager:${REGION}:${MEMBER}:secret:db-AbCdEf`],
    ["ssm:GetParameter", `arn:aws:ssm:${REGION}:${MEMBER}:parameter/db/password`],
    ["ssm:GetParametersByPath", `arn:aws:ssm:${REGION}:${MEMBER}:parameter/db`],
    ["logs:GetLogEvents", `arn:aws:logs:${REGION}:${MEMBER}:log-group:/zero-trust/staging/app:log-stream:x`],
    ["lambda:UpdateFunctionCode", `arn:aws:lambda:${REGION}:${MEMBER}:function:staging-responder`],
    ["lambda:GetFunction", `arn:aws:lambda:${REGION}:${MEMBER}:function:staging-responder`],
    ["organizations:LeaveOrganization", "*"],
    ["cloudtrail:StopLogging", `arn:aws:cloudtrail:${REGION}:${MANAGEMENT}:trail/organization-trail`],
];

/** Configuration a preview reads. */
const READS: readonly [string, string][] = [
    ["ec2:DescribeVpcs", "*"],
    ["iam:GetRole", `arn:aws:iam::${MEMBER}:role/staging-responder-role`],
    ["kms:GetKeyPolicy", `arn:aws:kms:${REGION}:${MEMBER}:key/1234abcd-12ab-34cd-56ef-1234567890ab`],
    ["s3:GetBucketPolicy", "arn:aws:s3:::data-bucket"],
    ["organizations:DescribeOrganization", "*"],
    ["apigateway:GET", `arn:aws:apigateway:${REGION}::/restapis`],
];

describe("preview identities: read configuration, never write, decrypt, read data or pass a role (IAM evaluator)", () => {
    describe("the management account's pipeline-preview role", () => {
        let decide: (action: string, resource: string) => Decision;
        before(async () => {
            const mocks = await buildPipeline();
            const policy = policyOfRole(mocks, "pipeline-preview");
            decide = (action, resource) =>
                authorize(
                    { principal: { arn: PIPELINE_PREVIEW }, action, resource },
                    { identityPolicies: [policy], boundary: BOUNDARY_POLICY },
                    { strict: true },
                ).decision;
        });

        it("cannot write, decrypt, read secrets or objects, or pass roles", () => {
            for (const [action, resource] of WRITES_AND_DATA) {
                assert.notStrictEqual(decide(action, resource.replace(MEMBER, MANAGEMENT)), "Allow", action);
            }
        });

        it("reads configuration and runs IAM Access Analyzer's policy checks", () => {
            for (const [action, resource] of READS) {
                assert.strictEqual(decide(action, resource.replace(MEMBER, MANAGEMENT)), "Allow", action);
            }
            assert.strictEqual(decide("access-analyzer:ValidatePolicy", "*"), "Allow");
            assert.strictEqual(decide("access-analyzer:CheckNoPublicAccess", "*"), "Allow");
        });

        it("may assume each member account's preview access role, never its access role", () => {
            for (const account of ["111111111111", "222222222222", "333333333333", "444444444444"]) {
                assert.strictEqual(decide("sts:AssumeRole", `arn:aws:iam::${account}:role/zero-trust-preview`), "Allow", account);
                assert.strictEqual(decide("sts:AssumeRole", `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`), "ImplicitDeny");
            }
            assert.strictEqual(
                decide("sts:AssumeRole", `arn:aws:iam::555555555555:role/zero-trust-preview`),
                "ImplicitDeny",
                "outside the estate",
            );
        });
    });

    describe("a member account's zero-trust-preview role", () => {
        let mocks: RecordingMocks;
        let role: Registration;
        before(async () => {
            mocks = RecordingMocks.install();
            const provider = new aws.Provider("staging", { region: REGION, allowedAccountIds: [MEMBER] });
            new PreviewAccessRole("staging-preview-access", { pipelinePreviewRoleArn: PIPELINE_PREVIEW }, { provider });
            await mocks.settled();
            role = mocks.named("staging-preview-access-role");
        });

        it("is zero-trust-preview, with one-hour sessions, declared through the account's provider", () => {
            assert.strictEqual(role.inputs.name, "zero-trust-preview");
            assert.strictEqual(role.inputs.maxSessionDuration, 3600);
            assert.deepStrictEqual(
                awsResourcesThrough(mocks, "staging").map((r) => r.type),
                ["aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy"],
            );
        });

        it("trusts the management account's pipeline-preview role and no one else", () => {
            const trust = decoded(role.inputs.assumeRolePolicy) as PolicyDocument;
            const asResource = { ...trust, Statement: trust.Statement.map((s) => ({ ...s, Resource: MEMBER_PREVIEW })) };
            const assume = (arn: string) =>
                evaluate([asResource], { principal: { arn }, action: "sts:AssumeRole", resource: MEMBER_PREVIEW }, { strict: true });
            assert.strictEqual(assume(PIPELINE_PREVIEW), "Allow");
            assert.strictEqual(assume(`arn:aws:iam::${MANAGEMENT}:role/pipeline-deploy-staging`), "ImplicitDeny");
            assert.strictEqual(assume(`arn:aws:iam::${MANAGEMENT}:root`), "ImplicitDeny");
            assert.strictEqual(assume(`arn:aws:iam::${MEMBER}:role/pipeline-preview`), "ImplicitDeny");
        });

        it("reads configuration only: no write, decrypt, data read or role passing", () => {
            const policy = decoded(mocks.named("staging-preview-access-policy").inputs.policy) as PolicyDocument;
            const decide = (action: string, resource: string) =>
                authorize({ principal: { arn: MEMBER_PREVIEW }, action, resource }, { identityPolicies: [policy] }, { strict: true })
                    .decision;
            for (const [action, resource] of WRITES_AND_DATA) {
                assert.notStrictEqual(decide(action, resource), "Allow", action);
            }
            for (const [action, resource] of READS) {
                assert.strictEqual(decide(action, resource), "Allow", action);
            }
            assert.strictEqual(decide("sts:AssumeRole", `arn:aws:iam::${MEMBER}:role/OrganizationAccountAccessRole`), "ImplicitDeny");
        });
    });
});
