// Store readers for the classic provider (@pulumi/aws v7). Property names as the SDK (and so the
// policy) sees them; see node_modules/@pulumi/aws/<module>/<resource>.d.ts and types/input.d.ts.

import { UNKNOWN } from "../known";
import { classicInstanceViews, ebsView, launchTemplateViews } from "./block-devices";
import {
    BACKUP_DEFAULT_KEY,
    CLOUDTRAIL_DEFAULT,
    DYNAMODB_DEFAULT_KEY,
    dynamoSseView,
    ecrViews,
    EFS_DEFAULT_KEY,
    EFS_UNSET,
    elastiCacheView,
    ELASTICACHE_DEFAULT_KEY,
    enabledBlockView,
    kinesisView,
    LOGS_DEFAULT,
    MSK_DEFAULT_KEY,
    rdsClusterUnset,
    rdsView,
    RDS_UNSET,
    REDSHIFT_DEFAULT_KEY,
    REDSHIFT_UNSET,
    replicaKeyViews,
    s3RulesViews,
    SECRETS_DEFAULT_KEY,
    SNS_UNENCRYPTED,
    sqsView,
} from "./services";
import { flagView, isSet, keyView, StoreEncryption, StoreReader, unknownView } from "./store-encryption";

const S3_DEFAULT_KEYS = ["applyServerSideEncryptionByDefault", "applyServerSideEncryptionByDefaults"] as const;

export const classicBucketEncryption: StoreReader = {
    store: "s3",
    label: "S3 bucket encryption configuration",
    types: [
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    ],
    read: (props, reading) => s3RulesViews(reading, reading.list(props, "rules"), "rules", S3_DEFAULT_KEYS),
};

/**
 * v7 moved encryption off the bucket; the deprecated inline block is still accepted. A bucket that
 * declares it is judged here; one that does not is left to the stack policy that requires every
 * bucket to have an encryption configuration.
 */
export const classicBucketInline: StoreReader = {
    store: "s3",
    label: "S3 bucket",
    types: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
    read(props, reading) {
        const views: StoreEncryption[] = [];
        for (const property of ["serverSideEncryptionConfiguration", "serverSideEncryptionConfigurations"]) {
            const configs = reading.list(props, property);
            if (configs === UNKNOWN) {
                views.push(unknownView(property, `${property} is unknown`));
                continue;
            }
            configs.forEach((config) => {
                if (config === UNKNOWN) {
                    views.push(unknownView(property, `${property} is unknown`));
                    return;
                }
                const rules = [reading.list(config, "rule"), reading.list(config, "rules")];
                const all = rules.includes(UNKNOWN) ? UNKNOWN : rules.flatMap((r) => (r === UNKNOWN ? [] : r));
                views.push(...s3RulesViews(reading, all, `${property}.rules`, S3_DEFAULT_KEYS));
            });
        }
        return views;
    },
};

export const classicEbsVolume: StoreReader = {
    store: "ebs",
    label: "EBS volume",
    types: ["aws:ebs/volume:Volume"],
    read: (props, reading) => [ebsView(reading, "volume", props)],
};

export const classicInstance: StoreReader = {
    store: "ec2-instance",
    label: "EC2 instance",
    types: ["aws:ec2/instance:Instance"],
    read: classicInstanceViews,
};

export const classicLaunchTemplate: StoreReader = {
    store: "launch-template",
    label: "EC2 launch template",
    types: ["aws:ec2/launchTemplate:LaunchTemplate"],
    read: (props, reading) => launchTemplateViews(reading, props, ""),
};

export const classicRdsInstance: StoreReader = {
    store: "rds",
    label: "RDS DB instance",
    types: ["aws:rds/instance:Instance"],
    read: (props, reading) => rdsView(reading, props, ["replicateSourceDb", "snapshotIdentifier"], RDS_UNSET),
};

export const classicRdsCluster: StoreReader = {
    store: "rds",
    label: "RDS DB cluster",
    types: ["aws:rds/cluster:Cluster"],
    read(props, reading) {
        const unset = isSet(reading, props, "storageEncrypted") ? RDS_UNSET : rdsClusterUnset(reading, props);
        if (unset === "unknown") {
            return [unknownView("storage", "engineMode is unknown and storageEncrypted is not set")];
        }
        return rdsView(reading, props, ["snapshotIdentifier", "replicationSourceIdentifier"], unset);
    },
};

export const classicDynamoDbTable: StoreReader = {
    store: "dynamodb",
    label: "DynamoDB table",
    types: ["aws:dynamodb/table:Table"],
    read(props, reading) {
        const table = dynamoSseView(reading, "table", reading.get(props, "serverSideEncryption"), "enabled", "kmsKeyArn");
        // Replicas use their own region's key; they matter once the table uses KMS at all.
        if (table.encrypted !== "yes" || table.keyKind === "aws-owned") {
            return [table];
        }
        return [table, ...replicaKeyViews(reading, reading.list(props, "replicas"), "replicas", "regionName", (r) => r, "kmsKeyArn", DYNAMODB_DEFAULT_KEY)];
    },
};

export const classicDynamoDbTableReplica: StoreReader = {
    store: "dynamodb",
    label: "DynamoDB table replica",
    types: ["aws:dynamodb/tableReplica:TableReplica"],
    read: (props, reading) => [keyView(reading, "replica", props, "kmsKeyArn", DYNAMODB_DEFAULT_KEY)],
};

export const classicEfs: StoreReader = {
    store: "efs",
    label: "EFS file system",
    types: ["aws:efs/fileSystem:FileSystem"],
    read: (props, reading) => [flagView(reading, "file system", props, "encrypted", "kmsKeyId", EFS_UNSET, EFS_DEFAULT_KEY)],
};

export const classicSnsTopic: StoreReader = {
    store: "sns",
    label: "SNS topic",
    types: ["aws:sns/topic:Topic"],
    read: (props, reading) => [keyView(reading, "messages", props, "kmsMasterKeyId", SNS_UNENCRYPTED)],
};

export const classicSqsQueue: StoreReader = {
    store: "sqs",
    label: "SQS queue",
    types: ["aws:sqs/queue:Queue"],
    read: (props, reading) => [sqsView(reading, props)],
};

export const classicLogGroup: StoreReader = {
    store: "cloudwatch-logs",
    label: "CloudWatch log group",
    types: ["aws:cloudwatch/logGroup:LogGroup"],
    read: (props, reading) => [keyView(reading, "log events", props, "kmsKeyId", LOGS_DEFAULT)],
};

export const classicSecret: StoreReader = {
    store: "secrets-manager",
    label: "Secrets Manager secret",
    types: ["aws:secretsmanager/secret:Secret"],
    read: (props, reading) => [
        keyView(reading, "secret", props, "kmsKeyId", SECRETS_DEFAULT_KEY),
        ...replicaKeyViews(reading, reading.list(props, "replicas"), "replicas", "region", (r) => r, "kmsKeyId", SECRETS_DEFAULT_KEY),
    ],
};

export const classicKinesisStream: StoreReader = {
    store: "kinesis",
    label: "Kinesis stream",
    types: ["aws:kinesis/stream:Stream"],
    read: (props, reading) => [kinesisView(reading, props, "kmsKeyId")],
};

export const classicEcrRepository: StoreReader = {
    store: "ecr",
    label: "ECR repository",
    types: ["aws:ecr/repository:Repository"],
    read: (props, reading) => ecrViews(reading, reading.list(props, "encryptionConfigurations"), "encryptionConfigurations"),
};

export const classicOpenSearchDomain: StoreReader = {
    store: "opensearch",
    label: "OpenSearch domain",
    types: ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"],
    read: (props, reading) => [enabledBlockView(reading, "encryptAtRest", reading.get(props, "encryptAtRest"))],
};

export const classicRedshiftCluster: StoreReader = {
    store: "redshift",
    label: "Redshift cluster",
    types: ["aws:redshift/cluster:Cluster"],
    read(props, reading) {
        // A restore inherits the snapshot's encryption unless it names a key (v7 types `encrypted` as a string).
        if (isSet(reading, props, "snapshotIdentifier") && !isSet(reading, props, "encrypted") && !isSet(reading, props, "kmsKeyId")) {
            return [];
        }
        return [flagView(reading, "cluster", props, "encrypted", "kmsKeyId", REDSHIFT_UNSET, REDSHIFT_DEFAULT_KEY)];
    },
};

export const classicElastiCacheReplicationGroup: StoreReader = {
    store: "elasticache",
    label: "ElastiCache replication group",
    types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    read: (props, reading) => [elastiCacheView(reading, props)],
};

export const classicElastiCacheServerless: StoreReader = {
    store: "elasticache",
    label: "ElastiCache serverless cache",
    types: ["aws:elasticache/serverlessCache:ServerlessCache"],
    read: (props, reading) => [keyView(reading, "cache", props, "kmsKeyId", ELASTICACHE_DEFAULT_KEY)],
};

export const classicMskCluster: StoreReader = {
    store: "msk",
    label: "MSK cluster",
    types: ["aws:msk/cluster:Cluster"],
    read(props, reading) {
        const info = reading.get(props, "encryptionInfo");
        return [info === UNKNOWN ? unknownView("broker storage", "encryptionInfo is unknown") : keyView(reading, "broker storage", info, "encryptionAtRestKmsKeyArn", MSK_DEFAULT_KEY)];
    },
};

export const classicBackupVault: StoreReader = {
    store: "backup",
    label: "Backup vault",
    types: ["aws:backup/vault:Vault"],
    read: (props, reading) => [keyView(reading, "recovery points", props, "kmsKeyArn", BACKUP_DEFAULT_KEY)],
};

export const classicCloudTrail: StoreReader = {
    store: "cloudtrail",
    label: "CloudTrail trail",
    types: ["aws:cloudtrail/trail:Trail"],
    read: (props, reading) => [keyView(reading, "log files", props, "kmsKeyId", CLOUDTRAIL_DEFAULT)],
};

export const CLASSIC_STORE_READERS: readonly StoreReader[] = [
    classicBucketEncryption,
    classicBucketInline,
    classicEbsVolume,
    classicInstance,
    classicLaunchTemplate,
    classicRdsInstance,
    classicRdsCluster,
    classicDynamoDbTable,
    classicDynamoDbTableReplica,
    classicEfs,
    classicSnsTopic,
    classicSqsQueue,
    classicLogGroup,
    classicSecret,
    classicKinesisStream,
    classicEcrRepository,
    classicOpenSearchDomain,
    classicRedshiftCluster,
    classicElastiCacheReplicationGroup,
    classicElastiCacheServerless,
    classicMskCluster,
    classicBackupVault,
    classicCloudTrail,
];
