import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { fail, validChoice, validWholeNumber } from "../../validation/argument-error";
import {
    validAccountId,
    validBucketName,
    validOptionalRoleName,
    validOrganizationId,
    validRegion,
    validRoleName,
} from "../../validation/aws-identifiers";
import {
    checkProviderGiven,
    OBJECT_LOCK_MAXIMUM_DAYS,
    OBJECT_LOCK_MODES,
    type ObjectLockMode,
    refuseDeploymentAsBreakGlass,
    validAccountRolePatterns,
    validArchiveBucketName,
    validLifecycle,
    validReaderArns,
    validRoleArnsOf,
    validTrailName,
} from "./audit-log-args";
import {
    DEFAULT_NONCURRENT_EXPIRATION_DAYS,
    INCOMPLETE_UPLOAD_DAYS,
    type LogArchiveLifecycle,
    logLifecycleRules,
    privateBucketSettings,
    protectedAuditKey,
    REMOVE_EXPIRED_DELETE_MARKERS,
} from "./audit-bucket-settings";
import { ACCESS_LOGS_KEY_ALIAS, ARCHIVE_ACCESS_LOG_PREFIX, ARCHIVE_KEY_ALIAS, accessLogsBucketName } from "./audit-log-names";
import { accessLogsKeyPolicy, archiveKeyPolicy } from "./log-archive-key-policy";
import { accessLogsBucketPolicy, archiveBucketPolicy } from "./log-archive-policies";

export type { LogArchiveLifecycle } from "./audit-bucket-settings";

/** Default days the archive's S3 access logs are kept. */
export const DEFAULT_ACCESS_LOG_RETENTION_DAYS = 365;

/** Object lock applied to every new object version by default. */
export interface LogArchiveObjectLock {
    /** GOVERNANCE (lifted only with s3:BypassGovernanceRetention, which the bucket policy denies to everyone) or COMPLIANCE (lifted by nobody, root included). */
    mode: ObjectLockMode;
    /** Days each object version is locked, 1–36500. */
    days: number;
}

export interface LogArchiveArgs {
    /** The organisation (`o-…`): its trail writes under `AWSLogs/<id>/`. */
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
     * access-logs bucket is `<bucketName>-access-logs`). AWS Config does not deliver here (object lock).
     */
    bucketName: string;
    /** Name of AWS Config's delivery bucket (ConfigDeliveryBucket), whose S3 server access logs the access-logs bucket then admits too. */
    configDeliveryBucketName?: string;
    /** Name of the organisation trail: its ARN (`arn:aws:cloudtrail:<trailRegion>:<managementAccountId>:trail/<name>`) scopes CloudTrail's access to bucket and key. */
    organizationTrailName: string;
    /**
     * Principals that read and investigate the archive (both buckets) and decrypt it through S3:
     * exact ARNs, such as the security account's root (`arn:aws:iam::<id>:root`, its IAM policies
     * decide who) or a role ARN. They must exist: S3 and KMS refuse policies naming unknown principals.
     */
    readerPrincipalArns: string[];
    /**
     * Role ARN patterns of the log-archive account that read the archive and decrypt it through S3
     * (`permissionSetRoleArnPattern`, e.g. the security-auditor permission set's roles), admitted
     * through the account root with an `aws:PrincipalArn` condition; their IAM policies must allow it too.
     */
    accountReaderRolePatterns?: string[];
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
    configDeliveryBucketName?: string;
    organizationTrailName: string;
    readers: readonly string[];
    accountReaderRolePatterns: readonly string[];
    administrators: readonly string[];
    breakGlassRoleName: string;
    deploymentRoleName?: string;
    objectLock: LogArchiveObjectLock;
    lifecycle: Required<LogArchiveLifecycle>;
    accessLogRetentionDays: number;
    keyDeletionWindowDays: number;
}

/** Validates everything before anything is declared; one-line errors that name the argument. */
function checkArgs(args: LogArchiveArgs, opts: pulumi.ComponentResourceOptions | undefined): CheckedArgs {
    const logArchiveAccountId = validAccountId("LogArchive: logArchiveAccountId", args.logArchiveAccountId);
    const managementAccountId = validAccountId("LogArchive: managementAccountId", args.managementAccountId);
    const region = validRegion("LogArchive: region", args.region);
    const breakGlassRoleName = validRoleName("LogArchive: breakGlassRoleName", args.breakGlassRoleName);
    const deploymentRoleName = validOptionalRoleName("LogArchive: deploymentRoleName", args.deploymentRoleName);
    refuseDeploymentAsBreakGlass("LogArchive", deploymentRoleName, breakGlassRoleName);
    const objectLock = {
        mode: validChoice("LogArchive: objectLock.mode", args.objectLock?.mode, OBJECT_LOCK_MODES),
        days: validWholeNumber("LogArchive: objectLock.days", args.objectLock?.days, 1, OBJECT_LOCK_MAXIMUM_DAYS),
    };
    const lifecycle = validLifecycle("LogArchive", "lifecycle", args.lifecycle);
    if (lifecycle.expirationDays < objectLock.days) {
        // Expiring a log while it is still locked only hides it behind a delete marker.
        fail(
            "LogArchive: lifecycle.expirationDays",
            lifecycle.expirationDays,
            `at least objectLock.days (${objectLock.days}): a log that expires while locked only hides behind a delete marker`,
        );
    }
    const checked: CheckedArgs = {
        organizationId: validOrganizationId("LogArchive: organizationId", args.organizationId),
        logArchiveAccountId,
        managementAccountId,
        region,
        trailRegion: args.trailRegion === undefined ? region : validRegion("LogArchive: trailRegion", args.trailRegion),
        bucketName: validArchiveBucketName("LogArchive: bucketName", args.bucketName),
        ...(args.configDeliveryBucketName === undefined
            ? {}
            : { configDeliveryBucketName: validBucketName("LogArchive: configDeliveryBucketName", args.configDeliveryBucketName) }),
        organizationTrailName: validTrailName("LogArchive: organizationTrailName", args.organizationTrailName),
        readers: validReaderArns("LogArchive: readerPrincipalArns", args.readerPrincipalArns),
        accountReaderRolePatterns: validAccountRolePatterns(
            "LogArchive: accountReaderRolePatterns",
            args.accountReaderRolePatterns ?? [],
            logArchiveAccountId,
        ),
        administrators: validRoleArnsOf("LogArchive: keyAdministratorArns", args.keyAdministratorArns, logArchiveAccountId),
        breakGlassRoleName,
        deploymentRoleName,
        objectLock,
        lifecycle,
        accessLogRetentionDays: validWholeNumber(
            "LogArchive: accessLogRetentionDays",
            args.accessLogRetentionDays ?? DEFAULT_ACCESS_LOG_RETENTION_DAYS,
            1,
            3653,
        ),
        keyDeletionWindowDays: validWholeNumber("LogArchive: keyDeletionWindowDays", args.keyDeletionWindowDays, 7, 30),
    };
    checkProviderGiven("LogArchive", opts, "the log-archive account's aws.Provider");
    return checked;
}

/**
 * The organisation's audit-log archive in the log-archive account: a protected, object-locked,
 * versioned, private, TLS-only bucket encrypted with its own customer-managed key, that the
 * organisation trail writes to and the security team reads, where nobody can delete a log and only break-glass (and the deployment role) can change a
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
        const key = protectedAuditKey(this, `${name}-key`, {
            description: `Encrypts the organisation's audit-log archive ${a.bucketName}`,
            policy: archiveKeyPolicy({
                logArchiveAccountId: a.logArchiveAccountId,
                region: a.region,
                managementAccountId: a.managementAccountId,
                organizationId: a.organizationId,
                trailRegion: a.trailRegion,
                trailName: a.organizationTrailName,
                administrators: a.administrators,
                readers: a.readers,
                accountReaderRolePatterns: a.accountReaderRolePatterns,
            }),
            deletionWindowInDays: a.keyDeletionWindowDays,
            alias: ARCHIVE_KEY_ALIAS,
            nameTag: "audit-logs-archive",
        });
        const accessLogsKey = protectedAuditKey(this, `${name}-access-logs-key`, {
            description: `Encrypts the S3 server access logs of ${a.bucketName}`,
            policy: accessLogsKeyPolicy({
                logArchiveAccountId: a.logArchiveAccountId,
                region: a.region,
                accessLogsBucketName: accessBucketName,
                administrators: a.administrators,
                readers: a.readers,
            }),
            deletionWindowInDays: a.keyDeletionWindowDays,
            alias: ACCESS_LOGS_KEY_ALIAS,
            nameTag: "audit-logs-access-logs",
        });

        const roles = { breakGlassRoleName: a.breakGlassRoleName, deploymentRoleName: a.deploymentRoleName };

        // The access-logs bucket: who read or tried to change the archive is evidence too.
        const accessBucket = new aws.s3.Bucket(
            `${name}-access-logs`,
            { bucket: accessBucketName, forceDestroy: false, tags: { Name: accessBucketName } },
            { parent: this, protect: true },
        );
        const accessSettings = privateBucketSettings(this, `${name}-access-logs`, accessBucket, accessLogsKey.arn);
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
                    REMOVE_EXPIRED_DELETE_MARKERS,
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
                    ...(a.configDeliveryBucketName === undefined ? {} : { configDeliveryBucketName: a.configDeliveryBucketName }),
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
        const settings = privateBucketSettings(this, name, bucket, key.arn);
        const objectLock = new aws.s3.BucketObjectLockConfiguration(
            `${name}-object-lock`,
            {
                bucket: bucket.id,
                objectLockEnabled: "Enabled",
                rule: { defaultRetention: { mode: a.objectLock.mode, days: a.objectLock.days } },
            },
            { parent: this, dependsOn: [settings.versioning] },
        );
        const lifecycle = new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            { bucket: bucket.id, rules: logLifecycleRules(a.lifecycle) },
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
                    readers: a.readers,
                    accountReaderRolePatterns: a.accountReaderRolePatterns,
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
}
