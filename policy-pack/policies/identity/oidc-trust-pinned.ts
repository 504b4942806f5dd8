// identity-oidc-trust-pinned: a role trusted by GitHub Actions' OIDC provider names one repository.
//
// Without a `sub` condition (or with `repo:*`, `repo:org/*`, a ForAnyValue set test, an IfExists
// test), a workflow in ANY repository on GitHub can get a token from the same issuer and assume the
// role: the most common misconfiguration of this pattern. A statement that allows
// sts:AssumeRoleWithWebIdentity to a Federated principal of the issuer (the provider's ARN
// `…:oidc-provider/token.actions.githubusercontent.com`, or the bare issuer) must hold, as plain
// StringEquals / StringLike tests (no IfExists, no ForAllValues: / ForAnyValue: prefix):
//   - `token.actions.githubusercontent.com:aud` whose every value is `sts.amazonaws.com`;
//   - `token.actions.githubusercontent.com:sub` whose every value is `repo:<owner>/<repo>:<rest>`
//     with no wildcard (`*`, `?`) in owner or repository; StringLike wildcards in <rest> (the ref,
//     environment or pull_request part) are allowed.
// Conditions are ANDed, so one test on each key that passes is enough. Issuers named in the
// `oidcIssuers` setting (GitLab's `gitlab.com`, …) get the generic rule: `<issuer>:aud` with
// concrete values, and `<issuer>:sub` values whose first two segments (split on ':') hold no wildcard.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { Unknown, UNKNOWN } from "../../readers/known";
import { Condition, conditionsOn, coversAction, principalsOfKind, Statement } from "../../readers/identity/policy-document";
import { ROLE_TYPES, trustPolicyOf } from "../../readers/identity/trust-policies";
import { guardResource } from "../guard";
import { nist, TAG } from "../metadata";
import { IDENTITY_DOCS, IDENTITY_FAMILY_TAGS } from "./metadata";
import { identitySettings, issuerName } from "./settings";

export const NAME = "identity-oidc-trust-pinned";

export const GITHUB_ISSUER = "token.actions.githubusercontent.com";
const GITHUB_AUDIENCE = "sts.amazonaws.com";

const FIX =
    `Test both claims with StringEquals (or StringLike for the ref part): "${GITHUB_ISSUER}:aud": "${GITHUB_AUDIENCE}" and ` +
    `"${GITHUB_ISSUER}:sub": "repo:<owner>/<repo>:environment:<env>" (or ":ref:refs/heads/main", ":pull_request"), ` +
    "naming the owner and repository without wildcards.";

/** The issuer a Federated principal names: the provider ARN's `oidc-provider/<issuer>`, or the issuer itself. */
function issuerOf(principal: string): string {
    const marker = ":oidc-provider/";
    const at = principal.indexOf(marker);
    return issuerName(at >= 0 ? principal.slice(at + marker.length) : principal);
}

const hasWildcard = (text: string) => /[*?]/.test(text);

/** A plain positive string test: what can pin a claim (IfExists and set operators let a token without it through). */
function pins(condition: Condition): boolean {
    return (
        ["stringequals", "stringlike"].includes(condition.operator) &&
        !condition.ifExists &&
        !condition.forAllValues &&
        !condition.forAnyValue
    );
}

type ClaimRule = (value: string) => boolean;

const githubSubject: ClaimRule = (value) => {
    const [kind, repository, ...rest] = value.split(":");
    return kind === "repo" && /^[^/*?]+\/[^/*?]+$/.test(repository ?? "") && rest.length > 0;
};

const genericSubject: ClaimRule = (value) => {
    const segments = value.split(":").slice(0, 2);
    return segments.every((segment) => segment !== "" && !hasWildcard(segment));
};

const githubAudience: ClaimRule = (value) => value === GITHUB_AUDIENCE;
const concreteAudience: ClaimRule = (value) => value !== "" && !hasWildcard(value);

/** Some plain test of `key` whose every value follows `rule`: true; none, or only failing ones: false. */
function claimPinned(statement: Statement, key: string, rule: ClaimRule): boolean | Unknown {
    const conditions = conditionsOn(statement, key);
    if (conditions === UNKNOWN) {
        return UNKNOWN;
    }
    let unknown = false;
    for (const condition of conditions.filter(pins)) {
        if (condition.values === UNKNOWN) {
            unknown = true;
            continue;
        }
        const known = condition.values.filter((v): v is string => v !== UNKNOWN);
        if (known.length > 0 && known.every(rule)) {
            if (known.length === condition.values.length) {
                return true;
            }
            unknown = true;
        }
    }
    return unknown ? UNKNOWN : false;
}

/** What a statement trusting `issuer` fails to pin ([] when pinned); UNKNOWN when an unknown decides. */
function unpinnedClaims(statement: Statement, issuer: string): string[] | Unknown {
    const github = issuer === GITHUB_ISSUER;
    const aud = claimPinned(statement, `${issuer}:aud`, github ? githubAudience : concreteAudience);
    const sub = claimPinned(statement, `${issuer}:sub`, github ? githubSubject : genericSubject);
    const missing: string[] = [];
    if (aud === false) {
        missing.push(
            github ? `"${issuer}:aud" is not pinned to "${GITHUB_AUDIENCE}"` : `"${issuer}:aud" is not pinned to a concrete audience`,
        );
    }
    if (sub === false) {
        missing.push(
            github
                ? `"${issuer}:sub" does not name one repository (repo:<owner>/<repo>:…, no wildcard in owner or repository)`
                : `"${issuer}:sub" is not pinned (a wildcard, or nothing, in its first two segments)`,
        );
    }
    if (missing.length === 0 && (aud === UNKNOWN || sub === UNKNOWN)) {
        return UNKNOWN;
    }
    return missing;
}

export const oidcTrustPinned: ResourceValidationPolicy = {
    name: NAME,
    displayName: "OIDC trusts pin audience and repository",
    description:
        `A role trusted by GitHub Actions' OIDC provider (${GITHUB_ISSUER}) must test the token's audience ` +
        `(aud = ${GITHUB_AUDIENCE}) and subject (sub = repo:<owner>/<repo>:…, no wildcard in owner or repository; StringLike ` +
        "wildcards only in the ref/environment part) with plain StringEquals/StringLike tests. Without them any repository on " +
        "GitHub can assume the role. Issuers listed in oidcIssuers must pin aud and the first two segments of sub.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: nist(
        "IA-8",
        "Uniquely identify and authenticate non-organizational users or processes acting on behalf of non-organizational users.",
    ),
    tags: [...IDENTITY_FAMILY_TAGS, TAG.nist("IA-8"), TAG.nist("AC-6"), TAG.pci("7.2.2"), "trust-policy", "oidc", "ci"],
    remediationSteps: FIX,
    url: IDENTITY_DOCS.githubOidc,
    configSchema: identitySettings.schema("oidcIssuers"),
    validateResource: guardResource(NAME, ROLE_TYPES, (args, props, report, reading) => {
        const document = trustPolicyOf(args.type, props, reading);
        if (document === undefined || document.kind === "malformed") {
            // A trust policy that cannot be read is refused by identity-trust-policy-open-principal.
            return;
        }
        if (document.kind === "unknown") {
            reading.markUndecided();
            return;
        }
        const watched = new Set([GITHUB_ISSUER, ...identitySettings.from(args).oidcIssuers]);
        const problems: string[] = [];
        document.statements.forEach((statement, i) => {
            if (statement === UNKNOWN || statement.effect === UNKNOWN) {
                reading.markUndecided();
                return;
            }
            if (statement.effect !== "allow") {
                return;
            }
            const federated = principalsOfKind(statement.principals, "Federated");
            const webIdentity = coversAction(statement, "sts:AssumeRoleWithWebIdentity");
            if (federated === UNKNOWN || webIdentity === UNKNOWN) {
                reading.markUndecided();
                return;
            }
            if (!webIdentity) {
                return;
            }
            for (const principal of federated) {
                if (principal === UNKNOWN) {
                    reading.markUndecided();
                    continue;
                }
                const issuer = issuerOf(principal);
                if (!watched.has(issuer)) {
                    continue;
                }
                const missing = unpinnedClaims(statement, issuer);
                if (missing === UNKNOWN) {
                    reading.markUndecided();
                } else if (missing.length > 0) {
                    problems.push(
                        `Statement[${i}]${statement.sid !== undefined ? ` (${statement.sid})` : ""} trusts ${issuer}: ${missing.join(", ")}`,
                    );
                }
            }
        });
        if (problems.length > 0) {
            report(`${problems.join("; ")}. Any repository (or project) of the issuer can then assume this role. ${FIX}`);
        }
    }),
};
