// Key policies of the log archive, as data: pure functions from names to documents, so every
// statement can be tested without a deployment. The components only serialise them.
//
// Both keys live in the log-archive account and share the house rules of key-policy.ts:
// - key administrators (role ARNs of the log-archive account; the role Pulumi deploys with must be
//   one of them, or KMS refuses the policy under its lockout safety check) manage the key but cannot
//   use it or create grants;
// - the account root keeps only DescribeKey/GetKeyPolicy/PutKeyPolicy, so a key whose administrator
//   roles are gone can still be recovered;
// - nothing is granted to a wildcard principal, and nobody gets `kms:*`.
//
// The archive key (AWS: CloudTrail "Configure AWS KMS key policies for CloudTrail"; AWS Config
// "Permissions for the KMS key"):
// - CloudTrail encrypts (GenerateDataKey*) only for the organisation trail: aws:SourceArn is the
//   trail's ARN and the `aws:cloudtrail:arn` encryption context a trail of the management account.
//   It may DescribeKey for that trail, and Decrypt for it: with an S3 Bucket Key on the archive,
//   CloudTrail needs kms:Decrypt to create or update an SSE-KMS trail.
// - Readers (the security team) decrypt only through S3 (kms:ViaService), so the key cannot be used
//   for anything but reading the archive's objects. Readers in the log-archive account itself (the
//   security-auditor permission set's roles) are admitted by role ARN pattern through the account
//   root: Identity Center names its roles with a suffix unknown before the assignment exists.
//
// The Config delivery key (AWS Config "Permissions for the KMS Key for the AWS Config Delivery
// Channel"): AWS Config delivers as its service principal when the recorder's role cannot write to a
// bucket of another account (the environments' roles have no KMS rights), and then needs Decrypt and
// GenerateDataKey; aws:SourceOrgID admits deliveries on behalf of the organisation's accounts only,
// as AWS Control Tower's log archive does. Readers as for the archive key.
//
// The access-logs key: S3 server access logging writes with it, scoped by the encryption context S3
// sets (`aws:s3:arn`: the access-logs bucket with an S3 Bucket Key, or one of its objects); readers
// decrypt through S3 only.

import { accountRoot, bucketArn, trailArn, viaService } from "../../iam/arns";
import { policyDocument, type KeyPolicyStatement } from "../../iam/policy-document";
import { keyManagementStatements, type KeyPolicyDocument } from "../encryption/key-policy";
import type { AuditLogReaders } from "./log-archive-policies";
import { CLOUDTRAIL_SERVICE, cloudTrailEncryptionContext, CONFIG_SERVICE, S3_LOGGING_SERVICE } from "./audit-log-names";

/** What CloudTrail may do to encrypt log and digest files (AWS's statement). */
export const CLOUDTRAIL_ENCRYPT_ACTIONS = ["kms:GenerateDataKey*"] as const;

/** What CloudTrail may do besides encrypting, for the organisation trail only. */
export const CLOUDTRAIL_KEY_CHECK_ACTIONS = ["kms:DescribeKey", "kms:Decrypt"] as const;

/** What AWS Config's service principal needs to deliver into a bucket encrypted with the key. */
export const CONFIG_DELIVERY_KEY_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey"] as const;

/** What S3 server access logging needs to write SSE-KMS objects (Decrypt for multipart uploads and the bucket key). */
export const S3_LOGGING_KEY_ACTIONS = ["kms:GenerateDataKey", "kms:Decrypt"] as const;

/** What a reader needs to read the archive through S3: decrypt, and see which key it is. */
export const READER_KEY_ACTIONS = ["kms:Decrypt", "kms:DescribeKey"] as const;

/** The facts the archive key's policy is built from. */
export interface ArchiveKeyFacts extends AuditLogReaders {
    /** Region of the key and of the archive bucket. */
    readonly region: string;
    /** The organisation's management account, home of the organisation trail. */
    readonly managementAccountId: string;
    /** The organisation (`o-…`) whose accounts' AWS Config deliveries may use the key. */
    readonly organizationId: string;
    /** Region of the organisation trail (its home region). */
    readonly trailRegion: string;
    /** Name of the organisation trail. */
    readonly trailName: string;
    /** Role ARNs of the log-archive account that administer the key. */
    readonly administrators: readonly string[];
}

/** The archive key's policy: CloudTrail for the organisation trail, readers through S3. */
export function archiveKeyPolicy(facts: ArchiveKeyFacts): KeyPolicyDocument {
    const forTheTrail = { "aws:SourceArn": trailArn(facts.trailRegion, facts.managementAccountId, facts.trailName) };
    return auditKeyPolicyDocument(facts.logArchiveAccountId, facts.administrators, [
        {
            Sid: "CloudTrailEncryptsOrganizationTrailLogs",
            Effect: "Allow",
            Principal: { Service: CLOUDTRAIL_SERVICE },
            Action: [...CLOUDTRAIL_ENCRYPT_ACTIONS],
            Resource: "*",
            Condition: {
                StringEquals: forTheTrail,
                StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": cloudTrailEncryptionContext(facts.managementAccountId) },
            },
        },
        {
            Sid: "CloudTrailChecksKeyForOrganizationTrail",
            Effect: "Allow",
            Principal: { Service: CLOUDTRAIL_SERVICE },
            Action: [...CLOUDTRAIL_KEY_CHECK_ACTIONS],
            Resource: "*",
            Condition: { StringEquals: forTheTrail },
        },
        ...readersThroughS3(facts),
    ]);
}

/** The facts the Config delivery key's policy is built from. */
export interface ConfigDeliveryKeyFacts extends AuditLogReaders {
    /** Region of the key and of the bucket. */
    readonly region: string;
    /** The organisation (`o-…`) whose accounts' AWS Config deliveries may use the key. */
    readonly organizationId: string;
    /** Role ARNs of the log-archive account that administer the key. */
    readonly administrators: readonly string[];
}

/** The Config delivery key's policy: AWS Config for the organisation's accounts, readers through S3. */
export function configDeliveryKeyPolicy(facts: ConfigDeliveryKeyFacts): KeyPolicyDocument {
    return auditKeyPolicyDocument(facts.logArchiveAccountId, facts.administrators, [
        {
            Sid: "ConfigDeliversForOrganizationAccounts",
            Effect: "Allow",
            Principal: { Service: CONFIG_SERVICE },
            Action: [...CONFIG_DELIVERY_KEY_ACTIONS],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceOrgID": facts.organizationId } },
        },
        ...readersThroughS3(facts),
    ]);
}

/** The facts the access-logs key's policy is built from. */
export interface AccessLogsKeyFacts {
    /** Account of the key and of both buckets (the log-archive account). */
    readonly logArchiveAccountId: string;
    /** Region of the key and of the buckets. */
    readonly region: string;
    /** Name of the access-logs bucket the key encrypts. */
    readonly accessLogsBucketName: string;
    /** Role ARNs of the log-archive account that administer the key. */
    readonly administrators: readonly string[];
    /** Principals that read the access logs (exact ARNs). */
    readonly readers: readonly string[];
}

/** The access-logs key's policy: S3 server access logging for the access-logs bucket only, readers through S3. */
export function accessLogsKeyPolicy(facts: AccessLogsKeyFacts): KeyPolicyDocument {
    const bucket = bucketArn(facts.accessLogsBucketName);
    return auditKeyPolicyDocument(facts.logArchiveAccountId, facts.administrators, [
        {
            // S3 always names the bucket (S3 Bucket Key) or the object in the encryption context, so the
            // logging service can use the key for this bucket's objects and nothing else.
            Sid: "S3ServerAccessLoggingEncryptsAccessLogs",
            Effect: "Allow",
            Principal: { Service: S3_LOGGING_SERVICE },
            Action: [...S3_LOGGING_KEY_ACTIONS],
            Resource: "*",
            Condition: { StringLike: { "kms:EncryptionContext:aws:s3:arn": [bucket, `${bucket}/*`] } },
        },
        ...readersThroughS3({ ...facts, accountReaderRolePatterns: [] }),
    ]);
}

/** Who reads through S3, in the key's region. */
interface KeyReaders extends AuditLogReaders {
    readonly region: string;
}

/**
 * Readers decrypt only through S3 in the key's region (cross-account readers included: no
 * kms:CallerAccount). Role patterns of the key's account are admitted through the account root with
 * an aws:PrincipalArn condition, so the roles also need an IAM allow (the permission set gives it).
 */
function readersThroughS3(keyReaders: KeyReaders): KeyPolicyStatement[] {
    const throughS3 = { "kms:ViaService": viaService("s3", keyReaders.region) };
    const exact: KeyPolicyStatement = {
        Sid: "ReadersDecryptThroughS3",
        Effect: "Allow",
        Principal: { AWS: [...keyReaders.readers] },
        Action: [...READER_KEY_ACTIONS],
        Resource: "*",
        Condition: { StringEquals: throughS3 },
    };
    if (keyReaders.accountReaderRolePatterns.length === 0) {
        return [exact];
    }
    return [
        exact,
        {
            Sid: "AccountReaderRolesDecryptThroughS3",
            Effect: "Allow",
            Principal: { AWS: accountRoot(keyReaders.logArchiveAccountId) },
            Action: [...READER_KEY_ACTIONS],
            Resource: "*",
            Condition: { StringEquals: throughS3, ArnLike: { "aws:PrincipalArn": [...keyReaders.accountReaderRolePatterns] } },
        },
    ];
}

/** A key policy of the audit-log keys: administrators and root recovery first, then the key's own statements. */
export function auditKeyPolicyDocument(
    accountId: string,
    administrators: readonly string[],
    statements: readonly KeyPolicyStatement[],
): KeyPolicyDocument {
    if (administrators.length === 0) {
        throw new Error("a key policy needs at least one key administrator");
    }
    return policyDocument([...keyManagementStatements(accountId, administrators), ...statements]);
}
