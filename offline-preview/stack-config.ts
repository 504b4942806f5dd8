import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./errors";
import { readYamlMapping, type YamlMapping } from "./yaml-file";

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

/** The keys of a Pulumi project file (Pulumi.yaml) the Pulumi CLI documents. */
const PROJECT_FILE_KEYS = [
    "name",
    "runtime",
    "description",
    "main",
    "stackConfigDir",
    "backend",
    "options",
    "template",
    "config",
    "plugins",
    "packages",
    "author",
    "website",
    "license",
];

/** The keys of a stack settings file (Pulumi.<stack>.yaml) the Pulumi CLI documents. */
const STACK_FILE_KEYS = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

/**
 * Reads `Pulumi.yaml` and `Pulumi.<stack>.yaml` from `projectDir` the way the Pulumi CLI does:
 * project-level values and schema defaults apply to every stack, stack values win, keys without a
 * namespace belong to the project, objects and arrays reach the program as JSON strings, and
 * `secure:` values stay encrypted.
 */
export function readStackConfig(projectDir: string, stack: string): StackConfig {
    const projectFile = path.join(projectDir, "Pulumi.yaml");
    if (!fs.existsSync(projectFile)) {
        throw new UsageError(`--project=${projectDir}: expected a Pulumi project folder, but ${projectFile} does not exist`);
    }
    const project = readYamlMapping(projectFile, "the Pulumi project file", PROJECT_FILE_KEYS);
    const projectName = project.values["name"];
    if (typeof projectName !== "string" || projectName === "") {
        throw new UsageError(`${project.file}: key name=${JSON.stringify(projectName)}: expected the project name`);
    }
    if (!/^[A-Za-z0-9_.-]+$/.test(stack)) {
        throw new UsageError(`--stack=${JSON.stringify(stack)}: expected a stack name (letters, digits, - _ .)`);
    }
    const stackConfigDir = project.values["stackConfigDir"];
    const stackDir = typeof stackConfigDir === "string" ? stackConfigDir : ".";
    const stackFile = path.join(projectDir, stackDir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(stackFile)) {
        throw new UsageError(
            `--stack=${stack}: expected one of the project's stacks (${listStacks(projectDir, stackDir).join(", ") || "none found"}); ${path.relative(process.cwd(), stackFile)} does not exist`,
        );
    }
    const stackSettings = readYamlMapping(stackFile, `the settings of stack ${stack}`, STACK_FILE_KEYS);

    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, entry] of configEntries(project, projectName)) {
        const value = projectConfigValue(entry);
        if (value !== undefined) {
            config[key] = toConfigString(value);
        }
    }
    for (const [key, value] of configEntries(stackSettings, projectName)) {
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

/**
 * A file's `config:` entries by fully qualified key. A key without a namespace belongs to the
 * project, so `network` and `<project>:network` are one key: written both ways, one would silently
 * replace the other, so that is refused.
 */
function configEntries(file: YamlMapping, projectName: string): [string, unknown][] {
    const section = file.values["config"];
    if (section === undefined || section === null) {
        return [];
    }
    if (typeof section !== "object" || Array.isArray(section)) {
        throw new UsageError(`${file.file}: config=${JSON.stringify(section)}: expected a mapping of config keys to values`);
    }
    const spelledAs = new Map<string, string>();
    return Object.entries(section).map(([rawKey, value]): [string, unknown] => {
        const key = qualify(rawKey, projectName);
        const other = spelledAs.get(key);
        if (other !== undefined) {
            throw new UsageError(
                `${file.file}: config.${rawKey}: expected one spelling of the key ${key}, but it is written both as ${other} and as ${rawKey}`,
            );
        }
        spelledAs.set(key, rawKey);
        return [key, value];
    });
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
