// Configuration of the encryption family: the JSON schema users tune and the defensive reading of
// what arrives (the engine validates config against the schema, but a policy must never throw, so
// every field falls back to its default when it is missing or odd).

import { PolicyConfigJSONSchema } from "../../policy-sdk";
import { AWS_DEFAULT_ROTATION_PERIOD, STORE_NAMES } from "../../readers/encryption";
import { familySettings, integerIn } from "../config";

/**
 * Default minimum deletion window: 30 days, AWS's own default and its maximum. Deleting a key
 * destroys every piece of data encrypted under it; the window is the only way back, a key pending
 * deletion is unusable (so a shorter window buys no security) and costs nothing, and a month
 * covers the notice a mistake needs to be noticed (billing cycle, monthly jobs, holidays).
 */
export const DEFAULT_MINIMUM_DELETION_WINDOW = 30;

/**
 * Default longest gap between rotations of a Secrets Manager secret: 90 days, the period PCI DSS
 * sets for passwords that are the only authentication factor (8.3.9) and the default of AWS Security Hub's
 * SecretsManager.4 ("secrets should be rotated within a specified number of days").
 */
export const DEFAULT_MAXIMUM_SECRET_ROTATION_DAYS = 90;

export const ENCRYPTION_SCHEMA = {
    allowAwsManagedKeys: {
        type: "boolean",
        default: false,
        description:
            "Let stores encrypted with an AWS-managed key (alias/aws/<service>, or the service's default key when none is named) pass, " +
            "for every store type. Unencrypted stores always fail.",
    },
    allowAwsManagedKeysFor: {
        type: "array",
        items: { type: "string" },
        default: [],
        description:
            `Stores for which AWS-managed keys pass: store names (${STORE_NAMES.join(", ")}) or exact type tokens ` +
            `(e.g. "aws:sns/topic:Topic"). A store name covers the classic and aws-native types alike.`,
    },
    allowAwsOwnedKeys: {
        type: "boolean",
        default: false,
        description:
            "Let stores encrypted with an AWS-owned key (SSE-S3, SSE-SQS, DynamoDB's and CloudWatch Logs' defaults, …) pass, " +
            "for every store type. AWS-owned keys cannot be audited, restricted or revoked by you.",
    },
    allowAwsOwnedKeysFor: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Stores for which AWS-owned keys pass: store names or exact type tokens, as for allowAwsManagedKeysFor.",
    },
    minimumDeletionWindowDays: {
        type: "integer",
        minimum: 7,
        maximum: 30,
        default: DEFAULT_MINIMUM_DELETION_WINDOW,
        description:
            "Shortest waiting period (days) a KMS key may have between scheduling its deletion and the deletion. AWS allows 7-30 " +
            "and defaults to 30; an unset window is AWS's default.",
    },
    maximumRotationPeriodDays: {
        type: "integer",
        minimum: 90,
        maximum: 2560,
        default: AWS_DEFAULT_ROTATION_PERIOD,
        description:
            "Longest automatic rotation period (days) a symmetric KMS key may have (AWS allows 90-2560, default 365). " +
            "Set 2560 to accept any period.",
    },
    maximumSecretRotationDays: {
        type: "integer",
        minimum: 1,
        maximum: 1000,
        default: DEFAULT_MAXIMUM_SECRET_ROTATION_DAYS,
        description:
            "Longest gap (days) a Secrets Manager rotation schedule may leave between rotations (AWS allows 1-1000 days, or " +
            "a rate/cron expression). Set 1000 to accept any schedule.",
    },
} satisfies Record<string, PolicyConfigJSONSchema>;

export interface EncryptionSettings {
    allowAwsManagedKeys: boolean;
    allowAwsManagedKeysFor: ReadonlySet<string>;
    allowAwsOwnedKeys: boolean;
    allowAwsOwnedKeysFor: ReadonlySet<string>;
    minimumDeletionWindowDays: number;
    maximumRotationPeriodDays: number;
    maximumSecretRotationDays: number;
}

function names(value: unknown): ReadonlySet<string> {
    if (!Array.isArray(value)) {
        return new Set();
    }
    return new Set((value as unknown[]).filter((v): v is string => typeof v === "string").map((v) => v.trim()));
}

export const encryptionSettings = familySettings(ENCRYPTION_SCHEMA, (config): EncryptionSettings => ({
    allowAwsManagedKeys: config.allowAwsManagedKeys === true,
    allowAwsManagedKeysFor: names(config.allowAwsManagedKeysFor),
    allowAwsOwnedKeys: config.allowAwsOwnedKeys === true,
    allowAwsOwnedKeysFor: names(config.allowAwsOwnedKeysFor),
    minimumDeletionWindowDays: integerIn(config.minimumDeletionWindowDays, 7, 30) ?? DEFAULT_MINIMUM_DELETION_WINDOW,
    maximumRotationPeriodDays: integerIn(config.maximumRotationPeriodDays, 90, 2560) ?? AWS_DEFAULT_ROTATION_PERIOD,
    maximumSecretRotationDays: integerIn(config.maximumSecretRotationDays, 1, 1000) ?? DEFAULT_MAXIMUM_SECRET_ROTATION_DAYS,
}));
