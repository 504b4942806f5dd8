/** One statement of an endpoint policy (the principal is always `*`: an endpoint policy bounds who, conditions say which). */
export interface EndpointPolicyStatement<V> {
    readonly Sid: string;
    readonly Effect: "Allow";
    readonly Principal: "*";
    readonly Action: string | readonly string[];
    readonly Resource: string | readonly string[];
    readonly Condition?: { readonly StringEquals: { readonly "aws:PrincipalOrgID": V } };
}

export interface EndpointPolicyDocument<V> {
    readonly Version: "2012-10-17";
    readonly Statement: readonly EndpointPolicyStatement<V>[];
}

/**
 * AWS-owned buckets that hold what instances and containers of the VPC download, read through the
 * S3 gateway endpoint by principals outside the organisation (ECR's presigned layer URLs are signed
 * by ECR; yum/dnf reads the Amazon Linux repositories without credentials), so the organisation
 * condition cannot admit them: ECR's image layers (Amazon ECR "Minimum Amazon S3 bucket permissions
 * for Amazon ECR"), the Amazon Linux 2 repositories and the Amazon Linux 2023 repositories (Amazon
 * Linux 2023 user guide, "Package repositories" behind a VPC endpoint; AWS data-perimeter examples).
 */
export const awsOwnedPackageBucketArns = (region: string): string[] => [
    `arn:aws:s3:::prod-${region}-starport-layer-bucket/*`,
    `arn:aws:s3:::amazonlinux.${region}.amazonaws.com/*`,
    `arn:aws:s3:::amazonlinux-2-repos-${region}/*`,
    `arn:aws:s3:::al2023-repos-${region}-de612dc2/*`,
];

/** Every action on every resource, for principals of the organisation only. */
function organizationPrincipalsOnly<V>(organizationId: V): EndpointPolicyStatement<V> {
    return { Sid: "AllowOnlyOrganizationPrincipals", Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": organizationId } } };
}

/**
 * A VPC endpoint policy that admits only principals of the organisation: credentials stolen from
 * outside the org (or a foreign account's role) cannot use this network's private path to AWS.
 * Actions and resources stay open here; IAM and resource policies decide those.
 */
export function organizationOnlyEndpointPolicyDocument<V>(organizationId: V): EndpointPolicyDocument<V> {
    return { Version: "2012-10-17", Statement: [organizationPrincipalsOnly(organizationId)] };
}

/**
 * The S3 gateway endpoint's policy: the organisation's principals, and reading objects of exactly
 * the AWS-owned package buckets of the region (awsOwnedPackageBucketArns), by anyone: nothing else
 * of another account's is reachable, and nothing can be written there.
 */
export function s3GatewayEndpointPolicyDocument<V>(organizationId: V, region: string): EndpointPolicyDocument<V> {
    return {
        Version: "2012-10-17",
        Statement: [
            organizationPrincipalsOnly(organizationId),
            { Sid: "AllowReadingAwsOwnedPackageBuckets", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: awsOwnedPackageBucketArns(region) },
        ],
    };
}
