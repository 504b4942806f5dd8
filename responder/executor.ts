// The executor: planned actions → AWS SDK v3 calls, and the outcome report to SNS.
//
// - Idempotent: every action reads the current state first and changes nothing that is already
//   as the action wants it ("unchanged"), so a finding delivered twice changes nothing twice.
// - Opt-out: every action reads the live resource's tags first and skips a resource tagged
//   `<optOutTagKey> = off` (IAM findings carry no tags, and tags may have changed since the finding).
// - One failed action does not stop the others: each outcome is recorded, and the caller fails the
//   invocation when any failed, so EventBridge/Lambda retry and the dead-letter queue keeps the event.
// Only the calls listed in EXECUTOR_API_CALLS are made; the responder's IAM policy allows exactly
// their permissions (components/response/responder-policies.ts).

import {
    CreateSnapshotCommand,
    CreateTagsCommand,
    DescribeInstancesCommand,
    DescribeSnapshotsCommand,
    EC2Client,
    ModifyNetworkInterfaceAttributeCommand,
    type Instance,
} from "@aws-sdk/client-ec2";
import {
    GetRolePolicyCommand,
    IAMClient,
    ListAccessKeysCommand,
    ListRoleTagsCommand,
    ListUserTagsCommand,
    PutRolePolicyCommand,
    UpdateAccessKeyCommand,
} from "@aws-sdk/client-iam";
import { GetBucketTaggingCommand, GetPublicAccessBlockCommand, PutPublicAccessBlockCommand, S3Client, type Tag } from "@aws-sdk/client-s3";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import {
    FINDING_ID_TAG,
    optedOut,
    type BlockBucketPublicAccess,
    type DeactivateAccessKey,
    type IsolateInstance,
    type ResponseAction,
    type RevokeRoleSessions,
    type SnapshotVolumes,
    type TagInstance,
} from "./actions";

/** Every API call the executor makes, by service: the responder's IAM policy allows exactly these. */
export const EXECUTOR_API_CALLS = {
    ec2: ["DescribeInstances", "DescribeSnapshots", "ModifyNetworkInterfaceAttribute", "CreateSnapshot", "CreateTags"],
    iam: ["ListUserTags", "ListAccessKeys", "UpdateAccessKey", "ListRoleTags", "GetRolePolicy", "PutRolePolicy"],
    s3: ["GetBucketTagging", "GetPublicAccessBlock", "PutPublicAccessBlock"],
    sns: ["Publish"],
} as const;

/** The SDK clients the executor calls through (one set per Lambda container). */
export interface ResponderClients {
    readonly ec2: EC2Client;
    readonly iam: IAMClient;
    readonly s3: S3Client;
    readonly sns: SNSClient;
}

/** Clients for the Lambda's region (AWS_REGION); S3 follows a bucket into its own region. */
export function createClients(): ResponderClients {
    return { ec2: new EC2Client({}), iam: new IAMClient({}), s3: new S3Client({ followRegionRedirects: true }), sns: new SNSClient({}) };
}

/**
 * `changed`: the action changed something; `unchanged`: it was already done; `skipped`: the
 * resource is opted out or gone; `notified`: a notify action (nothing to do but report);
 * `failed`: an AWS call failed (the invocation fails, to be retried).
 */
export type OutcomeStatus = "changed" | "unchanged" | "skipped" | "notified" | "failed";

/** What one action did. */
export interface Outcome {
    readonly action: ResponseAction["action"];
    readonly target: string;
    readonly status: OutcomeStatus;
    readonly detail: string;
}

type Result = Pick<Outcome, "status" | "detail">;

const changed = (detail: string): Result => ({ status: "changed", detail });
const unchanged = (detail: string): Result => ({ status: "unchanged", detail });
const skipped = (detail: string): Result => ({ status: "skipped", detail });

function errorName(error: unknown): string {
    return error instanceof Error ? error.name : "";
}

/** The policy AWS documents for revoking a role's sessions: deny everything to sessions issued before `issuedBefore`. */
export function revokeOlderSessionsPolicy(issuedBefore: string): Record<string, unknown> {
    return {
        Version: "2012-10-17",
        Statement: [
            { Effect: "Deny", Action: ["*"], Resource: ["*"], Condition: { DateLessThan: { "aws:TokenIssueTime": issuedBefore } } },
        ],
    };
}

/** The latest `aws:TokenIssueTime` a revocation policy already denies before (IAM returns the document URL-encoded). */
function revokedBefore(encodedDocument: string | undefined): string | undefined {
    if (encodedDocument === undefined) {
        return undefined;
    }
    const document = JSON.parse(decodeURIComponent(encodedDocument)) as { Statement?: unknown };
    const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    const times = statements
        .map((s) => s as { Effect?: unknown; Condition?: { DateLessThan?: Record<string, unknown> } } | undefined)
        .filter((s) => s?.Effect === "Deny")
        .map((s) => s?.Condition?.DateLessThan?.["aws:TokenIssueTime"])
        .filter((time): time is string => typeof time === "string" && !Number.isNaN(Date.parse(time)));
    return times.sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1);
}

/** Tags as the SDKs return them (`{Key, Value}`), as `optedOut` reads them. */
const sdkTags = (tags: readonly { readonly Key?: string; readonly Value?: string }[] | undefined) =>
    (tags ?? []).map((tag) => ({ key: tag.Key, value: tag.Value }));

/** The live instance, or undefined when it no longer exists. */
async function describeInstance(ec2: EC2Client, instanceId: string): Promise<Instance | undefined> {
    try {
        const found = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
        return found.Reservations?.flatMap((r) => r.Instances ?? []).find((i) => i.InstanceId === instanceId);
    } catch (error) {
        if (errorName(error) === "InvalidInstanceID.NotFound") {
            return undefined;
        }
        throw error;
    }
}

/** The instance when the action may touch it, or why not. */
async function liveInstance(ec2: EC2Client, instanceId: string, optOutTagKey: string): Promise<Instance | Result> {
    const instance = await describeInstance(ec2, instanceId);
    if (instance === undefined) {
        return skipped(`instance ${instanceId} no longer exists`);
    }
    if (optedOut(sdkTags(instance.Tags), optOutTagKey)) {
        return skipped(`instance ${instanceId} is opted out (tag ${optOutTagKey}=off)`);
    }
    return instance;
}

const isResult = (value: Instance | Result): value is Result => "status" in value;

async function isolateInstance(a: IsolateInstance, clients: ResponderClients, optOutTagKey: string): Promise<Result> {
    const instance = await liveInstance(clients.ec2, a.target, optOutTagKey);
    if (isResult(instance)) {
        return instance;
    }
    const groupsNow = new Map(
        (instance.NetworkInterfaces ?? []).map((eni) => [eni.NetworkInterfaceId, (eni.Groups ?? []).map((g) => g.GroupId)]),
    );
    const moved: string[] = [];
    for (const eni of a.networkInterfaces) {
        const groups = groupsNow.get(eni.networkInterfaceId);
        if (groups?.length === 1 && groups[0] === eni.quarantineSecurityGroupId) {
            continue;
        }
        await clients.ec2.send(
            new ModifyNetworkInterfaceAttributeCommand({
                NetworkInterfaceId: eni.networkInterfaceId,
                Groups: [eni.quarantineSecurityGroupId],
            }),
        );
        moved.push(`${eni.networkInterfaceId} → ${eni.quarantineSecurityGroupId}`);
    }
    return moved.length > 0
        ? changed(`moved into quarantine: ${moved.join(", ")}`)
        : unchanged(`every network interface of ${a.target} is already only in its quarantine group`);
}

async function snapshotVolumes(a: SnapshotVolumes, clients: ResponderClients, optOutTagKey: string): Promise<Result> {
    const instance = await liveInstance(clients.ec2, a.target, optOutTagKey);
    if (isResult(instance)) {
        return instance;
    }
    const volumes = (instance.BlockDeviceMappings ?? []).flatMap((mapping) =>
        mapping.Ebs?.VolumeId !== undefined ? [mapping.Ebs.VolumeId] : [],
    );
    if (volumes.length === 0) {
        return unchanged(`instance ${a.target} has no EBS volume`);
    }
    const existing = await clients.ec2.send(
        new DescribeSnapshotsCommand({
            OwnerIds: ["self"],
            Filters: [
                { Name: `tag:${FINDING_ID_TAG}`, Values: [a.findingId] },
                { Name: "volume-id", Values: volumes },
            ],
        }),
    );
    const done = new Set((existing.Snapshots ?? []).map((s) => s.VolumeId));
    const taken: string[] = [];
    for (const volumeId of volumes.filter((v) => !done.has(v))) {
        const snapshot = await clients.ec2.send(
            new CreateSnapshotCommand({
                VolumeId: volumeId,
                Description: `Forensic copy of ${volumeId} of ${a.target} for GuardDuty finding ${a.findingId}`,
                TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: FINDING_ID_TAG, Value: a.findingId }] }],
            }),
        );
        taken.push(`${volumeId} → ${snapshot.SnapshotId ?? "?"}`);
    }
    return taken.length > 0
        ? changed(`snapshots started: ${taken.join(", ")}`)
        : unchanged(`every volume of ${a.target} already has a snapshot for this finding`);
}

async function tagInstance(a: TagInstance, clients: ResponderClients, optOutTagKey: string): Promise<Result> {
    const instance = await liveInstance(clients.ec2, a.target, optOutTagKey);
    if (isResult(instance)) {
        return instance;
    }
    const current = new Map(sdkTags(instance.Tags).map((tag) => [tag.key, tag.value]));
    const missing = Object.entries(a.tags).filter(([key, value]) => current.get(key) !== value);
    if (missing.length === 0) {
        return unchanged(`instance ${a.target} is already tagged with the finding`);
    }
    await clients.ec2.send(new CreateTagsCommand({ Resources: [a.target], Tags: missing.map(([Key, Value]) => ({ Key, Value })) }));
    return changed(`tagged ${missing.map(([key, value]) => `${key}=${value}`).join(", ")}`);
}

async function deactivateAccessKey(a: DeactivateAccessKey, clients: ResponderClients, optOutTagKey: string): Promise<Result> {
    let tags;
    try {
        tags = (await clients.iam.send(new ListUserTagsCommand({ UserName: a.userName }))).Tags;
    } catch (error) {
        if (errorName(error) === "NoSuchEntityException") {
            return skipped(`IAM user ${a.userName} no longer exists`);
        }
        throw error;
    }
    if (optedOut(sdkTags(tags), optOutTagKey)) {
        return skipped(`IAM user ${a.userName} is opted out (tag ${optOutTagKey}=off)`);
    }
    const keys = (await clients.iam.send(new ListAccessKeysCommand({ UserName: a.userName }))).AccessKeyMetadata ?? [];
    const key = keys.find((k) => k.AccessKeyId === a.target);
    if (key === undefined) {
        return skipped(`access key ${a.target} of ${a.userName} no longer exists`);
    }
    if (key.Status === "Inactive") {
        return unchanged(`access key ${a.target} of ${a.userName} is already inactive`);
    }
    await clients.iam.send(new UpdateAccessKeyCommand({ UserName: a.userName, AccessKeyId: a.target, Status: "Inactive" }));
    return changed(`access key ${a.target} of ${a.userName} deactivated`);
}

async function revokeRoleSessions(a: RevokeRoleSessions, clients: ResponderClients, optOutTagKey: string): Promise<Result> {
    let tags;
    try {
        tags = (await clients.iam.send(new ListRoleTagsCommand({ RoleName: a.target }))).Tags;
    } catch (error) {
        if (errorName(error) === "NoSuchEntityException") {
            return skipped(`role ${a.target} no longer exists`);
        }
        throw error;
    }
    if (optedOut(sdkTags(tags), optOutTagKey)) {
        return skipped(`role ${a.target} is opted out (tag ${optOutTagKey}=off)`);
    }
    let existing: string | undefined;
    try {
        existing = (await clients.iam.send(new GetRolePolicyCommand({ RoleName: a.target, PolicyName: a.policyName }))).PolicyDocument;
    } catch (error) {
        if (errorName(error) !== "NoSuchEntityException") {
            throw error;
        }
    }
    const before = revokedBefore(existing);
    // A revocation issued at or after the activity this finding saw already ended those sessions;
    // one later than this plan's must never be moved back.
    if (before !== undefined && (Date.parse(before) >= Date.parse(a.activitySeenAt) || Date.parse(before) >= Date.parse(a.issuedBefore))) {
        return unchanged(`role ${a.target} already denies sessions issued before ${before}`);
    }
    await clients.iam.send(
        new PutRolePolicyCommand({
            RoleName: a.target,
            PolicyName: a.policyName,
            PolicyDocument: JSON.stringify(revokeOlderSessionsPolicy(a.issuedBefore)),
        }),
    );
    return changed(`role ${a.target} now denies sessions issued before ${a.issuedBefore}`);
}

async function blockBucketPublicAccess(a: BlockBucketPublicAccess, clients: ResponderClients, optOutTagKey: string): Promise<Result> {
    const bucket = { Bucket: a.target, ExpectedBucketOwner: a.expectedBucketOwner };
    let tags: Tag[] | undefined;
    try {
        tags = (await clients.s3.send(new GetBucketTaggingCommand(bucket))).TagSet;
    } catch (error) {
        if (errorName(error) === "NoSuchBucket") {
            return skipped(`bucket ${a.target} no longer exists`);
        }
        if (errorName(error) !== "NoSuchTagSet") {
            throw error;
        }
    }
    if (optedOut(sdkTags(tags), optOutTagKey)) {
        return skipped(`bucket ${a.target} is opted out (tag ${optOutTagKey}=off)`);
    }
    let current;
    try {
        current = (await clients.s3.send(new GetPublicAccessBlockCommand(bucket))).PublicAccessBlockConfiguration;
    } catch (error) {
        if (errorName(error) !== "NoSuchPublicAccessBlockConfiguration") {
            throw error;
        }
    }
    if (
        current?.BlockPublicAcls === true &&
        current.IgnorePublicAcls === true &&
        current.BlockPublicPolicy === true &&
        current.RestrictPublicBuckets === true
    ) {
        return unchanged(`bucket ${a.target} already blocks all public access`);
    }
    await clients.s3.send(
        new PutPublicAccessBlockCommand({
            ...bucket,
            PublicAccessBlockConfiguration: {
                BlockPublicAcls: true,
                IgnorePublicAcls: true,
                BlockPublicPolicy: true,
                RestrictPublicBuckets: true,
            },
        }),
    );
    return changed(`bucket ${a.target} now blocks all public access`);
}

async function run(a: ResponseAction, clients: ResponderClients, optOutTagKey: string): Promise<Result> {
    switch (a.action) {
        case "isolate-instance":
            return isolateInstance(a, clients, optOutTagKey);
        case "snapshot-volumes":
            return snapshotVolumes(a, clients, optOutTagKey);
        case "tag-instance":
            return tagInstance(a, clients, optOutTagKey);
        case "deactivate-access-key":
            return deactivateAccessKey(a, clients, optOutTagKey);
        case "revoke-role-sessions":
            return revokeRoleSessions(a, clients, optOutTagKey);
        case "block-bucket-public-access":
            return blockBucketPublicAccess(a, clients, optOutTagKey);
        case "notify":
            return { status: "notified", detail: a.reason };
    }
}

/** Carries out every action in order; a failed action is recorded and the next one still runs. */
export async function executeActions(
    actions: readonly ResponseAction[],
    clients: ResponderClients,
    optOutTagKey: string,
): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const a of actions) {
        let result: Result;
        try {
            result = await run(a, clients, optOutTagKey);
        } catch (error) {
            result = { status: "failed", detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
        }
        outcomes.push({ action: a.action, target: a.target, ...result });
    }
    return outcomes;
}

/** What the responder reports for one event. */
export interface ResponseReport {
    readonly findingId: string;
    readonly findingType: string;
    readonly severity: number;
    readonly accountId: string;
    readonly region: string;
    readonly outcomes: readonly Outcome[];
}

async function publish(sns: SNSClient, topicArn: string, subject: string, message: string): Promise<void> {
    // SNS subjects: ASCII, no line breaks, at most 100 characters.
    const safeSubject = subject.replace(/[^\x20-\x7e]/g, "?").slice(0, 100);
    await sns.send(new PublishCommand({ TopicArn: topicArn, Subject: safeSubject, Message: message }));
}

/** Publishes the report to the topic: one message per event, every outcome in it. */
export async function publishReport(sns: SNSClient, topicArn: string, report: ResponseReport): Promise<void> {
    const failed = report.outcomes.filter((o) => o.status === "failed").length;
    const status = failed > 0 ? `${failed} FAILED` : `${report.outcomes.filter((o) => o.status === "changed").length} changed`;
    await publish(sns, topicArn, `GuardDuty response (${status}): ${report.findingType}`, JSON.stringify(report, null, 2));
}

/** Tells the topic about an event the responder could not read (nothing was done for it). */
export async function publishUnreadableEvent(sns: SNSClient, topicArn: string, problem: string): Promise<void> {
    await publish(sns, topicArn, "GuardDuty response (FAILED): unreadable event", problem);
}
