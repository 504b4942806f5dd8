// The identity family: who may act in an account and for how long (IAM users and their
// credentials, role and permission set sessions), who may assume a role (trust policies, CI
// identities), what identity policies grant, and who may use a resource (resource policies open
// to anyone).

import { Policies } from "@pulumi/policy";
import { noIamUsers } from "./no-iam-users";
import { oidcTrustPinned } from "./oidc-trust-pinned";
import { permissionSetSessionDuration } from "./permission-set-session-duration";
import { policyAdminAccess } from "./policy-admin-access";
import { resourcePolicyPublic } from "./resource-policy-public";
import { roleSessionDuration } from "./role-session-duration";
import { trustPolicyOpenPrincipal } from "./trust-policy-open-principal";

export {
    noIamUsers,
    oidcTrustPinned,
    permissionSetSessionDuration,
    policyAdminAccess,
    resourcePolicyPublic,
    roleSessionDuration,
    trustPolicyOpenPrincipal,
};

export const identityPolicies: Policies = [
    noIamUsers,
    trustPolicyOpenPrincipal,
    oidcTrustPinned,
    policyAdminAccess,
    roleSessionDuration,
    permissionSetSessionDuration,
    resourcePolicyPublic,
];
