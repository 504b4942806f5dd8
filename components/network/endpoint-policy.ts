/**
 * A VPC endpoint policy that admits only principals of the organisation: credentials stolen from
 * outside the org (or a foreign account's role) cannot use this network's private path to AWS.
 * Actions and resources stay open here; IAM and resource policies decide those.
 */
export function organizationOnlyEndpointPolicy(organizationId: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AllowOnlyOrganizationPrincipals",
                Effect: "Allow",
                Principal: "*",
                Action: "*",
                Resource: "*",
                Condition: { StringEquals: { "aws:PrincipalOrgID": organizationId } },
            },
        ],
    });
}
