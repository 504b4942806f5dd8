// The planner: an EventBridge "GuardDuty Finding" event in, the list of actions out. Pure: no AWS
// calls, no clock (the caller passes `now`), so the Lambda and `npm run respond -- --dry-run` plan
// the same thing for the same event and settings.
//
// The event is read as AWS documents it for EventBridge: the envelope (`source` aws.guardduty,
// `detail-type` "GuardDuty Finding") around the finding in camelCase, schemaVersion "2.0". Every
// field a playbook reads is validated by AWS's own rule for it (validation/: ids, names, tags,
// severity), so nothing outside those rules (megabytes, shell metacharacters, other characters)
// becomes a target; the rest of the finding passes unread, once its depth has been measured.
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
import {
    ACCESS_KEY_ID,
    ACCOUNT_ID,
    BUCKET_ARN_PREFIX,
    BUCKET_NAME_EXPECTED,
    INSTANCE_ID,
    NETWORK_INTERFACE_ID,
    REGION,
    ROLE_NAME,
    USER_NAME,
    VPC_ID,
    isBucketName,
} from "../validation/aws-identifiers";
import {
    FINDING_ID,
    FINDING_ID_EXPECTED,
    FINDING_TYPE,
    FINDING_TYPE_EXPECTED,
    RESOURCE_TYPE,
    RESOURCE_TYPE_EXPECTED,
    USER_TYPE,
    USER_TYPE_EXPECTED,
} from "../validation/guardduty-findings";
import { GUARDDUTY_SEVERITY_EXPECTED, isGuardDutySeverity } from "../validation/guardduty-severity";
import { pathBeyondDepth } from "../validation/nesting-depth";
import { STORED_TAG_KEY_EXPECTED, TAG_KEY, TAG_VALUE, TAG_VALUE_EXPECTED } from "../validation/tag-keys";
import {
    FINDING_ID_TAG,
    FINDING_TYPE_TAG,
    REVOKE_SESSIONS_POLICY_NAME,
    optedOut,
    type QuarantinedInterface,
    type ResponseAction,
} from "./actions";
import { propertyPath, valueAt } from "../validation/property-paths";
import { InputError, clipped, shown } from "./input-error";
import type { PlannerSettings } from "./settings";

/** Finding types that mean a bucket was made public: block public access on the bucket. */
export const PUBLIC_BUCKET_FINDING_TYPES: readonly string[] = [
    "Policy:S3/BucketBlockPublicAccessDisabled",
    "Policy:S3/BucketAnonymousAccessGranted",
    "Policy:S3/BucketPublicAccessGranted",
];

/**
 * How many levels of arrays and objects an event may nest. GuardDuty findings nest about ten deep
 * (envelope, detail, service, action, …); far deeper is no finding, and would overflow the stack
 * of whatever walks it recursively.
 */
export const MAX_EVENT_DEPTH = 32;

/** Roles whose sessions cannot be revoked by an inline policy: service-linked and IAM Identity Center roles. */
const UNREVOCABLE_ROLE = /^(AWSServiceRoleFor|AWSReservedSSO_)/;

const LONG_TERM_KEY = /^AKIA[A-Z0-9]{12,124}$/;

/** A string that matches `pattern` whole; `expected` says the rule in the refusal. */
const matching = (pattern: RegExp, expected: string) =>
    z.string({ error: `expected ${expected}` }).regex(pattern, { error: `expected ${expected}` });

const ROLE_NAME_EXPECTED = "an IAM role name (1-64 letters, digits or + = , . @ _ -)";
const USER_NAME_EXPECTED = "an IAM user name (1-64 letters, digits or + = , . @ _ -)";
const ACCESS_KEY_ID_EXPECTED = "an access key id (16-128 letters, digits or _)";

const tags = z.array(
    z.object(
        { key: matching(TAG_KEY, STORED_TAG_KEY_EXPECTED), value: matching(TAG_VALUE, TAG_VALUE_EXPECTED).nullish() },
        { error: "expected a tag {key, value}" },
    ),
    { error: "expected a list of tags [{key, value}]" },
);

const networkInterface = z.object(
    {
        networkInterfaceId: matching(NETWORK_INTERFACE_ID, "a network interface id (eni- and 8 or 17 hexadecimal digits)"),
        vpcId: matching(VPC_ID, "a VPC id (vpc- and 8 or 17 hexadecimal digits)"),
    },
    { error: "expected a network interface object" },
);

const instanceDetails = z.object(
    {
        instanceId: matching(INSTANCE_ID, "an instance id (i- and 8 or 17 hexadecimal digits)"),
        networkInterfaces: z.array(networkInterface, { error: "expected a list of network interfaces" }).nullish(),
        tags: tags.nullish(),
    },
    { error: "expected the instance's details (an object)" },
);

const accessKeyDetails = z
    .object(
        {
            // GuardDuty reports the root's credentials with an empty key id.
            accessKeyId: z
                .string({ error: `expected ${ACCESS_KEY_ID_EXPECTED}` })
                .refine((id) => id === "" || ACCESS_KEY_ID.test(id), { error: `expected ${ACCESS_KEY_ID_EXPECTED}` })
                .nullish(),
            principalId: z.string({ error: "expected a principal id" }).nullish(),
            userName: z.string({ error: "expected a user or role name" }).nullish(),
            userType: matching(USER_TYPE, USER_TYPE_EXPECTED),
        },
        { error: "expected the access key's details (an object)" },
    )
    // An assumed role's name is a role name; the others (IAM users, root, federated users) follow
    // IAM's user name rule. Both become targets of actions and of reports.
    .superRefine((key, context) => {
        const [pattern, expected] = key.userType === "AssumedRole" ? [ROLE_NAME, ROLE_NAME_EXPECTED] : [USER_NAME, USER_NAME_EXPECTED];
        if (key.userName !== undefined && key.userName !== null && key.userName !== "" && !pattern.test(key.userName)) {
            context.addIssue({ code: "custom", path: ["userName"], message: `expected ${expected}` });
        }
    });

// The responder acts only in the commercial partition, where its role and ARNs are.
const REGION_EXPECTED = "a region of the aws partition (like eu-west-1)";

const bucket = z
    .object(
        {
            name: z
                .string({ error: `expected ${BUCKET_NAME_EXPECTED}` })
                .refine(isBucketName, { error: `expected ${BUCKET_NAME_EXPECTED}` }),
            arn: z.string({ error: "expected the bucket's ARN" }).nullish(),
            tags: tags.nullish(),
        },
        { error: "expected a bucket object" },
    )
    // A bucket's ARN that names another bucket or partition than its name is no finding to act on.
    .superRefine((b, context) => {
        if (b.arn !== undefined && b.arn !== null && b.arn !== `${BUCKET_ARN_PREFIX}${b.name}`) {
            context.addIssue({
                code: "custom",
                path: ["arn"],
                message: `expected the ARN of bucket ${b.name} (${BUCKET_ARN_PREFIX}${b.name})`,
            });
        }
    });

const finding = z.object(
    {
        schemaVersion: z.literal("2.0", { error: 'expected "2.0" (the finding format this responder reads)' }),
        accountId: matching(ACCOUNT_ID, "a 12-digit account id"),
        region: matching(REGION, REGION_EXPECTED),
        id: matching(FINDING_ID, FINDING_ID_EXPECTED),
        type: matching(FINDING_TYPE, FINDING_TYPE_EXPECTED),
        severity: z
            .number({ error: `expected ${GUARDDUTY_SEVERITY_EXPECTED}` })
            .refine(isGuardDutySeverity, { error: `expected ${GUARDDUTY_SEVERITY_EXPECTED}` }),
        updatedAt: z.iso.datetime({ error: "expected an ISO 8601 time", offset: true }),
        resource: z.object(
            {
                resourceType: matching(RESOURCE_TYPE, RESOURCE_TYPE_EXPECTED),
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
            account: matching(ACCOUNT_ID, "a 12-digit account id"),
            region: matching(REGION, REGION_EXPECTED),
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

/**
 * Validates an event; throws an InputError whose message names the first field that is wrong. Its
 * depth is measured first, before anything walks it recursively.
 */
export function parseFindingEvent(input: unknown): FindingEvent {
    const tooDeep = pathBeyondDepth(input, MAX_EVENT_DEPTH);
    if (tooDeep !== undefined) {
        throw new InputError(
            `malformed GuardDuty event: ${clipped(propertyPath(tooDeep))}: expected at most ${MAX_EVENT_DEPTH} levels of nested arrays and objects (GuardDuty findings nest about 10)`,
        );
    }
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
