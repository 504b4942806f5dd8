import * as pulumi from "@pulumi/pulumi";

/**
 * A VPC endpoint policy that admits only principals of the organisation: credentials stolen from
 * outside the org (or a foreign account's role) cannot use this network's private path to AWS.
 * Actions and resources stay open here; IAM and resource policies decide those.
 */
export function organizationOnlyEndpointPolicy(organizationId: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.jsonStringify({
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
