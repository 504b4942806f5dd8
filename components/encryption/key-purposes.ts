/**
 * The environment's purpose keys: one customer-managed key per kind of data the platform itself
 * stores, next to one key per application. Each purpose admits exactly one family of AWS services
 * (see key-policy.ts), so a key that leaks into the wrong service's hands is refused by KMS.
 *
 * - `logs`: CloudWatch Logs log groups of the environment (VPC flow logs today), bound to the
 *   environment's log-group name prefix through the encryption context.
 * - `volumes`: EBS volumes and snapshots, through EC2 (also for Auto Scaling's service-linked role),
 *   and the account's EBS encryption by default.
 * - `secrets`: Secrets Manager secrets.
 * - `data`: shared data stores: RDS / Aurora, S3 buckets and DynamoDB tables.
 * - `findings`: GuardDuty findings exported to the environment's findings bucket. GuardDuty itself
 *   encrypts with it (bound to this account's detector in the key's region); the account's principals
 *   may only decrypt, through S3, to read the findings.
 * - `alerts`: the environment's security alerts topic (SNS). Only EventBridge uses it, on behalf of the
 *   one rule that publishes findings to that topic (bound by rule ARN and topic ARN).
 *
 * Adding a purpose means adding it here and its service statements in key-policy.ts; the config
 * schema refuses nothing new (purpose aliases live under their own alias path, see key-aliases.ts).
 */
export const KEY_PURPOSES = ["logs", "volumes", "secrets", "data", "findings", "alerts"] as const;

/** One of the environment's purpose keys. */
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

/** What each purpose key encrypts, for its description. */
export const KEY_PURPOSE_DESCRIPTIONS: Readonly<Record<KeyPurpose, string>> = {
    logs: "CloudWatch Logs log groups",
    volumes: "EBS volumes and snapshots",
    secrets: "Secrets Manager secrets",
    data: "data stores (RDS, S3, DynamoDB)",
    findings: "exported GuardDuty findings (S3)",
    alerts: "security alert notifications (SNS)",
};

/**
 * Services (endpoint prefixes) that may use the `data` key on behalf of the account's principals:
 * each becomes `kms:ViaService` `<service>.<region>.amazonaws.com`.
 */
export const DATA_STORE_SERVICES = ["rds", "s3", "dynamodb"] as const;
