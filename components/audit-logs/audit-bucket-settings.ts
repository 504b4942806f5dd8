import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

// What every bucket and key of the audit logs carries alike (the archive, its access logs, AWS
// Config's delivery bucket, the trail's log group key): declared once here, so each bucket is
// private and encrypted the same way, each key rotates and is protected, and the log buckets age
// the same way.

/** Storage classes the archive moves logs to after STANDARD_IA: Glacier Flexible Retrieval or Glacier Deep Archive. */
export const ARCHIVE_STORAGE_CLASSES = ["GLACIER", "DEEP_ARCHIVE"] as const;
export type ArchiveStorageClass = (typeof ARCHIVE_STORAGE_CLASSES)[number];

/** After how many days S3 removes the parts of an upload that never completed. */
export const INCOMPLETE_UPLOAD_DAYS = 7;

/** Default days a noncurrent version (an expired log) stays before S3 removes it. */
export const DEFAULT_NONCURRENT_EXPIRATION_DAYS = 30;

/** When logs move to cheaper storage and when they expire. */
export interface LogArchiveLifecycle {
    /** Days after creation a log moves to STANDARD_IA; at least 30 (S3's minimum). */
    standardIaDays: number;
    /** Days after creation a log moves to `archiveStorageClass`; at least 30 days after `standardIaDays` (S3's minimum stay in STANDARD_IA). */
    archiveDays: number;
    /** GLACIER (Glacier Flexible Retrieval) or DEEP_ARCHIVE (Glacier Deep Archive). */
    archiveStorageClass: ArchiveStorageClass;
    /** Days after creation a log expires; after `archiveDays`. */
    expirationDays: number;
    /** Days an expired (noncurrent) version stays before S3 removes it; default 30. */
    noncurrentExpirationDays?: number;
}

/** What differs between the audit-log keys. */
export interface AuditKeySettings {
    /** The key's description. */
    readonly description: string;
    /** The key policy (a document of log-archive-key-policy.ts or trail-policies.ts). */
    readonly policy: unknown;
    /** Days between scheduling deletion and the deletion, 7–30. */
    readonly deletionWindowInDays: number;
    /** The key's alias (`alias/audit-logs/…`). */
    readonly alias: string;
    /** Its `Name` tag. */
    readonly nameTag: string;
}

/**
 * A symmetric, yearly rotating customer-managed key and its alias (`<name>-alias`). Protected:
 * deleting an audit-log key makes everything it encrypted unreadable.
 */
export function protectedAuditKey(parent: pulumi.Resource, name: string, settings: AuditKeySettings): aws.kms.Key {
    const key = new aws.kms.Key(
        name,
        {
            description: settings.description,
            keyUsage: "ENCRYPT_DECRYPT",
            customerMasterKeySpec: "SYMMETRIC_DEFAULT",
            enableKeyRotation: true,
            deletionWindowInDays: settings.deletionWindowInDays,
            policy: JSON.stringify(settings.policy),
            tags: { Name: settings.nameTag },
        },
        { parent, protect: true },
    );
    new aws.kms.Alias(`${name}-alias`, { name: settings.alias, targetKeyId: key.keyId }, { parent });
    return key;
}

/** The resources that make a bucket private; `versioning` is what lifecycle and object lock wait for. */
export interface PrivateBucketSettings {
    readonly versioning: aws.s3.BucketVersioning;
    readonly all: readonly pulumi.Resource[];
}

/** Ownership enforced (ACLs off), every public access block, versioning, SSE-KMS under `keyArn` with an S3 Bucket Key. */
export function privateBucketSettings(
    parent: pulumi.Resource,
    prefix: string,
    bucket: aws.s3.Bucket,
    keyArn: pulumi.Input<string>,
): PrivateBucketSettings {
    const inBucket = { parent };
    const ownership = new aws.s3.BucketOwnershipControls(
        `${prefix}-ownership`,
        { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
        inBucket,
    );
    const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
        `${prefix}-public-access-block`,
        { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        inBucket,
    );
    const versioning = new aws.s3.BucketVersioning(
        `${prefix}-versioning`,
        { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
        inBucket,
    );
    const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
        `${prefix}-encryption`,
        {
            bucket: bucket.id,
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn }, bucketKeyEnabled: true }],
        },
        inBucket,
    );
    return { versioning, all: [ownership, publicAccessBlock, versioning, encryption] };
}

/**
 * The log lifecycle: Standard-IA, then the archive storage class, then expiry. A current version
 * expires into a delete marker and becomes noncurrent (already in the archive storage class); S3
 * removes it `noncurrentExpirationDays` later. Lifecycle expiry is S3's own, not subject to the
 * bucket policy that denies deleting to everyone.
 */
export function logLifecycleRules(lifecycle: Required<LogArchiveLifecycle>): aws.types.input.s3.BucketLifecycleConfigurationRule[] {
    return [
        {
            id: "archive-and-expire-logs",
            status: "Enabled",
            filter: {},
            transitions: [
                { days: lifecycle.standardIaDays, storageClass: "STANDARD_IA" },
                { days: lifecycle.archiveDays, storageClass: lifecycle.archiveStorageClass },
            ],
            expiration: { days: lifecycle.expirationDays },
            noncurrentVersionExpiration: { noncurrentDays: lifecycle.noncurrentExpirationDays },
            abortIncompleteMultipartUpload: { daysAfterInitiation: INCOMPLETE_UPLOAD_DAYS },
        },
        REMOVE_EXPIRED_DELETE_MARKERS,
    ];
}

/** Expiration cannot name days and delete markers in one rule. */
export const REMOVE_EXPIRED_DELETE_MARKERS = {
    id: "remove-expired-delete-markers",
    status: "Enabled",
    filter: {},
    expiration: { expiredObjectDeleteMarker: true },
} as const;
