// Shared fixtures of the encryption-family tests: key references and, per covered store type,
// configurations that must pass and configurations that must fail under the default config.

export const CMK_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
export const CMK_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
export const CMK_ALIAS = "alias/zero-trust-prod-data";
export const CMK_ALIAS_ARN = "arn:aws:kms:eu-west-1:111122223333:alias/zero-trust-prod-data";
export const MRK_ID = "mrk-1234abcd12ab34cd56ef1234567890ab";
export const AWS_ALIAS = (service: string): string => `alias/aws/${service}`;
export const AWS_ALIAS_ARN = (service: string): string => `arn:aws:kms:eu-west-1:111122223333:alias/aws/${service}`;

export interface StoreCase {
    /** Passes under the default config. */
    pass: Record<string, unknown>[];
    /** Fails under the default config; `why` matches the message. */
    fail: { props: Record<string, unknown>; why: RegExp }[];
}

const NOT_ENCRYPTED = /not encrypted at rest/;
const AWS_MANAGED = /AWS-managed key/;
const AWS_OWNED = /AWS-owned key/;
const NO_KEY = /names no usable KMS key/;

const ebs = (extra: Record<string, unknown> = {}) => ({ encrypted: true, kmsKeyId: CMK_ARN, ...extra });

/** Every store type of the family, classic and aws-native, with passing and failing inputs. */
export const STORE_CASES: Record<string, StoreCase> = {
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
        pass: [
            {
                bucket: "b",
                rules: [
                    { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: CMK_ARN }, bucketKeyEnabled: true },
                ],
            },
            { bucket: "b", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms:dsse", kmsMasterKeyId: CMK_ALIAS } }] },
        ],
        fail: [
            { props: { bucket: "b", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }, why: AWS_OWNED },
            { props: { bucket: "b", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] }, why: AWS_MANAGED },
            {
                props: {
                    bucket: "b",
                    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: AWS_ALIAS("s3") } }],
                },
                why: AWS_MANAGED,
            },
            { props: { bucket: "b", rules: [{ bucketKeyEnabled: true }] }, why: AWS_OWNED },
        ],
    },
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": {
        pass: [{ bucket: "b", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: CMK_ID } }] }],
        fail: [
            {
                props: {
                    bucket: "b",
                    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: AWS_ALIAS_ARN("s3") } }],
                },
                why: AWS_MANAGED,
            },
        ],
    },
    "aws:s3/bucket:Bucket": {
        // No inline block: the stack policy (every bucket has a configuration) decides.
        pass: [
            { bucket: "b" },
            {
                serverSideEncryptionConfiguration: {
                    rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: CMK_ARN } },
                },
            },
        ],
        fail: [
            {
                props: { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } },
                why: AWS_OWNED,
            },
        ],
    },
    "aws:s3/bucketV2:BucketV2": {
        pass: [
            {},
            {
                serverSideEncryptionConfigurations: [
                    { rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "aws:kms", kmsMasterKeyId: CMK_ARN }] }] },
                ],
            },
        ],
        fail: [
            {
                props: {
                    serverSideEncryptionConfigurations: [
                        { rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "aws:kms" }] }] },
                    ],
                },
                why: AWS_MANAGED,
            },
        ],
    },
    "aws-native:s3:Bucket": {
        pass: [
            {
                bucketEncryption: {
                    serverSideEncryptionConfiguration: [
                        { serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: CMK_ARN }, bucketKeyEnabled: true },
                    ],
                },
            },
        ],
        fail: [
            { props: {}, why: AWS_OWNED },
            {
                props: {
                    bucketEncryption: {
                        serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
                    },
                },
                why: AWS_OWNED,
            },
            {
                props: {
                    bucketEncryption: {
                        serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }],
                    },
                },
                why: AWS_MANAGED,
            },
        ],
    },
    "aws:ebs/volume:Volume": {
        pass: [
            { availabilityZone: "eu-west-1a", size: 10, ...ebs() },
            { availabilityZone: "eu-west-1a", encrypted: true, kmsKeyId: CMK_ALIAS_ARN },
        ],
        fail: [
            { props: { availabilityZone: "eu-west-1a", size: 10 }, why: NOT_ENCRYPTED },
            { props: { encrypted: false }, why: NOT_ENCRYPTED },
            { props: { encrypted: true }, why: AWS_MANAGED },
            { props: { encrypted: true, kmsKeyId: AWS_ALIAS("ebs") }, why: AWS_MANAGED },
            { props: { kmsKeyId: CMK_ARN }, why: NOT_ENCRYPTED },
        ],
    },
    "aws-native:ec2:Volume": {
        pass: [{ availabilityZone: "eu-west-1a", ...ebs() }],
        fail: [
            { props: { availabilityZone: "eu-west-1a" }, why: NOT_ENCRYPTED },
            { props: { encrypted: true }, why: AWS_MANAGED },
        ],
    },
    "aws:ec2/instance:Instance": {
        pass: [
            { ami: "ami-1", rootBlockDevice: ebs(), ebsBlockDevices: [{ deviceName: "/dev/sdf", ...ebs() }] },
            { ami: "ami-1", launchTemplate: { id: "lt-1" } },
        ],
        fail: [
            { props: { ami: "ami-1" }, why: /root volume is not encrypted/ },
            { props: { rootBlockDevice: { volumeSize: 20 } }, why: NOT_ENCRYPTED },
            {
                props: { rootBlockDevice: ebs(), ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] },
                why: /ebsBlockDevices\[0\] \(\/dev\/sdf\).*AWS-managed/,
            },
            { props: { rootBlockDevice: { encrypted: true, kmsKeyId: AWS_ALIAS("ebs") } }, why: AWS_MANAGED },
        ],
    },
    "aws-native:ec2:Instance": {
        pass: [
            {
                imageId: "ami-1",
                blockDeviceMappings: [
                    { deviceName: "/dev/xvda", ebs: ebs() },
                    { deviceName: "/dev/sdb", virtualName: "ephemeral0" },
                ],
            },
            { imageId: "ami-1", launchTemplate: { launchTemplateId: "lt-1" } },
        ],
        fail: [
            { props: { imageId: "ami-1" }, why: /root volume is not encrypted/ },
            { props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20 } }] }, why: NOT_ENCRYPTED },
            { props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] }, why: AWS_MANAGED },
        ],
    },
    "aws:ec2/launchTemplate:LaunchTemplate": {
        pass: [{ blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: CMK_ARN } }] }],
        fail: [
            { props: { imageId: "ami-1" }, why: /root volume is not encrypted/ },
            { props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] }, why: NOT_ENCRYPTED },
            { props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }] }, why: AWS_MANAGED },
        ],
    },
    "aws-native:ec2:LaunchTemplate": {
        pass: [{ launchTemplateData: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: ebs() }] } }],
        fail: [
            { props: { launchTemplateData: { imageId: "ami-1" } }, why: /root volume is not encrypted/ },
            {
                props: {
                    launchTemplateData: {
                        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true, kmsKeyId: AWS_ALIAS("ebs") } }],
                    },
                },
                why: AWS_MANAGED,
            },
        ],
    },
    "aws:rds/instance:Instance": {
        pass: [
            { engine: "postgres", storageEncrypted: true, kmsKeyId: CMK_ARN },
            // A same-region read replica inherits its source's key (the source is judged itself).
            { replicateSourceDb: "db-1" },
        ],
        fail: [
            { props: { engine: "postgres" }, why: NOT_ENCRYPTED },
            { props: { engine: "postgres", storageEncrypted: false }, why: NOT_ENCRYPTED },
            { props: { engine: "postgres", storageEncrypted: true }, why: AWS_MANAGED },
            { props: { replicateSourceDb: "arn:aws:rds:eu-west-1:111122223333:db:db-1", kmsKeyId: AWS_ALIAS("rds") }, why: AWS_MANAGED },
        ],
    },
    "aws-native:rds:DbInstance": {
        pass: [
            { engine: "postgres", storageEncrypted: true, kmsKeyId: CMK_ARN },
            { engine: "aurora-postgresql", dbClusterIdentifier: "cluster-1" },
        ],
        fail: [
            { props: { engine: "postgres" }, why: NOT_ENCRYPTED },
            { props: { engine: "postgres", storageEncrypted: true, kmsKeyId: AWS_ALIAS_ARN("rds") }, why: AWS_MANAGED },
        ],
    },
    "aws:rds/cluster:Cluster": {
        pass: [
            { engine: "aurora-postgresql", storageEncrypted: true, kmsKeyId: CMK_ARN },
            { engine: "aurora-mysql", engineMode: "serverless", kmsKeyId: CMK_ARN },
        ],
        fail: [
            { props: { engine: "aurora-postgresql" }, why: NOT_ENCRYPTED },
            { props: { engine: "aurora-mysql", engineMode: "serverless" }, why: AWS_MANAGED },
            { props: { engine: "aurora-postgresql", storageEncrypted: true }, why: AWS_MANAGED },
        ],
    },
    "aws-native:rds:DbCluster": {
        pass: [{ engine: "aurora-postgresql", storageEncrypted: true, kmsKeyId: CMK_ARN }],
        fail: [
            { props: { engine: "aurora-postgresql", storageEncrypted: false }, why: NOT_ENCRYPTED },
            { props: { engine: "aurora-postgresql", storageEncrypted: true }, why: AWS_MANAGED },
        ],
    },
    "aws:dynamodb/table:Table": {
        pass: [
            { hashKey: "id", serverSideEncryption: { enabled: true, kmsKeyArn: CMK_ARN } },
            {
                serverSideEncryption: { enabled: true, kmsKeyArn: CMK_ARN },
                replicas: [
                    { regionName: "us-east-1", kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
                ],
            },
        ],
        fail: [
            { props: { hashKey: "id" }, why: AWS_OWNED },
            { props: { serverSideEncryption: { enabled: false } }, why: AWS_OWNED },
            { props: { serverSideEncryption: { enabled: true } }, why: AWS_MANAGED },
            {
                props: { serverSideEncryption: { enabled: true, kmsKeyArn: CMK_ARN }, replicas: [{ regionName: "us-east-1" }] },
                why: /replicas\[0\] \(us-east-1\).*AWS-managed/,
            },
        ],
    },
    "aws:dynamodb/tableReplica:TableReplica": {
        pass: [{ globalTableArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/t", kmsKeyArn: CMK_ARN }],
        fail: [{ props: { globalTableArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/t" }, why: AWS_MANAGED }],
    },
    "aws-native:dynamodb:Table": {
        pass: [{ sseSpecification: { sseEnabled: true, sseType: "KMS", kmsMasterKeyId: CMK_ARN } }],
        fail: [
            { props: {}, why: AWS_OWNED },
            { props: { sseSpecification: { sseEnabled: true, sseType: "KMS" } }, why: AWS_MANAGED },
        ],
    },
    "aws-native:dynamodb:GlobalTable": {
        pass: [
            {
                sseSpecification: { sseEnabled: true, sseType: "KMS" },
                replicas: [{ region: "eu-west-1", sseSpecification: { kmsMasterKeyId: CMK_ARN } }],
            },
        ],
        fail: [
            { props: { replicas: [{ region: "eu-west-1" }] }, why: AWS_OWNED },
            {
                props: { sseSpecification: { sseEnabled: true, sseType: "KMS" }, replicas: [{ region: "eu-west-1" }] },
                why: /replicas\[0\] \(eu-west-1\).*AWS-managed/,
            },
        ],
    },
    "aws:efs/fileSystem:FileSystem": {
        pass: [{ encrypted: true, kmsKeyId: CMK_ARN }],
        fail: [
            { props: {}, why: NOT_ENCRYPTED },
            { props: { encrypted: true }, why: AWS_MANAGED },
        ],
    },
    "aws-native:efs:FileSystem": {
        pass: [{ encrypted: true, kmsKeyId: CMK_ALIAS }],
        fail: [
            { props: { encrypted: false }, why: NOT_ENCRYPTED },
            { props: { encrypted: true, kmsKeyId: AWS_ALIAS("elasticfilesystem") }, why: AWS_MANAGED },
        ],
    },
    "aws:sns/topic:Topic": {
        pass: [{ name: "t", kmsMasterKeyId: CMK_ALIAS }],
        fail: [
            { props: { name: "t" }, why: NOT_ENCRYPTED },
            { props: { kmsMasterKeyId: AWS_ALIAS("sns") }, why: AWS_MANAGED },
        ],
    },
    "aws-native:sns:Topic": {
        pass: [{ kmsMasterKeyId: CMK_ARN }],
        fail: [
            { props: {}, why: NOT_ENCRYPTED },
            { props: { kmsMasterKeyId: AWS_ALIAS_ARN("sns") }, why: AWS_MANAGED },
        ],
    },
    "aws:sqs/queue:Queue": {
        pass: [{ kmsMasterKeyId: CMK_ARN, kmsDataKeyReusePeriodSeconds: 300 }],
        fail: [
            { props: {}, why: AWS_OWNED },
            { props: { sqsManagedSseEnabled: true }, why: AWS_OWNED },
            { props: { sqsManagedSseEnabled: false }, why: NOT_ENCRYPTED },
            { props: { kmsMasterKeyId: AWS_ALIAS("sqs") }, why: AWS_MANAGED },
        ],
    },
    "aws-native:sqs:Queue": {
        pass: [{ kmsMasterKeyId: CMK_ID }],
        fail: [
            { props: {}, why: AWS_OWNED },
            { props: { sqsManagedSseEnabled: false }, why: NOT_ENCRYPTED },
        ],
    },
    "aws:cloudwatch/logGroup:LogGroup": {
        pass: [{ name: "/flow-logs", retentionInDays: 365, kmsKeyId: CMK_ARN }],
        fail: [{ props: { name: "/flow-logs" }, why: AWS_OWNED }],
    },
    "aws-native:logs:LogGroup": {
        pass: [{ kmsKeyId: CMK_ARN }],
        fail: [{ props: {}, why: AWS_OWNED }],
    },
    "aws:secretsmanager/secret:Secret": {
        pass: [{ kmsKeyId: CMK_ARN, replicas: [{ region: "us-east-1", kmsKeyId: MRK_ID }] }],
        fail: [
            { props: {}, why: AWS_MANAGED },
            { props: { kmsKeyId: AWS_ALIAS("secretsmanager") }, why: AWS_MANAGED },
            { props: { kmsKeyId: AWS_ALIAS_ARN("secretsmanager") }, why: AWS_MANAGED },
            { props: { kmsKeyId: CMK_ARN, replicas: [{ region: "us-east-1" }] }, why: /replicas\[0\] \(us-east-1\)/ },
        ],
    },
    "aws-native:secretsmanager:Secret": {
        pass: [{ kmsKeyId: CMK_ARN, replicaRegions: [{ region: "us-east-1", kmsKeyId: MRK_ID }] }],
        fail: [
            { props: {}, why: AWS_MANAGED },
            { props: { kmsKeyId: AWS_ALIAS("secretsmanager") }, why: AWS_MANAGED },
            { props: { kmsKeyId: AWS_ALIAS_ARN("secretsmanager") }, why: AWS_MANAGED },
            { props: { kmsKeyId: CMK_ARN, replicaRegions: [{ region: "us-east-1" }] }, why: /replicaRegions\[0\]/ },
        ],
    },
    "aws:kinesis/stream:Stream": {
        pass: [{ shardCount: 1, encryptionType: "KMS", kmsKeyId: CMK_ARN }],
        fail: [
            { props: { shardCount: 1 }, why: NOT_ENCRYPTED },
            { props: { encryptionType: "NONE" }, why: NOT_ENCRYPTED },
            { props: { encryptionType: "KMS", kmsKeyId: AWS_ALIAS("kinesis") }, why: AWS_MANAGED },
        ],
    },
    "aws-native:kinesis:Stream": {
        pass: [{ streamEncryption: { encryptionType: "KMS", keyId: CMK_ALIAS } }],
        fail: [
            { props: {}, why: NOT_ENCRYPTED },
            { props: { streamEncryption: { encryptionType: "KMS", keyId: AWS_ALIAS("kinesis") } }, why: AWS_MANAGED },
        ],
    },
    "aws:ecr/repository:Repository": {
        pass: [{ encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: CMK_ARN }] }],
        fail: [
            { props: {}, why: AWS_OWNED },
            { props: { encryptionConfigurations: [{ encryptionType: "AES256" }] }, why: AWS_OWNED },
            { props: { encryptionConfigurations: [{ encryptionType: "KMS" }] }, why: AWS_MANAGED },
        ],
    },
    "aws-native:ecr:Repository": {
        pass: [{ encryptionConfiguration: { encryptionType: "KMS_DSSE", kmsKey: CMK_ARN } }],
        fail: [
            { props: {}, why: AWS_OWNED },
            { props: { encryptionConfiguration: { encryptionType: "KMS" } }, why: AWS_MANAGED },
        ],
    },
    "aws:opensearch/domain:Domain": {
        pass: [{ encryptAtRest: { enabled: true, kmsKeyId: CMK_ARN } }],
        fail: [
            { props: {}, why: NOT_ENCRYPTED },
            { props: { encryptAtRest: { enabled: false } }, why: NOT_ENCRYPTED },
            { props: { encryptAtRest: { enabled: true } }, why: AWS_MANAGED },
        ],
    },
    "aws:elasticsearch/domain:Domain": {
        pass: [{ encryptAtRest: { enabled: true, kmsKeyId: CMK_ARN } }],
        fail: [{ props: {}, why: NOT_ENCRYPTED }],
    },
    "aws-native:opensearchservice:Domain": {
        pass: [{ encryptionAtRestOptions: { enabled: true, kmsKeyId: CMK_ARN } }],
        fail: [
            { props: {}, why: NOT_ENCRYPTED },
            { props: { encryptionAtRestOptions: { enabled: true } }, why: AWS_MANAGED },
        ],
    },
    "aws:redshift/cluster:Cluster": {
        pass: [{ clusterIdentifier: "c", encrypted: "true", kmsKeyId: CMK_ARN }],
        fail: [
            { props: { clusterIdentifier: "c" }, why: NOT_ENCRYPTED },
            { props: { clusterIdentifier: "c", encrypted: "false" }, why: NOT_ENCRYPTED },
            { props: { clusterIdentifier: "c", encrypted: "true" }, why: AWS_MANAGED },
        ],
    },
    "aws-native:redshift:Cluster": {
        pass: [{ encrypted: true, kmsKeyId: CMK_ARN }],
        fail: [
            { props: { encrypted: false }, why: NOT_ENCRYPTED },
            { props: { encrypted: true, kmsKeyId: AWS_ALIAS("redshift") }, why: AWS_MANAGED },
        ],
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        pass: [{ atRestEncryptionEnabled: true, kmsKeyId: CMK_ARN }],
        fail: [
            { props: { engine: "redis" }, why: NOT_ENCRYPTED },
            { props: { engine: "valkey" }, why: AWS_OWNED },
            { props: { atRestEncryptionEnabled: true }, why: AWS_OWNED },
        ],
    },
    "aws-native:elasticache:ReplicationGroup": {
        pass: [{ atRestEncryptionEnabled: true, kmsKeyId: CMK_ARN }],
        fail: [
            { props: { atRestEncryptionEnabled: false }, why: NOT_ENCRYPTED },
            { props: {}, why: NOT_ENCRYPTED },
        ],
    },
    "aws:elasticache/serverlessCache:ServerlessCache": {
        pass: [{ engine: "valkey", kmsKeyId: CMK_ARN }],
        fail: [{ props: { engine: "valkey" }, why: AWS_OWNED }],
    },
    "aws-native:elasticache:ServerlessCache": {
        pass: [{ engine: "valkey", kmsKeyId: CMK_ARN }],
        fail: [{ props: { engine: "redis" }, why: AWS_OWNED }],
    },
    "aws:msk/cluster:Cluster": {
        pass: [{ encryptionInfo: { encryptionAtRestKmsKeyArn: CMK_ARN } }],
        fail: [
            { props: {}, why: AWS_MANAGED },
            { props: { encryptionInfo: { encryptionInTransit: { clientBroker: "TLS" } } }, why: AWS_MANAGED },
        ],
    },
    "aws-native:msk:Cluster": {
        pass: [{ encryptionInfo: { encryptionAtRest: { dataVolumeKmsKeyId: CMK_ARN } } }],
        fail: [{ props: {}, why: AWS_MANAGED }],
    },
    "aws:backup/vault:Vault": {
        pass: [{ kmsKeyArn: CMK_ARN }],
        fail: [{ props: {}, why: AWS_MANAGED }],
    },
    "aws-native:backup:BackupVault": {
        pass: [{ encryptionKeyArn: CMK_ARN }],
        fail: [{ props: { encryptionKeyArn: AWS_ALIAS_ARN("backup") }, why: AWS_MANAGED }],
    },
    "aws:cloudtrail/trail:Trail": {
        pass: [{ s3BucketName: "trail", kmsKeyId: CMK_ARN }],
        fail: [
            { props: { s3BucketName: "trail" }, why: AWS_OWNED },
            { props: { s3BucketName: "trail", kmsKeyId: "my-key" }, why: NO_KEY },
        ],
    },
    "aws-native:cloudtrail:Trail": {
        pass: [{ s3BucketName: "trail", kmsKeyId: CMK_ALIAS }],
        fail: [{ props: { s3BucketName: "trail" }, why: AWS_OWNED }],
    },
    "aws:ebs/snapshotCopy:SnapshotCopy": {
        pass: [{ sourceSnapshotId: "snap-1", sourceRegion: "eu-west-1", ...ebs() }],
        fail: [
            { props: { sourceSnapshotId: "snap-1", sourceRegion: "eu-west-1" }, why: NOT_ENCRYPTED },
            { props: { sourceSnapshotId: "snap-1", encrypted: true }, why: AWS_MANAGED },
            { props: { sourceSnapshotId: "snap-1", encrypted: true, kmsKeyId: AWS_ALIAS("ebs") }, why: AWS_MANAGED },
        ],
    },
    "aws:docdb/cluster:Cluster": {
        pass: [
            { engine: "docdb", storageEncrypted: true, kmsKeyId: CMK_ARN },
            // A restore inherits its snapshot's encryption (the snapshot's cluster is judged itself).
            { snapshotIdentifier: "snap-1" },
        ],
        fail: [
            { props: { engine: "docdb" }, why: NOT_ENCRYPTED },
            { props: { storageEncrypted: false, kmsKeyId: CMK_ARN }, why: NOT_ENCRYPTED },
            { props: { storageEncrypted: true }, why: /aws\/rds.*allowAwsManagedKeysFor \["documentdb"\]/ },
            { props: { snapshotIdentifier: "snap-1", kmsKeyId: AWS_ALIAS("rds") }, why: AWS_MANAGED },
        ],
    },
    "aws:docdb/globalCluster:GlobalCluster": {
        pass: [
            { globalClusterIdentifier: "g", storageEncrypted: true },
            { sourceDbClusterIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster:c" },
        ],
        fail: [
            { props: { globalClusterIdentifier: "g" }, why: NOT_ENCRYPTED },
            { props: { storageEncrypted: false }, why: NOT_ENCRYPTED },
        ],
    },
    "aws-native:docdb:GlobalCluster": {
        pass: [{ storageEncrypted: true }],
        fail: [{ props: {}, why: NOT_ENCRYPTED }],
    },
    "aws:docdb/elasticCluster:ElasticCluster": {
        pass: [{ authType: "SECRET_ARN", kmsKeyId: CMK_ARN }],
        fail: [{ props: { authType: "SECRET_ARN" }, why: AWS_MANAGED }],
    },
    "aws-native:docdbelastic:Cluster": {
        pass: [{ authType: "SECRET_ARN", kmsKeyId: CMK_ALIAS }],
        fail: [{ props: { authType: "SECRET_ARN", kmsKeyId: AWS_ALIAS("rds") }, why: AWS_MANAGED }],
    },
    "aws:neptune/cluster:Cluster": {
        pass: [
            { storageEncrypted: true, kmsKeyArn: CMK_ARN },
            { replicationSourceIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster:c" },
        ],
        fail: [
            { props: {}, why: NOT_ENCRYPTED },
            { props: { storageEncrypted: true }, why: /no kmsKeyArn: the AWS-managed key aws\/rds/ },
            // Neptune's classic cluster names its key kmsKeyArn; a kmsKeyId is not read.
            { props: { storageEncrypted: true, kmsKeyId: CMK_ARN }, why: AWS_MANAGED },
        ],
    },
    "aws-native:neptune:DbCluster": {
        pass: [
            { storageEncrypted: true, kmsKeyId: CMK_ARN },
            { sourceDbClusterIdentifier: "c", restoreType: "copy-on-write" },
        ],
        fail: [
            { props: {}, why: NOT_ENCRYPTED },
            { props: { storageEncrypted: true, kmsKeyId: AWS_ALIAS_ARN("rds") }, why: AWS_MANAGED },
        ],
    },
    "aws:neptune/globalCluster:GlobalCluster": {
        pass: [{ storageEncrypted: true }],
        fail: [{ props: { engine: "neptune" }, why: NOT_ENCRYPTED }],
    },
    "aws-native:neptune:GlobalCluster": {
        pass: [{ sourceDbClusterIdentifier: "c" }],
        fail: [{ props: { storageEncrypted: false }, why: NOT_ENCRYPTED }],
    },
    "aws:rds/globalCluster:GlobalCluster": {
        pass: [
            { engine: "aurora-postgresql", storageEncrypted: true },
            { sourceDbClusterIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster:c" },
        ],
        fail: [
            { props: { engine: "aurora-postgresql" }, why: /member storage is not encrypted/ },
            { props: { storageEncrypted: "yes" }, why: NOT_ENCRYPTED },
        ],
    },
    "aws-native:rds:GlobalCluster": {
        pass: [{ engine: "aurora-mysql", storageEncrypted: true }],
        fail: [{ props: { engine: "aurora-mysql", storageEncrypted: false }, why: NOT_ENCRYPTED }],
    },
    "aws:dax/cluster:Cluster": {
        // DAX takes no customer-managed key: it passes only where AWS-owned keys are allowed (see the config tests).
        pass: [],
        fail: [
            { props: { nodeType: "dax.r5.large" }, why: NOT_ENCRYPTED },
            { props: { serverSideEncryption: { enabled: false } }, why: NOT_ENCRYPTED },
            { props: { serverSideEncryption: { enabled: true } }, why: AWS_OWNED },
        ],
    },
    "aws:lambda/function:Function": {
        pass: [
            { runtime: "nodejs20.x", environment: { variables: { TOPIC: "t" } }, kmsKeyArn: CMK_ARN },
            // Nothing at rest to judge without variables.
            { runtime: "nodejs20.x" },
            { runtime: "nodejs20.x", environment: { variables: {} } },
        ],
        fail: [
            { props: { environment: { variables: { TOPIC: "t" } } }, why: /environment variables .*aws\/lambda/ },
            { props: { environment: { variables: { TOPIC: "t" } }, kmsKeyArn: AWS_ALIAS_ARN("lambda") }, why: AWS_MANAGED },
            { props: { environment: { variables: { TOPIC: "t" } }, kmsKeyArn: "my-key" }, why: NO_KEY },
        ],
    },
    "aws-native:lambda:Function": {
        pass: [{ environment: { variables: { TOPIC: "t" } }, kmsKeyArn: CMK_ARN }, { role: "r" }],
        fail: [{ props: { environment: { variables: { TOPIC: "t" } } }, why: AWS_MANAGED }],
    },
    "aws:ssm/parameter:Parameter": {
        pass: [
            { type: "SecureString", value: "s", keyId: CMK_ALIAS },
            // String and StringList are plain by design: not a place for secrets, nothing encrypted to judge.
            { type: "String", value: "v" },
        ],
        fail: [
            { props: { type: "SecureString", value: "s" }, why: /SecureString without keyId.*aws\/ssm/ },
            { props: { type: "SecureString", keyId: AWS_ALIAS("ssm") }, why: AWS_MANAGED },
            { props: { type: "securestring", keyId: "" }, why: AWS_MANAGED },
        ],
    },
    "aws:memorydb/cluster:Cluster": {
        pass: [{ nodeType: "db.r6g.large", kmsKeyArn: CMK_ARN }],
        fail: [
            { props: { nodeType: "db.r6g.large" }, why: AWS_OWNED },
            { props: { kmsKeyArn: AWS_ALIAS("memorydb") }, why: AWS_MANAGED },
        ],
    },
    "aws-native:memorydb:Cluster": {
        pass: [{ nodeType: "db.r6g.large", kmsKeyId: CMK_ID }],
        fail: [{ props: { nodeType: "db.r6g.large" }, why: AWS_OWNED }],
    },
    "aws:redshiftserverless/namespace:Namespace": {
        pass: [{ namespaceName: "n", kmsKeyId: CMK_ARN }],
        fail: [{ props: { namespaceName: "n" }, why: AWS_OWNED }],
    },
    "aws-native:redshiftserverless:Namespace": {
        pass: [{ namespaceName: "n", kmsKeyId: CMK_ARN }],
        fail: [{ props: { namespaceName: "n", kmsKeyId: AWS_ALIAS("redshift") }, why: AWS_MANAGED }],
    },
    "aws:sagemaker/notebookInstance:NotebookInstance": {
        pass: [{ instanceType: "ml.t3.medium", kmsKeyId: CMK_ARN }],
        fail: [{ props: { instanceType: "ml.t3.medium" }, why: AWS_OWNED }],
    },
    "aws-native:sagemaker:NotebookInstance": {
        pass: [{ instanceType: "ml.t3.medium", kmsKeyId: CMK_ARN }],
        fail: [{ props: { instanceType: "ml.t3.medium" }, why: AWS_OWNED }],
    },
    "aws:mq/broker:Broker": {
        pass: [{ engineType: "RabbitMQ", encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: CMK_ARN } }],
        fail: [
            { props: { engineType: "RabbitMQ" }, why: AWS_OWNED },
            // The key is ignored while the AWS-owned key is in use (AWS CreateBroker EncryptionOptions).
            { props: { encryptionOptions: { useAwsOwnedKey: true, kmsKeyId: CMK_ARN } }, why: AWS_OWNED },
            { props: { encryptionOptions: { kmsKeyId: CMK_ARN } }, why: AWS_OWNED },
            { props: { encryptionOptions: { useAwsOwnedKey: false } }, why: /aws\/mq/ },
        ],
    },
    "aws-native:amazonmq:Broker": {
        pass: [{ engineType: "ACTIVEMQ", encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: CMK_ARN } }],
        fail: [
            { props: { engineType: "ACTIVEMQ" }, why: AWS_OWNED },
            { props: { encryptionOptions: { useAwsOwnedKey: true } }, why: AWS_OWNED },
        ],
    },
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": {
        pass: [
            { destination: "extended_s3", serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: CMK_ARN } },
            // A Kinesis source holds the data at rest, not Firehose: the stream is judged.
            {
                destination: "extended_s3",
                kinesisSourceConfiguration: { kinesisStreamArn: "arn:aws:kinesis:eu-west-1:111122223333:stream/s" },
            },
        ],
        fail: [
            { props: { destination: "extended_s3" }, why: AWS_OWNED },
            { props: { serverSideEncryption: { enabled: true } }, why: /AWS_OWNED_CMK/ },
            {
                props: { serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK" } },
                why: /CUSTOMER_MANAGED_CMK without keyArn/,
            },
            { props: { serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK", keyArn: CMK_ARN } }, why: AWS_OWNED },
            { props: { serverSideEncryption: { enabled: false, keyType: "CUSTOMER_MANAGED_CMK", keyArn: CMK_ARN } }, why: AWS_OWNED },
        ],
    },
    "aws-native:kinesisfirehose:DeliveryStream": {
        pass: [
            { deliveryStreamEncryptionConfigurationInput: { keyType: "CUSTOMER_MANAGED_CMK", keyArn: CMK_ARN } },
            {
                deliveryStreamType: "MSKAsSource",
                mskSourceConfiguration: { mskClusterArn: "arn:aws:kafka:eu-west-1:111122223333:cluster/c/1" },
            },
        ],
        fail: [
            { props: {}, why: AWS_OWNED },
            { props: { deliveryStreamEncryptionConfigurationInput: { keyType: "AWS_OWNED_CMK" } }, why: AWS_OWNED },
            { props: { deliveryStreamEncryptionConfigurationInput: { keyType: "CUSTOMER_MANAGED_CMK", keyArn: "key" } }, why: NO_KEY },
        ],
    },
    "aws:eks/cluster:Cluster": {
        pass: [{ roleArn: "r", encryptionConfig: { resources: ["secrets"], provider: { keyArn: CMK_ARN } } }],
        fail: [
            { props: { roleArn: "r" }, why: /no encryptionConfig for secrets/ },
            { props: { encryptionConfig: { resources: [], provider: { keyArn: CMK_ARN } } }, why: AWS_OWNED },
            { props: { encryptionConfig: { resources: ["secrets"], provider: { keyArn: AWS_ALIAS("eks") } } }, why: AWS_MANAGED },
        ],
    },
    "aws-native:eks:Cluster": {
        pass: [{ encryptionConfig: [{ resources: ["secrets"], provider: { keyArn: CMK_ALIAS_ARN } }] }],
        fail: [
            { props: {}, why: AWS_OWNED },
            { props: { encryptionConfig: [{ resources: ["configmaps"], provider: { keyArn: CMK_ARN } }] }, why: AWS_OWNED },
        ],
    },
};
