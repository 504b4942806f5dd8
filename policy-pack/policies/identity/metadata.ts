// Compliance references and documentation links of the identity family (the shared TAG, cis(),
// nist() helpers live in ../metadata.ts).
//
// Control ids as published: CIS AWS Foundations Benchmark v3.0.0 1.21 (IAM users managed centrally
// through identity federation or AWS Organizations); NIST SP 800-53 Rev. 5 AC-2 (account
// management), IA-2 (identification and authentication of organizational users), IA-5
// (authenticator management), AC-12 (session termination); PCI DSS v4.0 8.2.2 (shared or generic
// accounts only by exception), 8.6.3 (passwords and keys of system accounts protected against
// misuse), 8.2.8 (sessions re-authenticated after a bounded time). HIPAA 164.312(a)(1) is the
// Security Rule's access control standard, 164.312(a)(2)(iii) its automatic logoff; SOC 2 CC6.1
// covers logical access, CC6.2 the registration and removal of credentials. Resources open to
// anyone: NIST AC-3 (access enforcement) and AC-21 (information sharing), PCI DSS v4.0 7.2.1
// (access assigned by need to know), and the AWS Security Hub controls Lambda.1 (function policies
// prohibit public access), KMS.5 (keys not publicly accessible) and SQS.3 (queue policies do not
// allow public access). Trust and grants: CIS 1.16 (no IAM policies that allow full "*:*"
// administrative privileges attached), AWS Security Hub IAM.1 (the same); NIST AC-6 (least
// privilege), IA-8 (identification and authentication of non-organisational users: federated CI);
// PCI DSS v4.0 7.2.2 (least privileges).

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
export const IDENTITY_FAMILY_TAGS: readonly string[] = ["zero-trust", "identity", "iam", TAG.soc2("CC6.1"), TAG.hipaa("164.312(a)(1)")];

/** Tags of the policies that bound how long a session lasts. */
export const SESSION_TAGS: readonly string[] = [
    "session-duration",
    TAG.nist("AC-12"),
    TAG.nist("IA-5"),
    TAG.pci("8.2.8"),
    TAG.hipaa("164.312(a)(2)(iii)"),
];

/** Tags of the policies that refuse access to anyone: a resource anyone may use has no perimeter. */
export const PUBLIC_ACCESS_TAGS: readonly string[] = [
    "public-access",
    TAG.nist("AC-3"),
    TAG.nist("AC-21"),
    TAG.pci("7.2.1"),
    TAG.securityHub("Lambda.1"),
    TAG.securityHub("KMS.5"),
    TAG.securityHub("SQS.3"),
];

/** Tags of the policies that judge who may assume a role or what a policy grants: access enforced by the policy itself. */
export const GRANT_TAGS: readonly string[] = [TAG.nist("AC-3"), TAG.pci("7.2.1")];

export const IDENTITY_DOCS = {
    federationNotUsers: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp",
    roleSessionDuration:
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html#id_roles_update-session-duration",
    permissionSetSessionDuration: "https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html",
    publicResourcePolicies: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html",
    trustPolicies: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#term_trust-policy",
    githubOidc: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub",
    oidcConditionKeys: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif",
    leastPrivilege: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
} as const;
