// Per-service encryption semantics shared by the classic and aws-native readers: what each
// service does when no key (or no encryption) is declared, per the AWS documentation.

import { isFalse, isTrue, Props, Reading, UNKNOWN } from "../known";
import { describeValue } from "./key-references";
import {
    awsManaged,
    awsOwned,
    Fallback,
    flagView,
    isSet,
    keyView,
    labelOf,
    notEncrypted,
    StoreEncryption,
    switchView,
    unknownView,
} from "./store-encryption";

// ---------------------------------------------------------------- S3

const SSE_S3 = awsOwned("SSE-S3 (AES256): keys S3 owns and manages");
const S3_DEFAULT_KEY = awsManaged("no kmsMasterKeyId: the AWS-managed key aws/s3");

/** One "encryption by default" block: `{ sseAlgorithm, kmsMasterKeyId }`. */
export function s3DefaultView(reading: Reading, origin: string, byDefault: unknown): StoreEncryption {
    if (byDefault === UNKNOWN) {
        return unknownView(origin, "the default encryption is unknown");
    }
    if (byDefault === undefined || byDefault === null) {
        return { origin, encrypted: "yes", keyKind: "aws-owned", note: "no default encryption set: S3 applies SSE-S3 (keys S3 owns)" };
    }
    const algorithm = reading.get(byDefault, "sseAlgorithm");
    if (algorithm === UNKNOWN) {
        return unknownView(origin, "sseAlgorithm is unknown");
    }
    const name = typeof algorithm === "string" ? algorithm.trim().toLowerCase() : undefined;
    if (name === "aes256") {
        return { origin, encrypted: "yes", keyKind: SSE_S3.keyKind, note: SSE_S3.note };
    }
    if (name === "aws:kms" || name === "aws:kms:dsse") {
        return keyView(reading, origin, byDefault, "kmsMasterKeyId", S3_DEFAULT_KEY);
    }
    return {
        origin,
        encrypted: "no",
        keyKind: "none",
        note: `sseAlgorithm ${describeValue(algorithm)} is not AES256, aws:kms or aws:kms:dsse`,
    };
}

/**
 * Rules `[{ <defaultKey>: { sseAlgorithm, kmsMasterKeyId } }]`. Tolerant of the shapes the classic
 * types use (a `rule` object, `rules` lists, `applyServerSideEncryptionByDefault(s)` object or list).
 */
export function s3RulesViews(
    reading: Reading,
    rules: unknown[] | typeof UNKNOWN,
    property: string,
    defaultKeys: readonly string[],
): StoreEncryption[] {
    if (rules === UNKNOWN) {
        return [unknownView(property, `${property} is unknown`)];
    }
    if (rules.length === 0) {
        return [{ origin: property, encrypted: "yes", keyKind: "aws-owned", note: "no rule: S3 applies SSE-S3 (keys S3 owns)" }];
    }
    const views: StoreEncryption[] = [];
    rules.forEach((rule, i) => {
        const origin = `${property}[${i}]`;
        if (rule === UNKNOWN) {
            views.push(unknownView(origin, "the rule is unknown"));
            return;
        }
        const defaults: unknown[] = [];
        let unknown = false;
        for (const key of defaultKeys) {
            const values = reading.list(rule, key);
            if (values === UNKNOWN) {
                unknown = true;
            } else {
                defaults.push(...values);
            }
        }
        if (unknown) {
            views.push(unknownView(origin, "the default encryption is unknown"));
        } else if (defaults.length === 0) {
            views.push(s3DefaultView(reading, origin, undefined));
        } else {
            defaults.forEach((d) => views.push(s3DefaultView(reading, origin, d)));
        }
    });
    return views;
}

// ---------------------------------------------------------------- RDS

/**
 * RDS instances and clusters, and the DocumentDB and Neptune clusters built on the same storage
 * (both use the AWS-managed key aws/rds when encrypted without a key: AWS CreateDBCluster of each).
 * Replicas and restores inherit the source's encryption (the source, when declared in a stack, is
 * judged itself); when they name a key it is judged. Otherwise the flag decides (unset: `ifUnset`).
 * `keyProperty`: where the key is named (Neptune's classic cluster says `kmsKeyArn`).
 */
export function rdsView(
    reading: Reading,
    props: Props,
    inheritsFrom: readonly string[],
    ifUnset: Fallback | "key",
    keyProperty = "kmsKeyId",
): StoreEncryption[] {
    const defaultKey = awsManaged(`no ${keyProperty}: the AWS-managed key aws/rds`);
    if (inheritsFrom.some((p) => isSet(reading, props, p))) {
        return isSet(reading, props, keyProperty) ? [keyView(reading, "storage", props, keyProperty, defaultKey)] : [];
    }
    return [flagView(reading, "storage", props, "storageEncrypted", keyProperty, ifUnset, defaultKey)];
}

/**
 * Global clusters (Aurora, DocumentDB, Neptune) name no key: their data rests in the member
 * clusters, each naming its own key and judged itself. What the global cluster decides is whether
 * its members must be encrypted (`storageEncrypted`, unencrypted when unset). One created from a
 * source cluster takes the source's setting (AWS refuses `storageEncrypted` beside
 * `sourceDbClusterIdentifier`: CreateGlobalCluster), and the source is judged itself.
 */
export function globalClusterViews(reading: Reading, props: Props): StoreEncryption[] {
    if (isSet(reading, props, "sourceDbClusterIdentifier")) {
        return [];
    }
    const flag = reading.get(props, "storageEncrypted");
    if (flag === UNKNOWN) {
        return [unknownView("member storage", "storageEncrypted is unknown")];
    }
    if (isTrue(flag)) {
        return [];
    }
    const note =
        flag === undefined || flag === null
            ? "storageEncrypted is not set (a global cluster without a source cluster is unencrypted by default)"
            : `storageEncrypted is ${describeValue(flag)}, not true`;
    return [{ origin: "member storage", encrypted: "no", keyKind: "none", note }];
}

export const RDS_UNSET = notEncrypted("storageEncrypted is not set (RDS defaults to unencrypted)");

/** Aurora clusters: unencrypted by default, except engineMode serverless (always encrypted: the key decides). */
export function rdsClusterUnset(reading: Reading, props: Props): Fallback | "key" | "unknown" {
    const mode = reading.get(props, "engineMode");
    if (mode === UNKNOWN) {
        return "unknown";
    }
    return typeof mode === "string" && mode.trim().toLowerCase() === "serverless" ? "key" : RDS_UNSET;
}

// ---------------------------------------------------------------- DynamoDB

export const DYNAMODB_OWNED = awsOwned("server-side encryption not enabled: DynamoDB's AWS-owned key");
export const DYNAMODB_DEFAULT_KEY = awsManaged("no key: the AWS-managed key aws/dynamodb");

/** `{ <enabled>: true, <key>: … }` → key; disabled or unset → the AWS-owned key. */
export function dynamoSseView(
    reading: Reading,
    origin: string,
    sse: unknown,
    enabledProperty: string,
    keyProperty: string,
): StoreEncryption {
    if (sse === UNKNOWN) {
        return unknownView(origin, "the server-side encryption block is unknown");
    }
    const enabled = reading.get(sse, enabledProperty);
    if (enabled === UNKNOWN) {
        return unknownView(origin, `${enabledProperty} is unknown`);
    }
    if (!isTrue(enabled)) {
        return { origin, encrypted: "yes", keyKind: DYNAMODB_OWNED.keyKind, note: DYNAMODB_OWNED.note };
    }
    return keyView(reading, origin, sse, keyProperty, DYNAMODB_DEFAULT_KEY);
}

/** Replica regions that each name their own key (`replicas[i].kmsKeyArn`, …). */
export function replicaKeyViews(
    reading: Reading,
    replicas: unknown[] | typeof UNKNOWN,
    property: string,
    regionProperty: string,
    keyHolder: (replica: unknown) => unknown,
    keyProperty: string,
    ifNoKey: Fallback,
): StoreEncryption[] {
    if (replicas === UNKNOWN) {
        return [unknownView(property, `${property} is unknown`)];
    }
    return replicas.map((replica, i) => {
        const origin = `${property}[${i}]${labelOf(reading, replica, regionProperty)}`;
        if (replica === UNKNOWN) {
            return unknownView(origin, "the replica is unknown");
        }
        const holder = keyHolder(replica);
        return holder === UNKNOWN
            ? unknownView(origin, "the replica's encryption is unknown")
            : keyView(reading, origin, holder, keyProperty, ifNoKey);
    });
}

// ---------------------------------------------------------------- SQS

const SSE_SQS = awsOwned("no kmsMasterKeyId: SSE-SQS, keys SQS owns (the default for new queues)");

/** SQS: a named key wins; else SSE-SQS (on by default) unless `sqsManagedSseEnabled` is false. */
export function sqsView(reading: Reading, props: Props): StoreEncryption {
    if (isSet(reading, props, "kmsMasterKeyId")) {
        return keyView(reading, "messages", props, "kmsMasterKeyId", SSE_SQS);
    }
    const managed = reading.get(props, "sqsManagedSseEnabled");
    if (managed === UNKNOWN) {
        return unknownView("messages", "sqsManagedSseEnabled is unknown");
    }
    if (managed === undefined || managed === null || isTrue(managed)) {
        return { origin: "messages", encrypted: "yes", keyKind: SSE_SQS.keyKind, note: SSE_SQS.note };
    }
    return {
        origin: "messages",
        encrypted: "no",
        keyKind: "none",
        note: `sqsManagedSseEnabled is ${describeValue(managed)} and no kmsMasterKeyId is set`,
    };
}

// ---------------------------------------------------------------- Kinesis, ECR

const KINESIS_DEFAULT_KEY = awsManaged("no key: the AWS-managed key aws/kinesis");

/** Kinesis: `encryptionType` NONE (the default) or KMS with a key. */
export function kinesisView(reading: Reading, holder: unknown, keyProperty: string): StoreEncryption {
    if (holder === UNKNOWN) {
        return unknownView("stream", "the stream encryption is unknown");
    }
    const type = reading.get(holder, "encryptionType");
    if (type === UNKNOWN) {
        return unknownView("stream", "encryptionType is unknown");
    }
    if (typeof type === "string" && type.trim().toUpperCase() === "KMS") {
        return keyView(reading, "stream", holder, keyProperty, KINESIS_DEFAULT_KEY);
    }
    return {
        origin: "stream",
        encrypted: "no",
        keyKind: "none",
        note: type === undefined || type === null ? "encryptionType is not set (NONE)" : `encryptionType is ${describeValue(type)}`,
    };
}

const ECR_AES256 = awsOwned("encryptionType AES256: keys Amazon S3 owns (the default)");
const ECR_DEFAULT_KEY = awsManaged("no kmsKey: the AWS-managed key aws/ecr");

/** ECR: encryption configurations `[{ encryptionType: AES256 | KMS | KMS_DSSE, kmsKey }]`. */
export function ecrViews(reading: Reading, configs: unknown[] | typeof UNKNOWN, property: string): StoreEncryption[] {
    if (configs === UNKNOWN) {
        return [unknownView(property, `${property} is unknown`)];
    }
    if (configs.length === 0) {
        return [{ origin: "images", encrypted: "yes", keyKind: ECR_AES256.keyKind, note: ECR_AES256.note }];
    }
    return configs.map((config, i) => {
        const origin = `${property}[${i}]`;
        const type = config === UNKNOWN ? UNKNOWN : reading.get(config, "encryptionType");
        if (type === UNKNOWN) {
            return unknownView(origin, "encryptionType is unknown");
        }
        const name = typeof type === "string" ? type.trim().toUpperCase() : undefined;
        if (name === "KMS" || name === "KMS_DSSE") {
            return keyView(reading, origin, config, "kmsKey", ECR_DEFAULT_KEY);
        }
        if (type === undefined || type === null || name === "AES256") {
            return { origin, encrypted: "yes", keyKind: ECR_AES256.keyKind, note: ECR_AES256.note };
        }
        return { origin, encrypted: "no", keyKind: "none", note: `encryptionType ${describeValue(type)} is not AES256, KMS or KMS_DSSE` };
    });
}

// ---------------------------------------------------------------- OpenSearch, ElastiCache

export const OPENSEARCH_UNSET = notEncrypted("encryption at rest is not enabled (the default)");
export const OPENSEARCH_DEFAULT_KEY = awsManaged("no kmsKeyId: the AWS-managed key aws/es");

/** `{ enabled, kmsKeyId }` blocks (OpenSearch / Elasticsearch domains). */
export function enabledBlockView(reading: Reading, origin: string, block: unknown): StoreEncryption {
    if (block === UNKNOWN) {
        return unknownView(origin, "the encryption block is unknown");
    }
    if (block === undefined || block === null) {
        return { origin, encrypted: "no", keyKind: "none", note: OPENSEARCH_UNSET.note };
    }
    return flagView(reading, origin, block, "enabled", "kmsKeyId", OPENSEARCH_UNSET, OPENSEARCH_DEFAULT_KEY);
}

export const ELASTICACHE_DEFAULT_KEY = awsOwned("no kmsKeyId: ElastiCache's default, service-managed key");

/** Replication groups: at-rest encryption defaults to on for Valkey, off for Redis OSS (the default engine). */
export function elastiCacheView(reading: Reading, props: Props): StoreEncryption {
    const flag = reading.get(props, "atRestEncryptionEnabled");
    if (flag === undefined || flag === null) {
        const engine = reading.get(props, "engine");
        if (engine === UNKNOWN) {
            return unknownView("cache", "engine is unknown and atRestEncryptionEnabled is not set");
        }
        if (typeof engine === "string" && engine.trim().toLowerCase() === "valkey") {
            return keyView(reading, "cache", props, "kmsKeyId", ELASTICACHE_DEFAULT_KEY);
        }
        return {
            origin: "cache",
            encrypted: "no",
            keyKind: "none",
            note: "atRestEncryptionEnabled is not set (off by default for Redis OSS)",
        };
    }
    return flagView(reading, "cache", props, "atRestEncryptionEnabled", "kmsKeyId", "key", ELASTICACHE_DEFAULT_KEY);
}

// ---------------------------------------------------------------- DAX

export const DAX_UNSET = notEncrypted("enabled is not set (DAX clusters are unencrypted by default)");
/** DAX encrypts at rest with a key AWS owns only; it takes no key of the account (DAX CreateCluster SSESpecification). */
export const DAX_OWNED = awsOwned("DAX encrypts at rest with an AWS-owned key only: it accepts no customer-managed key");

/** DAX: `serverSideEncryption { enabled }`, off by default; on means the AWS-owned key. */
export function daxView(reading: Reading, props: Props): StoreEncryption {
    const sse = reading.get(props, "serverSideEncryption");
    if (sse === UNKNOWN) {
        return unknownView("cache", "serverSideEncryption is unknown");
    }
    return switchView(reading, "serverSideEncryption", sse, "enabled", DAX_OWNED, DAX_UNSET);
}

// ---------------------------------------------------------------- Lambda

const LAMBDA_DEFAULT_KEY = awsManaged("environment variables and no kmsKeyArn: the AWS-managed key aws/lambda");

/**
 * Lambda always encrypts a function's environment variables at rest, with the AWS-managed key
 * aws/lambda unless `kmsKeyArn` names one (AWS: "Securing Lambda environment variables"). Without
 * variables there is nothing to judge (Lambda does not even keep a key set without them).
 */
export function lambdaEnvironmentViews(reading: Reading, props: Props): StoreEncryption[] {
    const environment = reading.get(props, "environment");
    const variables = environment === UNKNOWN ? UNKNOWN : reading.get(environment, "variables");
    if (variables === UNKNOWN) {
        return [unknownView("environment variables", "the environment variables are unknown")];
    }
    const none =
        variables === undefined ||
        variables === null ||
        (typeof variables === "object" && !Array.isArray(variables) && Object.keys(variables).length === 0);
    return none ? [] : [keyView(reading, "environment variables", props, "kmsKeyArn", LAMBDA_DEFAULT_KEY)];
}

// ---------------------------------------------------------------- SSM Parameter Store

const SSM_DEFAULT_KEY = awsManaged("a SecureString without keyId: the AWS-managed key aws/ssm");

/**
 * Only SecureString parameters are encrypted (String and StringList are plain by design, not a
 * place for secrets); a SecureString without `keyId` uses aws/ssm (AWS PutParameter KeyId).
 */
export function ssmParameterViews(reading: Reading, props: Props): StoreEncryption[] {
    const type = reading.get(props, "type");
    if (type === UNKNOWN) {
        return [unknownView("value", "type is unknown")];
    }
    const secure = typeof type === "string" && type.trim().toLowerCase() === "securestring";
    return secure ? [keyView(reading, "value", props, "keyId", SSM_DEFAULT_KEY)] : [];
}

// ---------------------------------------------------------------- Amazon MQ

const MQ_OWNED = awsOwned("encryptionOptions.useAwsOwnedKey is not false: an AWS-owned key (the default)");
const MQ_DEFAULT_KEY = awsManaged("useAwsOwnedKey false and no kmsKeyId: the AWS-managed key aws/mq");

/**
 * Amazon MQ brokers: `encryptionOptions { useAwsOwnedKey, kmsKeyId }`. Unset options or
 * `useAwsOwnedKey` not false mean the AWS-owned key (the key named is then ignored); false means
 * `kmsKeyId`, or aws/mq without one (AWS CreateBroker EncryptionOptions).
 */
export function mqView(reading: Reading, props: Props): StoreEncryption {
    const options = reading.get(props, "encryptionOptions");
    const owned = options === UNKNOWN ? UNKNOWN : reading.get(options, "useAwsOwnedKey");
    if (owned === UNKNOWN) {
        return unknownView("broker storage", "encryptionOptions.useAwsOwnedKey is unknown");
    }
    return isFalse(owned)
        ? keyView(reading, "broker storage", options, "kmsKeyId", MQ_DEFAULT_KEY)
        : { origin: "broker storage", encrypted: "yes", keyKind: MQ_OWNED.keyKind, note: MQ_OWNED.note };
}

// ---------------------------------------------------------------- Firehose

/**
 * Without server-side encryption Firehose still encrypts what it keeps in interim storage, with
 * keys of its own (AWS: "Data protection in Amazon Data Firehose").
 */
const FIREHOSE_OWNED = awsOwned("keyType AWS_OWNED_CMK, or server-side encryption off: keys Firehose owns");
const FIREHOSE_NO_KEY: Fallback = { encrypted: "yes", keyKind: "unrecognised", note: "keyType CUSTOMER_MANAGED_CMK without keyArn" };

/**
 * One delivery stream's encryption block (`{ enabled?, keyType, keyArn }`): a customer-managed key
 * only with keyType CUSTOMER_MANAGED_CMK (AWS StartDeliveryStreamEncryption). `enabledProperty`:
 * the classic switch; aws-native has none (the block is the switch).
 */
export function firehoseView(reading: Reading, block: unknown, property: string, enabledProperty?: string): StoreEncryption {
    const origin = "buffered records";
    const owned = (): StoreEncryption => ({ origin, encrypted: "yes", keyKind: FIREHOSE_OWNED.keyKind, note: FIREHOSE_OWNED.note });
    if (block === UNKNOWN) {
        return unknownView(origin, `${property} is unknown`);
    }
    if (enabledProperty !== undefined) {
        const enabled = reading.get(block, enabledProperty);
        if (enabled === UNKNOWN) {
            return unknownView(origin, `${property}.${enabledProperty} is unknown`);
        }
        if (!isTrue(enabled)) {
            return owned();
        }
    }
    const keyType = reading.get(block, "keyType");
    if (keyType === UNKNOWN) {
        return unknownView(origin, `${property}.keyType is unknown`);
    }
    return typeof keyType === "string" && keyType.trim().toUpperCase() === "CUSTOMER_MANAGED_CMK"
        ? keyView(reading, origin, block, "keyArn", FIREHOSE_NO_KEY)
        : owned();
}

// ---------------------------------------------------------------- EKS

/**
 * EKS envelope-encrypts Kubernetes API data, secrets included, with an AWS-owned key unless an
 * encryption config names a key for `secrets` (AWS: "Default envelope encryption for all
 * Kubernetes API data", Kubernetes 1.28 and later; older versions only encrypt the etcd volumes).
 */
const EKS_OWNED = awsOwned("no encryptionConfig for secrets: EKS's default envelope encryption with an AWS-owned key");

/** EKS clusters: `encryptionConfig` (one block classic, a list aws-native) `{ provider: { keyArn }, resources }`. */
export function eksSecretsView(reading: Reading, configs: unknown[] | typeof UNKNOWN, property: string): StoreEncryption {
    const origin = "Kubernetes secrets";
    if (configs === UNKNOWN) {
        return unknownView(origin, `${property} is unknown`);
    }
    let unknown = false;
    for (const config of configs) {
        const resources = config === UNKNOWN ? UNKNOWN : reading.list(config, "resources");
        const secrets = resources !== UNKNOWN && resources.some((r) => typeof r === "string" && r.trim().toLowerCase() === "secrets");
        if (secrets) {
            const provider = reading.get(config, "provider");
            return provider === UNKNOWN
                ? unknownView(origin, `${property}.provider is unknown`)
                : keyView(reading, origin, provider, "keyArn", EKS_OWNED);
        }
        unknown ||= resources === UNKNOWN || resources.includes(UNKNOWN);
    }
    return unknown
        ? unknownView(origin, `${property}.resources is unknown`)
        : { origin, encrypted: "yes", keyKind: EKS_OWNED.keyKind, note: EKS_OWNED.note };
}

// ---------------------------------------------------------------- one-liners

export const EFS_UNSET = notEncrypted("encrypted is not set (EFS defaults to unencrypted)");
export const EFS_DEFAULT_KEY = awsManaged("no kmsKeyId: the AWS-managed key aws/elasticfilesystem");
export const SNS_UNENCRYPTED = notEncrypted("no kmsMasterKeyId: SNS topics are not encrypted at rest by default");
export const LOGS_DEFAULT = awsOwned("no kmsKeyId: CloudWatch Logs' own service-managed keys");
export const SECRETS_DEFAULT_KEY = awsManaged("no kmsKeyId: the AWS-managed key aws/secretsmanager");
export const REDSHIFT_UNSET = notEncrypted("encrypted is not set to true");
export const REDSHIFT_DEFAULT_KEY = awsManaged("no kmsKeyId: the AWS-managed key aws/redshift");
export const MSK_DEFAULT_KEY = awsManaged("no key: the AWS-managed key aws/kafka");
export const BACKUP_DEFAULT_KEY = awsManaged("no key: the AWS-managed key aws/backup");
export const CLOUDTRAIL_DEFAULT = awsOwned("no kmsKeyId: log files are encrypted with SSE-S3 (keys S3 owns)");
/** MemoryDB always encrypts at rest; without a key, with its default service-managed key (AWS: "At-rest encryption in MemoryDB"). */
export const MEMORYDB_DEFAULT = awsOwned("no key: MemoryDB's default, service-managed key");
/** Redshift Serverless always encrypts a namespace; without kmsKeyId, with a key AWS owns. */
export const REDSHIFT_SERVERLESS_DEFAULT = awsOwned("no kmsKeyId: Redshift Serverless encrypts with an AWS-owned key");
/** Without kmsKeyId SageMaker encrypts a notebook's volumes with a system-managed key, not one of the account. */
export const SAGEMAKER_NOTEBOOK_DEFAULT = awsOwned("no kmsKeyId: a system-managed key of SageMaker");
/** DocumentDB elastic clusters always encrypt; without kmsKeyId, with the key KMS creates for the account (AWS CreateCluster). */
export const DOCUMENTDB_ELASTIC_DEFAULT_KEY = awsManaged("no kmsKeyId: the AWS-managed key KMS creates for DocumentDB in the account");
export const DOCUMENTDB_NEPTUNE_UNSET = notEncrypted("storageEncrypted is not set (unencrypted by default)");
