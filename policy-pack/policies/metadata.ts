// Shared policy metadata: compliance references, tags and documentation links.
//
// @pulumi/policy 1.21 has first-class `severity`, `framework` (ONE framework: name, version,
// reference, specification), `tags`, `remediationSteps` and `url`. The primary framework goes in
// `framework`; every further reference is a tag `<framework>:<control>` so the Pulumi Cloud UI and
// the offline report can filter by it.

import { PolicyComplianceFramework } from "@pulumi/policy";

export const CIS_AWS_V3 = { name: "CIS AWS Foundations Benchmark", version: "3.0.0" } as const;

/** The CIS AWS Foundations v3.0.0 control as a `framework` value. */
export function cis(reference: string, specification: string): PolicyComplianceFramework {
    return { ...CIS_AWS_V3, reference, specification };
}

export const NIST_800_53_R5 = { name: "NIST SP 800-53", version: "Rev. 5" } as const;

export const PCI_DSS_V4 = { name: "PCI DSS", version: "4.0" } as const;

/** Every framework the pack's policies name, each spelt once (Pulumi Cloud groups by name and version). */
export const FRAMEWORKS = [CIS_AWS_V3, NIST_800_53_R5, PCI_DSS_V4] as const;

/** The NIST SP 800-53 Rev. 5 control as a `framework` value (for policies no CIS control covers). */
export function nist(reference: string, specification: string): PolicyComplianceFramework {
    return { ...NIST_800_53_R5, reference, specification };
}

/** Tags naming the controls a policy implements, e.g. `pci-dss-v4.0:1.3.1`. */
export const TAG = {
    cis: (control: string) => `cis-aws-foundations-v3.0.0:${control}`,
    pci: (control: string) => `pci-dss-v4.0:${control}`,
    nist: (control: string) => `nist-800-53-r5:${control}`,
    soc2: (control: string) => `soc2:${control}`,
} as const;

/** Tags every open-ingress policy carries. */
export const INGRESS_FAMILY_TAGS: readonly string[] = [
    "zero-trust",
    "network",
    "ingress",
    TAG.pci("1.3.1"),
    TAG.pci("1.4.2"),
    TAG.nist("SC-7"),
    TAG.nist("SC-7(5)"),
    TAG.soc2("CC6.6"),
];

export const AWS_DOCS = {
    securityGroupRules: "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
    networkAcls: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
    prefixLists: "https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html",
    albSecurityGroups: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html",
    suppressedFindings: "https://docs.aws.amazon.com/securityhub/latest/userguide/finding-workflow-status.html",
} as const;
