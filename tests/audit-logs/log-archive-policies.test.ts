// The log archive's bucket policies as data: each statement (who, what, conditions), and the
// decisions they make for the requests that matter, through a small IAM evaluator.
import * as assert from "assert";
import {
    accessLogsBucketPolicy,
    archiveBucketPolicy,
    BUCKET_CONFIGURATION_ACTIONS,
    configDeliveryBucketPolicy,
} from "../../components/audit-logs/log-archive-policies";
import { evaluate } from "../../iam/evaluator/policy-evaluator";
import type { PolicyDocument, ResourcePolicyStatement } from "../../iam/policy-document";
import { listOf, statement } from "../../iam/evaluator/policy-reading";
import {
    ACCESS_BUCKET,
    ACCESS_LOGS_BUCKET_FACTS,
    ARCHIVE_BUCKET_FACTS,
    asRole,
    asService,
    AUDITOR_IN_ARCHIVE,
    AUDITOR_PATTERN,
    BREAK_GLASS,
    BREAK_GLASS_ARN,
    BUCKET,
    CONFIG_BUCKET,
    CONFIG_DELIVERY_BUCKET_FACTS,
    DEPLOYER_ARN,
    DEVELOPER_IN_ARCHIVE,
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
const CONFIG = `arn:aws:s3:::${CONFIG_BUCKET}`;
const SNAPSHOT_KEY = "config/AWSLogs/111111111111/Config/eu-west-1/2026/1/1/ConfigSnapshot/x.json.gz";
const CONFIG_DELIVERY = { "aws:SourceOrgID": ORG, "s3:x-amz-acl": "bucket-owner-full-control" };
const LOG_OBJECT = `${ARCHIVE}/AWSLogs/${ORG}/111111111111/CloudTrail/eu-west-1/2026/01/01/x.json.gz`;
const SOMEONE = `arn:aws:iam::${LOG_ARCHIVE}:role/someone-with-s3-full-access`;
const ROOT_OF_ARCHIVE = `arn:aws:iam::${LOG_ARCHIVE}:root`;

/** Checks shared by both bucket policies. */
function commonChecks(policy: () => PolicyDocument<ResourcePolicyStatement>, bucket: string): void {
    it("denies every request without TLS, in the one-condition form the policy pack and CIS 2.1.1 accept", () => {
        assert.deepStrictEqual(statement(policy(), "DenyInsecureTransport"), {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:*"],
            Resource: [bucket, `${bucket}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        });
        assert.strictEqual(
            evaluate([policy()], asRole(SECURITY_ROOT, "s3:GetObject", `${bucket}/x`, { "aws:SecureTransport": "false" })),
            "ExplicitDeny",
        );
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
        assert.strictEqual(
            evaluate([policy()], asRole(SECURITY_ROOT, "s3:GetObject", `${bucket}/x`, { "s3:TlsVersion": "1.1" })),
            "ExplicitDeny",
        );
        assert.strictEqual(evaluate([policy()], asRole(SECURITY_ROOT, "s3:GetObject", `${bucket}/x`, { "s3:TlsVersion": "1.2" })), "Allow");
    });

    it("denies every configuration change to all but the break-glass and deployment roles of the log-archive account", () => {
        const deny = statement(policy(), "DenyConfigurationChangesExceptBreakGlassAndDeployment");
        assert.deepStrictEqual(
            { Effect: deny.Effect, Principal: deny.Principal, Resource: deny.Resource, Condition: deny.Condition },
            {
                Effect: "Deny",
                Principal: "*",
                Resource: bucket,
                Condition: { ArnNotLike: { "aws:PrincipalArn": [BREAK_GLASS_ARN, DEPLOYER_ARN] } },
            },
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
            assert.ok(listOf(deny.Action).includes(action), action);
            for (const who of [SOMEONE, ROOT_OF_ARCHIVE, INVESTIGATOR, `arn:aws:iam::444444444444:role/${BREAK_GLASS}`]) {
                assert.strictEqual(evaluate([policy()], asRole(who, action, bucket)), "ExplicitDeny", `${who} ${action}`);
            }
            for (const who of [BREAK_GLASS_ARN, DEPLOYER_ARN]) {
                assert.notStrictEqual(
                    evaluate([policy()], asRole(who, action, bucket), { strict: true }),
                    "ExplicitDeny",
                    `${who} ${action}`,
                );
            }
        }
        assert.deepStrictEqual([...listOf(deny.Action)].sort(), [...BUCKET_CONFIGURATION_ACTIONS].sort());
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
            assert.strictEqual(
                evaluate([policy()], asRole(who, "s3:PutObject", `${bucket}/AWSLogs/${ORG}/forged.json.gz`)),
                "ExplicitDeny",
                who,
            );
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
        assert.ok(
            listOf(read.Action).every((a) => /^s3:Get/.test(a)),
            listOf(read.Action).join(", "),
        );
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
                assert.ok(!listOf(principal.AWS).some((p) => p.includes("*")), statement.Sid);
            }
            assert.ok(!listOf(statement.Action).some((a) => a === "*" || a === "s3:*" || a.endsWith(":*")), statement.Sid);
            if (typeof principal === "object" && "Service" in principal) {
                assert.ok(
                    statement.Condition !== undefined && Object.keys(statement.Condition).length > 0,
                    `${statement.Sid}: a service principal without a condition`,
                );
            }
        }
    });
}

describe("log archive bucket policies", () => {
    describe("the archive bucket", () => {
        const policy = (): PolicyDocument<ResourcePolicyStatement> => archiveBucketPolicy(ARCHIVE_BUCKET_FACTS);
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
            assert.strictEqual(
                evaluate([policy()], asService("cloudtrail.amazonaws.com", "s3:PutObject", LOG_OBJECT, otherTrail)),
                "ImplicitDeny",
            );
            assert.strictEqual(
                evaluate([policy()], asService("cloudtrail.amazonaws.com", "s3:PutObject", `${ARCHIVE}/elsewhere/x`, ok)),
                "ImplicitDeny",
            );
            const noAcl = { "aws:SourceArn": TRAIL_ARN };
            assert.strictEqual(
                evaluate([policy()], asService("cloudtrail.amazonaws.com", "s3:PutObject", LOG_OBJECT, noAcl)),
                "ImplicitDeny",
            );
        });

        it("admits no AWS Config delivery: Config cannot deliver to a bucket with object lock", () => {
            assert.ok(!policy().Statement.some((s) => JSON.stringify(s.Principal).includes("config.amazonaws.com")));
            assert.strictEqual(
                evaluate([policy()], asService("config.amazonaws.com", "s3:PutObject", `${ARCHIVE}/${SNAPSHOT_KEY}`, CONFIG_DELIVERY)),
                "ImplicitDeny",
            );
        });

        it("lets the security-auditor roles of the log-archive account read, through the account root and their ARN pattern only", () => {
            const withAuditors = archiveBucketPolicy({ ...ARCHIVE_BUCKET_FACTS, accountReaderRolePatterns: [AUDITOR_PATTERN] });
            assert.deepStrictEqual(statement(withAuditors, "AccountReaderRolesReadObjects").Principal, { AWS: [ROOT_OF_ARCHIVE] });
            assert.deepStrictEqual(statement(withAuditors, "AccountReaderRolesListBucket").Condition, {
                ArnLike: { "aws:PrincipalArn": [AUDITOR_PATTERN] },
            });
            assert.strictEqual(evaluate([withAuditors], asRole(AUDITOR_IN_ARCHIVE, "s3:GetObject", LOG_OBJECT)), "Allow");
            assert.strictEqual(evaluate([withAuditors], asRole(AUDITOR_IN_ARCHIVE, "s3:ListBucket", ARCHIVE)), "Allow");
            assert.strictEqual(evaluate([withAuditors], asRole(DEVELOPER_IN_ARCHIVE, "s3:GetObject", LOG_OBJECT)), "ImplicitDeny");
            assert.strictEqual(evaluate([withAuditors], asRole(AUDITOR_IN_ARCHIVE, "s3:DeleteObject", LOG_OBJECT)), "ExplicitDeny");
            assert.strictEqual(
                evaluate([policy()], asRole(AUDITOR_IN_ARCHIVE, "s3:GetObject", LOG_OBJECT)),
                "ImplicitDeny",
                "none without the pattern",
            );
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
                    "ReadersListBucket",
                    "ReadersReadObjects",
                ],
            );
        });
    });

    describe("AWS Config's delivery bucket", () => {
        const policy = (): PolicyDocument<ResourcePolicyStatement> => configDeliveryBucketPolicy(CONFIG_DELIVERY_BUCKET_FACTS);
        commonChecks(policy, CONFIG);
        const snapshot = `${CONFIG}/${SNAPSHOT_KEY}`;

        it("lets AWS Config check the bucket and deliver under the Config prefix on behalf of the organisation's accounts only", () => {
            const fromOrg = { "aws:SourceOrgID": ORG };
            assert.deepStrictEqual(statement(policy(), "ConfigChecksBucketAcl").Condition, { StringEquals: fromOrg });
            assert.deepStrictEqual(statement(policy(), "ConfigChecksBucketExists").Action, ["s3:ListBucket"]);
            assert.deepStrictEqual(statement(policy(), "ConfigDeliversForOrganizationAccounts"), {
                Sid: "ConfigDeliversForOrganizationAccounts",
                Effect: "Allow",
                Principal: { Service: "config.amazonaws.com" },
                Action: ["s3:PutObject"],
                Resource: `${CONFIG}/config/AWSLogs/*/Config/*`,
                Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceOrgID": ORG } },
            });
            assert.strictEqual(evaluate([policy()], asService("config.amazonaws.com", "s3:PutObject", snapshot, CONFIG_DELIVERY)), "Allow");
            assert.strictEqual(
                evaluate([policy()], asService("config.amazonaws.com", "s3:GetBucketAcl", CONFIG, { "aws:SourceOrgID": ORG })),
                "Allow",
            );
            assert.strictEqual(
                evaluate([policy()], asService("config.amazonaws.com", "s3:ListBucket", CONFIG, { "aws:SourceOrgID": ORG })),
                "Allow",
            );
        });

        it("refuses deliveries for an account outside the organisation, outside the Config prefix, or by any IAM principal", () => {
            const outsider = { ...CONFIG_DELIVERY, "aws:SourceOrgID": "o-zzzzzzzzzz" };
            assert.strictEqual(evaluate([policy()], asService("config.amazonaws.com", "s3:PutObject", snapshot, outsider)), "ImplicitDeny");
            assert.strictEqual(
                evaluate([policy()], asService("config.amazonaws.com", "s3:PutObject", `${CONFIG}/elsewhere/x`, CONFIG_DELIVERY)),
                "ImplicitDeny",
            );
            assert.strictEqual(evaluate([policy()], asService("config.amazonaws.com", "s3:GetBucketAcl", CONFIG, {})), "ImplicitDeny");
            for (const who of [
                `arn:aws:iam::444444444444:root`,
                `arn:aws:iam::111111111111:role/staging-baseline-config-role`,
                DEPLOYER_ARN,
            ]) {
                assert.strictEqual(evaluate([policy()], asRole(who, "s3:PutObject", snapshot, CONFIG_DELIVERY)), "ExplicitDeny", who);
            }
        });

        it("denies deleting a delivery or a version to EVERYONE, break-glass included, with no condition", () => {
            assert.deepStrictEqual(statement(policy(), "DenyDeliveryDeletionToEveryone"), {
                Sid: "DenyDeliveryDeletionToEveryone",
                Effect: "Deny",
                Principal: "*",
                Action: ["s3:DeleteObject", "s3:DeleteObjectVersion"],
                Resource: `${CONFIG}/*`,
            });
            for (const who of [BREAK_GLASS_ARN, DEPLOYER_ARN, SECURITY_ROOT, INVESTIGATOR, ROOT_OF_ARCHIVE, AUDITOR_IN_ARCHIVE]) {
                for (const action of ["s3:DeleteObject", "s3:DeleteObjectVersion"]) {
                    assert.strictEqual(evaluate([policy()], asRole(who, action, snapshot)), "ExplicitDeny", `${who} ${action}`);
                }
            }
            assert.strictEqual(
                evaluate([policy()], asService("config.amazonaws.com", "s3:DeleteObject", snapshot, CONFIG_DELIVERY)),
                "ExplicitDeny",
            );
        });

        it("writes the Config prefix it is given", () => {
            const custom = configDeliveryBucketPolicy({ ...CONFIG_DELIVERY_BUCKET_FACTS, configKeyPrefix: "org/config" });
            assert.strictEqual(
                statement(custom, "ConfigDeliversForOrganizationAccounts").Resource,
                `${CONFIG}/org/config/AWSLogs/*/Config/*`,
            );
        });

        it("lets the security-auditor roles of the log-archive account read, and no other role there", () => {
            assert.strictEqual(evaluate([policy()], asRole(AUDITOR_IN_ARCHIVE, "s3:GetObject", snapshot)), "Allow");
            assert.strictEqual(evaluate([policy()], asRole(DEVELOPER_IN_ARCHIVE, "s3:GetObject", snapshot)), "ImplicitDeny");
        });

        it("has exactly these statements, so a new one gets a test", () => {
            assert.deepStrictEqual(
                policy().Statement.map((s) => s.Sid),
                [
                    "DenyInsecureTransport",
                    "DenyTlsBelow12",
                    "DenyDeliveryDeletionToEveryone",
                    "DenyConfigurationChangesExceptBreakGlassAndDeployment",
                    "DenyWritesExceptByAwsServices",
                    "ConfigChecksBucketAcl",
                    "ConfigChecksBucketExists",
                    "ConfigDeliversForOrganizationAccounts",
                    "ReadersListBucket",
                    "ReadersReadObjects",
                    "AccountReaderRolesListBucket",
                    "AccountReaderRolesReadObjects",
                ],
            );
        });
    });

    describe("the access-logs bucket", () => {
        const policy = (): PolicyDocument<ResourcePolicyStatement> => accessLogsBucketPolicy(ACCESS_LOGS_BUCKET_FACTS);
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
                evaluate(
                    [policy()],
                    asService("logging.s3.amazonaws.com", "s3:PutObject", key, {
                        ...context,
                        "aws:SourceArn": "arn:aws:s3:::another-bucket",
                    }),
                ),
                "ImplicitDeny",
            );
            assert.strictEqual(
                evaluate(
                    [policy()],
                    asService("logging.s3.amazonaws.com", "s3:PutObject", key, { ...context, "aws:SourceAccount": "444444444444" }),
                ),
                "ImplicitDeny",
            );
        });

        it("admits S3 server access logging for the Config delivery bucket under its own prefix, when it logs here", () => {
            const withConfig = accessLogsBucketPolicy({ ...ACCESS_LOGS_BUCKET_FACTS, configDeliveryBucketName: CONFIG_BUCKET });
            assert.deepStrictEqual(
                statement(withConfig, "S3ServerAccessLogsFromConfigDeliveryBucket").Resource,
                `${ACCESS}/config-delivery/*`,
            );
            const key = `${ACCESS}/config-delivery/${LOG_ARCHIVE}/${REGION}/${CONFIG_BUCKET}/2026/01/01/x`;
            const fromConfigBucket = { "aws:SourceArn": CONFIG, "aws:SourceAccount": LOG_ARCHIVE };
            assert.strictEqual(
                evaluate([withConfig], asService("logging.s3.amazonaws.com", "s3:PutObject", key, fromConfigBucket)),
                "Allow",
            );
            assert.strictEqual(
                evaluate([policy()], asService("logging.s3.amazonaws.com", "s3:PutObject", key, fromConfigBucket)),
                "ImplicitDeny",
            );
            const intoArchivePrefix = `${ACCESS}/log-archive/x`;
            assert.strictEqual(
                evaluate([withConfig], asService("logging.s3.amazonaws.com", "s3:PutObject", intoArchivePrefix, fromConfigBucket)),
                "ImplicitDeny",
            );
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
            assert.notStrictEqual(
                evaluate([policy()], asRole(BREAK_GLASS_ARN, "s3:DeleteObject", `${ACCESS}/x`), { strict: true }),
                "ExplicitDeny",
            );
        });
    });
});
