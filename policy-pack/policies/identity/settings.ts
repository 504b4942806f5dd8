// Configuration of the identity family: the settings users tune and their defensive reading (a
// missing or odd value falls back to its default; ../config.ts has the shared mechanics).

import { PolicyConfigJSONSchema } from "../../policy-sdk";
import { parseSessionDuration } from "../../readers/identity/session-duration";
import { familySettings, integerIn } from "../config";

/** IAM's bounds on a role's maxSessionDuration (seconds): its default and minimum, and its hard maximum of 12 hours. */
export const AWS_DEFAULT_ROLE_SESSION_SECONDS = 3600;
export const AWS_MAXIMUM_ROLE_SESSION_SECONDS = 43_200;

/** Default longest role session: one hour, for workload and pipeline roles (a leaked session stays usable that long). */
export const DEFAULT_MAXIMUM_ROLE_SESSION_SECONDS = 3600;

/** Identity Center's bounds on a permission set's session (minutes): its default of one hour, its maximum of 12 hours. */
export const AWS_DEFAULT_PERMISSION_SET_SESSION_MINUTES = 60;
export const AWS_MAXIMUM_PERMISSION_SET_SESSION_MINUTES = 720;

/** Default longest permission set session: 8 hours, one working day for people signing in. */
export const DEFAULT_MAXIMUM_PERMISSION_SET_SESSION = "PT8H";
const DEFAULT_MAXIMUM_PERMISSION_SET_SESSION_MINUTES = 8 * 60;

const names = (description: string) => ({ type: "array", items: { type: "string" }, default: [], description }) as const;

export const IDENTITY_SCHEMA = {
    breakGlassUserNames: names(
        "Exact names of the IAM users kept for break-glass access (e.g. when the identity provider is down). Their users and " +
            "login profiles pass; every other IAM user, login profile and access key fails.",
    ),
    breakGlassUsersWithAccessKeys: names(
        "Exact names of break-glass users (also listed in breakGlassUserNames) that may hold an access key. A break-glass " +
            "user should sign in with a password and MFA, so by default its access keys fail too.",
    ),
    maximumRoleSessionSeconds: {
        type: "integer",
        minimum: AWS_DEFAULT_ROLE_SESSION_SECONDS,
        maximum: AWS_MAXIMUM_ROLE_SESSION_SECONDS,
        default: DEFAULT_MAXIMUM_ROLE_SESSION_SECONDS,
        description:
            "Longest maxSessionDuration (seconds) an IAM role may have: 1 hour by default, for workload and pipeline roles. " +
            "IAM allows 3600-43200; an unset value is IAM's default of 3600.",
    },
    longerRoleSessions: {
        type: "array",
        items: {
            type: "object",
            properties: {
                roleName: { type: "string", minLength: 1 },
                maximumSessionSeconds: {
                    type: "integer",
                    minimum: AWS_DEFAULT_ROLE_SESSION_SECONDS,
                    maximum: AWS_MAXIMUM_ROLE_SESSION_SECONDS,
                },
            },
            required: ["roleName", "maximumSessionSeconds"],
            additionalProperties: false,
        },
        default: [],
        description:
            "Roles, by exact name, that may have sessions longer than maximumRoleSessionSeconds (e.g. a role people assume " +
            "through federation), each up to its maximumSessionSeconds of at most 43200 (12 hours, IAM's maximum); an entry " +
            "above that is ignored.",
    },
    maximumPermissionSetSessionDuration: {
        type: "string",
        pattern: "^PT(\\d+H)?(\\d+M)?$",
        default: DEFAULT_MAXIMUM_PERMISSION_SET_SESSION,
        description:
            "Longest session (ISO-8601, hours and minutes: PT8H, PT1H30M) an Identity Center permission set may give: 8 hours " +
            "by default, a working day. From PT1H to PT12H (Identity Center's bounds); an unset sessionDuration is PT1H.",
    },
    oidcIssuers: names(
        "Further OIDC issuers whose web-identity trusts must be pinned, as the host (and path) IAM names them, e.g. " +
            '"gitlab.com": a trust of such a provider must test "<issuer>:aud" with concrete values and "<issuer>:sub" with ' +
            "values whose first two segments (split on ':') hold no wildcard. GitHub Actions " +
            "(token.actions.githubusercontent.com) is always judged, with its own stricter rule.",
    ),
    adminRoleNames: names(
        "Role names (as IAM names them, or the Pulumi resource names of the roles) that may hold administrator access: " +
            "break-glass and platform-administrator roles. Every other role, user, group and unattached policy is refused " +
            "`*` on `*`, iam:PassRole on every role and the AWS-managed AdministratorAccess policy.",
    ),
} satisfies Record<string, PolicyConfigJSONSchema>;

export interface IdentitySettings {
    breakGlassUserNames: ReadonlySet<string>;
    breakGlassUsersWithAccessKeys: ReadonlySet<string>;
    maximumRoleSessionSeconds: number;
    /** Longest session by role name, for the roles of longerRoleSessions. */
    longerRoleSessions: ReadonlyMap<string, number>;
    maximumPermissionSetSessionMinutes: number;
    /** Issuers lowercased, without scheme or trailing slash. */
    oidcIssuers: readonly string[];
    adminRoleNames: ReadonlySet<string>;
}

/** A list of names as a set: strings trimmed, blanks dropped (a blank name matches no user). */
function nameSet(value: unknown): ReadonlySet<string> {
    if (!Array.isArray(value)) {
        return new Set();
    }
    return new Set(
        (value as unknown[])
            .filter((v): v is string => typeof v === "string")
            .map((v) => v.trim())
            .filter((v) => v !== ""),
    );
}

/** longerRoleSessions by name; entries without a name or with seconds outside IAM's bounds are dropped. */
function roleSessions(value: unknown): ReadonlyMap<string, number> {
    const sessions = new Map<string, number>();
    for (const entry of Array.isArray(value) ? (value as unknown[]) : []) {
        if (entry === null || typeof entry !== "object") {
            continue;
        }
        const { roleName, maximumSessionSeconds } = entry as Record<string, unknown>;
        const seconds = integerIn(maximumSessionSeconds, AWS_DEFAULT_ROLE_SESSION_SECONDS, AWS_MAXIMUM_ROLE_SESSION_SECONDS);
        if (typeof roleName === "string" && roleName.trim() !== "" && seconds !== undefined) {
            sessions.set(roleName.trim(), seconds);
        }
    }
    return sessions;
}

/** The permission set limit in minutes; the default when it is not a duration within Identity Center's bounds. */
function permissionSetMinutes(value: unknown): number {
    const parsed = typeof value === "string" ? parseSessionDuration(value.trim()) : undefined;
    return parsed !== undefined &&
        "minutes" in parsed &&
        parsed.minutes >= AWS_DEFAULT_PERMISSION_SET_SESSION_MINUTES &&
        parsed.minutes <= AWS_MAXIMUM_PERMISSION_SET_SESSION_MINUTES
        ? parsed.minutes
        : DEFAULT_MAXIMUM_PERMISSION_SET_SESSION_MINUTES;
}

/** An issuer as IAM names it in provider ARNs and condition keys: host and path, no scheme. */
export function issuerName(value: string): string {
    return value
        .trim()
        .toLowerCase()
        .replace(/^https?:\/\//, "")
        .replace(/\/+$/, "");
}

export const identitySettings = familySettings(IDENTITY_SCHEMA, (config): IdentitySettings => ({
    breakGlassUserNames: nameSet(config.breakGlassUserNames),
    breakGlassUsersWithAccessKeys: nameSet(config.breakGlassUsersWithAccessKeys),
    maximumRoleSessionSeconds:
        integerIn(config.maximumRoleSessionSeconds, AWS_DEFAULT_ROLE_SESSION_SECONDS, AWS_MAXIMUM_ROLE_SESSION_SECONDS) ??
        DEFAULT_MAXIMUM_ROLE_SESSION_SECONDS,
    longerRoleSessions: roleSessions(config.longerRoleSessions),
    maximumPermissionSetSessionMinutes: permissionSetMinutes(config.maximumPermissionSetSessionDuration),
    oidcIssuers: [...nameSet(config.oidcIssuers)].map(issuerName).filter((v) => v !== ""),
    adminRoleNames: nameSet(config.adminRoleNames),
}));
