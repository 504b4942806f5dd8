// The responder's actions: what the planner decides and the executor carries out. Every action
// names its `action`, its `target` (instance id, access key id, role name or bucket name) and a
// human-readable `reason`, plus what the executor needs and nothing it would have to look up in
// the finding again. Plans are printed by `npm run respond -- --dry-run`, so they stay plain JSON.

/** Tag the responder writes on what it touched: the GuardDuty finding that made it act. */
export const FINDING_ID_TAG = "zero-trust:guardduty-finding";

/** Tag the responder writes next to `FINDING_ID_TAG`: the finding's type. */
export const FINDING_TYPE_TAG = "zero-trust:guardduty-finding-type";

/** The tag value that opts a resource out of automated response (compared case-insensitively). */
export const OPT_OUT_VALUE = "off";

/** The inline role policy AWS documents for revoking a role's sessions (IAM console: "Revoke active sessions"). */
export const REVOKE_SESSIONS_POLICY_NAME = "AWSRevokeOlderSessions";

interface ActionBase {
    /** The GuardDuty finding the action answers. */
    readonly findingId: string;
    /** Why, for the people reading the plan or the outcome. */
    readonly reason: string;
}

/** A network interface of a compromised instance and the quarantine group of its VPC. */
export interface QuarantinedInterface {
    readonly networkInterfaceId: string;
    readonly vpcId: string;
    readonly quarantineSecurityGroupId: string;
}

/** Replace the security groups of every listed interface with its VPC's quarantine group (no rules). */
export interface IsolateInstance extends ActionBase {
    readonly action: "isolate-instance";
    /** Instance id. */
    readonly target: string;
    readonly networkInterfaces: readonly QuarantinedInterface[];
}

/** Snapshot every EBS volume attached to the instance, for forensics, tagged with the finding. */
export interface SnapshotVolumes extends ActionBase {
    readonly action: "snapshot-volumes";
    /** Instance id. */
    readonly target: string;
}

/** Tag the instance with the finding, so whoever finds it isolated knows why. */
export interface TagInstance extends ActionBase {
    readonly action: "tag-instance";
    /** Instance id. */
    readonly target: string;
    readonly tags: Readonly<Record<string, string>>;
}

/** Set an IAM user's long-term access key to Inactive (reversible, unlike deleting it). */
export interface DeactivateAccessKey extends ActionBase {
    readonly action: "deactivate-access-key";
    /** Access key id (AKIA…). */
    readonly target: string;
    readonly userName: string;
}

/**
 * Deny everything to the role's sessions issued before `issuedBefore` (AWS's documented pattern).
 * Temporary keys cannot be deactivated; this is how their use is ended.
 */
export interface RevokeRoleSessions extends ActionBase {
    readonly action: "revoke-role-sessions";
    /** Role name. */
    readonly target: string;
    readonly policyName: typeof REVOKE_SESSIONS_POLICY_NAME;
    /** ISO time: sessions issued before it are denied. */
    readonly issuedBefore: string;
    /** ISO time the finding last saw the activity: a revocation at or after it already covers this finding. */
    readonly activitySeenAt: string;
}

/** Turn on all four S3 Block Public Access settings of the bucket. */
export interface BlockBucketPublicAccess extends ActionBase {
    readonly action: "block-bucket-public-access";
    /** Bucket name. */
    readonly target: string;
    /** Account that must own the bucket (bucket names are global; S3 refuses the call otherwise). */
    readonly expectedBucketOwner: string;
}

/** Nothing is changed; the outcome report tells people about the finding. */
export interface Notify extends ActionBase {
    readonly action: "notify";
    /** What the finding is about (instance id, access key id, bucket, or the resource type). */
    readonly target: string;
}

export type ResponseAction =
    IsolateInstance | SnapshotVolumes | TagInstance | DeactivateAccessKey | RevokeRoleSessions | BlockBucketPublicAccess | Notify;

export type ActionName = ResponseAction["action"];

/** True when the tags opt the resource out of automated response. */
export function optedOut(tags: readonly { readonly key?: string | null; readonly value?: string | null }[], optOutTagKey: string): boolean {
    return tags.some((tag) => tag.key === optOutTagKey && (tag.value ?? "").trim().toLowerCase() === OPT_OUT_VALUE);
}
