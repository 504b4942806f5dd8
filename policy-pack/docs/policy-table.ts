// The README's policy table, generated from the policies themselves (name, family, kind,
// severity, default enforcement, resource types per provider, framework and tags, config keys),
// so the documentation cannot drift from the code. `npm run docs` writes it into README.md
// between the markers; tests/policy-pack/readme.test.ts fails when the two differ.

import type { Policies } from "@pulumi/policy";
import { guardInfo } from "../policies/guard";
import { sectionIn, withSection } from "./markers";

export const TABLE_START = "<!-- policy-table:start -->";
export const TABLE_END = "<!-- policy-table:end -->";

const FAMILIES: Record<string, string> = {
    ingress: "1. No open ingress",
    tls: "2. TLS 1.2+",
    encryption: "3. Encryption at rest (CMK)",
    stack: "Stack-wide",
    workload: "5. Workloads",
    identity: "6. Identity",
    exemptions: "Exemptions",
};

type AnyPolicy = Policies[number];

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function code(items: readonly string[]): string {
    return items.length === 0 ? "—" : items.map((i) => `\`${cell(i)}\``).join(", ");
}

function family(name: string): string {
    const prefix = name.split("-")[0];
    return FAMILIES[prefix] ?? prefix;
}

/** The types a policy's validation functions declare (guardResource / guardStack record them). */
export function policyTypes(policy: AnyPolicy): { kind: "resource" | "stack"; types: string[] | undefined } {
    if ("validateStack" in policy) {
        const types = guardInfo(policy.validateStack)?.types;
        return { kind: "stack", types: types === undefined ? undefined : [...types] };
    }
    const validations: unknown[] = ([] as unknown[]).concat(policy.validateResource ?? []);
    const all = new Set<string>();
    for (const v of validations) {
        const types = guardInfo(v)?.types;
        if (types === undefined) {
            return { kind: "resource", types: undefined };
        }
        types.forEach((t) => all.add(t));
    }
    return { kind: "resource", types: [...all] };
}

function typesCell(types: string[] | undefined, provider: "classic" | "native", kind: "resource" | "stack"): string {
    if (types === undefined) {
        return kind === "stack" ? "whole stack" : "any (not declared)";
    }
    const native = types.filter((t) => t.startsWith("aws-native:")).sort();
    const other = types.filter((t) => !t.startsWith("aws-native:")).sort();
    return code(provider === "native" ? native : other);
}

function frameworkCell(policy: AnyPolicy): string {
    const f = policy.framework;
    const primary = f === undefined ? [] : [`${f.name ?? ""} ${f.version ?? ""} ${f.reference ?? ""}`.replace(/\s+/g, " ").trim()];
    return [...primary.map(cell), code(policy.tags ?? [])].filter((s) => s !== "" && s !== "—").join("; ") || "—";
}

/** The Markdown table of every policy, in pack order. `packEnforcement` is the pack's default level. */
export function policyTable(policies: Policies, packEnforcement = "mandatory"): string {
    const header = [
        "| Policy | Family | Kind | Severity | Enforcement (default) | Types: classic `@pulumi/aws` and others | Types: `@pulumi/aws-native` | Framework; tags | Config keys |",
        "|---|---|---|---|---|---|---|---|---|",
    ];
    const rows = policies.map((policy) => {
        const { kind, types } = policyTypes(policy);
        return [
            `\`${cell(policy.name)}\``,
            cell(family(policy.name)),
            kind,
            policy.severity ?? "unspecified",
            policy.enforcementLevel ?? packEnforcement,
            typesCell(types, "classic", kind),
            typesCell(types, "native", kind),
            frameworkCell(policy),
            code(Object.keys(policy.configSchema?.properties ?? {})),
        ].join(" | ");
    });
    return [...header, ...rows.map((r) => `| ${r} |`)].join("\n");
}

/** The README with its table (between the markers) replaced; throws when the markers are missing. */
export function withPolicyTable(readme: string, table: string): string {
    return withSection(readme, TABLE_START, TABLE_END, table);
}

/** The table currently between the markers (undefined when the markers are missing). */
export function tableIn(readme: string): string | undefined {
    return sectionIn(readme, TABLE_START, TABLE_END);
}
