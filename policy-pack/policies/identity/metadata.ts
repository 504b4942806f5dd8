// Compliance references and documentation links of the identity family (the shared TAG, cis()
// and nist() helpers live in ../metadata.ts).
//
// Control ids as published: CIS AWS Foundations Benchmark v3.0.0 1.16 (no IAM policies that allow
// full "*:*" administrative privileges attached); AWS Security Hub IAM.1 (the same) and IAM.21
// (customer-managed policies without wildcard actions for services). NIST SP 800-53 r5 AC-3
// (access enforcement), AC-6 (least privilege), IA-2 / IA-8 (identification and authentication of
// organisational and non-organisational users), IA-5 (authenticator management). PCI DSS v4.0
// 7.2.1 (access control model), 7.2.2 (least privileges). HIPAA 164.312(a)(1) is the Security Rule's
// access control standard; SOC 2 CC6.1 and CC6.3 cover logical access and its least privilege.

import { TAG } from "../metadata";

/** Tags every identity policy carries. */
export const IDENTITY_FAMILY_TAGS: readonly string[] = [
    "zero-trust",
    "identity",
    "iam",
    TAG.nist("AC-3"),
    TAG.pci("7.2.1"),
    TAG.soc2("CC6.1"),
    TAG.hipaa("164.312(a)(1)"),
];

export const IDENTITY_DOCS = {
    trustPolicies: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#term_trust-policy",
    githubOidc: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub",
    oidcConditionKeys: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif",
    leastPrivilege: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
} as const;
