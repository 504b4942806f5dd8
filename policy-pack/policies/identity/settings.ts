// Configuration of the identity family: the settings users tune and their defensive reading (a
// missing or odd value falls back to its default; ../config.ts has the shared mechanics).

import { PolicyConfigJSONSchema } from "../../policy-sdk";
import { familySettings } from "../config";

export const IDENTITY_SCHEMA = {
    oidcIssuers: {
        type: "array",
        items: { type: "string" },
        default: [],
        description:
            "Further OIDC issuers whose web-identity trusts must be pinned, as the host (and path) IAM names them, e.g. " +
            '"gitlab.com": a trust of such a provider must test "<issuer>:aud" with concrete values and "<issuer>:sub" with ' +
            "values whose first two segments (split on ':') hold no wildcard. GitHub Actions " +
            "(token.actions.githubusercontent.com) is always judged, with its own stricter rule.",
    },
    adminRoleNames: {
        type: "array",
        items: { type: "string" },
        default: [],
        description:
            "Role names (as IAM names them, or the Pulumi resource names of the roles) that may hold administrator access: " +
            "break-glass and platform-administrator roles. Every other role, user, group and unattached policy is refused " +
            "`*` on `*`, iam:PassRole on every role and the AWS-managed AdministratorAccess policy.",
    },
} satisfies Record<string, PolicyConfigJSONSchema>;

export interface IdentitySettings {
    /** Issuers lowercased, without scheme or trailing slash. */
    oidcIssuers: readonly string[];
    adminRoleNames: ReadonlySet<string>;
}

function names(value: unknown): string[] {
    return Array.isArray(value)
        ? (value as unknown[])
              .filter((v): v is string => typeof v === "string")
              .map((v) => v.trim())
              .filter((v) => v !== "")
        : [];
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
    oidcIssuers: names(config.oidcIssuers)
        .map(issuerName)
        .filter((v) => v !== ""),
    adminRoleNames: new Set(names(config.adminRoleNames)),
}));
