// The identity family: who may act in an account and for how long (IAM users and their
// credentials, role and permission set sessions), and who may use a resource (resource policies
// open to anyone).

import { Policies } from "@pulumi/policy";
import { noIamUsers } from "./no-iam-users";
import { permissionSetSessionDuration } from "./permission-set-session-duration";
import { resourcePolicyPublic } from "./resource-policy-public";
import { roleSessionDuration } from "./role-session-duration";

export { noIamUsers, permissionSetSessionDuration, resourcePolicyPublic, roleSessionDuration };

export const identityPolicies: Policies = [noIamUsers, roleSessionDuration, permissionSetSessionDuration, resourcePolicyPublic];
