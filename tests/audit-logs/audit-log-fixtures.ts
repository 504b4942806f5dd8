import type { ConfigDeliveryBucketArgs } from "../../components/audit-logs/config-delivery-bucket";
import type { LogArchiveArgs } from "../../components/audit-logs/log-archive";
import type { AccessLogsKeyFacts, ArchiveKeyFacts, ConfigDeliveryKeyFacts } from "../../components/audit-logs/log-archive-key-policy";
import type {
    AccessLogsBucketFacts,
    ArchiveBucketFacts,
    ConfigDeliveryBucketFacts,
} from "../../components/audit-logs/log-archive-policies";
import type { OrganizationTrailArgs } from "../../components/audit-logs/organization-trail";
import type { TrailLogGroupFacts } from "../../components/audit-logs/trail-policies";
import type { PolicyRequest } from "../../iam/evaluator/policy-evaluator";

export const ORG = "o-a1b2c3d4e5";
export const MANAGEMENT = "999999999999";
export const LOG_ARCHIVE = "222222222222";
export const SECURITY = "333333333333";
export const REGION = "eu-west-1";
export const TRAIL = "zero-trust-organization-trail";
export const BUCKET = `zero-trust-log-archive-${ORG}`;
export const ACCESS_BUCKET = `${BUCKET}-access-logs`;
export const CONFIG_BUCKET = `${BUCKET}-config`;
export const TRAIL_ARN = `arn:aws:cloudtrail:${REGION}:${MANAGEMENT}:trail/${TRAIL}`;

export const BREAK_GLASS = "BreakGlass";
export const DEPLOYER = "OrganizationAccountAccessRole";
export const BREAK_GLASS_ARN = `arn:aws:iam::${LOG_ARCHIVE}:role/${BREAK_GLASS}`;
export const DEPLOYER_ARN = `arn:aws:iam::${LOG_ARCHIVE}:role/${DEPLOYER}`;
export const SECURITY_ROOT = `arn:aws:iam::${SECURITY}:root`;
export const INVESTIGATOR = `arn:aws:iam::${SECURITY}:role/security-investigator`;
export const KEY_ADMINS = [DEPLOYER_ARN, BREAK_GLASS_ARN];
/** The security-auditor permission set's roles in the log-archive account, and one of them as Identity Center names it. */
export const AUDITOR_PATTERN = `arn:aws:iam::${LOG_ARCHIVE}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_security-auditor_*`;
export const AUDITOR_IN_ARCHIVE = `arn:aws:iam::${LOG_ARCHIVE}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_security-auditor_0a1b2c3d4e5f6789`;
export const DEVELOPER_IN_ARCHIVE = `arn:aws:iam::${LOG_ARCHIVE}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_developer_0a1b2c3d4e5f6789`;
export const MANAGEMENT_KEY_ADMINS = [`arn:aws:iam::${MANAGEMENT}:role/${DEPLOYER}`];

/** The log archive as the management stack would declare it. */
export const LOG_ARCHIVE_ARGS: LogArchiveArgs = {
    organizationId: ORG,
    logArchiveAccountId: LOG_ARCHIVE,
    managementAccountId: MANAGEMENT,
    region: REGION,
    bucketName: BUCKET,
    organizationTrailName: TRAIL,
    readerPrincipalArns: [SECURITY_ROOT],
    keyAdministratorArns: KEY_ADMINS,
    breakGlassRoleName: BREAK_GLASS,
    deploymentRoleName: DEPLOYER,
    objectLock: { mode: "COMPLIANCE", days: 365 },
    lifecycle: { standardIaDays: 30, archiveDays: 90, archiveStorageClass: "GLACIER", expirationDays: 2557 },
    keyDeletionWindowDays: 30,
};

/** The organisation trail as the management stack would declare it (archive names given as strings). */
export const TRAIL_ARGS: OrganizationTrailArgs = {
    trailName: TRAIL,
    organizationId: ORG,
    managementAccountId: MANAGEMENT,
    region: REGION,
    archiveBucketName: BUCKET,
    archiveKeyArn: `arn:aws:kms:${REGION}:${LOG_ARCHIVE}:key/0b1f3c2e-8d2a-4a57-9c1e-5f7e2a9b6c31`,
    logGroupRetentionDays: 365,
    logGroupKeyAdministratorArns: MANAGEMENT_KEY_ADMINS,
    keyDeletionWindowDays: 30,
};

/** The archive bucket's policy facts as LOG_ARCHIVE_ARGS make them. */
export const ARCHIVE_BUCKET_FACTS: ArchiveBucketFacts = {
    bucketName: BUCKET,
    logArchiveAccountId: LOG_ARCHIVE,
    managementAccountId: MANAGEMENT,
    organizationId: ORG,
    trailRegion: REGION,
    trailName: TRAIL,
    readers: [SECURITY_ROOT],
    accountReaderRolePatterns: [],
    breakGlassRoleName: BREAK_GLASS,
    deploymentRoleName: DEPLOYER,
};

/** The archive key's policy facts as LOG_ARCHIVE_ARGS make them. */
export const ARCHIVE_KEY_FACTS: ArchiveKeyFacts = {
    logArchiveAccountId: LOG_ARCHIVE,
    region: REGION,
    managementAccountId: MANAGEMENT,
    organizationId: ORG,
    trailRegion: REGION,
    trailName: TRAIL,
    administrators: KEY_ADMINS,
    readers: [SECURITY_ROOT],
    accountReaderRolePatterns: [],
};

/** AWS Config's delivery bucket as the management stack would declare it (access logs into the archive's access-logs bucket). */
export const CONFIG_DELIVERY_ARGS: ConfigDeliveryBucketArgs = {
    organizationId: ORG,
    logArchiveAccountId: LOG_ARCHIVE,
    region: REGION,
    bucketName: CONFIG_BUCKET,
    readerPrincipalArns: [SECURITY_ROOT],
    accountReaderRolePatterns: [AUDITOR_PATTERN],
    keyAdministratorArns: KEY_ADMINS,
    breakGlassRoleName: BREAK_GLASS,
    deploymentRoleName: DEPLOYER,
    lifecycle: LOG_ARCHIVE_ARGS.lifecycle,
    accessLogsBucketName: ACCESS_BUCKET,
    keyDeletionWindowDays: 30,
};

/** The delivery bucket's policy facts as CONFIG_DELIVERY_ARGS make them. */
export const CONFIG_DELIVERY_BUCKET_FACTS: ConfigDeliveryBucketFacts = {
    bucketName: CONFIG_BUCKET,
    logArchiveAccountId: LOG_ARCHIVE,
    organizationId: ORG,
    configKeyPrefix: "config",
    readers: [SECURITY_ROOT],
    accountReaderRolePatterns: [AUDITOR_PATTERN],
    breakGlassRoleName: BREAK_GLASS,
    deploymentRoleName: DEPLOYER,
};

/** The delivery key's policy facts as CONFIG_DELIVERY_ARGS make them. */
export const CONFIG_DELIVERY_KEY_FACTS: ConfigDeliveryKeyFacts = {
    logArchiveAccountId: LOG_ARCHIVE,
    region: REGION,
    organizationId: ORG,
    administrators: KEY_ADMINS,
    readers: [SECURITY_ROOT],
    accountReaderRolePatterns: [AUDITOR_PATTERN],
};

/** The access-logs bucket's policy facts as LOG_ARCHIVE_ARGS make them. */
export const ACCESS_LOGS_BUCKET_FACTS: AccessLogsBucketFacts = {
    accessLogsBucketName: ACCESS_BUCKET,
    archiveBucketName: BUCKET,
    logArchiveAccountId: LOG_ARCHIVE,
    readers: [SECURITY_ROOT],
    breakGlassRoleName: BREAK_GLASS,
    deploymentRoleName: DEPLOYER,
};

/** The access-logs key's policy facts as LOG_ARCHIVE_ARGS make them. */
export const ACCESS_LOGS_KEY_FACTS: AccessLogsKeyFacts = {
    logArchiveAccountId: LOG_ARCHIVE,
    region: REGION,
    accessLogsBucketName: ACCESS_BUCKET,
    administrators: KEY_ADMINS,
    readers: [SECURITY_ROOT],
};

/** The log group the organisation trail delivers to (CloudTrail's default name, which the SCPs protect). */
export const TRAIL_LOG_GROUP = `aws-cloudtrail-logs-${ORG}`;

/** The trail's log group facts as TRAIL_ARGS make them. */
export const TRAIL_LOG_GROUP_FACTS: TrailLogGroupFacts = {
    managementAccountId: MANAGEMENT,
    organizationId: ORG,
    region: REGION,
    logGroupName: TRAIL_LOG_GROUP,
};

/** A request by an IAM principal (a role or an account root); in a key policy the resource is `*`, the key itself. */
export const asRole = (arn: string, action: string, resource: string, context: PolicyRequest["context"] = {}): PolicyRequest => ({
    principal: { arn },
    action,
    resource,
    context,
});

/** A request by an AWS service principal. */
export const asService = (service: string, action: string, resource: string, context: PolicyRequest["context"] = {}): PolicyRequest => ({
    principal: { service },
    action,
    resource,
    context,
});
