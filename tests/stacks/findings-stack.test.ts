import * as assert from "assert";
import { readStackConfig } from "../../offline-preview/stack-config";
import { ConfigError } from "../../stacks/config/config-error";
import { resourceMatches } from "../../iam/evaluator/policy-evaluator";
import type { Registration } from "../network/recording-mocks";
import { ROOT, runStack, valueOf, type StackRun } from "./stack-harness";

// The findings pipeline as the environment stacks wire it: after the key ring (its findings and
// alerts keys) and the detector, through the environment's provider, driven by stack config.

/** The stack's detection config with these fields changed. */
function detectionWith(stack: string, fields: Record<string, unknown>): Record<string, string> {
    const current = readStackConfig(ROOT, stack).config["zero-trust-aws:detection"];
    const detection = current === undefined ? {} : (JSON.parse(current) as Record<string, unknown>);
    return { "zero-trust-aws:detection": JSON.stringify({ ...detection, ...fields }) };
}

/**
 * The home region's findings pipeline's one resource of this type (the responder has a topic and a
 * rule target of its own; the other watched region's pipeline, whose names carry its region, is
 * regions-stack.test.ts's).
 */
function only(run: StackRun, type: string): Registration {
    const found = run.mocks
        .ofType(type)
        .filter((r) => r.urn.includes("zero-trust:detection:FindingsPipeline$") && !r.name.includes("-eu-central-1"));
    assert.strictEqual(found.length, 1, `one ${type} in the findings pipeline, found ${found.length}`);
    return found[0];
}

interface PolicyStatement {
    Sid: string;
    Principal: unknown;
    Condition?: Record<string, Record<string, string>>;
}

const statementOf = (policy: unknown, sid: string): PolicyStatement => {
    const document = (typeof policy === "string" ? JSON.parse(policy) : policy) as { Statement: PolicyStatement[] };
    const found = document.Statement.find((s) => s.Sid === sid);
    assert.ok(found !== undefined, `no statement ${sid}`);
    return found;
};

describe("environment stack: GuardDuty findings export and alerting", () => {
    for (const [stack, account, retentionDays] of [
        ["staging", "111111111111", 365],
        ["prod", "222222222222", 731],
    ] as const) {
        describe(stack, () => {
            let run: StackRun;
            before(async () => {
                run = await runStack(stack);
            });

            it("builds one findings pipeline, after the key ring and the detector", () => {
                assert.strictEqual(run.error, undefined);
                assert.deepStrictEqual(
                    run.mocks.ofType("zero-trust:detection:FindingsPipeline").map((p) => p.name),
                    [`${stack}-findings`, `${stack}-findings-eu-central-1`],
                );
                const order = run.mocks.registrations.map((r) => r.name);
                assert.ok(order.indexOf(`${stack}-keys`) < order.indexOf(`${stack}-findings`));
                assert.ok(order.indexOf(`${stack}-guardduty`) < order.indexOf(`${stack}-findings`));
            });

            it("exports the environment's detector to its bucket with the ring's findings key", () => {
                const destination = only(run, "aws:guardduty/publishingDestination:PublishingDestination");
                const [detector, key, bucket] = [
                    run.mocks.named(`${stack}-guardduty-detector`),
                    run.mocks.named(`${stack}-keys-purpose-findings`),
                    run.mocks.named(`${stack}-findings-bucket`),
                ];
                assert.deepStrictEqual(
                    [destination.inputs.detectorId, destination.inputs.kmsKeyArn, destination.inputs.destinationArn, bucket.inputs.bucket],
                    [detector.id, key.outputs.arn, bucket.outputs.arn, `${stack}-guardduty-${account}-eu-west-1`],
                );
                assert.deepStrictEqual(
                    [destination.propertyDependencies["detectorId"], destination.propertyDependencies["kmsKeyArn"]],
                    [[detector.urn], [key.urn]],
                );
                const encryption = only(run, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
                assert.deepStrictEqual(encryption.propertyDependencies["rules"], [key.urn]);
            });

            it("lets GuardDuty use the findings key and write the bucket for exactly the detector the stack creates", () => {
                const detectorArn = String(run.mocks.named(`${stack}-guardduty-detector`).outputs.arn);
                const keyPolicy = run.mocks.named(`${stack}-keys-purpose-findings`).inputs.policy;
                const bucketPolicy = only(run, "aws:s3/bucketPolicy:BucketPolicy").inputs.policy;
                for (const [label, s] of [
                    ["key", statementOf(keyPolicy, "GuardDutyEncryptsExportedFindings")],
                    ["bucket", statementOf(bucketPolicy, "GuardDutyPutsFindings")],
                ] as const) {
                    assert.deepStrictEqual(s.Principal, { Service: "guardduty.amazonaws.com" }, label);
                    assert.strictEqual(s.Condition?.["StringEquals"]?.["aws:SourceAccount"], account, label);
                    assert.ok(
                        resourceMatches(String(s.Condition?.["ArnLike"]?.["aws:SourceArn"]), detectorArn),
                        `${label}: ${detectorArn}`,
                    );
                }
                const denyOtherKey = statementOf(bucketPolicy, "DenyUploadsWithAnotherKey");
                assert.strictEqual(
                    denyOtherKey.Condition?.["StringNotEquals"]?.["s3:x-amz-server-side-encryption-aws-kms-key-id"],
                    run.mocks.named(`${stack}-keys-purpose-findings`).outputs.arn,
                );
            });

            it("encrypts the alerts topic with the ring's alerts key, whose policy names this rule and this topic", () => {
                const [topic, rule, key] = [
                    only(run, "aws:sns/topic:Topic"),
                    only(run, "aws:cloudwatch/eventRule:EventRule"),
                    run.mocks.named(`${stack}-keys-purpose-alerts`),
                ];
                assert.strictEqual(topic.inputs.kmsMasterKeyId, key.outputs.arn);
                assert.deepStrictEqual(topic.propertyDependencies["kmsMasterKeyId"], [key.urn]);
                const events = statementOf(key.inputs.policy, "EventBridgePublishesAlertsToEncryptedTopic");
                assert.strictEqual(events.Condition?.["StringEquals"]?.["kms:EncryptionContext:aws:sns:topicArn"], topic.outputs.arn);
                // The real ARN of a rule on the default bus (the offline preview's invented one has another shape).
                assert.strictEqual(
                    events.Condition?.["ArnEquals"]?.["aws:SourceArn"],
                    `arn:aws:events:eu-west-1:${account}:rule/${String(rule.inputs.name)}`,
                );
            });

            it("lets only the rule publish to the topic", () => {
                const [policy, rule, topic] = [
                    only(run, "aws:sns/topicPolicy:TopicPolicy"),
                    only(run, "aws:cloudwatch/eventRule:EventRule"),
                    only(run, "aws:sns/topic:Topic"),
                ];
                assert.strictEqual(policy.inputs.arn, topic.outputs.arn);
                assert.deepStrictEqual(statementOf(policy.inputs.policy, "EventBridgeRulePublishes").Condition?.["ArnEquals"], {
                    "aws:SourceArn": rule.outputs.arn,
                });
                assert.deepStrictEqual(statementOf(policy.inputs.policy, "DenyPublishFromAnyoneElse").Condition?.["ArnNotEquals"], {
                    "aws:SourceArn": rule.outputs.arn,
                });
            });

            it(`alerts on findings of severity 7 or more by default, and keeps findings ${retentionDays} days (${stack === "prod" ? "Pulumi.prod.yaml" : "the default"})`, () => {
                const rule = only(run, "aws:cloudwatch/eventRule:EventRule");
                assert.deepStrictEqual((JSON.parse(String(rule.inputs.eventPattern)) as { detail: unknown }).detail, {
                    severity: [{ numeric: [">=", 7] }],
                });
                const [expire] = only(run, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs.rules as {
                    expiration: { days: number };
                }[];
                assert.strictEqual(expire.expiration.days, retentionDays);
            });

            it("protects the bucket and both keys", () => {
                for (const name of [`${stack}-findings-bucket`, `${stack}-keys-purpose-findings`, `${stack}-keys-purpose-alerts`]) {
                    assert.strictEqual(run.mocks.named(name).protect, true, name);
                }
            });

            it("declares every pipeline resource through the environment's provider", () => {
                const pipeline = run.mocks.named(`${stack}-findings`);
                const own = run.mocks.registrations.filter((r) => r.parent === pipeline.urn);
                assert.strictEqual(own.length, 12);
                for (const resource of own) {
                    assert.strictEqual(resource.provider, run.mocks.providerReference(stack), resource.name);
                }
            });

            it("exports the bucket name, the topic ARN and the rule ARN", async () => {
                const outputs = run.outputs;
                assert.ok(outputs !== undefined);
                assert.deepStrictEqual(
                    [await valueOf(outputs.findingsBucketName), await valueOf(outputs.alertTopicArn), await valueOf(outputs.alertRuleArn)],
                    [
                        `${stack}-guardduty-${account}-eu-west-1`,
                        only(run, "aws:sns/topic:Topic").outputs.arn,
                        only(run, "aws:cloudwatch/eventRule:EventRule").outputs.arn,
                    ],
                );
            });
        });
    }

    it("prod: replicates the findings and alerts keys to eu-central-1 with that region's bindings", async () => {
        const run = await runStack("prod");
        const replica = run.mocks.named("prod-keys-purpose-alerts-eu-central-1");
        const events = statementOf(replica.inputs.policy, "EventBridgePublishesAlertsToEncryptedTopic");
        assert.strictEqual(
            events.Condition?.["ArnEquals"]?.["aws:SourceArn"],
            "arn:aws:events:eu-central-1:222222222222:rule/prod-guardduty-findings-alert",
        );
        const guardDuty = statementOf(
            run.mocks.named("prod-keys-purpose-findings-eu-central-1").inputs.policy,
            "GuardDutyEncryptsExportedFindings",
        );
        assert.strictEqual(guardDuty.Condition?.["ArnLike"]?.["aws:SourceArn"], "arn:aws:guardduty:eu-central-1:222222222222:detector/*");
    });

    it("follows detection.alertSeverityThreshold and detection.findingsRetentionDays", async () => {
        const run = await runStack("staging", detectionWith("staging", { alertSeverityThreshold: 8.5, findingsRetentionDays: 731 }));
        assert.strictEqual(run.error, undefined);
        const rule = only(run, "aws:cloudwatch/eventRule:EventRule");
        assert.deepStrictEqual((JSON.parse(String(rule.inputs.eventPattern)) as { detail: unknown }).detail, {
            severity: [{ numeric: [">=", 8.5] }],
        });
        const [expire] = only(run, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs.rules as {
            expiration: { days: number };
        }[];
        assert.strictEqual(expire.expiration.days, 731);
    });

    it("refuses a bad severity threshold before declaring any resource", async () => {
        const { mocks, error } = await runStack("staging", detectionWith("staging", { alertSeverityThreshold: 11 }));
        assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
        assert.strictEqual(error.key, "zero-trust-aws:detection.alertSeverityThreshold");
        assert.deepStrictEqual(
            mocks.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack"),
            [],
        );
    });
});
