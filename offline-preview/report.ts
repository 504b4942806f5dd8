import type { PackInfo } from "./policy-analyzer";
import type { PolicyResult } from "./policy-results";
import { stepOperation, type RecordedResource, type StepOperation } from "./recorded-resource";

/** The column `pulumi preview` marks each step with. */
const STEP_SYMBOLS: Readonly<Record<StepOperation, string>> = { create: "+", import: "=", read: ">" };

export interface ReportInput {
    project: string;
    stack: string;
    view: "up" | "preview";
    resources: readonly RecordedResource[];
    /** The policy pack that ran; undefined when the run skipped it. */
    pack: PackInfo | undefined;
    policyResults: readonly PolicyResult[];
}

/** `aws:ec2/securityGroup:SecurityGroup` → `aws:ec2:SecurityGroup`, as `pulumi preview` shows types. */
export function displayType(type: string): string {
    const [pkg, module, kind] = type.split(":");
    if (pkg === undefined || module === undefined || kind === undefined) {
        return type;
    }
    const parts = module.split("/");
    const last = parts[parts.length - 1] ?? "";
    const shortModule = parts.length > 1 && last.toLowerCase() === kind.toLowerCase() ? parts.slice(0, -1).join("/") : module;
    return `${pkg}:${shortModule}:${kind}`;
}

export const viewDescriptions = {
    up: "values as `pulumi up` would see them: ids, ARNs and computed attributes invented offline",
    preview: "values as `pulumi preview` would see them: ids, ARNs and computed attributes unknown",
} as const;

/** The resource tree grouped by parent, counts by type and the policy results, as text. */
export function renderReport(input: ReportInput): string {
    const lines: string[] = [];
    lines.push(`Previewing stack ${input.stack} of project ${input.project} offline (no AWS account, no Pulumi CLI)`);
    lines.push(`View: ${viewDescriptions[input.view]}`);
    lines.push("");
    lines.push(...renderTree(input.resources));
    lines.push("");
    lines.push("Resources by type:");
    for (const [type, count] of countByType(input.resources)) {
        lines.push(`    ${String(count).padStart(5)}  ${displayType(type)}`);
    }
    for (const operation of Object.keys(STEP_SYMBOLS) as StepOperation[]) {
        const count = input.resources.filter((r) => stepOperation(r) === operation).length;
        if (count > 0 || operation === "create") {
            lines.push(`    ${String(count).padStart(5)}  to ${operation}`);
        }
    }
    const regions = countByRegion(input.resources);
    if (regions.length > 0) {
        lines.push("");
        lines.push("Resources by region (of the AWS provider each goes through):");
        for (const [region, count] of regions) {
            lines.push(`    ${String(count).padStart(5)}  ${region}`);
        }
    }
    lines.push("");
    lines.push(...renderPolicyResults(input.pack, input.policyResults, input.resources));
    return lines.join("\n");
}

function renderTree(resources: readonly RecordedResource[]): string[] {
    const children = new Map<string, RecordedResource[]>();
    for (const r of resources) {
        const siblings = children.get(r.parent) ?? [];
        siblings.push(r);
        children.set(r.parent, siblings);
    }
    const rows: [string, string, string][] = [];
    const walk = (r: RecordedResource, prefix: string, branch: string): void => {
        const operation = stepOperation(r);
        rows.push([
            `${prefix}${branch}${displayType(r.type)}`,
            operation === "create" ? r.name : `${r.name} (${operation})`,
            STEP_SYMBOLS[operation],
        ]);
        const kids = children.get(r.urn) ?? [];
        const childPrefix = prefix + (branch === "" ? "" : branch === "└─ " ? "   " : "│  ");
        kids.forEach((k, i) => walk(k, childPrefix, i === kids.length - 1 ? "└─ " : "├─ "));
    };
    for (const root of children.get("") ?? []) {
        walk(root, "", "");
    }
    const width = Math.min(Math.max(4, ...rows.map(([t]) => t.length)) + 2, 90);
    return [`     ${"Type".padEnd(width)}Name`, ...rows.map(([t, n, symbol]) => ` ${symbol}   ${t.padEnd(width)}${n}`)];
}

export function countByType(resources: readonly RecordedResource[]): [string, number][] {
    const counts = new Map<string, number>();
    for (const r of resources) {
        counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * AWS resources by the region of their provider (`region` of the `pulumi:providers:aws` their
 * provider reference names), in the order the providers were declared; a stack whose resources
 * all go through one region's providers shows that one region.
 */
export function countByRegion(resources: readonly RecordedResource[]): [string, number][] {
    const regionByProvider = new Map(
        resources
            .filter((r) => r.type === "pulumi:providers:aws")
            .map((p) => [`${p.urn}::${p.id}`, typeof p.inputs["region"] === "string" ? p.inputs["region"] : "(unknown)"]),
    );
    const counts = new Map<string, number>();
    for (const r of resources) {
        const region = regionByProvider.get(r.provider);
        if (region !== undefined) {
            counts.set(region, (counts.get(region) ?? 0) + 1);
        }
    }
    return [...counts];
}

/** A resource's short label for reports: its display type and name. */
export function resourceLabel(urn: string, resources: readonly RecordedResource[]): string {
    const r = resources.find((x) => x.urn === urn);
    return r === undefined ? urn || "(stack)" : `${displayType(r.type)} ${r.name}`;
}

function renderPolicyResults(
    pack: PackInfo | undefined,
    results: readonly PolicyResult[],
    resources: readonly RecordedResource[],
): string[] {
    if (pack === undefined) {
        return ["Policies: not run (--skip-policy-pack)"];
    }
    const mandatory = results.filter((r) => r.enforcementLevel === "mandatory").length;
    const header = `Policies: ${pack.name}@v${pack.version} (${pack.policies} policies)`;
    if (results.length === 0) {
        return [header, "    all policies passed"];
    }
    const remediated = results.filter((r) => r.enforcementLevel === "remediate").length;
    const lines = [
        header,
        `    ${mandatory} mandatory violation(s), ${results.length - mandatory - remediated} advisory finding(s), ${remediated} remediation(s)`,
    ];
    for (const r of results) {
        lines.push(`    - [${r.enforcementLevel}] [severity: ${r.severity}] ${r.policyName}  (${resourceLabel(r.urn, resources)})`);
        for (const line of r.message.trim().split("\n")) {
            lines.push(`        ${line}`);
        }
    }
    return lines;
}
