import * as assert from "assert";
import * as vm from "node:vm";
import * as aws from "@pulumi/aws";
import { AutomatedResponder, type AutomatedResponderArgs } from "../../components/response/automated-responder";
import {
    deadLetterQueuePolicy,
    outcomesTopicPolicy,
    responderRolePolicy,
    responderTrustPolicy,
} from "../../components/response/responder-policies";
import { ec2Arn } from "../../iam/arns";
import { awsResourcesThrough, dependenciesOf, oncePerVariant, only, RecordingMocks, valueOf } from "../network/recording-mocks";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";

const ACCOUNT = "111111111111";
const REGION = "eu-west-1";
const RULE = "staging-guardduty-findings-alert";
const BASE = `${RULE}-responder`;
const LOG_GROUP = `/zero-trust/staging/responder/${BASE}`;

const T = {
    component: "zero-trust:response:AutomatedResponder",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    topic: "aws:sns/topic:Topic",
    topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    queue: "aws:sqs/queue:Queue",
    queuePolicy: "aws:sqs/queuePolicy:QueuePolicy",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    function: "aws:lambda/function:Function",
    invokeConfig: "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
    permission: "aws:lambda/permission:Permission",
    target: "aws:cloudwatch/eventTarget:EventTarget",
    alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
} as const;

/** What the test varies. */
type Variant = Partial<
    Pick<AutomatedResponderArgs, "dryRun" | "reservedConcurrency" | "severityThreshold" | "optOutTagKey" | "logRetentionDays" | "roleName">
> & { twoVpcs?: boolean };

interface Built {
    mocks: RecordingMocks;
    component: AutomatedResponder;
}

/**
 * The responder with an explicit provider under a fresh recording monitor, fed by two keys, a VPC
 * and the alert rule declared here (so links show as dependencies), one build per variant.
 */
const build = oncePerVariant(async (variant: Variant = {}): Promise<Built> => {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("env", { region: REGION, allowedAccountIds: [ACCOUNT] });
    const logsKey = new aws.kms.Key("logs-key", { enableKeyRotation: true, deletionWindowInDays: 30 }, { provider });
    const alertsKey = new aws.kms.Key("alerts-key", { enableKeyRotation: true, deletionWindowInDays: 30 }, { provider });
    const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.20.0.0/16" }, { provider });
    const vpcs = [{ name: "main", vpcId: vpc.id }];
    if (variant.twoVpcs === true) {
        vpcs.push({ name: "shared", vpcId: new aws.ec2.Vpc("shared-vpc", { cidrBlock: "10.30.0.0/16" }, { provider }).id });
    }
    const rule = new aws.cloudwatch.EventRule(
        "alert-rule",
        { name: RULE, eventPattern: JSON.stringify({ source: ["aws.guardduty"] }) },
        { provider },
    );
    const component = new AutomatedResponder(
        "responder",
        {
            environment: "staging",
            region: REGION,
            accountId: ACCOUNT,
            alertRuleName: RULE,
            alertRuleArn: rule.arn,
            alertsKeyArn: alertsKey.arn,
            logsKeyArn: logsKey.arn,
            logGroupNamePrefix: "/zero-trust/staging/",
            logRetentionDays: variant.logRetentionDays ?? 365,
            vpcs,
            severityThreshold: variant.severityThreshold ?? 7,
            optOutTagKey: variant.optOutTagKey ?? "zero-trust:responder",
            dryRun: variant.dryRun ?? false,
            ...(variant.reservedConcurrency === undefined ? {} : { reservedConcurrency: variant.reservedConcurrency }),
            ...(variant.roleName === undefined ? {} : { roleName: variant.roleName }),
        },
        { provider },
    );
    return { mocks: await mocks.settled(), component };
});

const environmentOf = (mocks: RecordingMocks) =>
    (only(mocks, T.function).inputs.environment as { variables: Record<string, string> }).variables;

describe("AutomatedResponder", () => {
    describe("with the defaults (acting, threshold 7, one VPC)", () => {
        let mocks: RecordingMocks;
        let component: AutomatedResponder;
        before(async () => {
            ({ mocks, component } = await build());
        });

        it("declares exactly these resources, each once but the two alarms, parented under the component and named after it", () => {
            const own = mocks.registrations.filter((r) => r.parent === only(mocks, T.component).urn);
            assert.deepStrictEqual(
                own.map((r) => r.type).sort(),
                [
                    T.securityGroup,
                    T.logGroup,
                    T.topic,
                    T.topicPolicy,
                    T.queue,
                    T.queuePolicy,
                    T.role,
                    T.rolePolicy,
                    T.function,
                    T.invokeConfig,
                    T.permission,
                    T.target,
                    T.alarm,
                    T.alarm,
                ].sort(),
            );
            for (const resource of own) {
                assert.match(resource.name, /^responder-/);
            }
        });

        it("gives every AWS resource the explicit provider, never the default one", () => {
            assert.strictEqual(
                awsResourcesThrough(mocks, "env").length,
                4 + 14,
                "two keys, the VPC, the rule and the responder's fourteen",
            );
        });

        it("creates a quarantine security group in the VPC with no ingress and no egress rule (AWS's default egress removed)", () => {
            const group = only(mocks, T.securityGroup);
            const vpc = mocks.named("vpc");
            assert.deepStrictEqual([group.inputs.vpcId, group.inputs.ingress, group.inputs.egress], [vpc.id, [], []]);
            assert.deepStrictEqual(group.propertyDependencies["vpcId"], [vpc.urn]);
            assert.strictEqual(group.tags["Name"], "staging-quarantine-main");
            assert.deepStrictEqual(mocks.ofType("aws:ec2/securityGroupRule:SecurityGroupRule"), []);
        });

        it("logs to its own group under the environment's prefix, encrypted with the logs key, kept for the retention, protected", () => {
            const logs = only(mocks, T.logGroup);
            const key = mocks.named("logs-key");
            assert.deepStrictEqual(
                [logs.inputs.name, logs.inputs.kmsKeyId, logs.inputs.retentionInDays, logs.protect],
                [LOG_GROUP, key.outputs.arn, 365, true],
            );
            assert.deepStrictEqual(logs.propertyDependencies["kmsKeyId"], [key.urn]);
            assert.deepStrictEqual((only(mocks, T.function).inputs.loggingConfig as Record<string, unknown>).logGroup, LOG_GROUP);
        });

        it("protects the log group and nothing else of its own", () => {
            const own = mocks.registrations.filter((r) => r.parent === only(mocks, T.component).urn);
            assert.deepStrictEqual(
                own.filter((r) => r.protect).map((r) => r.type),
                [T.logGroup],
            );
        });

        it("encrypts the outcomes topic and the dead-letter queue with the alerts key; the queue keeps events 14 days", () => {
            const key = mocks.named("alerts-key");
            const [topic, queue] = [only(mocks, T.topic), only(mocks, T.queue)];
            assert.deepStrictEqual([topic.inputs.name, topic.inputs.kmsMasterKeyId], [`${BASE}-outcomes`, key.outputs.arn]);
            assert.deepStrictEqual(
                [queue.inputs.name, queue.inputs.kmsMasterKeyId, queue.inputs.messageRetentionSeconds],
                [`${BASE}-dlq`, key.outputs.arn, 1_209_600],
            );
            assert.deepStrictEqual(
                [topic.propertyDependencies["kmsMasterKeyId"], queue.propertyDependencies["kmsMasterKeyId"]],
                [[key.urn], [key.urn]],
            );
        });

        it("writes the topic and queue policies from responder-policies.ts", () => {
            const [topic, queue] = [only(mocks, T.topic), only(mocks, T.queue)];
            assert.deepStrictEqual(
                JSON.parse(String(only(mocks, T.topicPolicy).inputs.policy)),
                outcomesTopicPolicy({
                    topicArn: String(topic.outputs.arn),
                    accountId: ACCOUNT,
                    region: REGION,
                    roleArn: String(only(mocks, T.role).outputs.arn),
                    alarmNamePrefix: `${BASE}-`,
                }),
            );
            assert.deepStrictEqual(
                JSON.parse(String(only(mocks, T.queuePolicy).inputs.policy)),
                deadLetterQueuePolicy({
                    queueArn: String(queue.outputs.arn),
                    accountId: ACCOUNT,
                    ruleArn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/${RULE}`,
                }),
            );
            assert.strictEqual(only(mocks, T.queuePolicy).inputs.queueUrl, queue.outputs.url);
        });

        it("names the responder's role in the outcomes topic policy by its ARN output, so SNS gets the policy only once the role exists", () => {
            const policy = only(mocks, T.topicPolicy);
            assert.ok(policy.propertyDependencies["policy"].includes(only(mocks, T.role).urn), "the policy depends on the role");
        });

        it("gives the role Lambda's trust and the policy from responder-policies.ts, with the live ids and ARNs", () => {
            const role = only(mocks, T.role);
            assert.deepStrictEqual([role.inputs.name, JSON.parse(String(role.inputs.assumeRolePolicy))], [BASE, responderTrustPolicy()]);
            const policy = only(mocks, T.rolePolicy);
            assert.strictEqual(policy.inputs.role, role.inputs.name);
            assert.deepStrictEqual(
                JSON.parse(String(policy.inputs.policy)),
                responderRolePolicy({
                    accountId: ACCOUNT,
                    region: REGION,
                    roleName: BASE,
                    functionName: BASE,
                    logGroupName: LOG_GROUP,
                    vpcArns: [ec2Arn(REGION, ACCOUNT, "vpc", mocks.named("vpc").id)],
                    quarantineSecurityGroupArns: [ec2Arn(REGION, ACCOUNT, "security-group", only(mocks, T.securityGroup).id)],
                    instanceTagKeys: ["zero-trust:guardduty-finding", "zero-trust:guardduty-finding-type"],
                    optOutTagKey: "zero-trust:responder",
                    topicArn: String(only(mocks, T.topic).outputs.arn),
                    deadLetterQueueArn: String(only(mocks, T.queue).outputs.arn),
                    alertsKeyArn: String(mocks.named("alerts-key").outputs.arn),
                }),
            );
        });

        it("runs the bundled handler on nodejs22.x without reserved concurrency (a new account could not grant it), after its permissions exist", () => {
            const fn = only(mocks, T.function);
            assert.deepStrictEqual(
                [fn.inputs.name, fn.inputs.runtime, fn.inputs.handler, fn.inputs.timeout, fn.inputs.role],
                [BASE, "nodejs22.x", "index.handler", 60, only(mocks, T.role).outputs.arn],
            );
            assert.ok(!("reservedConcurrentExecutions" in fn.inputs), "no reservation declared");
            assert.ok(dependenciesOf(mocks, fn.name).includes(only(mocks, T.rolePolicy).urn));
        });

        it("ships the esbuild bundle of responder/handler.ts, which exports the handler and leaves the AWS SDK to the runtime", () => {
            const code = only(mocks, T.function).inputs.code as { assets: Record<string, { text: string }> };
            assert.deepStrictEqual(Object.keys(code.assets), ["index.js"]);
            const text = code.assets["index.js"].text;
            assert.ok(text.includes('require("@aws-sdk/client-ec2")') && text.length < 1_000_000, `${text.length} characters`);
            const module = { exports: {} as Record<string, unknown> };
            new vm.Script(text).runInNewContext({ module, exports: module.exports, require, process });
            assert.strictEqual(typeof module.exports["handler"], "function");
        });

        it("configures the function through the responder's environment variables", () => {
            const group = only(mocks, T.securityGroup);
            assert.deepStrictEqual(environmentOf(mocks), {
                RESPONDER_TOPIC_ARN: only(mocks, T.topic).outputs.arn,
                RESPONDER_QUARANTINE_GROUPS: JSON.stringify({ [mocks.named("vpc").id]: group.id }),
                RESPONDER_SEVERITY_THRESHOLD: "7",
                RESPONDER_OPT_OUT_TAG_KEY: "zero-trust:responder",
                RESPONDER_EXEMPT_ROLES: JSON.stringify([BASE]),
                RESPONDER_DRY_RUN: "false",
            });
        });

        it("encrypts those environment variables with the alerts key, not Lambda's AWS-managed key", () => {
            assert.strictEqual(only(mocks, T.function).inputs.kmsKeyArn, mocks.named("alerts-key").outputs.arn);
        });

        it("retries a failed invocation twice within an hour, then sends it to the dead-letter queue", () => {
            const config = only(mocks, T.invokeConfig);
            assert.deepStrictEqual(
                [
                    config.inputs.functionName,
                    config.inputs.maximumRetryAttempts,
                    config.inputs.maximumEventAgeInSeconds,
                    config.inputs.destinationConfig,
                ],
                [BASE, 2, 3600, { onFailure: { destination: only(mocks, T.queue).outputs.arn } }],
            );
            assert.ok(dependenciesOf(mocks, config.name).includes(only(mocks, T.rolePolicy).urn));
        });

        it("lets EventBridge invoke the function for the alert rule only", () => {
            const permission = only(mocks, T.permission);
            const rule = mocks.named("alert-rule");
            assert.deepStrictEqual(
                [
                    permission.inputs.function,
                    permission.inputs.action,
                    permission.inputs.principal,
                    permission.inputs.sourceArn,
                    permission.inputs.sourceAccount,
                ],
                [BASE, "lambda:InvokeFunction", "events.amazonaws.com", rule.outputs.arn, ACCOUNT],
            );
            assert.deepStrictEqual(permission.propertyDependencies["sourceArn"], [rule.urn]);
        });

        it("targets the function from the existing alert rule, with a retry policy and the dead-letter queue, after the permission and queue policy", () => {
            const target = only(mocks, T.target);
            const rule = mocks.named("alert-rule");
            assert.deepStrictEqual(
                [target.inputs.rule, target.inputs.targetId, target.inputs.arn, target.inputs.retryPolicy, target.inputs.deadLetterConfig],
                [
                    RULE,
                    "automated-responder",
                    only(mocks, T.function).outputs.arn,
                    { maximumRetryAttempts: 8, maximumEventAgeInSeconds: 3600 },
                    { arn: only(mocks, T.queue).outputs.arn },
                ],
            );
            assert.deepStrictEqual(target.propertyDependencies["rule"], [rule.urn]);
            const after = dependenciesOf(mocks, target.name);
            assert.ok(after.includes(only(mocks, T.permission).urn) && after.includes(only(mocks, T.queuePolicy).urn), after.join(", "));
        });

        it("alarms on the function's errors and on events waiting in the dead-letter queue, to the outcomes topic", () => {
            const topicArn = only(mocks, T.topic).outputs.arn;
            const alarms = Object.fromEntries(mocks.ofType(T.alarm).map((a) => [String(a.inputs.name), a.inputs]));
            assert.deepStrictEqual(Object.keys(alarms).sort(), [`${BASE}-dead-letters`, `${BASE}-errors`]);
            const common = {
                period: 300,
                evaluationPeriods: 1,
                threshold: 1,
                comparisonOperator: "GreaterThanOrEqualToThreshold",
                treatMissingData: "notBreaching",
                alarmActions: [topicArn],
                okActions: [topicArn],
            };
            const pick = (inputs: Record<string, unknown>) =>
                Object.fromEntries(
                    Object.keys({ ...common, namespace: 0, metricName: 0, statistic: 0, dimensions: 0 }).map((k) => [k, inputs[k]]),
                );
            assert.deepStrictEqual(pick(alarms[`${BASE}-errors`]), {
                ...common,
                namespace: "AWS/Lambda",
                metricName: "Errors",
                statistic: "Sum",
                dimensions: { FunctionName: BASE },
            });
            assert.deepStrictEqual(pick(alarms[`${BASE}-dead-letters`]), {
                ...common,
                namespace: "AWS/SQS",
                metricName: "ApproximateNumberOfMessagesVisible",
                statistic: "Maximum",
                dimensions: { QueueName: `${BASE}-dlq` },
            });
        });

        it("exposes and registers the function, role, topic, queue, log group and quarantine groups", async () => {
            const expected = {
                functionName: BASE,
                functionArn: only(mocks, T.function).outputs.arn,
                roleArn: only(mocks, T.role).outputs.arn,
                outcomesTopicArn: only(mocks, T.topic).outputs.arn,
                deadLetterQueueArn: only(mocks, T.queue).outputs.arn,
                logGroupName: LOG_GROUP,
                quarantineSecurityGroupIds: { main: only(mocks, T.securityGroup).id },
            };
            assert.deepStrictEqual(
                {
                    functionName: await valueOf(component.functionName),
                    functionArn: await valueOf(component.functionArn),
                    roleArn: await valueOf(component.roleArn),
                    outcomesTopicArn: await valueOf(component.outcomesTopicArn),
                    deadLetterQueueArn: await valueOf(component.deadLetterQueueArn),
                    logGroupName: await valueOf(component.logGroupName),
                    quarantineSecurityGroupIds: { main: await valueOf(component.quarantineSecurityGroupIds["main"]) },
                },
                expected,
            );
            assert.deepStrictEqual(only(mocks, T.component).outputs, expected);
        });
    });

    describe("configured: dry run, threshold 8, another tag key, 2 reserved executions, two VPCs", () => {
        let mocks: RecordingMocks;
        before(async () => {
            ({ mocks } = await build({
                dryRun: true,
                severityThreshold: 8,
                optOutTagKey: "security:auto-response",
                reservedConcurrency: 2,
                twoVpcs: true,
                logRetentionDays: 731,
            }));
        });

        it("passes dry run, threshold and tag key to the function, and says dry run in its description", () => {
            const env = environmentOf(mocks);
            assert.deepStrictEqual(
                [env.RESPONDER_DRY_RUN, env.RESPONDER_SEVERITY_THRESHOLD, env.RESPONDER_OPT_OUT_TAG_KEY],
                ["true", "8", "security:auto-response"],
            );
            assert.match(String(only(mocks, T.function).inputs.description), /severity 8 or more \(dry run\)$/);
        });

        it("reserves the configured concurrency and keeps logs for the configured retention", () => {
            assert.strictEqual(only(mocks, T.function).inputs.reservedConcurrentExecutions, 2);
            assert.strictEqual(only(mocks, T.logGroup).inputs.retentionInDays, 731);
        });

        it("creates one rule-less quarantine group per VPC and maps each VPC to its group", () => {
            const groups = mocks.ofType(T.securityGroup);
            assert.deepStrictEqual(
                groups.map((g) => [g.name, g.inputs.vpcId, g.inputs.ingress, g.inputs.egress]),
                [
                    ["responder-quarantine-main", mocks.named("vpc").id, [], []],
                    ["responder-quarantine-shared", mocks.named("shared-vpc").id, [], []],
                ],
            );
            assert.deepStrictEqual(JSON.parse(environmentOf(mocks).RESPONDER_QUARANTINE_GROUPS), {
                [mocks.named("vpc").id]: groups[0].id,
                [mocks.named("shared-vpc").id]: groups[1].id,
            });
        });

        it("scopes the role's tag condition to the configured key", () => {
            const policy = JSON.parse(String(only(mocks, T.rolePolicy).inputs.policy)) as {
                Statement: { Sid: string; Condition?: unknown }[];
            };
            const revoke = policy.Statement.find((s) => s.Sid === "RevokeSessionsOfRolesNotOptedOut");
            assert.deepStrictEqual(revoke?.Condition, { StringNotEqualsIgnoreCase: { "aws:ResourceTag/security:auto-response": "off" } });
        });
    });

    describe("with a role name of its own (a second region of the same account: IAM names are global)", () => {
        const ROLE = "staging-guardduty-responder-eu-central-1";
        let mocks: RecordingMocks;
        before(async () => {
            ({ mocks } = await build({ roleName: ROLE }));
        });

        it("names the role so, and the topic policy, the role's own policy and the exempt roles follow it", () => {
            assert.strictEqual(only(mocks, T.role).inputs.name, ROLE);
            const roleArn = `arn:aws:iam::${ACCOUNT}:role/${ROLE}`;
            assert.ok(String(only(mocks, T.topicPolicy).inputs.policy).includes(roleArn), "the topic admits the renamed role");
            assert.ok(String(only(mocks, T.rolePolicy).inputs.policy).includes(roleArn), "the role's policy names itself");
            assert.ok(!String(only(mocks, T.rolePolicy).inputs.policy).includes(`role/${BASE}"`), "and not the default name");
            assert.deepStrictEqual(JSON.parse(environmentOf(mocks).RESPONDER_EXEMPT_ROLES), [ROLE]);
            assert.strictEqual(only(mocks, T.function).inputs.name, BASE, "the function keeps its (regional) name");
        });
    });

    describe("refuses arguments that config validation should have caught", () => {
        const args = (overrides: Partial<AutomatedResponderArgs>): AutomatedResponderArgs => ({
            environment: "staging",
            region: REGION,
            accountId: ACCOUNT,
            alertRuleName: RULE,
            alertRuleArn: "arn",
            alertsKeyArn: "k1",
            logsKeyArn: "k2",
            logGroupNamePrefix: "/zero-trust/staging/",
            logRetentionDays: 365,
            vpcs: [{ name: "main", vpcId: "vpc-0a1b2c3d4e5f60718" }],
            severityThreshold: 7,
            optOutTagKey: "zero-trust:responder",
            dryRun: false,
            reservedConcurrency: 5,
            ...overrides,
        });
        const cases: [string, Partial<AutomatedResponderArgs>, RegExp][] = [
            [
                "a severity outside 1–10",
                { severityThreshold: 0 },
                /^AutomatedResponder: severityThreshold: 0 is not a GuardDuty severity from 1 to 10$/,
            ],
            [
                "a reserved concurrency below 1",
                { reservedConcurrency: 0 },
                /^AutomatedResponder: reservedConcurrency: 0 is not a positive whole number of concurrent executions$/,
            ],
            [
                "a log prefix without slashes",
                { logGroupNamePrefix: "zero-trust" },
                /^AutomatedResponder: logGroupNamePrefix: "zero-trust" is not a log group name prefix that starts and ends with \//,
            ],
            [
                "a retention CloudWatch Logs refuses",
                { logRetentionDays: 366 },
                /^AutomatedResponder: logRetentionDays: 366 is not a CloudWatch Logs retention \(1, 3, 5, .*, 3653 days\)$/,
            ],
            ["no VPC", { vpcs: [] }, /^AutomatedResponder: vpcs: \[\] is not a non-empty list of VPCs/],
            [
                "two VPCs of one name",
                {
                    vpcs: [
                        { name: "a", vpcId: "v1" },
                        { name: "a", vpcId: "v2" },
                    ],
                },
                /^AutomatedResponder: vpcs: "a" is listed twice$/,
            ],
            [
                "a VPC name that is no lowercase key",
                { vpcs: [{ name: "Main", vpcId: "v1" }] },
                /^AutomatedResponder: vpcs\[0\]\.name: key "Main" is not a lowercase name/,
            ],
            [
                "an AWS tag key",
                { optOutTagKey: "aws:responder" },
                /^AutomatedResponder: optOutTagKey: "aws:responder" is not a tag key of 1 to 128 .* that does not start with aws:$/,
            ],
            [
                "a role name IAM refuses",
                { roleName: "responder/eu-central-1" },
                /^roleName: "responder\/eu-central-1" is not an IAM role name/,
            ],
        ];
        for (const [label, overrides, message] of cases) {
            it(`${label}, declaring nothing`, () =>
                assertRefusedBeforeDeclaring(() => new AutomatedResponder(`bad-${label.replace(/\W+/g, "-")}`, args(overrides)), message));
        }
    });
});
