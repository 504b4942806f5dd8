// `npm run bench`: the offline preview of a large configuration (the real environment stack,
// many times over) against the plain way Pulumi unit tests run the same program, in one run,
// plus what the policy pack costs: start-up, and evaluation per resource over gRPC.
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
    run(process.execPath, [path.join(repo, "dist/offline-preview/main.js"),
        "--project", project, "--stack", stackName, "--json", planFile, "--timings", timings]);
    const t = JSON.parse(fs.readFileSync(timings, "utf8")) as { resources: number; totalMs: number; programMs: number; loadMs: number };
    return { ...t, plan: JSON.parse(fs.readFileSync(planFile, "utf8")) as Plan };
}

/** mocha + ts-node + stock setMocks over the same program, in its own process. */
function stockMocks(): { resources: number; ms: number } {
    const out = run(path.join(repo, "node_modules/.bin/mocha"), ["--no-config", "--require", "ts-node/register", "--timeout", "600000", "bench/stock-mocks-baseline.ts"],
        { BENCH_PROJECT: project, BENCH_STACK: stack });
    const line = out.split("\n").find((l) => l.startsWith("{\"resources\""));
    if (line === undefined) {
        throw new Error(`the baseline printed no result:\n${out}`);
    }
    return JSON.parse(line) as { resources: number; ms: number };
}

/**
 * Pack start-up (launch to serving), then evaluation per resource two ways: one `analyze` call
 * after another (the latency of a call), and as the preview does it (`analyzeAll`: every
 * `analyze` and the `analyzeStack` in flight at once).
 */
async function policyCost(plan: Plan): Promise<{ startupMs: number; sequentialMs: number; perResourceMs: number }> {
    const resources: RecordedResource[] = plan.steps.flatMap((s) => s.newState === undefined ? [] : [{
        urn: s.urn, type: s.newState.type, name: s.urn.split("::").pop() ?? "", custom: s.newState.custom,
        parent: s.newState.parent ?? "", provider: s.newState.provider ?? "", id: s.newState.id ?? "",
        inputs: s.newState.inputs as RecordedResource["inputs"], outputs: (s.newState.outputs ?? {}) as RecordedResource["outputs"],
        dependencies: s.newState.dependencies ?? [], propertyDependencies: s.newState.propertyDependencies ?? {},
        options: { protect: s.newState.protect ?? false, retainOnDelete: false, ignoreChanges: [], replaceOnChanges: [], additionalSecretOutputs: [], aliases: [] },
    }]);
    const launched = performance.now();
    const analyzer = await PolicyAnalyzer.start(packDir);
    const startupMs = performance.now() - launched;
    try {
        await analyzer.configure(readStackConfig(project, stack), false);
        let started = performance.now();
        await analyzer.analyzeAll(resources);
        const perResourceMs = (performance.now() - started) / resources.length;
        started = performance.now();
        for (const r of resources) {
            await analyzer.analyze(r, undefined);
        }
        return { startupMs, perResourceMs, sequentialMs: (performance.now() - started) / resources.length };
    } finally {
        analyzer.stop();
    }
}

async function main(): Promise<void> {
    const offline = offlinePreview(stack);
    const large = offlinePreview(largeStack);
    const baseline = stockMocks();
    const policy = await policyCost(offline.plan);
    fs.rmSync(work, { recursive: true, force: true });

    const msPerResource = offline.totalMs / offline.resources;
    const marginalMsPerResource = (large.totalMs - offline.totalMs) / (large.resources - offline.resources);
    const baselineMsPerResource = baseline.ms / baseline.resources;
    const rows: [string, string][] = [
        ["resources (offline preview / stock mocks)", `${offline.resources} / ${baseline.resources}`],
        ["offline preview, end to end incl. start-up and policies", `${offline.totalMs.toFixed(0)} ms = ${msPerResource.toFixed(2)} ms/resource`],
        ["  of which: loading the tool", `${offline.loadMs.toFixed(0)} ms`],
        ["  of which: running the program", `${offline.programMs.toFixed(0)} ms = ${(offline.programMs / offline.resources).toFixed(2)} ms/resource`],
        ["stock setMocks under mocha + ts-node, program run only", `${baseline.ms.toFixed(0)} ms = ${baselineMsPerResource.toFixed(2)} ms/resource`],
        ["speed-up (stock / offline, end to end)", `${(baselineMsPerResource / msPerResource).toFixed(1)}x`],
        [`offline preview of ${large.resources} resources, end to end`, `${large.totalMs.toFixed(0)} ms = ${(large.totalMs / large.resources).toFixed(2)} ms/resource`],
        ["  cost of one more resource (slope between the two sizes)", `${marginalMsPerResource.toFixed(2)} ms/resource`],
        ["policy pack start-up (launch to serving)", `${policy.startupMs.toFixed(0)} ms`],
        ["policy evaluation as the preview runs it (all calls in flight)", `${policy.perResourceMs.toFixed(2)} ms/resource`],
        ["  one analyze call over gRPC after another", `${policy.sequentialMs.toFixed(2)} ms/resource`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`Benchmark on ${os.cpus().length} cores, Node ${process.version}; one run, side by side`);
    for (const [k, v] of rows) {
        console.log(`  ${k.padEnd(width)}  ${v}`);
    }
    if (asJson) {
        console.log(JSON.stringify({
            resources: offline.resources,
            msPerResource: Number(msPerResource.toFixed(3)),
            baselineMsPerResource: Number(baselineMsPerResource.toFixed(3)),
            policyMsPerResource: Number(policy.perResourceMs.toFixed(3)),
        }));
    }
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(2);
});
