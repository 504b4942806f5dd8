// The planner: an EventBridge "GuardDuty Finding" event in, the list of actions out. Pure: no AWS
// calls, no clock (the caller passes `now`), so the Lambda and `npm run respond -- --dry-run` plan
// the same thing for the same event and settings.
//
// The event is read as AWS documents it for EventBridge: the envelope (`source` aws.guardduty,
// `detail-type` "GuardDuty Finding") around the finding in camelCase, schemaVersion "2.0". Only the
// fields a playbook needs are validated; the rest of the finding passes unread.
//
// Playbooks, in order (the first that applies wins):
// 1. archived, sample, or below the severity threshold: notify only;
// 2. a bucket opened to the public (PUBLIC_BUCKET_FINDING_TYPES): block public access on each bucket
//    named in the finding. These findings come with resourceType AccessKey (the caller who opened
//    the bucket), so the type decides, before the credential playbooks;
// 3. resourceType Instance: isolate the instance, snapshot its volumes, tag it;
// 4. resourceType AccessKey with an IAMUser finding type: an IAM user's long-term key (AKIA…) is
//    deactivated; an assumed role's sessions are revoked (its ASIA… keys cannot be deactivated);
//    root, federated users and anything else only notify;
// 5. everything else: notify.
// A resource tagged `<optOutTagKey> = off` in the finding is never touched (a notify says so); the
// executor checks the tag again on the live resource, since IAM findings carry no tags.

import { z } from "zod";
import { ACCOUNT_ID, BUCKET_NAME_SHAPE, REGION, VPC_ID } from "../validation/aws-identifiers";
import {
    FINDING_ID_TAG,
    FINDING_TYPE_TAG,
    REVOKE_SESSIONS_POLICY_NAME,
    optedOut,
    type QuarantinedInterface,
    type ResponseAction,
} from "./actions";
import { propertyPath, valueAt } from "../validation/property-paths";
import { InputError, shown } from "./input-error";
import type { PlannerSettings } from "./settings";

/** Finding types that mean a bucket was made public: block public access on the bucket. */
export const PUBLIC_BUCKET_FINDING_TYPES: readonly string[] = [
    "Policy:S3/BucketBlockPublicAccessDisabled",
    "Policy:S3/BucketAnonymousAccessGranted",
    "Policy:S3/BucketPublicAccessGranted",
];

/** Roles whose sessions cannot be revoked by an inline policy: service-linked and IAM Identity Center roles. */
const UNREVOCABLE_ROLE = /^(AWSServiceRoleFor|AWSReservedSSO_)/;

const LONG_TERM_KEY = /^AKIA[A-Z0-9]{12,124}$/;

const tags = z.array(
    z.object({ key: z.string({ error: "expected a tag key" }), value: z.string().nullish() }, { error: "expected a tag {key, value}" }),
    {
        error: "expected a list of tags [{key, value}]",
    },
);

const networkInterface = z.object(
    {
        networkInterfaceId: z
            .string({ error: "expected a network interface id (eni-…)" })
            .regex(/^eni-[0-9a-f]{8,17}$/, { error: "expected a network interface id (eni-…)" }),
        vpcId: z.string({ error: "expected a VPC id (vpc-…)" }).regex(VPC_ID, { error: "expected a VPC id (vpc-…)" }),
    },
    { error: "expected a network interface object" },
);

const instanceDetails = z.object(
    {
        instanceId: z
            .string({ error: "expected an instance id (i-…)" })
            .regex(/^i-[0-9a-f]{8,17}$/, { error: "expected an instance id (i-…)" }),
        networkInterfaces: z.array(networkInterface, { error: "expected a list of network interfaces" }).nullish(),
        tags: tags.nullish(),
    },
    { error: "expected the instance's details (an object)" },
);

const accessKeyDetails = z.object(
    {
        accessKeyId: z.string({ error: "expected an access key id" }).nullish(),
        principalId: z.string({ error: "expected a principal id" }).nullish(),
        userName: z.string({ error: "expected a user or role name" }).nullish(),
        userType: z
            .string({ error: "expected a user type (IAMUser, AssumedRole, Root, FederatedUser, …)" })
            .min(1, { error: "expected a user type (IAMUser, AssumedRole, Root, FederatedUser, …)" }),
    },
    { error: "expected the access key's details (an object)" },
);

// The responder acts only in the commercial partition, where its role and ARNs are.
const REGION_EXPECTED = "expected a region of the aws partition (like eu-west-1)";

const bucket = z.object(
    {
        name: z.string({ error: "expected a bucket name" }).regex(BUCKET_NAME_SHAPE, { error: "expected a bucket name" }),
        tags: tags.nullish(),
    },
    { error: "expected a bucket object" },
);

const finding = z.object(
    {
        schemaVersion: z.literal("2.0", { error: 'expected "2.0" (the finding format this responder reads)' }),
        accountId: z.string({ error: "expected a 12-digit account id" }).regex(ACCOUNT_ID, { error: "expected a 12-digit account id" }),
        region: z.string({ error: REGION_EXPECTED }).regex(REGION, { error: REGION_EXPECTED }),
        id: z.string({ error: "expected the finding id" }).regex(/^[A-Za-z0-9_-]{1,300}$/, { error: "expected the finding id" }),
        type: z
            .string({ error: "expected a finding type such as UnauthorizedAccess:EC2/SSHBruteForce" })
            .regex(/^[A-Za-z0-9]+:[A-Za-z0-9]+\/\S+$/, {
                error: "expected a finding type such as UnauthorizedAccess:EC2/SSHBruteForce",
            }),
        severity: z
            .number({ error: "expected a number from 0 to 10" })
            .min(0, { error: "expected a number from 0 to 10" })
            .max(10, { error: "expected a number from 0 to 10" }),
        updatedAt: z.iso.datetime({ error: "expected an ISO 8601 time", offset: true }),
        resource: z.object(
            {
                resourceType: z.string({ error: "expected a resource type (Instance, AccessKey, S3Bucket, …)" }).min(1, {
                    error: "expected a resource type (Instance, AccessKey, S3Bucket, …)",
                }),
                instanceDetails: instanceDetails.nullish(),
                accessKeyDetails: accessKeyDetails.nullish(),
                s3BucketDetails: z.array(bucket, { error: "expected a list of buckets" }).nullish(),
            },
            { error: "expected the finding's resource (an object)" },
        ),
        service: z
            .object(
                {
                    archived: z.boolean({ error: "expected true or false" }).nullish(),
                    eventLastSeen: z.iso.datetime({ error: "expected an ISO 8601 time", offset: true }).nullish(),
                    additionalInfo: z.object({ sample: z.unknown().optional() }, { error: "expected an object" }).nullish(),
                },
                { error: "expected the finding's service details (an object)" },
            )
            .nullish(),
    },
    { error: "expected the finding (an object)" },
);

const findingEvent = z
    .object(
        {
            source: z.literal("aws.guardduty", { error: 'expected "aws.guardduty"' }),
            "detail-type": z.literal("GuardDuty Finding", { error: 'expected "GuardDuty Finding"' }),
            account: z.string({ error: "expected a 12-digit account id" }).regex(ACCOUNT_ID, { error: "expected a 12-digit account id" }),
            region: z.string({ error: REGION_EXPECTED }).regex(REGION, { error: REGION_EXPECTED }),
            detail: finding,
        },
        { error: "expected an EventBridge event (a JSON object)" },
    )
    // EventBridge's envelope says where the event was delivered; a detail naming another account or
    // region describes resources this responder (one account, one region) must not act on.
    .superRefine((event, context) => {
        if (event.detail.accountId !== event.account) {
            context.addIssue({ code: "custom", path: ["detail", "accountId"], message: `expected the event's account ${event.account}` });
        } else if (event.detail.region !== event.region) {
            context.addIssue({ code: "custom", path: ["detail", "region"], message: `expected the event's region ${event.region}` });
        }
    });

/** A GuardDuty finding event, as far as the playbooks read it. */
export type FindingEvent = z.infer<typeof findingEvent>;
type Finding = FindingEvent["detail"];

function malformed(where: string, value: unknown, expected: string): InputError {
    const what = value === undefined ? `${where} is missing` : `${where}=${shown(value)}`;
    return new InputError(`malformed GuardDuty event: ${what}: ${expected}`);
}

/** Validates an event; throws an InputError whose message names the first field that is wrong. */
export function parseFindingEvent(input: unknown): FindingEvent {
    const parsed = findingEvent.safeParse(input);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw malformed(propertyPath(issue.path) || "event", valueAt(input, issue.path), issue.message);
    }
    return parsed.data;
}

const RESOURCE = "detail.resource";

/** IAM role names are unique regardless of case, so an exemption holds however the finding spells the name. */
function isExemptRole(name: string, settings: PlannerSettings): boolean {
    const lower = name.toLowerCase();
    return settings.exemptRoleNames.some((exempt) => exempt.toLowerCase() === lower);
}

/** What every action of this finding says first: type, severity, finding id. */
function headline(f: Finding): string {
    return `${f.type} (severity ${f.severity}, finding ${f.id})`;
}

function notify(f: Finding, target: string, why: string): ResponseAction {
    return { action: "notify", target, findingId: f.id, reason: `${headline(f)}: ${why}` };
}

function instancePlaybook(f: Finding, settings: PlannerSettings): ResponseAction[] {
    const details = f.resource.instanceDetails;
    if (details === undefined || details === null) {
        throw malformed(
            `${RESOURCE}.instanceDetails`,
            details ?? undefined,
            "expected the instance's details for a finding on an Instance",
        );
    }
    const instanceId = details.instanceId;
    if (optedOut(details.tags ?? [], settings.optOutTagKey)) {
        return [
            notify(
                f,
                instanceId,
                `instance ${instanceId} is opted out (tag ${settings.optOutTagKey}=off): nothing is changed, respond manually`,
            ),
        ];
    }
    const interfaces = details.networkInterfaces ?? [];
    const missing = [
        ...new Set(interfaces.map((eni) => eni.vpcId).filter((vpcId) => settings.quarantineSecurityGroups[vpcId] === undefined)),
    ];
    const isolation: ResponseAction =
        interfaces.length === 0
            ? notify(f, instanceId, `the finding lists no network interface of instance ${instanceId}: isolate it manually`)
            : missing.length > 0
              ? notify(
                    f,
                    instanceId,
                    `no quarantine security group is configured for ${missing.join(", ")}: isolate instance ${instanceId} manually`,
                )
              : {
                    action: "isolate-instance",
                    target: instanceId,
                    findingId: f.id,
                    networkInterfaces: interfaces.map((eni): QuarantinedInterface => ({
                        networkInterfaceId: eni.networkInterfaceId,
                        vpcId: eni.vpcId,
                        quarantineSecurityGroupId: settings.quarantineSecurityGroups[eni.vpcId],
                    })),
                    reason: `${headline(f)}: move every network interface of instance ${instanceId} into its VPC's quarantine security group, which admits and sends nothing`,
                };
    return [
        isolation,
        {
            action: "snapshot-volumes",
            target: instanceId,
            findingId: f.id,
            reason: `${headline(f)}: snapshot every EBS volume of instance ${instanceId} for forensics, tagged with the finding`,
        },
        {
            action: "tag-instance",
            target: instanceId,
            findingId: f.id,
            tags: { [FINDING_ID_TAG]: f.id, [FINDING_TYPE_TAG]: f.type },
            reason: `${headline(f)}: tag instance ${instanceId} with the finding, so whoever finds it isolated knows why`,
        },
    ];
}

function credentialPlaybook(f: Finding, settings: PlannerSettings, now: Date): ResponseAction[] {
    const key = f.resource.accessKeyDetails;
    if (key === undefined || key === null) {
        throw malformed(
            `${RESOURCE}.accessKeyDetails`,
            key ?? undefined,
            "expected the access key's details for a finding on an AccessKey",
        );
    }
    const keyId = key.accessKeyId ?? "";
    const name = key.userName ?? "";
    const subject = keyId !== "" ? keyId : name !== "" ? name : key.userType;
    switch (key.userType) {
        case "IAMUser":
            if (!LONG_TERM_KEY.test(keyId)) {
                return [
                    notify(
                        f,
                        subject,
                        `the credentials of IAM user ${name || "?"} are not a long-term access key (${keyId || "none"}); only long-term keys are deactivated: respond manually`,
                    ),
                ];
            }
            if (name === "") {
                return [notify(f, keyId, `the finding names no user for access key ${keyId}: deactivate it manually`)];
            }
            return [
                {
                    action: "deactivate-access-key",
                    target: keyId,
                    userName: name,
                    findingId: f.id,
                    reason: `${headline(f)}: the long-term access key ${keyId} of IAM user ${name} is compromised; deactivate it (reversible, unlike deleting it)`,
                },
            ];
        case "AssumedRole":
            if (name === "") {
                return [notify(f, subject, "the finding names no role for these temporary credentials: revoke their sessions manually")];
            }
            if (UNREVOCABLE_ROLE.test(name) || isExemptRole(name, settings)) {
                return [
                    notify(
                        f,
                        name,
                        `the sessions of role ${name} are not revoked automatically (service-linked, IAM Identity Center or exempt): respond manually`,
                    ),
                ];
            }
            return [
                {
                    action: "revoke-role-sessions",
                    target: name,
                    policyName: REVOKE_SESSIONS_POLICY_NAME,
                    issuedBefore: now.toISOString(),
                    activitySeenAt: f.service?.eventLastSeen ?? f.updatedAt,
                    findingId: f.id,
                    reason: `${headline(f)}: temporary credentials of role ${name} are compromised and cannot be deactivated; deny every session of the role issued before ${now.toISOString()}`,
                },
            ];
        default:
            return [notify(f, subject, `credentials of a ${key.userType} principal are not changed automatically: respond manually`)];
    }
}

function bucketPlaybook(f: Finding, settings: PlannerSettings): ResponseAction[] {
    const buckets = f.resource.s3BucketDetails ?? [];
    if (buckets.length === 0) {
        throw malformed(
            `${RESOURCE}.s3BucketDetails`,
            f.resource.s3BucketDetails ?? undefined,
            `expected the buckets of a ${f.type} finding`,
        );
    }
    return buckets.map((b) =>
        optedOut(b.tags ?? [], settings.optOutTagKey)
            ? notify(f, b.name, `bucket ${b.name} is opted out (tag ${settings.optOutTagKey}=off): nothing is changed, respond manually`)
            : {
                  action: "block-bucket-public-access",
                  target: b.name,
                  expectedBucketOwner: f.accountId,
                  findingId: f.id,
                  reason: `${headline(f)}: bucket ${b.name} was opened to the public; turn on all four S3 Block Public Access settings`,
              },
    );
}

/** What the finding is about, for a notify-only plan: the instance, bucket, key or principal, else the resource type. */
function subjectOf(f: Finding): string {
    const r = f.resource;
    const candidates = [
        r.instanceDetails?.instanceId,
        r.s3BucketDetails?.map((b) => b.name).join(", "),
        r.accessKeyDetails?.accessKeyId,
        r.accessKeyDetails?.userName,
    ];
    return candidates.find((c): c is string => typeof c === "string" && c !== "") ?? r.resourceType;
}

/** The resource family in a finding type: `IAMUser` in `UnauthorizedAccess:IAMUser/ConsoleLogin`. */
const resourceFamily = (type: string): string => type.slice(type.indexOf(":") + 1).split("/")[0];

/** The actions for a validated finding event. */
export function planActions(event: FindingEvent, settings: PlannerSettings, now: Date): ResponseAction[] {
    const f = event.detail;
    if (f.service?.archived === true) {
        return [notify(f, subjectOf(f), "the finding is archived: nothing is changed")];
    }
    if (f.service?.additionalInfo?.sample === true) {
        return [notify(f, subjectOf(f), "a sample finding (GuardDuty CreateSampleFindings): nothing is changed")];
    }
    if (f.severity < settings.severityThreshold) {
        return [
            notify(
                f,
                subjectOf(f),
                `severity ${f.severity} is below the response threshold ${settings.severityThreshold}: nothing is changed`,
            ),
        ];
    }
    if (PUBLIC_BUCKET_FINDING_TYPES.includes(f.type)) {
        return bucketPlaybook(f, settings);
    }
    if (f.resource.resourceType === "Instance") {
        return instancePlaybook(f, settings);
    }
    if (f.resource.resourceType === "AccessKey" && resourceFamily(f.type) === "IAMUser") {
        return credentialPlaybook(f, settings, now);
    }
    return [notify(f, subjectOf(f), `no automated playbook for ${f.type} on resource type ${f.resource.resourceType}: respond manually`)];
}

/** Validates the event and plans its actions; throws an InputError naming what is wrong. */
export function planResponse(input: unknown, settings: PlannerSettings, now: Date): ResponseAction[] {
    return planActions(parseFindingEvent(input), settings, now);
}
