// Store readers whose shape is the same in both providers. Each takes the provider's type tokens
// and, where the providers differ, the property names; stores-classic.ts and stores-native.ts
// state only those. Readers whose shape differs between providers stay in the provider files.

import { UNKNOWN } from "../known";
import { ebsView, launchTemplateViews } from "./block-devices";
import {
    BACKUP_DEFAULT_KEY,
    CLOUDTRAIL_DEFAULT,
    DOCUMENTDB_ELASTIC_DEFAULT_KEY,
    DOCUMENTDB_NEPTUNE_UNSET,
    ecrViews,
    EFS_DEFAULT_KEY,
    EFS_UNSET,
    elastiCacheView,
    ELASTICACHE_DEFAULT_KEY,
    eksSecretsView,
    enabledBlockView,
    firehoseView,
    globalClusterViews,
    lambdaEnvironmentViews,
    LOGS_DEFAULT,
    MEMORYDB_DEFAULT,
    mqView,
    MSK_DEFAULT_KEY,
    rdsClusterUnset,
    rdsView,
    RDS_UNSET,
    REDSHIFT_DEFAULT_KEY,
    REDSHIFT_SERVERLESS_DEFAULT,
    REDSHIFT_UNSET,
    replicaKeyViews,
    SAGEMAKER_NOTEBOOK_DEFAULT,
    SECRETS_DEFAULT_KEY,
    SNS_UNENCRYPTED,
    sqsView,
} from "./services";
import { flagView, isSet, keyView, StoreReader, unknownView } from "./store-encryption";

type Types = readonly string[];

export const ebsVolume = (types: Types): StoreReader => ({
    store: "ebs",
    label: "EBS volume",
    types,
    read: (props, reading) => [ebsView(reading, "volume", props)],
});

/** `read`: the provider's block-device layout (see block-devices.ts). */
export const ec2Instance = (types: Types, read: StoreReader["read"]): StoreReader => ({
    store: "ec2-instance",
    label: "EC2 instance",
    types,
    read,
});

/**
 * `dataProperty` holds the template's data (aws-native's `launchTemplateData`); without it the
 * data are the resource's own properties (classic).
 */
export const launchTemplate = (types: Types, dataProperty?: string): StoreReader => ({
    store: "launch-template",
    label: "EC2 launch template",
    types,
    read: (props, reading) =>
        dataProperty === undefined
            ? launchTemplateViews(reading, props, "")
            : launchTemplateViews(reading, reading.get(props, dataProperty), `${dataProperty}.`),
});

/**
 * `restoredFrom`: the properties that make the instance inherit encryption from its source.
 * `clusterMemberProperty` (aws-native's `dbClusterIdentifier`), when set, makes the instance a
 * member of an Aurora or Multi-AZ DB cluster, which stores its data in the cluster's volume.
 */
export const rdsInstance = (types: Types, restoredFrom: readonly string[], clusterMemberProperty?: string): StoreReader => ({
    store: "rds",
    label: "RDS DB instance",
    types,
    read(props, reading) {
        if (clusterMemberProperty !== undefined && isSet(reading, props, clusterMemberProperty)) {
            return [];
        }
        return rdsView(reading, props, restoredFrom, RDS_UNSET);
    },
});

/** `restoredFrom`: the properties that make the cluster inherit encryption from its source. */
export const rdsCluster = (types: Types, restoredFrom: readonly string[]): StoreReader => ({
    store: "rds",
    label: "RDS DB cluster",
    types,
    read(props, reading) {
        const unset = isSet(reading, props, "storageEncrypted") ? RDS_UNSET : rdsClusterUnset(reading, props);
        if (unset === "unknown") {
            return [unknownView("storage", "engineMode is unknown and storageEncrypted is not set")];
        }
        return rdsView(reading, props, restoredFrom, unset);
    },
});

export const efsFileSystem = (types: Types): StoreReader => ({
    store: "efs",
    label: "EFS file system",
    types,
    read: (props, reading) => [flagView(reading, "file system", props, "encrypted", "kmsKeyId", EFS_UNSET, EFS_DEFAULT_KEY)],
});

export const snsTopic = (types: Types): StoreReader => ({
    store: "sns",
    label: "SNS topic",
    types,
    read: (props, reading) => [keyView(reading, "messages", props, "kmsMasterKeyId", SNS_UNENCRYPTED)],
});

export const sqsQueue = (types: Types): StoreReader => ({
    store: "sqs",
    label: "SQS queue",
    types,
    read: (props, reading) => [sqsView(reading, props)],
});

export const logGroup = (types: Types): StoreReader => ({
    store: "cloudwatch-logs",
    label: "CloudWatch log group",
    types,
    read: (props, reading) => [keyView(reading, "log events", props, "kmsKeyId", LOGS_DEFAULT)],
});

/** `replicasProperty`: the list of replica regions (`{ region, kmsKeyId }` each). */
export const secret = (types: Types, replicasProperty: string): StoreReader => ({
    store: "secrets-manager",
    label: "Secrets Manager secret",
    types,
    read: (props, reading) => [
        keyView(reading, "secret", props, "kmsKeyId", SECRETS_DEFAULT_KEY),
        ...replicaKeyViews(
            reading,
            reading.list(props, replicasProperty),
            replicasProperty,
            "region",
            (r) => r,
            "kmsKeyId",
            SECRETS_DEFAULT_KEY,
        ),
    ],
});

/** `configurationsProperty`: the list of encryption configurations. */
export const ecrRepository = (types: Types, configurationsProperty: string): StoreReader => ({
    store: "ecr",
    label: "ECR repository",
    types,
    read: (props, reading) => ecrViews(reading, reading.list(props, configurationsProperty), configurationsProperty),
});

/** `atRestProperty`: the encryption-at-rest block (`{ enabled, kmsKeyId }`). */
export const openSearchDomain = (types: Types, atRestProperty: string): StoreReader => ({
    store: "opensearch",
    label: "OpenSearch domain",
    types,
    read: (props, reading) => [enabledBlockView(reading, atRestProperty, reading.get(props, atRestProperty))],
});

export const redshiftCluster = (types: Types): StoreReader => ({
    store: "redshift",
    label: "Redshift cluster",
    types,
    read(props, reading) {
        // A restore inherits the snapshot's encryption unless it names a key (v7 types `encrypted` as a string).
        if (isSet(reading, props, "snapshotIdentifier") && !isSet(reading, props, "encrypted") && !isSet(reading, props, "kmsKeyId")) {
            return [];
        }
        return [flagView(reading, "cluster", props, "encrypted", "kmsKeyId", REDSHIFT_UNSET, REDSHIFT_DEFAULT_KEY)];
    },
});

export const elastiCacheReplicationGroup = (types: Types): StoreReader => ({
    store: "elasticache",
    label: "ElastiCache replication group",
    types,
    read: (props, reading) => [elastiCacheView(reading, props)],
});

export const elastiCacheServerless = (types: Types): StoreReader => ({
    store: "elasticache",
    label: "ElastiCache serverless cache",
    types,
    read: (props, reading) => [keyView(reading, "cache", props, "kmsKeyId", ELASTICACHE_DEFAULT_KEY)],
});

/**
 * `atRestPath`: the nested blocks, from the resource down, that hold the at-rest key property
 * `keyProperty`. Any of them unknown leaves the storage undecided.
 */
export const mskCluster = (types: Types, atRestPath: readonly string[], keyProperty: string): StoreReader => ({
    store: "msk",
    label: "MSK cluster",
    types,
    read(props, reading) {
        let atRest: unknown = props;
        for (const property of atRestPath) {
            atRest = atRest === UNKNOWN ? UNKNOWN : reading.get(atRest, property);
        }
        return [
            atRest === UNKNOWN
                ? unknownView("broker storage", "encryptionInfo is unknown")
                : keyView(reading, "broker storage", atRest, keyProperty, MSK_DEFAULT_KEY),
        ];
    },
});

/** `keyProperty`: the vault's key (`kmsKeyArn`, `encryptionKeyArn`). */
export const backupVault = (types: Types, keyProperty: string): StoreReader => ({
    store: "backup",
    label: "Backup vault",
    types,
    read: (props, reading) => [keyView(reading, "recovery points", props, keyProperty, BACKUP_DEFAULT_KEY)],
});

export const cloudTrail = (types: Types): StoreReader => ({
    store: "cloudtrail",
    label: "CloudTrail trail",
    types,
    read: (props, reading) => [keyView(reading, "log files", props, "kmsKeyId", CLOUDTRAIL_DEFAULT)],
});

/**
 * DocumentDB and Neptune clusters: the RDS storage model (see rdsView), unencrypted by default.
 * `restoredFrom`: the properties that make the cluster inherit its source's encryption;
 * `keyProperty`: where the provider names the key.
 */
export const storageCluster = (
    store: string,
    label: string,
    types: Types,
    restoredFrom: readonly string[],
    keyProperty: string,
): StoreReader => ({
    store,
    label,
    types,
    read: (props, reading) => rdsView(reading, props, restoredFrom, DOCUMENTDB_NEPTUNE_UNSET, keyProperty),
});

/** Aurora, DocumentDB and Neptune global clusters (see globalClusterViews). */
export const globalCluster = (store: string, label: string, types: Types): StoreReader => ({
    store,
    label,
    types,
    read: (props, reading) => globalClusterViews(reading, props),
});

export const documentDbElasticCluster = (types: Types): StoreReader => ({
    store: "documentdb",
    label: "DocumentDB elastic cluster",
    types,
    read: (props, reading) => [keyView(reading, "storage", props, "kmsKeyId", DOCUMENTDB_ELASTIC_DEFAULT_KEY)],
});

export const lambdaFunction = (types: Types): StoreReader => ({
    store: "lambda",
    label: "Lambda function",
    types,
    read: (props, reading) => lambdaEnvironmentViews(reading, props),
});

/** `keyProperty`: the cluster's key (`kmsKeyArn` classic, `kmsKeyId` aws-native). */
export const memoryDbCluster = (types: Types, keyProperty: string): StoreReader => ({
    store: "memorydb",
    label: "MemoryDB cluster",
    types,
    read: (props, reading) => [keyView(reading, "cluster", props, keyProperty, MEMORYDB_DEFAULT)],
});

export const redshiftServerlessNamespace = (types: Types): StoreReader => ({
    store: "redshift-serverless",
    label: "Redshift Serverless namespace",
    types,
    read: (props, reading) => [keyView(reading, "namespace", props, "kmsKeyId", REDSHIFT_SERVERLESS_DEFAULT)],
});

export const sageMakerNotebookInstance = (types: Types): StoreReader => ({
    store: "sagemaker",
    label: "SageMaker notebook instance",
    types,
    read: (props, reading) => [keyView(reading, "storage volume", props, "kmsKeyId", SAGEMAKER_NOTEBOOK_DEFAULT)],
});

export const mqBroker = (types: Types): StoreReader => ({
    store: "mq",
    label: "Amazon MQ broker",
    types,
    read: (props, reading) => [mqView(reading, props)],
});

/**
 * `encryptionProperty`: the stream's encryption block, `enabledProperty` its switch (classic only);
 * `sourceProperties`: a Kinesis or MSK source, whose stream holds the data at rest instead of
 * Firehose (AWS: "Server-side encryption with Kinesis Data Streams as the data source"), judged there.
 */
export const firehoseDeliveryStream = (
    types: Types,
    encryptionProperty: string,
    enabledProperty: string | undefined,
    sourceProperties: readonly string[],
): StoreReader => ({
    store: "firehose",
    label: "Firehose delivery stream",
    types,
    read(props, reading) {
        if (sourceProperties.some((p) => isSet(reading, props, p))) {
            return [];
        }
        return [firehoseView(reading, reading.get(props, encryptionProperty), encryptionProperty, enabledProperty)];
    },
});

export const eksCluster = (types: Types): StoreReader => ({
    store: "eks",
    label: "EKS cluster",
    types,
    read: (props, reading) => [eksSecretsView(reading, reading.list(props, "encryptionConfig"), "encryptionConfig")],
});
