import { z } from "zod";
import { DEFAULT_ACCESS_ROLE_NAME } from "../../components/account/member-account";
import { FINDING_PUBLISHING_FREQUENCIES, GUARDDUTY_FEATURES } from "../../components/detection/guardduty-features";
import { ARCHIVE_STORAGE_CLASSES } from "../../components/audit-logs/audit-bucket-settings";
import { OBJECT_LOCK_MODES, validArchiveBucketName, validTrailName } from "../../components/audit-logs/audit-log-args";
import { validSessionDuration } from "../../components/identity/identity-parameters";
import { ACCOUNT_EMAIL, ACCOUNT_EMAIL_EXPECTED } from "../../components/organization/organization-accounts";
import { WORKLOADS_OU } from "../../components/organization/organization-structure";
import { PERMISSION_SET_KEYS, PERMISSION_SETS } from "../../components/identity/permission-set-policies";
import { defaultLogArchiveBucketName } from "../../components/audit-logs/audit-log-names";
import { BUCKET_EXPECTED } from "./account-schema";
import { tagsSchema } from "./environment-schema";
import { pipelineSchema } from "./pipeline-schema";
import { isLogRetentionDays, LOG_RETENTION_EXPECTED } from "../../validation/log-retention";
import {
    ACCOUNT_ID,
    componentCheck,
    LOWERCASE_NAME,
    noRepeats,
    ORGANIZATION_ID,
    REGION,
    REGION_EXPECTED,
    ROLE_ARN,
    ROLE_NAME,
    strictObjectError,
} from "./schema-helpers";

// The management stack's config (stacks/management.ts). Every message is the "expected …" half of
// a ConfigError: it says what a good value looks like.

const ACCOUNT_ID_EXPECTED = "a 12-digit AWS account id (quoted in YAML)";
const ROLE_NAME_EXPECTED = "an IAM role name of 1 to 64 letters, digits or +=,.@_-";
const OU_NAME_EXPECTED = "a lowercase OU name of 1 to 63 letters, digits or hyphens";

const accountId = (expected = ACCOUNT_ID_EXPECTED) => z.string({ error: expected }).regex(ACCOUNT_ID, { error: expected });
const roleName = () => z.string({ error: ROLE_NAME_EXPECTED }).regex(ROLE_NAME, { error: ROLE_NAME_EXPECTED });
const wholeDays = (expected: string, min: number, max: number) =>
    z.number({ error: expected }).int({ error: expected }).min(min, { error: expected }).max(max, { error: expected });

const ORGANIZATION_KEYS = ["id", "rootId", "managementAccountId", "workloadOus"] as const;

/** `zero-trust-aws:organization`: the organisation this stack adopts and its OU tree. */
const organizationSchema = z.strictObject(
    {
        id: z
            .string({ error: "an AWS Organizations id: o- followed by 10 to 32 lowercase letters or digits" })
            .regex(ORGANIZATION_ID, { error: "an AWS Organizations id: o- followed by 10 to 32 lowercase letters or digits" })
            .meta({ description: "e.g. `o-a1b2c3d4e5`: the organisation, adopted (from config, never looked up)" }),
        rootId: z
            .string({ error: "the organisation's root id: r- followed by 4 to 32 lowercase letters or digits" })
            .regex(/^r-[0-9a-z]{4,32}$/, { error: "the organisation's root id: r- followed by 4 to 32 lowercase letters or digits" })
            .meta({ description: "e.g. `r-a1b2`: the organisation's root, where the platform-resources SCP is attached" }),
        managementAccountId: accountId("the 12-digit id of the organisation's management account (quoted in YAML)").meta({
            description: 'e.g. `"999999999999"`: the management account, which this stack deploys to; outside every OU, no SCP binds it',
        }),
        workloadOus: z
            .array(z.string({ error: OU_NAME_EXPECTED }).regex(LOWERCASE_NAME, { error: OU_NAME_EXPECTED }), {
                error: "a non-empty list of OU names under workloads, e.g. [prod, non-prod]",
            })
            .min(1, { error: "a non-empty list of OU names under workloads, e.g. [prod, non-prod]" })
            .superRefine(noRepeats("an OU name"))
            .default(["prod", "non-prod"])
            .meta({ description: "the children of the workloads OU (workloads/<name>), no repeats" }),
    },
    { error: strictObjectError(ORGANIZATION_KEYS, "an object with id, rootId, managementAccountId and optional workloadOus") },
);

const ACCOUNTS_KEYS = [
    "accessRoleName",
    "securityAccountId",
    "securityAccountEmail",
    "logArchiveAccountId",
    "logArchiveAccountEmail",
    "environments",
] as const;
const ENVIRONMENT_ACCOUNT_KEYS = ["name", "accountId", "email", "ou", "securityHubMember"] as const;

const email = () => z.string({ error: ACCOUNT_EMAIL_EXPECTED }).regex(ACCOUNT_EMAIL, { error: ACCOUNT_EMAIL_EXPECTED });
const ENVIRONMENT_NAME_EXPECTED =
    "a lowercase environment name of 1 to 63 letters, digits or hyphens (the environment stack's zero-trust-aws:environment)";

/**
 * One environment's existing member account, which this stack places in its workloads OU (an
 * account an environment stack creates with `account.mode: create` is placed there and is not listed).
 */
const environmentAccountSchema = z.strictObject(
    {
        name: z
            .string({ error: ENVIRONMENT_NAME_EXPECTED })
            .regex(LOWERCASE_NAME, { error: ENVIRONMENT_NAME_EXPECTED })
            .meta({ description: "e.g. `staging`: the environment stack's zero-trust-aws:environment, listed once" }),
        accountId: accountId("the environment's 12-digit account id (quoted in YAML)").meta({
            description: 'e.g. `"111111111111"`: the environment\'s account, listed once',
        }),
        email: email().meta({
            description:
                "e.g. `aws+staging@example.com`: its root email as AWS Organizations shows it (required by the adoption, never changed)",
        }),
        // Checked against organization.workloadOus in the stack-wide refinement.
        ou: z
            .string({ error: "an OU path under workloads, e.g. workloads/prod" })
            .meta({ description: "e.g. `workloads/non-prod`: one of workloads/<organization.workloadOus>" }),
        // Security Hub enables itself, with AWS's default standards, in a member without a hub: wait
        // (false) until the environment stack has enabled its own.
        securityHubMember: z
            .boolean({ error: "true or false" })
            .default(true)
            .meta({
                description:
                    "associate the account with the security account's Security Hub (home region); false until its environment stack has run once, " +
                    "or AWS enables a hub with its default standards that the stack's own then collides with",
            }),
    },
    { error: strictObjectError(ENVIRONMENT_ACCOUNT_KEYS, "an object with name, accountId, email, ou and optional securityHubMember") },
);

/**
 * `zero-trust-aws:accounts`: the organisation's security (audit) and log-archive accounts and the
 * environments' member accounts, adopted by id (they exist before this stack: their ids are in key
 * policies and bucket policies) and placed in their OUs; the role the stack assumes in them.
 */
const accountsSchema = z.strictObject(
    {
        accessRoleName: roleName().default(DEFAULT_ACCESS_ROLE_NAME).meta({
            description:
                "the role the stack assumes in the organisation's accounts; exempt from the SCPs' change guardrails, so deployments work",
        }),
        securityAccountId: accountId("the 12-digit id of the security account (quoted in YAML)").meta({
            description:
                "the security (audit) account, adopted and kept in the security OU; distinct from the log-archive and management accounts",
        }),
        securityAccountEmail: email().meta({
            description:
                "e.g. `aws+security@example.com`: its root email as AWS Organizations shows it (required by the adoption, never changed)",
        }),
        logArchiveAccountId: accountId("the 12-digit id of the log-archive account (quoted in YAML)").meta({
            description: "the log-archive account, adopted and kept in the security OU; distinct from the security and management accounts",
        }),
        logArchiveAccountEmail: email().meta({
            description: "its root email as AWS Organizations shows it (required by the adoption, never changed)",
        }),
        environments: z
            .array(environmentAccountSchema, { error: "a list of environment accounts ({ name, accountId, email, ou })" })
            .default([])
            .meta({
                description:
                    "every existing environment account the stack adopts and keeps in its OU; names and ids listed once, no id of another account. " +
                    "An account an environment stack creates (account.mode: create) is placed by that stack and not listed",
            }),
    },
    {
        error: strictObjectError(
            ACCOUNTS_KEYS,
            "an object with securityAccountId, securityAccountEmail, logArchiveAccountId, logArchiveAccountEmail and optional accessRoleName, environments",
        ),
    },
);

const ROLE_ARN_EXPECTED = "an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)";
const ROLE_ARNS_EXPECTED = "a non-empty list of IAM role ARNs (arn:aws:iam::<12-digit account>:role/<name>)";

/** Key administrators: role ARNs that manage (never use) a key; the deploying role must be one. */
const keyAdministrators = () =>
    z
        .array(z.string({ error: ROLE_ARN_EXPECTED }).regex(ROLE_ARN, { error: ROLE_ARN_EXPECTED }), { error: ROLE_ARNS_EXPECTED })
        .min(1, { error: ROLE_ARNS_EXPECTED })
        .superRefine(noRepeats("a role"));

/** Issues for administrators outside the account whose key they administer. */
function checkAdministratorsIn(
    administrators: readonly string[] | undefined,
    account: string,
    what: string,
    path: PropertyKey[],
    ctx: z.RefinementCtx,
): void {
    (administrators ?? []).forEach((arn, index) => {
        const owner = ROLE_ARN.exec(arn)?.[1];
        if (owner !== undefined && owner !== account) {
            ctx.addIssue({
                code: "custom",
                path: [...path, index],
                message: `a role of the ${what} account ${account} (its key's administrators live there)`,
            });
        }
    });
}

const GUARDRAILS_KEYS = ["allowedRegions", "breakGlassRoleName"] as const;

/** `zero-trust-aws:guardrails`: the values the SCPs are built from (components/organization). */
const guardrailsSchema = z.strictObject(
    {
        allowedRegions: z
            .array(z.string({ error: REGION_EXPECTED }).regex(REGION, { error: REGION_EXPECTED }), {
                error: "a non-empty list of the regions member accounts may use",
            })
            .min(1, { error: "a non-empty list of the regions member accounts may use" })
            .superRefine(noRepeats("a region"))
            .meta({
                description:
                    "e.g. `[eu-west-1, eu-central-1]`: must include aws:region; the SCPs deny every other region, and every one is watched (management and environment stacks)",
            }),
        breakGlassRoleName: roleName()
            .default("break-glass")
            .meta({ description: "the emergency role, same name in every account; not accounts.accessRoleName" }),
    },
    { error: strictObjectError(GUARDRAILS_KEYS, "an object with allowedRegions and optional breakGlassRoleName") },
);

const LOG_ARCHIVE_KEYS = [
    "bucketName",
    "objectLockMode",
    "objectLockDays",
    "infrequentAccessAfterDays",
    "archiveAfterDays",
    "archiveStorageClass",
    "expireAfterDays",
    "keyAdministrators",
] as const;

/** `zero-trust-aws:logArchive`: the organisation's audit-log bucket in the log-archive account. */
const logArchiveSchema = z
    .strictObject(
        {
            // Checked by the archive's own rule in the stack-wide refinement.
            bucketName: z.string({ error: BUCKET_EXPECTED }).optional().meta({
                description: "the archive bucket the organisation trail delivers to (the environments read it from the outputs)",
                defaultText: "`zero-trust-log-archive-<organization.id>`",
            }),
            objectLockMode: z
                .enum(OBJECT_LOCK_MODES, { error: `one of ${OBJECT_LOCK_MODES.join(", ")}` })
                .default("COMPLIANCE")
                .meta({ description: "the object lock every log object gets" }),
            objectLockDays: wholeDays("a whole number of days from 1 to 3653 that every log object stays locked", 1, 3653)
                .default(365)
                .meta({ description: "days every log object stays locked" }),
            infrequentAccessAfterDays: wholeDays("a whole number of days from 30 (S3's minimum for Standard-IA) to 3653", 30, 3653)
                .default(90)
                .meta({ description: "lifecycle: days until a log object moves to Standard-IA" }),
            archiveAfterDays: wholeDays("a whole number of days from 60 to 3653", 60, 3653)
                .default(365)
                .meta({ description: "lifecycle: days until it is archived, at least 30 after Standard-IA" }),
            archiveStorageClass: z
                .enum(ARCHIVE_STORAGE_CLASSES, { error: `one of ${ARCHIVE_STORAGE_CLASSES.join(", ")}` })
                .default("GLACIER")
                .meta({ description: "lifecycle: the storage class it is archived in" }),
            expireAfterDays: wholeDays("a whole number of days from 1 to 36500", 1, 36500)
                .default(2557)
                .meta({ description: "lifecycle: days until it expires, after archiving and after the lock" }),
            // Default: the access role and the break-glass role of the log-archive account.
            keyAdministrators: keyAdministrators().optional().meta({
                description: "role ARNs of the log-archive account administering the archive key",
                defaultText: "the access and break-glass roles of the log-archive account",
            }),
        },
        {
            error: strictObjectError(
                LOG_ARCHIVE_KEYS,
                "an object with optional bucketName, objectLockMode, objectLockDays, infrequentAccessAfterDays, archiveAfterDays, archiveStorageClass, expireAfterDays, keyAdministrators",
            ),
        },
    )
    .superRefine((archive, ctx) => {
        // S3 keeps objects 30 days in Standard-IA before a lifecycle rule may move them on.
        if (archive.archiveAfterDays < archive.infrequentAccessAfterDays + 30) {
            ctx.addIssue({
                code: "custom",
                path: ["archiveAfterDays"],
                message: `at least 30 days after infrequentAccessAfterDays (${archive.infrequentAccessAfterDays})`,
            });
        }
        if (archive.expireAfterDays <= Math.max(archive.archiveAfterDays, archive.objectLockDays)) {
            ctx.addIssue({
                code: "custom",
                path: ["expireAfterDays"],
                message: `more days than archiveAfterDays (${archive.archiveAfterDays}) and objectLockDays (${archive.objectLockDays})`,
            });
        }
    })
    .prefault({});

const TRAIL_KEYS = ["name", "logRetentionDays", "keyAdministrators"] as const;

/** `zero-trust-aws:trail`: the organisation trail. */
const trailSchema = z.strictObject(
    {
        // Checked by the trail's own rule in the stack-wide refinement.
        name: z
            .string({ error: "a CloudTrail trail name" })
            .default("zero-trust-organization-trail")
            .meta({ description: "the organisation trail" }),
        logRetentionDays: z
            .number({ error: LOG_RETENTION_EXPECTED })
            .refine(isLogRetentionDays, { error: LOG_RETENTION_EXPECTED })
            .default(365)
            .meta({
                description:
                    "days the trail's CloudWatch log group keeps events: a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, …, 3653)",
            }),
        // The trail's log group key lives in the management account; the deploying role must be one.
        keyAdministrators: keyAdministrators().meta({
            description: "role ARNs of the management account administering the trail log group's key; the deploying role must be one",
        }),
    },
    { error: strictObjectError(TRAIL_KEYS, "an object with keyAdministrators and optional name and logRetentionDays") },
);

const SECURITY_SERVICES_KEYS = ["guardDutyFeatures", "findingPublishingFrequency", "aggregatorRegions"] as const;

/** `zero-trust-aws:securityServices`: what the security account administers for every member. */
const securityServicesSchema = z
    .strictObject(
        {
            guardDutyFeatures: z
                .array(z.enum(GUARDDUTY_FEATURES, { error: `a GuardDuty protection plan: ${GUARDDUTY_FEATURES.join(", ")}` }), {
                    error: "a non-empty list of GuardDuty protection plans",
                })
                .min(1, { error: "a non-empty list of GuardDuty protection plans (omit the key for all of them)" })
                .superRefine(noRepeats("a protection plan"))
                .default([...GUARDDUTY_FEATURES])
                .meta({ description: "the GuardDuty protection plans the delegated administrator enables for every member, no repeats" }),
            findingPublishingFrequency: z
                .enum(FINDING_PUBLISHING_FREQUENCIES, { error: `one of ${FINDING_PUBLISHING_FREQUENCIES.join(", ")}` })
                .default("FIFTEEN_MINUTES")
                .meta({ description: "how often GuardDuty publishes updates of recurring findings, for every member" }),
            aggregatorRegions: z
                .array(z.string({ error: REGION_EXPECTED }).regex(REGION, { error: REGION_EXPECTED }), {
                    error: "a list of regions whose findings Security Hub aggregates",
                })
                .min(1, { error: "a non-empty list of regions (omit the key to link every other allowed region)" })
                .superRefine(noRepeats("a region"))
                .optional()
                .meta({
                    description:
                        "regions Security Hub's aggregator links, when not all the other allowed regions; each an allowed region other than aws:region",
                    defaultText: "— (every other allowed region)",
                }),
        },
        {
            error: strictObjectError(
                SECURITY_SERVICES_KEYS,
                "an object with optional guardDutyFeatures, findingPublishingFrequency, aggregatorRegions",
            ),
        },
    )
    .prefault({});

const GROUP_ID_EXPECTED = "an Identity Store group id (a GUID such as 9067a2f4-f0b1-70e8-1b2d-3c4d5e6f7a8b)";
const INSTANCE_ARN_EXPECTED = "an IAM Identity Center instance ARN (arn:aws:sso:::instance/ssoins-<16 characters>)";
const SESSION_EXPECTED = "an ISO-8601 session duration from PT1H to PT8H (e.g. PT4H)";
/** Accounts an assignment may name: the organisation's own by role, or any member account by id. */
export const ASSIGNABLE_ACCOUNTS = ["security", "log-archive"] as const;
const ASSIGNED_ACCOUNT_EXPECTED = `${ASSIGNABLE_ACCOUNTS.join(" or ")}, or a 12-digit member account id`;

const PERMISSION_SET_EXPECTED = `a permission set: ${PERMISSION_SET_KEYS.join(", ")}`;

const ASSIGNMENT_KEYS = ["groupId", "permissionSet", "accounts"] as const;
const IDENTITY_CENTER_KEYS = ["instanceArn", "permissionSets", "sessionDurations", "assignments"] as const;

/** `zero-trust-aws:identityCenter`: permission sets by job function and who gets them where (optional). */
const identityCenterSchema = z.strictObject(
    {
        instanceArn: z
            .string({ error: INSTANCE_ARN_EXPECTED })
            .regex(/^arn:aws:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/, { error: INSTANCE_ARN_EXPECTED })
            .meta({
                description:
                    "e.g. `arn:aws:sso:::instance/ssoins-…`: the IAM Identity Center instance; without identityCenter, no permission sets are built",
            }),
        permissionSets: z
            .array(z.enum(PERMISSION_SET_KEYS, { error: `a permission set: ${PERMISSION_SET_KEYS.join(", ")}` }), {
                error: "a list of permission sets",
            })
            .min(1, { error: "a non-empty list of permission sets (omit the key for all of them)" })
            .superRefine(noRepeats("a permission set"))
            .default([...PERMISSION_SET_KEYS])
            .meta({ description: "the job functions built, no repeats" }),
        sessionDurations: z
            .record(
                z.string(),
                z.string({ error: SESSION_EXPECTED }).regex(/^PT(?:[1-7]H(?:[1-5]?\dM)?|8H)$/, { error: SESSION_EXPECTED }),
                {
                    error: "an object of permission set → session duration",
                },
            )
            .superRefine((durations, ctx) => {
                for (const key of Object.keys(durations)) {
                    if (!(PERMISSION_SET_KEYS as readonly string[]).includes(key)) {
                        ctx.addIssue({ code: "custom", path: [key], params: { value: key }, message: PERMISSION_SET_EXPECTED });
                    }
                }
            })
            .default({})
            .meta({
                description: "permission set → session duration, PT1H to PT8H (platform-admin at most PT2H), only for sets that are built",
                defaultText: "PT4H; platform-admin PT1H",
            }),
        assignments: z
            .array(
                z.strictObject(
                    {
                        groupId: z
                            .string({ error: GROUP_ID_EXPECTED })
                            .regex(/^([0-9a-f]{10}-)?[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$/, {
                                error: GROUP_ID_EXPECTED,
                            })
                            .meta({ description: "the Identity Store group that gets the permission set" }),
                        permissionSet: z
                            .enum(PERMISSION_SET_KEYS, { error: `a permission set: ${PERMISSION_SET_KEYS.join(", ")}` })
                            .meta({ description: "one of identityCenter.permissionSets" }),
                        accounts: z
                            .array(
                                z
                                    .string({ error: ASSIGNED_ACCOUNT_EXPECTED })
                                    .refine((a) => (ASSIGNABLE_ACCOUNTS as readonly string[]).includes(a) || ACCOUNT_ID.test(a), {
                                        error: ASSIGNED_ACCOUNT_EXPECTED,
                                    }),
                                { error: `a list of accounts: ${ASSIGNED_ACCOUNT_EXPECTED}` },
                            )
                            .min(1, { error: `a non-empty list of accounts: ${ASSIGNED_ACCOUNT_EXPECTED}` })
                            .superRefine(noRepeats("an account"))
                            .meta({ description: "where: security, log-archive or 12-digit member account ids, each account once" }),
                    },
                    { error: strictObjectError(ASSIGNMENT_KEYS, "an object with groupId, permissionSet and accounts") },
                ),
                { error: "a list of assignments" },
            )
            .default([])
            .meta({ description: "which group gets which permission set in which accounts; one account assignment per account" }),
    },
    {
        error: strictObjectError(
            IDENTITY_CENTER_KEYS,
            "an object with instanceArn and optional permissionSets, sessionDurations, assignments",
        ),
    },
);

/**
 * Identity Center across keys: assignments and session durations name permission sets that are
 * built; an account appears once per assignment, by role or by id.
 */
function checkIdentityCenter(config: z.infer<typeof managementObject>, ctx: z.RefinementCtx): void {
    const identityCenter = config.identityCenter;
    if (identityCenter === undefined) {
        return;
    }
    const built = `one of identityCenter.permissionSets (${identityCenter.permissionSets.join(", ")})`;
    identityCenter.assignments.forEach((assignment, index) => {
        if (!identityCenter.permissionSets.includes(assignment.permissionSet)) {
            ctx.addIssue({ code: "custom", path: ["identityCenter", "assignments", index, "permissionSet"], message: built });
        }
        const byRole: Readonly<Record<string, string>> = {
            security: config.accounts.securityAccountId,
            "log-archive": config.accounts.logArchiveAccountId,
        };
        const ids = assignment.accounts.map((account) => byRole[account] ?? account);
        ids.forEach((id, position) => {
            if (ids.indexOf(id) !== position) {
                ctx.addIssue({
                    code: "custom",
                    path: ["identityCenter", "assignments", index, "accounts", position],
                    message: `an account not already listed (${id} is ${assignment.accounts[ids.indexOf(id)]})`,
                });
            }
        });
    });
    for (const [key, duration] of Object.entries(identityCenter.sessionDurations)) {
        const permissionSet = PERMISSION_SET_KEYS.find((k) => k === key);
        if (permissionSet === undefined) {
            continue;
        }
        if (!identityCenter.permissionSets.includes(permissionSet)) {
            ctx.addIssue({ code: "custom", path: ["identityCenter", "sessionDurations", key], message: `a duration for ${built}` });
        } else {
            componentCheck(ctx, ["identityCenter", "sessionDurations", key], () =>
                validSessionDuration(key, duration, PERMISSION_SETS[permissionSet].maxSessionMinutes),
            );
        }
    }
}

/** `accounts.environments[0].accountId` for a zod path. */
const configPath = (path: readonly (string | number)[]): string =>
    path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");

/** Environment accounts: each name once, each in a workloads OU the organisation has. */
function checkEnvironmentAccounts(config: z.infer<typeof managementObject>, ctx: z.RefinementCtx): void {
    const ous = config.organization.workloadOus.map((ou) => `${WORKLOADS_OU}/${ou}`);
    const names = config.accounts.environments.map((e) => e.name);
    config.accounts.environments.forEach((environment, index) => {
        if (names.indexOf(environment.name) !== index) {
            ctx.addIssue({
                code: "custom",
                path: ["accounts", "environments", index, "name"],
                message: `an environment not already listed (${environment.name} is listed twice)`,
            });
        }
        if (!ous.includes(environment.ou)) {
            ctx.addIssue({
                code: "custom",
                path: ["accounts", "environments", index, "ou"],
                message: `one of the workloads OUs: ${ous.join(", ")}`,
            });
        }
    });
}

/**
 * The whole configuration of the management stack. Field names are config keys without their
 * namespace (`region` is `aws:region`, the rest are `zero-trust-aws:<field>`).
 */
const managementObject = z.object({
    region: z
        .string({ error: REGION_EXPECTED })
        .regex(REGION, { error: REGION_EXPECTED })
        .meta({ description: "the home region: the trail, the archive, Security Hub's aggregator" }),
    organization: organizationSchema,
    accounts: accountsSchema,
    guardrails: guardrailsSchema,
    logArchive: logArchiveSchema,
    trail: trailSchema,
    securityServices: securityServicesSchema,
    identityCenter: identityCenterSchema.optional(),
    pipeline: pipelineSchema.optional(),
    tags: tagsSchema.default({}),
});

export const managementConfigSchema = managementObject.superRefine((config, ctx) => {
    const ids: [(string | number)[], string][] = [
        [["organization", "managementAccountId"], config.organization.managementAccountId],
        [["accounts", "securityAccountId"], config.accounts.securityAccountId],
        [["accounts", "logArchiveAccountId"], config.accounts.logArchiveAccountId],
        ...config.accounts.environments.map((e, index): [(string | number)[], string] => [
            ["accounts", "environments", index, "accountId"],
            e.accountId,
        ]),
    ];
    ids.forEach(([path, id], index) => {
        const earlier = ids.slice(0, index).find(([, other]) => other === id);
        if (earlier !== undefined) {
            ctx.addIssue({
                code: "custom",
                path,
                message: `an account other than ${configPath(earlier[0])} (the organisation's accounts keep their duties apart)`,
            });
        }
    });
    checkEnvironmentAccounts(config, ctx);
    checkAdministratorsIn(
        config.logArchive.keyAdministrators,
        config.accounts.logArchiveAccountId,
        "log-archive",
        ["logArchive", "keyAdministrators"],
        ctx,
    );
    checkAdministratorsIn(
        config.trail.keyAdministrators,
        config.organization.managementAccountId,
        "management",
        ["trail", "keyAdministrators"],
        ctx,
    );
    checkIdentityCenter(config, ctx);
    // The audit-log components' own rules for the names they are given.
    componentCheck(ctx, ["trail", "name"], () => validTrailName("trail.name", config.trail.name));
    if (config.logArchive.bucketName !== undefined) {
        componentCheck(ctx, ["logArchive", "bucketName"], () =>
            validArchiveBucketName("logArchive.bucketName", config.logArchive.bucketName),
        );
    } else {
        const bucket = defaultLogArchiveBucketName(config.organization.id);
        componentCheck(ctx, ["organization", "id"], () => validArchiveBucketName("logArchive.bucketName", bucket));
    }
    if (config.guardrails.breakGlassRoleName === config.accounts.accessRoleName) {
        ctx.addIssue({
            code: "custom",
            path: ["guardrails", "breakGlassRoleName"],
            message: `a role other than accounts.accessRoleName (${config.accounts.accessRoleName}): deployments and emergencies are separate duties`,
        });
    }
    (config.securityServices.aggregatorRegions ?? []).forEach((region, index) => {
        if (region === config.region) {
            ctx.addIssue({
                code: "custom",
                path: ["securityServices", "aggregatorRegions", index],
                message: `a region other than the stack's own region ${config.region} (the aggregation region itself)`,
            });
        } else if (!config.guardrails.allowedRegions.includes(region)) {
            ctx.addIssue({
                code: "custom",
                path: ["securityServices", "aggregatorRegions", index],
                message: `one of guardrails.allowedRegions (${config.guardrails.allowedRegions.join(", ")}): only those regions are watched`,
            });
        }
    });
    if (REGION.test(config.region) && !config.guardrails.allowedRegions.includes(config.region)) {
        ctx.addIssue({
            code: "custom",
            path: ["guardrails", "allowedRegions"],
            message: `a list that includes the stack's own region ${config.region} (aws:region)`,
        });
    }
});

export type ManagementConfig = z.infer<typeof managementConfigSchema>;
