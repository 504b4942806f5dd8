// Store readers for the classic provider (@pulumi/aws v7). Property names as the SDK (and so the
// policy) sees them; see node_modules/@pulumi/aws/<module>/<resource>.d.ts and types/input.d.ts.

import { UNKNOWN } from "../known";
import { classicInstanceViews, ebsView } from "./block-devices";
import { daxView, DYNAMODB_DEFAULT_KEY, dynamoSseView, kinesisView, replicaKeyViews, s3RulesViews, ssmParameterViews } from "./services";
import { keyView, StoreReader, unknownView } from "./store-encryption";
import * as shared from "./stores-shared";

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
 * bucket to have an encryption configuration. `property`: the block's name, which the two bucket
 * types spell differently (Bucket: one `serverSideEncryptionConfiguration { rule }`; BucketV2: a
 * list `serverSideEncryptionConfigurations[] { rules[] }`).
 */
const inlineBucketEncryption = (type: string, property: string): StoreReader => ({
    store: "s3",
    label: "S3 bucket",
    types: [type],
    read(props, reading) {
        const configs = reading.list(props, property);
        if (configs === UNKNOWN) {
            return [unknownView(property, `${property} is unknown`)];
        }
        return configs.flatMap((config) => {
            if (config === UNKNOWN) {
                return [unknownView(property, `${property} is unknown`)];
            }
            const rules = [reading.list(config, "rule"), reading.list(config, "rules")];
            const all = rules.includes(UNKNOWN) ? UNKNOWN : rules.flatMap((r) => (r === UNKNOWN ? [] : r));
            return s3RulesViews(reading, all, `${property}.rules`, S3_DEFAULT_KEYS);
        });
    },
});

export const classicBucketInline = inlineBucketEncryption("aws:s3/bucket:Bucket", "serverSideEncryptionConfiguration");

export const classicBucketV2Inline = inlineBucketEncryption("aws:s3/bucketV2:BucketV2", "serverSideEncryptionConfigurations");

export const classicEbsVolume = shared.ebsVolume(["aws:ebs/volume:Volume"]);

export const classicInstance = shared.ec2Instance(["aws:ec2/instance:Instance"], classicInstanceViews);

export const classicLaunchTemplate = shared.launchTemplate(["aws:ec2/launchTemplate:LaunchTemplate"]);

export const classicRdsInstance = shared.rdsInstance(["aws:rds/instance:Instance"], ["replicateSourceDb", "snapshotIdentifier"]);

export const classicRdsCluster = shared.rdsCluster(["aws:rds/cluster:Cluster"], ["snapshotIdentifier", "replicationSourceIdentifier"]);

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
        return [
            table,
            ...replicaKeyViews(
                reading,
                reading.list(props, "replicas"),
                "replicas",
                "regionName",
                (r) => r,
                "kmsKeyArn",
                DYNAMODB_DEFAULT_KEY,
            ),
        ];
    },
};

export const classicDynamoDbTableReplica: StoreReader = {
    store: "dynamodb",
    label: "DynamoDB table replica",
    types: ["aws:dynamodb/tableReplica:TableReplica"],
    read: (props, reading) => [keyView(reading, "replica", props, "kmsKeyArn", DYNAMODB_DEFAULT_KEY)],
};

export const classicEfs = shared.efsFileSystem(["aws:efs/fileSystem:FileSystem"]);

export const classicSnsTopic = shared.snsTopic(["aws:sns/topic:Topic"]);

export const classicSqsQueue = shared.sqsQueue(["aws:sqs/queue:Queue"]);

export const classicLogGroup = shared.logGroup(["aws:cloudwatch/logGroup:LogGroup"]);

export const classicSecret = shared.secret(["aws:secretsmanager/secret:Secret"], "replicas");

export const classicKinesisStream: StoreReader = {
    store: "kinesis",
    label: "Kinesis stream",
    types: ["aws:kinesis/stream:Stream"],
    read: (props, reading) => [kinesisView(reading, props, "kmsKeyId")],
};

export const classicEcrRepository = shared.ecrRepository(["aws:ecr/repository:Repository"], "encryptionConfigurations");

export const classicOpenSearchDomain = shared.openSearchDomain(
    ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"],
    "encryptAtRest",
);

export const classicRedshiftCluster = shared.redshiftCluster(["aws:redshift/cluster:Cluster"]);

export const classicElastiCacheReplicationGroup = shared.elastiCacheReplicationGroup(["aws:elasticache/replicationGroup:ReplicationGroup"]);

export const classicElastiCacheServerless = shared.elastiCacheServerless(["aws:elasticache/serverlessCache:ServerlessCache"]);

export const classicMskCluster = shared.mskCluster(["aws:msk/cluster:Cluster"], ["encryptionInfo"], "encryptionAtRestKmsKeyArn");

export const classicBackupVault = shared.backupVault(["aws:backup/vault:Vault"], "kmsKeyArn");

export const classicCloudTrail = shared.cloudTrail(["aws:cloudtrail/trail:Trail"]);

/** aws-native has no twin: @pulumi/aws-native 1.79.0 defines no EBS snapshot copy. */
export const classicEbsSnapshotCopy: StoreReader = {
    store: "ebs",
    label: "EBS snapshot copy",
    types: ["aws:ebs/snapshotCopy:SnapshotCopy"],
    read: (props, reading) => [ebsView(reading, "snapshot copy", props)],
};

export const classicDocumentDbCluster = shared.storageCluster(
    "documentdb",
    "DocumentDB cluster",
    ["aws:docdb/cluster:Cluster"],
    ["snapshotIdentifier"],
    "kmsKeyId",
);

export const classicDocumentDbGlobalCluster = shared.globalCluster("documentdb", "DocumentDB global cluster", [
    "aws:docdb/globalCluster:GlobalCluster",
]);

export const classicDocumentDbElasticCluster = shared.documentDbElasticCluster(["aws:docdb/elasticCluster:ElasticCluster"]);

export const classicNeptuneCluster = shared.storageCluster(
    "neptune",
    "Neptune cluster",
    ["aws:neptune/cluster:Cluster"],
    ["snapshotIdentifier", "replicationSourceIdentifier"],
    "kmsKeyArn",
);

export const classicNeptuneGlobalCluster = shared.globalCluster("neptune", "Neptune global cluster", [
    "aws:neptune/globalCluster:GlobalCluster",
]);

export const classicRdsGlobalCluster = shared.globalCluster("rds", "RDS global cluster", ["aws:rds/globalCluster:GlobalCluster"]);

/** aws-native has no twin: @pulumi/aws-native 1.79.0 defines no DAX cluster. */
export const classicDaxCluster: StoreReader = {
    store: "dax",
    label: "DAX cluster",
    types: ["aws:dax/cluster:Cluster"],
    read: (props, reading) => [daxView(reading, props)],
};

export const classicLambdaFunction = shared.lambdaFunction(["aws:lambda/function:Function"]);

/** aws-native has no twin that can hold a secret: CloudFormation creates no SecureString parameter. */
export const classicSsmParameter: StoreReader = {
    store: "ssm",
    label: "SSM parameter",
    types: ["aws:ssm/parameter:Parameter"],
    read: (props, reading) => ssmParameterViews(reading, props),
};

export const classicMemoryDbCluster = shared.memoryDbCluster(["aws:memorydb/cluster:Cluster"], "kmsKeyArn");

export const classicRedshiftServerlessNamespace = shared.redshiftServerlessNamespace(["aws:redshiftserverless/namespace:Namespace"]);

export const classicSageMakerNotebookInstance = shared.sageMakerNotebookInstance(["aws:sagemaker/notebookInstance:NotebookInstance"]);

export const classicMqBroker = shared.mqBroker(["aws:mq/broker:Broker"]);

export const classicFirehoseDeliveryStream = shared.firehoseDeliveryStream(
    ["aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"],
    "serverSideEncryption",
    "enabled",
    ["kinesisSourceConfiguration", "mskSourceConfiguration"],
);

export const classicEksCluster = shared.eksCluster(["aws:eks/cluster:Cluster"]);

export const CLASSIC_STORE_READERS: readonly StoreReader[] = [
    classicBucketEncryption,
    classicBucketInline,
    classicBucketV2Inline,
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
    classicEbsSnapshotCopy,
    classicDocumentDbCluster,
    classicDocumentDbGlobalCluster,
    classicDocumentDbElasticCluster,
    classicNeptuneCluster,
    classicNeptuneGlobalCluster,
    classicRdsGlobalCluster,
    classicDaxCluster,
    classicLambdaFunction,
    classicSsmParameter,
    classicMemoryDbCluster,
    classicRedshiftServerlessNamespace,
    classicSageMakerNotebookInstance,
    classicMqBroker,
    classicFirehoseDeliveryStream,
    classicEksCluster,
];
