import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

const ROOT = path.resolve(__dirname, "../..");

interface ProjectFile {
    name: string;
    config?: Record<string, unknown>;
}

/**
 * A stack's config as the Pulumi CLI hands it to the program: Pulumi.yaml project defaults overlaid
 * with Pulumi.<stack>.yaml, keyed by full key, every value a string (non-strings JSON-encoded).
 * `pulumi:` engine settings are left out; they never reach `pulumi.Config`.
 */
export function rawStackConfig(stack: string): Record<string, string> {
    const project = parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as ProjectFile;
    const stackFile = parse(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8")) as { config?: Record<string, unknown> };
    const raw: Record<string, string> = {};
    for (const [key, spec] of Object.entries(project.config ?? {})) {
        if (!key.startsWith("pulumi:") && spec !== null && typeof spec === "object" && "default" in spec) {
            raw[key.includes(":") ? key : `${project.name}:${key}`] = encode(spec.default);
        }
    }
    for (const [key, value] of Object.entries(stackFile.config ?? {})) {
        raw[key] = encode(value);
    }
    return raw;
}

/** Project-level defaults declared in Pulumi.yaml, by key without namespace. */
export function projectDefaults(): Record<string, unknown> {
    const project = parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as ProjectFile;
    return Object.fromEntries(
        Object.entries(project.config ?? {}).flatMap(([key, spec]) =>
            spec !== null && typeof spec === "object" && "default" in spec ? [[key, spec.default]] : [],
        ),
    );
}

function encode(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}
