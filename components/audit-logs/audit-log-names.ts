// Names and ARNs of the audit-log estate, built from names alone so that every policy that mentions
// them is fully known during `pulumi preview` (no resource output is needed to write them).

import { trailArn } from "../../iam/arns";

/** CloudTrail's service principal. */
export const CLOUDTRAIL_SERVICE = "cloudtrail.amazonaws.com";

/** AWS Config's service principal (delivery falls back to it when the recorder's role cannot write). */
export const CONFIG_SERVICE = "config.amazonaws.com";

/** The S3 server access logging service principal. */
export const S3_LOGGING_SERVICE = "logging.s3.amazonaws.com";

/** Alias of the archive key (in the log-archive account). */
export const ARCHIVE_KEY_ALIAS = "alias/audit-logs/archive";

/** Alias of the key of the archive's access-logs bucket (in the log-archive account). */
export const ACCESS_LOGS_KEY_ALIAS = "alias/audit-logs/access-logs";

/** Alias of the key of the organisation trail's log group (in the management account). */
export const TRAIL_LOG_GROUP_KEY_ALIAS = "alias/audit-logs/cloudtrail-log-group";

/** Alias of the key of AWS Config's delivery bucket (in the log-archive account). */
export const CONFIG_DELIVERY_KEY_ALIAS = "alias/audit-logs/config-delivery";

/** Where S3 server access logs of the archive bucket go in the access-logs bucket. */
export const ARCHIVE_ACCESS_LOG_PREFIX = "log-archive/";

/** Where S3 server access logs of AWS Config's delivery bucket go in the access-logs bucket. */
export const CONFIG_DELIVERY_ACCESS_LOG_PREFIX = "config-delivery/";

/** The default log-archive bucket: unique per organisation without a random suffix. */
export const defaultLogArchiveBucketName = (organizationId: string): string => `zero-trust-log-archive-${organizationId}`;

/** The access-logs bucket's name: the archive's name with `-access-logs`. */
export const accessLogsBucketName = (archiveBucketName: string): string => `${archiveBucketName}-access-logs`;

/**
 * AWS Config's delivery bucket: the archive's name with `-config` (the archive name is at most 51
 * characters, so this fits S3's 63). Config cannot deliver into the object-locked archive itself.
 */
export const configDeliveryBucketName = (archiveBucketName: string): string => `${archiveBucketName}-config`;

/**
 * The value CloudTrail puts in the `aws:cloudtrail:arn` encryption context for trails of the
 * management account, any region (AWS: "Granting encrypt permissions for trails").
 */
export const cloudTrailEncryptionContext = (managementAccountId: string): string => trailArn("*", managementAccountId, "*");

/**
 * The organisation trail's CloudWatch Logs group, in the management account. The
 * `aws-cloudtrail-logs` prefix is one of `DEFAULT_AUDIT_LOG_GROUP_PATTERNS`
 * (service-control-policies.ts), which every permission set's deny protects; the SCPs protect such
 * groups in member accounts only, never in the management account.
 */
export const trailLogGroupName = (organizationId: string): string => `aws-cloudtrail-logs-${organizationId}`;
