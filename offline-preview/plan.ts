import { z } from "zod";
import { propertyPath } from "../validation/property-paths";
import { UsageError } from "./errors";
import { readJsonFile } from "./json-file";
import type { PolicyResult } from "./policy-results";
import { stepOperation, type RecordedResource } from "./recorded-resource";
import type { StackConfig } from "./stack-config";
import { displayValue } from "./wire-values";

/** `apitype.ResourceV3` as `pulumi preview --json` writes it in `steps[].newState`. */
export interface PlanResourceState {
    urn: string;
    custom: boolean;
    type: string;
    id?: string;
    inputs: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    parent?: string;
    provider?: string;
    protect?: boolean;
    retainOnDelete?: boolean;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    additionalSecretOutputs?: string[];
    aliases?: string[];
    ignoreChanges?: string[];
    replaceOnChanges?: string[];
    deleteBeforeReplace?: boolean;
    deletedWith?: string;
    importID?: string;
    customTimeouts?: Record<string, string | undefined>;
}

export interface PlanStep {
    op: string;
    urn: string;
    provider?: string;
    oldState?: PlanResourceState;
    newState?: PlanResourceState;
}

export interface PlanDiagnostic {
    urn?: string;
    prefix?: string;
    message: string;
    severity: "error" | "warning" | "info";
}

/**
 * The preview digest of `pulumi preview --json` (`config`, `steps`, `diagnostics`, `duration` in
 * nanoseconds, `changeSummary`), so tools that read a real preview read this one too. Policy
 * results, which the real digest leaves out, ride along in `diagnostics` and in full in
 * `policyResults`; readers of the real shape ignore the extra field.
 */
export interface Plan {
    config?: Record<string, string>;
    steps: PlanStep[];
    diagnostics?: PlanDiagnostic[];
    duration?: number;
    changeSummary?: Record<string, number>;
    policyResults?: PolicyResult[];
}

/**
 * The plan of a first deployment: a `create` step per registration (`import` for one adopted with
 * the import option), a `read` step per read.
 */
export function buildPlan(
    resources: RecordedResource[],
    stackConfig: StackConfig,
    policyResults: PolicyResult[],
    durationMs: number,
): Plan {
    const steps = resources.map((r): PlanStep => ({
        op: stepOperation(r),
        urn: r.urn,
        ...(r.provider ? { provider: r.provider } : {}),
        newState: planState(r),
    }));
    const config: Record<string, string> = {};
    for (const [key, value] of Object.entries(stackConfig.config)) {
        config[key] = stackConfig.secretKeys.includes(key) ? "[secret]" : value;
    }
    return {
        config,
        steps,
        diagnostics: policyResults.map((p) => ({
            ...(p.urn ? { urn: p.urn } : {}),
            prefix: `${p.enforcementLevel}: `,
            message: `[${p.policyName}] ${p.message}`,
            severity: p.enforcementLevel === "mandatory" ? "error" : p.enforcementLevel === "remediate" ? "info" : "warning",
        })),
        duration: Math.round(durationMs * 1e6),
        changeSummary: countBy(steps.map((s) => s.op)),
        policyResults,
    };
}

function countBy(ops: string[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const op of ops) {
        counts[op] = (counts[op] ?? 0) + 1;
    }
    return counts;
}

function planState(r: RecordedResource): PlanResourceState {
    const o = r.options;
    return {
        urn: r.urn,
        custom: r.custom,
        type: r.type,
        ...(r.id ? { id: r.id } : {}),
        inputs: displayValue(r.inputs) as Record<string, unknown>,
        outputs: displayValue(r.outputs) as Record<string, unknown>,
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.provider ? { provider: r.provider } : {}),
        ...(o.protect ? { protect: true } : {}),
        ...(o.retainOnDelete ? { retainOnDelete: true } : {}),
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        ...(o.additionalSecretOutputs.length ? { additionalSecretOutputs: o.additionalSecretOutputs } : {}),
        ...(o.aliases.length ? { aliases: o.aliases } : {}),
        ...(o.ignoreChanges.length ? { ignoreChanges: o.ignoreChanges } : {}),
        ...(o.replaceOnChanges.length ? { replaceOnChanges: o.replaceOnChanges } : {}),
        ...(o.deleteBeforeReplace !== undefined ? { deleteBeforeReplace: o.deleteBeforeReplace } : {}),
        ...(o.deletedWith ? { deletedWith: o.deletedWith } : {}),
        ...(o.importId ? { importID: o.importId } : {}),
        ...(o.customTimeouts ? { customTimeouts: o.customTimeouts } : {}),
    };
}

/** The plan as `--json` writes it. */
export function planJson(plan: Plan): string {
    return `${JSON.stringify(plan, undefined, 4)}\n`;
}

// What the diff reads of a base plan, checked before it is trusted: a JSON document that is not a
// plan (a Terraform plan, a step without a type) is refused, not read as an empty plan.
const baseState = z.looseObject({
    urn: z.string(),
    type: z.string(),
    inputs: z.record(z.string(), z.unknown()).nullish(),
    provider: z.string().optional(),
    protect: z.boolean().optional(),
});
const basePlan = z
    .looseObject({
        steps: z.array(z.looseObject({ op: z.string(), urn: z.string(), newState: baseState.optional() })).optional(),
        changeSummary: z.record(z.string(), z.number()).optional(),
    })
    // `pulumi preview --json` leaves `steps` out when nothing changes, but always writes a changeSummary.
    .refine((plan) => plan.steps !== undefined || plan.changeSummary !== undefined, { message: "a plan has steps[] or a changeSummary" });

/** Reads a plan written by this tool or by `pulumi preview --json`; anything else is a one-line UsageError. */
export function readPlan(file: string): Plan {
    const expected = `--diff=${file}: expected a plan written by \`pulumi preview --json\` or \`--json\``;
    const parsed = readJsonFile(file, (reason) => {
        throw new UsageError(`${expected} (${reason})`);
    });
    const result = basePlan.safeParse(parsed);
    if (!result.success) {
        const issue = result.error.issues[0];
        const where = propertyPath(issue.path);
        throw new UsageError(`${expected} (${where === "" ? "" : `${where}: `}${issue.message.split("\n")[0]})`);
    }
    return { ...(parsed as Partial<Plan>), steps: (result.data.steps ?? []) as PlanStep[] };
}
