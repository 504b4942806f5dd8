// Resource policies and the event pattern of the findings pipeline, as data: pure functions from the
// environment's facts to the documents, so every statement can be tested without a deployment.
// Values that only exist after deployment (the key's ARN, the rule's and topic's ARNs) are type
// parameters: the component passes outputs, tests pass strings.
//
// The findings bucket (AWS: GuardDuty "Exporting findings", Step 3, with its confused-deputy guard):
// - GuardDuty may GetBucketLocation on the bucket and PutObject into it, only for this account's
//   detector in the bucket's region (aws:SourceAccount, aws:SourceArn).
// - Every upload must be SSE-KMS with the findings key. AWS's example denies this to GuardDuty only;
//   here it is denied to everyone: the findings key lets nobody but GuardDuty encrypt, so together
//   they mean that only GuardDuty can write findings (no planted or re-encrypted evidence).
// - Every request without TLS is denied, to everyone, on the bucket and its objects.

import { bucketArn, guardDutyDetectorArnPattern } from "../../iam/arns";
import type { PolicyDocument, ResourcePolicyStatement } from "../../iam/policy-document";
import { denyInsecureTransport, eventBridgeRuleOnly } from "../../iam/statements";

/** The GuardDuty service principal (commercial regions enabled by default). */
export const GUARDDUTY_SERVICE = "guardduty.amazonaws.com";

/** The facts the findings bucket's policy is built from. */
export interface FindingsBucketFacts<V> {
    /** Name of the bucket (fixed, so its ARN is known before it exists). */
    readonly bucketName: string;
    /** Account of the bucket and of the detector that exports into it. */
    readonly accountId: string;
    /** Region of the bucket and of the detector. */
    readonly region: string;
    /** ARN of the findings key: the only key uploads may name. */
    readonly findingsKeyArn: V;
}

/** The findings bucket's policy: GuardDuty writes (scoped to the detector), uploads only with the findings key, TLS only. */
export function findingsBucketPolicy<V = string>(facts: FindingsBucketFacts<V>): PolicyDocument<ResourcePolicyStatement<V | string>> {
    const bucket = bucketArn(facts.bucketName);
    const objects = `${bucket}/*`;
    const fromDetector = {
        StringEquals: { "aws:SourceAccount": facts.accountId },
        ArnLike: { "aws:SourceArn": guardDutyDetectorArnPattern(facts.region, facts.accountId) },
    };
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "GuardDutyGetsBucketLocation",
                Effect: "Allow",
                Principal: { Service: GUARDDUTY_SERVICE },
                Action: "s3:GetBucketLocation",
                Resource: bucket,
                Condition: fromDetector,
            },
            {
                Sid: "GuardDutyPutsFindings",
                Effect: "Allow",
                Principal: { Service: GUARDDUTY_SERVICE },
                Action: "s3:PutObject",
                Resource: objects,
                Condition: fromDetector,
            },
            {
                // A missing header is "not equal" too, so an upload relying on the bucket default is refused.
                Sid: "DenyUploadsNotEncryptedWithKms",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:PutObject",
                Resource: objects,
                Condition: { StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms" } },
            },
            {
                Sid: "DenyUploadsWithAnotherKey",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:PutObject",
                Resource: objects,
                Condition: { StringNotEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": facts.findingsKeyArn } },
            },
            denyInsecureTransport("s3:*", [bucket, objects]),
        ],
    };
}

/** The facts the alerts topic's policy is built from. */
export interface AlertTopicFacts<V> {
    /** ARN of the topic. */
    readonly topicArn: V;
    /** ARN of the EventBridge rule that publishes to it: the only publisher. */
    readonly ruleArn: V;
    /** Account of the topic and the rule. */
    readonly accountId: string;
    /** Root principal (`arn:aws:iam::<id>:root`) of the organisation's security account, which may subscribe; absent: nobody outside the account. */
    readonly subscriberAccountRoot?: V;
}

/** Protocols the security account may subscribe with: its queues, functions and HTTPS collectors, never email or SMS. */
export const ALERT_SUBSCRIPTION_PROTOCOLS = ["sqs", "lambda", "https"] as const;

/**
 * The alerts topic's policy: EventBridge may publish for the one rule, and nobody else may publish
 * at all (an IAM allow in the account included): people and the security account's tooling act on
 * what arrives here as GuardDuty's word, so a forged message must not get in (the responder reports
 * on a topic of its own). The topic is SSE-encrypted, which already makes SNS refuse requests
 * without HTTPS.
 */
export function alertTopicPolicy<V = string>(facts: AlertTopicFacts<V>): PolicyDocument<ResourcePolicyStatement<V | string>> {
    return {
        Version: "2012-10-17",
        Statement: [
            eventBridgeRuleOnly("EventBridgeRulePublishes", "sns:Publish", facts.topicArn, facts),
            {
                // A request without aws:SourceArn (any IAM principal) is "not equal" as well, so it is denied.
                Sid: "DenyPublishFromAnyoneElse",
                Effect: "Deny",
                Principal: "*",
                Action: "sns:Publish",
                Resource: facts.topicArn,
                Condition: { ArnNotEquals: { "aws:SourceArn": facts.ruleArn } },
            },
            ...(facts.subscriberAccountRoot === undefined
                ? []
                : [
                      {
                          // The security team's tooling receives every environment's alerts in its own account.
                          Sid: "SecurityAccountSubscribes",
                          Effect: "Allow" as const,
                          Principal: { AWS: facts.subscriberAccountRoot as V },
                          Action: "sns:Subscribe",
                          Resource: facts.topicArn,
                          Condition: { StringEquals: { "sns:Protocol": [...ALERT_SUBSCRIPTION_PROTOCOLS] } },
                      },
                  ]),
        ],
    };
}

/**
 * The EventBridge pattern for GuardDuty findings at or above a severity (GuardDuty's scale: Low
 * 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0).
 */
export function findingsAlertPattern(severityThreshold: number): Record<string, unknown> {
    return {
        source: ["aws.guardduty"],
        "detail-type": ["GuardDuty Finding"],
        detail: { severity: [{ numeric: [">=", severityThreshold] }] },
    };
}
