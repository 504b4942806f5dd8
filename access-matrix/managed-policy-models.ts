import { CONFIG_ROLE_POLICY_ARN } from "../components/account/account-baseline";
import { AWS_MANAGED_POLICY_ARNS } from "../components/identity/permission-set-policies";
import type { PolicyDocument } from "../iam/policy-document";

/*
 * What the AWS managed policies the permission sets attach are known to allow, as documents the
 * evaluator reads (the access matrix and the tests). The real documents are long and change often; these models are deliberately
 * generous (an over-approximation: `s3:Get*` where SecurityAudit lists a few bucket reads), because
 * what matters is that the inline policy's explicit Deny wins over any Allow the managed policies
 * might carry: an over-approximated Allow can only make the access matrix report more, never less. AdministratorAccess is modelled exactly: its whole document is this Allow.
 */
export const MANAGED_POLICY_MODELS: Readonly<Record<string, PolicyDocument>> = {
    [AWS_MANAGED_POLICY_ARNS.AdministratorAccess]: {
        Version: "2012-10-17",
        Statement: [{ Sid: "AdministratorAccess", Effect: "Allow", Action: "*", Resource: "*" }],
    },
    [AWS_MANAGED_POLICY_ARNS.SecurityAudit]: {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "SecurityAuditModel",
                Effect: "Allow",
                Action: [
                    "s3:Get*",
                    "s3:List*",
                    "logs:Get*",
                    "logs:Describe*",
                    "logs:FilterLogEvents",
                    "logs:ListTagsLogGroup",
                    "cloudtrail:LookupEvents",
                    "cloudtrail:Get*",
                    "cloudtrail:Describe*",
                    "cloudtrail:List*",
                    "guardduty:Get*",
                    "guardduty:List*",
                    "securityhub:Get*",
                    "securityhub:List*",
                    "securityhub:Describe*",
                    "detective:Get*",
                    "detective:List*",
                    "kms:Describe*",
                    "kms:Get*",
                    "kms:List*",
                    "iam:Get*",
                    "iam:List*",
                    "ec2:Describe*",
                    "config:Describe*",
                    "config:Get*",
                    "config:List*",
                    "organizations:Describe*",
                    "organizations:List*",
                ],
                Resource: "*",
            },
        ],
    },
    [AWS_MANAGED_POLICY_ARNS.ViewOnlyAccess]: {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ViewOnlyAccessModel",
                Effect: "Allow",
                Action: [
                    "s3:ListAllMyBuckets",
                    "s3:ListBucket",
                    "s3:GetBucketLocation",
                    "s3:GetBucketPolicy",
                    "logs:DescribeLogGroups",
                    "logs:DescribeLogStreams",
                    "cloudtrail:DescribeTrails",
                    "cloudtrail:LookupEvents",
                    "cloudtrail:List*",
                    "guardduty:Get*",
                    "guardduty:List*",
                    "ec2:Describe*",
                    "lambda:List*",
                    "kms:List*",
                    "kms:DescribeKey",
                    "iam:List*",
                    "iam:Get*",
                ],
                Resource: "*",
            },
        ],
    },
    // AWS Config's service role: reads of every service's configuration, and Config's own writes.
    [CONFIG_ROLE_POLICY_ARN]: {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AwsConfigRoleModel",
                Effect: "Allow",
                Action: ["*:Describe*", "*:Get*", "*:List*", "*:BatchGet*", "config:Put*"],
                Resource: "*",
            },
        ],
    },
};

/** The model of a managed policy; throws for one not modelled, so a new attachment cannot slip past the tests. */
export function managedPolicyModel(arn: string): PolicyDocument {
    const model = MANAGED_POLICY_MODELS[arn];
    if (model === undefined) {
        throw new Error(`no model of the managed policy ${arn}: add one to access-matrix/managed-policy-models.ts`);
    }
    return model;
}
