// The IAM documents of the environment's private CA, pure functions of names and ARNs so the IAM
// evaluator can prove what they allow: the grant a caller's task role gets to obtain its client
// certificate, and the trust-store bucket's TLS-only policy.

import { bucketArn, objectArn } from "../../iam/arns";
import type { IdentityPolicyStatement, PolicyDocument, ResourcePolicyStatement } from "../../iam/policy-document";
import { denyInsecureTransport } from "../../iam/statements";

/** ARN of an AWS Private CA certificate template (templates are global: no region or account). */
export const certificateTemplateArn = (template: string): string => `arn:aws:acm-pca:::template/${template}`;

/** The only template a caller may issue with: an end-entity certificate whose extended key usage is client authentication alone. */
export const CLIENT_CERTIFICATE_TEMPLATE_ARN = certificateTemplateArn("EndEntityClientAuthCertificate/V1");

/** The template of the CA's self-signed root certificate. */
export const ROOT_CERTIFICATE_TEMPLATE_ARN = certificateTemplateArn("RootCACertificate/V1");

/**
 * What a calling service's task role gets so it can present a client certificate: IssueCertificate
 * on this CA only and only with the client-authentication template (so no CA, subordinate or
 * server-authentication certificate: the template is chosen by the caller, so without the condition
 * the default EndEntityCertificate/V1, good for servers too, would be allowed), and GetCertificate
 * on this CA to fetch what was issued. GetCertificate carries no template, hence two statements.
 */
export function clientCertificateStatements<V>(certificateAuthorityArn: V): IdentityPolicyStatement<V | string>[] {
    return [
        {
            Sid: "IssueClientCertificates",
            Effect: "Allow",
            Action: "acm-pca:IssueCertificate",
            Resource: certificateAuthorityArn,
            Condition: { StringEquals: { "acm-pca:TemplateArn": CLIENT_CERTIFICATE_TEMPLATE_ARN } },
        },
        {
            Sid: "GetIssuedCertificates",
            Effect: "Allow",
            Action: "acm-pca:GetCertificate",
            Resource: certificateAuthorityArn,
        },
    ];
}

/** The trust-store bucket's policy: nothing over plain HTTP (the load balancer and the deployment read it through IAM). */
export function trustStoreBucketPolicy(bucketName: string): PolicyDocument<ResourcePolicyStatement> {
    return {
        Version: "2012-10-17",
        Statement: [denyInsecureTransport("s3:*", [bucketArn(bucketName), objectArn(bucketName, "*")])],
    };
}
