// The identity family: who may assume a role, and what identity policies grant.

import { Policies } from "@pulumi/policy";
import { oidcTrustPinned } from "./oidc-trust-pinned";
import { policyAdminAccess } from "./policy-admin-access";
import { trustPolicyOpenPrincipal } from "./trust-policy-open-principal";

export { oidcTrustPinned, policyAdminAccess, trustPolicyOpenPrincipal };

export const identityPolicies: Policies = [trustPolicyOpenPrincipal, oidcTrustPinned, policyAdminAccess];
