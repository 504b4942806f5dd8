import { resource } from "../harness";
import { AWS_ALIAS, CMK_ARN } from "../encryption-fixtures";
import type { BypassCase } from "./bypass-case";

const POLICY = "encryption-at-rest-customer-managed-key";

/** One store written to slip past the rule, and the same store encrypted under a customer-managed key. */
function store(
    title: string,
    type: string,
    violating: Record<string, unknown>,
    compliant: Record<string, unknown>,
    config?: object,
): BypassCase {
    const name = title.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
    return {
        title: `${title} (${type})`,
        policy: POLICY,
        violating: () => [resource(type, name, violating)],
        compliant: () => [resource(type, name, compliant)],
        config,
    };
}

/** A store left on its service's default key; the twin names a customer-managed key in `keyProperty`. */
function onDefaultKey(title: string, type: string, props: Record<string, unknown>, keyProperty: string): BypassCase {
    return store(title, type, props, { ...props, [keyProperty]: CMK_ARN });
}

const VARIABLES = { environment: { variables: { DATABASE_URL: "postgres://app@db/app" } } };
const CMK_SECRETS = { resources: ["secrets"], provider: { keyArn: CMK_ARN } };

/** Bypasses of the encryption family tried against the pack. */
export const encryptionBypasses: readonly BypassCase[] = [
    store(
        "DocumentDB cluster left unencrypted",
        "aws:docdb/cluster:Cluster",
        { engine: "docdb" },
        { engine: "docdb", storageEncrypted: true, kmsKeyId: CMK_ARN },
    ),
    store(
        "DocumentDB global cluster without encryption",
        "aws:docdb/globalCluster:GlobalCluster",
        { engine: "docdb" },
        { engine: "docdb", storageEncrypted: true },
    ),
    store(
        "DocumentDB global cluster without encryption",
        "aws-native:docdb:GlobalCluster",
        { storageEncrypted: false },
        { storageEncrypted: true },
    ),
    onDefaultKey(
        "DocumentDB elastic cluster on the account's default key",
        "aws:docdb/elasticCluster:ElasticCluster",
        { authType: "PLAIN_TEXT" },
        "kmsKeyId",
    ),
    onDefaultKey(
        "DocumentDB elastic cluster on the account's default key",
        "aws-native:docdbelastic:Cluster",
        { authType: "PLAIN_TEXT" },
        "kmsKeyId",
    ),
    onDefaultKey("Neptune cluster encrypted with aws/rds", "aws:neptune/cluster:Cluster", { storageEncrypted: true }, "kmsKeyArn"),
    store("Neptune cluster left unencrypted", "aws-native:neptune:DbCluster", {}, { storageEncrypted: true, kmsKeyId: CMK_ARN }),
    store("Neptune global cluster without encryption", "aws:neptune/globalCluster:GlobalCluster", {}, { storageEncrypted: true }),
    store("Neptune global cluster without encryption", "aws-native:neptune:GlobalCluster", {}, { storageEncrypted: true }),
    store(
        "RDS global cluster without encryption",
        "aws:rds/globalCluster:GlobalCluster",
        { engine: "aurora-postgresql" },
        { engine: "aurora-postgresql", storageEncrypted: true },
    ),
    store(
        "RDS global cluster without encryption",
        "aws-native:rds:GlobalCluster",
        { engine: "aurora-mysql" },
        { engine: "aurora-mysql", storageEncrypted: true },
    ),
    // DAX takes no customer-managed key: with AWS-owned keys allowed for it, only an unencrypted cluster fails.
    store(
        "DAX cluster without server-side encryption",
        "aws:dax/cluster:Cluster",
        { nodeType: "dax.r5.large" },
        { nodeType: "dax.r5.large", serverSideEncryption: { enabled: true } },
        { allowAwsOwnedKeysFor: ["dax"] },
    ),
    store(
        "EBS snapshot copy left unencrypted",
        "aws:ebs/snapshotCopy:SnapshotCopy",
        { sourceSnapshotId: "snap-0a1b2c3d", sourceRegion: "eu-west-1" },
        { sourceSnapshotId: "snap-0a1b2c3d", sourceRegion: "eu-west-1", encrypted: true, kmsKeyId: CMK_ARN },
    ),
    onDefaultKey("Lambda environment variables on aws/lambda", "aws:lambda/function:Function", VARIABLES, "kmsKeyArn"),
    onDefaultKey("Lambda environment variables on aws/lambda", "aws-native:lambda:Function", VARIABLES, "kmsKeyArn"),
    store(
        "SSM SecureString on aws/ssm",
        "aws:ssm/parameter:Parameter",
        { type: "SecureString", value: "s3cret", keyId: AWS_ALIAS("ssm") },
        { type: "SecureString", value: "s3cret", keyId: CMK_ARN },
    ),
    onDefaultKey("MemoryDB cluster on its service key", "aws:memorydb/cluster:Cluster", { nodeType: "db.r6g.large" }, "kmsKeyArn"),
    onDefaultKey("MemoryDB cluster on its service key", "aws-native:memorydb:Cluster", { nodeType: "db.r6g.large" }, "kmsKeyId"),
    onDefaultKey(
        "Redshift Serverless namespace on an AWS-owned key",
        "aws:redshiftserverless/namespace:Namespace",
        { namespaceName: "analytics" },
        "kmsKeyId",
    ),
    onDefaultKey(
        "Redshift Serverless namespace on an AWS-owned key",
        "aws-native:redshiftserverless:Namespace",
        { namespaceName: "analytics" },
        "kmsKeyId",
    ),
    onDefaultKey(
        "SageMaker notebook on a system-managed key",
        "aws:sagemaker/notebookInstance:NotebookInstance",
        { instanceType: "ml.t3.medium" },
        "kmsKeyId",
    ),
    onDefaultKey(
        "SageMaker notebook on a system-managed key",
        "aws-native:sagemaker:NotebookInstance",
        { instanceType: "ml.t3.medium" },
        "kmsKeyId",
    ),
    store(
        "Amazon MQ broker on an AWS-owned key, a key named beside it",
        "aws:mq/broker:Broker",
        { engineType: "RabbitMQ", encryptionOptions: { kmsKeyId: CMK_ARN } },
        { engineType: "RabbitMQ", encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: CMK_ARN } },
    ),
    store(
        "Amazon MQ broker on an AWS-owned key",
        "aws-native:amazonmq:Broker",
        { engineType: "ACTIVEMQ", encryptionOptions: { useAwsOwnedKey: true } },
        { engineType: "ACTIVEMQ", encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: CMK_ARN } },
    ),
    store(
        "Firehose stream on AWS_OWNED_CMK",
        "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        { destination: "extended_s3", serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" } },
        { destination: "extended_s3", serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: CMK_ARN } },
    ),
    store(
        "Firehose stream on AWS_OWNED_CMK",
        "aws-native:kinesisfirehose:DeliveryStream",
        { deliveryStreamEncryptionConfigurationInput: { keyType: "AWS_OWNED_CMK" } },
        { deliveryStreamEncryptionConfigurationInput: { keyType: "CUSTOMER_MANAGED_CMK", keyArn: CMK_ARN } },
    ),
    store(
        "EKS cluster whose encryption config leaves secrets out",
        "aws:eks/cluster:Cluster",
        { encryptionConfig: { ...CMK_SECRETS, resources: ["configmaps"] } },
        { encryptionConfig: CMK_SECRETS },
    ),
    store(
        "EKS cluster without secrets encryption",
        "aws-native:eks:Cluster",
        { resourcesVpcConfig: { subnetIds: ["subnet-1"] } },
        { resourcesVpcConfig: { subnetIds: ["subnet-1"] }, encryptionConfig: [CMK_SECRETS] },
    ),
];
