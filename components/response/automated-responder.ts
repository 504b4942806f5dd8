import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { FINDING_ID_TAG, FINDING_TYPE_TAG } from "../../responder/actions";
import { ec2Arn, eventRuleArn } from "../../iam/arns";
import { SETTINGS_ENV } from "../../responder/settings";
import { refuseRepeats, validNonEmptyList, validPositiveWholeNumber } from "../../validation/argument-error";
import { validOptionalRoleName } from "../../validation/aws-identifiers";
import { validGuardDutySeverity } from "../../validation/guardduty-severity";
import { validLogGroupNamePrefix } from "../../validation/log-groups";
import { validLogRetentionDays } from "../../validation/log-retention";
import { validNameKey } from "../../validation/name-keys";
import { validTagKey } from "../../validation/tag-keys";
import { responderCode, RESPONDER_HANDLER, RESPONDER_RUNTIME } from "./responder-bundle";
import { responderAlarmNamePrefix, responderNames } from "./responder-names";
import { deadLetterQueuePolicy, outcomesTopicPolicy, responderRolePolicy, responderTrustPolicy } from "./responder-policies";

/** How EventBridge retries delivering a finding to the function before it goes to the dead-letter queue. */
export const DELIVERY_RETRY_POLICY = { maximumRetryAttempts: 8, maximumEventAgeInSeconds: 3600 } as const;

/** How Lambda retries a failed invocation (the handler throws when any action failed) before the dead-letter queue. */
export const INVOCATION_RETRY_POLICY = { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 } as const;

/** How long the dead-letter queue keeps an event: SQS's maximum, 14 days. */
export const DEAD_LETTER_RETENTION_SECONDS = 1_209_600;

/** The function's timeout: every action reads before it writes, a few seconds each at most. */
export const FUNCTION_TIMEOUT_SECONDS = 60;

/** A VPC whose instances the responder may isolate. */
export interface ResponderVpc {
    /** Short name (lowercase letters, digits, hyphens): part of the quarantine group's logical and `Name`. */
    readonly name: string;
    /** The VPC's id. */
    readonly vpcId: pulumi.Input<string>;
}

export interface AutomatedResponderArgs {
    /** Environment name (lowercase): the first segment of `Name` tags. */
    environment: string;
    /** Region of the provider the component is given, and of the alert rule. */
    region: string;
    /** Account of the provider the component is given. */
    accountId: string;
    /**
     * Name of the EventBridge rule whose findings the responder answers (detection-names.ts
     * `alertRuleName`, created by FindingsPipeline). Every responder resource is named after it,
     * which is how the key ring's alerts key admits the responder's topic, queue, alarms and function.
     */
    alertRuleName: string;
    /** ARN of that rule (FindingsPipeline `alertRuleArn`): the target is declared after the rule exists. */
    alertRuleArn: pulumi.Input<string>;
    /** ARN of the key ring's `alerts` key: encrypts the outcomes topic, the dead-letter queue and the function's environment variables. */
    alertsKeyArn: pulumi.Input<string>;
    /** ARN of the key ring's `logs` key, which serves log groups under `logGroupNamePrefix` only. */
    logsKeyArn: pulumi.Input<string>;
    /** Name prefix of the environment's log groups, starting and ending with `/` (e.g. `/zero-trust/prod/`). */
    logGroupNamePrefix: string;
    /** Days the function's logs are kept (a value CloudWatch Logs accepts). */
    logRetentionDays: number;
    /** VPCs whose instances may be isolated; each gets a quarantine security group without rules. */
    vpcs: readonly ResponderVpc[];
    /** GuardDuty severity (1–10) from which the responder acts; below it, it only notifies. */
    severityThreshold: number;
    /** Tag key that opts a resource out of automated response when its value is `off`. */
    optOutTagKey: string;
    /** Plan and log only, act on nothing (for a first deployment, or an investigation). */
    dryRun: boolean;
    /**
     * Concurrent executions reserved for (and capping) the function; none by default. Lambda refuses
     * a reservation that leaves the account fewer than 100 unreserved executions, and new accounts
     * often have a quota of 10: raise the account's Lambda concurrency quota before setting it.
     */
    reservedConcurrency?: number;
    /**
     * Name of the function's role; default the name derived from `alertRuleName`. IAM names are
     * global to the account: a responder in a second region of the same account needs another.
     */
    roleName?: string;
}

/**
 * Automated response to GuardDuty findings: a Lambda function (responder/handler.ts, bundled by
 * esbuild) targeted by the alert rule plans the actions for each finding (isolate an instance into
 * its VPC's quarantine group, snapshot and tag it; deactivate an IAM user's access key; revoke an
 * assumed role's sessions; block a bucket's public access; or only notify), carries them out with a
 * role that allows exactly those calls, and publishes every outcome to an encrypted topic. Failed
 * deliveries and invocations end in an encrypted dead-letter queue; alarms on errors and on that
 * queue notify through the topic. The log group is protected.
 */
export class AutomatedResponder extends pulumi.ComponentResource {
    /** Name of the Lambda function. */
    public readonly functionName: pulumi.Output<string>;
    /** ARN of the Lambda function. */
    public readonly functionArn: pulumi.Output<string>;
    /** ARN of the function's role. */
    public readonly roleArn: pulumi.Output<string>;
    /** ARN of the topic every outcome (and alarm) is published to; people subscribe here. */
    public readonly outcomesTopicArn: pulumi.Output<string>;
    /** ARN of the dead-letter queue of events never handled. */
    public readonly deadLetterQueueArn: pulumi.Output<string>;
    /** Name of the function's log group. */
    public readonly logGroupName: pulumi.Output<string>;
    /** Quarantine security group ids, by VPC name. */
    public readonly quarantineSecurityGroupIds: Readonly<Record<string, pulumi.Output<string>>>;

    constructor(name: string, args: AutomatedResponderArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs(args);
        super("zero-trust:response:AutomatedResponder", name, {}, opts);
        const { accountId, region, environment: env } = args;
        const names = responderNames(args.alertRuleName);
        const roleName = args.roleName ?? names.role;
        const ruleArn = eventRuleArn(region, accountId, args.alertRuleName);
        const logGroupName = `${args.logGroupNamePrefix}${names.logGroupSuffix}`;
        const inComponent = { parent: this };

        // AWS gives a new group an allow-all egress rule; `egress: []` removes it, so nothing leaves either.
        const quarantine = args.vpcs.map(
            (vpc) =>
                new aws.ec2.SecurityGroup(
                    `${name}-quarantine-${vpc.name}`,
                    {
                        vpcId: vpc.vpcId,
                        description: "Quarantine for compromised instances (automated responder): no ingress, no egress",
                        ingress: [],
                        egress: [],
                        tags: { Name: `${env}-quarantine-${vpc.name}` },
                    },
                    inComponent,
                ),
        );

        // Protected: the log is the record of what the responder did to the estate.
        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            { name: logGroupName, kmsKeyId: args.logsKeyArn, retentionInDays: args.logRetentionDays },
            { parent: this, protect: true },
        );

        const role = new aws.iam.Role(
            `${name}-role`,
            {
                name: roleName,
                description: `${env}: automated response to GuardDuty findings`,
                assumeRolePolicy: JSON.stringify(responderTrustPolicy()),
                tags: { Name: roleName },
            },
            inComponent,
        );
        const topic = new aws.sns.Topic(
            `${name}-outcomes`,
            { name: names.topic, kmsMasterKeyId: args.alertsKeyArn, tags: { Name: names.topic } },
            inComponent,
        );
        new aws.sns.TopicPolicy(
            `${name}-outcomes-policy`,
            {
                arn: topic.arn,
                policy: pulumi.jsonStringify(
                    outcomesTopicPolicy({
                        topicArn: topic.arn,
                        accountId,
                        region,
                        // The role's output, not its name: SNS refuses a policy naming a principal that does not exist yet.
                        roleArn: role.arn,
                        alarmNamePrefix: responderAlarmNamePrefix(args.alertRuleName),
                    }),
                ),
            },
            inComponent,
        );

        const deadLetters = new aws.sqs.Queue(
            `${name}-dlq`,
            {
                name: names.deadLetterQueue,
                kmsMasterKeyId: args.alertsKeyArn,
                messageRetentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
                tags: { Name: names.deadLetterQueue },
            },
            inComponent,
        );
        const queuePolicy = new aws.sqs.QueuePolicy(
            `${name}-dlq-policy`,
            {
                queueUrl: deadLetters.url,
                policy: pulumi.jsonStringify(deadLetterQueuePolicy({ queueArn: deadLetters.arn, accountId, ruleArn })),
            },
            inComponent,
        );

        const arnOf = (type: string) => (id: pulumi.Input<string>) =>
            pulumi.output(id).apply((value) => ec2Arn(region, accountId, type, value));
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-permissions`,
            {
                role: role.name,
                policy: pulumi.jsonStringify(
                    responderRolePolicy({
                        accountId,
                        region,
                        roleName,
                        functionName: names.function,
                        logGroupName,
                        vpcArns: args.vpcs.map((vpc) => arnOf("vpc")(vpc.vpcId)),
                        quarantineSecurityGroupArns: quarantine.map((group) => arnOf("security-group")(group.id)),
                        instanceTagKeys: [FINDING_ID_TAG, FINDING_TYPE_TAG],
                        optOutTagKey: args.optOutTagKey,
                        topicArn: topic.arn,
                        deadLetterQueueArn: deadLetters.arn,
                        alertsKeyArn: pulumi.output(args.alertsKeyArn),
                    }),
                ),
            },
            inComponent,
        );

        const quarantineGroups = pulumi
            .all(args.vpcs.map((vpc, index) => pulumi.all([vpc.vpcId, quarantine[index].id])))
            .apply((pairs) => JSON.stringify(Object.fromEntries(pairs)));
        const fn = new aws.lambda.Function(
            `${name}-function`,
            {
                name: names.function,
                description: `${env}: automated response to GuardDuty findings of severity ${args.severityThreshold} or more${args.dryRun ? " (dry run)" : ""}`,
                role: role.arn,
                runtime: RESPONDER_RUNTIME,
                handler: RESPONDER_HANDLER,
                code: responderCode(),
                architectures: ["arm64"],
                memorySize: 256,
                timeout: FUNCTION_TIMEOUT_SECONDS,
                ...(args.reservedConcurrency === undefined ? {} : { reservedConcurrentExecutions: args.reservedConcurrency }),
                loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
                kmsKeyArn: args.alertsKeyArn,
                environment: {
                    variables: {
                        [SETTINGS_ENV.topicArn]: topic.arn,
                        [SETTINGS_ENV.quarantineGroups]: quarantineGroups,
                        [SETTINGS_ENV.severityThreshold]: String(args.severityThreshold),
                        [SETTINGS_ENV.optOutTagKey]: args.optOutTagKey,
                        // Revoking its own sessions would stop the responder mid-response; its policy denies it too.
                        [SETTINGS_ENV.exemptRoles]: JSON.stringify([roleName]),
                        [SETTINGS_ENV.dryRun]: String(args.dryRun),
                    },
                },
                tags: { Name: names.function },
            },
            // The first invocation must find its permissions in place.
            { parent: this, dependsOn: [rolePolicy] },
        );

        // Lambda checks that the role may send to the destination when this is set.
        new aws.lambda.FunctionEventInvokeConfig(
            `${name}-invoke-config`,
            { functionName: fn.name, ...INVOCATION_RETRY_POLICY, destinationConfig: { onFailure: { destination: deadLetters.arn } } },
            { parent: this, dependsOn: [rolePolicy] },
        );
        const permission = new aws.lambda.Permission(
            `${name}-invoke-permission`,
            {
                function: fn.name,
                action: "lambda:InvokeFunction",
                principal: "events.amazonaws.com",
                sourceArn: args.alertRuleArn,
                sourceAccount: accountId,
            },
            inComponent,
        );
        new aws.cloudwatch.EventTarget(
            `${name}-target`,
            {
                // The name is fixed; deriving it from the rule's ARN orders the target after the rule.
                rule: pulumi.output(args.alertRuleArn).apply(() => args.alertRuleName),
                targetId: "automated-responder",
                arn: fn.arn,
                retryPolicy: { ...DELIVERY_RETRY_POLICY },
                deadLetterConfig: { arn: deadLetters.arn },
            },
            { parent: this, dependsOn: [permission, queuePolicy] },
        );

        const alarm = (
            suffix: string,
            alarmName: string,
            description: string,
            metric: Pick<aws.cloudwatch.MetricAlarmArgs, "namespace" | "metricName" | "dimensions" | "statistic">,
        ) =>
            new aws.cloudwatch.MetricAlarm(
                `${name}-${suffix}-alarm`,
                {
                    name: alarmName,
                    alarmDescription: description,
                    ...metric,
                    period: 300,
                    evaluationPeriods: 1,
                    threshold: 1,
                    comparisonOperator: "GreaterThanOrEqualToThreshold",
                    treatMissingData: "notBreaching",
                    alarmActions: [topic.arn],
                    okActions: [topic.arn],
                    tags: { Name: alarmName },
                },
                inComponent,
            );
        alarm("errors", names.errorsAlarm, `${env}: the automated responder failed (an action failed, or an event could not be read)`, {
            namespace: "AWS/Lambda",
            metricName: "Errors",
            dimensions: { FunctionName: fn.name },
            statistic: "Sum",
        });
        alarm(
            "dead-letters",
            names.deadLettersAlarm,
            `${env}: GuardDuty findings the automated responder never handled wait in ${names.deadLetterQueue}`,
            {
                namespace: "AWS/SQS",
                metricName: "ApproximateNumberOfMessagesVisible",
                dimensions: { QueueName: deadLetters.name },
                statistic: "Maximum",
            },
        );

        this.functionName = fn.name;
        this.functionArn = fn.arn;
        this.roleArn = role.arn;
        this.outcomesTopicArn = topic.arn;
        this.deadLetterQueueArn = deadLetters.arn;
        this.logGroupName = logGroup.name;
        this.quarantineSecurityGroupIds = Object.fromEntries(args.vpcs.map((vpc, index) => [vpc.name, quarantine[index].id]));
        this.registerOutputs({
            functionName: this.functionName,
            functionArn: this.functionArn,
            roleArn: this.roleArn,
            outcomesTopicArn: this.outcomesTopicArn,
            deadLetterQueueArn: this.deadLetterQueueArn,
            logGroupName: this.logGroupName,
            quarantineSecurityGroupIds: this.quarantineSecurityGroupIds,
        });
    }
}

/**
 * The responder's own invariants, checked before anything is declared (stack config is validated
 * before this, by stacks/config, with the same shared rules).
 */
function checkArgs(args: AutomatedResponderArgs): void {
    const parameter = (name: string): string => `AutomatedResponder: ${name}`;
    validGuardDutySeverity(parameter("severityThreshold"), args.severityThreshold);
    if (args.reservedConcurrency !== undefined) {
        validPositiveWholeNumber(parameter("reservedConcurrency"), args.reservedConcurrency, "concurrent executions");
    }
    validLogGroupNamePrefix(parameter("logGroupNamePrefix"), args.logGroupNamePrefix);
    validLogRetentionDays(parameter("logRetentionDays"), args.logRetentionDays);
    validNonEmptyList(parameter("vpcs"), args.vpcs, "a non-empty list of VPCs whose instances may be isolated");
    refuseRepeats(
        parameter("vpcs"),
        args.vpcs.map((vpc, index) => validNameKey(parameter(`vpcs[${index}].name`), vpc.name)),
    );
    validTagKey(parameter("optOutTagKey"), args.optOutTagKey);
    validOptionalRoleName("roleName", args.roleName);
}
