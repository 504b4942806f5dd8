// Names of the detection layer's resources that other layers must know before those resources
// exist: the key ring binds the alerts key to the alert rule and topic by ARN, and ARNs of these
// services are built from names. Fixed names (rather than Pulumi's auto-naming) also keep the
// findings bucket's policy and the key policies fully known during `pulumi preview`.
//
// Environment names are validated as 1–24 of [a-z0-9-] (starting with a letter, not ending with a
// hyphen), regions as `<area>-<direction>-<n>` of the aws partition (at most 15 characters), so:
// - the bucket name is at most 24 + 10 + 12 + 1 + 15 = 62 characters (S3 allows 63), lowercase;
// - the rule name is at most 24 + 24 = 48 characters (EventBridge allows 64).

/**
 * The findings bucket: `<env>-guardduty-<account>-<region>`. Bucket names are global; account and
 * region make it unique to the environment without a random suffix.
 */
export function findingsBucketName(environment: string, accountId: string, region: string): string {
    return `${environment}-guardduty-${accountId}-${region}`;
}

/** The EventBridge rule (default event bus) that sends findings at or above the threshold to the alerts topic. */
export function alertRuleName(environment: string): string {
    return `${environment}-guardduty-findings-alert`;
}

/** The SNS topic of the environment's security alerts (the automated responder subscribes here). */
export function alertTopicName(environment: string): string {
    return `${environment}-security-alerts`;
}
