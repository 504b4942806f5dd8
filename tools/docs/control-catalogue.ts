// The generated tables of docs/controls.md, family by family: each policy of the pack with what it
// refuses (its description), its default enforcement level, whether it can remediate, and the
// resource types it reads per provider; then the family's settings with their defaults. Written
// by `npm run docs` between the document's markers; tests/docs/generated-docs.test.ts fails when
// they differ from the pack.

import { policyTypes } from "../../policy-pack/docs/policy-table";
import { allPolicies } from "../../policy-pack/policies";
import { cell, literal, withSection } from "./markdown";

type Policy = (typeof allPolicies)[number];

/** A family of the pack: the policies whose names start with `prefix`. */
export interface ControlFamily {
    /** The name of its generated section in docs/controls.md. */
    readonly section: string;
    readonly prefix: string;
}

export const CONTROL_FAMILIES: readonly ControlFamily[] = [
    { section: "controls-ingress", prefix: "ingress-" },
    { section: "controls-tls", prefix: "tls-" },
    { section: "controls-encryption", prefix: "encryption-" },
    { section: "controls-stack-wide", prefix: "stack-" },
    { section: "controls-workload", prefix: "workload-" },
    { section: "controls-identity", prefix: "identity-" },
    { section: "controls-exemptions", prefix: "exemptions-" },
];

/** Every policy's config carries `exemptions`; the catalogue describes it once. */
const COMMON_SETTINGS = new Set(["exemptions"]);

function code(items: readonly string[]): string {
    return items.length === 0 ? "—" : items.map((item) => `\`${cell(item)}\``).join(", ");
}

function typesOf(policy: Policy, provider: "classic" | "native"): string {
    const { kind, types } = policyTypes(policy);
    if (types === undefined) {
        return kind === "stack" ? "the whole stack" : "any";
    }
    const native = (type: string): boolean => type.startsWith("aws-native:");
    return code(types.filter((type) => (provider === "native" ? native(type) : !native(type))).sort());
}

function policyRow(policy: Policy): string {
    return [
        `\`${policy.name}\``,
        cell(policy.description),
        policy.enforcementLevel ?? "mandatory",
        "remediateResource" in policy && policy.remediateResource !== undefined ? "yes" : "—",
        typesOf(policy, "classic"),
        typesOf(policy, "native"),
    ].join(" | ");
}

interface Setting {
    readonly name: string;
    readonly policies: string[];
    readonly default: unknown;
    readonly description: string;
}

function settingsOf(policies: readonly Policy[]): Setting[] {
    const settings = new Map<string, Setting>();
    for (const policy of policies) {
        for (const [name, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            if (COMMON_SETTINGS.has(name)) {
                continue;
            }
            const known = settings.get(name);
            if (known === undefined) {
                const { default: value, description } = schema as { default?: unknown; description?: string };
                settings.set(name, { name, policies: [policy.name], default: value, description: description ?? "" });
            } else {
                known.policies.push(policy.name);
            }
        }
    }
    return [...settings.values()];
}

/** The generated section of one family: its policies, then its settings (if any). */
export function familySection(family: ControlFamily, policies: readonly Policy[] = allPolicies): string {
    const members = policies.filter((policy) => policy.name.startsWith(family.prefix));
    if (members.length === 0) {
        throw new Error(`no policy of the pack starts with ${family.prefix}`);
    }
    const lines = [
        "| policy | refuses | enforcement (default) | remediates | types read: `@pulumi/aws` | types read: `@pulumi/aws-native` |",
        "|---|---|---|---|---|---|",
        ...members.map((policy) => `| ${policyRow(policy)} |`),
    ];
    const settings = settingsOf(members);
    if (settings.length > 0) {
        lines.push(
            "",
            "| setting | of | default | meaning |",
            "|---|---|---|---|",
            ...settings.map(
                (setting) =>
                    `| \`${setting.name}\` | ${code(setting.policies)} | ${setting.default === undefined ? "—" : `\`${cell(literal(setting.default))}\``} | ${cell(setting.description)} |`,
            ),
        );
    }
    return lines.join("\n");
}

/** docs/controls.md with every family's generated section brought up to date. */
export function withControlTables(doc: string, policies: readonly Policy[] = allPolicies): string {
    return CONTROL_FAMILIES.reduce((text, family) => withSection(text, family.section, familySection(family, policies)), doc);
}
