// Bucket policies of the log archive, as data: pure functions from names to documents, so every
// statement can be tested without a deployment. ARNs are built from names (trail, buckets, roles),
// so the documents are fully known during `pulumi preview`.
//
// The archive bucket:
// - Every request without TLS, or with TLS below 1.2, is denied to everyone.
// - Deleting objects or object versions, and lifting a governance-mode lock, is denied to EVERYONE,
//   the break-glass role included. Logs leave the archive only by the lifecycle rules (expiry is
//   performed by S3 itself and not subject to the bucket policy) once object lock lets them go; a
//   deletion by hand is never part of operating an audit archive, so an exemption would only serve
//   an attacker holding the break-glass role. The organisation's SCP (DenyAuditLogObjectDeletion)
//   says the same for every principal of the member accounts.
// - Changing the bucket's policy, object lock, versioning, encryption, logging, lifecycle, ownership,
//   public access block, ACL or replication, or deleting the bucket, is denied to everyone but the
//   break-glass role and, when named, the deployment role (Pulumi owns those settings and must be
//   able to update them; the same two roles the SCP exempts).
// - Only AWS services write objects (aws:PrincipalIsAWSService), so no principal can plant a log.
// - CloudTrail checks the ACL and writes for the organisation trail only (aws:SourceArn), under
//   `AWSLogs/<management account>/` and `AWSLogs/<organization id>/`, with bucket-owner-full-control
//   (AWS: "Amazon S3 bucket policy for CloudTrail", organisation trails).
// - Readers (exact principal ARNs) list and read; nothing else. Readers in the log-archive account
//   itself (the security-auditor permission set's roles) are admitted by role ARN pattern through the
//   account root, as in the key policy.
// - AWS Config does not write here: it cannot deliver into a bucket with object lock (AWS
//   CloudFormation "AWS::Config::DeliveryChannel": "AWS Config does not support the delivery channel
//   to an Amazon S3 bucket where object lock is enabled"); it has a bucket of its own.
//
// AWS Config's delivery bucket: the archive's transport, configuration and write rules, no object
// lock; deleting a delivery or a version is denied to EVERYONE (deliveries leave only by lifecycle
// expiry). AWS Config checks the ACL, the bucket's existence and writes under
// `<prefix>/AWSLogs/*/Config/` on behalf of the organisation's accounts only (aws:SourceOrgID, as
// AWS Control Tower's log archive does), with bucket-owner-full-control; readers read.
//
// The access-logs bucket: the same transport and configuration rules; S3 server access logging
// writes for the archive bucket (and the Config delivery bucket) only, each under its own prefix
// (aws:SourceArn, aws:SourceAccount: AWS "Enabling Amazon S3 server access logging"); deleting access
// logs is denied to all but the break-glass role (the access-logs bucket cannot carry object lock,
// so break-glass keeps a way to purge it); readers read.

import { accountRoot, bucketArn, roleArn, trailArn } from "../../iam/arns";
import type { Condition, PolicyDocument, ResourcePolicyStatement } from "../../iam/policy-document";
import { denyInsecureTransport } from "../../iam/statements";
import {
    ARCHIVE_ACCESS_LOG_PREFIX,
    CLOUDTRAIL_SERVICE,
    CONFIG_DELIVERY_ACCESS_LOG_PREFIX,
    CONFIG_SERVICE,
    S3_LOGGING_SERVICE,
} from "./audit-log-names";

/**
 * Deleting log objects or their versions, or lifting a governance-mode lock: denied by the bucket
 * policy, the organisation's SCP and every permission set alike.
 */
export const LOG_OBJECT_DELETION_ACTIONS = ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention"] as const;

/** Deleting objects of a bucket without object lock (nothing to bypass): the access logs, the Config deliveries. */
export const ACCESS_LOG_DELETION_ACTIONS = ["s3:DeleteObject", "s3:DeleteObjectVersion"] as const;

/**
 * Every way to change what the bucket keeps, who can reach it or where it reports, and deleting it.
 * (Deleting a configuration is authorised by its Put action: DeleteBucketEncryption by
 * s3:PutEncryptionConfiguration, DeleteBucketLifecycle by s3:PutLifecycleConfiguration, …)
 */
export const BUCKET_CONFIGURATION_ACTIONS = [
    "s3:DeleteBucket",
    "s3:PutBucketPolicy",
    "s3:DeleteBucketPolicy",
    "s3:PutBucketObjectLockConfiguration",
    "s3:PutBucketVersioning",
    "s3:PutEncryptionConfiguration",
    "s3:PutBucketLogging",
    "s3:PutLifecycleConfiguration",
    "s3:PutBucketOwnershipControls",
    "s3:PutBucketPublicAccessBlock",
    "s3:PutBucketAcl",
    "s3:PutReplicationConfiguration",
] as const;

/** What readers may do on the bucket itself. */
export const READER_BUCKET_ACTIONS = ["s3:ListBucket", "s3:ListBucketVersions", "s3:GetBucketLocation"] as const;

/** What readers may do on the objects: read them, their versions, attributes, retention and legal hold. */
export const READER_OBJECT_ACTIONS = [
    "s3:GetObject",
    "s3:GetObjectVersion",
    "s3:GetObjectAttributes",
    "s3:GetObjectVersionAttributes",
    "s3:GetObjectRetention",
    "s3:GetObjectLegalHold",
] as const;

/** The canned ACL every service delivery must carry (honoured as a no-op with ACLs disabled, required by the services' documented policies). */
export const BUCKET_OWNER_FULL_CONTROL = "bucket-owner-full-control";

/** The roles that may change a bucket's configuration: break-glass, and the deployment role when named. */
export interface ConfigurationRoles {
    /** Name of the emergency role in the log-archive account (path `/`). */
    readonly breakGlassRoleName: string;
    /** Name of the role Pulumi deploys the log archive with (path `/`); absent: only break-glass may change the buckets. */
    readonly deploymentRoleName?: string;
}

/**
 * Who reads an audit bucket (and decrypts it through S3): exact principals, and role ARN patterns
 * of the log-archive account (permissionSetRoleArnPattern), admitted through its root.
 */
export interface AuditLogReaders {
    /** The log-archive account (owner of the buckets, their keys and the exempt roles). */
    readonly logArchiveAccountId: string;
    /** Principals that read (exact ARNs). */
    readonly readers: readonly string[];
    /** Role ARN patterns of the log-archive account that read. */
    readonly accountReaderRolePatterns: readonly string[];
}

/** The facts the archive bucket's policy is built from. */
export interface ArchiveBucketFacts extends ConfigurationRoles, AuditLogReaders {
    /** Name of the archive bucket. */
    readonly bucketName: string;
    /** The management account, home of the organisation trail. */
    readonly managementAccountId: string;
    /** The organisation (`o-…`). */
    readonly organizationId: string;
    /** Home region of the organisation trail. */
    readonly trailRegion: string;
    /** Name of the organisation trail. */
    readonly trailName: string;
}

/** The archive bucket's policy. */
export function archiveBucketPolicy(facts: ArchiveBucketFacts): PolicyDocument<ResourcePolicyStatement> {
    const bucket = bucketArn(facts.bucketName);
    const objects = `${bucket}/*`;
    const fromTheTrail = { "aws:SourceArn": trailArn(facts.trailRegion, facts.managementAccountId, facts.trailName) };
    return {
        Version: "2012-10-17",
        Statement: [
            ...transportDenies(bucket),
            {
                Sid: "DenyLogDeletionToEveryone",
                Effect: "Deny",
                Principal: "*",
                Action: [...LOG_OBJECT_DELETION_ACTIONS],
                Resource: objects,
            },
            protectConfiguration(bucket, facts),
            onlyAwsServicesWrite(objects),
            {
                Sid: "CloudTrailChecksBucketAcl",
                Effect: "Allow",
                Principal: { Service: CLOUDTRAIL_SERVICE },
                Action: ["s3:GetBucketAcl"],
                Resource: bucket,
                Condition: { StringEquals: fromTheTrail },
            },
            {
                Sid: "CloudTrailWritesManagementAccountLogs",
                Effect: "Allow",
                Principal: { Service: CLOUDTRAIL_SERVICE },
                Action: ["s3:PutObject"],
                Resource: `${bucket}/AWSLogs/${facts.managementAccountId}/*`,
                Condition: { StringEquals: { "s3:x-amz-acl": BUCKET_OWNER_FULL_CONTROL, ...fromTheTrail } },
            },
            {
                Sid: "CloudTrailWritesOrganizationLogs",
                Effect: "Allow",
                Principal: { Service: CLOUDTRAIL_SERVICE },
                Action: ["s3:PutObject"],
                Resource: `${bucket}/AWSLogs/${facts.organizationId}/*`,
                Condition: { StringEquals: { "s3:x-amz-acl": BUCKET_OWNER_FULL_CONTROL, ...fromTheTrail } },
            },
            ...readersRead(bucket, facts),
        ],
    };
}

/** The facts AWS Config's delivery bucket's policy is built from. */
export interface ConfigDeliveryBucketFacts extends ConfigurationRoles, AuditLogReaders {
    /** Name of the delivery bucket. */
    readonly bucketName: string;
    /** The organisation (`o-…`) whose accounts' AWS Config may deliver. */
    readonly organizationId: string;
    /** Key prefix of the AWS Config deliveries (the environments' `baseline.configKeyPrefix`). */
    readonly configKeyPrefix: string;
}

/** AWS Config's delivery bucket's policy. */
export function configDeliveryBucketPolicy(facts: ConfigDeliveryBucketFacts): PolicyDocument<ResourcePolicyStatement> {
    const bucket = bucketArn(facts.bucketName);
    const objects = `${bucket}/*`;
    const fromTheOrganization = { "aws:SourceOrgID": facts.organizationId };
    return {
        Version: "2012-10-17",
        Statement: [
            ...transportDenies(bucket),
            {
                Sid: "DenyDeliveryDeletionToEveryone",
                Effect: "Deny",
                Principal: "*",
                Action: [...ACCESS_LOG_DELETION_ACTIONS],
                Resource: objects,
            },
            protectConfiguration(bucket, facts),
            onlyAwsServicesWrite(objects),
            {
                Sid: "ConfigChecksBucketAcl",
                Effect: "Allow",
                Principal: { Service: CONFIG_SERVICE },
                Action: ["s3:GetBucketAcl"],
                Resource: bucket,
                Condition: { StringEquals: fromTheOrganization },
            },
            {
                Sid: "ConfigChecksBucketExists",
                Effect: "Allow",
                Principal: { Service: CONFIG_SERVICE },
                Action: ["s3:ListBucket"],
                Resource: bucket,
                Condition: { StringEquals: fromTheOrganization },
            },
            {
                Sid: "ConfigDeliversForOrganizationAccounts",
                Effect: "Allow",
                Principal: { Service: CONFIG_SERVICE },
                Action: ["s3:PutObject"],
                Resource: `${bucket}/${facts.configKeyPrefix}/AWSLogs/*/Config/*`,
                Condition: { StringEquals: { "s3:x-amz-acl": BUCKET_OWNER_FULL_CONTROL, ...fromTheOrganization } },
            },
            ...readersRead(bucket, facts),
        ],
    };
}

/** The facts the access-logs bucket's policy is built from. */
export interface AccessLogsBucketFacts extends ConfigurationRoles {
    /** Name of the access-logs bucket. */
    readonly accessLogsBucketName: string;
    /** Name of the archive bucket, a source of access logs. */
    readonly archiveBucketName: string;
    /** Name of AWS Config's delivery bucket, the other source of access logs, when it logs here. */
    readonly configDeliveryBucketName?: string;
    /** The log-archive account (owner of both buckets). */
    readonly logArchiveAccountId: string;
    /** Principals that read the access logs (exact ARNs). */
    readonly readers: readonly string[];
}

/** The access-logs bucket's policy. */
export function accessLogsBucketPolicy(facts: AccessLogsBucketFacts): PolicyDocument<ResourcePolicyStatement> {
    const bucket = bucketArn(facts.accessLogsBucketName);
    const objects = `${bucket}/*`;
    return {
        Version: "2012-10-17",
        Statement: [
            ...transportDenies(bucket),
            {
                Sid: "DenyAccessLogDeletionExceptBreakGlass",
                Effect: "Deny",
                Principal: "*",
                Action: [...ACCESS_LOG_DELETION_ACTIONS],
                Resource: objects,
                Condition: { ArnNotLike: { "aws:PrincipalArn": [roleArn(facts.logArchiveAccountId, facts.breakGlassRoleName)] } },
            },
            protectConfiguration(bucket, facts),
            onlyAwsServicesWrite(objects),
            accessLogsFrom(
                "S3ServerAccessLogsFromArchiveBucket",
                `${bucket}/${ARCHIVE_ACCESS_LOG_PREFIX}*`,
                facts.archiveBucketName,
                facts.logArchiveAccountId,
            ),
            ...(facts.configDeliveryBucketName === undefined
                ? []
                : [
                      accessLogsFrom(
                          "S3ServerAccessLogsFromConfigDeliveryBucket",
                          `${bucket}/${CONFIG_DELIVERY_ACCESS_LOG_PREFIX}*`,
                          facts.configDeliveryBucketName,
                          facts.logArchiveAccountId,
                      ),
                  ]),
            ...readersRead(bucket, {
                readers: facts.readers,
                accountReaderRolePatterns: [],
                logArchiveAccountId: facts.logArchiveAccountId,
            }),
        ],
    };
}

/** S3 server access logging writes under `objects` for one source bucket of the account only. */
function accessLogsFrom(sid: string, objects: string, sourceBucketName: string, accountId: string): ResourcePolicyStatement {
    return {
        Sid: sid,
        Effect: "Allow",
        Principal: { Service: S3_LOGGING_SERVICE },
        Action: ["s3:PutObject"],
        Resource: objects,
        Condition: {
            ArnLike: { "aws:SourceArn": bucketArn(sourceBucketName) },
            StringEquals: { "aws:SourceAccount": accountId },
        },
    };
}

/**
 * No request without TLS (the form the policy pack and CIS 2.1.1 look for: one condition, every
 * principal, s3:*), and none with TLS below 1.2.
 */
function transportDenies(bucket: string): ResourcePolicyStatement[] {
    const everything = [bucket, `${bucket}/*`];
    return [
        denyInsecureTransport(["s3:*"], everything),
        {
            Sid: "DenyTlsBelow12",
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:*"],
            Resource: everything,
            Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
        },
    ];
}

/** Changing the bucket: denied to every principal whose ARN is not the break-glass (or deployment) role's. */
function protectConfiguration(
    bucket: string,
    roles: ConfigurationRoles & { readonly logArchiveAccountId: string },
): ResourcePolicyStatement {
    const exempt = [roles.breakGlassRoleName, ...(roles.deploymentRoleName === undefined ? [] : [roles.deploymentRoleName])];
    return {
        Sid: "DenyConfigurationChangesExceptBreakGlassAndDeployment",
        Effect: "Deny",
        Principal: "*",
        Action: [...BUCKET_CONFIGURATION_ACTIONS],
        Resource: bucket,
        Condition: { ArnNotLike: { "aws:PrincipalArn": exempt.map((name) => roleArn(roles.logArchiveAccountId, name)) } },
    };
}

/**
 * Only AWS service principals put objects. IfExists: a request without the key (anonymous) is
 * denied too.
 */
function onlyAwsServicesWrite(objects: string): ResourcePolicyStatement {
    return {
        Sid: "DenyWritesExceptByAwsServices",
        Effect: "Deny",
        Principal: "*",
        Action: ["s3:PutObject"],
        Resource: objects,
        Condition: { BoolIfExists: { "aws:PrincipalIsAWSService": "false" } },
    };
}

/**
 * Readers list the bucket and read its objects. Role patterns of the bucket's account are admitted
 * through the account root with an aws:PrincipalArn condition (a wildcard principal would make the
 * policy public in S3's eyes).
 */
function readersRead(bucket: string, who: AuditLogReaders): ResourcePolicyStatement[] {
    const read = (sid: string, principal: string[], condition?: Condition): ResourcePolicyStatement[] => [
        {
            Sid: `${sid}ListBucket`,
            Effect: "Allow",
            Principal: { AWS: principal },
            Action: [...READER_BUCKET_ACTIONS],
            Resource: bucket,
            ...(condition === undefined ? {} : { Condition: condition }),
        },
        {
            Sid: `${sid}ReadObjects`,
            Effect: "Allow",
            Principal: { AWS: principal },
            Action: [...READER_OBJECT_ACTIONS],
            Resource: `${bucket}/*`,
            ...(condition === undefined ? {} : { Condition: condition }),
        },
    ];
    return [
        ...read("Readers", [...who.readers]),
        ...(who.accountReaderRolePatterns.length === 0
            ? []
            : read("AccountReaderRoles", [accountRoot(who.logArchiveAccountId)], {
                  ArnLike: { "aws:PrincipalArn": [...who.accountReaderRolePatterns] },
              })),
    ];
}
