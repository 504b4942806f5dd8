// The trust policy of an IAM role, in both providers:
//
//   aws:iam/role:Role        { assumeRolePolicy: JSON text (or an object, or a getPolicyDocument result) }
//   aws-native:iam:Role      { assumeRolePolicyDocument: an object (or JSON text) }
//
// The classic provider's text is unknown during preview as soon as any part of it is an output
// (an account id, a provider's ARN): the whole document then reads as unknown.

import { Props, Reading } from "../known";
import { PolicyDocument, readPolicyDocument } from "./policy-document";

export const CLASSIC_ROLE_TYPE = "aws:iam/role:Role";
export const NATIVE_ROLE_TYPE = "aws-native:iam:Role";

/** Roles whose trust policy the family reads. */
export const ROLE_TYPES: ReadonlySet<string> = new Set([CLASSIC_ROLE_TYPE, NATIVE_ROLE_TYPE]);

/** The role's trust policy; undefined for another type or a role without one. */
export function trustPolicyOf(type: string, props: Props, reading: Reading): PolicyDocument | undefined {
    const raw =
        type === CLASSIC_ROLE_TYPE
            ? reading.get(props, "assumeRolePolicy")
            : type === NATIVE_ROLE_TYPE
              ? reading.get(props, "assumeRolePolicyDocument")
              : undefined;
    return raw === undefined || raw === null ? undefined : readPolicyDocument(raw, reading);
}
