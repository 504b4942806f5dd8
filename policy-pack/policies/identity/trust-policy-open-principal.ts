// identity-trust-policy-open-principal: no role may be assumed by anyone.
//
// A trust statement that allows sts:AssumeRole (or AssumeRoleWithSAML / WithWebIdentity) to
// "*", {"AWS": "*"} or everyone outside a NotPrincipal lets every AWS account on the internet
// assume the role, unless a condition ties the caller to the owner's organisation, account,
// source or network (readers/identity/policy-document.ts, admitsAnyone, says exactly which).

import { ResourceValidationPolicy } from "@pulumi/policy";
import { Unknown, UNKNOWN } from "../../readers/known";
import { admitsAnyone, coversAction, Statement } from "../../readers/identity/policy-document";
import { ROLE_TYPES, trustPolicyOf } from "../../readers/identity/trust-policies";
import { guardResource } from "../guard";
import { nist, TAG } from "../metadata";
import { IDENTITY_DOCS, IDENTITY_FAMILY_TAGS } from "./metadata";

export const NAME = "identity-trust-policy-open-principal";

const ASSUME_ACTIONS = ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"];

const FIX =
    "Name the principals that may assume the role (account roots or role ARNs, a service, a federated provider), or add a " +
    'condition that ties the caller to your organisation or account (StringEquals "aws:PrincipalOrgID": "o-…" or ' +
    '"aws:PrincipalAccount": "<account id>").';

/** Whether the statement lets anyone assume the role: true, false, or UNKNOWN. */
function opensRole(statement: Statement | Unknown): boolean | Unknown {
    if (statement === UNKNOWN) {
        return UNKNOWN;
    }
    const anyone = admitsAnyone(statement);
    if (anyone === false) {
        return false;
    }
    const assumes = ASSUME_ACTIONS.map((action) => coversAction(statement, action));
    if (assumes.includes(true)) {
        return anyone;
    }
    return assumes.includes(UNKNOWN) ? UNKNOWN : false;
}

export const trustPolicyOpenPrincipal: ResourceValidationPolicy = {
    name: NAME,
    displayName: "Role trust policies do not admit anyone",
    description:
        "An IAM role's trust policy (classic aws.iam.Role assumeRolePolicy, aws-native iam.Role assumeRolePolicyDocument) may " +
        'not allow sts:AssumeRole* to "*", {"AWS": "*"} or through NotPrincipal without a condition on aws:PrincipalOrgID, ' +
        "aws:PrincipalOrgPaths, aws:PrincipalAccount, aws:SourceAccount, aws:SourceArn, aws:SourceVpce, aws:SourceVpc or " +
        "aws:SourceOrgID with concrete values (IfExists and set operators do not count).",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: nist(
        "AC-3",
        "Enforce approved authorizations for logical access to information and system resources in accordance with applicable access control policies.",
    ),
    tags: [...IDENTITY_FAMILY_TAGS, TAG.nist("AC-6"), TAG.pci("7.2.2"), "trust-policy"],
    remediationSteps: FIX,
    url: IDENTITY_DOCS.trustPolicies,
    validateResource: guardResource(NAME, ROLE_TYPES, (args, props, report, reading) => {
        const document = trustPolicyOf(args.type, props, reading);
        if (document === undefined) {
            return;
        }
        if (document.kind === "unknown") {
            reading.markUndecided();
            return;
        }
        if (document.kind === "malformed") {
            report(`The trust policy cannot be read (${document.why}), so it cannot be shown to exclude anyone. ${FIX}`);
            return;
        }
        const open: string[] = [];
        document.statements.forEach((statement, i) => {
            const verdict = opensRole(statement);
            if (verdict === UNKNOWN) {
                reading.markUndecided();
            } else if (verdict && statement !== UNKNOWN) {
                open.push(`Statement[${i}]${statement.sid !== undefined ? ` (${statement.sid})` : ""}`);
            }
        });
        if (open.length > 0) {
            report(`${open.join(", ")} let anyone assume this role: a principal of everyone without a restricting condition. ${FIX}`);
        }
    }),
};
