// Store readers for @pulumi/aws-native (CloudFormation resource shapes, SDK camelCase names); see
// @pulumi/aws-native/<module>/<resource>.d.ts and types/input.d.ts.

import { UNKNOWN } from "../known";
import { ebsView, launchTemplateViews, nativeInstanceViews } from "./block-devices";
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
import { flagView, isSet, keyView, StoreReader, unknownView } from "./store-encryption";

/** The bucket itself carries its encryption; without `bucketEncryption` S3 applies SSE-S3. */
export const nativeBucket: StoreReader = {
    store: "s3",
    label: "S3 bucket",
    types: ["aws-native:s3:Bucket"],
    read(props, reading) {
        const encryption = reading.get(props, "bucketEncryption");
        if (encryption === UNKNOWN) {
            return [unknownView("bucketEncryption", "bucketEncryption is unknown")];
        }
        if (encryption === undefined || encryption === null) {
            return [{ origin: "bucketEncryption", encrypted: "yes", keyKind: "aws-owned", note: "not set: S3 applies SSE-S3 (keys S3 owns)" }];
        }
        const rules = reading.list(encryption, "serverSideEncryptionConfiguration");
        return s3RulesViews(reading, rules, "bucketEncryption.serverSideEncryptionConfiguration", ["serverSideEncryptionByDefault"]);
    },
};

export const nativeVolume: StoreReader = {
    store: "ebs",
    label: "EBS volume",
    types: ["aws-native:ec2:Volume"],
    read: (props, reading) => [ebsView(reading, "volume", props)],
};

export const nativeInstance: StoreReader = {
    store: "ec2-instance",
    label: "EC2 instance",
    types: ["aws-native:ec2:Instance"],
    read: nativeInstanceViews,
};

export const nativeLaunchTemplate: StoreReader = {
    store: "launch-template",
    label: "EC2 launch template",
    types: ["aws-native:ec2:LaunchTemplate"],
    read: (props, reading) => launchTemplateViews(reading, reading.get(props, "launchTemplateData"), "launchTemplateData."),
};

export const nativeDbInstance: StoreReader = {
    store: "rds",
    label: "RDS DB instance",
    types: ["aws-native:rds:DbInstance"],
    read(props, reading) {
        // A member of an Aurora or Multi-AZ DB cluster stores its data in the cluster's volume.
        if (isSet(reading, props, "dbClusterIdentifier")) {
            return [];
        }
        return rdsView(
            reading,
            props,
            ["sourceDbInstanceIdentifier", "sourceDbClusterIdentifier", "dbSnapshotIdentifier", "dbClusterSnapshotIdentifier", "sourceDbiResourceId", "sourceDbInstanceAutomatedBackupsArn"],
            RDS_UNSET,
        );
    },
};

export const nativeDbCluster: StoreReader = {
    store: "rds",
    label: "RDS DB cluster",
    types: ["aws-native:rds:DbCluster"],
    read(props, reading) {
        const unset = isSet(reading, props, "storageEncrypted") ? RDS_UNSET : rdsClusterUnset(reading, props);
        if (unset === "unknown") {
            return [unknownView("storage", "engineMode is unknown and storageEncrypted is not set")];
        }
        return rdsView(reading, props, ["snapshotIdentifier", "sourceDbClusterIdentifier", "replicationSourceIdentifier"], unset);
    },
};

export const nativeDynamoDbTable: StoreReader = {
    store: "dynamodb",
    label: "DynamoDB table",
    types: ["aws-native:dynamodb:Table"],
    read: (props, reading) => [dynamoSseView(reading, "table", reading.get(props, "sseSpecification"), "sseEnabled", "kmsMasterKeyId")],
};

/** Global tables switch KMS on for the table and name the key per replica region. */
export const nativeDynamoDbGlobalTable: StoreReader = {
    store: "dynamodb",
    label: "DynamoDB global table",
    types: ["aws-native:dynamodb:GlobalTable"],
    read(props, reading) {
        const table = dynamoSseView(reading, "table", reading.get(props, "sseSpecification"), "sseEnabled", "kmsMasterKeyId");
        if (table.encrypted !== "yes" || table.keyKind === "aws-owned") {
            return [table];
        }
        const replicas = replicaKeyViews(reading, reading.list(props, "replicas"), "replicas", "region", (r) => reading.get(r, "sseSpecification"), "kmsMasterKeyId", DYNAMODB_DEFAULT_KEY);
        return replicas.length > 0 ? replicas : [table];
    },
};

export const nativeEfs: StoreReader = {
    store: "efs",
    label: "EFS file system",
    types: ["aws-native:efs:FileSystem"],
    read: (props, reading) => [flagView(reading, "file system", props, "encrypted", "kmsKeyId", EFS_UNSET, EFS_DEFAULT_KEY)],
};

export const nativeSnsTopic: StoreReader = {
    store: "sns",
    label: "SNS topic",
    types: ["aws-native:sns:Topic"],
    read: (props, reading) => [keyView(reading, "messages", props, "kmsMasterKeyId", SNS_UNENCRYPTED)],
};

export const nativeSqsQueue: StoreReader = {
    store: "sqs",
    label: "SQS queue",
    types: ["aws-native:sqs:Queue"],
    read: (props, reading) => [sqsView(reading, props)],
};

export const nativeLogGroup: StoreReader = {
    store: "cloudwatch-logs",
    label: "CloudWatch log group",
    types: ["aws-native:logs:LogGroup"],
    read: (props, reading) => [keyView(reading, "log events", props, "kmsKeyId", LOGS_DEFAULT)],
};

export const nativeSecret: StoreReader = {
    store: "secrets-manager",
    label: "Secrets Manager secret",
    types: ["aws-native:secretsmanager:Secret"],
    read: (props, reading) => [
        keyView(reading, "secret", props, "kmsKeyId", SECRETS_DEFAULT_KEY),
        ...replicaKeyViews(reading, reading.list(props, "replicaRegions"), "replicaRegions", "region", (r) => r, "kmsKeyId", SECRETS_DEFAULT_KEY),
    ],
};

export const nativeKinesisStream: StoreReader = {
    store: "kinesis",
    label: "Kinesis stream",
    types: ["aws-native:kinesis:Stream"],
    read(props, reading) {
        const encryption = reading.get(props, "streamEncryption");
        if (encryption === undefined || encryption === null) {
            return [{ origin: "stream", encrypted: "no", keyKind: "none", note: "streamEncryption is not set" }];
        }
        return [kinesisView(reading, encryption, "keyId")];
    },
};

export const nativeEcrRepository: StoreReader = {
    store: "ecr",
    label: "ECR repository",
    types: ["aws-native:ecr:Repository"],
    read: (props, reading) => ecrViews(reading, reading.list(props, "encryptionConfiguration"), "encryptionConfiguration"),
};

export const nativeOpenSearchDomain: StoreReader = {
    store: "opensearch",
    label: "OpenSearch domain",
    types: ["aws-native:opensearchservice:Domain"],
    read: (props, reading) => [enabledBlockView(reading, "encryptionAtRestOptions", reading.get(props, "encryptionAtRestOptions"))],
};

export const nativeRedshiftCluster: StoreReader = {
    store: "redshift",
    label: "Redshift cluster",
    types: ["aws-native:redshift:Cluster"],
    read(props, reading) {
        if (isSet(reading, props, "snapshotIdentifier") && !isSet(reading, props, "encrypted") && !isSet(reading, props, "kmsKeyId")) {
            return [];
        }
        return [flagView(reading, "cluster", props, "encrypted", "kmsKeyId", REDSHIFT_UNSET, REDSHIFT_DEFAULT_KEY)];
    },
};

export const nativeElastiCacheReplicationGroup: StoreReader = {
    store: "elasticache",
    label: "ElastiCache replication group",
    types: ["aws-native:elasticache:ReplicationGroup"],
    read: (props, reading) => [elastiCacheView(reading, props)],
};

export const nativeElastiCacheServerless: StoreReader = {
    store: "elasticache",
    label: "ElastiCache serverless cache",
    types: ["aws-native:elasticache:ServerlessCache"],
    read: (props, reading) => [keyView(reading, "cache", props, "kmsKeyId", ELASTICACHE_DEFAULT_KEY)],
};

export const nativeMskCluster: StoreReader = {
    store: "msk",
    label: "MSK cluster",
    types: ["aws-native:msk:Cluster"],
    read(props, reading) {
        const info = reading.get(props, "encryptionInfo");
        const atRest = info === UNKNOWN ? UNKNOWN : reading.get(info, "encryptionAtRest");
        return [atRest === UNKNOWN ? unknownView("broker storage", "encryptionInfo is unknown") : keyView(reading, "broker storage", atRest, "dataVolumeKmsKeyId", MSK_DEFAULT_KEY)];
    },
};

export const nativeBackupVault: StoreReader = {
    store: "backup",
    label: "Backup vault",
    types: ["aws-native:backup:BackupVault"],
    read: (props, reading) => [keyView(reading, "recovery points", props, "encryptionKeyArn", BACKUP_DEFAULT_KEY)],
};

export const nativeCloudTrail: StoreReader = {
    store: "cloudtrail",
    label: "CloudTrail trail",
    types: ["aws-native:cloudtrail:Trail"],
    read: (props, reading) => [keyView(reading, "log files", props, "kmsKeyId", CLOUDTRAIL_DEFAULT)],
};

export const NATIVE_STORE_READERS: readonly StoreReader[] = [
    nativeBucket,
    nativeVolume,
    nativeInstance,
    nativeLaunchTemplate,
    nativeDbInstance,
    nativeDbCluster,
    nativeDynamoDbTable,
    nativeDynamoDbGlobalTable,
    nativeEfs,
    nativeSnsTopic,
    nativeSqsQueue,
    nativeLogGroup,
    nativeSecret,
    nativeKinesisStream,
    nativeEcrRepository,
    nativeOpenSearchDomain,
    nativeRedshiftCluster,
    nativeElastiCacheReplicationGroup,
    nativeElastiCacheServerless,
    nativeMskCluster,
    nativeBackupVault,
    nativeCloudTrail,
];
