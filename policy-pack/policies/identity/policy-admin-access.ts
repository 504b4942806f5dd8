// identity-policy-admin-access: no identity policy grants administrator access, except to the
// roles the adminRoleNames setting names (break-glass and platform-administrator roles).
//
// Administrator access is, in any Allow statement of an identity policy:
//   - every action on every resource: an Action made only of wildcards ("*", "*:*"), or a
//     NotAction (everything but what it names), on Resource "*" or through a NotResource;
//   - iam:PassRole (by name or by a wildcard such as "iam:*") on every role: Resource "*", an IAM
//     ARN pattern whose resource part is "*" or "role/*", or a NotResource; a principal that may
//     pass any role may run code as any role, admin roles included;
//   - the AWS-managed AdministratorAccess policy attached (an attachment or managedPolicyArns).
// Conditions do not change the verdict: the grant stays administrator access when they hold.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { Unknown, UNKNOWN } from "../../readers/known";
import {
    anyValue,
    coversAction,
    coversEveryResource,
    isAllow,
    PolicyDocument,
    Statement,
    Tri,
} from "../../readers/identity/policy-document";
import { Grant, Grantees, IDENTITY_POLICY_TYPES, identityGrantsOf } from "../../readers/identity/identity-policies";
import { ROLE_TYPES } from "../../readers/identity/trust-policies";
import { guardResource } from "../guard";
import { cis, TAG } from "../metadata";
import { IDENTITY_DOCS, IDENTITY_FAMILY_TAGS } from "./metadata";
import { identitySettings } from "./settings";

export const NAME = "identity-policy-admin-access";

const FIX =
    "Grant the actions the principal needs on the resources it needs (least privilege); pass only the roles it must pass " +
    '(iam:PassRole on "arn:aws:iam::<account>:role/<path>/<name>", with an iam:PassedToService condition). If this is a ' +
    "break-glass or administrator role, name it in the policy's adminRoleNames setting.";

const ADMINISTRATOR_ACCESS = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/i;

function or(values: readonly Tri[]): Tri {
    return values.includes(true) ? true : values.includes(UNKNOWN) ? UNKNOWN : false;
}

function and(a: Tri, b: Tri): Tri {
    return a === false || b === false ? false : a === UNKNOWN || b === UNKNOWN ? UNKNOWN : true;
}

/** Every action of every service: a wildcard-only Action, or a NotAction. */
function everyAction(statement: Statement): Tri {
    if (statement.notActions !== undefined) {
        return true;
    }
    return anyValue(statement.actions, (pattern) => /^[*?:]+$/.test(pattern) && pattern.includes("*"));
}

/** Every role: "*", an IAM ARN pattern whose resource part is "*" or "role/*", or a NotResource. */
function everyRole(statement: Statement): Tri {
    if (statement.notResources !== undefined) {
        return coversEveryResource(statement);
    }
    return anyValue(statement.resources, (pattern) => pattern === "*" || /^arn:[^:]*:iam::[^:]*:(role\/)?\*$/i.test(pattern));
}

/** What administrator access the statement grants, or undefined; UNKNOWN when an unknown decides. */
function adminGrant(statement: Statement | Unknown): string | undefined | Unknown {
    if (statement === UNKNOWN) {
        return UNKNOWN;
    }
    const allow = isAllow(statement);
    if (allow === false) {
        return undefined;
    }
    const everything = and(everyAction(statement), coversEveryResource(statement));
    const passRole = and(coversAction(statement, "iam:PassRole"), everyRole(statement));
    const grant = or([everything, passRole]);
    if (grant === false) {
        return undefined;
    }
    if (allow === UNKNOWN || grant === UNKNOWN) {
        return UNKNOWN;
    }
    return everything === true ? "every action on every resource" : "iam:PassRole on every role";
}

function statementsGranting(document: PolicyDocument, at: string): string[] | Unknown {
    if (document.kind === "unknown") {
        return UNKNOWN;
    }
    if (document.kind === "malformed") {
        return [];
    }
    const found: string[] = [];
    let unknown = false;
    document.statements.forEach((statement, i) => {
        const grant = adminGrant(statement);
        if (grant === UNKNOWN) {
            unknown = true;
        } else if (grant !== undefined) {
            const sid = statement !== UNKNOWN && statement.sid !== undefined ? ` (${statement.sid})` : "";
            found.push(`${at} Statement[${i}]${sid} grants ${grant}`);
        }
    });
    return found.length === 0 && unknown ? UNKNOWN : found;
}

function grantProblems(grant: Grant): string[] | Unknown {
    if ("document" in grant) {
        return statementsGranting(grant.document, grant.at);
    }
    if (grant.policyArns === UNKNOWN) {
        return UNKNOWN;
    }
    const found = grant.policyArns.some((arn) => arn !== UNKNOWN && ADMINISTRATOR_ACCESS.test(arn));
    if (found) {
        return [`${grant.at} attaches the AWS-managed AdministratorAccess policy`];
    }
    return grant.policyArns.includes(UNKNOWN) ? UNKNOWN : [];
}

/**
 * Whether every grantee is an exempted admin role: named by its role name, or (for a role
 * resource itself) by its Pulumi resource name; UNKNOWN when a role name is unknown.
 */
function onlyAdminRoles(grantees: Grantees, args: { type: string; name: string }, adminRoleNames: ReadonlySet<string>): Tri {
    if (grantees.others === true || adminRoleNames.size === 0) {
        return false;
    }
    if (ROLE_TYPES.has(args.type) && adminRoleNames.has(args.name)) {
        return true;
    }
    if (grantees.roles === UNKNOWN || grantees.others === UNKNOWN) {
        return UNKNOWN;
    }
    const roles = grantees.roles;
    if (roles.length === 0 || roles.some((role) => role !== UNKNOWN && !adminRoleNames.has(role))) {
        return false;
    }
    return roles.includes(UNKNOWN) ? UNKNOWN : true;
}

export const policyAdminAccess: ResourceValidationPolicy = {
    name: NAME,
    displayName: "Identity policies do not grant administrator access",
    description:
        "Identity policies (classic iam Policy, RolePolicy, UserPolicy, GroupPolicy, Role inlinePolicies; aws-native " +
        "ManagedPolicy, RolePolicy, UserPolicy, GroupPolicy, Role/User/Group policies) may not allow every action on every " +
        'resource (a wildcard-only Action or a NotAction, on Resource "*" or a NotResource), nor iam:PassRole on every role; ' +
        "attaching the AWS-managed AdministratorAccess policy counts too. Roles named in adminRoleNames are exempt.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: cis("1.16", 'Ensure IAM policies that allow full "*:*" administrative privileges are not attached'),
    tags: [
        ...IDENTITY_FAMILY_TAGS,
        TAG.cis("1.16"),
        TAG.nist("AC-6"),
        TAG.pci("7.2.2"),
        TAG.soc2("CC6.3"),
        TAG.securityHub("IAM.1"),
        "least-privilege",
    ],
    remediationSteps: FIX,
    url: IDENTITY_DOCS.leastPrivilege,
    configSchema: identitySettings.schema("adminRoleNames"),
    validateResource: guardResource(NAME, IDENTITY_POLICY_TYPES, (args, props, report, reading) => {
        const granted = identityGrantsOf(args.type, props, reading);
        if (granted === undefined) {
            return;
        }
        const problems: string[] = [];
        let unknown = false;
        for (const grant of granted.grants) {
            const found = grantProblems(grant);
            if (found === UNKNOWN) {
                unknown = true;
            } else {
                problems.push(...found);
            }
        }
        if (problems.length === 0) {
            if (unknown) {
                reading.markUndecided();
            }
            return;
        }
        const exempt = onlyAdminRoles(granted.grantees, args, identitySettings.from(args).adminRoleNames);
        if (exempt === UNKNOWN) {
            reading.markUndecided();
            return;
        }
        if (!exempt) {
            report(`${problems.join("; ")}: administrator access. ${FIX}`);
        }
    }),
};
