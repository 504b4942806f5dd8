import { isDeepStrictEqual } from "node:util";
import type { Plan, PlanResourceState } from "./plan";
import type { PolicyResult } from "./policy-results";
import { displayType } from "./report";

export interface PlanDiff {
    added: PlanResourceState[];
    removed: PlanResourceState[];
    changed: { before: PlanResourceState; after: PlanResourceState; keys: string[] }[];
    unchanged: number;
}

/** Resources added, removed and changed (by input keys) between two plans, matched by URN. */
export function diffPlans(base: Plan, head: Plan): PlanDiff {
    const states = (plan: Plan): Map<string, PlanResourceState> =>
        new Map(plan.steps.filter((s) => s.newState !== undefined).map((s) => [s.urn, s.newState as PlanResourceState]));
    const before = states(base);
    const after = states(head);
    const diff: PlanDiff = { added: [], removed: [], changed: [], unchanged: 0 };
    for (const [urn, state] of after) {
        const old = before.get(urn);
        if (old === undefined) {
            diff.added.push(state);
            continue;
        }
        const keys = [...new Set([...Object.keys(old.inputs ?? {}), ...Object.keys(state.inputs ?? {})])]
            .filter((k) => !isDeepStrictEqual(old.inputs?.[k], state.inputs?.[k]))
            .sort();
        if (keys.length > 0 || old.protect !== state.protect || old.provider !== state.provider) {
            diff.changed.push({ before: old, after: state, keys });
        } else {
            diff.unchanged++;
        }
    }
    for (const [urn, state] of before) {
        if (!after.has(urn)) {
            diff.removed.push(state);
        }
    }
    return diff;
}

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
const nameOf = (urn: string): string => urn.split("::").pop() ?? urn;

/** A pull-request comment: what changes against the base plan, and what the policy pack says. */
export function renderMarkdown(stack: string, diff: PlanDiff, results: readonly PolicyResult[]): string {
    const mandatory = results.filter((r) => r.enforcementLevel === "mandatory");
    const verdict =
        mandatory.length > 0
            ? `:x: **${mandatory.length} mandatory policy violation(s)**: this change cannot be deployed`
            : ":white_check_mark: no mandatory policy violations";
    const out: string[] = [
        `### Offline preview of stack \`${stack}\``,
        "",
        `${verdict}. Resources: **+${diff.added.length}** to add, **~${diff.changed.length}** to change, **-${diff.removed.length}** to remove, ${diff.unchanged} unchanged.`,
        "",
    ];
    const section = (title: string, rows: string[][], head: string[]): void => {
        if (rows.length === 0) {
            return;
        }
        out.push(`<details${title.startsWith("Policy") ? " open" : ""}><summary>${title} (${rows.length})</summary>`, "");
        out.push(`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`);
        out.push(...rows.map((r) => `| ${r.map(cell).join(" | ")} |`));
        out.push("", "</details>", "");
    };
    section(
        "Policy results",
        results.map((r) => [r.enforcementLevel, r.severity, `\`${r.policyName}\``, r.urn ? `\`${nameOf(r.urn)}\`` : "(stack)", r.message]),
        ["Level", "Severity", "Policy", "Resource", "Message"],
    );
    section(
        "To add",
        diff.added.map((s) => ["+", `\`${displayType(s.type)}\``, `\`${nameOf(s.urn)}\``]),
        ["", "Type", "Name"],
    );
    section(
        "To change",
        diff.changed.map((c) => ["~", `\`${displayType(c.after.type)}\``, `\`${nameOf(c.after.urn)}\``, c.keys.join(", ") || "options"]),
        ["", "Type", "Name", "Changed inputs"],
    );
    section(
        "To remove",
        diff.removed.map((s) => ["-", `\`${displayType(s.type)}\``, `\`${nameOf(s.urn)}\``]),
        ["", "Type", "Name"],
    );
    return `${out.join("\n").trimEnd()}\n`;
}
