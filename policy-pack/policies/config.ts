// Policy configuration: the JSON schema users tune (`pulumi policy enable … --config config.json`)
// and the defensive reading of what arrives. The engine validates config against the schema, but
// the pack must never throw, so every field falls back to its default when it is missing or odd.

import { PolicyConfigSchema } from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { DEFAULT_WIDTH_LIMITS, WidthLimits } from "../network/addresses";
import { PortRange } from "../network/protocols";
import { EXEMPTIONS_KEY, EXEMPTIONS_PROPERTY } from "./exemptions/schema";

export { EXEMPTIONS_KEY, EXEMPTIONS_PROPERTY };
export { exemptionsFrom, readExemptions } from "./exemptions/match";
export type { Exemption } from "./exemptions/match";

export const DEFAULT_PUBLIC_PORTS: readonly number[] = [443, 80];
export const DEFAULT_EPHEMERAL_PORTS: PortRange = { from: 1024, to: 65535 };
export const DEFAULT_REDIRECT_PORTS: readonly number[] = [80];

const port = { type: "integer", minimum: 0, maximum: 65535 } as const;

export const SCHEMA = {
    publicPorts: {
        type: "array",
        items: port,
        default: [...DEFAULT_PUBLIC_PORTS],
        description:
            "TCP ports that may be open to the internet (HTTPS and the HTTP redirect). On security groups the " +
            "stack policy ingress-public-only-via-load-balancer then requires that only internet-facing load balancers use the group.",
    },
    ipv4PublicPrefixLimit: {
        type: "integer",
        minimum: 0,
        maximum: 32,
        default: DEFAULT_WIDTH_LIMITS.ipv4PublicPrefix,
        description:
            "Sources whose public IPv4 part is wider than one block of this prefix length count as the internet " +
            "(8: more than a /8 of public IPv4 is public in all but name). 0 catches only sets that cover 0.0.0.0/0.",
    },
    ipv6PublicPrefixLimit: {
        type: "integer",
        minimum: 0,
        maximum: 128,
        default: DEFAULT_WIDTH_LIMITS.ipv6PublicPrefix,
        description:
            "Sources whose public IPv6 part is wider than one block of this prefix length count as the internet " +
            "(16: more than a /16 of public IPv6). 0 catches only sets that cover ::/0.",
    },
    ephemeralPortFrom: {
        ...port,
        default: DEFAULT_EPHEMERAL_PORTS.from,
        description: "First port of the ephemeral range a NACL may admit from the internet (TCP/UDP return traffic).",
    },
    ephemeralPortTo: {
        ...port,
        default: DEFAULT_EPHEMERAL_PORTS.to,
        description: "Last port of the ephemeral range a NACL may admit from the internet (TCP/UDP return traffic).",
    },
    httpsRedirectPorts: {
        type: "array",
        items: port,
        default: [...DEFAULT_REDIRECT_PORTS],
        description:
            "Public ports that may be open only when every load balancer using the group has a listener on that port " +
            "whose default action redirects to HTTPS.",
    },
} satisfies Record<string, PolicyConfigJSONSchema>;

export type SettingName = keyof typeof SCHEMA;

/**
 * A policy's config schema made of the named settings, plus `exemptions`, which every policy
 * accepts (guard.ts applies them).
 */
export function configSchema(...names: SettingName[]): PolicyConfigSchema {
    return withExemptionsProperty({ properties: Object.fromEntries(names.map((name) => [name, SCHEMA[name]])) });
}

/**
 * A policy's config schema from settings of its own (for a family whose settings are not in
 * SCHEMA), plus `exemptions`. Give every property a `default` and a `description`.
 */
export function customConfigSchema(properties: Record<string, PolicyConfigJSONSchema>, required?: string[]): PolicyConfigSchema {
    return withExemptionsProperty(required === undefined ? { properties: { ...properties } } : { properties: { ...properties }, required: [...required] });
}

/** The schema with the `exemptions` property added (a copy; an existing `exemptions` is kept). */
export function withExemptionsProperty(schema: PolicyConfigSchema | undefined): PolicyConfigSchema {
    const properties = schema?.properties ?? {};
    if (EXEMPTIONS_KEY in properties) {
        return schema as PolicyConfigSchema;
    }
    return { ...schema, properties: { ...properties, [EXEMPTIONS_KEY]: EXEMPTIONS_PROPERTY } };
}

/** Everything the ingress rules can be tuned with, resolved to valid values. */
export interface IngressSettings {
    publicPorts: ReadonlySet<number>;
    limits: WidthLimits;
    ephemeralPorts: PortRange;
    httpsRedirectPorts: ReadonlySet<number>;
}

function integerIn(value: unknown, min: number, max: number): number | undefined {
    return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

function portSet(value: unknown, fallback: readonly number[]): ReadonlySet<number> {
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

/** Resolves raw policy config (as `args.getConfig()` returns it) to settings. */
export function readSettings(raw: unknown): IngressSettings {
    const config: Record<string, unknown> = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    let from = integerIn(config.ephemeralPortFrom, 0, 65535) ?? DEFAULT_EPHEMERAL_PORTS.from;
    let to = integerIn(config.ephemeralPortTo, 0, 65535) ?? DEFAULT_EPHEMERAL_PORTS.to;
    if (from > to) {
        [from, to] = [to, from];
    }
    return {
        publicPorts: portSet(config.publicPorts, DEFAULT_PUBLIC_PORTS),
        limits: {
            ipv4PublicPrefix: integerIn(config.ipv4PublicPrefixLimit, 0, 32) ?? DEFAULT_WIDTH_LIMITS.ipv4PublicPrefix,
            ipv6PublicPrefix: integerIn(config.ipv6PublicPrefixLimit, 0, 128) ?? DEFAULT_WIDTH_LIMITS.ipv6PublicPrefix,
        },
        ephemeralPorts: { from, to },
        httpsRedirectPorts: portSet(config.httpsRedirectPorts, DEFAULT_REDIRECT_PORTS),
    };
}

/** Reads the policy's config from validation args without ever throwing. */
export function settingsFrom(args: { getConfig?: <T extends object>() => T }): IngressSettings {
    try {
        return readSettings(typeof args.getConfig === "function" ? args.getConfig<Record<string, unknown>>() : {});
    } catch {
        return readSettings({});
    }
}
