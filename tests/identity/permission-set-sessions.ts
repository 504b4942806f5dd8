// What a permission set's sessions are allowed by, for the permission-set policy tests.
import { PERMISSION_SETS, type AuditLogLocation, type PermissionSetKey } from "../../components/identity/permission-set-policies";
import { managedPolicyModel } from "../../access-matrix/managed-policy-models";
import type { PolicyDocument } from "../../iam/policy-document";

/** Everything a permission set's sessions are allowed by: its inline policy and the models of its managed policies. */
export function permissionSetPolicies(key: PermissionSetKey, location: AuditLogLocation): PolicyDocument[] {
    const definition = PERMISSION_SETS[key];
    return [definition.inlinePolicy(location), ...definition.managedPolicyArns.map(managedPolicyModel)];
}

/** The worst case for a Deny: the permission set's policies plus an Allow of every action on every resource. */
export function withEverythingAllowed(policies: readonly PolicyDocument[]): PolicyDocument[] {
    return [...policies, { Version: "2012-10-17", Statement: [{ Sid: "EverythingAllowed", Effect: "Allow", Action: "*", Resource: "*" }] }];
}
