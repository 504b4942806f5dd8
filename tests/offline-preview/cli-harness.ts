import { strict as assert } from "node:assert";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";

export const repoRoot = path.resolve(__dirname, "../..");
const cli = path.join(repoRoot, "dist/offline-preview/main.js");

function builtCli(): string {
    if (!fs.existsSync(cli)) {
        throw new Error(`${cli} is missing: run \`npm run build\` (npm test does)`);
    }
    return cli;
}

export interface CliResult {
    status: number | null;
    stdout: string;
    stderr: string;
}

/** Runs the built offline preview as `npm run preview` does (npm test builds it first). */
export function runCli(args: string[], cwd = repoRoot): CliResult {
    const r = spawnSync(process.execPath, [builtCli(), ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** runCli without blocking, so several runs can share the machine's cores. */
export function runCliAsync(args: string[], cwd = repoRoot): Promise<CliResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [builtCli(), ...args], { cwd });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", reject);
        child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
}

/** The report line of a policy finding: its level, the policy and the resource it names (`aws:ecs:Service orders`). */
export function findingLine(level: "mandatory" | "advisory", policy: string, resource: string): RegExp {
    return new RegExp(`- \\[${level}\\] \\[severity: [a-z]+\\] ${policy}\\s+\\(${resource.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\)`);
}

/** Bad input: exit code 2 and one line on stderr, no trace, naming each of `mentions`. */
export function assertOneLineError(r: CliResult, ...mentions: string[]): void {
    assert.equal(r.status, 2, `exit code 2 expected; stderr: ${r.stderr}`);
    const lines = r.stderr.trim().split("\n");
    assert.equal(lines.length, 1, `one line expected, got:\n${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
    for (const m of mentions) {
        assert.ok(lines[0]?.includes(m), `${JSON.stringify(m)} expected in: ${lines[0]}`);
    }
}

export function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "zt-preview-test-"));
}

/**
 * A project that runs this repository's real program with one stack whose config is staging's,
 * changed by `edit`: for the preview's handling of bad config, without touching the real stacks.
 */
export function environmentProject(edit: (config: Record<string, unknown>) => void, stack = "edited"): string {
    const dir = tempDir();
    fs.copyFileSync(path.join(repoRoot, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    // The management stack the environment reads through its stack reference, previewed from here too.
    fs.copyFileSync(path.join(repoRoot, "Pulumi.management.yaml"), path.join(dir, "Pulumi.management.yaml"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "edited", main: path.join(repoRoot, "stacks/index.ts") }));
    const settings = parse(fs.readFileSync(path.join(repoRoot, "Pulumi.staging.yaml"), "utf8")) as { config: Record<string, unknown> };
    edit(settings.config);
    fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), stringify(settings));
    return dir;
}
