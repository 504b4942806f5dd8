// Compliance references and documentation links of the identity family (the shared TAG, cis()
// and nist() helpers live in ../metadata.ts).
//
// AWS Security Hub controls as published: Lambda.1 (Lambda function policies prohibit public
// access), KMS.5 (KMS keys are not publicly accessible) and SQS.3 (SQS queue access policies do
// not allow public access), each mapped to NIST SP 800-53 r5 AC-3 and AC-21 among others. PCI DSS
// v4.0 7.2.1: access is assigned by need to know; SOC 2 CC6.1: logical access is restricted.

import { TAG } from "../metadata";

/** Tags every identity policy carries. */
export const IDENTITY_FAMILY_TAGS: readonly string[] = [
    "zero-trust",
    "identity",
    "iam",
    TAG.nist("AC-3"),
    TAG.pci("7.2.1"),
    TAG.soc2("CC6.1"),
];

/** Tags of the policies that refuse access to anyone: a resource anyone may use has no perimeter. */
export const PUBLIC_ACCESS_TAGS: readonly string[] = [
    ...IDENTITY_FAMILY_TAGS,
    "public-access",
    TAG.nist("AC-21"),
    TAG.securityHub("Lambda.1"),
    TAG.securityHub("KMS.5"),
    TAG.securityHub("SQS.3"),
];

export const IDENTITY_DOCS = {
    publicResourcePolicies: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html",
} as const;
