// Shared policy metadata: the compliance frameworks and tag spellings every family uses. Each
// family keeps its own tags and documentation links in its metadata.ts.
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

/** The NIST SP 800-53 Rev. 5 control as a `framework` value (for policies no CIS control covers). */
export function nist(reference: string, specification: string): PolicyComplianceFramework {
    return { ...NIST_800_53_R5, reference, specification };
}

export const PCI_DSS_V4 = { name: "PCI DSS", version: "4.0" } as const;

/** The PCI DSS v4.0 requirement as a `framework` value. */
export function pci(reference: string, specification: string): PolicyComplianceFramework {
    return { ...PCI_DSS_V4, reference, specification };
}

/** Every framework the pack's policies name, each spelt once (Pulumi Cloud groups by name and version). */
export const FRAMEWORKS = [CIS_AWS_V3, NIST_800_53_R5, PCI_DSS_V4] as const;

/** Tags naming the controls a policy implements, e.g. `pci-dss-v4.0:1.3.1`: one spelling per framework. */
export const TAG = {
    cis: (control: string) => `cis-aws-foundations-v3.0.0:${control}`,
    pci: (control: string) => `pci-dss-v4.0:${control}`,
    nist: (control: string) => `nist-800-53-r5:${control}`,
    soc2: (control: string) => `soc2:${control}`,
    hipaa: (section: string) => `hipaa:${section}`,
    /** An AWS Security Hub control id (Foundational Security Best Practices), e.g. `ELB.1`. */
    securityHub: (control: string) => `aws-securityhub:${control}`,
} as const;
