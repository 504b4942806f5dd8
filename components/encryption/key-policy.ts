// Key policies of the key ring, as data: pure functions from the environment's facts to the policy
// document, so every statement can be tested without a deployment. Key-ring.ts only serialises them.
//
// Who may do what, on every key:
// - Key administrators (role ARNs from config; the role Pulumi deploys with must be one of them,
//   or KMS refuses the policy under its lockout safety check) manage the key: policy, rotation,
//   tags, aliases, enable/disable, deletion, replication. They cannot use it, and cannot create
//   grants (a grant would let them give themselves use).
// - The account root gets only DescribeKey/GetKeyPolicy/PutKeyPolicy: the minimum that keeps a key
//   recoverable if every administrator role is deleted (otherwise only AWS Support can restore
//   access). A root principal delegates to IAM, so this lets an IAM principal of the account that
//   an identity policy allows kms:PutKeyPolicy rewrite the policy: a deliberate, logged act the
//   organisation's SCPs can reserve for break-glass. It does NOT let IAM policies use, grant,
//   disable or delete the key, unlike AWS's default `kms:*` statement.
// - Application keys: the application's roles (key users) use the key and may grant it to AWS
//   resources only (kms:GrantIsForAWSResource).
// - Purpose keys: one family of services each. CloudWatch Logs (a service principal) only for the
//   environment's log groups; GuardDuty (a service principal) only for this account's detector in
//   the key's region; EventBridge (a service principal) only for the one rule that publishes alerts,
//   and only into the alerts topic and the automated responder's dead-letter queue; CloudWatch only
//   for the responder's alarms; otherwise principals of the account (root principal: IAM policies
//   decide who) only through the purpose's services (kms:ViaService) and only from this account
//   (kms:CallerAccount) — for the alerts key, only into the responder's topic and queue, and its
//   function's environment variables.
// Nothing is ever granted to a wildcard principal.

import {
    accountRoot,
    autoScalingServiceLinkedRole,
    cloudWatchAlarmArn,
    eventRuleArn,
    guardDutyDetectorArnPattern,
    lambdaFunctionArn,
    logGroupArn,
    logGroupArnPattern,
    logsServicePrincipal,
    snsTopicArn,
    sqsQueueArn,
    viaService,
} from "../../iam/arns";
import { policyDocument, type KeyPolicyStatement, type PolicyDocument } from "../../iam/policy-document";
import { responderAlarmNamePrefix, responderNames } from "../response/responder-names";
import { DATA_STORE_SERVICES, type KeyPurpose } from "./key-purposes";

/** Symmetric encryption use of a key, and nothing else (no signing, MACs or data key pairs). */
export const KEY_USE_ACTIONS = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncryptFrom",
    "kms:ReEncryptTo",
    "kms:GenerateDataKey",
    "kms:GenerateDataKeyWithoutPlaintext",
    "kms:DescribeKey",
] as const;

/** Grants for AWS resources (EBS attachments, RDS, …); always paired with kms:GrantIsForAWSResource. */
export const KEY_GRANT_ACTIONS = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"] as const;

/**
 * Management of a key, listed one by one: AWS's default administrator statement uses `kms:Create*`,
 * which includes kms:CreateGrant, a way to use the key.
 */
export const KEY_ADMIN_ACTIONS = [
    "kms:DescribeKey",
    "kms:GetKeyPolicy",
    "kms:PutKeyPolicy",
    "kms:ListKeyPolicies",
    "kms:GetKeyRotationStatus",
    "kms:EnableKeyRotation",
    "kms:DisableKeyRotation",
    "kms:RotateKeyOnDemand",
    "kms:ListKeyRotations",
    "kms:ListResourceTags",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:UpdateKeyDescription",
    "kms:EnableKey",
    "kms:DisableKey",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
    "kms:CreateAlias",
    "kms:UpdateAlias",
    "kms:DeleteAlias",
    "kms:ListGrants",
    "kms:RevokeGrant",
    "kms:ReplicateKey",
    "kms:UpdatePrimaryRegion",
] as const;

/** What the account root keeps: enough to read and restore the key policy, nothing else. */
export const KEY_POLICY_RECOVERY_ACTIONS = ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy"] as const;

/** A key policy: the one document model, every statement naming its principal, `Resource` `*` (this key). */
export type KeyPolicyDocument = PolicyDocument<KeyPolicyStatement>;

/** The facts every key policy of an environment is built from. */
export interface KeyPolicyScope {
    /** Account that owns the key. */
    readonly accountId: string;
    /** Region of this key (a replica's policy names its own region's services). */
    readonly region: string;
    /** Role ARNs that administer the key (non-empty). */
    readonly administrators: readonly string[];
}

/**
 * What purpose keys are bound to beyond the account and region: names the environment chooses for
 * the resources a purpose key serves. Names, not ARNs: a replica's policy builds the ARNs of its
 * own region from them.
 */
export interface PurposeBindings {
    /** Name prefix of the environment's log groups, starting and ending with `/`: the logs key serves these only. */
    readonly logGroupNamePrefix: string;
    /** Name of the EventBridge rule (default event bus) that publishes to the alerts topic: the only user of the alerts key. */
    readonly alertRuleName: string;
    /** Name of the SNS topic the alerts key encrypts. */
    readonly alertTopicName: string;
}

/** Actions GuardDuty needs on the key it encrypts exported findings with (AWS: "Exporting findings", key policy). */
export const GUARDDUTY_EXPORT_ACTIONS = ["kms:GenerateDataKey"] as const;

/** Actions a reader of exported findings needs (through S3): decrypt, and see which key it is. */
export const FINDINGS_READ_ACTIONS = ["kms:Decrypt", "kms:DescribeKey"] as const;

/**
 * Actions a producer needs to publish to an SNS topic, or send to an SQS queue, encrypted with a
 * customer-managed key (the service generates the data key on the producer's behalf).
 */
export const ENCRYPTED_TOPIC_PUBLISH_ACTIONS = ["kms:GenerateDataKey", "kms:Decrypt"] as const;

/**
 * What AWS services do with an application's key besides its roles, for an application the
 * workload tier runs. Names, not ARNs: a replica's policy builds the ARNs of its own region.
 */
export interface ApplicationKeyServices {
    /** The application's container log group: CloudWatch Logs encrypts it with the key, for that log group only. */
    readonly logGroupName?: string;
    /**
     * The application has a database encrypted with the key (storage and Performance Insights): the
     * account's principals may use the key through RDS only, which is how RDS creates the grants it
     * needs on behalf of whoever creates the cluster (its IAM policy decides who).
     */
    readonly database?: boolean;
}

/** Policy of an application's key: administrators manage, the application's roles use, and the services of `services` serve it. */
export function applicationKeyPolicy(
    scope: KeyPolicyScope,
    keyUsers: readonly string[],
    services: ApplicationKeyServices = {},
): KeyPolicyDocument {
    requireNonEmpty(keyUsers, "key users");
    return document(scope, [
        {
            Sid: "KeyUsersUseKey",
            Effect: "Allow",
            Principal: { AWS: [...keyUsers] },
            Action: [...KEY_USE_ACTIONS],
            Resource: "*",
        },
        {
            Sid: "KeyUsersGrantKeyToAwsResourcesOnly",
            Effect: "Allow",
            Principal: { AWS: [...keyUsers] },
            Action: [...KEY_GRANT_ACTIONS],
            Resource: "*",
            Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
        },
        ...(services.logGroupName === undefined
            ? []
            : [
                  cloudWatchLogsStatement(
                      "CloudWatchLogsUsesKeyForApplicationLogGroup",
                      logGroupArn(scope.region, scope.accountId, services.logGroupName),
                      scope.region,
                  ),
              ]),
        ...(services.database === true ? throughServices("Rds", scope.accountId, [viaService("rds", scope.region)]) : []),
    ]);
}

/**
 * Policy of a purpose key: administrators manage; the purpose's services use it on behalf of this
 * account only. `bindings` name what the keys serve: the log-group prefix (e.g. `/zero-trust/prod/`)
 * bounds the log groups the logs key serves, the alert rule and topic bound the alerts key.
 */
export function purposeKeyPolicy(scope: KeyPolicyScope, purpose: KeyPurpose, bindings: PurposeBindings): KeyPolicyDocument {
    return document(scope, purposeStatements(scope, purpose, bindings));
}

function purposeStatements(scope: KeyPolicyScope, purpose: KeyPurpose, bindings: PurposeBindings): KeyPolicyStatement[] {
    const { accountId, region } = scope;
    const { logGroupNamePrefix } = bindings;
    switch (purpose) {
        case "logs":
            return [
                cloudWatchLogsStatement(
                    "CloudWatchLogsUsesKeyForEnvironmentLogGroups",
                    logGroupArnPattern(region, accountId, logGroupNamePrefix),
                    region,
                ),
            ];
        case "volumes": {
            const ec2 = viaService("ec2", region);
            const serviceLinkedRole = autoScalingServiceLinkedRole(accountId);
            return [
                ...throughServices("Ec2", accountId, [ec2]),
                {
                    // The service-linked role has no KMS permissions of its own, so IAM delegation cannot
                    // reach it: it is named here, still only through EC2.
                    Sid: "AutoScalingUsesKeyThroughEc2",
                    Effect: "Allow",
                    Principal: { AWS: serviceLinkedRole },
                    Action: [...KEY_USE_ACTIONS],
                    Resource: "*",
                    Condition: { StringEquals: { "kms:ViaService": ec2, "kms:CallerAccount": accountId } },
                },
                {
                    Sid: "AutoScalingGrantsKeyToVolumesThroughEc2",
                    Effect: "Allow",
                    Principal: { AWS: serviceLinkedRole },
                    Action: ["kms:CreateGrant"],
                    Resource: "*",
                    Condition: {
                        StringEquals: { "kms:ViaService": ec2, "kms:CallerAccount": accountId },
                        Bool: { "kms:GrantIsForAWSResource": "true" },
                    },
                },
            ];
        }
        case "secrets":
            return throughServices("SecretsManager", accountId, [viaService("secretsmanager", region)]);
        case "data":
            return throughServices(
                "DataStores",
                accountId,
                DATA_STORE_SERVICES.map((service) => viaService(service, region)),
            );
        case "findings":
            return [
                {
                    // AWS's statement for findings export, with the confused-deputy guard it recommends:
                    // GuardDuty may encrypt only for this account's detector in this region.
                    Sid: "GuardDutyEncryptsExportedFindings",
                    Effect: "Allow",
                    Principal: { Service: "guardduty.amazonaws.com" },
                    Action: [...GUARDDUTY_EXPORT_ACTIONS],
                    Resource: "*",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": accountId },
                        ArnLike: { "aws:SourceArn": guardDutyDetectorArnPattern(region, accountId) },
                    },
                },
                {
                    // Investigators read findings through S3 (IAM decides who); nobody but GuardDuty encrypts.
                    Sid: "AccountPrincipalsReadFindingsThroughS3",
                    Effect: "Allow",
                    Principal: { AWS: accountRoot(accountId) },
                    Action: [...FINDINGS_READ_ACTIONS],
                    Resource: "*",
                    Condition: { StringEquals: { "kms:ViaService": viaService("s3", region), "kms:CallerAccount": accountId } },
                },
            ];
        case "alerts": {
            const ruleArn = eventRuleArn(region, accountId, bindings.alertRuleName);
            const responder = responderNames(bindings.alertRuleName);
            const deadLetterQueueArn = sqsQueueArn(region, accountId, responder.deadLetterQueue);
            const responderEnvironment = {
                "kms:ViaService": viaService("lambda", region),
                "kms:CallerAccount": accountId,
                "kms:EncryptionContext:aws:lambda:FunctionArn": lambdaFunctionArn(region, accountId, responder.function),
            };
            return [
                {
                    // SNS calls KMS on behalf of the publisher; the publisher is EventBridge acting for the one
                    // rule, and the encryption context names the topic (AWS: SNS "compatibility between event
                    // sources from AWS services and encrypted topics").
                    Sid: "EventBridgePublishesAlertsToEncryptedTopic",
                    Effect: "Allow",
                    Principal: { Service: "events.amazonaws.com" },
                    Action: [...ENCRYPTED_TOPIC_PUBLISH_ACTIONS],
                    Resource: "*",
                    Condition: {
                        StringEquals: {
                            "aws:SourceAccount": accountId,
                            "kms:EncryptionContext:aws:sns:topicArn": snsTopicArn(region, accountId, bindings.alertTopicName),
                        },
                        ArnEquals: { "aws:SourceArn": ruleArn },
                    },
                },
                {
                    // The automated responder (components/response) is a target of the same rule; what
                    // EventBridge cannot deliver to it goes to the responder's dead-letter queue.
                    Sid: "EventBridgeSendsUndeliveredAlertsToDeadLetterQueue",
                    Effect: "Allow",
                    Principal: { Service: "events.amazonaws.com" },
                    Action: [...ENCRYPTED_TOPIC_PUBLISH_ACTIONS],
                    Resource: "*",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": accountId, "kms:EncryptionContext:aws:sqs:arn": deadLetterQueueArn },
                        ArnEquals: { "aws:SourceArn": ruleArn },
                    },
                },
                {
                    // The responder's role publishes its outcomes (IAM decides who), into its topic only.
                    Sid: "AccountPrincipalsPublishResponderOutcomesThroughSns",
                    Effect: "Allow",
                    Principal: { AWS: accountRoot(accountId) },
                    Action: [...ENCRYPTED_TOPIC_PUBLISH_ACTIONS],
                    Resource: "*",
                    Condition: {
                        StringEquals: {
                            "kms:ViaService": viaService("sns", region),
                            "kms:CallerAccount": accountId,
                            "kms:EncryptionContext:aws:sns:topicArn": snsTopicArn(region, accountId, responder.topic),
                        },
                    },
                },
                {
                    // Lambda sends failed invocations with the responder's role; people read them back.
                    Sid: "AccountPrincipalsUseResponderDeadLetterQueueThroughSqs",
                    Effect: "Allow",
                    Principal: { AWS: accountRoot(accountId) },
                    Action: [...ENCRYPTED_TOPIC_PUBLISH_ACTIONS],
                    Resource: "*",
                    Condition: {
                        StringEquals: {
                            "kms:ViaService": viaService("sqs", region),
                            "kms:CallerAccount": accountId,
                            "kms:EncryptionContext:aws:sqs:arn": deadLetterQueueArn,
                        },
                    },
                },
                {
                    // The responder's settings (environment variables): Lambda encrypts them for the deployer and
                    // decrypts them for the function's role, with the function's ARN as encryption context.
                    Sid: "AccountPrincipalsUseResponderEnvironmentThroughLambda",
                    Effect: "Allow",
                    Principal: { AWS: accountRoot(accountId) },
                    Action: ["kms:Encrypt", "kms:Decrypt"],
                    Resource: "*",
                    Condition: { StringEquals: responderEnvironment },
                },
                {
                    // Lambda keeps a grant for the function it creates, constrained to the same context.
                    Sid: "AccountPrincipalsGrantResponderEnvironmentThroughLambda",
                    Effect: "Allow",
                    Principal: { AWS: accountRoot(accountId) },
                    Action: ["kms:CreateGrant"],
                    Resource: "*",
                    Condition: { StringEquals: responderEnvironment, Bool: { "kms:GrantIsForAWSResource": "true" } },
                },
                {
                    // The responder's alarms notify through its outcomes topic (CloudWatch calls as its service principal).
                    Sid: "CloudWatchAlarmsPublishToResponderOutcomes",
                    Effect: "Allow",
                    Principal: { Service: "cloudwatch.amazonaws.com" },
                    Action: [...ENCRYPTED_TOPIC_PUBLISH_ACTIONS],
                    Resource: "*",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": accountId },
                        ArnLike: {
                            "aws:SourceArn": cloudWatchAlarmArn(region, accountId, `${responderAlarmNamePrefix(bindings.alertRuleName)}*`),
                        },
                    },
                },
            ];
        }
    }
}

/**
 * The account's principals (as their IAM policies allow) use the key only through these services,
 * from this account, and may grant it only to the AWS resources those services create.
 */
/**
 * CloudWatch Logs calls KMS as its service principal; the encryption context names the log group,
 * so an ARN (pattern) binds the key to this account, region and log group(s): a tighter bound than
 * aws:SourceAccount alone.
 */
function cloudWatchLogsStatement(sid: string, logGroupArnOrPattern: string, region: string): KeyPolicyStatement {
    return {
        Sid: sid,
        Effect: "Allow",
        Principal: { Service: logsServicePrincipal(region) },
        Action: [...KEY_USE_ACTIONS],
        Resource: "*",
        Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": logGroupArnOrPattern } },
    };
}

function throughServices(label: string, accountId: string, services: readonly string[]): KeyPolicyStatement[] {
    const via = services.length === 1 ? services[0] : [...services];
    return [
        {
            Sid: `AccountPrincipalsUseKeyThrough${label}`,
            Effect: "Allow",
            Principal: { AWS: accountRoot(accountId) },
            Action: [...KEY_USE_ACTIONS],
            Resource: "*",
            Condition: { StringEquals: { "kms:ViaService": via, "kms:CallerAccount": accountId } },
        },
        {
            Sid: `AccountPrincipalsGrantKeyThrough${label}`,
            Effect: "Allow",
            Principal: { AWS: accountRoot(accountId) },
            Action: ["kms:CreateGrant"],
            Resource: "*",
            Condition: {
                StringEquals: { "kms:ViaService": via, "kms:CallerAccount": accountId },
                Bool: { "kms:GrantIsForAWSResource": "true" },
            },
        },
    ];
}

/**
 * The statements every key of the project carries, first in its policy: the administrators manage
 * it, the account root can only recover the policy.
 */
export function keyManagementStatements(accountId: string, administrators: readonly string[]): KeyPolicyStatement[] {
    return [
        {
            Sid: "KeyAdministratorsManageButDoNotUse",
            Effect: "Allow",
            Principal: { AWS: [...administrators] },
            Action: [...KEY_ADMIN_ACTIONS],
            Resource: "*",
        },
        {
            Sid: "AccountCanRecoverKeyPolicyOnly",
            Effect: "Allow",
            Principal: { AWS: accountRoot(accountId) },
            Action: [...KEY_POLICY_RECOVERY_ACTIONS],
            Resource: "*",
        },
    ];
}

/** The statements every key carries (administrators, root recovery) followed by the key's own. */
function document(scope: KeyPolicyScope, statements: readonly KeyPolicyStatement[]): KeyPolicyDocument {
    requireNonEmpty(scope.administrators, "key administrators");
    return policyDocument([...keyManagementStatements(scope.accountId, scope.administrators), ...statements]);
}

function requireNonEmpty(principals: readonly string[], what: string): void {
    if (principals.length === 0) {
        // Config validation refuses this first; a policy with an empty principal list is malformed.
        throw new Error(`a key policy needs at least one of its ${what}`);
    }
}
