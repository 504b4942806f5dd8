// --policy-config: policy settings as `pulumi preview --policy-pack-config` takes them, checked
// against the schemas the pack itself serves (each policy's `configSchema`, which the engine reads
// through GetAnalyzerInfo and validates config against), so nothing here repeats them. A policy
// the pack does not have, a setting it does not declare or a value of the wrong type is refused in
// one line instead of being ignored.

import { z } from "zod";
import { didYouMean } from "../validation/did-you-mean";
import { propertyPath, valueAt } from "../validation/property-paths";
import { UsageError } from "./errors";
import { readJsonFile } from "./json-file";
import { enforcementLevels } from "./policy-results";

/** Policy config as `pulumi preview --policy-pack-config` takes it: per policy a level or an object. */
export type PolicyPackConfig = Record<string, string | { enforcementLevel?: string; [key: string]: unknown }>;

/** A policy as the pack describes it: its name and the JSON schema of its settings (`properties`, `required`). */
export interface ServedPolicy {
    readonly name: string;
    readonly configSchema?: { readonly properties?: Record<string, unknown>; readonly required?: readonly string[] };
}

/** `--policy-config=<file>`'s JSON: an object of policy names to a level or an object of settings, or a one-line UsageError. */
export function readPolicyConfig(file: string): PolicyPackConfig {
    const refuse = (reason: string): never => {
        throw new UsageError(`--policy-config=${file}: expected a JSON object of policy names to settings (${reason})`);
    };
    const config = readJsonFile(file, refuse);
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
        refuse(`found ${Array.isArray(config) ? "a list" : JSON.stringify(config)}`);
    }
    for (const [policy, value] of Object.entries(config as Record<string, unknown>)) {
        if (typeof value !== "string" && (value === null || typeof value !== "object" || Array.isArray(value))) {
            refuse(`${policy}=${JSON.stringify(value)}: expected an enforcement level or an object of settings`);
        }
    }
    return config as PolicyPackConfig;
}

/**
 * Checks policy config against the policies the pack serves: every name one of them, every
 * enforcement level one the engine knows, every setting declared in the policy's schema and valid
 * by it. `source` (`--policy-config=<file>`) begins the refusal.
 */
export function checkPolicyConfig(source: string, config: PolicyPackConfig, policies: readonly ServedPolicy[]): void {
    const refuse = (key: string, value: unknown, expected: string): never => {
        throw new UsageError(`${source}: ${key}=${JSON.stringify(value) ?? "(not set)"}: expected ${expected}`);
    };
    const names = policies.map((p) => p.name);
    for (const [name, value] of Object.entries(config)) {
        const policy =
            policies.find((p) => p.name === name) ??
            refuse(name, value, `the name of one of the pack's ${names.length} policies${didYouMean(name, names)}`);
        const { enforcementLevel, ...settings } = typeof value === "string" ? { enforcementLevel: value } : value;
        if (enforcementLevel !== undefined && !(enforcementLevels as readonly unknown[]).includes(enforcementLevel)) {
            refuse(`${name}.enforcementLevel`, enforcementLevel, `one of ${enforcementLevels.join(", ")}`);
        }
        const schema = {
            type: "object",
            properties: policy.configSchema?.properties ?? {},
            required: policy.configSchema?.required ?? [],
            additionalProperties: false,
        };
        const result = z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema).safeParse(settings);
        if (!result.success) {
            const issue = result.error.issues[0];
            const at = [...issue.path];
            if (issue.code === "unrecognized_keys") {
                const known = Object.keys((schemaAt(schema, at)?.["properties"] as Record<string, unknown> | undefined) ?? {});
                at.push(issue.keys[0]);
                refuse(
                    propertyPath(at, name),
                    valueAt(settings, at),
                    `one of the keys ${known.join(", ")}${didYouMean(issue.keys[0], known)}`,
                );
            }
            refuse(propertyPath(at, name), valueAt(settings, at), `what the policy's schema allows (${issue.message})`);
        }
    }
}

/** The part of a JSON schema that describes the value at `path` (through `properties` and `items`). */
function schemaAt(schema: Record<string, unknown>, path: readonly PropertyKey[]): Record<string, unknown> | undefined {
    return path.reduce<Record<string, unknown> | undefined>(
        (node, step) =>
            (typeof step === "number"
                ? node?.["items"]
                : (node?.["properties"] as Record<string, unknown> | undefined)?.[step as string]) as Record<string, unknown> | undefined,
        schema,
    );
}
