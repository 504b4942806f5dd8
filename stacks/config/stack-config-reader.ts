import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { propertyPath, valueAt } from "../../validation/property-paths";
import { ConfigError } from "./config-error";

/** The project's config namespace (the `name:` in Pulumi.yaml). */
export const PROJECT_NAMESPACE = "zero-trust-aws";

/** The key that says which kind of stack this is (stacks/index.ts): every kind reads it. */
export const STACK_KIND_KEY = `${PROJECT_NAMESPACE}:kind`;

/** Keys JavaScript gives a meaning of their own: parsed into an object, they vanish or change its prototype. */
const RESERVED_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

/** Raw stack config by full key (`aws:region`, `zero-trust-aws:network`, …), as Pulumi hands it over: strings. */
export type RawConfig = Readonly<Record<string, string | undefined>>;

/**
 * Where a schema field lives in stack config. Pulumi passes every value as a string; objects,
 * arrays and numbers arrive JSON-encoded, so those are parsed before validation.
 */
export interface ConfigField {
    readonly key: string;
    readonly json: boolean;
}

/**
 * Fields that live in the project's namespace under their own names (`zero-trust-aws:<field>`):
 * `strings` as Pulumi hands them over, `json` JSON-encoded. In the order given, strings first.
 * (`NoInfer`: the names come from the lists, not from the table the fields are spread into, so a
 * name left out is a type error there.)
 */
export function projectFields<S extends string = never, J extends string = never>(fields: {
    readonly strings?: readonly S[];
    readonly json?: readonly J[];
}): Record<NoInfer<S | J>, ConfigField> {
    const field = (name: string, json: boolean): [string, ConfigField] => [name, { key: `${PROJECT_NAMESPACE}:${name}`, json }];
    const strings = (fields.strings ?? []).map((name) => field(name, false));
    const json = (fields.json ?? []).map((name) => field(name, true));
    return Object.fromEntries([...strings, ...json]) as Record<S | J, ConfigField>;
}

/** A kind of stack's config: its schema, and the config key of each of the schema's fields. */
export interface StackConfigShape<Schema extends z.ZodType> {
    readonly schema: Schema;
    readonly fields: Readonly<Record<keyof z.input<Schema> & string, ConfigField>>;
}

/** Every config key a kind of stack reads. */
export function configKeysOf(shape: StackConfigShape<z.ZodType>): string[] {
    return Object.values<ConfigField>(shape.fields).map((field) => field.key);
}

/**
 * Validates raw stack config against a kind of stack's schema and applies its defaults; `fallbacks`
 * stand in for absent fields (the environment name defaults to the stack name). Throws a
 * ConfigError for the first bad value: its key (full dotted path), the value, what was expected.
 */
export function parseStackConfig<Schema extends z.ZodType>(
    shape: StackConfigShape<Schema>,
    raw: RawConfig,
    fallbacks: Readonly<Record<string, string>> = {},
): z.infer<Schema> {
    const input: Record<string, unknown> = {};
    for (const [field, { key, json }] of Object.entries<ConfigField>(shape.fields)) {
        const text = raw[key] ?? fallbacks[field];
        if (text !== undefined) {
            input[field] = json ? parseJson(key, text) : text;
        }
    }
    const result = shape.schema.safeParse(input);
    if (!result.success) {
        throw toConfigError(shape, result.error.issues[0], input);
    }
    return result.data;
}

/** The current stack's raw values of these config keys. */
export function readRawConfig(keys: readonly string[]): RawConfig {
    const raw: Record<string, string | undefined> = {};
    for (const key of keys) {
        const separator = key.indexOf(":");
        raw[key] = new pulumi.Config(key.slice(0, separator)).get(key.slice(separator + 1));
    }
    return raw;
}

function parseJson(key: string, text: string): unknown {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text) as unknown;
    } catch (err) {
        throw new ConfigError(key, text, `valid JSON (${(err as Error).message})`);
    }
    refuseReservedKeys(key, parsed);
    return parsed;
}

/** Refuses `__proto__`, `constructor` and `prototype` as keys anywhere in a value, which parsing would drop or misread. */
function refuseReservedKeys(key: string, value: unknown): void {
    // A work list, not recursion: a value nested thousands deep is refused by the schema, not by a stack overflow.
    const pending: { node: unknown; path: PropertyKey[] }[] = [{ node: value, path: [] }];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const { node, path } = next;
        if (node === null || typeof node !== "object") {
            continue;
        }
        for (const [name, child] of Object.entries(node)) {
            const childPath = [...path, Array.isArray(node) ? Number(name) : name];
            if (!Array.isArray(node) && RESERVED_KEYS.includes(name)) {
                throw new ConfigError(
                    propertyPath(childPath, key),
                    child,
                    `a key other than ${RESERVED_KEYS.join(", ")} (JavaScript reserves them: the key would be dropped)`,
                );
            }
            pending.push({ node: child, path: childPath });
        }
    }
}

function toConfigError(shape: StackConfigShape<z.ZodType>, issue: z.core.$ZodIssue, input: Record<string, unknown>): ConfigError {
    const [field, ...rest] = issue.path;
    const path = [...rest];
    let value = valueAt(input[field as string], rest);
    if (issue.code === "unrecognized_keys") {
        // Name the unknown key itself, so a typo points at the line to fix.
        const unknownKey = issue.keys[0];
        path.push(unknownKey);
        value = valueAt(value, [unknownKey]);
    } else if (issue.code === "custom" && issue.params !== undefined && "value" in issue.params) {
        // Issues about a record key carry the key itself as the offending value.
        value = issue.params["value"];
    }
    const fields = shape.fields as Readonly<Record<string, ConfigField>>;
    return new ConfigError(propertyPath(path, fields[field as string].key), value, issue.message);
}
