import { resource } from "../harness";
import type { BypassCase } from "./bypass-case";

// The identity family's users and sessions. Tries: an access key hung on a break-glass user, a
// name that only looks like the break-glass one, a user whose password is inline (aws-native),
// a role session written as text, and permission set sessions spelt in minutes or in days.

const BREAK_GLASS = { breakGlassUserNames: ["break-glass"] };
const permissionSet = (sessionDuration: string) =>
    resource("aws:ssoadmin/permissionSet:PermissionSet", "operator", {
        name: "operator",
        instanceArn: "arn:aws:sso:::instance/ssoins-72230b8e5c1d4f3a",
        sessionDuration,
    });

export const identityUserAndSessionBypasses: readonly BypassCase[] = [
    {
        title: "an access key for the break-glass user, for a script that should assume a role",
        policy: "identity-no-iam-users",
        config: BREAK_GLASS,
        violating: () => [
            resource("aws:iam/user:User", "break-glass", { name: "break-glass" }),
            resource("aws:iam/accessKey:AccessKey", "script", { user: "break-glass" }),
        ],
        compliant: () => [
            resource("aws:iam/user:User", "break-glass", { name: "break-glass" }),
            resource("aws:iam/userLoginProfile:UserLoginProfile", "break-glass", { user: "break-glass" }),
        ],
    },
    {
        title: "a user named like the break-glass user in another case",
        policy: "identity-no-iam-users",
        config: BREAK_GLASS,
        violating: () => [resource("aws-native:iam:User", "ops", { userName: "Break-Glass", loginProfile: { password: "x" } })],
        compliant: () => [resource("aws-native:iam:User", "ops", { userName: "break-glass", loginProfile: { password: "x" } })],
    },
    {
        title: "an aws-native user left to an auto-generated name, its password inline",
        policy: "identity-no-iam-users",
        config: BREAK_GLASS,
        violating: () => [resource("aws-native:iam:User", "ops", { loginProfile: { password: "x", passwordResetRequired: true } })],
        compliant: () => [resource("aws-native:iam:User", "ops", { userName: "break-glass", loginProfile: { password: "x" } })],
    },
    {
        title: "a 12-hour role session written as text",
        policy: "identity-role-session-duration",
        violating: () => [resource("aws-native:iam:Role", "ci", { roleName: "ci", maxSessionDuration: "43200" })],
        compliant: () => [resource("aws-native:iam:Role", "ci", { roleName: "ci", maxSessionDuration: "3600" })],
    },
    {
        title: "a 9-hour permission set session spelt in minutes",
        policy: "identity-permission-set-session-duration",
        violating: () => [permissionSet("PT0H540M")],
        compliant: () => [permissionSet("PT480M")],
    },
    {
        title: "a permission set session of one day",
        policy: "identity-permission-set-session-duration",
        violating: () => [permissionSet("P1D")],
        compliant: () => [permissionSet("PT8H")],
    },
];
