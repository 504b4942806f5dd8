import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { UsageError } from "./errors";
import { listStacks } from "./stack-config";

/** A referenced stack's outputs, as `pulumi stack output --json --show-secrets` prints them. */
export type StackOutputs = Record<string, unknown>;

/** Env var carrying the chain of stacks being previewed, to refuse reference cycles. */
const CHAIN_ENV = "ZERO_TRUST_OFFLINE_REFERENCE_CHAIN";

export interface StackReferenceSources {
    /** `--stack-outputs <name>=<file>`: outputs files by referenced stack name (any form). */
    files: Map<string, string>;
    /** The project being previewed: references to its own stacks are previewed offline too. */
    projectDir: string;
    project: string;
    /** The stack being previewed (the first link of the reference chain). */
    stack: string;
    /** The node script of this tool, to preview a referenced stack in a child process. */
    cli: string;
}

/** Parses `--stack-outputs` values of the form `<stack reference name>=<outputs.json>`. */
export function parseStackOutputFiles(values: readonly string[]): Map<string, string> {
    const files = new Map<string, string>();
    for (const value of values) {
        const at = value.lastIndexOf("=");
        if (at <= 0 || at === value.length - 1) {
            throw new UsageError(`--stack-outputs=${value}: expected <stack reference name>=<outputs.json>`);
        }
        files.set(value.slice(0, at), path.resolve(value.slice(at + 1)));
    }
    return files;
}

/**
 * Answers `new pulumi.StackReference(name)` offline, so a whole organisation previews
 * consistently: from an outputs file given for that name, or, for a stack of the same project
 * (`<org>/<project>/<stack>`, `<project>/<stack>` or `<stack>`), from that stack's own offline
 * preview, run once in a child process. Anything else fails and names the reference.
 */
export class StackReferenceResolver {
    private readonly cache = new Map<string, StackOutputs>();

    constructor(private readonly sources: StackReferenceSources) {}

    outputsOf(name: string): StackOutputs {
        const cached = this.cache.get(name);
        if (cached !== undefined) {
            return cached;
        }
        const outputs = this.resolve(name);
        this.cache.set(name, outputs);
        return outputs;
    }

    private resolve(name: string): StackOutputs {
        const file = this.sources.files.get(name);
        if (file !== undefined) {
            return readOutputs(file, `--stack-outputs ${name}`);
        }
        const stack = this.localStack(name);
        if (stack === undefined) {
            throw new UsageError(
                `stack reference ${name}: expected a stack of project ${this.sources.project} or --stack-outputs ${name}=<outputs.json>`,
            );
        }
        const inherited = (process.env[CHAIN_ENV] ?? "").split(",").filter((s) => s !== "");
        const chain = inherited.length > 0 ? inherited : [this.sources.stack];
        if (chain.includes(stack)) {
            throw new UsageError(`stack reference ${name}: expected no cycle, but ${[...chain, stack].join(" -> ")} refer to each other`);
        }
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "zt-ref-")), "outputs.json");
        const child = spawnSync(
            process.execPath,
            [this.sources.cli, "--project", this.sources.projectDir, "--stack", stack, "--outputs", out, "--skip-policy-pack"],
            {
                encoding: "utf8",
                env: { ...process.env, [CHAIN_ENV]: [...chain, stack].join(",") },
            },
        );
        if (child.status !== 0 || !fs.existsSync(out)) {
            const reason = (child.stderr || child.stdout || "").trim().split("\n").pop() ?? "";
            throw new UsageError(
                `stack reference ${name}: the offline preview of stack ${stack} failed (${reason.replace(/^error: /, "")})`,
            );
        }
        return readOutputs(out, `the outputs of stack ${stack}`);
    }

    /** The local stack a reference names, when it is one of this project's stacks. */
    private localStack(name: string): string | undefined {
        const parts = name.split("/");
        const stack = parts[parts.length - 1] ?? "";
        const project = parts.length >= 2 ? parts[parts.length - 2] : this.sources.project;
        return project === this.sources.project && listStacks(this.sources.projectDir).includes(stack) ? stack : undefined;
    }
}

function readOutputs(file: string, what: string): StackOutputs {
    try {
        const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
        if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
            return parsed as StackOutputs;
        }
    } catch {
        // reported below
    }
    throw new UsageError(`${what}: expected a JSON object of stack outputs in ${file}`);
}
