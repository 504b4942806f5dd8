import { managementConfigSchema, type ManagementConfig } from "./management-schema";
import { configKeysOf, parseStackConfig, projectFields, readRawConfig, type RawConfig, type StackConfigShape } from "./stack-config-reader";

/** Where each field of the management stack's config lives. */
const MANAGEMENT_SHAPE: StackConfigShape<typeof managementConfigSchema> = {
    schema: managementConfigSchema,
    fields: {
        region: { key: "aws:region", json: false },
        ...projectFields({
            json: [
                "organization",
                "accounts",
                "guardrails",
                "logArchive",
                "trail",
                "securityServices",
                "identityCenter",
                "pipeline",
                "tags",
            ],
        }),
    },
};

/** Every config key the management stack reads. */
export const MANAGEMENT_CONFIG_KEYS: readonly string[] = configKeysOf(MANAGEMENT_SHAPE);

/** Validates the management stack's raw config and applies defaults; throws a ConfigError for the first bad value. */
export function parseManagementConfig(raw: RawConfig): ManagementConfig {
    return parseStackConfig(MANAGEMENT_SHAPE, raw);
}

/** Reads and validates the current stack's config; call it before declaring any resource. */
export function loadManagementConfig(): ManagementConfig {
    return parseManagementConfig(readRawConfig(MANAGEMENT_CONFIG_KEYS));
}
