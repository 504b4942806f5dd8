// The resources of a plan (`pulumi preview --json` shape) as the access matrix reads them: each
// with the account and region of its provider and its tags merged with the provider's defaultTags.
import type { PolicyDocument } from "../iam/policy-document";
import type { Plan, PlanResourceState } from "../offline-preview/plan";

export interface PlanResource {
    readonly urn: string;
    /** The Pulumi name (last part of the URN). */
    readonly name: string;
    readonly type: string;
    readonly id?: string;
    readonly inputs: Readonly<Record<string, unknown>>;
    readonly outputs: Readonly<Record<string, unknown>>;
    /** The account its provider is pinned to (`allowedAccountIds`), if it says. */
    readonly account?: string;
    readonly region?: string;
    /** Its own tags over the provider's default tags, as AWS stores them. */
    readonly tags: Readonly<Record<string, string>>;
    /** The provider's default tag keys (the program's ownership marks). */
    readonly defaultTagKeys: readonly string[];
}

/** A provider input the engine passes JSON-encoded (lists and objects), decoded. */
export function decodedInput(value: unknown): unknown {
    if (typeof value === "string" && /^[[{]/.test(value)) {
        try {
            return JSON.parse(value) as unknown;
        } catch {
            return value;
        }
    }
    return value;
}

const stringRecord = (value: unknown): Record<string, string> =>
    value !== null && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(
              Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"),
          )
        : {};

/** Every resource the plan will have after the update (each step's new state). */
export function planResources(plan: Plan): PlanResource[] {
    const states = plan.steps.map((s) => s.newState).filter((s): s is PlanResourceState => s !== undefined);
    const providers = new Map(states.filter((s) => s.type.startsWith("pulumi:providers:")).map((s) => [`${s.urn}::${s.id ?? ""}`, s]));
    return states.map((s): PlanResource => {
        const provider = s.provider === undefined ? undefined : providers.get(s.provider);
        const accounts = decodedInput(provider?.inputs.allowedAccountIds);
        const defaultTags = stringRecord((decodedInput(provider?.inputs.defaultTags) as { tags?: unknown } | undefined)?.tags);
        const region = provider?.inputs.region;
        return {
            urn: s.urn,
            name: s.urn.split("::").pop() ?? s.urn,
            type: s.type,
            id: s.id,
            inputs: s.inputs,
            outputs: s.outputs ?? {},
            account: Array.isArray(accounts) && typeof accounts[0] === "string" ? accounts[0] : undefined,
            region: typeof region === "string" ? region : undefined,
            tags: { ...defaultTags, ...stringRecord(s.inputs.tags) },
            defaultTagKeys: Object.keys(defaultTags),
        };
    });
}

/** The resources of one type token (`aws:kms/key:Key`). */
export const ofType = (resources: readonly PlanResource[], type: string): PlanResource[] => resources.filter((r) => r.type === type);

/** A string input or output (inputs first: outputs of a preview may be unknown). */
export function textOf(r: PlanResource, key: string): string | undefined {
    const value = r.inputs[key] ?? r.outputs[key];
    return typeof value === "string" ? value : undefined;
}

/** A policy document held as a property (a JSON string or an object); `unknown` when the plan does not know it yet. */
export function policyOf(r: PlanResource, key: string): PolicyDocument | "unknown" | undefined {
    const value = decodedInput(r.inputs[key] ?? r.outputs[key]);
    if (value === undefined) {
        return undefined;
    }
    if (value !== null && typeof value === "object" && Array.isArray((value as { Statement?: unknown }).Statement)) {
        return value as PolicyDocument;
    }
    return "unknown";
}

/** A stack config value of the plan (`zero-trust-aws:<key>`), JSON-decoded. */
export function configOf(plan: Plan, key: string): unknown {
    return decodedInput(plan.config?.[`zero-trust-aws:${key}`]);
}
