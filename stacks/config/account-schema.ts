import { z } from "zod";
import { DEFAULT_ACCESS_ROLE_NAME } from "../../components/account/member-account";
import { isBucketName } from "../../validation/aws-identifiers";
import { CONFIG_KEY_PREFIX_EXPECTED, isConfigKeyPrefix } from "../../validation/s3-key-prefixes";
import { ACCOUNT_ID, KEY_ARN, ROLE_NAME, strictObjectError } from "./schema-helpers";

// `zero-trust-aws:account` (components/account/member-account.ts) and `zero-trust-aws:baseline`
// (components/account/account-baseline.ts). The member account's id is `zero-trust-aws:accountId`
// in both modes: every layer needs it as text (key policies, role ARNs in config), so it is not
// repeated here.

export const ACCOUNT_MODES = ["adopt", "create"] as const;

const ACCOUNT_ID_EXPECTED = "a 12-digit AWS account id (quoted in YAML)";
const EMAIL_EXPECTED = "the new account's root email address (6 to 64 characters, e.g. aws+prod@example.com)";
const NAME_EXPECTED = "the new account's name: 1 to 50 printable characters";
const OU_EXPECTED = "an organisational unit id: ou-<4 to 32 lowercase letters or digits>-<8 to 32 lowercase letters or digits>";
const ROLE_NAME_EXPECTED = "an IAM role name of 1 to 64 letters, digits or +=,.@_-";

/** Keys that only creating an account uses. */
const CREATE_ONLY_KEYS = ["email", "name", "parentOuId", "organizationalUnit", "managementAccountId"] as const;

/** Where the created account goes and who creates it: from config, or from the management stack. */
const PLACEMENT_KEYS = ["parentOuId", "managementAccountId"] as const;

const OU_PATH_EXPECTED = "an OU path of the management stack's organizationalUnitIds output, e.g. workloads/prod";

const createExpected: Record<(typeof CREATE_ONLY_KEYS)[number], string> = {
    email: EMAIL_EXPECTED,
    name: NAME_EXPECTED,
    parentOuId: OU_EXPECTED,
    organizationalUnit: OU_PATH_EXPECTED,
    managementAccountId: "the 12-digit id of the organisation's management account (quoted in YAML)",
};

const ACCOUNT_KEYS = ["mode", ...CREATE_ONLY_KEYS, "accessRoleName"] as const;

export const accountSchema = z
    .strictObject(
        {
            mode: z
                .enum(ACCOUNT_MODES, { error: `one of ${ACCOUNT_MODES.join(", ")}` })
                .default("adopt")
                .meta({
                    description:
                        "adopt: the account exists and nothing is declared for it; create: an aws.organizations.Account (protected) under its OU, " +
                        "through a provider pinned to the management account",
                }),
            email: z
                .string({ error: EMAIL_EXPECTED })
                .min(6, { error: EMAIL_EXPECTED })
                .max(64, { error: EMAIL_EXPECTED })
                .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: EMAIL_EXPECTED })
                .optional()
                .meta({
                    description: "e.g. `aws+prod@example.com`: the new account's root email; required with mode create, refused with adopt",
                }),
            name: z
                .string({ error: NAME_EXPECTED })
                .regex(/^[\x20-\x7e]{1,50}$/, { error: NAME_EXPECTED })
                .optional()
                .meta({ description: "e.g. `zero-trust prod`: the new account's name; required with mode create, refused with adopt" }),
            parentOuId: z
                .string({ error: OU_EXPECTED })
                .regex(/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/, { error: OU_EXPECTED })
                .optional()
                .meta({
                    description:
                        "e.g. `ou-ab12-cd34ef56`: the OU a created account goes in; required with mode create without management.stack, refused otherwise",
                }),
            organizationalUnit: z
                .string({ error: OU_PATH_EXPECTED })
                .regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/, { error: OU_PATH_EXPECTED })
                .optional()
                .meta({
                    description:
                        "e.g. `workloads/prod`: the management stack's OU a created account goes in; required with mode create and management.stack",
                }),
            managementAccountId: z
                .string({ error: ACCOUNT_ID_EXPECTED })
                .regex(ACCOUNT_ID, { error: ACCOUNT_ID_EXPECTED })
                .optional()
                .meta({
                    description:
                        'e.g. `"999999999999"`: the organisation\'s management account, which creates the account; required with mode create without management.stack',
                }),
            accessRoleName: z
                .string({ error: ROLE_NAME_EXPECTED })
                .regex(ROLE_NAME, { error: ROLE_NAME_EXPECTED })
                .default(DEFAULT_ACCESS_ROLE_NAME)
                .meta({ description: "the role every provider of the environment assumes in the member account" }),
        },
        {
            error: strictObjectError(
                ACCOUNT_KEYS,
                "an object with optional mode (adopt or create), email, name, parentOuId, organizationalUnit, managementAccountId, accessRoleName",
            ),
        },
    )
    .superRefine((account, ctx) => {
        for (const key of CREATE_ONLY_KEYS) {
            if (account.mode === "create" && (key === "email" || key === "name") && account[key] === undefined) {
                ctx.addIssue({ code: "custom", path: [key], message: `${createExpected[key]} (required with mode create)` });
            } else if (account.mode === "adopt" && account[key] !== undefined) {
                ctx.addIssue({ code: "custom", path: [key], message: "nothing with mode adopt (only creating an account uses it)" });
            }
        }
    })
    // Absent: adopt zero-trust-aws:accountId through OrganizationAccountAccessRole.
    .prefault({});

export type AccountConfig = z.infer<typeof accountSchema>;

export const BUCKET_EXPECTED =
    "an S3 bucket name: 3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit";

const BASELINE_KEYS = ["configBucketName", "configKeyPrefix", "configKmsKeyArn"] as const;
const KEY_ARN_EXPECTED = "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>) in the bucket's region";

export const baselineSchema = z
    .strictObject(
        {
            // The organisation's Config delivery bucket (no object lock); from the management stack when the stack reads it.
            configBucketName: z
                .string({ error: BUCKET_EXPECTED })
                .refine(isBucketName, { error: BUCKET_EXPECTED })
                .optional()
                .meta({
                    description:
                        "e.g. `zero-trust-log-archive-o-a1b2c3d4e5-config`: the bucket AWS Config delivers to (without object lock: AWS Config does not support " +
                        "delivering to a locked bucket); required without management.stack, refused with it",
                }),
            configKeyPrefix: z
                .string({ error: CONFIG_KEY_PREFIX_EXPECTED })
                .refine(isConfigKeyPrefix, { error: CONFIG_KEY_PREFIX_EXPECTED })
                .default("config")
                .meta({ description: "key prefix in that bucket; AWS Config appends AWSLogs/<account>/Config/…" }),
            // The key AWS Config encrypts its deliveries with; from the management stack when the stack reads it.
            configKmsKeyArn: z.string({ error: KEY_ARN_EXPECTED }).regex(KEY_ARN, { error: KEY_ARN_EXPECTED }).optional().meta({
                description:
                    "e.g. `arn:aws:kms:eu-west-1:222222222222:key/<id>`: the key AWS Config encrypts its deliveries with, in the bucket's region; refused with management.stack",
                defaultText: "— (the bucket's default encryption)",
            }),
        },
        {
            error: strictObjectError(
                BASELINE_KEYS,
                "an object with configBucketName (the organisation's Config delivery bucket) and optional configKeyPrefix, configKmsKeyArn",
            ),
        },
    )
    .prefault({});

export type BaselineConfig = z.infer<typeof baselineSchema>;

/**
 * Checks that need the rest of the environment. A created account is placed by config (parentOuId,
 * managementAccountId) or, when the stack reads the management stack, by it (organizationalUnit
 * names one of its OUs; the management account is its own). Issue paths are relative to the
 * environment config.
 */
export function checkAccountAgainstEnvironment(
    config: { readonly accountId: string; readonly account: AccountConfig; readonly management?: unknown },
    ctx: z.RefinementCtx,
): void {
    const { account } = config;
    if (account.mode !== "create") {
        return;
    }
    const fromManagement = config.management !== undefined;
    for (const key of PLACEMENT_KEYS) {
        if (fromManagement && account[key] !== undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["account", key],
                message: "nothing with management.stack set (the management stack provides it)",
            });
        } else if (!fromManagement && account[key] === undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["account", key],
                message: `${createExpected[key]} (required with mode create, unless management.stack is set)`,
            });
        }
    }
    if (fromManagement && account.organizationalUnit === undefined) {
        ctx.addIssue({
            code: "custom",
            path: ["account", "organizationalUnit"],
            message: `${OU_PATH_EXPECTED} (required with mode create and management.stack)`,
        });
    } else if (!fromManagement && account.organizationalUnit !== undefined) {
        ctx.addIssue({
            code: "custom",
            path: ["account", "organizationalUnit"],
            message: "nothing without management.stack (use parentOuId)",
        });
    }
    if (account.managementAccountId === config.accountId) {
        ctx.addIssue({
            code: "custom",
            path: ["account", "managementAccountId"],
            message: `the organisation's management account, not the environment's own account ${config.accountId} (accountId)`,
        });
    }
}
