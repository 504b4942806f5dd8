// The audit-log key policies and the trail's role policies as data: who may do what under which
// conditions, and the decisions that follow.
import * as assert from "assert";
import { accessLogsKeyPolicy, archiveKeyPolicy, configDeliveryKeyPolicy } from "../../components/audit-logs/log-archive-key-policy";
import {
    trailDeliveryRolePolicy,
    trailDeliveryRoleTrustPolicy,
    trailLogGroupKeyPolicy,
    trailLogStreamArns,
} from "../../components/audit-logs/trail-policies";
import { DEFAULT_AUDIT_LOG_GROUP_PATTERNS } from "../../components/organization/service-control-policies";
import type { KeyPolicyDocument } from "../../components/encryption/key-policy";
import { evaluate, resourceMatches } from "../../iam/evaluator/policy-evaluator";
import { listOf, principalsOf, statement } from "../../iam/evaluator/policy-reading";
import {
    ACCESS_BUCKET,
    ACCESS_LOGS_KEY_FACTS,
    ARCHIVE_KEY_FACTS,
    asRole,
    asService,
    AUDITOR_IN_ARCHIVE,
    AUDITOR_PATTERN,
    BREAK_GLASS_ARN,
    CONFIG_DELIVERY_KEY_FACTS,
    DEPLOYER_ARN,
    DEVELOPER_IN_ARCHIVE,
    INVESTIGATOR,
    KEY_ADMINS,
    LOG_ARCHIVE,
    MANAGEMENT,
    MANAGEMENT_KEY_ADMINS,
    ORG,
    REGION,
    SECURITY_ROOT,
    TRAIL_ARN,
    TRAIL_LOG_GROUP,
    TRAIL_LOG_GROUP_FACTS,
} from "./audit-log-fixtures";

const LOG_GROUP_ARN = `arn:aws:logs:${REGION}:${MANAGEMENT}:log-group:${TRAIL_LOG_GROUP}`;
const USE_ACTIONS = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncryptFrom",
    "kms:ReEncryptTo",
    "kms:GenerateDataKey",
    "kms:GenerateDataKeyWithoutPlaintext",
    "kms:CreateGrant",
];

/** House rules every audit-log key policy keeps. */
function houseRules(policy: () => KeyPolicyDocument, administrators: readonly string[], accountId: string): void {
    it("lets the administrators manage but never use or grant the key", () => {
        const admins = statement(policy(), "KeyAdministratorsManageButDoNotUse");
        assert.deepStrictEqual(admins.Principal, { AWS: [...administrators] });
        assert.strictEqual(admins.Condition, undefined);
        for (const action of USE_ACTIONS) {
            assert.ok(!listOf(admins.Action).includes(action), action);
            assert.strictEqual(evaluate([policy()], asRole(administrators[0], action, "*")), "ImplicitDeny", action);
        }
        assert.strictEqual(evaluate([policy()], asRole(administrators[0], "kms:ScheduleKeyDeletion", "*")), "Allow");
        assert.strictEqual(evaluate([policy()], asRole(administrators[0], "kms:PutKeyPolicy", "*")), "Allow");
    });

    it("leaves the account root only the key policy's recovery", () => {
        assert.deepStrictEqual(statement(policy(), "AccountCanRecoverKeyPolicyOnly"), {
            Sid: "AccountCanRecoverKeyPolicyOnly",
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${accountId}:root` },
            Action: ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy"],
            Resource: "*",
        });
    });

    it("grants nothing to a wildcard principal, kms:* to nobody, and nothing to a service without a condition", () => {
        for (const statement of policy().Statement) {
            assert.strictEqual(statement.Effect, "Allow");
            const principals = principalsOf(statement);
            assert.ok(!principals.some((p) => p.includes("*")), statement.Sid);
            assert.ok(!listOf(statement.Action).some((a) => a === "*" || a === "kms:*"), statement.Sid);
            if ("Service" in statement.Principal) {
                assert.ok(statement.Condition !== undefined, `${statement.Sid}: a service principal without a condition`);
            }
        }
    });
}

describe("audit-log key policies", () => {
    describe("the archive key", () => {
        const policy = (): KeyPolicyDocument => archiveKeyPolicy(ARCHIVE_KEY_FACTS);
        houseRules(policy, KEY_ADMINS, LOG_ARCHIVE);

        it("lets CloudTrail generate data keys only for the organisation trail, with the management account's encryption context", () => {
            assert.deepStrictEqual(statement(policy(), "CloudTrailEncryptsOrganizationTrailLogs"), {
                Sid: "CloudTrailEncryptsOrganizationTrailLogs",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: ["kms:GenerateDataKey*"],
                Resource: "*",
                Condition: {
                    StringEquals: { "aws:SourceArn": TRAIL_ARN },
                    StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${MANAGEMENT}:trail/*` },
                },
            });
            const context = { "aws:SourceArn": TRAIL_ARN, "kms:EncryptionContext:aws:cloudtrail:arn": TRAIL_ARN };
            assert.strictEqual(evaluate([policy()], asService("cloudtrail.amazonaws.com", "kms:GenerateDataKey", "*", context)), "Allow");
            const otherTrail = `arn:aws:cloudtrail:${REGION}:444444444444:trail/x`;
            assert.strictEqual(
                evaluate(
                    [policy()],
                    asService("cloudtrail.amazonaws.com", "kms:GenerateDataKey", "*", {
                        "aws:SourceArn": otherTrail,
                        "kms:EncryptionContext:aws:cloudtrail:arn": otherTrail,
                    }),
                ),
                "ImplicitDeny",
            );
            assert.strictEqual(evaluate([policy()], asService("cloudtrail.amazonaws.com", "kms:Encrypt", "*", context)), "ImplicitDeny");
        });

        it("lets CloudTrail describe the key and decrypt (S3 Bucket Key) for the organisation trail only", () => {
            assert.deepStrictEqual(statement(policy(), "CloudTrailChecksKeyForOrganizationTrail"), {
                Sid: "CloudTrailChecksKeyForOrganizationTrail",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: ["kms:DescribeKey", "kms:Decrypt"],
                Resource: "*",
                Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
            });
        });

        it("admits no AWS Config delivery: Config delivers to its own bucket and key", () => {
            assert.ok(!policy().Statement.some((s) => JSON.stringify(s.Principal).includes("config.amazonaws.com")));
            assert.strictEqual(
                evaluate([policy()], asService("config.amazonaws.com", "kms:GenerateDataKey", "*", { "aws:SourceOrgID": ORG })),
                "ImplicitDeny",
            );
        });

        it("lets the security-auditor roles of the log-archive account decrypt through S3, through the account root and their ARN pattern", () => {
            const viaS3 = { "kms:ViaService": `s3.${REGION}.amazonaws.com` };
            const withAuditors = archiveKeyPolicy({ ...ARCHIVE_KEY_FACTS, accountReaderRolePatterns: [AUDITOR_PATTERN] });
            assert.deepStrictEqual(statement(withAuditors, "AccountReaderRolesDecryptThroughS3"), {
                Sid: "AccountReaderRolesDecryptThroughS3",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${LOG_ARCHIVE}:root` },
                Action: ["kms:Decrypt", "kms:DescribeKey"],
                Resource: "*",
                Condition: { StringEquals: viaS3, ArnLike: { "aws:PrincipalArn": [AUDITOR_PATTERN] } },
            });
            assert.strictEqual(evaluate([withAuditors], asRole(AUDITOR_IN_ARCHIVE, "kms:Decrypt", "*", viaS3)), "Allow");
            assert.strictEqual(evaluate([withAuditors], asRole(AUDITOR_IN_ARCHIVE, "kms:Decrypt", "*")), "ImplicitDeny", "not directly");
            assert.strictEqual(evaluate([withAuditors], asRole(DEVELOPER_IN_ARCHIVE, "kms:Decrypt", "*", viaS3)), "ImplicitDeny");
            assert.strictEqual(evaluate([withAuditors], asRole(AUDITOR_IN_ARCHIVE, "kms:GenerateDataKey", "*", viaS3)), "ImplicitDeny");
            assert.strictEqual(
                evaluate([policy()], asRole(AUDITOR_IN_ARCHIVE, "kms:Decrypt", "*", viaS3)),
                "ImplicitDeny",
                "the defect: none without the pattern",
            );
        });

        it("lets readers decrypt only through S3 in the key's region, and never encrypt", () => {
            assert.deepStrictEqual(statement(policy(), "ReadersDecryptThroughS3"), {
                Sid: "ReadersDecryptThroughS3",
                Effect: "Allow",
                Principal: { AWS: [SECURITY_ROOT] },
                Action: ["kms:Decrypt", "kms:DescribeKey"],
                Resource: "*",
                Condition: { StringEquals: { "kms:ViaService": `s3.${REGION}.amazonaws.com` } },
            });
            const viaS3 = { "kms:ViaService": `s3.${REGION}.amazonaws.com` };
            assert.strictEqual(evaluate([policy()], asRole(INVESTIGATOR, "kms:Decrypt", "*", viaS3)), "Allow");
            assert.strictEqual(evaluate([policy()], asRole(INVESTIGATOR, "kms:Decrypt", "*")), "ImplicitDeny", "not directly");
            assert.strictEqual(
                evaluate([policy()], asRole(INVESTIGATOR, "kms:Decrypt", "*", { "kms:ViaService": `ec2.${REGION}.amazonaws.com` })),
                "ImplicitDeny",
            );
            for (const action of ["kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptTo", "kms:CreateGrant", "kms:ScheduleKeyDeletion"]) {
                assert.strictEqual(evaluate([policy()], asRole(INVESTIGATOR, action, "*", viaS3)), "ImplicitDeny", action);
            }
        });

        it("keeps the break-glass and deployment roles to administration: they cannot decrypt the archive", () => {
            for (const who of [BREAK_GLASS_ARN, DEPLOYER_ARN]) {
                assert.strictEqual(
                    evaluate([policy()], asRole(who, "kms:Decrypt", "*", { "kms:ViaService": `s3.${REGION}.amazonaws.com` })),
                    "ImplicitDeny",
                    who,
                );
            }
        });

        it("has exactly these statements", () => {
            assert.deepStrictEqual(
                policy().Statement.map((s) => s.Sid),
                [
                    "KeyAdministratorsManageButDoNotUse",
                    "AccountCanRecoverKeyPolicyOnly",
                    "CloudTrailEncryptsOrganizationTrailLogs",
                    "CloudTrailChecksKeyForOrganizationTrail",
                    "ReadersDecryptThroughS3",
                ],
            );
        });

        it("refuses to build a policy without administrators", () => {
            assert.throws(() => archiveKeyPolicy({ ...ARCHIVE_KEY_FACTS, administrators: [] }), /at least one key administrator/);
        });
    });

    describe("the Config delivery key", () => {
        const policy = (): KeyPolicyDocument => configDeliveryKeyPolicy(CONFIG_DELIVERY_KEY_FACTS);
        houseRules(policy, KEY_ADMINS, LOG_ARCHIVE);
        const viaS3 = { "kms:ViaService": `s3.${REGION}.amazonaws.com` };

        it("lets AWS Config encrypt deliveries on behalf of the organisation's accounts only", () => {
            assert.deepStrictEqual(statement(policy(), "ConfigDeliversForOrganizationAccounts"), {
                Sid: "ConfigDeliversForOrganizationAccounts",
                Effect: "Allow",
                Principal: { Service: "config.amazonaws.com" },
                Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                Resource: "*",
                Condition: { StringEquals: { "aws:SourceOrgID": ORG } },
            });
            assert.strictEqual(
                evaluate([policy()], asService("config.amazonaws.com", "kms:GenerateDataKey", "*", { "aws:SourceOrgID": ORG })),
                "Allow",
            );
            assert.strictEqual(
                evaluate([policy()], asService("config.amazonaws.com", "kms:GenerateDataKey", "*", { "aws:SourceOrgID": "o-zzzzzzzzzz" })),
                "ImplicitDeny",
            );
            assert.strictEqual(evaluate([policy()], asService("config.amazonaws.com", "kms:GenerateDataKey", "*")), "ImplicitDeny");
            assert.strictEqual(
                evaluate([policy()], asService("config.amazonaws.com", "kms:ScheduleKeyDeletion", "*", { "aws:SourceOrgID": ORG })),
                "ImplicitDeny",
            );
        });

        it("lets the security team and the log-archive account's auditors decrypt through S3 only, and nobody else use the key", () => {
            assert.strictEqual(evaluate([policy()], asRole(INVESTIGATOR, "kms:Decrypt", "*", viaS3)), "Allow");
            assert.strictEqual(evaluate([policy()], asRole(AUDITOR_IN_ARCHIVE, "kms:Decrypt", "*", viaS3)), "Allow");
            assert.strictEqual(evaluate([policy()], asRole(INVESTIGATOR, "kms:Decrypt", "*")), "ImplicitDeny");
            for (const who of [DEVELOPER_IN_ARCHIVE, BREAK_GLASS_ARN, DEPLOYER_ARN, "arn:aws:iam::444444444444:root"]) {
                assert.strictEqual(evaluate([policy()], asRole(who, "kms:Decrypt", "*", viaS3)), "ImplicitDeny", who);
            }
        });

        it("has exactly these statements", () => {
            assert.deepStrictEqual(
                policy().Statement.map((s) => s.Sid),
                [
                    "KeyAdministratorsManageButDoNotUse",
                    "AccountCanRecoverKeyPolicyOnly",
                    "ConfigDeliversForOrganizationAccounts",
                    "ReadersDecryptThroughS3",
                    "AccountReaderRolesDecryptThroughS3",
                ],
            );
        });
    });

    describe("the access-logs key", () => {
        const BUCKET_ARN = `arn:aws:s3:::${ACCESS_BUCKET}`;
        const policy = (): KeyPolicyDocument => accessLogsKeyPolicy(ACCESS_LOGS_KEY_FACTS);
        houseRules(policy, KEY_ADMINS, LOG_ARCHIVE);

        it("lets S3 server access logging encrypt for the access-logs bucket only (the encryption context names it)", () => {
            assert.deepStrictEqual(statement(policy(), "S3ServerAccessLoggingEncryptsAccessLogs"), {
                Sid: "S3ServerAccessLoggingEncryptsAccessLogs",
                Effect: "Allow",
                Principal: { Service: "logging.s3.amazonaws.com" },
                Action: ["kms:GenerateDataKey", "kms:Decrypt"],
                Resource: "*",
                Condition: { StringLike: { "kms:EncryptionContext:aws:s3:arn": [BUCKET_ARN, `${BUCKET_ARN}/*`] } },
            });
            for (const context of [BUCKET_ARN, `${BUCKET_ARN}/log-archive/x`]) {
                assert.strictEqual(
                    evaluate(
                        [policy()],
                        asService("logging.s3.amazonaws.com", "kms:GenerateDataKey", "*", { "kms:EncryptionContext:aws:s3:arn": context }),
                    ),
                    "Allow",
                    context,
                );
            }
            assert.strictEqual(
                evaluate(
                    [policy()],
                    asService("logging.s3.amazonaws.com", "kms:GenerateDataKey", "*", {
                        "kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::another-bucket",
                    }),
                ),
                "ImplicitDeny",
            );
        });

        it("lets readers decrypt through S3 only", () => {
            assert.deepStrictEqual(statement(policy(), "ReadersDecryptThroughS3").Condition, {
                StringEquals: { "kms:ViaService": `s3.${REGION}.amazonaws.com` },
            });
        });
    });

    describe("the trail's log group key", () => {
        const policy = (): KeyPolicyDocument => trailLogGroupKeyPolicy({ ...TRAIL_LOG_GROUP_FACTS, administrators: MANAGEMENT_KEY_ADMINS });
        houseRules(policy, MANAGEMENT_KEY_ADMINS, MANAGEMENT);

        it("lets CloudWatch Logs of the region use the key for the trail's log group only", () => {
            assert.deepStrictEqual(statement(policy(), "CloudWatchLogsUsesKeyForTrailLogGroup"), {
                Sid: "CloudWatchLogsUsesKeyForTrailLogGroup",
                Effect: "Allow",
                Principal: { Service: `logs.${REGION}.amazonaws.com` },
                Action: [
                    "kms:Encrypt",
                    "kms:Decrypt",
                    "kms:ReEncryptFrom",
                    "kms:ReEncryptTo",
                    "kms:GenerateDataKey",
                    "kms:GenerateDataKeyWithoutPlaintext",
                    "kms:DescribeKey",
                ],
                Resource: "*",
                Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": LOG_GROUP_ARN } },
            });
            const logs = `logs.${REGION}.amazonaws.com`;
            assert.strictEqual(
                evaluate([policy()], asService(logs, "kms:GenerateDataKey", "*", { "kms:EncryptionContext:aws:logs:arn": LOG_GROUP_ARN })),
                "Allow",
            );
            const other = `arn:aws:logs:${REGION}:${MANAGEMENT}:log-group:something-else`;
            assert.strictEqual(
                evaluate([policy()], asService(logs, "kms:GenerateDataKey", "*", { "kms:EncryptionContext:aws:logs:arn": other })),
                "ImplicitDeny",
            );
        });
    });
});

describe("the organisation trail's delivery role", () => {
    const facts = TRAIL_LOG_GROUP_FACTS;

    it("is assumed by CloudTrail only; without source conditions, which AWS does not support for this role", () => {
        assert.deepStrictEqual(trailDeliveryRoleTrustPolicy(), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "CloudTrailAssumesRole",
                    Effect: "Allow",
                    Principal: { Service: "cloudtrail.amazonaws.com" },
                    Action: "sts:AssumeRole",
                },
            ],
        });
    });

    it("may only create the trail's streams and put events into them, in the trail's log group", () => {
        const policy = trailDeliveryRolePolicy(facts);
        assert.deepStrictEqual(policy.Statement.length, 1);
        const [statement] = policy.Statement;
        assert.deepStrictEqual(statement.Action, ["logs:CreateLogStream", "logs:PutLogEvents"]);
        assert.deepStrictEqual(statement.Resource, [
            `${LOG_GROUP_ARN}:log-stream:${MANAGEMENT}_CloudTrail_${REGION}*`,
            `${LOG_GROUP_ARN}:log-stream:${ORG}_*`,
        ]);
        assert.deepStrictEqual(trailLogStreamArns(facts), statement.Resource);
        // Streams CloudTrail creates: the management account's own, and one per member account.
        assert.ok(statement.Resource.some((r) => resourceMatches(r, `${LOG_GROUP_ARN}:log-stream:${MANAGEMENT}_CloudTrail_${REGION}_2`)));
        assert.ok(
            statement.Resource.some((r) => resourceMatches(r, `${LOG_GROUP_ARN}:log-stream:${ORG}_111111111111_CloudTrail_${REGION}`)),
        );
        assert.ok(
            !statement.Resource.some((r) => resourceMatches(r, `arn:aws:logs:${REGION}:${MANAGEMENT}:log-group:other:log-stream:${ORG}_x`)),
        );
    });

    it("writes to a log group the organisation's SCPs protect", () => {
        assert.ok(
            DEFAULT_AUDIT_LOG_GROUP_PATTERNS.some((pattern) => resourceMatches(pattern, TRAIL_LOG_GROUP)),
            DEFAULT_AUDIT_LOG_GROUP_PATTERNS.join(", "),
        );
    });
});
