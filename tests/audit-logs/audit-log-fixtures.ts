import type { LogArchiveArgs } from "../../components/audit-logs/log-archive";
import type { OrganizationTrailArgs } from "../../components/audit-logs/organization-trail";

export const ORG = "o-a1b2c3d4e5";
export const MANAGEMENT = "999999999999";
export const LOG_ARCHIVE = "222222222222";
export const SECURITY = "333333333333";
export const REGION = "eu-west-1";
export const TRAIL = "zero-trust-organization-trail";
export const BUCKET = `zero-trust-log-archive-${ORG}`;
export const ACCESS_BUCKET = `${BUCKET}-access-logs`;
export const TRAIL_ARN = `arn:aws:cloudtrail:${REGION}:${MANAGEMENT}:trail/${TRAIL}`;

export const BREAK_GLASS = "BreakGlass";
export const DEPLOYER = "OrganizationAccountAccessRole";
export const BREAK_GLASS_ARN = `arn:aws:iam::${LOG_ARCHIVE}:role/${BREAK_GLASS}`;
export const DEPLOYER_ARN = `arn:aws:iam::${LOG_ARCHIVE}:role/${DEPLOYER}`;
export const SECURITY_ROOT = `arn:aws:iam::${SECURITY}:root`;
export const INVESTIGATOR = `arn:aws:iam::${SECURITY}:role/security-investigator`;
export const KEY_ADMINS = [DEPLOYER_ARN, BREAK_GLASS_ARN];
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
