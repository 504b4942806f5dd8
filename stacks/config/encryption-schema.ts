import { z } from "zod";
import { REGION, REGION_EXPECTED, ROLE_ARN, noRepeats, strictObjectError } from "./schema-helpers";

// `zero-trust-aws:encryption`: the environment's key ring (components/encryption/key-ring.ts).

const ROLE_ARN_EXPECTED = "an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>";

/** The waiting period AWS allows between scheduling a key's deletion and the deletion. */
export const DELETION_WINDOW_DAYS = { min: 7, max: 30 } as const;

const DELETION_WINDOW_EXPECTED = `a whole number of days from ${DELETION_WINDOW_DAYS.min} to ${DELETION_WINDOW_DAYS.max} (the policy pack requires at least 30 by default)`;

const APPLICATION_NAME_EXPECTED =
    "a lowercase application name of 1 to 32 letters, digits or hyphens, starting with a letter and not ending with a hyphen";

const roleArn = z.string({ error: ROLE_ARN_EXPECTED }).regex(ROLE_ARN, { error: ROLE_ARN_EXPECTED });

const roleList = (who: string) =>
    z
        .array(roleArn, { error: `a non-empty list of IAM role ARNs (${who})` })
        .min(1, { error: `a non-empty list of IAM role ARNs (${who})` })
        .superRefine(noRepeats("a role"));

const APPLICATION_KEYS = ["name", "keyUsers"] as const;

const applicationSchema = z.strictObject(
    {
        name: z
            .string({ error: APPLICATION_NAME_EXPECTED })
            .regex(/^[a-z](?:[a-z0-9-]{0,30}[a-z0-9])?$/, { error: APPLICATION_NAME_EXPECTED })
            .meta({ description: "the application: lowercase, 1 to 32 characters, unique; its key's alias is alias/<env>/<name>" }),
        keyUsers: roleList("the application's roles that use its key").meta({
            description:
                "IAM role ARNs of the stack's account that use the key, none of them a key administrator. They must exist before the key is created (KMS checks principals)",
        }),
    },
    { error: strictObjectError(APPLICATION_KEYS, "an application object { name, keyUsers }") },
);

const ENCRYPTION_KEYS = ["applications", "keyAdministrators", "replicaRegions", "deletionWindowDays"] as const;

export const encryptionSchema = z.strictObject(
    {
        applications: z
            .array(applicationSchema, { error: "a list of applications { name, keyUsers }" })
            .superRefine((applications, ctx) => {
                const names = applications.map((application) => application.name);
                names.forEach((name, index) => {
                    if (names.indexOf(name) !== index) {
                        ctx.addIssue({
                            code: "custom",
                            path: [index, "name"],
                            message: `an application not already listed (${name} is listed twice)`,
                        });
                    }
                });
            })
            .default([])
            .meta({
                description: "one key per application, e.g. `[{name: orders, keyUsers: [arn:aws:iam::111111111111:role/orders-service]}]`",
            }),
        // Required: a key policy needs administrators, and no default is right (AWS's default, the
        // account root with kms:*, is what the key ring avoids).
        keyAdministrators: roleList("roles that administer the keys, including the role Pulumi deploys with").meta({
            description:
                "e.g. `[arn:aws:iam::111111111111:role/OrganizationAccountAccessRole, arn:aws:iam::111111111111:role/break-glass]`: IAM role ARNs of the stack's " +
                "account that administer every key (manage, never use). The role Pulumi deploys with must be one of them, or KMS refuses the key policy " +
                "(lockout safety check); keep a break-glass role here too",
        }),
        replicaRegions: z
            .array(z.string({ error: REGION_EXPECTED }).regex(REGION, { error: REGION_EXPECTED }), {
                error: "a list of AWS regions for replica keys",
            })
            .superRefine(noRepeats("a region"))
            .default([])
            .meta({
                description:
                    "e.g. `[eu-central-1]` in prod: every key is replicated there through a provider for that region (same account). Not the stack's region, " +
                    "no repeats, within the management stack's allowedRegions. Keys are multi-Region only when this is non-empty, and multiRegion cannot change " +
                    "on an existing key: adding the first region later replaces the (protected) keys, so decide before the first deployment",
            }),
        deletionWindowDays: z
            .number({ error: DELETION_WINDOW_EXPECTED })
            .int({ error: DELETION_WINDOW_EXPECTED })
            .min(DELETION_WINDOW_DAYS.min, { error: DELETION_WINDOW_EXPECTED })
            .max(DELETION_WINDOW_DAYS.max, { error: DELETION_WINDOW_EXPECTED })
            .default(DELETION_WINDOW_DAYS.max)
            .meta({
                description:
                    "days between scheduling a key's deletion and the deletion; the policy pack's encryption-kms-key-deletion-window requires at least 30 " +
                    "unless its config says otherwise",
            }),
    },
    {
        error: strictObjectError(
            ENCRYPTION_KEYS,
            "an object with keyAdministrators and optional applications, replicaRegions, deletionWindowDays",
        ),
    },
);

export type EncryptionConfig = z.infer<typeof encryptionSchema>;

/** What the cross-field checks need of the whole environment config. */
interface EnvironmentFacts {
    readonly region: string;
    readonly accountId: string;
    readonly encryption: EncryptionConfig;
}

/**
 * Checks that need the rest of the environment: every role belongs to the stack's account, key
 * users are not also administrators (separation of duties), replicas go to other regions than the
 * stack's. Issue paths are relative to the environment config.
 */
export function checkEncryptionAgainstEnvironment(config: EnvironmentFacts, ctx: z.RefinementCtx): void {
    const { region, accountId, encryption } = config;
    const ofStackAccount = (arn: string, path: (string | number)[]): boolean => {
        const account = ROLE_ARN.exec(arn)?.[1];
        if (account !== undefined && account !== accountId) {
            ctx.addIssue({
                code: "custom",
                path,
                message: `a role of the stack's account ${accountId} (accountId); this one is in ${account}`,
            });
            return false;
        }
        return true;
    };
    encryption.keyAdministrators.forEach((arn, index) => ofStackAccount(arn, ["encryption", "keyAdministrators", index]));
    encryption.applications.forEach((application, appIndex) => {
        application.keyUsers.forEach((arn, userIndex) => {
            const path = ["encryption", "applications", appIndex, "keyUsers", userIndex];
            if (ofStackAccount(arn, path) && encryption.keyAdministrators.includes(arn)) {
                ctx.addIssue({
                    code: "custom",
                    path,
                    message: "a role that is not also a key administrator (administrators manage keys, users use them)",
                });
            }
        });
    });
    encryption.replicaRegions.forEach((replicaRegion, index) => {
        if (replicaRegion === region) {
            ctx.addIssue({
                code: "custom",
                path: ["encryption", "replicaRegions", index],
                message: `a region other than the stack's region ${region} (aws:region), which holds the primary keys`,
            });
        }
    });
}
