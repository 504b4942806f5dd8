// Statements that several resource policies carry alike (the log archive's buckets, the findings
// bucket and alerts topic, the responder's dead-letter queue): one builder each, so that each is
// written once. A builder is generic in what differs between its callers (an action or a list of
// them, a resource or several, values that are strings or outputs), so its statement fits every
// caller's document type; the keys come in the order the documents have always had them.

/** The EventBridge service principal. */
export const EVENTS_SERVICE = "events.amazonaws.com";

/** Every request on `Resource` made without TLS, by anyone, denied. */
export type InsecureTransportDeny<A, R> = {
    readonly Sid: "DenyInsecureTransport";
    readonly Effect: "Deny";
    readonly Principal: "*";
    readonly Action: A;
    readonly Resource: R;
    readonly Condition: { readonly Bool: { readonly "aws:SecureTransport": "false" } };
};

/**
 * Denies `action` (the service's every action: `s3:*`, `sqs:*`) on `resource` to every principal,
 * for every request made without TLS (the form the policy pack and CIS 2.1.1 look for: one
 * condition, every principal).
 */
export function denyInsecureTransport<A, R>(action: A, resource: R): InsecureTransportDeny<A, R> {
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

/** EventBridge allowed `Action` on `Resource` for one rule of one account. */
export type EventBridgeRuleAllow<A, R, V> = {
    readonly Sid: string;
    readonly Effect: "Allow";
    readonly Principal: { readonly Service: typeof EVENTS_SERVICE };
    readonly Action: A;
    readonly Resource: R;
    readonly Condition: {
        readonly ArnEquals: { readonly "aws:SourceArn": V };
        readonly StringEquals: { readonly "aws:SourceAccount": string };
    };
};

/**
 * Allows EventBridge `action` on `resource`, for this rule only: aws:SourceArn is the rule and
 * aws:SourceAccount its account (the confused-deputy guard), so no other rule, in this account or
 * another, can use the grant.
 */
export function eventBridgeRuleOnly<A, R, V>(sid: string, action: A, resource: R, rule: EventBridgeRule<V>): EventBridgeRuleAllow<A, R, V> {
    return {
        Sid: sid,
        Effect: "Allow",
        Principal: { Service: EVENTS_SERVICE },
        Action: action,
        Resource: resource,
        Condition: { ArnEquals: { "aws:SourceArn": rule.ruleArn }, StringEquals: { "aws:SourceAccount": rule.accountId } },
    };
}
