// The identity family: who may act in an account and for how long (IAM users and their
// credentials, role and permission set sessions).

import { Policies } from "@pulumi/policy";
import { noIamUsers } from "./no-iam-users";
import { permissionSetSessionDuration } from "./permission-set-session-duration";
import { roleSessionDuration } from "./role-session-duration";

export { noIamUsers, permissionSetSessionDuration, roleSessionDuration };

export const identityPolicies: Policies = [noIamUsers, roleSessionDuration, permissionSetSessionDuration];
