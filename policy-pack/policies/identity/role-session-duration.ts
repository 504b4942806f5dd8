// identity-role-session-duration: an IAM role's longest session (maxSessionDuration) stays within
// the configured limit: one hour by default, for workload and pipeline roles.
//
// Credentials of a role session cannot be revoked one by one before they expire (only every
// session of the role at once, by a policy on the role): the session length is how long a leaked
// set stays usable. Roles people assume through federation may be given longer sessions by name
// in longerRoleSessions, up to IAM's own maximum of 12 hours. An unset maxSessionDuration is
// IAM's default of one hour, which no limit is below.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { readRoleSession, ROLE_TYPES } from "../../readers/identity/sessions";
import { UNKNOWN } from "../../readers/known";
import { ODD, show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { IDENTITY_DOCS, IDENTITY_FAMILY_TAGS, NIST_AC_12, SESSION_TAGS } from "./metadata";
import { AWS_MAXIMUM_ROLE_SESSION_SECONDS, identitySettings } from "./settings";

export const NAME = "identity-role-session-duration";

/** Seconds as people say them: "3600 seconds (1 hour)". */
function seconds(value: number): string {
    const hours = value / 3600;
    return `${value} seconds${Number.isInteger(hours) ? ` (${hours} hour${hours === 1 ? "" : "s"})` : ""}`;
}

export const roleSessionDuration: ResourceValidationPolicy = {
    name: NAME,
    displayName: "IAM role sessions last at most the configured limit",
    description:
        "IAM roles (classic and aws-native) must not set maxSessionDuration above maximumRoleSessionSeconds (default 3600, " +
        "one hour, for workload and pipeline roles), except roles named in longerRoleSessions, each up to its own limit of " +
        "at most 43200 (12 hours, IAM's maximum). Unset is IAM's default of one hour and passes.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: NIST_AC_12,
    tags: [...IDENTITY_FAMILY_TAGS, ...SESSION_TAGS, "iam-role"],
    remediationSteps:
        "Remove maxSessionDuration (IAM's default is one hour) or set it to at most maximumRoleSessionSeconds; let a " +
        "long-running job renew its session rather than hold a long one. For a role people assume through federation, add " +
        "{ roleName, maximumSessionSeconds } to longerRoleSessions (at most 43200).",
    url: IDENTITY_DOCS.roleSessionDuration,
    configSchema: identitySettings.schema("maximumRoleSessionSeconds", "longerRoleSessions"),
    validateResource: guardResource(NAME, ROLE_TYPES, (args, props, report, reading) => {
        const view = readRoleSession(args.type, props, reading);
        if (view === undefined || view.maxSessionSeconds === undefined) {
            return;
        }
        if (view.maxSessionSeconds === UNKNOWN) {
            reading.markUndecided();
            return;
        }
        const settings = identitySettings.from(args);
        if (view.maxSessionSeconds === ODD) {
            report(
                `maxSessionDuration is not a whole number of seconds, so the role's sessions cannot be shown to be short. Set it to at most ${settings.maximumRoleSessionSeconds} or remove it.`,
            );
            return;
        }
        const duration = view.maxSessionSeconds;
        if (duration <= settings.maximumRoleSessionSeconds) {
            return;
        }
        // Longer than the default limit: only the role's own entry in longerRoleSessions can allow it.
        if (view.name === UNKNOWN && [...settings.longerRoleSessions.values()].some((longer) => duration <= longer)) {
            reading.markUndecided();
            return;
        }
        const own = typeof view.name === "string" ? settings.longerRoleSessions.get(view.name) : undefined;
        const limit = own ?? settings.maximumRoleSessionSeconds;
        if (duration <= limit) {
            return;
        }
        const role = typeof view.name === "string" ? `role ${show(view.name)}` : "this role";
        const allowed = own === undefined ? "maximumRoleSessionSeconds" : "its entry in longerRoleSessions";
        report(
            `maxSessionDuration is ${seconds(duration)}, above the ${seconds(limit)} ${allowed} allows for ${role}: a leaked ` +
                `session would stay usable that long. Set it to at most ${limit}` +
                (own === undefined
                    ? `, or list the role in longerRoleSessions (at most ${AWS_MAXIMUM_ROLE_SESSION_SECONDS}) if people assume it.`
                    : "."),
        );
    }),
};
