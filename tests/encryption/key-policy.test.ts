import * as assert from "assert";
import {
    KEY_ADMIN_ACTIONS,
    KEY_GRANT_ACTIONS,
    KEY_POLICY_RECOVERY_ACTIONS,
    KEY_USE_ACTIONS,
    applicationKeyPolicy,
    purposeKeyPolicy,
    type KeyPolicyDocument,
    type KeyPolicyScope,
    type PurposeBindings,
} from "../../components/encryption/key-policy";
import { KEY_PURPOSES, type KeyPurpose } from "../../components/encryption/key-purposes";
import { logGroupArnPattern } from "../../iam/arns";
import { authorize, resourceMatches } from "../../iam/evaluator/policy-evaluator";
import type { PolicyDocument } from "../../iam/policy-document";
import { actionsAllowed, actionsOf, principalsOf, statement, statementsFor } from "../../iam/evaluator/policy-reading";

const ACCOUNT = "111111111111";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const DEPLOYER = `arn:aws:iam::${ACCOUNT}:role/OrganizationAccountAccessRole`;
const BREAK_GLASS = `arn:aws:iam::${ACCOUNT}:role/break-glass`;
const ORDERS = `arn:aws:iam::${ACCOUNT}:role/orders-service`;
/** An identity policy that allows everything, like AdministratorAccess. */
const ADMINISTRATOR_ACCESS: PolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const ORDERS_BATCH = `arn:aws:iam::${ACCOUNT}:role/orders/batch`;
const AUTO_SCALING = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
const PREFIX = "/zero-trust/staging/";
const RULE = "staging-guardduty-findings-alert";
const TOPIC = "staging-security-alerts";
const BINDINGS: PurposeBindings = { logGroupNamePrefix: PREFIX, alertRuleName: RULE, alertTopicName: TOPIC };
const SCOPE: KeyPolicyScope = { accountId: ACCOUNT, region: "eu-west-1", administrators: [DEPLOYER, BREAK_GLASS] };
const REPLICA_SCOPE: KeyPolicyScope = { ...SCOPE, region: "eu-central-1" };

/** Actions that use a key (or let someone use it): what administrators must never hold. */
const USE_OR_GRANT = new Set<string>([
    ...KEY_USE_ACTIONS.filter((a) => a !== "kms:DescribeKey"),
    "kms:CreateGrant",
    "kms:Sign",
    "kms:GenerateMac",
]);

/** Every policy the key ring writes, in two regions. */
const ALL_POLICIES: [string, KeyPolicyDocument][] = [SCOPE, REPLICA_SCOPE].flatMap((scope) => [
    [`application ${scope.region}`, applicationKeyPolicy(scope, [ORDERS, ORDERS_BATCH])] as [string, KeyPolicyDocument],
    [
        `workload application ${scope.region}`,
        applicationKeyPolicy(scope, [ORDERS], { logGroupName: "/zero-trust/staging/workloads/orders", database: true }),
    ] as [string, KeyPolicyDocument],
    ...KEY_PURPOSES.map(
        (purpose) => [`${purpose} ${scope.region}`, purposeKeyPolicy(scope, purpose, BINDINGS)] as [string, KeyPolicyDocument],
    ),
]);

describe("key policies (as data)", () => {
    describe("every key", () => {
        it("is a 2012-10-17 document of Allow statements on the key itself, with unique Sids", () => {
            for (const [label, policy] of ALL_POLICIES) {
                assert.strictEqual(policy.Version, "2012-10-17", label);
                const sids = policy.Statement.map((s) => s.Sid);
                assert.strictEqual(new Set(sids).size, sids.length, `${label}: ${sids.join(", ")}`);
                for (const s of policy.Statement) {
                    assert.deepStrictEqual([s.Effect, s.Resource], ["Allow", "*"], `${label} ${s.Sid}`);
                    assert.ok(/^[A-Za-z0-9]+$/.test(s.Sid ?? ""), `${label}: Sid ${s.Sid} must be alphanumeric`);
                }
            }
        });

        it("never names a wildcard principal, and never allows kms:* or any wildcard action", () => {
            for (const [label, policy] of ALL_POLICIES) {
                for (const s of policy.Statement) {
                    assert.ok(!principalsOf(s).some((p) => p.includes("*")), `${label} ${s.Sid}: ${principalsOf(s).join(", ")}`);
                    assert.ok(!actionsOf(s).some((a) => a.includes("*")), `${label} ${s.Sid}: ${actionsOf(s).join(", ")}`);
                    assert.ok(
                        actionsOf(s).every((a) => a.startsWith("kms:")),
                        `${label} ${s.Sid}`,
                    );
                }
            }
        });

        it("lets the administrators manage the key (policy, rotation, aliases, deletion, replication) in one statement", () => {
            for (const [label, policy] of ALL_POLICIES) {
                const admin = statement(policy, "KeyAdministratorsManageButDoNotUse");
                assert.deepStrictEqual(admin.Principal, { AWS: [DEPLOYER, BREAK_GLASS] }, label);
                assert.deepStrictEqual(actionsOf(admin), [...KEY_ADMIN_ACTIONS], label);
                assert.strictEqual(admin.Condition, undefined, label);
                for (const needed of [
                    "kms:PutKeyPolicy",
                    "kms:EnableKeyRotation",
                    "kms:TagResource",
                    "kms:CreateAlias",
                    "kms:ScheduleKeyDeletion",
                    "kms:ReplicateKey",
                ]) {
                    assert.ok(actionsOf(admin).includes(needed), `${label}: ${needed}`);
                }
            }
        });

        it("does not let administrators use the key or grant it (a grant would let them use it)", () => {
            for (const [label, policy] of ALL_POLICIES) {
                for (const admin of [DEPLOYER, BREAK_GLASS]) {
                    const allowed = actionsAllowed(policy, admin);
                    assert.deepStrictEqual(
                        allowed.filter((a) => USE_OR_GRANT.has(a)),
                        [],
                        `${label} ${admin}`,
                    );
                    assert.deepStrictEqual(
                        statementsFor(policy, admin).map((s) => s.Sid),
                        ["KeyAdministratorsManageButDoNotUse"],
                        label,
                    );
                }
            }
        });

        it("gives the account root only what restores the key policy, unconditionally, and nothing to use or delete", () => {
            for (const [label, policy] of ALL_POLICIES) {
                const recovery = statement(policy, "AccountCanRecoverKeyPolicyOnly");
                assert.deepStrictEqual(recovery.Principal, { AWS: ROOT }, label);
                assert.deepStrictEqual(actionsOf(recovery), [...KEY_POLICY_RECOVERY_ACTIONS], label);
                assert.deepStrictEqual(actionsOf(recovery).sort(), ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy"], label);
            }
        });

        it("names the account root elsewhere only to delegate use through one service's kms:ViaService, from this account", () => {
            let delegations = 0;
            for (const [label, policy] of ALL_POLICIES) {
                for (const s of statementsFor(policy, ROOT).filter((s) => s.Sid !== "AccountCanRecoverKeyPolicyOnly")) {
                    delegations++;
                    const equals = s.Condition?.StringEquals ?? {};
                    assert.ok(equals["kms:ViaService"] !== undefined, `${label} ${s.Sid} has no kms:ViaService`);
                    assert.strictEqual(equals["kms:CallerAccount"], ACCOUNT, `${label} ${s.Sid}`);
                    assert.ok(
                        actionsOf(s).every((a) => (KEY_USE_ACTIONS as readonly string[]).includes(a) || a === "kms:CreateGrant"),
                        `${label} ${s.Sid}`,
                    );
                }
            }
            // volumes, secrets and data delegate (use + grant), findings (read), alerts (the responder's
            // topic through SNS, its queue through SQS, its environment through Lambda: use + grant), a
            // workload's key through RDS (use + grant) in each of the two regions.
            assert.strictEqual(delegations, 2 * (3 * 2 + 1 + 4 + 2));
        });

        it("allows CreateGrant only for AWS resources (kms:GrantIsForAWSResource)", () => {
            let grants = 0;
            for (const [label, policy] of ALL_POLICIES) {
                for (const s of policy.Statement.filter((s) => actionsOf(s).includes("kms:CreateGrant"))) {
                    grants++;
                    assert.deepStrictEqual(s.Condition?.Bool, { "kms:GrantIsForAWSResource": "true" }, `${label} ${s.Sid}`);
                }
            }
            // application users (two applications), volumes (account and Auto Scaling), secrets, data, the
            // responder's environment, a workload's database through RDS; in two regions.
            assert.strictEqual(grants, 2 * 8);
        });

        it("refuses to build a policy without administrators", () => {
            assert.throws(() => applicationKeyPolicy({ ...SCOPE, administrators: [] }, [ORDERS]), /at least one of its key administrators/);
            assert.throws(
                () => purposeKeyPolicy({ ...SCOPE, administrators: [] }, "logs", BINDINGS),
                /at least one of its key administrators/,
            );
        });
    });

    describe("application keys", () => {
        const policy = applicationKeyPolicy(SCOPE, [ORDERS, ORDERS_BATCH]);

        it("lets the application's roles use the key for symmetric encryption, and nothing else", () => {
            const use = statement(policy, "KeyUsersUseKey");
            assert.deepStrictEqual(use.Principal, { AWS: [ORDERS, ORDERS_BATCH] });
            assert.deepStrictEqual(actionsOf(use), [
                "kms:Encrypt",
                "kms:Decrypt",
                "kms:ReEncryptFrom",
                "kms:ReEncryptTo",
                "kms:GenerateDataKey",
                "kms:GenerateDataKeyWithoutPlaintext",
                "kms:DescribeKey",
            ]);
        });

        it("lets them grant the key to AWS resources only", () => {
            const grants = statement(policy, "KeyUsersGrantKeyToAwsResourcesOnly");
            assert.deepStrictEqual(grants.Principal, { AWS: [ORDERS, ORDERS_BATCH] });
            assert.deepStrictEqual(actionsOf(grants), [...KEY_GRANT_ACTIONS]);
            assert.deepStrictEqual(grants.Condition, { Bool: { "kms:GrantIsForAWSResource": "true" } });
        });

        it("does not let key users manage the key", () => {
            for (const user of [ORDERS, ORDERS_BATCH]) {
                const allowed = actionsAllowed(policy, user);
                const management = KEY_ADMIN_ACTIONS.filter((a) => !["kms:DescribeKey", "kms:ListGrants", "kms:RevokeGrant"].includes(a));
                assert.deepStrictEqual(
                    allowed.filter((a) => (management as string[]).includes(a)),
                    [],
                    user,
                );
                assert.ok(!allowed.includes("kms:PutKeyPolicy") && !allowed.includes("kms:ScheduleKeyDeletion"));
            }
        });

        it("admits no service principal and no account-wide delegation", () => {
            assert.deepStrictEqual(
                policy.Statement.map((s) => s.Sid),
                [
                    "KeyAdministratorsManageButDoNotUse",
                    "AccountCanRecoverKeyPolicyOnly",
                    "KeyUsersUseKey",
                    "KeyUsersGrantKeyToAwsResourcesOnly",
                ],
            );
            assert.ok(policy.Statement.every((s) => !("Service" in s.Principal)));
        });

        it("refuses an application without key users", () => {
            assert.throws(() => applicationKeyPolicy(SCOPE, []), /at least one of its key users/);
        });

        describe("of a workload (its log group and its database)", () => {
            const LOG_GROUP = "/zero-trust/staging/workloads/orders";
            const workload = applicationKeyPolicy(SCOPE, [ORDERS], { logGroupName: LOG_GROUP, database: true });
            const KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
            const logs = (logGroupArn: string) =>
                authorize(
                    {
                        principal: { service: "logs.eu-west-1.amazonaws.com" },
                        action: "kms:GenerateDataKey",
                        resource: KEY,
                        context: { "kms:EncryptionContext:aws:logs:arn": logGroupArn },
                    },
                    { resourcePolicy: workload, keyPolicy: true },
                ).decision;
            const throughRds = (principal: string, via: string, action = "kms:CreateGrant") =>
                authorize(
                    {
                        principal: { arn: principal },
                        action,
                        resource: KEY,
                        context: { "kms:ViaService": via, "kms:CallerAccount": ACCOUNT, "kms:GrantIsForAWSResource": "true" },
                    },
                    { resourcePolicy: workload, keyPolicy: true, identityPolicies: [ADMINISTRATOR_ACCESS] },
                ).decision;

            it("lets CloudWatch Logs use it for the application's own log group only", () => {
                assert.strictEqual(logs(`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:${LOG_GROUP}`), "Allow");
                assert.strictEqual(
                    logs(`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/zero-trust/staging/workloads/billing`),
                    "ImplicitDeny",
                );
                assert.strictEqual(logs(`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/zero-trust/staging/vpc-flow-logs/x`), "ImplicitDeny");
                assert.strictEqual(logs(`arn:aws:logs:eu-west-1:222222222222:log-group:${LOG_GROUP}`), "ImplicitDeny");
            });

            it("lets the account's principals that IAM allows use and grant it through RDS only (creating the encrypted cluster)", () => {
                assert.strictEqual(throughRds(DEPLOYER, "rds.eu-west-1.amazonaws.com"), "Allow");
                assert.strictEqual(throughRds(DEPLOYER, "rds.eu-west-1.amazonaws.com", "kms:Decrypt"), "Allow");
                assert.strictEqual(throughRds(DEPLOYER, "s3.eu-west-1.amazonaws.com"), "ImplicitDeny");
                assert.strictEqual(throughRds(DEPLOYER, "rds.eu-central-1.amazonaws.com"), "ImplicitDeny");
            });

            it("adds nothing for an application without a log group or a database", () => {
                assert.deepStrictEqual(applicationKeyPolicy(SCOPE, [ORDERS], {}), applicationKeyPolicy(SCOPE, [ORDERS]));
                assert.deepStrictEqual(
                    applicationKeyPolicy(SCOPE, [ORDERS], { logGroupName: LOG_GROUP })
                        .Statement.map((s) => s.Sid)
                        .slice(4),
                    ["CloudWatchLogsUsesKeyForApplicationLogGroup"],
                );
            });
        });
    });

    describe("purpose keys", () => {
        const own = (purpose: KeyPurpose, scope = SCOPE) =>
            purposeKeyPolicy(scope, purpose, BINDINGS).Statement.filter(
                (s) => !["KeyAdministratorsManageButDoNotUse", "AccountCanRecoverKeyPolicyOnly"].includes(s.Sid ?? ""),
            );

        it("logs: CloudWatch Logs of the key's region, for the environment's log groups of this account only", () => {
            const [logs, ...others] = own("logs");
            assert.deepStrictEqual(others, []);
            assert.deepStrictEqual(logs.Principal, { Service: "logs.eu-west-1.amazonaws.com" });
            assert.deepStrictEqual(actionsOf(logs), [...KEY_USE_ACTIONS]);
            assert.deepStrictEqual(logs.Condition, {
                ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:111111111111:log-group:/zero-trust/staging/*" },
            });
        });

        it("logs: the pattern admits the environment's flow log group and nothing outside the environment, account or region", () => {
            const pattern = logGroupArnPattern("eu-west-1", ACCOUNT, PREFIX);
            assert.ok(
                resourceMatches(pattern, "arn:aws:logs:eu-west-1:111111111111:log-group:/zero-trust/staging/vpc-flow-logs/staging-network"),
            );
            for (const other of [
                "arn:aws:logs:eu-west-1:111111111111:log-group:/zero-trust/prod/vpc-flow-logs/prod-network",
                "arn:aws:logs:eu-west-1:111111111111:log-group:/zero-trust/staging-2/x",
                "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/anything",
                "arn:aws:logs:eu-west-1:222222222222:log-group:/zero-trust/staging/vpc-flow-logs/staging-network",
                "arn:aws:logs:us-east-1:111111111111:log-group:/zero-trust/staging/vpc-flow-logs/staging-network",
            ]) {
                assert.ok(!resourceMatches(pattern, other), other);
            }
        });

        it("volumes: the account's principals through EC2 only, and Auto Scaling's service-linked role, also through EC2 only", () => {
            const statements = own("volumes");
            assert.deepStrictEqual(
                statements.map((s) => s.Sid),
                [
                    "AccountPrincipalsUseKeyThroughEc2",
                    "AccountPrincipalsGrantKeyThroughEc2",
                    "AutoScalingUsesKeyThroughEc2",
                    "AutoScalingGrantsKeyToVolumesThroughEc2",
                ],
            );
            for (const s of statements) {
                assert.strictEqual(s.Condition?.StringEquals?.["kms:ViaService"], "ec2.eu-west-1.amazonaws.com", s.Sid);
                assert.strictEqual(s.Condition?.StringEquals?.["kms:CallerAccount"], ACCOUNT, s.Sid);
            }
            assert.deepStrictEqual(principalsOf(statement(purposeKeyPolicy(SCOPE, "volumes", BINDINGS), "AutoScalingUsesKeyThroughEc2")), [
                AUTO_SCALING,
            ]);
            assert.deepStrictEqual(actionsOf(statements[3]), ["kms:CreateGrant"]);
            assert.deepStrictEqual(statements[3].Condition?.Bool, { "kms:GrantIsForAWSResource": "true" });
        });

        it("secrets: the account's principals through Secrets Manager only", () => {
            const statements = own("secrets");
            assert.deepStrictEqual(
                statements.map((s) => s.Sid),
                ["AccountPrincipalsUseKeyThroughSecretsManager", "AccountPrincipalsGrantKeyThroughSecretsManager"],
            );
            for (const s of statements) {
                assert.deepStrictEqual(s.Principal, { AWS: ROOT });
                assert.strictEqual(s.Condition?.StringEquals?.["kms:ViaService"], "secretsmanager.eu-west-1.amazonaws.com");
            }
        });

        it("data: the account's principals through RDS, S3 and DynamoDB only", () => {
            const statements = own("data");
            assert.deepStrictEqual(
                statements.map((s) => s.Sid),
                ["AccountPrincipalsUseKeyThroughDataStores", "AccountPrincipalsGrantKeyThroughDataStores"],
            );
            for (const s of statements) {
                assert.deepStrictEqual(s.Condition?.StringEquals?.["kms:ViaService"], [
                    "rds.eu-west-1.amazonaws.com",
                    "s3.eu-west-1.amazonaws.com",
                    "dynamodb.eu-west-1.amazonaws.com",
                ]);
            }
        });

        it("each purpose admits a different service, so no key serves two purposes", () => {
            const services = KEY_PURPOSES.map((purpose) =>
                JSON.stringify(
                    own(purpose).map((s) =>
                        "Service" in s.Principal ? s.Principal.Service : s.Condition?.StringEquals?.["kms:ViaService"],
                    ),
                ),
            );
            assert.strictEqual(new Set(services).size, KEY_PURPOSES.length, services.join(" | "));
        });

        it("findings: GuardDuty may only generate data keys, for this account's detector in the key's region", () => {
            const [guardDuty, read, ...others] = own("findings");
            assert.deepStrictEqual(others, []);
            assert.deepStrictEqual(guardDuty, {
                Sid: "GuardDutyEncryptsExportedFindings",
                Effect: "Allow",
                Principal: { Service: "guardduty.amazonaws.com" },
                Action: ["kms:GenerateDataKey"],
                Resource: "*",
                Condition: {
                    StringEquals: { "aws:SourceAccount": ACCOUNT },
                    ArnLike: { "aws:SourceArn": "arn:aws:guardduty:eu-west-1:111111111111:detector/*" },
                },
            });
            assert.strictEqual(read.Sid, "AccountPrincipalsReadFindingsThroughS3");
        });

        it("findings: the detector pattern admits this account's detector in this region and no other", () => {
            const pattern = String(own("findings")[0].Condition?.ArnLike?.["aws:SourceArn"]);
            assert.ok(resourceMatches(pattern, "arn:aws:guardduty:eu-west-1:111111111111:detector/12abc34d567e8fa901bc2d34e56789f0"));
            for (const other of [
                "arn:aws:guardduty:eu-west-1:222222222222:detector/12abc34d567e8fa901bc2d34e56789f0",
                "arn:aws:guardduty:us-east-1:111111111111:detector/12abc34d567e8fa901bc2d34e56789f0",
                "arn:aws:guardduty:eu-west-1:111111111111:malware-protection-plan/abc",
            ]) {
                assert.ok(!resourceMatches(pattern, other), other);
            }
        });

        it("findings: the account's principals may only decrypt (and describe), through S3, from this account", () => {
            const read = own("findings")[1];
            assert.deepStrictEqual(read.Principal, { AWS: ROOT });
            assert.deepStrictEqual(actionsOf(read), ["kms:Decrypt", "kms:DescribeKey"]);
            assert.deepStrictEqual(read.Condition, {
                StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com", "kms:CallerAccount": ACCOUNT },
            });
            const policy = purposeKeyPolicy(SCOPE, "findings", BINDINGS);
            for (const encrypting of ["kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptTo", "kms:CreateGrant"]) {
                const who = policy.Statement.filter((s) => actionsOf(s).includes(encrypting)).flatMap(principalsOf);
                assert.deepStrictEqual(who, encrypting === "kms:GenerateDataKey" ? ["guardduty.amazonaws.com"] : [], encrypting);
            }
        });

        it("alerts: EventBridge for the alert rule into the alerts topic and the responder's dead-letter queue; the responder's role and alarms into its outcomes topic and queue, Lambda into its function's environment", () => {
            const [events, eventsDeadLetters, publishOutcomes, deadLetters, environment, environmentGrant, alarms, ...others] =
                own("alerts");
            assert.deepStrictEqual(others, []);
            const ruleArn = "arn:aws:events:eu-west-1:111111111111:rule/staging-guardduty-findings-alert";
            const queueArn = "arn:aws:sqs:eu-west-1:111111111111:staging-guardduty-findings-alert-responder-dlq";
            const use = { Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: "*" };
            assert.deepStrictEqual(events, {
                Sid: "EventBridgePublishesAlertsToEncryptedTopic",
                ...use,
                Principal: { Service: "events.amazonaws.com" },
                Condition: {
                    StringEquals: {
                        "aws:SourceAccount": ACCOUNT,
                        "kms:EncryptionContext:aws:sns:topicArn": "arn:aws:sns:eu-west-1:111111111111:staging-security-alerts",
                    },
                    ArnEquals: { "aws:SourceArn": ruleArn },
                },
            });
            assert.deepStrictEqual(eventsDeadLetters, {
                Sid: "EventBridgeSendsUndeliveredAlertsToDeadLetterQueue",
                ...use,
                Principal: { Service: "events.amazonaws.com" },
                Condition: {
                    StringEquals: { "aws:SourceAccount": ACCOUNT, "kms:EncryptionContext:aws:sqs:arn": queueArn },
                    ArnEquals: { "aws:SourceArn": ruleArn },
                },
            });
            assert.deepStrictEqual(publishOutcomes, {
                Sid: "AccountPrincipalsPublishResponderOutcomesThroughSns",
                ...use,
                Principal: { AWS: ROOT },
                Condition: {
                    StringEquals: {
                        "kms:ViaService": "sns.eu-west-1.amazonaws.com",
                        "kms:CallerAccount": ACCOUNT,
                        "kms:EncryptionContext:aws:sns:topicArn":
                            "arn:aws:sns:eu-west-1:111111111111:staging-guardduty-findings-alert-responder-outcomes",
                    },
                },
            });
            assert.deepStrictEqual(deadLetters, {
                Sid: "AccountPrincipalsUseResponderDeadLetterQueueThroughSqs",
                ...use,
                Principal: { AWS: ROOT },
                Condition: {
                    StringEquals: {
                        "kms:ViaService": "sqs.eu-west-1.amazonaws.com",
                        "kms:CallerAccount": ACCOUNT,
                        "kms:EncryptionContext:aws:sqs:arn": queueArn,
                    },
                },
            });
            const responderEnvironment = {
                "kms:ViaService": "lambda.eu-west-1.amazonaws.com",
                "kms:CallerAccount": ACCOUNT,
                "kms:EncryptionContext:aws:lambda:FunctionArn":
                    "arn:aws:lambda:eu-west-1:111111111111:function:staging-guardduty-findings-alert-responder",
            };
            assert.deepStrictEqual(environment, {
                Sid: "AccountPrincipalsUseResponderEnvironmentThroughLambda",
                Effect: "Allow",
                Principal: { AWS: ROOT },
                Action: ["kms:Encrypt", "kms:Decrypt"],
                Resource: "*",
                Condition: { StringEquals: responderEnvironment },
            });
            assert.deepStrictEqual(environmentGrant, {
                Sid: "AccountPrincipalsGrantResponderEnvironmentThroughLambda",
                Effect: "Allow",
                Principal: { AWS: ROOT },
                Action: ["kms:CreateGrant"],
                Resource: "*",
                Condition: { StringEquals: responderEnvironment, Bool: { "kms:GrantIsForAWSResource": "true" } },
            });
            assert.deepStrictEqual(alarms, {
                Sid: "CloudWatchAlarmsPublishToResponderOutcomes",
                ...use,
                Principal: { Service: "cloudwatch.amazonaws.com" },
                Condition: {
                    StringEquals: { "aws:SourceAccount": ACCOUNT },
                    ArnLike: {
                        "aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:111111111111:alarm:staging-guardduty-findings-alert-responder-*",
                    },
                },
            });
        });

        it("alerts: follows the rule and topic names it is given, and names the responder's resources after the rule", () => {
            const [events, eventsDeadLetters, publishOutcomes] = purposeKeyPolicy(SCOPE, "alerts", {
                ...BINDINGS,
                alertRuleName: "r",
                alertTopicName: "t",
            }).Statement.slice(2);
            assert.deepStrictEqual(
                [
                    events.Condition?.ArnEquals?.["aws:SourceArn"],
                    events.Condition?.StringEquals?.["kms:EncryptionContext:aws:sns:topicArn"],
                ],
                ["arn:aws:events:eu-west-1:111111111111:rule/r", "arn:aws:sns:eu-west-1:111111111111:t"],
            );
            assert.deepStrictEqual(
                [
                    eventsDeadLetters.Condition?.StringEquals?.["kms:EncryptionContext:aws:sqs:arn"],
                    publishOutcomes.Condition?.StringEquals?.["kms:EncryptionContext:aws:sns:topicArn"],
                ],
                ["arn:aws:sqs:eu-west-1:111111111111:r-responder-dlq", "arn:aws:sns:eu-west-1:111111111111:r-responder-outcomes"],
            );
        });

        it("alerts and findings: account principals encrypt only through one service into one named topic or queue, service principals only for the rule, detector or the responder's alarms", () => {
            const encrypting = ["kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptTo"];
            for (const s of own("findings").filter((s) => "AWS" in s.Principal)) {
                assert.ok(!actionsOf(s).some((a) => encrypting.includes(a)), `findings ${s.Sid}`);
            }
            assert.deepStrictEqual(
                own("findings")
                    .filter((s) => "Service" in s.Principal)
                    .map((s) => principalsOf(s)),
                [["guardduty.amazonaws.com"]],
            );
            for (const s of own("alerts").filter((s) => "AWS" in s.Principal)) {
                const context = Object.keys(s.Condition?.StringEquals ?? {}).filter((key) => key.startsWith("kms:EncryptionContext:"));
                assert.strictEqual(context.length, 1, `alerts ${s.Sid} names its topic or queue`);
                assert.strictEqual(s.Condition?.StringEquals?.["kms:CallerAccount"], ACCOUNT, s.Sid);
                assert.ok(typeof s.Condition?.StringEquals?.["kms:ViaService"] === "string", s.Sid);
            }
            for (const s of own("alerts").filter((s) => "Service" in s.Principal)) {
                assert.strictEqual(s.Condition?.StringEquals?.["aws:SourceAccount"], ACCOUNT, s.Sid);
                assert.ok(
                    s.Condition?.ArnEquals?.["aws:SourceArn"] !== undefined || s.Condition?.ArnLike?.["aws:SourceArn"] !== undefined,
                    s.Sid,
                );
            }
            assert.deepStrictEqual(
                [...new Set(own("alerts").flatMap((s) => ("Service" in s.Principal ? [s.Principal.Service] : [])))],
                ["events.amazonaws.com", "cloudwatch.amazonaws.com"],
            );
        });

        it("a replica's policy names its own region's services and log groups", () => {
            assert.deepStrictEqual(own("logs", REPLICA_SCOPE)[0].Principal, { Service: "logs.eu-central-1.amazonaws.com" });
            assert.deepStrictEqual(own("logs", REPLICA_SCOPE)[0].Condition, {
                ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-central-1:111111111111:log-group:/zero-trust/staging/*" },
            });
            assert.strictEqual(
                own("volumes", REPLICA_SCOPE)[0].Condition?.StringEquals?.["kms:ViaService"],
                "ec2.eu-central-1.amazonaws.com",
            );
            assert.strictEqual(
                own("secrets", REPLICA_SCOPE)[0].Condition?.StringEquals?.["kms:ViaService"],
                "secretsmanager.eu-central-1.amazonaws.com",
            );
            const text = JSON.stringify(purposeKeyPolicy(REPLICA_SCOPE, "data", BINDINGS));
            assert.ok(!text.includes("eu-west-1"), text);
            assert.deepStrictEqual(own("findings", REPLICA_SCOPE)[0].Condition?.ArnLike, {
                "aws:SourceArn": "arn:aws:guardduty:eu-central-1:111111111111:detector/*",
            });
            const alerts = JSON.stringify(purposeKeyPolicy(REPLICA_SCOPE, "alerts", BINDINGS));
            assert.ok(alerts.includes("arn:aws:events:eu-central-1:111111111111:rule/") && !alerts.includes("eu-west-1"), alerts);
        });
    });
});
