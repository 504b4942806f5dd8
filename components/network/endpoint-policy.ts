// VPC endpoint policies: resource-based policies of the one document model whose principal is
// always `*` (an endpoint policy bounds who, conditions say which).

import { objectArn } from "../../iam/arns";
import { policyDocument, type PolicyDocument, type ResourcePolicyStatement } from "../../iam/policy-document";

/**
 * AWS-owned buckets that hold what instances and containers of the VPC download, read through the
 * S3 gateway endpoint by principals outside the organisation (ECR's presigned layer URLs are signed
 * by ECR; yum/dnf reads the Amazon Linux repositories without credentials), so the organisation
 * condition cannot admit them: ECR's image layers (Amazon ECR "Minimum Amazon S3 bucket permissions
 * for Amazon ECR"), the Amazon Linux 2 repositories and the Amazon Linux 2023 repositories (Amazon
 * Linux 2023 user guide, "Package repositories" behind a VPC endpoint; AWS data-perimeter examples).
 */
export const awsOwnedPackageBucketArns = (region: string): string[] => [
    objectArn(`prod-${region}-starport-layer-bucket`, "*"),
    objectArn(`amazonlinux.${region}.amazonaws.com`, "*"),
    objectArn(`amazonlinux-2-repos-${region}`, "*"),
    objectArn(`al2023-repos-${region}-de612dc2`, "*"),
];

/** Every action on every resource, for principals of the organisation only. */
function organizationPrincipalsOnly<V>(organizationId: V): ResourcePolicyStatement<V | string> {
    return {
        Sid: "AllowOnlyOrganizationPrincipals",
        Effect: "Allow",
        Principal: "*",
        Action: "*",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": organizationId } },
    };
}

/**
 * A VPC endpoint policy that admits only principals of the organisation: credentials stolen from
 * outside the org (or a foreign account's role) cannot use this network's private path to AWS.
 * Actions and resources stay open here; IAM and resource policies decide those.
 */
export function organizationOnlyEndpointPolicyDocument<V>(organizationId: V): PolicyDocument<ResourcePolicyStatement<V | string>> {
    return policyDocument([organizationPrincipalsOnly(organizationId)]);
}

/**
 * The S3 gateway endpoint's policy: the organisation's principals, and reading objects of exactly
 * the AWS-owned package buckets of the region (awsOwnedPackageBucketArns), by anyone: nothing else
 * of another account's is reachable, and nothing can be written there.
 */
export function s3GatewayEndpointPolicyDocument<V>(organizationId: V, region: string): PolicyDocument<ResourcePolicyStatement<V | string>> {
    return policyDocument<ResourcePolicyStatement<V | string>>([
        organizationPrincipalsOnly(organizationId),
        {
            Sid: "AllowReadingAwsOwnedPackageBuckets",
            Effect: "Allow",
            Principal: "*",
            Action: "s3:GetObject",
            Resource: awsOwnedPackageBucketArns(region),
        },
    ]);
}
