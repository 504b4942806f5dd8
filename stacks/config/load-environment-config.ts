import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { ConfigError } from "./config-error";
import { environmentConfigSchema, type EnvironmentConfig } from "./environment-schema";

/** The project's config namespace (the `name:` in Pulumi.yaml). */
export const PROJECT_NAMESPACE = "zero-trust-aws";

/** Raw stack config by full key (`aws:region`, `zero-trust-aws:network`, …), as Pulumi hands it over: strings. */
export type RawConfig = Readonly<Record<string, string | undefined>>;

type Field = keyof z.input<typeof environmentConfigSchema>;

/**
 * Where each schema field lives in stack config. Pulumi passes every value as a string; objects,
 * arrays and numbers arrive JSON-encoded, so those are parsed before validation.
 */
const CONFIG_KEYS: Readonly<Record<Field, { readonly key: string; readonly json: boolean }>> = {
    region: { key: "aws:region", json: false },
    environment: { key: `${PROJECT_NAMESPACE}:environment`, json: false },
    accountId: { key: `${PROJECT_NAMESPACE}:accountId`, json: false },
    organizationId: { key: `${PROJECT_NAMESPACE}:organizationId`, json: false },
    network: { key: `${PROJECT_NAMESPACE}:network`, json: true },
    flowLogRetentionDays: { key: `${PROJECT_NAMESPACE}:flowLogRetentionDays`, json: true },
    interfaceEndpoints: { key: `${PROJECT_NAMESPACE}:interfaceEndpoints`, json: true },
    tags: { key: `${PROJECT_NAMESPACE}:tags`, json: true },
    detection: { key: `${PROJECT_NAMESPACE}:detection`, json: true },
    encryption: { key: `${PROJECT_NAMESPACE}:encryption`, json: true },
    account: { key: `${PROJECT_NAMESPACE}:account`, json: true },
    baseline: { key: `${PROJECT_NAMESPACE}:baseline`, json: true },
};

const FIELDS = Object.keys(CONFIG_KEYS) as Field[];

/** Every config key the environment stack reads. */
export const ENVIRONMENT_CONFIG_KEYS: readonly string[] = FIELDS.map((field) => CONFIG_KEYS[field].key);

/**
 * Validates raw stack config and applies defaults. `environment` defaults to the stack name.
 * Throws a ConfigError for the first bad value: its key (full dotted path), the value, and what
 * was expected.
 */
export function parseEnvironmentConfig(raw: RawConfig, stackName: string): EnvironmentConfig {
    const input: Record<string, unknown> = {};
    for (const field of FIELDS) {
        const { key, json } = CONFIG_KEYS[field];
        const text = raw[key] ?? (field === "environment" ? stackName : undefined);
        input[field] = text !== undefined && json ? parseJson(key, text) : text;
    }
    const result = environmentConfigSchema.safeParse(input);
    if (!result.success) {
        throw toConfigError(result.error.issues[0], input);
    }
    return result.data;
}

/** Reads and validates the current stack's config; call it before declaring any resource. */
export function loadEnvironmentConfig(): EnvironmentConfig {
    const raw: Record<string, string | undefined> = {};
    for (const key of ENVIRONMENT_CONFIG_KEYS) {
        const separator = key.indexOf(":");
        raw[key] = new pulumi.Config(key.slice(0, separator)).get(key.slice(separator + 1));
    }
    return parseEnvironmentConfig(raw, pulumi.getStack());
}

function parseJson(key: string, text: string): unknown {
    try {
        return JSON.parse(text) as unknown;
    } catch (err) {
        throw new ConfigError(key, text, `valid JSON (${(err as Error).message})`);
    }
}

function toConfigError(issue: z.core.$ZodIssue, input: Record<string, unknown>): ConfigError {
    const [field, ...rest] = issue.path;
    const path = [...rest];
    let value = valueAt(input[field as Field], rest);
    if (issue.code === "unrecognized_keys") {
        // Name the unknown key itself, so a typo points at the line to fix.
        const unknownKey = issue.keys[0];
        path.push(unknownKey);
        value = valueAt(value, [unknownKey]);
    } else if (issue.code === "custom" && issue.params !== undefined && "value" in issue.params) {
        // Issues about a record key carry the key itself as the offending value.
        value = issue.params["value"];
    }
    return new ConfigError(dottedKey(CONFIG_KEYS[field as Field].key, path), value, issue.message);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
    return path.reduce<unknown>((node, step) => (node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[step] : undefined), root);
}

function dottedKey(key: string, path: readonly PropertyKey[]): string {
    return path.reduce<string>((text, step) => (typeof step === "number" ? `${text}[${step}]` : `${text}.${String(step)}`), key);
}
