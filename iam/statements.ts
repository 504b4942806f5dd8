// Statements that several resource policies carry alike (the log archive's buckets, the findings
// bucket and alerts topic, the responder's dead-letter queue): one builder each, so that each is
// written once. A builder is generic in the value type (strings or outputs), so its statement fits
// every caller's document; the keys come in the order the documents have always had them.

import type { OneOrMany, ResourcePolicyStatement } from "./policy-document";

/** The EventBridge service principal. */
export const EVENTS_SERVICE = "events.amazonaws.com";

/**
 * Denies `action` (the service's every action: `s3:*`, `sqs:*`) on `resource` to every principal,
 * for every request made without TLS (the form the policy pack and CIS 2.1.1 look for: one
 * condition, every principal).
 */
export function denyInsecureTransport<V>(action: OneOrMany<string>, resource: OneOrMany<V>): ResourcePolicyStatement<V | string> {
    return {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: action,
        Resource: resource,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
}

/** The one EventBridge rule allowed to act on a resource: its ARN and its account. */
export interface EventBridgeRule<V> {
    readonly ruleArn: V;
    readonly accountId: string;
}

/**
 * Allows EventBridge `action` on `resource`, for this rule only: aws:SourceArn is the rule and
 * aws:SourceAccount its account (the confused-deputy guard), so no other rule, in this account or
 * another, can use the grant.
 */
export function eventBridgeRuleOnly<R, A>(
    sid: string,
    action: OneOrMany<string>,
    resource: OneOrMany<R>,
    rule: EventBridgeRule<A>,
): ResourcePolicyStatement<R | A | string> {
    return {
        Sid: sid,
        Effect: "Allow",
        Principal: { Service: EVENTS_SERVICE },
        Action: action,
        Resource: resource,
        Condition: { ArnEquals: { "aws:SourceArn": rule.ruleArn }, StringEquals: { "aws:SourceAccount": rule.accountId } },
    };
}
