// The plans the access matrix reads: from the offline preview, run in this process (the stack and,
// for an environment, the management stack it references, whose outputs answer that reference),
// or from `pulumi preview --json` files, so a real preview is read the same way.
import * as path from "node:path";
import { UsageError } from "../offline-preview/errors";
import { buildPlan, readPlan, type Plan } from "../offline-preview/plan";
import { programEntry, repoRoot } from "../offline-preview/program-entry";
import { runProgram } from "../offline-preview/run-program";
import { readStackConfig, type StackConfig } from "../offline-preview/stack-config";
import { StackReferenceResolver, type StackOutputs } from "../offline-preview/stack-references";
import { decodedInput } from "./plan-resources";

export interface StackPlans {
    readonly plan: Plan;
    /** The management stack's plan (the same as `plan` for the management stack); absent without one. */
    readonly managementPlan?: Plan;
}

const isManagement = (config: Readonly<Record<string, string>> | undefined): boolean => config?.["zero-trust-aws:kind"] === "management";

/** The management stack an environment names (`zero-trust-aws:management.stack`). */
function managementStackOf(stackConfig: StackConfig): string | undefined {
    const management = decodedInput(stackConfig.config["zero-trust-aws:management"]) as { stack?: unknown } | undefined;
    return typeof management?.stack === "string" ? management.stack : undefined;
}

async function preview(
    projectDir: string,
    stackConfig: StackConfig,
    references: (name: string) => StackOutputs,
): Promise<{ plan: Plan; outputs: StackOutputs }> {
    const run = await runProgram({ entry: programEntry(projectDir), stackConfig, view: "up", stackReferenceOutputs: references });
    // The outputs as a referencing stack reads them from `pulumi stack output --json`.
    return { plan: buildPlan(run.resources, stackConfig, [], 0), outputs: JSON.parse(JSON.stringify(run.outputs)) as StackOutputs };
}

/** Previews the stack offline in this process, and the management stack it references first. */
export async function previewStackPlans(projectDir: string, stack: string): Promise<StackPlans> {
    const stackConfig = readStackConfig(projectDir, stack);
    const resolver = new StackReferenceResolver({
        files: new Map(),
        projectDir,
        project: stackConfig.project,
        stack,
        cli: path.join(repoRoot, "dist/offline-preview/main.js"),
    });
    const previous = process.cwd();
    process.chdir(projectDir);
    try {
        if (isManagement(stackConfig.config)) {
            const { plan } = await preview(projectDir, stackConfig, (name) => resolver.outputsOf(name));
            return { plan, managementPlan: plan };
        }
        const managementStack = managementStackOf(stackConfig);
        const management =
            managementStack === undefined
                ? undefined
                : await preview(projectDir, readStackConfig(projectDir, managementStack), (name) => resolver.outputsOf(name));
        const { plan } = await preview(projectDir, stackConfig, (name) =>
            management !== undefined && name.split("/").pop() === managementStack ? management.outputs : resolver.outputsOf(name),
        );
        return { plan, managementPlan: management?.plan };
    } finally {
        process.chdir(previous);
    }
}

/** A plan file, its problems named by the option that gave it. */
function readPlanOption(option: string, file: string): Plan {
    try {
        return readPlan(file);
    } catch (err) {
        throw new UsageError(
            `${option}=${file}: expected a plan written by \`pulumi preview --json\` or \`npm run preview -- --json\` (${(err as Error).message.replace(/^--diff=[^:]*: /, "")})`,
        );
    }
}

/** Reads the plans from files; the management plan is needed unless the plan is the management stack's. */
export function readStackPlans(planFile: string, managementPlanFile: string | undefined): StackPlans {
    const plan = readPlanOption("--plan", planFile);
    if (managementPlanFile !== undefined) {
        return { plan, managementPlan: readPlanOption("--management-plan", managementPlanFile) };
    }
    if (!isManagement(plan.config)) {
        throw new UsageError(
            `--management-plan: expected the management stack's plan with --plan=${planFile} (an environment's SCPs, permission sets and archive are there)`,
        );
    }
    return { plan, managementPlan: plan };
}
