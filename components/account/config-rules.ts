/**
 * AWS Config managed rules (source owner AWS) the account baseline turns on: the controls the
 * seed names, by the seed's layer. Identifiers are AWS's managed-rule identifiers.
 */
export const MANAGED_CONFIG_RULES = [
    // Encryption: every store encrypted, keys rotating, TLS only.
    { identifier: "ENCRYPTED_VOLUMES", description: "Attached EBS volumes are encrypted" },
    { identifier: "EC2_EBS_ENCRYPTION_BY_DEFAULT", description: "EBS encryption by default is on" },
    { identifier: "RDS_STORAGE_ENCRYPTED", description: "RDS instances encrypt their storage" },
    { identifier: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", description: "S3 buckets encrypt by default" },
    { identifier: "S3_BUCKET_SSL_REQUESTS_ONLY", description: "S3 bucket policies refuse requests without TLS" },
    { identifier: "CMK_BACKING_KEY_ROTATION_ENABLED", description: "Customer-managed KMS keys rotate" },
    { identifier: "ELB_TLS_HTTPS_LISTENERS_ONLY", description: "Load balancer listeners use HTTPS/TLS only" },
    // Network: no open ingress, flow logs everywhere, default security groups empty.
    { identifier: "VPC_FLOW_LOGS_ENABLED", description: "Every VPC has flow logs" },
    { identifier: "VPC_DEFAULT_SECURITY_GROUP_CLOSED", description: "Default security groups allow no traffic" },
    { identifier: "INCOMING_SSH_DISABLED", description: "No security group admits SSH from anywhere" },
    { identifier: "RESTRICTED_INCOMING_TRAFFIC", description: "No security group admits common admin and database ports from anywhere" },
    { identifier: "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS", description: "The account blocks public S3 access" },
    { identifier: "EC2_IMDSV2_CHECK", description: "Instances require IMDSv2" },
    // Identity: MFA everywhere, no long-lived or unrotated keys, no policies on users.
    { identifier: "ROOT_ACCOUNT_MFA_ENABLED", description: "The root user has MFA" },
    { identifier: "IAM_ROOT_ACCESS_KEY_CHECK", description: "The root user has no access keys" },
    { identifier: "MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS", description: "IAM users with a console password have MFA" },
    { identifier: "ACCESS_KEYS_ROTATED", description: "Active access keys are rotated within 90 days" },
    { identifier: "IAM_USER_NO_POLICIES_CHECK", description: "No policies are attached to IAM users directly" },
    { identifier: "IAM_PASSWORD_POLICY", description: "The account password policy meets CIS" },
    // Detection: the trail and GuardDuty are on.
    { identifier: "CLOUD_TRAIL_ENABLED", description: "A CloudTrail trail records the account" },
    { identifier: "GUARDDUTY_ENABLED_CENTRALIZED", description: "GuardDuty is enabled" },
] as const;

export type ManagedConfigRule = (typeof MANAGED_CONFIG_RULES)[number];

/** `ENCRYPTED_VOLUMES` → `encrypted-volumes`: the rule's name suffix, as AWS names its own. */
export const configRuleSlug = (identifier: string): string => identifier.toLowerCase().replace(/_/g, "-");

/** The IAM password policy of CIS AWS Foundations 1.8/1.9 (and the IAM_PASSWORD_POLICY rule's parameters). */
export const PASSWORD_POLICY = {
    minimumPasswordLength: 14,
    requireUppercaseCharacters: true,
    requireLowercaseCharacters: true,
    requireNumbers: true,
    requireSymbols: true,
    passwordReusePrevention: 24,
    maxPasswordAge: 90,
    allowUsersToChangePassword: true,
} as const;

/** Security Hub standards every environment account subscribes to, by the ARN's path in a region. */
export const SECURITY_HUB_STANDARDS = [
    { id: "fsbp", path: "standards/aws-foundational-security-best-practices/v/1.0.0" },
    { id: "cis-3-0", path: "standards/cis-aws-foundations-benchmark/v/3.0.0" },
] as const;

export const securityHubStandardArn = (region: string, path: string): string => `arn:aws:securityhub:${region}::${path}`;
