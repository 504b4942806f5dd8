import { bucketArn, eventRuleArn, roleArn, snsTopicArn, sqsQueueArn } from "../../iam/arns";
import type { Condition, IdentityPolicyStatement, OneOrMany } from "../../iam/policy-document";
import { accessLogsBucketName, configDeliveryBucketName } from "../audit-logs/audit-log-names";
import { validBucketName } from "../../validation/aws-identifiers";
import { alertRuleName, alertTopicName, findingsBucketName } from "../detection/detection-names";
import { regionalResponderRoleName, responderNames } from "../response/responder-names";
import { ROLE_CHANGE_ACTIONS } from "./role-change-actions";

/*
 * What belongs to the platform in a member account, and the deny that keeps it out of every other
 * principal's reach. Two marks, each one constant read by the components and by the guardrail:
 *
 * - the ownership tag: every resource the program creates in a member account carries it through
 *   its provider's `defaultTags` (`platformOwnerTags`); the deny reads it with `aws:ResourceTag`
 *   for the services whose fenced actions support that key (Lambda, IAM, EC2, KMS keys, CloudWatch
 *   Logs), and `aws:RequestTag` / `aws:TagKeys` keep anyone from adding or removing it;
 * - the names: S3 bucket settings and objects, SNS topics, EventBridge rules and SQS queues are
 *   fenced by the ARNs the program names them with (`PLATFORM_RESOURCE_ARNS`), built from the
 *   components' own name builders, so a rename there moves the fence with it. KMS aliases cannot be
 *   tagged; every alias operation is also authorised on the alias's key, which is tagged.
 *
 * Statements are plain data; an SCP adds the exempt roles' condition, a permission set uses them as
 * they are (its principals are never the deployment or break-glass role).
 */

/** The ownership tag: key and value every platform resource in a member account carries. */
export const PLATFORM_OWNER_TAG = { key: "zero-trust:owner", value: "platform" } as const;

/** The ownership tag as a tag map, for providers' `defaultTags`. */
export const platformOwnerTags = (): Record<string, string> => ({ [PLATFORM_OWNER_TAG.key]: PLATFORM_OWNER_TAG.value });

/** Any value in a name builder: `*`, so the builder yields the ARN pattern of every environment's resource. */
const ANY = "*";

/**
 * ARN patterns of the platform resources fenced by name, from the components' name builders: the
 * findings buckets and their objects, the alert topics and the responder's outcome topics, the
 * alert rules, the responder's dead-letter queues.
 */
export const PLATFORM_RESOURCE_ARNS = {
    buckets: [bucketArn(findingsBucketName(ANY, ANY, ANY))],
    topics: [snsTopicArn(ANY, ANY, alertTopicName(ANY)), snsTopicArn(ANY, ANY, responderNames(alertRuleName(ANY)).topic)],
    rules: [eventRuleArn(ANY, ANY, alertRuleName(ANY))],
    queues: [sqsQueueArn(ANY, ANY, responderNames(alertRuleName(ANY)).deadLetterQueue)],
} as const;

/**
 * Changing or deleting a resource that carries the ownership tag, by service, each action one whose
 * resource supports `aws:ResourceTag` (Service Authorization Reference): a function's code,
 * configuration, permissions, concurrency and invocation (invoking the responder with a forged
 * finding makes it act); a role's trust, policies, boundary and passing it to a service; a managed
 * policy's versions; security groups and their rules, VPC endpoints and their policies, route
 * tables, network ACLs, flow logs, subnets and VPCs, and any tag of those; keys' policies, state,
 * rotation, aliases, grants and tags; log groups' retention, key, subscriptions and deletion.
 */
export const OWNED_RESOURCE_ACTIONS = [
    "lambda:Update*",
    "lambda:Delete*",
    "lambda:Put*",
    "lambda:AddPermission",
    "lambda:RemovePermission",
    "lambda:PublishVersion",
    "lambda:CreateAlias",
    "lambda:InvokeFunction",
    "lambda:TagResource",
    "lambda:UntagResource",
    // A platform role exists already: creating it is not a change to it.
    ...ROLE_CHANGE_ACTIONS.filter((action) => action !== "iam:CreateRole"),
    "iam:PassRole",
    "iam:TagRole",
    "iam:UntagRole",
    "iam:CreatePolicyVersion",
    "iam:DeletePolicy",
    "iam:DeletePolicyVersion",
    "iam:SetDefaultPolicyVersion",
    "ec2:AuthorizeSecurityGroup*",
    "ec2:RevokeSecurityGroup*",
    "ec2:ModifySecurityGroupRules",
    "ec2:UpdateSecurityGroupRuleDescriptions*",
    "ec2:DeleteSecurityGroup",
    "ec2:ModifyVpcEndpoint",
    "ec2:DeleteVpcEndpoints",
    "ec2:CreateRoute",
    "ec2:ReplaceRoute",
    "ec2:DeleteRoute",
    "ec2:DeleteRouteTable",
    "ec2:AssociateRouteTable",
    "ec2:DisassociateRouteTable",
    "ec2:ReplaceRouteTableAssociation",
    "ec2:CreateNetworkAclEntry",
    "ec2:ReplaceNetworkAclEntry",
    "ec2:DeleteNetworkAcl*",
    "ec2:ReplaceNetworkAclAssociation",
    "ec2:DeleteFlowLogs",
    "ec2:ModifySubnetAttribute",
    "ec2:DeleteSubnet",
    "ec2:ModifyVpcAttribute",
    "ec2:DeleteVpc",
    "ec2:CreateTags",
    "ec2:DeleteTags",
    "kms:PutKeyPolicy",
    "kms:ScheduleKeyDeletion",
    "kms:DisableKey",
    "kms:DisableKeyRotation",
    "kms:UpdateKeyDescription",
    "kms:CreateAlias",
    "kms:UpdateAlias",
    "kms:DeleteAlias",
    "kms:RevokeGrant",
    "kms:TagResource",
    "kms:UntagResource",
    "logs:DeleteLogGroup",
    "logs:PutRetentionPolicy",
    "logs:DeleteRetentionPolicy",
    "logs:AssociateKmsKey",
    "logs:DisassociateKmsKey",
    "logs:PutSubscriptionFilter",
    "logs:DeleteSubscriptionFilter",
] as const;

/**
 * Changing which security groups an interface or instance is in: fenced on platform groups
 * (`aws:ResourceTag` of the security-group resource), so taking an isolated instance out of the
 * quarantine group, or into a platform tier's group after launch, is the platform's act.
 */
export const INTERFACE_GROUP_ACTIONS = ["ec2:ModifyNetworkInterfaceAttribute", "ec2:ModifyInstanceAttribute"] as const;

/** The automated responders' roles in every environment and region, which move interfaces into the quarantine group. */
export const RESPONDER_ROLE_ARNS = [responderNames(alertRuleName(ANY)).role, regionalResponderRoleName(ANY, ANY)].map((role) =>
    roleArn(ANY, role),
);

/** A platform bucket's settings (policy, ACL, public access block, versioning, logging, tags, …), lifecycle, encryption, replication, deletion. */
export const PLATFORM_BUCKET_ACTIONS = [
    "s3:PutBucket*",
    "s3:DeleteBucket*",
    "s3:PutLifecycleConfiguration",
    "s3:PutEncryptionConfiguration",
    "s3:PutReplicationConfiguration",
] as const;
/** Deleting or overwriting a platform bucket's objects, or their ACL, tags, retention or legal hold. */
export const PLATFORM_OBJECT_ACTIONS = ["s3:DeleteObject*", "s3:PutObject*", "s3:BypassGovernanceRetention"] as const;
/** A platform topic's policy, attributes, subscriptions' permissions, tags, deletion. */
export const PLATFORM_TOPIC_ACTIONS = [
    "sns:SetTopicAttributes",
    "sns:AddPermission",
    "sns:RemovePermission",
    "sns:DeleteTopic",
    "sns:PutDataProtectionPolicy",
    "sns:TagResource",
    "sns:UntagResource",
] as const;
/** A platform rule's pattern, state, targets, tags, deletion. */
export const PLATFORM_RULE_ACTIONS = [
    "events:PutRule",
    "events:DeleteRule",
    "events:DisableRule",
    "events:PutTargets",
    "events:RemoveTargets",
    "events:TagResource",
    "events:UntagResource",
] as const;
/** A platform queue's attributes (policy, key, retention), its messages, deletion. */
export const PLATFORM_QUEUE_ACTIONS = [
    "sqs:SetQueueAttributes",
    "sqs:AddPermission",
    "sqs:RemovePermission",
    "sqs:PurgeQueue",
    "sqs:DeleteQueue",
    "sqs:TagQueue",
    "sqs:UntagQueue",
] as const;

/**
 * The deny statements that fence the platform's resources, with `exempt` (the principals let
 * through, as a condition) added to each: changing resources that carry the ownership tag; adding
 * the tag in any request (`aws:RequestTag`) or naming its key in a tagging or untagging request
 * (`aws:TagKeys`); changing the platform buckets (the findings buckets, the log archive, its
 * access-logs bucket and AWS Config's delivery bucket), topics, rules and queues named by `PLATFORM_RESOURCE_ARNS`.
 */
export function platformResourceStatements(
    logArchiveBucketName: string,
    exemptRoleArns: readonly string[] = [],
): IdentityPolicyStatement[] {
    const archive = validBucketName("logArchiveBucketName", logArchiveBucketName);
    const buckets = [
        ...PLATFORM_RESOURCE_ARNS.buckets,
        ...[archive, accessLogsBucketName(archive), configDeliveryBucketName(archive)].map(bucketArn),
    ];
    const { key, value } = PLATFORM_OWNER_TAG;
    const deny = (
        Sid: string,
        Action: readonly string[],
        Resource: OneOrMany<string>,
        Condition: Condition = {},
        exempt = exemptRoleArns,
    ): IdentityPolicyStatement => {
        const condition = { ...Condition, ...(exempt.length > 0 ? { ArnNotLike: { "aws:PrincipalArn": exempt } } : {}) };
        return {
            Sid,
            Effect: "Deny",
            Action: [...Action],
            Resource,
            ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
        };
    };
    return [
        deny("DenyChangingPlatformResources", OWNED_RESOURCE_ACTIONS, "*", { StringEquals: { [`aws:ResourceTag/${key}`]: value } }),
        // The responder isolates an instance by moving its interfaces into the quarantine group; nobody else moves one into or out of a platform group.
        deny(
            "DenyMovingInterfacesAcrossPlatformGroups",
            INTERFACE_GROUP_ACTIONS,
            "*",
            { StringEquals: { [`aws:ResourceTag/${key}`]: value } },
            [...exemptRoleArns, ...RESPONDER_ROLE_ARNS],
        ),
        deny("DenySettingOwnershipTag", ["*"], "*", { Null: { [`aws:RequestTag/${key}`]: "false" } }),
        deny("DenyChangingOwnershipTagKey", ["*"], "*", { "ForAnyValue:StringEquals": { "aws:TagKeys": [key] } }),
        // One statement for every resource fenced by name: an action never applies to another service's ARN.
        deny(
            "DenyChangingNamedPlatformResources",
            [
                ...PLATFORM_BUCKET_ACTIONS,
                ...PLATFORM_OBJECT_ACTIONS,
                ...PLATFORM_TOPIC_ACTIONS,
                ...PLATFORM_RULE_ACTIONS,
                ...PLATFORM_QUEUE_ACTIONS,
            ],
            [
                ...buckets,
                ...buckets.map((bucket) => `${bucket}/*`),
                ...PLATFORM_RESOURCE_ARNS.topics,
                ...PLATFORM_RESOURCE_ARNS.rules,
                ...PLATFORM_RESOURCE_ARNS.queues,
            ],
        ),
    ];
}
