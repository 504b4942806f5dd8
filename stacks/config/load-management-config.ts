import { managementConfigSchema, type ManagementConfig } from "./management-schema";
import { configKeysOf, parseStackConfig, PROJECT_NAMESPACE, readRawConfig, type RawConfig, type StackConfigShape } from "./stack-config-reader";

/** Where each field of the management stack's config lives. */
const MANAGEMENT_SHAPE: StackConfigShape<typeof managementConfigSchema> = {
    schema: managementConfigSchema,
    fields: {
        region: { key: "aws:region", json: false },
        organization: { key: `${PROJECT_NAMESPACE}:organization`, json: true },
        accounts: { key: `${PROJECT_NAMESPACE}:accounts`, json: true },
        guardrails: { key: `${PROJECT_NAMESPACE}:guardrails`, json: true },
        logArchive: { key: `${PROJECT_NAMESPACE}:logArchive`, json: true },
        trail: { key: `${PROJECT_NAMESPACE}:trail`, json: true },
        securityServices: { key: `${PROJECT_NAMESPACE}:securityServices`, json: true },
        identityCenter: { key: `${PROJECT_NAMESPACE}:identityCenter`, json: true },
        tags: { key: `${PROJECT_NAMESPACE}:tags`, json: true },
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
