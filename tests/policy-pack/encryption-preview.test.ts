// The encryption family under preview: values unknown during `pulumi preview`, presented through
// the policy SDK's own unknown-checking proxy. A key ARN that is the output of a key created in the
// same run is unknown: it counts as a customer-managed key (see readers/encryption/key-references).

import { strict as assert } from "assert";
import { CMK_ARN } from "./encryption-fixtures";
import {
    check,
    isUnknownValueError,
    resourcePolicy,
    UNKNOWN_ARRAY,
    UNKNOWN_BOOLEAN,
    UNKNOWN_NUMBER,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const stores = resourcePolicy("encryption-at-rest-customer-managed-key");
const rotation = resourcePolicy("encryption-kms-key-rotation");
const window = resourcePolicy("encryption-kms-key-deletion-window");

const preview = (props: Record<string, unknown>): Record<string, unknown> => unknownCheckingProxy(props);

describe("encryption family under preview (unknown values)", () => {
    it("an unknown key reference on a store is a key created in this run: it passes, no advisory", () => {
        const cases: [string, Record<string, unknown>][] = [
            ["aws:cloudwatch/logGroup:LogGroup", { name: UNKNOWN_STRING, kmsKeyId: UNKNOWN_STRING, tags: UNKNOWN_OBJECT }],
            ["aws:ebs/volume:Volume", { encrypted: true, kmsKeyId: UNKNOWN_STRING, availabilityZone: UNKNOWN_STRING }],
            ["aws:rds/instance:Instance", { storageEncrypted: true, kmsKeyId: UNKNOWN_STRING, password: UNKNOWN_STRING }],
            ["aws:dynamodb/table:Table", { serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN_STRING } }],
            [
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                {
                    bucket: UNKNOWN_STRING,
                    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN_STRING } }],
                },
            ],
            [
                "aws-native:s3:Bucket",
                {
                    bucketEncryption: {
                        serverSideEncryptionConfiguration: [
                            { serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN_STRING } },
                        ],
                    },
                },
            ],
            ["aws-native:sqs:Queue", { kmsMasterKeyId: UNKNOWN_STRING, sqsManagedSseEnabled: UNKNOWN_BOOLEAN }],
            [
                "aws:msk/cluster:Cluster",
                { encryptionInfo: { encryptionAtRestKmsKeyArn: UNKNOWN_STRING, encryptionInTransit: UNKNOWN_OBJECT } },
            ],
        ];
        for (const [type, props] of cases) {
            assert.deepEqual(check(stores, type, preview(props)), [], type);
        }
    });

    it("a known violation is reported even when another part is unknown", () => {
        const props = preview({
            rootBlockDevice: { encrypted: true, kmsKeyId: UNKNOWN_STRING },
            ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false }, UNKNOWN_OBJECT],
        });
        const messages = check(stores, "aws:ec2/instance:Instance", props);
        assert.equal(messages.length, 1);
        assert.match(messages[0], /ebsBlockDevices\[0\] \(\/dev\/sdf\) is not encrypted/);
    });

    it("lets the SDK's advisory through when an unknown value decides", () => {
        const undecided: [string, Record<string, unknown>][] = [
            ["aws:ebs/volume:Volume", { encrypted: UNKNOWN_BOOLEAN, kmsKeyId: CMK_ARN }],
            ["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", { rules: UNKNOWN_ARRAY }],
            ["aws:ec2/launchTemplate:LaunchTemplate", { blockDeviceMappings: UNKNOWN_ARRAY }],
            ["aws:kinesis/stream:Stream", { encryptionType: UNKNOWN_STRING, kmsKeyId: CMK_ARN }],
            ["aws:rds/cluster:Cluster", { engineMode: UNKNOWN_STRING, kmsKeyId: CMK_ARN }],
            ["aws:elasticache/replicationGroup:ReplicationGroup", { engine: UNKNOWN_STRING }],
        ];
        for (const [type, props] of undecided) {
            assert.throws(() => check(stores, type, preview(props)), isUnknownValueError, type);
        }
    });

    it("the stores added for issue 16: an unknown key passes, an unknown deciding value is undecided, a known violation is reported", () => {
        const passes: [string, Record<string, unknown>][] = [
            ["aws:lambda/function:Function", { environment: { variables: { TOPIC: UNKNOWN_STRING } }, kmsKeyArn: UNKNOWN_STRING }],
            ["aws:ssm/parameter:Parameter", { type: "SecureString", value: UNKNOWN_STRING, keyId: UNKNOWN_STRING }],
            ["aws:ssm/parameter:Parameter", { type: "String", value: UNKNOWN_STRING }],
            ["aws:neptune/cluster:Cluster", { storageEncrypted: true, kmsKeyArn: UNKNOWN_STRING }],
            ["aws:rds/globalCluster:GlobalCluster", { sourceDbClusterIdentifier: UNKNOWN_STRING }],
            ["aws-native:eks:Cluster", { encryptionConfig: [{ resources: ["secrets"], provider: { keyArn: UNKNOWN_STRING } }] }],
            ["aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", { kinesisSourceConfiguration: UNKNOWN_OBJECT }],
            ["aws-native:amazonmq:Broker", { encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: UNKNOWN_STRING } }],
            ["aws-native:eks:Cluster", { encryptionConfig: [{ resources: [UNKNOWN_STRING, "secrets"], provider: { keyArn: CMK_ARN } }] }],
        ];
        for (const [type, props] of passes) {
            assert.deepEqual(check(stores, type, preview(props)), [], type);
        }
        const undecided: [string, Record<string, unknown>][] = [
            ["aws:lambda/function:Function", { environment: UNKNOWN_OBJECT }],
            ["aws-native:lambda:Function", { environment: { variables: UNKNOWN_OBJECT } }],
            ["aws:ssm/parameter:Parameter", { type: UNKNOWN_STRING }],
            ["aws:docdb/cluster:Cluster", { storageEncrypted: UNKNOWN_BOOLEAN, kmsKeyId: CMK_ARN }],
            ["aws-native:rds:GlobalCluster", { storageEncrypted: UNKNOWN_BOOLEAN }],
            ["aws:dax/cluster:Cluster", { serverSideEncryption: UNKNOWN_OBJECT }],
            ["aws:mq/broker:Broker", { encryptionOptions: { useAwsOwnedKey: UNKNOWN_BOOLEAN, kmsKeyId: CMK_ARN } }],
            [
                "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
                { serverSideEncryption: { enabled: true, keyType: UNKNOWN_STRING } },
            ],
            ["aws-native:kinesisfirehose:DeliveryStream", { deliveryStreamEncryptionConfigurationInput: UNKNOWN_OBJECT }],
            ["aws:eks/cluster:Cluster", { encryptionConfig: { resources: UNKNOWN_ARRAY, provider: { keyArn: CMK_ARN } } }],
            ["aws-native:eks:Cluster", { encryptionConfig: UNKNOWN_ARRAY }],
        ];
        for (const [type, props] of undecided) {
            assert.throws(() => check(stores, type, preview(props)), isUnknownValueError, type);
        }
        const lambda = preview({ environment: { variables: { TOPIC: UNKNOWN_STRING } }, role: UNKNOWN_STRING });
        assert.match(check(stores, "aws:lambda/function:Function", lambda)[0], /aws\/lambda/);
    });

    it("a replica whose source is unknown inherits its encryption: nothing to judge", () => {
        assert.deepEqual(check(stores, "aws:rds/instance:Instance", preview({ replicateSourceDb: UNKNOWN_STRING })), []);
    });

    it("rotation: decided without the spec when rotation is on; undecided only when it matters", () => {
        assert.deepEqual(
            check(
                rotation,
                "aws:kms/key:Key",
                preview({ enableKeyRotation: true, customerMasterKeySpec: UNKNOWN_STRING, policy: UNKNOWN_STRING }),
            ),
            [],
        );
        assert.deepEqual(check(rotation, "aws-native:kms:Key", preview({ enableKeyRotation: UNKNOWN_BOOLEAN, keySpec: "RSA_2048" })), []);
        assert.throws(() => check(rotation, "aws:kms/key:Key", preview({ enableKeyRotation: UNKNOWN_BOOLEAN })), isUnknownValueError);
        assert.throws(() => check(rotation, "aws:kms/key:Key", preview({ customerMasterKeySpec: UNKNOWN_STRING })), isUnknownValueError);
        assert.throws(
            () => check(rotation, "aws:kms/key:Key", preview({ enableKeyRotation: true, rotationPeriodInDays: UNKNOWN_NUMBER })),
            isUnknownValueError,
        );
        assert.equal(check(rotation, "aws:kms/key:Key", preview({ description: UNKNOWN_STRING, policy: UNKNOWN_STRING })).length, 1);
    });

    it("deletion window: an unknown window is undecided; unknown unrelated values do not hold the verdict up", () => {
        assert.throws(() => check(window, "aws:kms/key:Key", preview({ deletionWindowInDays: UNKNOWN_NUMBER })), isUnknownValueError);
        assert.deepEqual(
            check(
                window,
                "aws:kms/key:Key",
                preview({ deletionWindowInDays: 30, policy: UNKNOWN_STRING, enableKeyRotation: UNKNOWN_BOOLEAN }),
            ),
            [],
        );
        assert.equal(check(window, "aws-native:kms:Key", preview({ pendingWindowInDays: 7, keyPolicy: UNKNOWN_OBJECT })).length, 1);
    });
});
