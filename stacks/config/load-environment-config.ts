import * as pulumi from "@pulumi/pulumi";
import { environmentConfigSchema, type EnvironmentConfig } from "./environment-schema";
import { configKeysOf, parseStackConfig, PROJECT_NAMESPACE, readRawConfig, type RawConfig, type StackConfigShape } from "./stack-config-reader";

export { PROJECT_NAMESPACE, type RawConfig };

/** Where each field of an environment stack's config lives. */
const ENVIRONMENT_SHAPE: StackConfigShape<typeof environmentConfigSchema> = {
    schema: environmentConfigSchema,
    fields: {
        region: { key: "aws:region", json: false },
        environment: { key: `${PROJECT_NAMESPACE}:environment`, json: false },
        accountId: { key: `${PROJECT_NAMESPACE}:accountId`, json: false },
        organizationId: { key: `${PROJECT_NAMESPACE}:organizationId`, json: false },
        management: { key: `${PROJECT_NAMESPACE}:management`, json: true },
        network: { key: `${PROJECT_NAMESPACE}:network`, json: true },
        flowLogRetentionDays: { key: `${PROJECT_NAMESPACE}:flowLogRetentionDays`, json: true },
        interfaceEndpoints: { key: `${PROJECT_NAMESPACE}:interfaceEndpoints`, json: true },
        tags: { key: `${PROJECT_NAMESPACE}:tags`, json: true },
        detection: { key: `${PROJECT_NAMESPACE}:detection`, json: true },
        encryption: { key: `${PROJECT_NAMESPACE}:encryption`, json: true },
        account: { key: `${PROJECT_NAMESPACE}:account`, json: true },
        baseline: { key: `${PROJECT_NAMESPACE}:baseline`, json: true },
    },
};

/** Every config key the environment stack reads. */
export const ENVIRONMENT_CONFIG_KEYS: readonly string[] = configKeysOf(ENVIRONMENT_SHAPE);

/**
 * Validates raw stack config and applies defaults. `environment` defaults to the stack name.
 * Throws a ConfigError for the first bad value: its key (full dotted path), the value, and what
 * was expected.
 */
export function parseEnvironmentConfig(raw: RawConfig, stackName: string): EnvironmentConfig {
    return parseStackConfig(ENVIRONMENT_SHAPE, raw, { environment: stackName });
}

/** Reads and validates the current stack's config; call it before declaring any resource. */
export function loadEnvironmentConfig(): EnvironmentConfig {
    return parseEnvironmentConfig(readRawConfig(ENVIRONMENT_CONFIG_KEYS), pulumi.getStack());
}
