// Policy configuration mechanics every family shares. A family declares its settings (each with a
// `default` and a `description`) and a reader that resolves raw config to valid values; familySettings
// turns that into the per-policy schema users tune (`pulumi policy enable … --config config.json`)
// and a reading that never throws. The engine validates config against the schema, but the pack
// must never throw, so a reader falls back to the default of every field that is missing or odd.

import { PolicyConfigSchema } from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "../policy-sdk";
import { EXEMPTIONS_KEY, EXEMPTIONS_PROPERTY } from "./exemptions/schema";

/** What validation args offer to read a policy's config (resource, stack and remediation args alike). */
export interface ConfigArgs {
    getConfig?: <T extends object>() => T;
}

/** The policy's raw config; {} when the args offer none or reading it throws. */
export function rawConfigOf(args: ConfigArgs): unknown {
    try {
        return typeof args.getConfig === "function" ? args.getConfig<Record<string, unknown>>() : {};
    } catch {
        return {};
    }
}

/** Raw config as an object ({} for anything that is not one). */
export function configObject(raw: unknown): Record<string, unknown> {
    return raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

/** An integer within [min, max], else undefined. */
export function integerIn(value: unknown, min: number, max: number): number | undefined {
    return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** The JSON schema of a TCP/UDP port number. */
export const PORT_SCHEMA = { type: "integer", minimum: 0, maximum: 65535 } as const;

/** A list of port numbers as a set; the fallback when the value is not a list of valid ports. */
export function portSet(value: unknown, fallback: readonly number[]): ReadonlySet<number> {
    if (!Array.isArray(value)) {
        return new Set(fallback);
    }
    const ports: number[] = [];
    for (const item of value as unknown[]) {
        const p = integerIn(item, 0, 65535);
        if (p === undefined) {
            return new Set(fallback);
        }
        ports.push(p);
    }
    return new Set(ports);
}

/** A family's settings: the schema of each policy and the defensive reading of what arrives. */
export interface FamilySettings<Name extends string, Settings> {
    /** The settings the family declares, by name. */
    readonly properties: Readonly<Record<Name, PolicyConfigJSONSchema>>;
    /** A policy's config schema made of the named settings (the pack adds `exemptions`, exemptions/wrap.ts). */
    schema(...names: Name[]): PolicyConfigSchema;
    /** Resolves raw config (as `args.getConfig()` returns it) to settings. */
    read(raw: unknown): Settings;
    /** Reads the policy's config from validation args without ever throwing. */
    from(args: ConfigArgs): Settings;
}

/**
 * The settings of a family from its declared properties and a reader of the config object. The
 * reader must give every field its default when the value is missing or odd.
 */
export function familySettings<Properties extends Record<string, PolicyConfigJSONSchema>, Settings>(
    properties: Properties,
    resolve: (config: Record<string, unknown>) => Settings,
): FamilySettings<keyof Properties & string, Settings> {
    const read = (raw: unknown): Settings => resolve(configObject(raw));
    return {
        properties,
        schema: (...names) => ({ properties: Object.fromEntries(names.map((name) => [name, properties[name]])) }),
        read,
        from: (args) => {
            try {
                return read(rawConfigOf(args));
            } catch {
                return read({});
            }
        },
    };
}

/** The schema with the `exemptions` property added (a copy; an existing `exemptions` is kept). */
export function withExemptionsProperty(schema: PolicyConfigSchema | undefined): PolicyConfigSchema {
    const properties = schema?.properties ?? {};
    if (EXEMPTIONS_KEY in properties) {
        return schema as PolicyConfigSchema;
    }
    return { ...schema, properties: { ...properties, [EXEMPTIONS_KEY]: EXEMPTIONS_PROPERTY } };
}
