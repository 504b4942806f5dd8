// The identity family: who may act in an account and for how long: who may assume a role, what
// identity policies grant, IAM users and their credentials, role and permission set sessions.

import { Policies } from "@pulumi/policy";
import { noIamUsers } from "./no-iam-users";
import { oidcTrustPinned } from "./oidc-trust-pinned";
import { permissionSetSessionDuration } from "./permission-set-session-duration";
import { policyAdminAccess } from "./policy-admin-access";
import { roleSessionDuration } from "./role-session-duration";
import { trustPolicyOpenPrincipal } from "./trust-policy-open-principal";

export { noIamUsers, oidcTrustPinned, permissionSetSessionDuration, policyAdminAccess, roleSessionDuration, trustPolicyOpenPrincipal };

export const identityPolicies: Policies = [
    trustPolicyOpenPrincipal,
    oidcTrustPinned,
    policyAdminAccess,
    noIamUsers,
    roleSessionDuration,
    permissionSetSessionDuration,
];
