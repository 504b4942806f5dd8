import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { UsageError } from "./errors";

/** What the Pulumi engine hands a program: config as strings, and which keys are secret. */
export interface StackConfig {
    project: string;
    stack: string;
    /** Fully qualified keys (`ns:key`) to the string the program would read. */
    config: Record<string, string>;
    /** Keys whose values are `secure:` in the stack file; the program sees a placeholder. */
    secretKeys: string[];
}

/**
 * The value a `secure:` key gets offline. It is never the decrypted secret (we hold no key), and
 * it says so, so that a policy or a report that shows it cannot be mistaken for the real one.
 */
export const SECRET_PLACEHOLDER = "[secret: not decrypted offline]";

const projectDefaultSchemaKeys = new Set(["type", "default", "description", "items", "secret"]);

/**
 * Reads `Pulumi.yaml` and `Pulumi.<stack>.yaml` from `projectDir` the way the Pulumi CLI does:
 * project-level values and schema defaults apply to every stack, stack values win, keys without a
 * namespace belong to the project, objects and arrays reach the program as JSON strings, and
 * `secure:` values stay encrypted.
 */
export function readStackConfig(projectDir: string, stack: string): StackConfig {
    const project = readYamlObject(path.join(projectDir, "Pulumi.yaml"), "the Pulumi project file");
    const projectName = project["name"];
    if (typeof projectName !== "string" || projectName === "") {
        throw new UsageError(`Pulumi.yaml: key name=${JSON.stringify(projectName)}: expected the project name`);
    }
    if (!/^[A-Za-z0-9_.-]+$/.test(stack)) {
        throw new UsageError(`--stack=${JSON.stringify(stack)}: expected a stack name (letters, digits, - _ .)`);
    }
    const stackDir = typeof project["stackConfigDir"] === "string" ? project["stackConfigDir"] : ".";
    const stackFile = path.join(projectDir, stackDir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(stackFile)) {
        throw new UsageError(
            `--stack=${stack}: expected one of the project's stacks (${listStacks(projectDir, stackDir).join(", ") || "none found"}); ${path.relative(process.cwd(), stackFile)} does not exist`,
        );
    }
    const stackSettings = readYamlObject(stackFile, `the settings of stack ${stack}`);

    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [rawKey, entry] of Object.entries(asObject(project["config"]))) {
        const value = projectConfigValue(entry);
        if (value !== undefined) {
            config[qualify(rawKey, projectName)] = toConfigString(value);
        }
    }
    for (const [rawKey, value] of Object.entries(asObject(stackSettings["config"]))) {
        const key = qualify(rawKey, projectName);
        if (isSecure(value)) {
            config[key] = SECRET_PLACEHOLDER;
            secretKeys.push(key);
        } else {
            config[key] = toConfigString(value);
        }
    }
    return { project: projectName, stack, config, secretKeys };
}

/** Stacks with a settings file next to the project, for error messages and `--all`. */
export function listStacks(projectDir: string, stackDir = "."): string[] {
    const dir = path.join(projectDir, stackDir);
    return fs
        .readdirSync(dir)
        .map((file) => /^Pulumi\.([^.]+)\.ya?ml$/.exec(file)?.[1])
        .filter((name): name is string => name !== undefined)
        .sort();
}

function readYamlObject(file: string, what: string): Record<string, unknown> {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        throw new UsageError(`${path.basename(file)}: cannot read ${what}`);
    }
    let parsed: unknown;
    try {
        parsed = parseYaml(text);
    } catch (err) {
        throw new UsageError(`${path.basename(file)}: expected valid YAML (${(err as Error).message.split("\n")[0]})`);
    }
    return asObject(parsed ?? {});
}

/** A project-level entry is a plain value, `{value: …}` for objects, or a schema with a default. */
function projectConfigValue(entry: unknown): unknown {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
        return entry;
    }
    const record = entry as Record<string, unknown>;
    if ("value" in record) {
        return record["value"];
    }
    if (Object.keys(record).every((k) => projectDefaultSchemaKeys.has(k))) {
        return record["default"];
    }
    return entry;
}

function qualify(key: string, projectName: string): string {
    return key.includes(":") ? key : `${projectName}:${key}`;
}

function isSecure(value: unknown): boolean {
    return value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value;
}

/** The engine passes strings as they are and everything else as JSON, as `pulumi config` does. */
function toConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

function asObject(value: unknown): Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
