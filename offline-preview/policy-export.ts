import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./errors";
import type { Plan, PlanResourceState } from "./plan";
import { policyDocumentTypes, type AnalyzerPolicyType, type PolicyDocumentType } from "./policy-document-types";
import { containsUnknown, UNKNOWN } from "./wire-values";

/** One exported document, as `index.json` describes it. */
export interface ExportedPolicy {
    urn: string;
    type: string;
    kind: string;
    /** The entry of a role's `inlinePolicies` the document is, for a role's inline policies. */
    policyName?: string;
    policyType: AnalyzerPolicyType;
    validatePolicyResourceType?: string;
    publicAccessResourceType?: string;
}

/**
 * A document the plan holds but that was not written: unknown until deployment (a preview's
 * computed ARNs), a secret (masked in the plan), or not a JSON policy at all.
 */
export interface UnwrittenPolicy extends ExportedPolicy {
    reason: "unknown" | "secret" | "invalid";
}

/** `index.json`: every file written, by file name, and every document that was not. */
export interface PolicyIndex {
    stack: string;
    policies: Record<string, ExportedPolicy>;
    unwritten: UnwrittenPolicy[];
}

export const policyIndexFile = "index.json";

/** What `displayValue` turns a secret into in the plan. */
const MASKED_SECRET = "[secret]";

type Parsed = { document: Record<string, unknown> } | { reason: UnwrittenPolicy["reason"] };

/** A policy input as a document: a JSON string or an object; unknown, secret or invalid otherwise. */
function parseDocument(value: unknown): Parsed {
    if (value === MASKED_SECRET) {
        return { reason: "secret" };
    }
    // A string built from an unknown output is unknown as a whole; an object may hold one inside.
    if ((typeof value === "string" && value.includes(UNKNOWN)) || containsUnknown(value)) {
        return { reason: "unknown" };
    }
    let document: unknown = value;
    if (typeof value === "string") {
        try {
            document = JSON.parse(value);
        } catch {
            return { reason: "invalid" };
        }
    }
    return document !== null && typeof document === "object" && !Array.isArray(document) && "Statement" in document
        ? { document }
        : { reason: "invalid" };
}

/** The documents an input holds: one, or one per `{ name, policy }` entry (a role's inlinePolicies). */
function documentsOf(row: PolicyDocumentType, value: unknown): { policyName?: string; value: unknown }[] {
    if (row.holds === "document") {
        return [{ value }];
    }
    if (!Array.isArray(value)) {
        return [{ value }]; // unknown or secret as a whole: listed as such, never dropped
    }
    return value.map((entry: unknown) => {
        const e = (entry ?? {}) as { name?: unknown; policy?: unknown };
        return { policyName: typeof e.name === "string" ? e.name : undefined, value: e.policy };
    });
}

function holdsKind(row: PolicyDocumentType, state: PlanResourceState): boolean {
    if (row.type !== state.type || state.inputs[row.input] === undefined || state.inputs[row.input] === null) {
        return false;
    }
    return row.only === undefined || (state.inputs[row.only.input] ?? row.only.unset) === row.only.equals;
}

export interface FoundPolicy {
    /** File name, unique in the export: `<resource>.<kind>[.<policy name>].json`. */
    file: string;
    entry: ExportedPolicy;
    parsed: Parsed;
}

/** Letters, digits, `.`, `_` and `-` only: safe on every filesystem and in a shell word. */
const safe = (text: string): string => text.replace(/[^A-Za-z0-9._-]/g, "_");

/** Every policy document the plan's resources hold, in plan order, each with a unique file name. */
export function findPolicies(plan: Plan): FoundPolicy[] {
    const taken = new Set<string>();
    const unique = (stem: string): string => {
        let file = `${stem}.json`;
        for (let n = 2; taken.has(file.toLowerCase()); n++) {
            file = `${stem}-${n}.json`;
        }
        taken.add(file.toLowerCase()); // case-insensitive filesystems (macOS) must not merge two
        return file;
    };
    const found: FoundPolicy[] = [];
    for (const state of plan.steps.map((s) => s.newState)) {
        if (state === undefined) {
            continue;
        }
        const name = state.urn.split("::").pop() ?? state.urn;
        for (const row of policyDocumentTypes.filter((r) => holdsKind(r, state))) {
            for (const { policyName, value } of documentsOf(row, state.inputs[row.input])) {
                const entry: ExportedPolicy = {
                    urn: state.urn,
                    type: state.type,
                    kind: row.kind,
                    ...(policyName !== undefined ? { policyName } : {}),
                    policyType: row.policyType,
                    ...(row.validateResourceType ? { validatePolicyResourceType: row.validateResourceType } : {}),
                    ...(row.publicAccessResourceType ? { publicAccessResourceType: row.publicAccessResourceType } : {}),
                };
                const stem = [name, row.kind, ...(policyName !== undefined ? [policyName] : [])].map(safe).join(".");
                found.push({ file: unique(stem), entry, parsed: parseDocument(value) });
            }
        }
    }
    return found;
}

/**
 * Refuses a `--policies-out` that is a file or a folder with something in it, before the preview
 * runs: files left from another run would be checked as if this plan held them.
 */
export function checkPoliciesOut(dir: string): void {
    if (dir.trim() === "") {
        throw new UsageError("--policies-out: expected the path of a new or empty directory");
    }
    if (!fs.existsSync(dir)) {
        return;
    }
    if (!fs.statSync(dir).isDirectory()) {
        throw new UsageError(`--policies-out=${dir}: expected a new or empty directory, but it is a file`);
    }
    const entries = fs.readdirSync(dir);
    if (entries.length > 0) {
        throw new UsageError(
            `--policies-out=${dir}: expected a new or empty directory, but it holds ${entries.length} entries (${entries[0]}, …)`,
        );
    }
}

/** Writes each known document as `<file>` and the index of them all; returns the index. */
export function writePolicies(dir: string, stack: string, plan: Plan): PolicyIndex {
    fs.mkdirSync(dir, { recursive: true });
    const index: PolicyIndex = { stack, policies: {}, unwritten: [] };
    for (const { file, entry, parsed } of findPolicies(plan)) {
        if ("document" in parsed) {
            fs.writeFileSync(path.join(dir, file), `${JSON.stringify(parsed.document, undefined, 2)}\n`);
            index.policies[file] = entry;
        } else {
            index.unwritten.push({ ...entry, reason: parsed.reason });
        }
    }
    fs.writeFileSync(path.join(dir, policyIndexFile), `${JSON.stringify(index, undefined, 2)}\n`);
    return index;
}
