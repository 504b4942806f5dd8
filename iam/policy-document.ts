// The one IAM policy document model: a statement and a document in the IAM policy grammar, which
// every builder (key, bucket, topic, queue, endpoint, identity, trust and service control policies)
// returns and the evaluator (iam/evaluator) reads, so a test or the access matrix evaluates exactly
// what a component sends. Values that exist only after deployment (a key's or a topic's ARN) are the
// type parameter V: a component passes outputs, a test passes strings. No Pulumi import here.

/**
 * A policy element that takes one value or a list of them. Lists are mutable arrays, as Pulumi's
 * `aws.iam.PolicyDocument` takes them, so a document goes to a resource as it is built.
 */
export type OneOrMany<T> = T | T[];

/**
 * A `Principal` / `NotPrincipal` element: everyone, or principals of one kind (account roots,
 * account ids, role and user ARNs; services; identity providers).
 */
export type Principal<V = string> =
    "*" | { readonly AWS: OneOrMany<V> } | { readonly Service: OneOrMany<string> } | { readonly Federated: OneOrMany<string> };

/** One condition key's value: a string (or output), a boolean or number as IAM reads them, or a list. */
export type ConditionValue<V = string> = V | boolean | number | readonly V[];

/** `{ Operator: { ConditionKey: value } }`: operators AND, keys AND, a key's values OR. */
export type Condition<V = string> = Readonly<Record<string, Readonly<Record<string, ConditionValue<V>>>>>;

/**
 * One statement of any IAM policy. Exactly one of `Action`/`NotAction` and (but in a trust policy)
 * one of `Resource`/`NotResource`; `Principal`/`NotPrincipal` only in resource-based policies.
 */
export interface PolicyStatement<V = string> {
    /** Statement id, unique within its document. */
    readonly Sid?: string;
    readonly Effect: "Allow" | "Deny";
    readonly Principal?: Principal<V>;
    readonly NotPrincipal?: Principal<V>;
    readonly Action?: OneOrMany<string>;
    readonly NotAction?: OneOrMany<string>;
    readonly Resource?: OneOrMany<V>;
    readonly NotResource?: OneOrMany<V>;
    readonly Condition?: Condition<V>;
}

/**
 * A policy document. `Version` is required: without it IAM reads the 2008 grammar, which has no
 * policy variables.
 */
export interface PolicyDocument<S extends PolicyStatement<unknown> = PolicyStatement> {
    readonly Version: "2012-10-17";
    readonly Statement: S[];
}

/** An identity-based policy (a role's or a permission set's) or an SCP: it names no principal, it is attached to them. */
export type IdentityPolicyStatement<V = string> = Omit<PolicyStatement<V>, "Principal" | "NotPrincipal">;

/** A resource-based policy (bucket, topic, queue, endpoint, key): every statement names its principal. */
export type ResourcePolicyStatement<V = string> = PolicyStatement<V> & { readonly Principal: Principal<V> };

/**
 * A key policy: a resource-based policy where `Resource` is `*`, which means "this key". Never to a
 * wildcard principal (a key granted to `*` is anyone's whom an IAM policy lets call KMS).
 */
export type KeyPolicyStatement<V = string> = PolicyStatement<V> & {
    readonly Principal: Exclude<Principal<V>, "*">;
    readonly Resource: "*";
};

/** A role's trust policy: who may assume it; it has no `Resource`, the role is the resource. */
export type TrustPolicyStatement<V = string> = Omit<ResourcePolicyStatement<V>, "Resource" | "NotResource">;

/** A policy document of statements of one kind, in the order they are given. */
export function policyDocument<S extends PolicyStatement<unknown>>(statements: S[]): PolicyDocument<S> {
    return { Version: "2012-10-17", Statement: statements };
}
