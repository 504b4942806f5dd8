import * as pulumi from "@pulumi/pulumi";
import { environmentConfigSchema, type EnvironmentConfig } from "./environment-schema";
import {
    configKeysOf,
    parseStackConfig,
    PROJECT_NAMESPACE,
    projectFields,
    readRawConfig,
    type RawConfig,
    type StackConfigShape,
} from "./stack-config-reader";

export { PROJECT_NAMESPACE, type RawConfig };

/** Where each field of an environment stack's config lives. */
const ENVIRONMENT_SHAPE: StackConfigShape<typeof environmentConfigSchema> = {
    schema: environmentConfigSchema,
    fields: {
        region: { key: "aws:region", json: false },
        ...projectFields({
            strings: ["environment", "accountId", "organizationId"],
            json: [
                "management",
                "network",
                "flowLogRetentionDays",
                "interfaceEndpoints",
                "tags",
                "detection",
                "encryption",
                "account",
                "baseline",
                "workloads",
            ],
        }),
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
