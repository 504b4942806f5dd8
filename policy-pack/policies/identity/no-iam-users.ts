// identity-no-iam-users: no IAM users, console passwords or access keys, except break-glass users.
//
// An IAM user holds long-lived credentials: a password and access keys that work until someone
// removes them, from anywhere. People sign in through Identity Center (federated with the
// corporate identity provider, MFA there); pipelines and workloads assume roles (OIDC, task and
// instance roles). The only users left are the break-glass ones, named in breakGlassUserNames:
// they and their login profiles pass. Their access keys still fail unless the user is also in
// breakGlassUsersWithAccessKeys: a break-glass user signs in with a password and MFA, and a key
// could leak without anyone signing in.
//
// A login profile or access key belongs to the user its `user` names (a literal name, or the
// user's name output). When the lists are empty nothing depends on that name; otherwise an
// unknown name leaves the verdict undecided until it is known.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { IAM_USER_TYPES, IamUserResourceView, readIamUserResource } from "../../readers/identity/iam-users";
import { UNKNOWN } from "../../readers/known";
import { show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { TAG } from "../metadata";
import { CIS_1_21, IDENTITY_DOCS, IDENTITY_FAMILY_TAGS } from "./metadata";
import { IdentitySettings, identitySettings } from "./settings";

export const NAME = "identity-no-iam-users";

const FIX =
    "Give people access through IAM Identity Center permission sets, and pipelines and workloads roles to assume " +
    "(GitHub OIDC, ECS task roles, instance profiles). For a break-glass user, list its name in breakGlassUserNames and " +
    "sign it in with a password and MFA, without access keys.";

/** The lists that would let this resource pass: its user must be in every one. */
function allowingLists(view: IamUserResourceView, settings: IdentitySettings): { name: string; names: ReadonlySet<string> }[] {
    const breakGlass = { name: "breakGlassUserNames", names: settings.breakGlassUserNames };
    return view.kind === "access key"
        ? [breakGlass, { name: "breakGlassUsersWithAccessKeys", names: settings.breakGlassUsersWithAccessKeys }]
        : [breakGlass];
}

/** What the resource is, for the start of a message. */
function subject(view: IamUserResourceView): string {
    const user = typeof view.user === "string" ? `IAM user ${show(view.user)}` : "an IAM user";
    switch (view.kind) {
        case "user":
            return `${user.charAt(0).toUpperCase()}${user.slice(1)}${view.inlineLoginProfile ? ", with a console password (loginProfile)," : ""}`;
        case "login profile":
            return `The console password of ${user}`;
        case "access key":
            return `An access key of ${user}`;
    }
}

export const noIamUsers: ResourceValidationPolicy = {
    name: NAME,
    displayName: "No IAM users or long-lived credentials outside break-glass users",
    description:
        "IAM users, their login profiles (console passwords) and access keys (classic User, UserLoginProfile, AccessKey; " +
        "aws-native User, whose loginProfile is inline) are refused unless the user is a break-glass user named in " +
        "breakGlassUserNames; a break-glass user's access key is refused too unless the user is also in " +
        "breakGlassUsersWithAccessKeys. People federate through Identity Center, pipelines and workloads assume roles.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: CIS_1_21,
    tags: [
        ...IDENTITY_FAMILY_TAGS,
        TAG.cis("1.21"),
        TAG.nist("AC-2"),
        TAG.nist("IA-2"),
        TAG.nist("IA-5"),
        TAG.pci("8.2.2"),
        TAG.pci("8.6.3"),
        TAG.soc2("CC6.2"),
        "long-lived-credentials",
    ],
    remediationSteps: FIX,
    url: IDENTITY_DOCS.federationNotUsers,
    configSchema: identitySettings.schema("breakGlassUserNames", "breakGlassUsersWithAccessKeys"),
    validateResource: guardResource(NAME, IAM_USER_TYPES, (args, props, report, reading) => {
        const view = readIamUserResource(args.type, props, reading);
        if (view === undefined) {
            return;
        }
        const lists = allowingLists(view, identitySettings.from(args));
        const user = view.user;
        let why: string;
        if (typeof user === "string") {
            const missing = lists.find((list) => !list.names.has(user));
            if (missing === undefined) {
                return;
            }
            why = `${show(user)} is not in ${missing.name}`;
        } else if (user === UNKNOWN) {
            // Only a list that names nobody decides before the name is known.
            const empty = lists.find((list) => list.names.size === 0);
            if (empty === undefined) {
                reading.markUndecided();
                return;
            }
            why = `${empty.name} names no user`;
        } else {
            why =
                user === undefined
                    ? `it sets no ${view.userProperty}, so it is no break-glass user`
                    : `its ${view.userProperty} is not a name`;
        }
        report(
            `${subject(view)} is refused: IAM users hold long-lived credentials that work from anywhere until someone removes them, and ${why}. ${FIX}`,
        );
    }),
};
