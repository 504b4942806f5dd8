import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { accountRoot } from "../../iam/arns";
import { validPositiveWholeNumber } from "../../validation/argument-error";
import { validGuardDutySeverity } from "../../validation/guardduty-severity";
import { alertRuleName, alertTopicName, findingsBucketName } from "./detection-names";
import { alertTopicPolicy, findingsAlertPattern, findingsBucketPolicy } from "./findings-policies";

/** How long a replaced or deleted finding object stays recoverable (noncurrent version) before it expires. */
export const NONCURRENT_FINDINGS_DAYS = 90;

/** After how many days S3 removes the parts of an upload that never completed. */
export const INCOMPLETE_UPLOAD_DAYS = 7;

export interface FindingsPipelineArgs {
    /** Environment name (lowercase): the first segment of the bucket, rule and topic names and of `Name` tags. */
    environment: string;
    /** Region of the provider the component is given: where the detector, bucket, rule and topic live. */
    region: string;
    /** Account of the provider the component is given. */
    accountId: string;
    /** Id of the environment's GuardDuty detector in `region`, which exports into the bucket. */
    detectorId: pulumi.Input<string>;
    /**
     * ARN of the key ring's `findings` key: the bucket's default encryption, the key GuardDuty
     * encrypts exports with, and the only key uploads may name. Its policy must admit GuardDuty.
     */
    findingsKeyArn: pulumi.Input<string>;
    /**
     * ARN of the key ring's `alerts` key, which encrypts the topic. Its policy must admit EventBridge
     * for the rule and topic named by `alertRuleName`/`alertTopicName` (detection-names.ts).
     */
    alertsKeyArn: pulumi.Input<string>;
    /** Findings at or above this GuardDuty severity (1.0–10.0) are sent to the alerts topic. */
    alertSeverityThreshold: number;
    /** The organisation's security account, whose tooling may subscribe to the alerts topic; absent: none. */
    securityAccountId?: pulumi.Input<string>;
    /** Days an exported finding is kept in the bucket (then it expires, and its noncurrent version after `NONCURRENT_FINDINGS_DAYS`). */
    findingsRetentionDays: number;
}

/**
 * What GuardDuty finds, kept and raised: the detector exports every finding to an encrypted,
 * versioned, private, TLS-only bucket (protected: findings are evidence), and an EventBridge rule
 * sends findings at or above a severity to an encrypted SNS topic that only that rule may publish
 * to, for people and the automated responder to subscribe to.
 */
export class FindingsPipeline extends pulumi.ComponentResource {
    /** Name of the findings bucket. */
    public readonly bucketName: pulumi.Output<string>;
    /** ARN of the findings bucket. */
    public readonly bucketArn: pulumi.Output<string>;
    /** ARN of the alerts topic. */
    public readonly alertTopicArn: pulumi.Output<string>;
    /** ARN of the EventBridge rule that publishes findings to the topic. */
    public readonly alertRuleArn: pulumi.Output<string>;

    constructor(name: string, args: FindingsPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs(args);
        super("zero-trust:detection:FindingsPipeline", name, {}, opts);
        const env = args.environment;
        const bucketName = findingsBucketName(env, args.accountId, args.region);

        // Findings are evidence: a rename, refactor or `pulumi destroy` must not delete them.
        const bucket = new aws.s3.Bucket(
            `${name}-bucket`,
            { bucket: bucketName, forceDestroy: false, tags: { Name: bucketName } },
            { parent: this, protect: true },
        );
        const inBucket = { parent: this };
        new aws.s3.BucketOwnershipControls(
            `${name}-ownership`,
            { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
            inBucket,
        );
        const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
            `${name}-public-access-block`,
            { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            inBucket,
        );
        new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, inBucket);
        const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-encryption`,
            {
                bucket: bucket.id,
                rules: [
                    {
                        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.findingsKeyArn },
                        bucketKeyEnabled: true,
                    },
                ],
            },
            inBucket,
        );
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            {
                bucket: bucket.id,
                rules: [
                    {
                        id: "expire-findings",
                        status: "Enabled",
                        filter: {},
                        expiration: { days: args.findingsRetentionDays },
                        noncurrentVersionExpiration: { noncurrentDays: NONCURRENT_FINDINGS_DAYS },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: INCOMPLETE_UPLOAD_DAYS },
                    },
                    // Expiration cannot name days and delete markers in one rule.
                    { id: "remove-expired-delete-markers", status: "Enabled", filter: {}, expiration: { expiredObjectDeleteMarker: true } },
                ],
            },
            inBucket,
        );
        // The bucket's ARN is known from its name; depending on `bucket.id` orders the policy after the bucket.
        const bucketPolicy = new aws.s3.BucketPolicy(
            `${name}-policy`,
            {
                bucket: bucket.id,
                policy: findingsBucketPolicy({
                    bucketName,
                    accountId: args.accountId,
                    region: args.region,
                    findingsKeyArn: args.findingsKeyArn,
                }),
            },
            // A policy put before the public access block exists could be judged public in between.
            { parent: this, dependsOn: [publicAccessBlock] },
        );

        // GuardDuty checks that it can write and encrypt when the destination is created.
        new aws.guardduty.PublishingDestination(
            `${name}-export`,
            { detectorId: args.detectorId, destinationType: "S3", destinationArn: bucket.arn, kmsKeyArn: args.findingsKeyArn },
            { parent: this, dependsOn: [bucketPolicy, encryption] },
        );

        const topic = new aws.sns.Topic(
            `${name}-alerts-topic`,
            { name: alertTopicName(env), kmsMasterKeyId: args.alertsKeyArn, tags: { Name: alertTopicName(env) } },
            { parent: this },
        );
        const rule = new aws.cloudwatch.EventRule(
            `${name}-alert-rule`,
            {
                name: alertRuleName(env),
                description: `${env}: GuardDuty findings of severity ${args.alertSeverityThreshold} or more to the security alerts topic`,
                eventPattern: JSON.stringify(findingsAlertPattern(args.alertSeverityThreshold)),
                state: "ENABLED",
                tags: { Name: alertRuleName(env) },
            },
            { parent: this },
        );
        const topicPolicy = new aws.sns.TopicPolicy(
            `${name}-alerts-topic-policy`,
            {
                arn: topic.arn,
                policy: alertTopicPolicy({
                    topicArn: topic.arn,
                    ruleArn: rule.arn,
                    accountId: args.accountId,
                    ...(args.securityAccountId === undefined
                        ? {}
                        : { subscriberAccountRoot: pulumi.output(args.securityAccountId).apply(accountRoot) }),
                }),
            },
            { parent: this },
        );
        new aws.cloudwatch.EventTarget(
            `${name}-alert-target`,
            { rule: rule.name, targetId: "security-alerts-topic", arn: topic.arn },
            { parent: this, dependsOn: [topicPolicy] },
        );

        this.bucketName = bucket.bucket;
        this.bucketArn = bucket.arn;
        this.alertTopicArn = topic.arn;
        this.alertRuleArn = rule.arn;
        this.registerOutputs({
            bucketName: this.bucketName,
            bucketArn: this.bucketArn,
            alertTopicArn: this.alertTopicArn,
            alertRuleArn: this.alertRuleArn,
        });
    }
}

/** The pipeline's own invariants, checked before anything is declared (stack config is validated before this, by stacks/config). */
function checkArgs(args: FindingsPipelineArgs): void {
    validGuardDutySeverity("FindingsPipeline: alertSeverityThreshold", args.alertSeverityThreshold);
    validPositiveWholeNumber("FindingsPipeline: findingsRetentionDays", args.findingsRetentionDays, "days");
}
