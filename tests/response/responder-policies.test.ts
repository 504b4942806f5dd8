import * as assert from "assert";
import {
    deadLetterQueuePolicy,
    outcomesTopicPolicy,
    responderRolePolicy,
    responderTrustPolicy,
    type ResponderPolicyFacts,
} from "../../components/response/responder-policies";
import { ec2Arn, roleArn } from "../../iam/arns";
import type { IdentityPolicyStatement } from "../../iam/policy-document";
import { EXECUTOR_API_CALLS } from "../../responder/executor";
import { listOf, statement } from "../../iam/evaluator/policy-reading";

const ACCOUNT = "111111111111";
const REGION = "eu-west-1";
const ROLE = "staging-guardduty-findings-alert-responder";
const VPC_ARN = ec2Arn(REGION, ACCOUNT, "vpc", "vpc-0a1b2c3d4e5f60718");
const SG_ARN = ec2Arn(REGION, ACCOUNT, "security-group", "sg-0c0ffee0000000001");
const TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:${ROLE}-outcomes`;
const QUEUE = `arn:aws:sqs:${REGION}:${ACCOUNT}:${ROLE}-dlq`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b5e8e1c-7f2a-4d4e-9a51-3c2d1e0f9a8b`;
const LOG_GROUP = `/zero-trust/staging/responder/${ROLE}`;

const FACTS: ResponderPolicyFacts<string> = {
    accountId: ACCOUNT,
    region: REGION,
    roleName: ROLE,
    functionName: ROLE,
    logGroupName: LOG_GROUP,
    vpcArns: [VPC_ARN],
    quarantineSecurityGroupArns: [SG_ARN],
    instanceTagKeys: ["zero-trust:guardduty-finding", "zero-trust:guardduty-finding-type"],
    optOutTagKey: "zero-trust:responder",
    topicArn: TOPIC,
    deadLetterQueueArn: QUEUE,
    alertsKeyArn: KEY,
};

const policy = responderRolePolicy(FACTS);

/** IAM action of each executor call (most are `<service>:<Call>`; S3's public access block calls are named for the bucket). */
const IAM_ACTION_OF_CALL: Record<string, string> = {
    GetPublicAccessBlock: "s3:GetBucketPublicAccessBlock",
    PutPublicAccessBlock: "s3:PutBucketPublicAccessBlock",
};

/** What Lambda itself needs of the role: its log group, and the dead-letter queue it sends failed invocations to (encrypted). */
const RUNTIME_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage", "kms:GenerateDataKey", "kms:Decrypt"];

const NOT_OPTED_OUT = { StringNotEqualsIgnoreCase: { "aws:ResourceTag/zero-trust:responder": "off" } };

describe("responder policies (as data)", () => {
    describe("the role's policy", () => {
        it("allows exactly the executor's calls and what the Lambda runtime needs, nothing more", () => {
            const executor = Object.entries(EXECUTOR_API_CALLS).flatMap(([service, calls]) =>
                calls.map((call) => IAM_ACTION_OF_CALL[call] ?? `${service}:${call}`),
            );
            const allowed = new Set(policy.Statement.filter((s) => s.Effect === "Allow").flatMap((s) => s.Action));
            assert.deepStrictEqual([...allowed].sort(), [...executor, ...RUNTIME_ACTIONS].sort());
        });

        it("has no wildcard in any action, and Resource * only where EC2 requires it, bound to the region", () => {
            for (const s of policy.Statement) {
                assert.ok(
                    listOf(s.Action).every((a) => !a.includes("*")),
                    `${s.Sid}: ${listOf(s.Action).join(", ")}`,
                );
                if (listOf(s.Resource).includes("*")) {
                    assert.deepStrictEqual(
                        [s.Sid, s.Action, s.Condition],
                        [
                            "DescribeInstancesAndSnapshotsInRegion",
                            ["ec2:DescribeInstances", "ec2:DescribeSnapshots"],
                            { StringEquals: { "aws:RequestedRegion": REGION } },
                        ],
                    );
                }
            }
        });

        it("names every resource inside this account and region (or S3's account-less ARNs bound by aws:ResourceAccount)", () => {
            for (const s of policy.Statement) {
                for (const resource of listOf(s.Resource).filter((r) => r !== "*")) {
                    const inAccount = resource.includes(`:${ACCOUNT}:`) || resource.startsWith(`arn:aws:ec2:${REGION}::snapshot/`);
                    const bucket = resource === "arn:aws:s3:::*" && s.Condition?.StringEquals?.["aws:ResourceAccount"] === ACCOUNT;
                    assert.ok(inAccount || bucket, `${s.Sid}: ${resource}`);
                    assert.ok(!resource.includes(":*:"), `${s.Sid}: ${resource} leaves region or account open`);
                }
            }
        });

        it("writes only its own log group", () => {
            assert.deepStrictEqual(statement(policy, "WriteOwnLogGroup"), {
                Sid: "WriteOwnLogGroup",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${LOG_GROUP}:*`,
            });
        });

        it("moves network interfaces only of the environment's VPCs, and only into the quarantine groups", () => {
            assert.deepStrictEqual(statement(policy, "MoveNetworkInterfacesOfEnvironmentVpcs"), {
                Sid: "MoveNetworkInterfacesOfEnvironmentVpcs",
                Effect: "Allow",
                Action: ["ec2:ModifyNetworkInterfaceAttribute"],
                Resource: `arn:aws:ec2:${REGION}:${ACCOUNT}:network-interface/*`,
                Condition: { ArnEquals: { "ec2:Vpc": [VPC_ARN] } },
            });
            assert.deepStrictEqual(statement(policy, "IntoQuarantineSecurityGroupsOnly"), {
                Sid: "IntoQuarantineSecurityGroupsOnly",
                Effect: "Allow",
                Action: ["ec2:ModifyNetworkInterfaceAttribute"],
                Resource: [SG_ARN, VPC_ARN],
            });
            const groupStatements = policy.Statement.filter((s) => listOf(s.Resource).some((r) => r.includes(":security-group/")));
            assert.deepStrictEqual(
                groupStatements.map((s) => s.Sid),
                ["IntoQuarantineSecurityGroupsOnly"],
            );
        });

        it("snapshots the account's volumes, tags snapshots only as they are created, tags instances only with the finding tags unless opted out", () => {
            assert.deepStrictEqual(statement(policy, "SnapshotVolumesOfAccount").Resource, [
                `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/*`,
                `arn:aws:ec2:${REGION}::snapshot/*`,
            ]);
            assert.deepStrictEqual(statement(policy, "TagSnapshotsWhenCreated"), {
                Sid: "TagSnapshotsWhenCreated",
                Effect: "Allow",
                Action: ["ec2:CreateTags"],
                Resource: `arn:aws:ec2:${REGION}::snapshot/*`,
                Condition: { StringEquals: { "ec2:CreateAction": "CreateSnapshot" } },
            });
            assert.deepStrictEqual(statement(policy, "TagInstancesWithFindingOnly"), {
                Sid: "TagInstancesWithFindingOnly",
                Effect: "Allow",
                Action: ["ec2:CreateTags"],
                Resource: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/*`,
                Condition: {
                    "ForAllValues:StringEquals": { "aws:TagKeys": ["zero-trust:guardduty-finding", "zero-trust:guardduty-finding-type"] },
                    ...NOT_OPTED_OUT,
                },
            });
        });

        it("changes IAM users and roles only when they are not opted out, reads them without condition", () => {
            const cases: [string, string, string, IdentityPolicyStatement["Condition"]][] = [
                ["DeactivateAccessKeysOfUsersNotOptedOut", "iam:UpdateAccessKey", "user", NOT_OPTED_OUT],
                ["RevokeSessionsOfRolesNotOptedOut", "iam:PutRolePolicy", "role", NOT_OPTED_OUT],
                ["ReadUserKeysAndTags", "iam:ListAccessKeys", "user", undefined],
                ["ReadRoleRevocationsAndTags", "iam:GetRolePolicy", "role", undefined],
            ];
            for (const [sid, action, kind, condition] of cases) {
                const s = statement(policy, sid);
                assert.deepStrictEqual(
                    [s.Effect, listOf(s.Action)[0], s.Resource, s.Condition],
                    ["Allow", action, `arn:aws:iam::${ACCOUNT}:${kind}/*`, condition],
                    sid,
                );
            }
            assert.deepStrictEqual(
                [
                    statement(policy, "DeactivateAccessKeysOfUsersNotOptedOut").Action,
                    statement(policy, "RevokeSessionsOfRolesNotOptedOut").Action,
                ],
                [["iam:UpdateAccessKey"], ["iam:PutRolePolicy"]],
            );
        });

        it("denies putting an inline policy on its own role (it could widen its own permissions)", () => {
            assert.deepStrictEqual(statement(policy, "NeverChangeOwnRole"), {
                Sid: "NeverChangeOwnRole",
                Effect: "Deny",
                Action: ["iam:PutRolePolicy"],
                Resource: roleArn(ACCOUNT, ROLE),
            });
        });

        it("touches buckets of this account only", () => {
            for (const sid of ["ReadBucketPublicAccessAndTags", "BlockPublicAccessOfAccountBuckets"]) {
                assert.deepStrictEqual(
                    [statement(policy, sid).Resource, statement(policy, sid).Condition],
                    ["arn:aws:s3:::*", { StringEquals: { "aws:ResourceAccount": ACCOUNT } }],
                    sid,
                );
            }
            assert.deepStrictEqual(statement(policy, "BlockPublicAccessOfAccountBuckets").Action, ["s3:PutBucketPublicAccessBlock"]);
        });

        it("publishes to its topic, sends to its queue, and uses the alerts key only through SNS and SQS", () => {
            assert.deepStrictEqual(
                [statement(policy, "PublishOutcomes").Action, statement(policy, "PublishOutcomes").Resource],
                [["sns:Publish"], TOPIC],
            );
            assert.deepStrictEqual(
                [
                    statement(policy, "SendFailedInvocationsToDeadLetterQueue").Action,
                    statement(policy, "SendFailedInvocationsToDeadLetterQueue").Resource,
                ],
                [["sqs:SendMessage"], QUEUE],
            );
            assert.deepStrictEqual(statement(policy, "UseAlertsKeyThroughSnsAndSqs"), {
                Sid: "UseAlertsKeyThroughSnsAndSqs",
                Effect: "Allow",
                Action: ["kms:GenerateDataKey", "kms:Decrypt"],
                Resource: KEY,
                Condition: { StringEquals: { "kms:ViaService": ["sns.eu-west-1.amazonaws.com", "sqs.eu-west-1.amazonaws.com"] } },
            });
            assert.deepStrictEqual(statement(policy, "DecryptOwnEnvironmentThroughLambda"), {
                Sid: "DecryptOwnEnvironmentThroughLambda",
                Effect: "Allow",
                Action: ["kms:Decrypt"],
                Resource: KEY,
                Condition: {
                    StringEquals: {
                        "kms:ViaService": "lambda.eu-west-1.amazonaws.com",
                        "kms:EncryptionContext:aws:lambda:FunctionArn": `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${ROLE}`,
                    },
                },
            });
        });

        it("has unique statement ids and only the statements tested here", () => {
            const sids = policy.Statement.map((s) => s.Sid);
            assert.strictEqual(new Set(sids).size, sids.length);
            assert.strictEqual(sids.length, 18);
        });
    });

    it("the trust policy lets Lambda, and only Lambda, assume the role", () => {
        assert.deepStrictEqual(responderTrustPolicy(), {
            Version: "2012-10-17",
            Statement: [
                { Sid: "LambdaAssumesRole", Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
            ],
        });
    });

    it("the outcomes topic: the role and the responder's alarms publish; a Deny refuses anyone who is neither", () => {
        const alarms = `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${ROLE}-*`;
        assert.deepStrictEqual(
            outcomesTopicPolicy({
                topicArn: TOPIC,
                accountId: ACCOUNT,
                region: REGION,
                roleArn: roleArn(ACCOUNT, ROLE),
                alarmNamePrefix: `${ROLE}-`,
            }),
            {
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "ResponderPublishes",
                        Effect: "Allow",
                        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/${ROLE}` },
                        Action: "sns:Publish",
                        Resource: TOPIC,
                    },
                    {
                        Sid: "ResponderAlarmsPublish",
                        Effect: "Allow",
                        Principal: { Service: "cloudwatch.amazonaws.com" },
                        Action: "sns:Publish",
                        Resource: TOPIC,
                        Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": alarms } },
                    },
                    {
                        Sid: "DenyPublishFromAnyoneElse",
                        Effect: "Deny",
                        Principal: "*",
                        Action: "sns:Publish",
                        Resource: TOPIC,
                        Condition: {
                            ArnNotEquals: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/${ROLE}` },
                            ArnNotLike: { "aws:SourceArn": alarms },
                        },
                    },
                ],
            },
        );
    });

    it("the dead-letter queue: EventBridge sends for the alert rule only; nothing without TLS", () => {
        const rule = `arn:aws:events:${REGION}:${ACCOUNT}:rule/staging-guardduty-findings-alert`;
        assert.deepStrictEqual(deadLetterQueuePolicy({ queueArn: QUEUE, accountId: ACCOUNT, ruleArn: rule }), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "EventBridgeSendsUndeliveredAlerts",
                    Effect: "Allow",
                    Principal: { Service: "events.amazonaws.com" },
                    Action: "sqs:SendMessage",
                    Resource: QUEUE,
                    Condition: { ArnEquals: { "aws:SourceArn": rule }, StringEquals: { "aws:SourceAccount": ACCOUNT } },
                },
                {
                    Sid: "DenyInsecureTransport",
                    Effect: "Deny",
                    Principal: "*",
                    Action: "sqs:*",
                    Resource: QUEUE,
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                },
            ],
        });
    });
});
