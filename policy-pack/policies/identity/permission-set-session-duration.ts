// identity-permission-set-session-duration: an Identity Center permission set gives sessions of at
// most the configured length: 8 hours by default, one working day for people signing in.
//
// The session length is how long a person stays signed in to an account without meeting the
// identity provider (and its MFA) again, and how long a stolen browser session or CLI cache
// stays usable. sessionDuration is ISO-8601 text in hours and minutes (PT8H, PT1H30M); an unset
// duration is Identity Center's default of one hour. A duration the pack cannot read is refused
// with the reason, never guessed at.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { formatSessionDuration, parseSessionDuration } from "../../readers/identity/session-duration";
import { PERMISSION_SET_TYPES, readPermissionSetSession } from "../../readers/identity/sessions";
import { UNKNOWN } from "../../readers/known";
import { ODD, show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { IDENTITY_DOCS, IDENTITY_FAMILY_TAGS, NIST_AC_12, SESSION_TAGS } from "./metadata";
import { identitySettings } from "./settings";

export const NAME = "identity-permission-set-session-duration";

export const permissionSetSessionDuration: ResourceValidationPolicy = {
    name: NAME,
    displayName: "Identity Center permission set sessions last at most 8 hours",
    description:
        "IAM Identity Center permission sets (classic ssoadmin and aws-native sso) must not set sessionDuration above " +
        "maximumPermissionSetSessionDuration (default PT8H, a working day). A sessionDuration that is not an ISO-8601 " +
        "duration in hours and minutes is refused; unset is Identity Center's default of PT1H and passes.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: NIST_AC_12,
    tags: [...IDENTITY_FAMILY_TAGS, ...SESSION_TAGS, "identity-center", "permission-set"],
    remediationSteps:
        "Set sessionDuration to at most maximumPermissionSetSessionDuration (e.g. PT8H, or PT1H for administrative " +
        "permission sets) in ISO-8601 hours and minutes (PT<hours>H<minutes>M), or remove it for Identity Center's default of PT1H.",
    url: IDENTITY_DOCS.permissionSetSessionDuration,
    configSchema: identitySettings.schema("maximumPermissionSetSessionDuration"),
    validateResource: guardResource(NAME, PERMISSION_SET_TYPES, (args, props, report, reading) => {
        const view = readPermissionSetSession(args.type, props, reading);
        if (view === undefined) {
            return;
        }
        const limit = identitySettings.from(args).maximumPermissionSetSessionMinutes;
        const set = typeof view.name === "string" ? `Permission set ${show(view.name)}` : "This permission set";
        const duration = view.sessionDuration;
        if (duration === UNKNOWN) {
            reading.markUndecided();
            return;
        }
        if (duration === undefined) {
            return; // Identity Center's default, PT1H, is the shortest limit the setting accepts.
        }
        const parsed = duration === ODD ? { problem: "sessionDuration is not text" } : parseSessionDuration(duration);
        if ("problem" in parsed) {
            report(
                `${set}'s session length cannot be read: ${parsed.problem}, so it cannot be shown to be at most ${formatSessionDuration(limit)}. ` +
                    `Write it as PT<hours>H<minutes>M, at most ${formatSessionDuration(limit)}.`,
            );
        } else if (parsed.minutes > limit) {
            report(
                `${set} gives sessions of ${show(duration)}, above the ${formatSessionDuration(limit)} allowed: a person stays signed in ` +
                    `(and a stolen session stays usable) that long without meeting the identity provider and its MFA again. ` +
                    `Set sessionDuration to at most ${formatSessionDuration(limit)}.`,
            );
        }
    }),
};
