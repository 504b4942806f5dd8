import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { ConfigDeliveryBucket, type ConfigDeliveryBucketArgs } from "../../components/audit-logs/config-delivery-bucket";
import { configDeliveryKeyPolicy } from "../../components/audit-logs/log-archive-key-policy";
import { configDeliveryBucketPolicy } from "../../components/audit-logs/log-archive-policies";
import { awsResourcesThrough, dependenciesOf, oncePerVariant, RecordingMocks, valueOf } from "../network/recording-mocks";
import {
    ACCESS_BUCKET,
    CONFIG_BUCKET,
    CONFIG_DELIVERY_ARGS,
    CONFIG_DELIVERY_BUCKET_FACTS,
    CONFIG_DELIVERY_KEY_FACTS,
    LOG_ARCHIVE,
    LOG_ARCHIVE_ARGS,
    MANAGEMENT,
    REGION,
} from "./audit-log-fixtures";

type Variant = Partial<ConfigDeliveryBucketArgs>;

interface Built {
    mocks: RecordingMocks;
    component: ConfigDeliveryBucket;
}

/** Builds the bucket through the log-archive account's provider (a management provider exists too, unused), once per variant. */
const build = oncePerVariant(async (variant: Variant = {}): Promise<Built> => {
    const mocks = RecordingMocks.install();
    new aws.Provider("management", { region: REGION, allowedAccountIds: [MANAGEMENT] });
    const provider = new aws.Provider("log-archive", { region: REGION, allowedAccountIds: [LOG_ARCHIVE] });
    const component = new ConfigDeliveryBucket("config", { ...CONFIG_DELIVERY_ARGS, ...variant }, { provider });
    return { mocks: await mocks.settled(), component };
});

describe("ConfigDeliveryBucket", () => {
    describe("as the management stack declares it", () => {
        let mocks: RecordingMocks;
        let component: ConfigDeliveryBucket;
        before(async () => {
            ({ mocks, component } = await build());
        });

        it("declares exactly these resources under the component, all through the log-archive account's provider", () => {
            const parent = mocks.named("config").urn;
            assert.strictEqual(mocks.named("config").type, "zero-trust:audit-logs:ConfigDeliveryBucket");
            assert.deepStrictEqual(
                mocks.registrations
                    .filter((r) => r.parent === parent)
                    .map((r) => r.name)
                    .sort(),
                [
                    "config-key",
                    "config-key-alias",
                    "config-bucket",
                    "config-ownership",
                    "config-public-access-block",
                    "config-versioning",
                    "config-encryption",
                    "config-lifecycle",
                    "config-logging",
                    "config-policy",
                ].sort(),
            );
            assert.strictEqual(awsResourcesThrough(mocks, "log-archive").length, 10);
        });

        it("creates the bucket by name WITHOUT object lock (AWS Config cannot deliver to a locked bucket), never force-destroyed, protected with its key", () => {
            const bucket = mocks.named("config-bucket");
            assert.deepStrictEqual(
                [bucket.inputs.bucket, bucket.inputs.forceDestroy, bucket.inputs.objectLockEnabled],
                [CONFIG_BUCKET, false, undefined],
            );
            assert.strictEqual(mocks.ofType("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").length, 0);
            assert.deepStrictEqual(
                mocks.registrations
                    .filter((r) => r.protect)
                    .map((r) => r.name)
                    .sort(),
                ["config-bucket", "config-key"],
            );
        });

        it("versions, blocks public access, disables ACLs and encrypts with its own rotating key (S3 Bucket Key on)", () => {
            const key = mocks.named("config-key");
            assert.deepStrictEqual(mocks.named("config-versioning").inputs.versioningConfiguration, { status: "Enabled" });
            const block = mocks.named("config-public-access-block").inputs;
            assert.deepStrictEqual(
                [block.blockPublicAcls, block.blockPublicPolicy, block.ignorePublicAcls, block.restrictPublicBuckets],
                [true, true, true, true],
            );
            assert.deepStrictEqual(mocks.named("config-ownership").inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
            assert.deepStrictEqual(mocks.named("config-encryption").inputs.rules, [
                {
                    applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.outputs.arn },
                    bucketKeyEnabled: true,
                },
            ]);
            assert.deepStrictEqual([key.inputs.enableKeyRotation, key.inputs.deletionWindowInDays], [true, 30]);
            assert.strictEqual(mocks.named("config-key-alias").inputs.name, "alias/audit-logs/config-delivery");
        });

        it("writes the key policy and the bucket policy from the policy builders, the policy last", () => {
            assert.deepStrictEqual(
                JSON.parse(String(mocks.named("config-key").inputs.policy)),
                configDeliveryKeyPolicy(CONFIG_DELIVERY_KEY_FACTS),
            );
            assert.deepStrictEqual(mocks.named("config-policy").inputs.policy, configDeliveryBucketPolicy(CONFIG_DELIVERY_BUCKET_FACTS));
            const after = dependenciesOf(mocks, "config-policy");
            for (const name of ["config-public-access-block", "config-encryption", "config-lifecycle", "config-logging"]) {
                assert.ok(after.includes(mocks.named(name).urn), name);
            }
        });

        it("lets deliveries leave only by the configured lifecycle", () => {
            const [rule] = mocks.named("config-lifecycle").inputs.rules as { transitions: unknown; expiration: unknown }[];
            const { lifecycle } = LOG_ARCHIVE_ARGS;
            assert.deepStrictEqual(rule.transitions, [
                { days: lifecycle.standardIaDays, storageClass: "STANDARD_IA" },
                { days: lifecycle.archiveDays, storageClass: lifecycle.archiveStorageClass },
            ]);
            assert.deepStrictEqual(rule.expiration, { days: lifecycle.expirationDays });
        });

        it("sends its S3 server access logs to the archive's access-logs bucket under config-delivery/", () => {
            const logging = mocks.named("config-logging").inputs;
            assert.deepStrictEqual([logging.targetBucket, logging.targetPrefix], [ACCESS_BUCKET, "config-delivery/"]);
        });

        it("exports the bucket name (after its policy) and the key ARN", async () => {
            assert.strictEqual(await valueOf(component.bucketName), CONFIG_BUCKET);
            assert.strictEqual(await valueOf(component.keyArn), mocks.named("config-key").outputs.arn);
        });
    });

    it("declares no access logging without an access-logs bucket", async () => {
        const { mocks } = await build({ accessLogsBucketName: undefined });
        assert.strictEqual(mocks.ofType("aws:s3/bucketLogging:BucketLogging").length, 0);
    });

    describe("refuses bad arguments before declaring anything, in one line naming the argument", () => {
        const cases: [string, Variant, RegExp][] = [
            [
                "a bucket name with capitals",
                { bucketName: "Config" },
                /^ConfigDeliveryBucket: bucketName: "Config" is not an S3 bucket name/,
            ],
            ["a Config prefix of AWSLogs", { configKeyPrefix: "AWSLogs" }, /^ConfigDeliveryBucket: configKeyPrefix: /],
            [
                "a reader pattern of another account",
                {
                    accountReaderRolePatterns: [
                        "arn:aws:iam::999999999999:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_security-auditor_*",
                    ],
                },
                /^ConfigDeliveryBucket: accountReaderRolePatterns\[0\]: .*of account 222222222222/,
            ],
            [
                "expiry before the archive transition",
                { lifecycle: { ...LOG_ARCHIVE_ARGS.lifecycle, expirationDays: 90 } },
                /^ConfigDeliveryBucket: lifecycle\.expirationDays: 90 is not more than lifecycle\.archiveDays \(90\)/,
            ],
            ["a short key deletion window", { keyDeletionWindowDays: 3 }, /^ConfigDeliveryBucket: keyDeletionWindowDays: 3 /],
        ];
        for (const [label, variant, expected] of cases) {
            it(`refuses ${label}`, async () => {
                const mocks = RecordingMocks.install();
                const provider = new aws.Provider("log-archive", { region: REGION, allowedAccountIds: [LOG_ARCHIVE] });
                assert.throws(
                    () => new ConfigDeliveryBucket("config", { ...CONFIG_DELIVERY_ARGS, ...variant }, { provider }),
                    (err: Error) => expected.test(err.message) && !err.message.includes("\n"),
                );
                await mocks.settled();
                assert.deepStrictEqual(
                    mocks.registrations.map((r) => r.type),
                    ["pulumi:providers:aws"],
                    "nothing but the test's provider is registered",
                );
            });
        }
    });
});
