// The one IAM statement an application's database contributes to its task role, as data.

import { rdsDbUserArn } from "../../iam/arns";
import type { IdentityPolicyStatement } from "../../iam/policy-document";

/**
 * Allows `rds-db:connect` as `userName` on this cluster only: the resource names the cluster by its
 * resource id (`cluster-…`, which a new cluster of the same name does not inherit) and the user, so
 * the role can neither connect as another user nor to another cluster.
 */
export function databaseConnectStatement(
    region: string,
    accountId: string,
    clusterResourceId: string,
    userName: string,
): IdentityPolicyStatement {
    return {
        Sid: "ConnectAsIamDatabaseUser",
        Effect: "Allow",
        Action: "rds-db:connect",
        Resource: rdsDbUserArn(region, accountId, clusterResourceId, userName),
    };
}
