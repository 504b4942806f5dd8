// `npm run bench`: the offline preview of a large configuration (the real environment stack,
// many times over) against the plain way Pulumi unit tests run the same program, in one run,
// plus what the policy pack costs: start-up, and evaluation per resource over gRPC, side by side
// with Pulumi's published AWS pack @pulumi/awsguard (bench/awsguard-pack, installed on demand)
// over the same resources, and what require("@pulumi/aws") would add to a pack's start-up.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PolicyAnalyzer } from "../offline-preview/policy-analyzer";
import type { Plan } from "../offline-preview/plan";
import type { RecordedResource } from "../offline-preview/recorded-resource";
import { readStackConfig } from "../offline-preview/stack-config";

const repo = path.resolve(__dirname, "../..");
const project = path.join(repo, "bench/fleet-project");
/** Two sizes of the same fleet, so fixed start-up and the cost per resource can be told apart. */
const stack = "bench";
const largeStack = "bench-large";
const packDir = path.join(repo, "policy-pack");
/**
 * Pulumi's published AWS pack (@pulumi/awsguard, every policy mandatory): its sources and lockfile
 * live in bench/awsguard-pack; it is installed on demand into a copy under node_modules/.cache, so
 * that `npm ci` at the root stays lean and no node_modules lands under bench/ (the root build compiles
 * every .ts file under bench/).
 */
const awsguardSource = path.join(repo, "bench/awsguard-pack");
const awsguardDir = path.join(repo, "node_modules/.cache/zero-trust-bench/awsguard-pack");
const asJson = process.argv.includes("--json");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "zt-bench-"));

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
    const result = spawnSync(command, args, { cwd: repo, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0 && result.status !== 1) {
        throw new Error(`${command} ${args.join(" ")} exited with ${result.status}:\n${result.stderr}`);
    }
    return result.stdout;
}

/** The offline preview exactly as `npm run preview` runs it, in its own process. */
function offlinePreview(stackName: string): { resources: number; totalMs: number; programMs: number; loadMs: number; plan: Plan } {
    const timings = path.join(work, "timings.json");
    const planFile = path.join(work, "plan.json");
    run(process.execPath, [
        path.join(repo, "dist/offline-preview/main.js"),
        "--project",
        project,
        "--stack",
        stackName,
        "--json",
        planFile,
        "--timings",
        timings,
    ]);
    const t = JSON.parse(fs.readFileSync(timings, "utf8")) as { resources: number; totalMs: number; programMs: number; loadMs: number };
    return { ...t, plan: JSON.parse(fs.readFileSync(planFile, "utf8")) as Plan };
}

/** mocha + ts-node + stock setMocks over the same program, in its own process. */
function stockMocks(): { resources: number; ms: number } {
    const out = run(
        path.join(repo, "node_modules/.bin/mocha"),
        ["--no-config", "--require", "ts-node/register", "--timeout", "600000", "bench/stock-mocks-baseline.ts"],
        { BENCH_PROJECT: project, BENCH_STACK: stack },
    );
    const line = out.split("\n").find((l) => l.startsWith('{"resources"'));
    if (line === undefined) {
        throw new Error(`the baseline printed no result:\n${out}`);
    }
    return JSON.parse(line) as { resources: number; ms: number };
}

/** The fleet plan's resources as the engine would send them to a policy pack. */
function resourcesOf(plan: Plan): RecordedResource[] {
    return plan.steps.flatMap((s) =>
        s.newState === undefined
            ? []
            : [
                  {
                      urn: s.urn,
                      type: s.newState.type,
                      name: s.urn.split("::").pop() ?? "",
                      custom: s.newState.custom,
                      parent: s.newState.parent ?? "",
                      provider: s.newState.provider ?? "",
                      id: s.newState.id ?? "",
                      inputs: s.newState.inputs as RecordedResource["inputs"],
                      outputs: (s.newState.outputs ?? {}) as RecordedResource["outputs"],
                      dependencies: s.newState.dependencies ?? [],
                      propertyDependencies: s.newState.propertyDependencies ?? {},
                      options: {
                          protect: s.newState.protect ?? false,
                          retainOnDelete: false,
                          ignoreChanges: [],
                          replaceOnChanges: [],
                          additionalSecretOutputs: [],
                          aliases: [],
                      },
                  },
              ],
    );
}

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface PackCost {
    /** Launch to serving (the port printed), median of the launches. */
    startupMs: number;
    /** `analyzeAll` (every `analyze` and the `analyzeStack` in flight at once) per resource, median. */
    perResourceMs: number;
    /** Findings of one analyzeAll (violations and advisories). */
    findings: number;
}

/** One launch of a pack: start-up, then evaluation per resource as the preview runs it. */
async function launchOnce(
    dir: string,
    resources: readonly RecordedResource[],
    sequential: boolean,
): Promise<{ startupMs: number; perResourceMs: number; sequentialMs: number; findings: number }> {
    const launched = performance.now();
    const analyzer = await PolicyAnalyzer.start(dir);
    const startupMs = performance.now() - launched;
    try {
        await analyzer.configure(readStackConfig(project, stack), false);
        let started = performance.now();
        const findings = (await analyzer.analyzeAll(resources)).length;
        const perResourceMs = (performance.now() - started) / resources.length;
        let sequentialMs = Number.NaN;
        if (sequential) {
            started = performance.now();
            for (const r of resources) {
                await analyzer.analyze(r, undefined);
            }
            sequentialMs = (performance.now() - started) / resources.length;
        }
        return { startupMs, perResourceMs, sequentialMs, findings };
    } finally {
        analyzer.stop();
    }
}

const launches = 3;

/**
 * Pack start-up (launch to serving) and evaluation per resource, for this pack and for
 * @pulumi/awsguard over the same resources, launches alternating so both see the same machine.
 * This pack's evaluation is also measured one `analyze` call after another (the latency of a call).
 */
async function policyCost(plan: Plan): Promise<{ ours: PackCost & { sequentialMs: number }; awsguard: PackCost }> {
    const resources = resourcesOf(plan);
    const ours: Awaited<ReturnType<typeof launchOnce>>[] = [];
    const theirs: Awaited<ReturnType<typeof launchOnce>>[] = [];
    for (let i = 0; i < launches; i++) {
        ours.push(await launchOnce(packDir, resources, i === launches - 1));
        theirs.push(await launchOnce(awsguardDir, resources, false));
    }
    const summary = (runs: typeof ours): PackCost => ({
        startupMs: median(runs.map((r) => r.startupMs)),
        perResourceMs: median(runs.map((r) => r.perResourceMs)),
        findings: runs[runs.length - 1].findings,
    });
    return { ours: { ...summary(ours), sequentialMs: ours[ours.length - 1].sequentialMs }, awsguard: summary(theirs) };
}

/**
 * Installs the awsguard comparison pack from its lockfile (`npm ci`) when it is not installed or
 * its sources changed since.
 */
function ensureAwsguardPack(): void {
    const files = ["package.json", "package-lock.json", "index.js"];
    const current = files.every((f) => {
        const installed = path.join(awsguardDir, f);
        return fs.existsSync(installed) && fs.readFileSync(installed, "utf8") === fs.readFileSync(path.join(awsguardSource, f), "utf8");
    });
    if (current && fs.existsSync(path.join(awsguardDir, "node_modules", "@pulumi", "awsguard"))) {
        return;
    }
    console.error(`installing bench/awsguard-pack into ${path.relative(repo, awsguardDir)} (npm ci, once) …`);
    fs.rmSync(awsguardDir, { recursive: true, force: true });
    fs.mkdirSync(awsguardDir, { recursive: true });
    for (const f of files) {
        fs.copyFileSync(path.join(awsguardSource, f), path.join(awsguardDir, f));
    }
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const result = spawnSync(npm, ["ci", "--prefix", awsguardDir, "--no-audit", "--no-fund"], {
        cwd: repo,
        stdio: ["ignore", "ignore", "inherit"],
    });
    if (result.status !== 0) {
        throw new Error(`npm ci --prefix ${path.relative(repo, awsguardDir)} exited with ${result.status}`);
    }
}

/**
 * What `require("@pulumi/aws")` costs a process at start-up, in a fresh child each time (median
 * of 3): on its own, and on top of @pulumi/pulumi (which every pack loads anyway).
 */
function requireAwsCost(): { aloneMs: number; marginalMs: number; version: string } {
    const script = `
        const t0 = performance.now(); require("@pulumi/pulumi"); const t1 = performance.now();
        require("@pulumi/aws"); const t2 = performance.now();
        console.log(JSON.stringify({ pulumiMs: t1 - t0, awsMs: t2 - t1, version: require("@pulumi/aws/package.json").version }));`;
    const alone: number[] = [];
    const marginal: number[] = [];
    let version = "";
    for (let i = 0; i < 3; i++) {
        const soloOut = run(process.execPath, [
            "-e",
            `const t = performance.now(); require("@pulumi/aws"); console.log(performance.now() - t);`,
        ]);
        alone.push(Number(soloOut.trim()));
        const m = JSON.parse(run(process.execPath, ["-e", script]).trim()) as { awsMs: number; version: string };
        marginal.push(m.awsMs);
        version = m.version;
    }
    return { aloneMs: median(alone), marginalMs: median(marginal), version };
}

async function main(): Promise<void> {
    const offline = offlinePreview(stack);
    const large = offlinePreview(largeStack);
    const baseline = stockMocks();
    ensureAwsguardPack();
    const { ours: policy, awsguard } = await policyCost(offline.plan);
    const awsRequire = requireAwsCost();
    fs.rmSync(work, { recursive: true, force: true });

    const msPerResource = offline.totalMs / offline.resources;
    const marginalMsPerResource = (large.totalMs - offline.totalMs) / (large.resources - offline.resources);
    const baselineMsPerResource = baseline.ms / baseline.resources;
    const rows: [string, string][] = [
        ["resources (offline preview / stock mocks)", `${offline.resources} / ${baseline.resources}`],
        [
            "offline preview, end to end incl. start-up and policies",
            `${offline.totalMs.toFixed(0)} ms = ${msPerResource.toFixed(2)} ms/resource`,
        ],
        ["  of which: loading the tool", `${offline.loadMs.toFixed(0)} ms`],
        [
            "  of which: running the program",
            `${offline.programMs.toFixed(0)} ms = ${(offline.programMs / offline.resources).toFixed(2)} ms/resource`,
        ],
        [
            "stock setMocks under mocha + ts-node, program run only",
            `${baseline.ms.toFixed(0)} ms = ${baselineMsPerResource.toFixed(2)} ms/resource`,
        ],
        ["speed-up (stock / offline, end to end)", `${(baselineMsPerResource / msPerResource).toFixed(1)}x`],
        [
            `offline preview of ${large.resources} resources, end to end`,
            `${large.totalMs.toFixed(0)} ms = ${(large.totalMs / large.resources).toFixed(2)} ms/resource`,
        ],
        ["  cost of one more resource (slope between the two sizes)", `${marginalMsPerResource.toFixed(2)} ms/resource`],
        ["policy pack start-up (launch to serving)", `${policy.startupMs.toFixed(0)} ms`],
        ["policy evaluation as the preview runs it (all calls in flight)", `${policy.perResourceMs.toFixed(2)} ms/resource`],
        ["  one analyze call over gRPC after another", `${policy.sequentialMs.toFixed(2)} ms/resource`],
        [`policy packs side by side on the same ${offline.resources} resources (median of ${launches} launches each):`, ""],
        [
            "  start-up: zero-trust-guardrails / @pulumi/awsguard 0.3.1",
            `${policy.startupMs.toFixed(0)} ms / ${awsguard.startupMs.toFixed(0)} ms (awsguard ÷ ours = ${(awsguard.startupMs / policy.startupMs).toFixed(1)}x)`,
        ],
        [
            "  evaluation: zero-trust-guardrails / @pulumi/awsguard 0.3.1",
            `${policy.perResourceMs.toFixed(2)} / ${awsguard.perResourceMs.toFixed(2)} ms/resource (awsguard ÷ ours = ${(awsguard.perResourceMs / policy.perResourceMs).toFixed(1)}x)`,
        ],
        ["  findings of one run: zero-trust-guardrails / @pulumi/awsguard", `${policy.findings} / ${awsguard.findings}`],
        [
            `require("@pulumi/aws") ${awsRequire.version} in a fresh process`,
            `${awsRequire.aloneMs.toFixed(0)} ms (${awsRequire.marginalMs.toFixed(0)} ms on top of @pulumi/pulumi)`,
        ],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`Benchmark on ${os.cpus().length} cores, Node ${process.version}; one run, side by side`);
    for (const [k, v] of rows) {
        console.log(`  ${k.padEnd(width)}  ${v}`);
    }
    if (asJson) {
        console.log(
            JSON.stringify({
                resources: offline.resources,
                msPerResource: Number(msPerResource.toFixed(3)),
                baselineMsPerResource: Number(baselineMsPerResource.toFixed(3)),
                policyMsPerResource: Number(policy.perResourceMs.toFixed(3)),
            }),
        );
    }
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(2);
});
