// The automated responder's IAM and resource policies, as data: pure functions from the facts to
// the documents, so every statement is tested without a deployment. Values that exist only after
// deployment (key, topic, queue and security group ARNs) are the type parameter V: the component
// passes outputs, tests pass strings.
//
// The role may make exactly the calls the executor makes (responder/executor.ts EXECUTOR_API_CALLS),
// each on the narrowest resource AWS lets a policy name, with conditions where AWS offers them:
// - EC2 Describe* calls cannot be scoped to resources: Resource "*", bound to the region;
// - network interfaces may only be moved within the environment's VPCs, and only into their
//   quarantine groups;
// - snapshots only of this account's volumes in the region, tagged only at creation; instances may
//   only get the finding tags;
// - access keys, role inline policies: on any user/role of the account (the finding decides which),
//   never on a resource tagged `<optOutTagKey> = off`, and never on the responder's own role (an
//   inline policy there could widen its own permissions). IAM has no condition key on the name of
//   the inline policy: PutRolePolicy cannot be limited to AWSRevokeOlderSessions by policy, only by
//   the executor's code;
// - bucket public access blocks: on the account's buckets only (aws:ResourceAccount);
// - publish to its own topic; use the alerts key only through SNS and SQS, and through Lambda only
//   for its own environment variables; send only to its own dead-letter queue; write only its own
//   log group.

import { OPT_OUT_VALUE } from "../../responder/actions";
import {
    bucketArn,
    cloudWatchAlarmArn,
    ec2Arn,
    ec2SnapshotArn,
    lambdaFunctionArn,
    logGroupArn,
    roleArn,
    userArn,
    viaService,
} from "../../iam/arns";
import type { IdentityPolicyStatement, PolicyDocument, ResourcePolicyStatement, TrustPolicyStatement } from "../../iam/policy-document";
import { denyInsecureTransport, eventBridgeRuleOnly } from "../../iam/statements";

/** The Lambda service principal. */
export const LAMBDA_SERVICE = "lambda.amazonaws.com";

/** The CloudWatch (alarms) service principal. */
export const CLOUDWATCH_SERVICE = "cloudwatch.amazonaws.com";

/** The facts the responder's policies are built from. */
export interface ResponderPolicyFacts<V> {
    readonly accountId: string;
    readonly region: string;
    /** Name of the responder's role (fixed, so its ARN is known before it exists). */
    readonly roleName: string;
    /** Name of the responder's function: the encryption context of its environment variables. */
    readonly functionName: string;
    /** Name of the function's log group. */
    readonly logGroupName: string;
    /** ARNs of the VPCs whose instances the responder may isolate (`ec2Arn(…, "vpc", id)`). */
    readonly vpcArns: readonly V[];
    /** ARNs of those VPCs' quarantine security groups: the only groups interfaces may be moved into. */
    readonly quarantineSecurityGroupArns: readonly V[];
    /** Tag keys the responder writes on instances. */
    readonly instanceTagKeys: readonly string[];
    /** Tag key that opts a resource out when its value is `off`. */
    readonly optOutTagKey: string;
    /** The outcomes topic. */
    readonly topicArn: V;
    /** The dead-letter queue. */
    readonly deadLetterQueueArn: V;
    /** The alerts key, which encrypts the topic, the queue and the function's environment variables. */
    readonly alertsKeyArn: V;
}

/** The responder's permissions: exactly the executor's calls, scoped as narrowly as AWS allows. */
export function responderRolePolicy<V = string>(facts: ResponderPolicyFacts<V>): PolicyDocument<IdentityPolicyStatement<V | string>> {
    const { accountId, region } = facts;
    const notOptedOut = { StringNotEqualsIgnoreCase: { [`aws:ResourceTag/${facts.optOutTagKey}`]: OPT_OUT_VALUE } };
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "WriteOwnLogGroup",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `${logGroupArn(region, accountId, facts.logGroupName)}:*`,
            },
            {
                // EC2's Describe calls support no resource-level permissions.
                Sid: "DescribeInstancesAndSnapshotsInRegion",
                Effect: "Allow",
                Action: ["ec2:DescribeInstances", "ec2:DescribeSnapshots"],
                Resource: "*",
                Condition: { StringEquals: { "aws:RequestedRegion": region } },
            },
            {
                Sid: "MoveNetworkInterfacesOfEnvironmentVpcs",
                Effect: "Allow",
                Action: ["ec2:ModifyNetworkInterfaceAttribute"],
                Resource: ec2Arn(region, accountId, "network-interface", "*"),
                Condition: { ArnEquals: { "ec2:Vpc": [...facts.vpcArns] } },
            },
            {
                // The groups an interface is moved into (and their VPCs) are authorised too: only quarantine.
                Sid: "IntoQuarantineSecurityGroupsOnly",
                Effect: "Allow",
                Action: ["ec2:ModifyNetworkInterfaceAttribute"],
                Resource: [...facts.quarantineSecurityGroupArns, ...facts.vpcArns],
            },
            {
                // Snapshot ARNs carry no account: they are created in the caller's.
                Sid: "SnapshotVolumesOfAccount",
                Effect: "Allow",
                Action: ["ec2:CreateSnapshot"],
                Resource: [ec2Arn(region, accountId, "volume", "*"), ec2SnapshotArn(region, "*")],
            },
            {
                Sid: "TagSnapshotsWhenCreated",
                Effect: "Allow",
                Action: ["ec2:CreateTags"],
                Resource: ec2SnapshotArn(region, "*"),
                Condition: { StringEquals: { "ec2:CreateAction": "CreateSnapshot" } },
            },
            {
                Sid: "TagInstancesWithFindingOnly",
                Effect: "Allow",
                Action: ["ec2:CreateTags"],
                Resource: ec2Arn(region, accountId, "instance", "*"),
                Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": [...facts.instanceTagKeys] }, ...notOptedOut },
            },
            {
                Sid: "ReadUserKeysAndTags",
                Effect: "Allow",
                Action: ["iam:ListAccessKeys", "iam:ListUserTags"],
                Resource: userArn(accountId, "*"),
            },
            {
                Sid: "DeactivateAccessKeysOfUsersNotOptedOut",
                Effect: "Allow",
                Action: ["iam:UpdateAccessKey"],
                Resource: userArn(accountId, "*"),
                Condition: notOptedOut,
            },
            {
                Sid: "ReadRoleRevocationsAndTags",
                Effect: "Allow",
                Action: ["iam:GetRolePolicy", "iam:ListRoleTags"],
                Resource: roleArn(accountId, "*"),
            },
            {
                Sid: "RevokeSessionsOfRolesNotOptedOut",
                Effect: "Allow",
                Action: ["iam:PutRolePolicy"],
                Resource: roleArn(accountId, "*"),
                Condition: notOptedOut,
            },
            {
                Sid: "NeverChangeOwnRole",
                Effect: "Deny",
                Action: ["iam:PutRolePolicy"],
                Resource: roleArn(accountId, facts.roleName),
            },
            {
                Sid: "ReadBucketPublicAccessAndTags",
                Effect: "Allow",
                Action: ["s3:GetBucketPublicAccessBlock", "s3:GetBucketTagging"],
                Resource: bucketArn("*"),
                Condition: { StringEquals: { "aws:ResourceAccount": accountId } },
            },
            {
                Sid: "BlockPublicAccessOfAccountBuckets",
                Effect: "Allow",
                Action: ["s3:PutBucketPublicAccessBlock"],
                Resource: bucketArn("*"),
                Condition: { StringEquals: { "aws:ResourceAccount": accountId } },
            },
            {
                Sid: "PublishOutcomes",
                Effect: "Allow",
                Action: ["sns:Publish"],
                Resource: facts.topicArn,
            },
            {
                // Lambda sends an invocation that failed every retry to the dead-letter queue as this role.
                Sid: "SendFailedInvocationsToDeadLetterQueue",
                Effect: "Allow",
                Action: ["sqs:SendMessage"],
                Resource: facts.deadLetterQueueArn,
            },
            {
                Sid: "UseAlertsKeyThroughSnsAndSqs",
                Effect: "Allow",
                Action: ["kms:GenerateDataKey", "kms:Decrypt"],
                Resource: facts.alertsKeyArn,
                Condition: { StringEquals: { "kms:ViaService": [viaService("sns", region), viaService("sqs", region)] } },
            },
            {
                // Lambda decrypts the function's environment variables as this role when the function starts.
                Sid: "DecryptOwnEnvironmentThroughLambda",
                Effect: "Allow",
                Action: ["kms:Decrypt"],
                Resource: facts.alertsKeyArn,
                Condition: {
                    StringEquals: {
                        "kms:ViaService": viaService("lambda", region),
                        "kms:EncryptionContext:aws:lambda:FunctionArn": lambdaFunctionArn(region, accountId, facts.functionName),
                    },
                },
            },
        ],
    };
}

/**
 * Only Lambda may assume the role. No aws:SourceAccount/SourceArn condition: Lambda does not
 * document them for execution roles, and a condition it does not send would stop the function.
 */
export function responderTrustPolicy(): PolicyDocument<TrustPolicyStatement> {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "LambdaAssumesRole", Effect: "Allow", Principal: { Service: LAMBDA_SERVICE }, Action: "sts:AssumeRole" }],
    };
}

/** The facts the outcomes topic's policy is built from. */
export interface OutcomesTopicFacts<V> {
    readonly topicArn: V;
    readonly accountId: string;
    readonly region: string;
    /** The responder's role: the one IAM publisher (its ARN output, so the policy waits for the role: SNS refuses a principal that does not exist). */
    readonly roleArn: V;
    /** Name prefix of the responder's alarms, which publish through CloudWatch. */
    readonly alarmNamePrefix: string;
}

/**
 * The outcomes topic: the responder's role and its alarms publish, nobody else may (an IAM allow in
 * the account included), so what people read there comes from the responder.
 */
export function outcomesTopicPolicy<V = string>(facts: OutcomesTopicFacts<V>): PolicyDocument<ResourcePolicyStatement<V | string>> {
    const alarms = cloudWatchAlarmArn(facts.region, facts.accountId, `${facts.alarmNamePrefix}*`);
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ResponderPublishes",
                Effect: "Allow",
                Principal: { AWS: facts.roleArn },
                Action: "sns:Publish",
                Resource: facts.topicArn,
            },
            {
                Sid: "ResponderAlarmsPublish",
                Effect: "Allow",
                Principal: { Service: CLOUDWATCH_SERVICE },
                Action: "sns:Publish",
                Resource: facts.topicArn,
                Condition: { StringEquals: { "aws:SourceAccount": facts.accountId }, ArnLike: { "aws:SourceArn": alarms } },
            },
            {
                // Both conditions must hold to deny: a caller that is neither the role nor one of the alarms.
                Sid: "DenyPublishFromAnyoneElse",
                Effect: "Deny",
                Principal: "*",
                Action: "sns:Publish",
                Resource: facts.topicArn,
                Condition: { ArnNotEquals: { "aws:PrincipalArn": facts.roleArn }, ArnNotLike: { "aws:SourceArn": alarms } },
            },
        ],
    };
}

/** The facts the dead-letter queue's policy is built from. */
export interface DeadLetterQueueFacts<V> {
    readonly queueArn: V;
    readonly accountId: string;
    /** The alert rule whose undelivered events EventBridge sends here. */
    readonly ruleArn: string;
}

/** The dead-letter queue: EventBridge sends for the alert rule only; nothing without TLS. */
export function deadLetterQueuePolicy<V = string>(facts: DeadLetterQueueFacts<V>): PolicyDocument<ResourcePolicyStatement<V | string>> {
    return {
        Version: "2012-10-17",
        Statement: [
            eventBridgeRuleOnly("EventBridgeSendsUndeliveredAlerts", "sqs:SendMessage", facts.queueArn, facts),
            denyInsecureTransport("sqs:*", facts.queueArn),
        ],
    };
}
