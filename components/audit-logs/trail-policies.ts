// Policies of the organisation trail's CloudWatch Logs delivery, as data: the log group's key policy,
// and the trust and permissions of the role CloudTrail assumes to write to the log group. All live
// in the management account.
//
// - The log group's key: administrators manage, the account root can only recover the policy, and
//   CloudWatch Logs (the regional service principal) uses it only for this one log group: the
//   `aws:logs:arn` encryption context must be the group's ARN (AWS: CloudWatch Logs "Encrypt log
//   data in CloudWatch Logs using AWS KMS").
// - The role's trust: cloudtrail.amazonaws.com may assume it. Without aws:SourceArn/aws:SourceAccount:
//   AWS documents that confused-deputy conditions are not supported for the role CloudTrail uses
//   for CloudWatch Logs ("Role policy document for CloudTrail to use CloudWatch Logs for
//   monitoring"), so a condition would stop delivery. What bounds it instead: only a principal of
//   this account with iam:PassRole on the role can name it on a trail (PassRole never crosses
//   accounts), and the role can do nothing but write into this log group.
// - The role's permissions: CreateLogStream and PutLogEvents on the trail's streams of this log
//   group only: `<management account>_CloudTrail_<region>*` for the account's own events and
//   `<organization id>_*` for the member accounts' (AWS's policy for organisation trails).

import { logGroupArn, logsServicePrincipal } from "../../iam/arns";
import type { IdentityPolicyStatement, PolicyDocument, TrustPolicyStatement } from "../../iam/policy-document";
import { KEY_USE_ACTIONS, type KeyPolicyDocument } from "../encryption/key-policy";
import { CLOUDTRAIL_SERVICE } from "./audit-log-names";
import { auditKeyPolicyDocument } from "./log-archive-key-policy";

/** What the role lets CloudTrail do in the log group. */
export const TRAIL_LOG_DELIVERY_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents"] as const;

/** The facts the trail's log group policies are built from. */
export interface TrailLogGroupFacts {
    /** The management account (owner of the trail, the log group, its key and the role). */
    readonly managementAccountId: string;
    /** The organisation (`o-…`): member accounts' events arrive in streams named after it. */
    readonly organizationId: string;
    /** Region of the trail and the log group. */
    readonly region: string;
    /** Name of the log group. */
    readonly logGroupName: string;
}

/** The log group key's policy: CloudWatch Logs for this log group only. */
export function trailLogGroupKeyPolicy(facts: TrailLogGroupFacts & { readonly administrators: readonly string[] }): KeyPolicyDocument {
    return auditKeyPolicyDocument(facts.managementAccountId, facts.administrators, [
        {
            Sid: "CloudWatchLogsUsesKeyForTrailLogGroup",
            Effect: "Allow",
            Principal: { Service: logsServicePrincipal(facts.region) },
            Action: [...KEY_USE_ACTIONS],
            Resource: "*",
            Condition: {
                ArnEquals: {
                    "kms:EncryptionContext:aws:logs:arn": logGroupArn(facts.region, facts.managementAccountId, facts.logGroupName),
                },
            },
        },
    ]);
}

/** Who may assume the delivery role: CloudTrail. */
export function trailDeliveryRoleTrustPolicy(): PolicyDocument<TrustPolicyStatement> {
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "CloudTrailAssumesRole", Effect: "Allow", Principal: { Service: CLOUDTRAIL_SERVICE }, Action: "sts:AssumeRole" },
        ],
    };
}

/** ARNs of the trail's log streams in the log group: the management account's own, and the member accounts'. */
export function trailLogStreamArns(facts: TrailLogGroupFacts): string[] {
    const group = logGroupArn(facts.region, facts.managementAccountId, facts.logGroupName);
    return [
        `${group}:log-stream:${facts.managementAccountId}_CloudTrail_${facts.region}*`,
        `${group}:log-stream:${facts.organizationId}_*`,
    ];
}

/** What the delivery role may do: create the trail's streams in the log group and put events into them. */
export function trailDeliveryRolePolicy(facts: TrailLogGroupFacts): PolicyDocument<IdentityPolicyStatement> {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "CloudTrailWritesTrailLogStreams",
                Effect: "Allow",
                Action: [...TRAIL_LOG_DELIVERY_ACTIONS],
                Resource: trailLogStreamArns(facts),
            },
        ],
    };
}
