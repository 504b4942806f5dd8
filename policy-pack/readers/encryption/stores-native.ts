// Store readers for @pulumi/aws-native (CloudFormation resource shapes, SDK camelCase names); see
// @pulumi/aws-native/<module>/<resource>.d.ts and types/input.d.ts.

import { UNKNOWN } from "../known";
import { nativeInstanceViews } from "./block-devices";
import { DYNAMODB_DEFAULT_KEY, dynamoSseView, kinesisView, replicaKeyViews, s3RulesViews } from "./services";
import { StoreReader, unknownView } from "./store-encryption";
import * as shared from "./stores-shared";

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
            return [
                { origin: "bucketEncryption", encrypted: "yes", keyKind: "aws-owned", note: "not set: S3 applies SSE-S3 (keys S3 owns)" },
            ];
        }
        const rules = reading.list(encryption, "serverSideEncryptionConfiguration");
        return s3RulesViews(reading, rules, "bucketEncryption.serverSideEncryptionConfiguration", ["serverSideEncryptionByDefault"]);
    },
};

export const nativeVolume = shared.ebsVolume(["aws-native:ec2:Volume"]);

export const nativeInstance = shared.ec2Instance(["aws-native:ec2:Instance"], nativeInstanceViews);

export const nativeLaunchTemplate = shared.launchTemplate(["aws-native:ec2:LaunchTemplate"], "launchTemplateData");

export const nativeDbInstance = shared.rdsInstance(
    ["aws-native:rds:DbInstance"],
    [
        "sourceDbInstanceIdentifier",
        "sourceDbClusterIdentifier",
        "dbSnapshotIdentifier",
        "dbClusterSnapshotIdentifier",
        "sourceDbiResourceId",
        "sourceDbInstanceAutomatedBackupsArn",
    ],
    "dbClusterIdentifier",
);

export const nativeDbCluster = shared.rdsCluster(
    ["aws-native:rds:DbCluster"],
    ["snapshotIdentifier", "sourceDbClusterIdentifier", "replicationSourceIdentifier"],
);

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
        const replicas = replicaKeyViews(
            reading,
            reading.list(props, "replicas"),
            "replicas",
            "region",
            (r) => reading.get(r, "sseSpecification"),
            "kmsMasterKeyId",
            DYNAMODB_DEFAULT_KEY,
        );
        return replicas.length > 0 ? replicas : [table];
    },
};

export const nativeEfs = shared.efsFileSystem(["aws-native:efs:FileSystem"]);

export const nativeSnsTopic = shared.snsTopic(["aws-native:sns:Topic"]);

export const nativeSqsQueue = shared.sqsQueue(["aws-native:sqs:Queue"]);

export const nativeLogGroup = shared.logGroup(["aws-native:logs:LogGroup"]);

export const nativeSecret = shared.secret(["aws-native:secretsmanager:Secret"], "replicaRegions");

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

export const nativeEcrRepository = shared.ecrRepository(["aws-native:ecr:Repository"], "encryptionConfiguration");

export const nativeOpenSearchDomain = shared.openSearchDomain(["aws-native:opensearchservice:Domain"], "encryptionAtRestOptions");

export const nativeRedshiftCluster = shared.redshiftCluster(["aws-native:redshift:Cluster"]);

export const nativeElastiCacheReplicationGroup = shared.elastiCacheReplicationGroup(["aws-native:elasticache:ReplicationGroup"]);

export const nativeElastiCacheServerless = shared.elastiCacheServerless(["aws-native:elasticache:ServerlessCache"]);

export const nativeMskCluster = shared.mskCluster(["aws-native:msk:Cluster"], ["encryptionInfo", "encryptionAtRest"], "dataVolumeKmsKeyId");

export const nativeBackupVault = shared.backupVault(["aws-native:backup:BackupVault"], "encryptionKeyArn");

export const nativeCloudTrail = shared.cloudTrail(["aws-native:cloudtrail:Trail"]);

// @pulumi/aws-native 1.79.0 defines no DocumentDB (instance-based) cluster, DAX cluster or EBS
// snapshot copy: those are read for the classic provider only. Its ssm:Parameter takes String and
// StringList only (CloudFormation creates no SecureString): nothing encrypted to judge.

export const nativeDocumentDbGlobalCluster = shared.globalCluster("documentdb", "DocumentDB global cluster", [
    "aws-native:docdb:GlobalCluster",
]);

export const nativeDocumentDbElasticCluster = shared.documentDbElasticCluster(["aws-native:docdbelastic:Cluster"]);

export const nativeNeptuneDbCluster = shared.storageCluster(
    "neptune",
    "Neptune cluster",
    ["aws-native:neptune:DbCluster"],
    ["snapshotIdentifier", "sourceDbClusterIdentifier"],
    "kmsKeyId",
);

export const nativeNeptuneGlobalCluster = shared.globalCluster("neptune", "Neptune global cluster", ["aws-native:neptune:GlobalCluster"]);

export const nativeRdsGlobalCluster = shared.globalCluster("rds", "RDS global cluster", ["aws-native:rds:GlobalCluster"]);

export const nativeLambdaFunction = shared.lambdaFunction(["aws-native:lambda:Function"]);

export const nativeMemoryDbCluster = shared.memoryDbCluster(["aws-native:memorydb:Cluster"], "kmsKeyId");

export const nativeRedshiftServerlessNamespace = shared.redshiftServerlessNamespace(["aws-native:redshiftserverless:Namespace"]);

export const nativeSageMakerNotebookInstance = shared.sageMakerNotebookInstance(["aws-native:sagemaker:NotebookInstance"]);

export const nativeMqBroker = shared.mqBroker(["aws-native:amazonmq:Broker"]);

export const nativeFirehoseDeliveryStream = shared.firehoseDeliveryStream(
    ["aws-native:kinesisfirehose:DeliveryStream"],
    "deliveryStreamEncryptionConfigurationInput",
    undefined,
    ["kinesisStreamSourceConfiguration", "mskSourceConfiguration"],
);

export const nativeEksCluster = shared.eksCluster(["aws-native:eks:Cluster"]);

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
    nativeDocumentDbGlobalCluster,
    nativeDocumentDbElasticCluster,
    nativeNeptuneDbCluster,
    nativeNeptuneGlobalCluster,
    nativeRdsGlobalCluster,
    nativeLambdaFunction,
    nativeMemoryDbCluster,
    nativeRedshiftServerlessNamespace,
    nativeSageMakerNotebookInstance,
    nativeMqBroker,
    nativeFirehoseDeliveryStream,
    nativeEksCluster,
];
