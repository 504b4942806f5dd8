import * as path from "node:path";
import { parseCommandLine } from "./command-line";
import { ExitCode, UsageError } from "./errors";
import { PolicyAnalyzer } from "./policy-analyzer";
import { readPolicyConfig } from "./policy-config";
import { OutputFiles, checkOutputFile } from "./output-files";
import { buildPlan, planJson, readPlan } from "./plan";
import { diffPlans, renderMarkdown } from "./plan-diff";
import { checkPoliciesOut, policyIndexFile, writePolicies } from "./policy-export";
import { hasMandatoryViolation, type PolicyResult } from "./policy-results";
import { programEntry, repoRoot } from "./program-entry";
import { renderReport } from "./report";
import { runProgram } from "./run-program";
import { readStackConfig } from "./stack-config";
import { parseStackOutputFiles, StackReferenceResolver } from "./stack-references";

const usage = `usage: npm run preview -- --stack <name> [options]

Previews a stack of this Pulumi project offline (no AWS account, no Pulumi CLI) and runs the
policy pack over it through the Analyzer gRPC service, as the Pulumi engine does.

  --stack <name>           stack to preview (reads Pulumi.yaml and Pulumi.<name>.yaml)
  --json <file>            write the plan in the shape of \`pulumi preview --json\`
  --diff <base-plan.json>  compare with a base plan and write a Markdown summary
  --markdown <file>        where the Markdown summary goes (default: standard output)
  --policies-out <dir>     write every policy document of the plan as one JSON file each, and
                           index.json (what each is, for IAM Access Analyzer; what was unknown)
  --view up|preview        up (default): ids and ARNs invented, as \`pulumi up\` sees them;
                           preview: computed values unknown, as \`pulumi preview\` sees them
  --policy-pack <dir>      policy pack to run (default: this repository's policy-pack)
  --policy-config <file>   policy config JSON, as \`--policy-pack-config\` takes it
  --project <dir>          Pulumi project folder (default: the current folder)
  --timings <file>         write the time each phase took, as JSON (for benchmarks)
  --stack-traces           keep stack traces while the program runs (slower; to debug a failure)
  --outputs <file>         write the stack's outputs as JSON (as \`pulumi stack output --json\`)
  --stack-outputs <ref>=<file>
                           answer \`new pulumi.StackReference(<ref>)\` from an outputs file
                           (repeatable); references to this project's own stacks are previewed
                           offline and answered from their outputs without it
  --skip-policy-pack       preview the program only (used to answer stack references)

Exit codes: 0 clean, 1 a mandatory policy violation, 2 bad input or an internal error.`;

interface Options {
    stack: string;
    json?: string;
    diff?: string;
    markdown?: string;
    policiesOut?: string;
    view: "up" | "preview";
    policyPack: string;
    policyConfig?: string;
    project: string;
    timings?: string;
    stackTraces: boolean;
    outputs?: string;
    stackOutputs: string[];
    skipPolicyPack: boolean;
}

function parseOptions(argv: string[]): Options | "help" {
    const v = parseCommandLine(argv, {
        stack: { type: "string" },
        json: { type: "string" },
        diff: { type: "string" },
        markdown: { type: "string" },
        "policies-out": { type: "string" },
        view: { type: "string", default: "up" },
        "policy-pack": { type: "string", default: path.join(repoRoot, "policy-pack") },
        "policy-config": { type: "string" },
        project: { type: "string", default: "." },
        timings: { type: "string" },
        "stack-traces": { type: "boolean", default: false },
        outputs: { type: "string" },
        "stack-outputs": { type: "string", multiple: true, default: [] },
        "skip-policy-pack": { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
    });
    if (v.help) {
        return "help";
    }
    if (v.stack === undefined) {
        throw new UsageError("--stack: expected the name of a stack to preview (see --help)");
    }
    if (v.view !== "up" && v.view !== "preview") {
        throw new UsageError(`--view=${v.view}: expected up or preview`);
    }
    return {
        stack: v.stack,
        json: v.json,
        diff: v.diff,
        markdown: v.markdown,
        policiesOut: v["policies-out"],
        view: v.view,
        policyPack: v["policy-pack"],
        policyConfig: v["policy-config"],
        project: v.project,
        timings: v.timings,
        stackTraces: v["stack-traces"],
        outputs: v.outputs,
        stackOutputs: v["stack-outputs"],
        skipPolicyPack: v["skip-policy-pack"],
    };
}

/** Runs one preview; returns the process exit code. Output goes to stdout, problems to stderr. */
export async function main(argv: string[]): Promise<number> {
    // performance.now() counts from process start, so `loaded` is what loading this tool cost.
    const loaded = performance.now();
    const options = parseOptions(argv);
    if (options === "help") {
        console.log(usage);
        return ExitCode.clean;
    }
    const projectDir = path.resolve(options.project);
    // Output paths are relative to where the command was run; the program runs in its project.
    const outputPath = (option: string, file: string | undefined) => (file === undefined ? undefined : checkOutputFile(option, file));
    const jsonFile = outputPath("--json", options.json);
    const markdownFile = outputPath("--markdown", options.markdown);
    const timingsFile = outputPath("--timings", options.timings);
    const outputsFile = outputPath("--outputs", options.outputs);
    if (options.policiesOut !== undefined) {
        checkPoliciesOut(options.policiesOut);
    }
    const policiesDir = options.policiesOut === undefined ? undefined : path.resolve(options.policiesOut);
    const stackConfig = readStackConfig(projectDir, options.stack);
    const policyConfig = options.policyConfig === undefined ? {} : readPolicyConfig(options.policyConfig);
    const basePlan = options.diff === undefined ? undefined : readPlan(options.diff);
    const entry = programEntry(projectDir);
    const references = new StackReferenceResolver({
        files: parseStackOutputFiles(options.stackOutputs),
        projectDir,
        project: stackConfig.project,
        stack: stackConfig.stack,
        cli: process.argv[1] ?? "",
    });

    // The pack starts while the program runs, and each resource goes to it as it registers, as
    // the engine does; `analyzeStack` follows once every resource has been analysed.
    const stopPack = new AbortController();
    const analyzerReady = options.skipPolicyPack
        ? Promise.resolve(undefined)
        : PolicyAnalyzer.start(path.resolve(options.policyPack), stopPack.signal).then(async (a) => {
              await a.configure(stackConfig, options.view === "preview", policyConfig, `--policy-config=${options.policyConfig ?? ""}`);
              return a;
          });
    analyzerReady.catch(() => undefined);
    // A pack that fails to start or refuses the policy config ends the run at once, not after the program.
    const packFailed = analyzerReady.then(() => new Promise<never>(() => undefined));
    try {
        process.chdir(projectDir);
        const analyses: Promise<PolicyResult[]>[] = [];
        const programRun = runProgram({
            entry,
            stackConfig,
            view: options.view,
            stackTraces: options.stackTraces,
            stackReferenceOutputs: (name) => references.outputsOf(name),
            onRegister: (resource, provider) => {
                const analysis = analyzerReady.then((a) => a?.analyzeResource(resource, provider) ?? []);
                analysis.catch(() => undefined); // reported once, by Promise.all below
                analyses.push(analysis);
            },
        });
        programRun.catch(() => undefined); // reported by the race below, or moot once the pack has failed
        const run = await Promise.race([programRun, packFailed]);
        const programDone = performance.now();
        const analyzer = await analyzerReady;
        const resourceResults = (await Promise.all(analyses)).flat();
        const [pack, stackResults] =
            analyzer === undefined ? [undefined, []] : await Promise.all([analyzer.info(), analyzer.analyzeStack(run.resources)]);
        const policyResults = [...resourceResults, ...stackResults];
        const files = new OutputFiles();
        if (outputsFile !== undefined) {
            files.add("--outputs", outputsFile, `${JSON.stringify(run.outputs, undefined, 2)}\n`);
        }
        const elapsed = performance.now();
        if (timingsFile !== undefined) {
            files.add(
                "--timings",
                timingsFile,
                JSON.stringify({
                    resources: run.resources.length,
                    loadMs: loaded,
                    programMs: programDone - loaded,
                    policyAfterProgramMs: elapsed - programDone,
                    totalMs: elapsed,
                }),
            );
        }
        const plan = buildPlan(run.resources, stackConfig, policyResults, elapsed);
        if (jsonFile !== undefined) {
            files.add("--json", jsonFile, planJson(plan));
        }
        const markdown = basePlan === undefined ? undefined : renderMarkdown(stackConfig.stack, diffPlans(basePlan, plan), policyResults);
        if (markdown !== undefined && markdownFile !== undefined) {
            files.add("--markdown", markdownFile, markdown);
        }
        // Every file lands before the report says anything, so "passed" is never followed by a failed write.
        files.writeAll();
        const policiesIndex = policiesDir === undefined ? undefined : writePolicies(policiesDir, stackConfig.stack, plan);
        console.log(
            renderReport({
                project: stackConfig.project,
                stack: stackConfig.stack,
                view: options.view,
                resources: run.resources,
                pack,
                policyResults,
            }),
        );
        console.log(
            `\nDuration: ${(elapsed / 1000).toFixed(2)}s for ${run.resources.length} resources (${(elapsed / run.resources.length).toFixed(2)} ms/resource)`,
        );
        if (jsonFile !== undefined) {
            console.log(`Plan written to ${options.json}`);
        }
        if (policiesIndex !== undefined) {
            console.log(
                `Policy documents written to ${options.policiesOut}: ${Object.keys(policiesIndex.policies).length} files, ${policiesIndex.unwritten.length} not written (listed in ${policyIndexFile})`,
            );
        }
        if (markdown !== undefined) {
            console.log(markdownFile === undefined ? `\n${markdown}` : `Markdown summary written to ${options.markdown}`);
        }
        return hasMandatoryViolation(policyResults) ? ExitCode.mandatoryViolation : ExitCode.clean;
    } finally {
        stopPack.abort();
        (await analyzerReady.catch(() => undefined))?.stop();
    }
}
