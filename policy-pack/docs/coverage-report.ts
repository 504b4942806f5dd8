// The README's "Not yet covered" report: the provider resource types (both SDKs) that hold data at
// rest, accept network ingress or terminate TLS, and that no policy of the pack declares. A type
// is found by the top-level properties it takes (its `<Name>Args`/`<Name>State`, see
// provider-schemas.ts), named in INDICATORS; each listed type carries the reason written for it in
// not-yet-covered.ts, and tests/policy-pack/coverage-report.test.ts fails when one has none or a
// reason names a type the report no longer lists.

import type { Policies } from "@pulumi/policy";
import { policyTypes } from "./policy-table";
import { providerResources, resourceInputs } from "./provider-schemas";

export const REPORT_START = "<!-- not-yet-covered:start -->";
export const REPORT_END = "<!-- not-yet-covered:end -->";

export type Concern = "data at rest" | "ingress" | "TLS";

/**
 * The property names that mark a concern. Chosen as the names by which the SDKs let an author
 * choose a key, switch encryption at rest on, open a port or address range, or pick a TLS policy:
 *   data at rest   the key (kmsKeyId, kmsKeyArn, kmsMasterKeyId, kmsKeyIdentifier, kmsKey,
 *                  encryptionKeyArn), the switch (encrypted, storageEncrypted, encryptAtRest,
 *                  encryptionAtRest, atRestEncryptionEnabled) or the block holding both
 *                  (encryptionConfiguration(s), encryptionConfig, encryptionOptions,
 *                  serverSideEncryption, sseSpecification);
 *   ingress        inline rules (ingress, securityGroupIngress) and source ranges (cidrBlocks,
 *                  ipv6CidrBlocks, cidrIp, cidrIpv4, cidrIpv6), and Lightsail's public ports (portInfos);
 *   TLS            the policy or minimum version (sslPolicy, tlsPolicy, securityPolicy,
 *                  minimumTlsVersion, minimumProtocolVersion, tlsSecurityPolicy), in-transit
 *                  switches (transitEncryptionEnabled) and client TLS modes (sslMode).
 * Left out on purpose: `keyId` (also names keys of API usage plans, KMS grants and key policies,
 * which hold no data) and `cidrBlock` (a VPC's or subnet's own range, not a source of traffic).
 */
export const INDICATORS: Readonly<Record<Concern, readonly string[]>> = {
    "data at rest": [
        "kmsKeyId",
        "kmsKeyArn",
        "kmsMasterKeyId",
        "kmsKeyIdentifier",
        "kmsKey",
        "encryptionKeyArn",
        "encrypted",
        "storageEncrypted",
        "encryptAtRest",
        "encryptionAtRest",
        "atRestEncryptionEnabled",
        "encryptionConfiguration",
        "encryptionConfigurations",
        "encryptionConfig",
        "encryptionOptions",
        "serverSideEncryption",
        "sseSpecification",
    ],
    ingress: ["ingress", "securityGroupIngress", "cidrBlocks", "ipv6CidrBlocks", "cidrIp", "cidrIpv4", "cidrIpv6", "portInfos"],
    TLS: [
        "sslPolicy",
        "tlsPolicy",
        "securityPolicy",
        "minimumTlsVersion",
        "minimumProtocolVersion",
        "tlsSecurityPolicy",
        "transitEncryptionEnabled",
        "sslMode",
    ],
};

export interface UncoveredType {
    type: string;
    /** The SDK module, which names the service (`rds`, `neptune`). */
    service: string;
    /** The indicator properties it takes. */
    properties: string[];
}

/** The types of both SDKs that take an indicator property and that no policy declares, by service and type. */
export function uncoveredTypes(policies: Policies): UncoveredType[] {
    const declared = new Set(policies.flatMap((policy) => policyTypes(policy).types ?? []));
    const indicators = Object.values(INDICATORS).flat();
    const found: UncoveredType[] = [];
    for (const resource of providerResources().values()) {
        const properties = resourceInputs(resource.type) ?? new Set<string>();
        const marked = indicators.filter((name) => properties.has(name));
        if (marked.length > 0 && !declared.has(resource.type)) {
            found.push({ type: resource.type, service: resource.module, properties: marked });
        }
    }
    return found.sort((a, b) => a.service.localeCompare(b.service) || a.type.localeCompare(b.type));
}

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** The Markdown table of the uncovered types, grouped by service, each with its reason (or "(no reason)"). */
export function coverageReport(uncovered: readonly UncoveredType[], reasons: Readonly<Record<string, string>>): string {
    const rows = uncovered.map((entry, i) => {
        const service = i > 0 && uncovered[i - 1].service === entry.service ? "" : `**${entry.service}**`;
        const properties = entry.properties.map((p) => `\`${p}\``).join(", ");
        return `| ${service} | \`${entry.type}\` | ${properties} | ${cell(reasons[entry.type] ?? "(no reason)")} |`;
    });
    return [
        `${uncovered.length} resource types, both providers.`,
        "",
        "| Service | Type | Properties | Why no policy reads it |",
        "|---|---|---|---|",
        ...rows,
    ].join("\n");
}
