import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { FindingsPipeline, type FindingsPipelineArgs } from "../../components/detection/findings-pipeline";
import { alertTopicPolicy, findingsBucketPolicy } from "../../components/detection/findings-policies";
import { awsResourcesThrough, dependenciesOf, oncePerVariant, only, RecordingMocks, valueOf } from "../network/recording-mocks";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";

const ACCOUNT = "111111111111";
const BUCKET = "staging-guardduty-111111111111-eu-west-1";

const T = {
    component: "zero-trust:detection:FindingsPipeline",
    bucket: "aws:s3/bucket:Bucket",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    publicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    destination: "aws:guardduty/publishingDestination:PublishingDestination",
    topic: "aws:sns/topic:Topic",
    topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    rule: "aws:cloudwatch/eventRule:EventRule",
    target: "aws:cloudwatch/eventTarget:EventTarget",
} as const;

/** What the test varies. */
type Variant = Partial<Pick<FindingsPipelineArgs, "alertSeverityThreshold" | "findingsRetentionDays" | "environment">>;

interface Built {
    mocks: RecordingMocks;
    component: FindingsPipeline;
}

/**
 * Builds the pipeline with an explicit provider under a fresh recording monitor, fed by a detector
 * and two keys declared here (so links show as dependencies), one build per variant.
 */
const build = oncePerVariant(async (variant: Variant = {}): Promise<Built> => {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("env", { region: "eu-west-1", allowedAccountIds: [ACCOUNT] });
    const detector = new aws.guardduty.Detector("detector", { enable: true }, { provider });
    const findingsKey = new aws.kms.Key("findings-key", { enableKeyRotation: true, deletionWindowInDays: 30 }, { provider });
    const alertsKey = new aws.kms.Key("alerts-key", { enableKeyRotation: true, deletionWindowInDays: 30 }, { provider });
    const component = new FindingsPipeline(
        "fp",
        {
            environment: variant.environment ?? "staging",
            region: "eu-west-1",
            accountId: ACCOUNT,
            detectorId: detector.id,
            findingsKeyArn: findingsKey.arn,
            alertsKeyArn: alertsKey.arn,
            alertSeverityThreshold: variant.alertSeverityThreshold ?? 7,
            findingsRetentionDays: variant.findingsRetentionDays ?? 365,
        },
        { provider },
    );
    return { mocks: await mocks.settled(), component };
});

/** The companions of the bucket: resources whose `bucket` input names it and depends on it. */
const COMPANIONS = [T.ownership, T.publicAccessBlock, T.versioning, T.encryption, T.lifecycle, T.bucketPolicy];

describe("FindingsPipeline", () => {
    describe("with the defaults (severity 7, a year of findings)", () => {
        let mocks: RecordingMocks;
        let component: FindingsPipeline;
        before(async () => {
            ({ mocks, component } = await build());
        });

        it("creates one bucket named for environment, account and region, never force-destroyed, and protects it", () => {
            const bucket = only(mocks, T.bucket);
            assert.deepStrictEqual(
                [bucket.name, bucket.inputs.bucket, bucket.inputs.forceDestroy, bucket.protect],
                ["fp-bucket", BUCKET, false, true],
            );
        });

        it("completes the bucket with ownership, public access block, versioning, encryption, lifecycle and policy, each linked by dependency", () => {
            const bucket = only(mocks, T.bucket);
            for (const type of COMPANIONS) {
                const companion = only(mocks, type);
                assert.strictEqual(companion.inputs.bucket, bucket.id, type);
                assert.deepStrictEqual(companion.propertyDependencies["bucket"], [bucket.urn], type);
            }
        });

        it("enforces bucket ownership (ACLs disabled)", () => {
            assert.deepStrictEqual(only(mocks, T.ownership).inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
        });

        it("blocks public access with all four settings", () => {
            const block = only(mocks, T.publicAccessBlock).inputs;
            assert.deepStrictEqual(
                [block.blockPublicAcls, block.blockPublicPolicy, block.ignorePublicAcls, block.restrictPublicBuckets],
                [true, true, true, true],
            );
        });

        it("versions every object", () => {
            assert.deepStrictEqual(only(mocks, T.versioning).inputs.versioningConfiguration, { status: "Enabled" });
        });

        it("encrypts by default with SSE-KMS under the findings key (bucket key on), by value and by dependency", () => {
            const encryption = only(mocks, T.encryption);
            const key = mocks.named("findings-key");
            assert.deepStrictEqual(encryption.inputs.rules, [
                {
                    applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.outputs.arn },
                    bucketKeyEnabled: true,
                },
            ]);
            assert.deepStrictEqual(encryption.propertyDependencies["rules"], [key.urn]);
        });

        it("expires findings after the retention, noncurrent versions after 90 days, failed uploads after 7, then the delete markers", () => {
            assert.deepStrictEqual(only(mocks, T.lifecycle).inputs.rules, [
                {
                    id: "expire-findings",
                    status: "Enabled",
                    filter: {},
                    expiration: { days: 365 },
                    noncurrentVersionExpiration: { noncurrentDays: 90 },
                    abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                },
                { id: "remove-expired-delete-markers", status: "Enabled", filter: {}, expiration: { expiredObjectDeleteMarker: true } },
            ]);
        });

        it("writes the bucket policy from findings-policies.ts, with the findings key's ARN (an object, known during preview but for the key)", () => {
            const policy = only(mocks, T.bucketPolicy);
            const key = mocks.named("findings-key");
            assert.deepStrictEqual(
                policy.inputs.policy,
                findingsBucketPolicy({ bucketName: BUCKET, accountId: ACCOUNT, region: "eu-west-1", findingsKeyArn: key.outputs.arn }),
            );
            assert.deepStrictEqual(policy.propertyDependencies["policy"], [key.urn]);
        });

        it("puts the bucket policy only after the public access block exists", () => {
            const policy = only(mocks, T.bucketPolicy);
            const block = only(mocks, T.publicAccessBlock);
            // An explicit dependsOn is recorded among the dependencies, under no property.
            assert.ok(!Object.values(policy.propertyDependencies).flat().includes(block.urn));
            assert.ok(dependenciesOf(mocks, policy.name).includes(block.urn), dependenciesOf(mocks, policy.name).join(", "));
        });

        it("exports findings from the detector to the bucket, encrypted with the findings key, after the bucket policy and encryption exist", () => {
            const destination = only(mocks, T.destination);
            const [bucket, key, detector] = [only(mocks, T.bucket), mocks.named("findings-key"), mocks.named("detector")];
            assert.deepStrictEqual(
                [
                    destination.inputs.destinationType,
                    destination.inputs.destinationArn,
                    destination.inputs.kmsKeyArn,
                    destination.inputs.detectorId,
                ],
                ["S3", bucket.outputs.arn, key.outputs.arn, detector.id],
            );
            assert.strictEqual(bucket.outputs.arn, `arn:aws:s3:::${BUCKET}`);
            assert.deepStrictEqual(
                [
                    destination.propertyDependencies["destinationArn"],
                    destination.propertyDependencies["kmsKeyArn"],
                    destination.propertyDependencies["detectorId"],
                ],
                [[bucket.urn], [key.urn], [detector.urn]],
            );
            const after = dependenciesOf(mocks, destination.name);
            assert.ok(after.includes(only(mocks, T.bucketPolicy).urn) && after.includes(only(mocks, T.encryption).urn), after.join(", "));
        });

        it("encrypts the alerts topic with the alerts key, by value and by dependency", () => {
            const topic = only(mocks, T.topic);
            const key = mocks.named("alerts-key");
            assert.deepStrictEqual([topic.inputs.name, topic.inputs.kmsMasterKeyId], ["staging-security-alerts", key.outputs.arn]);
            assert.deepStrictEqual(topic.propertyDependencies["kmsMasterKeyId"], [key.urn]);
            assert.notStrictEqual(key.outputs.arn, mocks.named("findings-key").outputs.arn);
        });

        it("matches GuardDuty findings of severity 7 or more in the rule's pattern, on the default bus, enabled", () => {
            const rule = only(mocks, T.rule);
            assert.deepStrictEqual(JSON.parse(String(rule.inputs.eventPattern)), {
                source: ["aws.guardduty"],
                "detail-type": ["GuardDuty Finding"],
                detail: { severity: [{ numeric: [">=", 7] }] },
            });
            assert.deepStrictEqual(
                [rule.inputs.name, rule.inputs.state, rule.inputs.eventBusName],
                ["staging-guardduty-findings-alert", "ENABLED", undefined],
            );
        });

        it("targets the topic from the rule, after the topic policy lets the rule publish", () => {
            const [target, rule, topic] = [only(mocks, T.target), only(mocks, T.rule), only(mocks, T.topic)];
            assert.deepStrictEqual([target.inputs.rule, target.inputs.arn], [rule.inputs.name, topic.outputs.arn]);
            assert.deepStrictEqual([target.propertyDependencies["rule"], target.propertyDependencies["arn"]], [[rule.urn], [topic.urn]]);
            assert.ok(dependenciesOf(mocks, target.name).includes(only(mocks, T.topicPolicy).urn));
        });

        it("scopes the topic policy to the rule's ARN: written from findings-policies.ts, linked to topic and rule", () => {
            const [policy, rule, topic] = [only(mocks, T.topicPolicy), only(mocks, T.rule), only(mocks, T.topic)];
            assert.strictEqual(policy.inputs.arn, topic.outputs.arn);
            assert.deepStrictEqual(
                policy.inputs.policy,
                alertTopicPolicy({ topicArn: String(topic.outputs.arn), ruleArn: String(rule.outputs.arn), accountId: ACCOUNT }),
            );
            assert.deepStrictEqual([...(policy.propertyDependencies["policy"] ?? [])].sort(), [rule.urn, topic.urn].sort());
        });

        it("protects the bucket and nothing else of its own (the keys are the key ring's to protect)", () => {
            const own = mocks.registrations.filter((r) => r.parent === only(mocks, T.component).urn);
            assert.deepStrictEqual(
                own.filter((r) => r.protect).map((r) => r.name),
                ["fp-bucket"],
            );
        });

        it("declares exactly these resources, each once, parented under the component and named after it", () => {
            const component = only(mocks, T.component);
            const own = mocks.registrations.filter((r) => r.parent === component.urn);
            assert.deepStrictEqual(
                own.map((r) => r.type).sort(),
                [T.bucket, ...COMPANIONS, T.destination, T.topic, T.topicPolicy, T.rule, T.target].sort(),
            );
            for (const resource of own) {
                assert.match(resource.name, /^fp-/);
            }
        });

        it("gives every AWS resource the explicit provider, never the default one", () => {
            assert.strictEqual(awsResourcesThrough(mocks, "env").length, 3 + 12, "the detector, two keys and the pipeline's twelve");
        });

        it("exposes and registers the bucket name and ARN, the topic ARN and the rule ARN", async () => {
            const [bucket, topic, rule] = [only(mocks, T.bucket), only(mocks, T.topic), only(mocks, T.rule)];
            const expected = {
                bucketName: BUCKET,
                bucketArn: bucket.outputs.arn,
                alertTopicArn: topic.outputs.arn,
                alertRuleArn: rule.outputs.arn,
            };
            assert.deepStrictEqual(
                {
                    bucketName: await valueOf(component.bucketName),
                    bucketArn: await valueOf(component.bucketArn),
                    alertTopicArn: await valueOf(component.alertTopicArn),
                    alertRuleArn: await valueOf(component.alertRuleArn),
                },
                expected,
            );
            assert.deepStrictEqual(only(mocks, T.component).outputs, expected);
        });
    });

    describe("with a configured threshold and retention", () => {
        let mocks: RecordingMocks;
        before(async () => {
            ({ mocks } = await build({ alertSeverityThreshold: 8.5, findingsRetentionDays: 2557, environment: "prod" }));
        });

        it("puts the threshold in the rule's numeric filter and its description", () => {
            const rule = only(mocks, T.rule);
            assert.deepStrictEqual((JSON.parse(String(rule.inputs.eventPattern)) as { detail: unknown }).detail, {
                severity: [{ numeric: [">=", 8.5] }],
            });
            assert.match(String(rule.inputs.description), /severity 8\.5 or more/);
        });

        it("expires findings after the configured retention", () => {
            const [rule] = only(mocks, T.lifecycle).inputs.rules as { expiration: { days: number } }[];
            assert.strictEqual(rule.expiration.days, 2557);
        });

        it("names the bucket, rule and topic after the environment", () => {
            assert.deepStrictEqual(
                [only(mocks, T.bucket).inputs.bucket, only(mocks, T.rule).inputs.name, only(mocks, T.topic).inputs.name],
                ["prod-guardduty-111111111111-eu-west-1", "prod-guardduty-findings-alert", "prod-security-alerts"],
            );
        });
    });

    describe("refuses arguments that config validation should have caught", () => {
        const args = (overrides: Partial<FindingsPipelineArgs>): FindingsPipelineArgs => ({
            environment: "staging",
            region: "eu-west-1",
            accountId: ACCOUNT,
            detectorId: "d",
            findingsKeyArn: "k1",
            alertsKeyArn: "k2",
            alertSeverityThreshold: 7,
            findingsRetentionDays: 365,
            ...overrides,
        });
        for (const threshold of [0, 0.9, 10.1, Number.NaN]) {
            it(`the severity ${threshold}, outside GuardDuty's 1–10, declaring nothing`, () =>
                assertRefusedBeforeDeclaring(
                    () => new FindingsPipeline("refused", args({ alertSeverityThreshold: threshold })),
                    /^FindingsPipeline: alertSeverityThreshold: \S+ is not a GuardDuty severity from 1 to 10$/,
                ));
        }

        for (const days of [0, -1, 1.5]) {
            it(`a retention of ${days} days, not a positive whole number, declaring nothing`, () =>
                assertRefusedBeforeDeclaring(
                    () => new FindingsPipeline("refused", args({ findingsRetentionDays: days })),
                    /^FindingsPipeline: findingsRetentionDays: \S+ is not a positive whole number of days$/,
                ));
        }
    });
});
