// Property tests of the encryption family: odd input never throws (a throw is an RPC error that
// stops every preview in the organisation), generated unencrypted / AWS-key configurations are
// always caught, and remediations only ever strengthen.

import { strict as assert } from "assert";
import fc from "fast-check";
import { STORE_TYPES } from "../../policy-pack/policies/encryption/customer-managed-key";
import { KMS_KEY_TYPES } from "../../policy-pack/policies/encryption/kms-key-deletion-window";
import { ROTATABLE_KEY_TYPES } from "../../policy-pack/readers/encryption";
import { AWS_ALIAS, AWS_ALIAS_ARN, CMK_ARN as CMK } from "./encryption-fixtures";
import {
    assertEvaluated,
    check,
    isUnknownValueError,
    remediate,
    resourcePolicy,
    UNKNOWN_ARRAY,
    UNKNOWN_BOOLEAN,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";
import { malformedProps, malformedValue } from "./arbitraries";

const stores = resourcePolicy("encryption-at-rest-customer-managed-key");
const rotation = resourcePolicy("encryption-kms-key-rotation");
const window = resourcePolicy("encryption-kms-key-deletion-window");

const KEYS = [
    "encrypted",
    "kmsKeyId",
    "kmsMasterKeyId",
    "kmsKeyArn",
    "kmsKey",
    "encryptionKeyArn",
    "keyId",
    "storageEncrypted",
    "rules",
    "rule",
    "applyServerSideEncryptionByDefault",
    "applyServerSideEncryptionByDefaults",
    "serverSideEncryptionConfiguration",
    "serverSideEncryptionConfigurations",
    "serverSideEncryptionByDefault",
    "sseAlgorithm",
    "bucketEncryption",
    "rootBlockDevice",
    "ebsBlockDevices",
    "blockDeviceMappings",
    "ebs",
    "virtualName",
    "noDevice",
    "deviceName",
    "launchTemplate",
    "launchTemplateData",
    "replicateSourceDb",
    "snapshotIdentifier",
    "dbClusterIdentifier",
    "engineMode",
    "engine",
    "serverSideEncryption",
    "enabled",
    "sseSpecification",
    "sseEnabled",
    "replicas",
    "replicaRegions",
    "regionName",
    "region",
    "sqsManagedSseEnabled",
    "encryptionType",
    "streamEncryption",
    "encryptionConfigurations",
    "encryptionConfiguration",
    "encryptAtRest",
    "encryptionAtRestOptions",
    "atRestEncryptionEnabled",
    "encryptionInfo",
    "encryptionAtRest",
    "encryptionAtRestKmsKeyArn",
    "dataVolumeKmsKeyId",
    "sourceDbClusterIdentifier",
    "replicationSourceIdentifier",
    "environment",
    "variables",
    "type",
    "encryptionOptions",
    "useAwsOwnedKey",
    "deliveryStreamEncryptionConfigurationInput",
    "keyType",
    "keyArn",
    "kinesisSourceConfiguration",
    "encryptionConfig",
    "resources",
    "provider",
    "enableKeyRotation",
    "rotationPeriodInDays",
    "customerMasterKeySpec",
    "keySpec",
    "keyUsage",
    "origin",
    "customKeyStoreId",
    "xksKeyId",
    "deletionWindowInDays",
    "pendingWindowInDays",
    "__isSpecialProxy",
    "__getSpecialProxyTarget",
];

const SEEDS: readonly unknown[] = [
    null,
    undefined,
    "",
    "true",
    "false",
    true,
    false,
    0,
    7,
    30,
    "30",
    -1,
    NaN,
    Infinity,
    "AES256",
    "aws:kms",
    "KMS",
    "NONE",
    "valkey",
    "serverless",
    "SYMMETRIC_DEFAULT",
    "RSA_2048",
    "SecureString",
    "CUSTOMER_MANAGED_CMK",
    "AWS_OWNED_CMK",
    "secrets",
    AWS_ALIAS("s3"),
    "alias/app",
    "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
];
const oddValue = malformedValue(SEEDS, KEYS);

const oddProps = malformedProps(SEEDS, KEYS);

/** Odd props with some values replaced by the engine's unknown sentinels, behind the SDK's proxy. */
const sentinel = fc.constantFrom(UNKNOWN_STRING, UNKNOWN_BOOLEAN, UNKNOWN_ARRAY);
const previewProps = fc.dictionary(
    fc.constantFrom(...KEYS),
    fc.oneof(oddValue, sentinel, fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(oddValue, sentinel), { maxKeys: 4 })),
    { maxKeys: 8 },
);

const COVERED: [string, readonly string[]][] = [
    ["encryption-at-rest-customer-managed-key", [...STORE_TYPES]],
    ["encryption-kms-key-rotation", [...ROTATABLE_KEY_TYPES]],
    ["encryption-kms-key-deletion-window", [...KMS_KEY_TYPES]],
];

describe("encryption family properties", () => {
    for (const [name, types] of COVERED) {
        it(`${name}: arbitrary malformed props never throw, for every covered type`, () => {
            const policy = resourcePolicy(name);
            fc.assert(
                fc.property(fc.constantFrom(...types), oddProps, (type, props) => {
                    const messages = check(policy, type, props);
                    assertEvaluated(messages);
                }),
                { numRuns: 1500 },
            );
        });

        it(`${name}: malformed props with unknown values only ever end in a verdict or the SDK's advisory`, () => {
            const policy = resourcePolicy(name);
            fc.assert(
                fc.property(fc.constantFrom(...types), previewProps, (type, props) => {
                    try {
                        const messages = check(policy, type, unknownCheckingProxy(props));
                        assertEvaluated(messages);
                    } catch (error) {
                        assert.ok(isUnknownValueError(error), String(error));
                    }
                }),
                { numRuns: 800 },
            );
        });
    }

    // ------------------------------------------------------------------ always caught

    const awsKey = fc.oneof(
        fc
            .constantFrom(
                "s3",
                "ebs",
                "rds",
                "dynamodb",
                "sns",
                "sqs",
                "kinesis",
                "ecr",
                "es",
                "redshift",
                "kafka",
                "backup",
                "secretsmanager",
                "logs",
            )
            .chain((svc) => fc.constantFrom(AWS_ALIAS(svc), AWS_ALIAS_ARN(svc), ` ${AWS_ALIAS(svc)} `, AWS_ALIAS(svc).toUpperCase())),
    );
    /** Values that do not switch encryption on. */
    const off = fc.constantFrom(undefined, false, "false", "FALSE", 0, "no", null);
    /** A missing key, or an AWS-managed one. */
    const notCmk = fc.oneof(fc.constant(undefined), fc.constant(""), awsKey);
    const noise = fc.dictionary(
        fc.constantFrom("name", "tags", "description", "retentionInDays", "engineVersion", "iops"),
        fc.oneof(fc.string(), fc.integer()),
        { maxKeys: 3 },
    );
    const withNoise = (g: fc.Arbitrary<Record<string, unknown>>) => fc.tuple(noise, g).map(([n, p]) => ({ ...n, ...p }));

    /** Per store type, generated inputs that are unencrypted or use a key AWS manages or owns. */
    const BAD: Record<string, fc.Arbitrary<Record<string, unknown>>> = {};
    const flagged = (types: string[], flag: string, keyProperty: string) => {
        for (const type of types) {
            BAD[type] = fc.oneof(
                off.map((v) => ({ [flag]: v })),
                notCmk.map((k) => ({ [flag]: true, [keyProperty]: k })),
            );
        }
    };
    const keyed = (types: string[], keyProperty: string) => {
        for (const type of types) {
            BAD[type] = notCmk.map((k) => ({ [keyProperty]: k }));
        }
    };
    const s3Rule = fc.oneof(
        fc.constant({ sseAlgorithm: "AES256" }),
        fc.constantFrom("aws:kms", "aws:kms:dsse", "AWS:KMS").chain((a) => notCmk.map((k) => ({ sseAlgorithm: a, kmsMasterKeyId: k }))),
    );
    BAD["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"] = s3Rule.map((d) => ({
        rules: [{ applyServerSideEncryptionByDefault: d }],
    }));
    BAD["aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"] =
        BAD["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"];
    BAD["aws:s3/bucket:Bucket"] = s3Rule.map((d) => ({
        serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: d } },
    }));
    BAD["aws:s3/bucketV2:BucketV2"] = s3Rule.map((d) => ({
        serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [d] }] }],
    }));
    BAD["aws-native:s3:Bucket"] = fc.oneof(
        fc.constant({}),
        s3Rule.map((d) => ({ bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: d }] } })),
    );
    flagged(
        [
            "aws:ebs/volume:Volume",
            "aws-native:ec2:Volume",
            "aws:efs/fileSystem:FileSystem",
            "aws-native:efs:FileSystem",
            "aws:redshift/cluster:Cluster",
            "aws-native:redshift:Cluster",
        ],
        "encrypted",
        "kmsKeyId",
    );
    flagged(
        ["aws:rds/instance:Instance", "aws-native:rds:DbInstance", "aws:rds/cluster:Cluster", "aws-native:rds:DbCluster"],
        "storageEncrypted",
        "kmsKeyId",
    );
    flagged(
        ["aws:elasticache/replicationGroup:ReplicationGroup", "aws-native:elasticache:ReplicationGroup"],
        "atRestEncryptionEnabled",
        "kmsKeyId",
    );
    const device = fc.oneof(
        off.map((v) => ({ encrypted: v })),
        notCmk.map((k) => ({ encrypted: true, kmsKeyId: k })),
    );
    BAD["aws:ec2/instance:Instance"] = fc.oneof(
        fc.constant({}),
        device.map((d) => ({ rootBlockDevice: d })),
        device.map((d) => ({ launchTemplate: { id: "lt-1" }, ebsBlockDevices: [{ deviceName: "/dev/sdf", ...d }] })),
    );
    BAD["aws-native:ec2:Instance"] = fc.oneof(
        fc.constant({}),
        device.map((d) => ({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: d }] })),
    );
    BAD["aws:ec2/launchTemplate:LaunchTemplate"] = fc.oneof(
        fc.constant({}),
        device.map((d) => ({ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: d }] })),
    );
    BAD["aws-native:ec2:LaunchTemplate"] = fc.oneof(
        fc.constant({ launchTemplateData: {} }),
        device.map((d) => ({ launchTemplateData: { blockDeviceMappings: [{ ebs: d }] } })),
    );
    BAD["aws:dynamodb/table:Table"] = fc.oneof(
        off.map((v) => ({ serverSideEncryption: { enabled: v } })),
        notCmk.map((k) => ({ serverSideEncryption: { enabled: true, kmsKeyArn: k } })),
        fc.constant({}),
    );
    keyed(["aws:dynamodb/tableReplica:TableReplica"], "kmsKeyArn");
    BAD["aws-native:dynamodb:Table"] = fc.oneof(
        off.map((v) => ({ sseSpecification: { sseEnabled: v } })),
        notCmk.map((k) => ({ sseSpecification: { sseEnabled: true, kmsMasterKeyId: k } })),
    );
    BAD["aws-native:dynamodb:GlobalTable"] = fc.oneof(
        off.map((v) => ({ sseSpecification: { sseEnabled: v }, replicas: [{ region: "eu-west-1" }] })),
        notCmk.map((k) => ({
            sseSpecification: { sseEnabled: true, sseType: "KMS" },
            replicas: [{ region: "eu-west-1", sseSpecification: { kmsMasterKeyId: k } }],
        })),
    );
    keyed(
        [
            "aws:sns/topic:Topic",
            "aws-native:sns:Topic",
            "aws:cloudwatch/logGroup:LogGroup",
            "aws-native:logs:LogGroup",
            "aws:secretsmanager/secret:Secret",
            "aws-native:secretsmanager:Secret",
        ],
        "kmsMasterKeyId",
    );
    keyed(
        [
            "aws:cloudwatch/logGroup:LogGroup",
            "aws-native:logs:LogGroup",
            "aws:secretsmanager/secret:Secret",
            "aws-native:secretsmanager:Secret",
            "aws:cloudtrail/trail:Trail",
            "aws-native:cloudtrail:Trail",
        ],
        "kmsKeyId",
    );
    keyed(["aws:elasticache/serverlessCache:ServerlessCache", "aws-native:elasticache:ServerlessCache"], "kmsKeyId");
    keyed(["aws:backup/vault:Vault"], "kmsKeyArn");
    keyed(["aws-native:backup:BackupVault"], "encryptionKeyArn");
    for (const type of ["aws:sqs/queue:Queue", "aws-native:sqs:Queue"]) {
        BAD[type] = fc.oneof(
            awsKey.map((k) => ({ kmsMasterKeyId: k })),
            off.map((v) => ({ sqsManagedSseEnabled: v })),
            fc.constant({ sqsManagedSseEnabled: true }),
        );
    }
    BAD["aws:kinesis/stream:Stream"] = fc.oneof(
        fc.constantFrom(undefined, "NONE", "none").map((t) => ({ encryptionType: t })),
        notCmk.map((k) => ({ encryptionType: "KMS", kmsKeyId: k })),
    );
    BAD["aws-native:kinesis:Stream"] = fc.oneof(
        fc.constant({}),
        awsKey.map((k) => ({ streamEncryption: { encryptionType: "KMS", keyId: k } })),
    );
    BAD["aws:ecr/repository:Repository"] = fc.oneof(
        fc.constant({}),
        fc.constant({ encryptionConfigurations: [{ encryptionType: "AES256" }] }),
        notCmk.map((k) => ({ encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: k }] })),
    );
    BAD["aws-native:ecr:Repository"] = fc.oneof(
        fc.constant({}),
        notCmk.map((k) => ({ encryptionConfiguration: { encryptionType: "KMS", kmsKey: k } })),
    );
    for (const [type, block] of [
        ["aws:opensearch/domain:Domain", "encryptAtRest"],
        ["aws:elasticsearch/domain:Domain", "encryptAtRest"],
        ["aws-native:opensearchservice:Domain", "encryptionAtRestOptions"],
    ]) {
        BAD[type] = fc.oneof(
            fc.constant({}),
            off.map((v) => ({ [block]: { enabled: v } })),
            notCmk.map((k) => ({ [block]: { enabled: true, kmsKeyId: k } })),
        );
    }
    BAD["aws:msk/cluster:Cluster"] = notCmk.map((k) => ({ encryptionInfo: { encryptionAtRestKmsKeyArn: k } }));
    BAD["aws-native:msk:Cluster"] = notCmk.map((k) => ({ encryptionInfo: { encryptionAtRest: { dataVolumeKmsKeyId: k } } }));

    BAD["aws:ebs/snapshotCopy:SnapshotCopy"] = BAD["aws:ebs/volume:Volume"];
    flagged(["aws:docdb/cluster:Cluster", "aws-native:neptune:DbCluster"], "storageEncrypted", "kmsKeyId");
    // A global cluster names no key (its members do): switched off is what is bad there.
    for (const type of [
        "aws:docdb/globalCluster:GlobalCluster",
        "aws-native:docdb:GlobalCluster",
        "aws:neptune/globalCluster:GlobalCluster",
        "aws-native:neptune:GlobalCluster",
        "aws:rds/globalCluster:GlobalCluster",
        "aws-native:rds:GlobalCluster",
    ]) {
        BAD[type] = off.map((v) => ({ storageEncrypted: v }));
    }
    flagged(["aws:neptune/cluster:Cluster"], "storageEncrypted", "kmsKeyArn");
    keyed(["aws:docdb/elasticCluster:ElasticCluster", "aws-native:docdbelastic:Cluster"], "kmsKeyId");
    BAD["aws:dax/cluster:Cluster"] = fc.oneof(
        fc.constant({}),
        fc.constantFrom(undefined, false, "false", true, "true").map((v) => ({ serverSideEncryption: { enabled: v } })),
    );
    for (const type of ["aws:lambda/function:Function", "aws-native:lambda:Function"]) {
        BAD[type] = notCmk.map((k) => ({ environment: { variables: { SETTING: "value" } }, kmsKeyArn: k }));
    }
    BAD["aws:ssm/parameter:Parameter"] = fc
        .tuple(fc.constantFrom("SecureString", "securestring", " SecureString "), notCmk)
        .map(([type, k]) => ({ type, keyId: k }));
    keyed(["aws:memorydb/cluster:Cluster"], "kmsKeyArn");
    keyed(
        [
            "aws-native:memorydb:Cluster",
            "aws:redshiftserverless/namespace:Namespace",
            "aws-native:redshiftserverless:Namespace",
            "aws:sagemaker/notebookInstance:NotebookInstance",
            "aws-native:sagemaker:NotebookInstance",
        ],
        "kmsKeyId",
    );
    for (const type of ["aws:mq/broker:Broker", "aws-native:amazonmq:Broker"]) {
        BAD[type] = fc.oneof(
            fc.constant({}),
            fc.constantFrom(undefined, true, "true").map((owned) => ({ encryptionOptions: { useAwsOwnedKey: owned, kmsKeyId: CMK } })),
            notCmk.map((k) => ({ encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: k } })),
        );
    }
    BAD["aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"] = fc.oneof(
        off.map((v) => ({ serverSideEncryption: { enabled: v, keyType: "CUSTOMER_MANAGED_CMK", keyArn: CMK } })),
        fc.constantFrom(undefined, "AWS_OWNED_CMK").map((keyType) => ({ serverSideEncryption: { enabled: true, keyType, keyArn: CMK } })),
        notCmk.map((k) => ({ serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: k } })),
    );
    BAD["aws-native:kinesisfirehose:DeliveryStream"] = fc.oneof(
        fc.constant({}),
        fc.constant({ deliveryStreamEncryptionConfigurationInput: { keyType: "AWS_OWNED_CMK", keyArn: CMK } }),
        notCmk.map((k) => ({ deliveryStreamEncryptionConfigurationInput: { keyType: "CUSTOMER_MANAGED_CMK", keyArn: k } })),
    );
    const eksConfig = fc.oneof(
        fc.constantFrom([], ["configmaps"]).map((resources) => ({ resources, provider: { keyArn: CMK } })),
        notCmk.map((k) => ({ resources: ["secrets"], provider: { keyArn: k } })),
    );
    BAD["aws:eks/cluster:Cluster"] = fc.oneof(
        fc.constant({}),
        eksConfig.map((c) => ({ encryptionConfig: c })),
    );
    BAD["aws-native:eks:Cluster"] = fc.oneof(
        fc.constant({}),
        eksConfig.map((c) => ({ encryptionConfig: [c] })),
    );

    it("has a generator of bad configurations for every covered store type", () => {
        assert.deepEqual(Object.keys(BAD).sort(), [...STORE_TYPES].sort());
    });

    it("generated unencrypted or AWS-managed/-owned store configurations are always caught", () => {
        const cases = fc.constantFrom(...Object.keys(BAD)).chain((type) => withNoise(BAD[type]).map((props) => [type, props] as const));
        fc.assert(
            fc.property(cases, ([type, props]) => {
                const messages = check(stores, type, props);
                assert.ok(messages.length >= 1, `${type} ${JSON.stringify(props)} passed`);
                assertEvaluated(messages);
            }),
            { numRuns: 2000 },
        );
    });

    it("generated symmetric keys without rotation are always caught", () => {
        const key = fc.record(
            {
                enableKeyRotation: off,
                customerMasterKeySpec: fc.constantFrom(undefined, "SYMMETRIC_DEFAULT", "symmetric_default"),
                keyUsage: fc.constantFrom(undefined, "ENCRYPT_DECRYPT"),
                description: fc.string(),
            },
            { requiredKeys: [] },
        );
        fc.assert(
            fc.property(key, fc.constantFrom(...ROTATABLE_KEY_TYPES), (props, type) => {
                const native = type.startsWith("aws-native:");
                const { customerMasterKeySpec, ...rest } = props;
                const input = native ? { ...rest, keySpec: customerMasterKeySpec } : props;
                assert.equal(check(rotation, type, input).length, 1, JSON.stringify(input));
            }),
        );
    });

    it("generated deletion windows shorter than the minimum are always caught", () => {
        fc.assert(
            fc.property(
                fc.constantFrom(...KMS_KEY_TYPES),
                fc.integer({ min: 7, max: 30 }),
                fc.integer({ min: -5, max: 40 }),
                fc.boolean(),
                (type, minimum, days, asString) => {
                    const property = type.startsWith("aws-native:") ? "pendingWindowInDays" : "deletionWindowInDays";
                    const messages = check(
                        window,
                        type,
                        { [property]: asString ? String(days) : days },
                        { minimumDeletionWindowDays: minimum },
                    );
                    assert.equal(messages.length, days < minimum ? 1 : 0, `${type} ${days} < ${minimum}`);
                },
            ),
        );
    });

    // ------------------------------------------------------------------ remediation only strengthens

    /** Is `after` equal to `before` except for `property`, which is now `expected`? */
    function onlyChanged(before: Record<string, unknown>, after: Record<string, unknown>, property: string, expected: unknown): void {
        assert.deepEqual(after[property], expected);
        const rest = (bag: Record<string, unknown>) => Object.fromEntries(Object.entries(bag).filter(([key]) => key !== property));
        assert.deepEqual(rest(after), rest(before));
    }

    const keyProps = fc.dictionary(
        fc.constantFrom(...KEYS, "description", "policy", "tags", "multiRegion", "isEnabled", "bypassPolicyLockoutSafetyCheck"),
        fc.oneof(oddValue, sentinel),
        { maxKeys: 8 },
    );

    it("rotation remediation never drops or weakens a property, and only ever sets enableKeyRotation to true", () => {
        fc.assert(
            fc.property(fc.constantFrom(...KMS_KEY_TYPES, "aws:s3/bucket:Bucket"), keyProps, (type, generated) => {
                const props = structuredClone(generated);
                const before = structuredClone(props);
                const after = remediate(rotation, type, props);
                assert.deepEqual(props, before, "input mutated");
                if (after !== undefined) {
                    assert.ok(ROTATABLE_KEY_TYPES.has(type));
                    assert.notEqual(before.enableKeyRotation, true);
                    onlyChanged(before, after, "enableKeyRotation", true);
                    assert.deepEqual(
                        check(rotation, type, after).filter((m) => /enableKeyRotation/.test(m)),
                        [],
                    );
                }
            }),
            { numRuns: 1500 },
        );
    });

    it("deletion-window remediation never shortens a window or touches anything else", () => {
        fc.assert(
            fc.property(fc.constantFrom(...KMS_KEY_TYPES), keyProps, fc.integer({ min: 7, max: 30 }), (type, generated, minimum) => {
                const props = structuredClone(generated);
                const property = type.startsWith("aws-native:") ? "pendingWindowInDays" : "deletionWindowInDays";
                const before = structuredClone(props);
                const after = remediate(window, type, props, { minimumDeletionWindowDays: minimum });
                assert.deepEqual(props, before, "input mutated");
                if (after !== undefined) {
                    const was = Number(before[property]);
                    assert.ok(Number.isInteger(was) && was < minimum, `changed ${String(before[property])}`);
                    onlyChanged(before, after, property, minimum);
                }
            }),
            { numRuns: 1500 },
        );
    });
});
