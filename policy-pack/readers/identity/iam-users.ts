// IAM users and the long-lived credentials they hold, in both providers, as the identity family
// needs them: whose user each resource is, by the user's literal name.
//
//   aws:iam/user:User                               { name }
//   aws:iam/userLoginProfile:UserLoginProfile       { user }        a console password
//   aws:iam/accessKey:AccessKey                     { user }        an access key (long-lived API credential)
//   aws-native:iam:User                             { userName?, loginProfile? }  (the console password is inline)
//
// aws-native has no access key or login profile resource of its own. A user name that is an
// output of another resource is unknown during preview until that resource exists.

import { Props, Reading, Unknown } from "../known";
import { Odd, text } from "../tls/values";

export const CLASSIC_USER_TYPE = "aws:iam/user:User";
export const LOGIN_PROFILE_TYPE = "aws:iam/userLoginProfile:UserLoginProfile";
export const ACCESS_KEY_TYPE = "aws:iam/accessKey:AccessKey";
export const NATIVE_USER_TYPE = "aws-native:iam:User";

export const IAM_USER_TYPES: ReadonlySet<string> = new Set([CLASSIC_USER_TYPE, LOGIN_PROFILE_TYPE, ACCESS_KEY_TYPE, NATIVE_USER_TYPE]);

export type IamUserResourceKind = "user" | "login profile" | "access key";

export interface IamUserResourceView {
    kind: IamUserResourceKind;
    /** The user's name: the user's own, or that of the user the credential belongs to. */
    user: string | undefined | Unknown | Odd;
    /** The property the name was read from, for messages. */
    userProperty: string;
    /** Whether an aws-native user declares its console password inline (loginProfile). */
    inlineLoginProfile: boolean;
}

/** Reads an IAM user, login profile or access key of either provider; undefined for other types. */
export function readIamUserResource(type: string, props: Props, reading: Reading): IamUserResourceView | undefined {
    const view = (kind: IamUserResourceKind, userProperty: string, inlineLoginProfile = false): IamUserResourceView => ({
        kind,
        user: text(reading.get(props, userProperty)),
        userProperty,
        inlineLoginProfile,
    });
    switch (type) {
        case CLASSIC_USER_TYPE:
            return view("user", "name");
        case LOGIN_PROFILE_TYPE:
            return view("login profile", "user");
        case ACCESS_KEY_TYPE:
            return view("access key", "user");
        case NATIVE_USER_TYPE: {
            const loginProfile = reading.get(props, "loginProfile");
            return view("user", "userName", loginProfile !== null && typeof loginProfile === "object");
        }
        default:
            return undefined;
    }
}
