// Names of the automated responder's resources, derived from the name of the alert rule it answers
// (components/detection/detection-names.ts). The key ring needs them before the resources exist:
// the alerts key admits the responder's topic and dead-letter queue by name, and a key policy only
// knows the alert rule's and topic's names (KeyRing's bindings). Fixed names also keep the
// responder's IAM and resource policies fully known during `pulumi preview`.
//
// Alert rule names are at most 48 characters (`<env>-guardduty-findings-alert`, env ≤ 24), so the
// base is at most 58: within IAM role (64) and Lambda function (64) names, and the suffixed queue,
// topic and alarm names stay within SQS (80), SNS (256) and CloudWatch (255) limits.

/** What every responder resource is named after: `<alert rule>-responder`. */
export const responderBaseName = (alertRuleName: string): string => `${alertRuleName}-responder`;

/** Names of the responder's resources for the alert rule it answers. */
export function responderNames(alertRuleName: string) {
    const base = responderBaseName(alertRuleName);
    return {
        /** The Lambda function (its environment variables are encrypted with the alerts key), and its execution role. */
        function: base,
        role: base,
        /** The SNS topic every outcome is published to (encrypted with the alerts key). */
        topic: `${base}-outcomes`,
        /** The dead-letter queue of events never handled (encrypted with the alerts key). */
        deadLetterQueue: `${base}-dlq`,
        /** CloudWatch alarms: failed invocations, and events waiting in the dead-letter queue. */
        errorsAlarm: `${base}-errors`,
        deadLettersAlarm: `${base}-dead-letters`,
        /** Last segment of the function's log group, under the environment's log-group prefix. */
        logGroupSuffix: `responder/${base}`,
    } as const;
}

/**
 * The responder's role name in a region other than the environment's home: IAM names are global to
 * the account, and `<alert rule>-responder-<region>` would pass IAM's 64 characters.
 */
export const regionalResponderRoleName = (environment: string, region: string): string => `${environment}-guardduty-responder-${region}`;

/** Alarm names of the responder start with this, for CloudWatch's publish permission on the outcomes topic and key. */
export const responderAlarmNamePrefix = (alertRuleName: string): string => `${responderBaseName(alertRuleName)}-`;
