// The resource policy of an application's secret, as data: a pure function from the roles and the
// VPC endpoint to the document, so the evaluator (iam/evaluator) proves who may read it without a
// deployment. Values that exist only after deployment (role ARNs, the endpoint id) are the type
// parameter V: the component passes outputs, tests pass strings.
//
// Only reading the value is denied to everyone else: the calls that manage the secret
// (DescribeSecret, Get/PutResourcePolicy, RotateSecret, TagResource, DeleteSecret: all Pulumi makes)
// stay with whoever the account's IAM policies allow, so the deploying administrator is never locked
// out, and Secrets Manager refuses none of it under BlockPublicPolicy: the only Allow statements
// name single roles, and a Deny to `*` grants nothing.

import { policyDocument, type PolicyDocument, type ResourcePolicyStatement } from "../../iam/policy-document";

/** The one call that returns a secret's value; BatchGetSecretValue is authorised per secret through it. */
export const SECRET_VALUE_READ = "secretsmanager:GetSecretValue";

/** What a rotation function's role calls on the secret it rotates (AWS's rotation function execution role policy). */
export const ROTATION_ACTIONS = [
    "secretsmanager:DescribeSecret",
    "secretsmanager:GetSecretValue",
    "secretsmanager:PutSecretValue",
    "secretsmanager:UpdateSecretVersionStage",
];

/** The facts a secret's resource policy is built from. */
export interface ApplicationSecretPolicyFacts<V> {
    /** Roles that read the value: the application's task and execution roles. */
    readonly readerRoleArns: readonly V[];
    /** Role of the secret's rotation function, which reads and writes the versions it rotates. */
    readonly rotationRoleArn: V;
    /** The VPC's Secrets Manager interface endpoint: every read comes through it (`aws:SourceVpce`). */
    readonly endpointId: V;
}

/**
 * The value is read only by the application's roles and the rotation function's, and only through
 * the VPC's endpoint: an identity policy elsewhere in the account (even `secretsmanager:*`) cannot
 * read it, nor can stolen credentials of the application's roles used outside the VPC. The rotation
 * function therefore runs in the VPC too.
 */
export function applicationSecretPolicy<V = string>(
    facts: ApplicationSecretPolicyFacts<V>,
): PolicyDocument<ResourcePolicyStatement<V | string>> {
    const throughEndpoint = { StringEquals: { "aws:SourceVpce": facts.endpointId } };
    return policyDocument<ResourcePolicyStatement<V | string>>([
        {
            Sid: "DenyReadingToOtherPrincipals",
            Effect: "Deny",
            Principal: "*",
            Action: SECRET_VALUE_READ,
            Resource: "*",
            Condition: { ArnNotEquals: { "aws:PrincipalArn": [...facts.readerRoleArns, facts.rotationRoleArn] } },
        },
        {
            Sid: "DenyReadingOutsideVpcEndpoint",
            Effect: "Deny",
            Principal: "*",
            Action: SECRET_VALUE_READ,
            Resource: "*",
            Condition: { StringNotEquals: { "aws:SourceVpce": facts.endpointId } },
        },
        {
            Sid: "ApplicationReadsThroughVpcEndpoint",
            Effect: "Allow",
            Principal: { AWS: [...facts.readerRoleArns] },
            Action: SECRET_VALUE_READ,
            Resource: "*",
            Condition: throughEndpoint,
        },
        {
            Sid: "RotationFunctionRotatesThroughVpcEndpoint",
            Effect: "Allow",
            Principal: { AWS: facts.rotationRoleArn },
            Action: [...ROTATION_ACTIONS],
            Resource: "*",
            Condition: throughEndpoint,
        },
    ]);
}
