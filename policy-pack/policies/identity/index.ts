// The Identity as the perimeter family.

import { Policies } from "@pulumi/policy";
import { resourcePolicyPublic } from "./resource-policy-public";

export { resourcePolicyPublic };

export const identityPolicies: Policies = [resourcePolicyPublic];
