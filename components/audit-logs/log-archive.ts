import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    ARCHIVE_STORAGE_CLASSES,
    ArgChecker,
    type ArchiveStorageClass,
    OBJECT_LOCK_MAXIMUM_DAYS,
    OBJECT_LOCK_MODES,
    type ObjectLockMode,
    STANDARD_IA_MINIMUM_DAYS,
} from "./audit-log-args";
import { ACCESS_LOGS_KEY_ALIAS, ARCHIVE_ACCESS_LOG_PREFIX, ARCHIVE_KEY_ALIAS, accessLogsBucketName } from "./audit-log-names";
import { accessLogsKeyPolicy, archiveKeyPolicy } from "./log-archive-key-policy";
import { accessLogsBucketPolicy, archiveBucketPolicy } from "./log-archive-policies";

/** After how many days S3 removes the parts of an upload that never completed. */
export const INCOMPLETE_UPLOAD_DAYS = 7;

/** Default days a noncurrent version (an expired log, once its lock has run out) stays before S3 removes it. */
export const DEFAULT_NONCURRENT_EXPIRATION_DAYS = 30;

/** The longest lifecycle period accepted here (100 years, Object Lock's own maximum). */
export const LIFECYCLE_MAXIMUM_DAYS = OBJECT_LOCK_MAXIMUM_DAYS;

/** Default days the archive's S3 access logs are kept. */
export const DEFAULT_ACCESS_LOG_RETENTION_DAYS = 365;

/** Default key prefix of AWS Config deliveries (the environments' `baseline.configKeyPrefix` default). */
export const DEFAULT_CONFIG_KEY_PREFIX = "config";

/** Object lock applied to every new object version by default. */
export interface LogArchiveObjectLock {
    /** GOVERNANCE (lifted only with s3:BypassGovernanceRetention, which the bucket policy denies to everyone) or COMPLIANCE (lifted by nobody, root included). */
    mode: ObjectLockMode;
    /** Days each object version is locked, 1–36500. */
    days: number;
}

/** When logs move to cheaper storage and when they expire. */
export interface LogArchiveLifecycle {
    /** Days after creation a log moves to STANDARD_IA; at least 30 (S3's minimum). */
    standardIaDays: number;
    /** Days after creation a log moves to `archiveStorageClass`; at least 30 days after `standardIaDays` (S3's minimum stay in STANDARD_IA). */
    archiveDays: number;
    /** GLACIER (Glacier Flexible Retrieval) or DEEP_ARCHIVE (Glacier Deep Archive). */
    archiveStorageClass: ArchiveStorageClass;
    /** Days after creation a log expires; after `archiveDays` and not before the object lock ends. */
    expirationDays: number;
    /** Days an expired (noncurrent) version stays before S3 removes it; default 30. */
    noncurrentExpirationDays?: number;
}

export interface LogArchiveArgs {
    /** The organisation (`o-…`): AWS Config deliveries are admitted on behalf of its accounts, and its trail writes under `AWSLogs/<id>/`. */
    organizationId: string;
    /** The log-archive account: the account of the provider given in `opts.provider`, owner of the buckets, keys and exempt roles. */
    logArchiveAccountId: string;
    /** The management account, home of the organisation trail. */
    managementAccountId: string;
    /** Region of the provider given in `opts.provider`: where the buckets and keys live. */
    region: string;
    /** Home region of the organisation trail; default `region`. */
    trailRegion?: string;
    /**
     * Name of the archive bucket, e.g. `zero-trust-log-archive-<orgId>` (at most 51 characters: the
     * access-logs bucket is `<bucketName>-access-logs`). The environments' AWS Config delivery
     * channels write to it under `configKeyPrefix`.
     */
    bucketName: string;
    /** Key prefix of the environments' AWS Config deliveries (their `baseline.configKeyPrefix`); default `config`. */
    configKeyPrefix?: string;
    /** Name of the organisation trail: its ARN (`arn:aws:cloudtrail:<trailRegion>:<managementAccountId>:trail/<name>`) scopes CloudTrail's access to bucket and key. */
    organizationTrailName: string;
    /**
     * Principals that read and investigate the archive (both buckets) and decrypt it through S3:
     * exact ARNs, such as the security account's root (`arn:aws:iam::<id>:root`, its IAM policies
     * decide who) or a role ARN. They must exist: S3 and KMS refuse policies naming unknown principals.
     */
    readerPrincipalArns: string[];
    /** Role ARNs of the log-archive account that administer both keys (manage, never use); the role Pulumi deploys with must be one (KMS lockout check). */
    keyAdministratorArns: string[];
    /** Name of the emergency role in the log-archive account (path `/`): the only principal besides `deploymentRoleName` that may change the buckets' configuration. Nobody may delete archived logs. */
    breakGlassRoleName: string;
    /**
     * Name of the role Pulumi deploys the log archive with (path `/`, usually
     * OrganizationAccountAccessRole). Exempt from the "configuration change" deny so that later
     * deployments can update policies and lifecycle; without it, only break-glass can.
     */
    deploymentRoleName?: string;
    /** Default object lock of the archive bucket. */
    objectLock: LogArchiveObjectLock;
    /** Lifecycle of the archive's logs. */
    lifecycle: LogArchiveLifecycle;
    /** Days the archive's S3 server access logs are kept (then they expire, noncurrent versions 30 days later); default 365. */
    accessLogRetentionDays?: number;
    /** Days between scheduling deletion of a key and the deletion, 7–30 (the policy pack requires 30 unless configured otherwise). */
    keyDeletionWindowDays: number;
}

/** The arguments after validation, with defaults applied. */
interface CheckedArgs {
    organizationId: string;
    logArchiveAccountId: string;
    managementAccountId: string;
    region: string;
    trailRegion: string;
    bucketName: string;
    configKeyPrefix: string;
    organizationTrailName: string;
    readers: readonly string[];
    administrators: readonly string[];
    breakGlassRoleName: string;
    deploymentRoleName?: string;
    objectLock: LogArchiveObjectLock;
    lifecycle: Required<LogArchiveLifecycle>;
    accessLogRetentionDays: number;
    keyDeletionWindowDays: number;
}

const check = new ArgChecker("LogArchive");

/** Validates everything before anything is declared; one-line errors that name the argument. */
function checkArgs(args: LogArchiveArgs, opts: pulumi.ComponentResourceOptions | undefined): CheckedArgs {
    const logArchiveAccountId = check.accountId("logArchiveAccountId", args.logArchiveAccountId);
    const managementAccountId = check.accountId("managementAccountId", args.managementAccountId);
    const region = check.region("region", args.region);
    const breakGlassRoleName = check.roleName("breakGlassRoleName", args.breakGlassRoleName);
    const deploymentRoleName = check.optionalRoleName("deploymentRoleName", args.deploymentRoleName);
    if (deploymentRoleName === breakGlassRoleName) {
        check.failBecause("deploymentRoleName", deploymentRoleName, "is also breakGlassRoleName; expected a different role (break-glass is the emergency exception, the deployment role the routine one)");
    }
    const objectLock = {
        mode: check.oneOf("objectLock.mode", args.objectLock?.mode, OBJECT_LOCK_MODES),
        days: check.wholeNumber("objectLock.days", args.objectLock?.days, 1, OBJECT_LOCK_MAXIMUM_DAYS),
    };
    const standardIaDays = check.wholeNumber("lifecycle.standardIaDays", args.lifecycle?.standardIaDays, STANDARD_IA_MINIMUM_DAYS, LIFECYCLE_MAXIMUM_DAYS);
    const archiveDays = check.wholeNumber("lifecycle.archiveDays", args.lifecycle?.archiveDays, 1, LIFECYCLE_MAXIMUM_DAYS);
    if (archiveDays < standardIaDays + STANDARD_IA_MINIMUM_DAYS) {
        check.fail("lifecycle.archiveDays", archiveDays, `at least lifecycle.standardIaDays + 30 (${standardIaDays + STANDARD_IA_MINIMUM_DAYS}): S3 keeps an object 30 days in STANDARD_IA before the next transition`);
    }
    const expirationDays = check.wholeNumber("lifecycle.expirationDays", args.lifecycle?.expirationDays, 1, LIFECYCLE_MAXIMUM_DAYS);
    if (expirationDays <= archiveDays) {
        check.fail("lifecycle.expirationDays", expirationDays, `more than lifecycle.archiveDays (${archiveDays}): logs expire after their last transition`);
    }
    if (expirationDays < objectLock.days) {
        // Expiring a log while it is still locked only hides it behind a delete marker.
        check.fail("lifecycle.expirationDays", expirationDays, `at least objectLock.days (${objectLock.days}): a log that expires while locked only hides behind a delete marker`);
    }
    const lifecycle: Required<LogArchiveLifecycle> = {
        standardIaDays,
        archiveDays,
        archiveStorageClass: check.oneOf("lifecycle.archiveStorageClass", args.lifecycle?.archiveStorageClass, ARCHIVE_STORAGE_CLASSES),
        expirationDays,
        noncurrentExpirationDays: check.wholeNumber(
            "lifecycle.noncurrentExpirationDays",
            args.lifecycle?.noncurrentExpirationDays ?? DEFAULT_NONCURRENT_EXPIRATION_DAYS,
            1,
            LIFECYCLE_MAXIMUM_DAYS,
        ),
    };
    const checked: CheckedArgs = {
        organizationId: check.organizationId("organizationId", args.organizationId),
        logArchiveAccountId,
        managementAccountId,
        region,
        trailRegion: args.trailRegion === undefined ? region : check.region("trailRegion", args.trailRegion),
        bucketName: check.archiveBucketName("bucketName", args.bucketName),
        configKeyPrefix: check.keyPrefix("configKeyPrefix", args.configKeyPrefix ?? DEFAULT_CONFIG_KEY_PREFIX),
        organizationTrailName: check.trailName("organizationTrailName", args.organizationTrailName),
        readers: check.readerArns("readerPrincipalArns", args.readerPrincipalArns),
        administrators: check.roleArnsOf("keyAdministratorArns", args.keyAdministratorArns, logArchiveAccountId),
        breakGlassRoleName,
        deploymentRoleName,
        objectLock,
        lifecycle,
        accessLogRetentionDays: check.wholeNumber("accessLogRetentionDays", args.accessLogRetentionDays ?? DEFAULT_ACCESS_LOG_RETENTION_DAYS, 1, 3653),
        keyDeletionWindowDays: check.wholeNumber("keyDeletionWindowDays", args.keyDeletionWindowDays, 7, 30),
    };
    check.provider(opts, "the log-archive account's aws.Provider");
    return checked;
}

/**
 * The organisation's audit-log archive in the log-archive account: a protected, object-locked,
 * versioned, private, TLS-only bucket encrypted with its own customer-managed key, that the
 * organisation trail and the environments' AWS Config deliveries write to and the security team
 * reads, where nobody can delete a log and only break-glass (and the deployment role) can change a
 * setting; its S3 server access logs go to a second protected bucket.
 *
 * The access-logs bucket is encrypted with SSE-KMS under a customer-managed key of its own. AWS's
 * S3 user guide still says a server-access-log target supports only SSE-S3 default encryption, while
 * AWS Support and the AWS CDK team (aws-cdk#25350) found SSE-KMS works once the key policy admits
 * `logging.s3.amazonaws.com`; the organisation's policy pack refuses SSE-S3 (an AWS-owned key) for
 * every bucket unless its config allows it. SSE-KMS with a dedicated key whose policy admits the
 * logging service for this bucket only is the one setting both accept; if deliveries fail in an
 * account, the fallback is SSE-S3 plus a pack exemption for this bucket (`exemptions` with a reason).
 * Object lock cannot be used on a server-access-log target, so the access logs are protected by the
 * bucket policy and versioning instead.
 */
export class LogArchive extends pulumi.ComponentResource {
    /** Name of the archive bucket; resolves once its bucket policy is in place, so a trail that takes it is created after CloudTrail may write. */
    public readonly bucketName: pulumi.Output<string>;
    /** ARN of the archive bucket. */
    public readonly bucketArn: pulumi.Output<string>;
    /** ARN of the archive key: the organisation trail's `kmsKeyId`. */
    public readonly keyArn: pulumi.Output<string>;
    /** Name of the bucket that receives the archive's S3 server access logs. */
    public readonly accessLogsBucketName: pulumi.Output<string>;

    constructor(name: string, args: LogArchiveArgs, opts?: pulumi.ComponentResourceOptions) {
        const a = checkArgs(args, opts);
        super("zero-trust:audit-logs:LogArchive", name, {}, opts);

        const accessBucketName = accessLogsBucketName(a.bucketName);
        const key = new aws.kms.Key(
            `${name}-key`,
            {
                description: `Encrypts the organisation's audit-log archive ${a.bucketName}`,
                keyUsage: "ENCRYPT_DECRYPT",
                customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                enableKeyRotation: true,
                deletionWindowInDays: a.keyDeletionWindowDays,
                policy: JSON.stringify(
                    archiveKeyPolicy({
                        logArchiveAccountId: a.logArchiveAccountId,
                        region: a.region,
                        managementAccountId: a.managementAccountId,
                        organizationId: a.organizationId,
                        trailRegion: a.trailRegion,
                        trailName: a.organizationTrailName,
                        administrators: a.administrators,
                        readers: a.readers,
                    }),
                ),
                tags: { Name: "audit-logs-archive" },
            },
            // Deleting the key makes every archived log unreadable.
            { parent: this, protect: true },
        );
        new aws.kms.Alias(`${name}-key-alias`, { name: ARCHIVE_KEY_ALIAS, targetKeyId: key.keyId }, { parent: this });
        const accessLogsKey = new aws.kms.Key(
            `${name}-access-logs-key`,
            {
                description: `Encrypts the S3 server access logs of ${a.bucketName}`,
                keyUsage: "ENCRYPT_DECRYPT",
                customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                enableKeyRotation: true,
                deletionWindowInDays: a.keyDeletionWindowDays,
                policy: JSON.stringify(
                    accessLogsKeyPolicy({
                        logArchiveAccountId: a.logArchiveAccountId,
                        region: a.region,
                        accessLogsBucketName: accessBucketName,
                        administrators: a.administrators,
                        readers: a.readers,
                    }),
                ),
                tags: { Name: "audit-logs-access-logs" },
            },
            { parent: this, protect: true },
        );
        new aws.kms.Alias(`${name}-access-logs-key-alias`, { name: ACCESS_LOGS_KEY_ALIAS, targetKeyId: accessLogsKey.keyId }, { parent: this });

        const roles = { breakGlassRoleName: a.breakGlassRoleName, deploymentRoleName: a.deploymentRoleName };

        // The access-logs bucket: who read or tried to change the archive is evidence too.
        const accessBucket = new aws.s3.Bucket(
            `${name}-access-logs`,
            { bucket: accessBucketName, forceDestroy: false, tags: { Name: accessBucketName } },
            { parent: this, protect: true },
        );
        const accessSettings = this.privateBucket(`${name}-access-logs`, accessBucket, accessLogsKey.arn);
        const accessLifecycle = new aws.s3.BucketLifecycleConfiguration(
            `${name}-access-logs-lifecycle`,
            {
                bucket: accessBucket.id,
                rules: [
                    {
                        id: "expire-access-logs",
                        status: "Enabled",
                        filter: {},
                        expiration: { days: a.accessLogRetentionDays },
                        noncurrentVersionExpiration: { noncurrentDays: DEFAULT_NONCURRENT_EXPIRATION_DAYS },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: INCOMPLETE_UPLOAD_DAYS },
                    },
                    // Expiration cannot name days and delete markers in one rule.
                    { id: "remove-expired-delete-markers", status: "Enabled", filter: {}, expiration: { expiredObjectDeleteMarker: true } },
                ],
            },
            { parent: this, dependsOn: [accessSettings.versioning] },
        );
        const accessPolicy = new aws.s3.BucketPolicy(
            `${name}-access-logs-policy`,
            {
                bucket: accessBucket.id,
                policy: accessLogsBucketPolicy({
                    accessLogsBucketName: accessBucketName,
                    archiveBucketName: a.bucketName,
                    logArchiveAccountId: a.logArchiveAccountId,
                    readers: a.readers,
                    ...roles,
                }),
            },
            // Last: the policy denies configuration changes to all but break-glass and the deployment role,
            // and a policy put before the public access block could be judged public in between.
            { parent: this, dependsOn: [...accessSettings.all, accessLifecycle] },
        );

        // The archive. Object lock can only be turned on when the bucket is created.
        const bucket = new aws.s3.Bucket(
            `${name}-bucket`,
            { bucket: a.bucketName, forceDestroy: false, objectLockEnabled: true, tags: { Name: a.bucketName } },
            { parent: this, protect: true },
        );
        const settings = this.privateBucket(`${name}`, bucket, key.arn);
        const objectLock = new aws.s3.BucketObjectLockConfiguration(
            `${name}-object-lock`,
            { bucket: bucket.id, objectLockEnabled: "Enabled", rule: { defaultRetention: { mode: a.objectLock.mode, days: a.objectLock.days } } },
            { parent: this, dependsOn: [settings.versioning] },
        );
        const lifecycle = new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            {
                bucket: bucket.id,
                rules: [
                    {
                        id: "archive-and-expire-logs",
                        status: "Enabled",
                        filter: {},
                        transitions: [
                            { days: a.lifecycle.standardIaDays, storageClass: "STANDARD_IA" },
                            { days: a.lifecycle.archiveDays, storageClass: a.lifecycle.archiveStorageClass },
                        ],
                        // A current version expires into a delete marker and becomes noncurrent (already in the
                        // archive storage class); S3 removes it `noncurrentExpirationDays` later, its lock long over.
                        expiration: { days: a.lifecycle.expirationDays },
                        noncurrentVersionExpiration: { noncurrentDays: a.lifecycle.noncurrentExpirationDays },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: INCOMPLETE_UPLOAD_DAYS },
                    },
                    { id: "remove-expired-delete-markers", status: "Enabled", filter: {}, expiration: { expiredObjectDeleteMarker: true } },
                ],
            },
            { parent: this, dependsOn: [settings.versioning] },
        );
        const logging = new aws.s3.BucketLogging(
            `${name}-logging`,
            {
                bucket: bucket.id,
                targetBucket: accessBucket.id,
                targetPrefix: ARCHIVE_ACCESS_LOG_PREFIX,
                // <prefix><account>/<region>/<bucket>/<yyyy>/<mm>/<dd>/…: partitioned for Athena.
                targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
            },
            // The logging service may write only once the access-logs bucket's policy admits it.
            { parent: this, dependsOn: [accessPolicy] },
        );
        const policy = new aws.s3.BucketPolicy(
            `${name}-policy`,
            {
                bucket: bucket.id,
                policy: archiveBucketPolicy({
                    bucketName: a.bucketName,
                    logArchiveAccountId: a.logArchiveAccountId,
                    managementAccountId: a.managementAccountId,
                    organizationId: a.organizationId,
                    trailRegion: a.trailRegion,
                    trailName: a.organizationTrailName,
                    configKeyPrefix: a.configKeyPrefix,
                    readers: a.readers,
                    ...roles,
                }),
            },
            { parent: this, dependsOn: [...settings.all, objectLock, lifecycle, logging] },
        );

        // The trail must not be created before CloudTrail may write: the name resolves after the policy.
        this.bucketName = pulumi.all([bucket.bucket, policy.id]).apply(([bucketName]) => bucketName);
        this.bucketArn = bucket.arn;
        this.keyArn = key.arn;
        this.accessLogsBucketName = accessBucket.bucket;
        this.registerOutputs({
            bucketName: this.bucketName,
            bucketArn: this.bucketArn,
            keyArn: this.keyArn,
            accessLogsBucketName: this.accessLogsBucketName,
        });
    }

    /** Ownership enforced (ACLs off), every public access block, versioning, SSE-KMS with an S3 Bucket Key. */
    private privateBucket(prefix: string, bucket: aws.s3.Bucket, keyArn: pulumi.Output<string>) {
        const inBucket = { parent: this };
        const ownership = new aws.s3.BucketOwnershipControls(`${prefix}-ownership`, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, inBucket);
        const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
            `${prefix}-public-access-block`,
            { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            inBucket,
        );
        const versioning = new aws.s3.BucketVersioning(`${prefix}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, inBucket);
        const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
            `${prefix}-encryption`,
            { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn }, bucketKeyEnabled: true }] },
            inBucket,
        );
        return { versioning, all: [ownership, publicAccessBlock, versioning, encryption] };
    }
}
