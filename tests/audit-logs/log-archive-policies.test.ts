// The log archive's bucket policies as data: each statement (who, what, conditions), and the
// decisions they make for the requests that matter, through a small IAM evaluator.
import * as assert from "assert";
import {
    accessLogsBucketPolicy,
    archiveBucketPolicy,
    BUCKET_CONFIGURATION_ACTIONS,
    type BucketPolicyDocument,
} from "../../components/audit-logs/log-archive-policies";
import { evaluate } from "../../iam-evaluator/policy-evaluator";
import { statement } from "../../iam-evaluator/policy-reading";
import {
    ACCESS_BUCKET,
    ACCESS_LOGS_BUCKET_FACTS,
    ARCHIVE_BUCKET_FACTS,
    asRole,
    asService,
    BREAK_GLASS,
    BREAK_GLASS_ARN,
    BUCKET,
    DEPLOYER_ARN,
    INVESTIGATOR,
    LOG_ARCHIVE,
    MANAGEMENT,
    ORG,
    REGION,
    SECURITY_ROOT,
    TRAIL,
    TRAIL_ARN,
} from "./audit-log-fixtures";

const ARCHIVE = `arn:aws:s3:::${BUCKET}`;
const ACCESS = `arn:aws:s3:::${ACCESS_BUCKET}`;
const LOG_OBJECT = `${ARCHIVE}/AWSLogs/${ORG}/111111111111/CloudTrail/eu-west-1/2026/01/01/x.json.gz`;
const SOMEONE = `arn:aws:iam::${LOG_ARCHIVE}:role/someone-with-s3-full-access`;
const ROOT_OF_ARCHIVE = `arn:aws:iam::${LOG_ARCHIVE}:root`;


/** Checks shared by both bucket policies. */
function commonChecks(policy: () => BucketPolicyDocument, bucket: string): void {
    it("denies every request without TLS, in the one-condition form the policy pack and CIS 2.1.1 accept", () => {
        assert.deepStrictEqual(statement(policy(), "DenyInsecureTransport"), {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:*"],
            Resource: [bucket, `${bucket}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        });
        assert.strictEqual(evaluate([policy()], asRole(SECURITY_ROOT, "s3:GetObject", `${bucket}/x`, { "aws:SecureTransport": "false" })), "ExplicitDeny");
    });

    it("denies TLS below 1.2 to everyone", () => {
        assert.deepStrictEqual(statement(policy(), "DenyTlsBelow12"), {
            Sid: "DenyTlsBelow12",
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:*"],
            Resource: [bucket, `${bucket}/*`],
            Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
        });
        assert.strictEqual(evaluate([policy()], asRole(SECURITY_ROOT, "s3:GetObject", `${bucket}/x`, { "s3:TlsVersion": "1.1" })), "ExplicitDeny");
        assert.strictEqual(evaluate([policy()], asRole(SECURITY_ROOT, "s3:GetObject", `${bucket}/x`, { "s3:TlsVersion": "1.2" })), "Allow");
    });

    it("denies every configuration change to all but the break-glass and deployment roles of the log-archive account", () => {
        const deny = statement(policy(), "DenyConfigurationChangesExceptBreakGlassAndDeployment");
        assert.deepStrictEqual(
            { Effect: deny.Effect, Principal: deny.Principal, Resource: deny.Resource, Condition: deny.Condition },
            { Effect: "Deny", Principal: "*", Resource: bucket, Condition: { ArnNotLike: { "aws:PrincipalArn": [BREAK_GLASS_ARN, DEPLOYER_ARN] } } },
        );
        for (const action of [
            "s3:PutBucketPolicy",
            "s3:DeleteBucketPolicy",
            "s3:PutBucketObjectLockConfiguration",
            "s3:PutBucketVersioning",
            "s3:PutEncryptionConfiguration",
            "s3:PutBucketLogging",
            "s3:PutLifecycleConfiguration",
            "s3:DeleteBucket",
        ]) {
            assert.ok(deny.Action.includes(action), action);
            for (const who of [SOMEONE, ROOT_OF_ARCHIVE, INVESTIGATOR, `arn:aws:iam::444444444444:role/${BREAK_GLASS}`]) {
                assert.strictEqual(evaluate([policy()], asRole(who, action, bucket)), "ExplicitDeny", `${who} ${action}`);
            }
            for (const who of [BREAK_GLASS_ARN, DEPLOYER_ARN]) {
                assert.notStrictEqual(evaluate([policy()], asRole(who, action, bucket), { strict: true }), "ExplicitDeny", `${who} ${action}`);
            }
        }
        assert.deepStrictEqual([...deny.Action].sort(), [...BUCKET_CONFIGURATION_ACTIONS].sort());
    });

    it("lets only AWS service principals put objects", () => {
        assert.deepStrictEqual(statement(policy(), "DenyWritesExceptByAwsServices"), {
            Sid: "DenyWritesExceptByAwsServices",
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:PutObject"],
            Resource: `${bucket}/*`,
            Condition: { BoolIfExists: { "aws:PrincipalIsAWSService": "false" } },
        });
        for (const who of [BREAK_GLASS_ARN, DEPLOYER_ARN, SECURITY_ROOT, SOMEONE]) {
            assert.strictEqual(evaluate([policy()], asRole(who, "s3:PutObject", `${bucket}/AWSLogs/${ORG}/forged.json.gz`)), "ExplicitDeny", who);
        }
    });

    it("lets the readers list and read, and nothing else", () => {
        assert.deepStrictEqual(statement(policy(), "ReadersListBucket"), {
            Sid: "ReadersListBucket",
            Effect: "Allow",
            Principal: { AWS: [SECURITY_ROOT] },
            Action: ["s3:ListBucket", "s3:ListBucketVersions", "s3:GetBucketLocation"],
            Resource: bucket,
        });
        const read = statement(policy(), "ReadersReadObjects");
        assert.deepStrictEqual([read.Principal, read.Resource], [{ AWS: [SECURITY_ROOT] }, `${bucket}/*`]);
        assert.ok(read.Action.every((a) => /^s3:Get/.test(a)), read.Action.join(", "));
        assert.strictEqual(evaluate([policy()], asRole(INVESTIGATOR, "s3:GetObject", `${bucket}/x`)), "Allow");
        assert.strictEqual(evaluate([policy()], asRole(INVESTIGATOR, "s3:GetObjectVersion", `${bucket}/x`)), "Allow");
        assert.strictEqual(evaluate([policy()], asRole(INVESTIGATOR, "s3:ListBucket", bucket)), "Allow");
        for (const action of ["s3:PutObjectRetention", "s3:PutObjectAcl", "s3:PutObjectTagging", "s3:RestoreObject"]) {
            assert.strictEqual(evaluate([policy()], asRole(INVESTIGATOR, action, `${bucket}/x`)), "ImplicitDeny", action);
        }
        assert.strictEqual(evaluate([policy()], asRole("arn:aws:iam::444444444444:root", "s3:GetObject", `${bucket}/x`)), "ImplicitDeny");
    });

    it("never allows anything to a wildcard principal, never allows s3:* or *, and guards every service principal with a condition", () => {
        for (const statement of policy().Statement.filter((s) => s.Effect === "Allow")) {
            const principal = statement.Principal;
            assert.notStrictEqual(principal, "*", statement.Sid);
            if (typeof principal === "object" && "AWS" in principal) {
                assert.ok(!principal.AWS.some((p) => p.includes("*")), statement.Sid);
            }
            assert.ok(!statement.Action.some((a) => a === "*" || a === "s3:*" || a.endsWith(":*")), statement.Sid);
            if (typeof principal === "object" && "Service" in principal) {
                assert.ok(statement.Condition !== undefined && Object.keys(statement.Condition).length > 0, `${statement.Sid}: a service principal without a condition`);
            }
        }
    });
}

describe("log archive bucket policies", () => {
    describe("the archive bucket", () => {
        const policy = (): BucketPolicyDocument => archiveBucketPolicy(ARCHIVE_BUCKET_FACTS);
        commonChecks(policy, ARCHIVE);

        it("denies deleting logs, their versions and lifting a governance lock to EVERYONE, break-glass included, with no condition", () => {
            assert.deepStrictEqual(statement(policy(), "DenyLogDeletionToEveryone"), {
                Sid: "DenyLogDeletionToEveryone",
                Effect: "Deny",
                Principal: "*",
                Action: ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention"],
                Resource: `${ARCHIVE}/*`,
            });
            for (const who of [BREAK_GLASS_ARN, DEPLOYER_ARN, SECURITY_ROOT, INVESTIGATOR, ROOT_OF_ARCHIVE]) {
                for (const action of ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention"]) {
                    assert.strictEqual(evaluate([policy()], asRole(who, action, LOG_OBJECT)), "ExplicitDeny", `${who} ${action}`);
                }
            }
        });

        it("lets CloudTrail check the ACL only for the organisation trail", () => {
            assert.deepStrictEqual(statement(policy(), "CloudTrailChecksBucketAcl"), {
                Sid: "CloudTrailChecksBucketAcl",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: ["s3:GetBucketAcl"],
                Resource: ARCHIVE,
                Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
            });
        });

        it("lets CloudTrail write the management account's and the organisation's logs, owner-controlled, for the organisation trail only", () => {
            for (const [name, prefix] of [
                ["CloudTrailWritesManagementAccountLogs", MANAGEMENT],
                ["CloudTrailWritesOrganizationLogs", ORG],
            ]) {
                assert.deepStrictEqual(statement(policy(), name), {
                    Sid: name,
                    Effect: "Allow",
                    Principal: { Service: "cloudtrail.amazonaws.com" },
                    Action: ["s3:PutObject"],
                    Resource: `${ARCHIVE}/AWSLogs/${prefix}/*`,
                    Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": TRAIL_ARN } },
                });
            }
            const ok = { "aws:SourceArn": TRAIL_ARN, "s3:x-amz-acl": "bucket-owner-full-control" };
            assert.strictEqual(evaluate([policy()], asService("cloudtrail.amazonaws.com", "s3:PutObject", LOG_OBJECT, ok)), "Allow");
            const otherTrail = { ...ok, "aws:SourceArn": `arn:aws:cloudtrail:${REGION}:444444444444:trail/${TRAIL}` };
            assert.strictEqual(evaluate([policy()], asService("cloudtrail.amazonaws.com", "s3:PutObject", LOG_OBJECT, otherTrail)), "ImplicitDeny");
            assert.strictEqual(evaluate([policy()], asService("cloudtrail.amazonaws.com", "s3:PutObject", `${ARCHIVE}/elsewhere/x`, ok)), "ImplicitDeny");
            const noAcl = { "aws:SourceArn": TRAIL_ARN };
            assert.strictEqual(evaluate([policy()], asService("cloudtrail.amazonaws.com", "s3:PutObject", LOG_OBJECT, noAcl)), "ImplicitDeny");
        });

        it("lets AWS Config check the bucket and deliver under the Config prefix on behalf of the organisation's accounts only", () => {
            const fromOrg = { "aws:SourceOrgID": ORG };
            assert.deepStrictEqual(statement(policy(), "ConfigChecksBucketAcl").Condition, { StringEquals: fromOrg });
            assert.deepStrictEqual(statement(policy(), "ConfigChecksBucketExists").Action, ["s3:ListBucket"]);
            assert.deepStrictEqual(statement(policy(), "ConfigDeliversForOrganizationAccounts"), {
                Sid: "ConfigDeliversForOrganizationAccounts",
                Effect: "Allow",
                Principal: { Service: "config.amazonaws.com" },
                Action: ["s3:PutObject"],
                Resource: `${ARCHIVE}/config/AWSLogs/*/Config/*`,
                Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceOrgID": ORG } },
            });
            const snapshot = `${ARCHIVE}/config/AWSLogs/111111111111/Config/eu-west-1/2026/1/1/ConfigSnapshot/x.json.gz`;
            const context = { "aws:SourceOrgID": ORG, "s3:x-amz-acl": "bucket-owner-full-control" };
            assert.strictEqual(evaluate([policy()], asService("config.amazonaws.com", "s3:PutObject", snapshot, context)), "Allow");
            assert.strictEqual(evaluate([policy()], asService("config.amazonaws.com", "s3:PutObject", snapshot, { ...context, "aws:SourceOrgID": "o-zzzzzzzzzz" })), "ImplicitDeny");
            assert.strictEqual(evaluate([policy()], asService("config.amazonaws.com", "s3:PutObject", LOG_OBJECT, context)), "ImplicitDeny", "not into CloudTrail's prefix");
        });

        it("writes the Config prefix it is given", () => {
            const custom = archiveBucketPolicy({ ...ARCHIVE_BUCKET_FACTS, configKeyPrefix: "org/config" });
            assert.strictEqual(statement(custom, "ConfigDeliversForOrganizationAccounts").Resource, `${ARCHIVE}/org/config/AWSLogs/*/Config/*`);
        });

        it("names the trail in its home region when it differs from the bucket's", () => {
            const elsewhere = archiveBucketPolicy({ ...ARCHIVE_BUCKET_FACTS, trailRegion: "us-east-1" });
            assert.deepStrictEqual(statement(elsewhere, "CloudTrailChecksBucketAcl").Condition, {
                StringEquals: { "aws:SourceArn": `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/${TRAIL}` },
            });
        });

        it("exempts only break-glass from configuration changes when no deployment role is named", () => {
            const strict = archiveBucketPolicy({ ...ARCHIVE_BUCKET_FACTS, deploymentRoleName: undefined });
            assert.deepStrictEqual(statement(strict, "DenyConfigurationChangesExceptBreakGlassAndDeployment").Condition, {
                ArnNotLike: { "aws:PrincipalArn": [BREAK_GLASS_ARN] },
            });
            assert.strictEqual(evaluate([strict], asRole(DEPLOYER_ARN, "s3:PutLifecycleConfiguration", ARCHIVE)), "ExplicitDeny");
        });

        it("has exactly these statements, so a new one gets a test", () => {
            assert.deepStrictEqual(
                policy().Statement.map((s) => s.Sid),
                [
                    "DenyInsecureTransport",
                    "DenyTlsBelow12",
                    "DenyLogDeletionToEveryone",
                    "DenyConfigurationChangesExceptBreakGlassAndDeployment",
                    "DenyWritesExceptByAwsServices",
                    "CloudTrailChecksBucketAcl",
                    "CloudTrailWritesManagementAccountLogs",
                    "CloudTrailWritesOrganizationLogs",
                    "ConfigChecksBucketAcl",
                    "ConfigChecksBucketExists",
                    "ConfigDeliversForOrganizationAccounts",
                    "ReadersListBucket",
                    "ReadersReadObjects",
                ],
            );
        });
    });

    describe("the access-logs bucket", () => {
        const policy = (): BucketPolicyDocument =>
            accessLogsBucketPolicy(ACCESS_LOGS_BUCKET_FACTS);
        commonChecks(policy, ACCESS);

        it("admits S3 server access logging for the archive bucket of the log-archive account only, under the archive's prefix", () => {
            assert.deepStrictEqual(statement(policy(), "S3ServerAccessLogsFromArchiveBucket"), {
                Sid: "S3ServerAccessLogsFromArchiveBucket",
                Effect: "Allow",
                Principal: { Service: "logging.s3.amazonaws.com" },
                Action: ["s3:PutObject"],
                Resource: `${ACCESS}/log-archive/*`,
                Condition: { ArnLike: { "aws:SourceArn": ARCHIVE }, StringEquals: { "aws:SourceAccount": LOG_ARCHIVE } },
            });
            const key = `${ACCESS}/log-archive/${LOG_ARCHIVE}/${REGION}/${BUCKET}/2026/01/01/x`;
            const context = { "aws:SourceArn": ARCHIVE, "aws:SourceAccount": LOG_ARCHIVE };
            assert.strictEqual(evaluate([policy()], asService("logging.s3.amazonaws.com", "s3:PutObject", key, context)), "Allow");
            assert.strictEqual(
                evaluate([policy()], asService("logging.s3.amazonaws.com", "s3:PutObject", key, { ...context, "aws:SourceArn": "arn:aws:s3:::another-bucket" })),
                "ImplicitDeny",
            );
            assert.strictEqual(evaluate([policy()], asService("logging.s3.amazonaws.com", "s3:PutObject", key, { ...context, "aws:SourceAccount": "444444444444" })), "ImplicitDeny");
        });

        it("denies deleting access logs to everyone but break-glass (no object lock on a log target)", () => {
            assert.deepStrictEqual(statement(policy(), "DenyAccessLogDeletionExceptBreakGlass"), {
                Sid: "DenyAccessLogDeletionExceptBreakGlass",
                Effect: "Deny",
                Principal: "*",
                Action: ["s3:DeleteObject", "s3:DeleteObjectVersion"],
                Resource: `${ACCESS}/*`,
                Condition: { ArnNotLike: { "aws:PrincipalArn": [BREAK_GLASS_ARN] } },
            });
            assert.strictEqual(evaluate([policy()], asRole(DEPLOYER_ARN, "s3:DeleteObject", `${ACCESS}/x`)), "ExplicitDeny");
            assert.strictEqual(evaluate([policy()], asRole(INVESTIGATOR, "s3:DeleteObjectVersion", `${ACCESS}/x`)), "ExplicitDeny");
            assert.notStrictEqual(evaluate([policy()], asRole(BREAK_GLASS_ARN, "s3:DeleteObject", `${ACCESS}/x`), { strict: true }), "ExplicitDeny");
        });
    });
});
