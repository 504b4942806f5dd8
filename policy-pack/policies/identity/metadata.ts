// Compliance references and documentation links of the identity family (the shared TAG, cis()
// and nist() helpers live in ../metadata.ts).
//
// Control ids as published: CIS AWS Foundations Benchmark v3.0.0 1.16 (no IAM policies that allow
// full "*:*" administrative privileges attached), 1.21 (IAM users managed centrally through
// identity federation or AWS Organizations); AWS Security Hub IAM.1 (the same as 1.16) and IAM.21
// (customer-managed policies without wildcard actions for services). NIST SP 800-53 r5 AC-2
// (account management), AC-3 (access enforcement), AC-6 (least privilege), AC-12 (session
// termination), IA-2 / IA-8 (identification and authentication of organisational and
// non-organisational users), IA-5 (authenticator management). PCI DSS v4.0 7.2.1 (access control
// model), 7.2.2 (least privileges), 8.2.2 (shared or generic accounts only by exception), 8.2.8
// (sessions re-authenticated after a bounded time), 8.6.3 (passwords and keys of system accounts
// protected against misuse). HIPAA 164.312(a)(1) is the Security Rule's access control standard,
// 164.312(a)(2)(iii) its automatic logoff; SOC 2 CC6.1 and CC6.3 cover logical access and its
// least privilege, CC6.2 the registration and removal of credentials.

import { PolicyComplianceFramework } from "@pulumi/policy";
import { cis, nist, TAG } from "../metadata";

/** CIS AWS Foundations v3.0.0 1.21: people sign in through federation, not as IAM users. */
export const CIS_1_21: PolicyComplianceFramework = cis(
    "1.21",
    "Ensure IAM users are managed centrally via identity federation or AWS Organizations for multi-account environments",
);

/** NIST SP 800-53 Rev. 5 AC-12: a session ends after a bounded time. */
export const NIST_AC_12: PolicyComplianceFramework = nist(
    "AC-12",
    "Automatically terminate a user session after organization-defined conditions or trigger events requiring session disconnect.",
);

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

/** Tags of the policies that bound how long a session lasts. */
export const SESSION_TAGS: readonly string[] = [
    "session-duration",
    TAG.nist("AC-12"),
    TAG.nist("IA-5"),
    TAG.pci("8.2.8"),
    TAG.hipaa("164.312(a)(2)(iii)"),
];

export const IDENTITY_DOCS = {
    trustPolicies: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#term_trust-policy",
    githubOidc: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub",
    oidcConditionKeys: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif",
    leastPrivilege: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    federationNotUsers: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp",
    roleSessionDuration:
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html#id_roles_update-session-duration",
    permissionSetSessionDuration: "https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html",
} as const;
