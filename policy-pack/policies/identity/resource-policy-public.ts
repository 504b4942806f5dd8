// identity-resource-policy-public: no resource policy lets anyone in.
//
// A statement admits anyone when it Allows Principal "*" or {"AWS": "*"}, or uses NotPrincipal
// (everyone but the principals it names), and no condition ties the caller to an organisation,
// account, source resource or network endpoint with concrete values (admitsAnyone in
// readers/identity/policy-document.ts decides). Deny statements never open anything. Where each
// type keeps its policy, and the statement a Lambda permission becomes: readers/identity/resource-policies.ts.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { Reading, UNKNOWN } from "../../readers/known";
import { admitsAnyone, readPolicyDocument, RESTRICTING_KEYS, Statement } from "../../readers/identity/policy-document";
import {
    LAMBDA_PERMISSION,
    LAMBDA_PERMISSION_TYPES,
    lambdaPermissionStatement,
    RESOURCE_POLICY_LOCATIONS,
    resourcePolicyDocument,
} from "../../readers/identity/resource-policies";
import { guardResource } from "../guard";
import { nist } from "../metadata";
import { IDENTITY_DOCS, IDENTITY_FAMILY_TAGS, PUBLIC_ACCESS_TAGS } from "./metadata";

export const NAME = "identity-resource-policy-public";

const TYPES: ReadonlySet<string> = new Set([...RESOURCE_POLICY_LOCATIONS.keys(), ...LAMBDA_PERMISSION_TYPES]);

const RESTRICT_DOCUMENT =
    `name the principals, or add a condition that pins the caller with concrete values (StringEquals, StringLike, ArnEquals or ArnLike) on one of ${RESTRICTING_KEYS.join(", ")} ` +
    `(aws:PrincipalOrgID for your organisation; aws:SourceArn with aws:SourceAccount for an AWS service acting for you)`;

const RESTRICT_PERMISSION = "name the principal (an account or a service), or set sourceArn, sourceAccount or principalOrgId";

type Found = { kind: "public"; statements: string[] } | { kind: "malformed"; why: string } | { kind: "undecided" } | { kind: "closed" };

/** `"Sid" (Statement[i])` or `Statement[i]`; a Lambda permission is one statement, named by its id if it has one. */
function statementName(statement: Statement, index: number, permission: boolean): string {
    const sid = statement.sid === undefined || statement.sid === "" ? undefined : `"${statement.sid}"`;
    if (permission) {
        return sid === undefined ? "the permission" : `the permission ${sid}`;
    }
    return sid === undefined ? `Statement[${index}]` : `${sid} (Statement[${index}])`;
}

function describeStatement(statement: Statement, index: number, permission: boolean): string {
    const who = statement.notPrincipal !== undefined ? "everyone but its NotPrincipal" : 'Principal "*"';
    return `${statementName(statement, index, permission)} allows ${who}`;
}

/** The statements of a document that admit anyone (undecided when only unknown values could tell). */
function publicStatements(document: unknown, permission: boolean, reading: Reading): Found {
    const read = readPolicyDocument(document, reading);
    if (read.kind === "unknown") {
        return { kind: "undecided" };
    }
    if (read.kind === "malformed") {
        return read;
    }
    const open: string[] = [];
    let undecided = false;
    read.statements.forEach((statement, index) => {
        const anyone = admitsAnyone(statement);
        if (anyone === UNKNOWN) {
            undecided = true;
        } else if (anyone && statement !== UNKNOWN) {
            open.push(describeStatement(statement, index, permission));
        }
    });
    if (open.length > 0) {
        return { kind: "public", statements: open };
    }
    return undecided ? { kind: "undecided" } : { kind: "closed" };
}

export const resourcePolicyPublic: ResourceValidationPolicy = {
    name: NAME,
    displayName: "No resource policy lets anyone in",
    description:
        "Resource policies (S3 bucket and access point, SNS topic, SQS queue, KMS key, Secrets Manager secret, ECR repository and " +
        "registry, Lambda function, OpenSearch domain, API Gateway REST API and private domain name policies, and Lambda permissions) " +
        'do not Allow Principal "*", {"AWS": "*"} or NotPrincipal unless ' +
        "a condition pins the caller with concrete values (aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount, aws:SourceArn, " +
        'aws:SourceVpce, …; not IfExists, not a wildcard). A Lambda permission for principal "*" needs sourceArn, sourceAccount or principalOrgId.',
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: nist("AC-3", "Access Enforcement"),
    tags: [...IDENTITY_FAMILY_TAGS, ...PUBLIC_ACCESS_TAGS, "resource-policy"],
    remediationSteps:
        "Replace the wildcard with the principals that need access (account roots, roles, services), or keep it and add a " +
        'condition: { StringEquals: { "aws:PrincipalOrgID": "<o-…>" } } for your organisation, aws:SourceArn and aws:SourceAccount ' +
        "for an AWS service that acts for you, aws:SourceVpce for callers through your VPC endpoint. A Lambda permission: set " +
        "sourceArn/sourceAccount/principalOrgId. Serve public content through CloudFront with origin access control, not a public " +
        "resource policy. For S3 this rule and stack-s3-bucket-public-access-block are two locks on one door: with BlockPublicPolicy " +
        "S3 refuses to store such a policy (the deployment fails at apply) and with RestrictPublicBuckets it ignores one; this rule " +
        "refuses it at preview, names the statement, and covers the services that have no public access block.",
    url: IDENTITY_DOCS.publicResourcePolicies,
    validateResource: guardResource(NAME, TYPES, (args, props, report, reading) => {
        const permission = LAMBDA_PERMISSION_TYPES.has(args.type);
        const kind = permission ? LAMBDA_PERMISSION : RESOURCE_POLICY_LOCATIONS.get(args.type)?.kind;
        const document = permission
            ? { Statement: [lambdaPermissionStatement(args.type, props, reading)] }
            : resourcePolicyDocument(args.type, props, reading);
        if (document === undefined) {
            return;
        }
        const found = publicStatements(document, permission, reading);
        switch (found.kind) {
            case "public":
                report(
                    `This ${kind} (${args.type}) lets anyone in: ${found.statements.join("; ")}, with no condition restricting the ` +
                        `caller. To fix it, ${permission ? RESTRICT_PERMISSION : RESTRICT_DOCUMENT}.`,
                );
                return;
            case "malformed":
                report(`This ${kind} (${args.type}) cannot be read, so it cannot be shown to keep anyone out: ${found.why}.`);
                return;
            case "undecided":
                reading.markUndecided();
                return;
            case "closed":
                return;
        }
    }),
};
