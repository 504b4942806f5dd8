// How long a session may last, of IAM roles and Identity Center permission sets in both providers:
//
//   aws:iam/role:Role                              { name, maxSessionDuration?: seconds }
//   aws-native:iam:Role                            { roleName?, maxSessionDuration?: seconds }
//   aws:ssoadmin/permissionSet:PermissionSet       { name, sessionDuration?: ISO-8601 text }
//   aws-native:sso:PermissionSet                   { name, sessionDuration?: ISO-8601 text }
//
// An unset value is AWS's default (one hour for both); the policies decide what that means.

import { readInteger } from "../../network/protocols";
import { Props, Reading, Unknown, UNKNOWN } from "../known";
import { ODD, Odd, text } from "../tls/values";

export const CLASSIC_ROLE_TYPE = "aws:iam/role:Role";
export const NATIVE_ROLE_TYPE = "aws-native:iam:Role";
export const ROLE_TYPES: ReadonlySet<string> = new Set([CLASSIC_ROLE_TYPE, NATIVE_ROLE_TYPE]);

export const PERMISSION_SET_TYPES: ReadonlySet<string> = new Set([
    "aws:ssoadmin/permissionSet:PermissionSet",
    "aws-native:sso:PermissionSet",
]);

type Text = string | undefined | Unknown | Odd;

export interface RoleSessionView {
    /** The role's name (the classic provider's auto-name counts: the engine fills it in before the pack sees it). */
    name: Text;
    /** maxSessionDuration in seconds; undefined when unset. */
    maxSessionSeconds: number | undefined | Unknown | Odd;
}

export interface PermissionSetSessionView {
    name: Text;
    /** sessionDuration as written (trimmed); undefined when unset. */
    sessionDuration: Text;
}

/** A whole number of seconds (also as text), undefined when absent, ODD for anything else. */
function wholeSeconds(value: unknown): number | undefined | Unknown | Odd {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    return value === undefined || value === null ? undefined : (readInteger(value) ?? ODD);
}

/** A role's name and longest session; undefined for other types. */
export function readRoleSession(type: string, props: Props, reading: Reading): RoleSessionView | undefined {
    if (!ROLE_TYPES.has(type)) {
        return undefined;
    }
    return {
        name: text(reading.get(props, type === CLASSIC_ROLE_TYPE ? "name" : "roleName")),
        maxSessionSeconds: wholeSeconds(reading.get(props, "maxSessionDuration")),
    };
}

/** A permission set's name and session length; undefined for other types. */
export function readPermissionSetSession(type: string, props: Props, reading: Reading): PermissionSetSessionView | undefined {
    if (!PERMISSION_SET_TYPES.has(type)) {
        return undefined;
    }
    return { name: text(reading.get(props, "name")), sessionDuration: text(reading.get(props, "sessionDuration")) };
}
