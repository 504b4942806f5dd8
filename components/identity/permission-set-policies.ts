import { bucketArn, logGroupArn, roleArn } from "../../iam/arns";
import { policyDocument, type IdentityPolicyStatement, type PolicyDocument } from "../../iam/policy-document";
import { configDeliveryBucketName } from "../audit-logs/audit-log-names";
import { LOG_OBJECT_DELETION_ACTIONS, READER_BUCKET_ACTIONS, READER_OBJECT_ACTIONS } from "../audit-logs/log-archive-policies";
import { validBucketName } from "../../validation/aws-identifiers";
import { validLogGroupPatterns } from "../../validation/log-groups";
import {
    CLOUDTRAIL_TAMPERING_ACTIONS,
    DEFAULT_AUDIT_LOG_GROUP_PATTERNS,
    KEY_DESTRUCTION_ACTIONS,
    LOG_BUCKET_TAMPERING_ACTIONS,
    LOG_GROUP_DELETION_ACTIONS,
    LOG_GROUP_TAMPERING_ACTIONS,
} from "../organization/service-control-policies";
import { platformResourceStatements } from "../organization/platform-ownership";
import { MAX_SESSION_MINUTES } from "./identity-parameters";

/*
 * The permission sets by job function, as data: which AWS managed policies each attaches, its
 * inline policy (one pure function per job function), its session length. The component only
 * declares what is here; the tests read these documents as data and evaluate them.
 *
 * Every permission set carries the same explicit Deny on audit logs (`protectAuditLogs`), so no
 * job function — administrators included — can delete or alter them, whatever its managed
 * policies allow: an explicit Deny wins over any Allow. Every set also carries the platform's
 * fence (`platformResourceStatements`): nothing the stacks own in a member account (what carries
 * the ownership tag, the platform's buckets, topics, rules and queues) can be changed through it;
 * changes go through the deployment role, emergencies through break-glass. The organisation's SCPs deny the same in
 * member accounts; this deny also holds where SCPs do not reach (the management account) and does
 * not depend on an SCP staying attached.
 *
 * MFA: IAM Identity Center asks for MFA at sign-in, an instance-wide setting (Settings →
 * Authentication → "Every time they sign in", or the external identity provider's policy when
 * Identity Center federates one). No Pulumi resource manages it, so nothing here pretends to, and
 * no condition in these documents stands in for it: the second factor is asked at the Identity
 * Center sign-in, before any role session exists. Set it on the instance (components/identity/README.md).
 */

/** A permission set's inline policy: an identity-based policy of the one document model. */
export type PermissionSetPolicy = PolicyDocument<IdentityPolicyStatement>;

/** The job functions, each one permission set (its key is also its name in Identity Center). */
export const PERMISSION_SET_KEYS = ["developer", "security-auditor", "platform-admin", "read-only"] as const;
export type PermissionSetKey = (typeof PERMISSION_SET_KEYS)[number];

/** The AWS managed policies the permission sets attach (ARNs from the AWS Managed Policy reference). */
export const AWS_MANAGED_POLICY_ARNS = {
    AdministratorAccess: "arn:aws:iam::aws:policy/AdministratorAccess",
    SecurityAudit: "arn:aws:iam::aws:policy/SecurityAudit",
    ViewOnlyAccess: "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
} as const;

/** Where the audit logs are: the inputs of the Deny every permission set carries. */
export interface AuditLogLocation {
    /** Name of the organisation's log-archive bucket (CloudTrail); AWS Config delivers beside it, to `<name>-config`. */
    logArchiveBucketName: string;
    /** Audit log group name patterns (`*` wildcard); default `DEFAULT_AUDIT_LOG_GROUP_PATTERNS`. */
    auditLogGroupPatterns?: readonly string[];
}

/** Everything about one job function that is not an argument of the component. */
export interface PermissionSetDefinition {
    /** The permission set's description in Identity Center. */
    readonly description: string;
    /** AWS managed policies attached to the permission set. */
    readonly managedPolicyArns: readonly string[];
    /** Session length unless the component's `sessionDurations` says otherwise (ISO-8601). */
    readonly defaultSessionDuration: string;
    /** Longest session the component accepts for it, in minutes (administrators get less). */
    readonly maxSessionMinutes: number;
    /** Its inline policy. */
    readonly inlinePolicy: (location: AuditLogLocation) => PermissionSetPolicy;
}

/** Writing into audit log objects or changing their retention, ACLs or tags (beyond `LOG_OBJECT_DELETION_ACTIONS`). */
export const LOG_OBJECT_ALTERATION_ACTIONS = [
    "s3:PutObject",
    "s3:PutObjectAcl",
    "s3:PutObjectVersionAcl",
    "s3:PutObjectRetention",
    "s3:PutObjectLegalHold",
    "s3:PutObjectTagging",
    "s3:PutObjectVersionTagging",
    "s3:DeleteObjectTagging",
    "s3:DeleteObjectVersionTagging",
] as const;

/** Log-archive bucket settings beyond `LOG_BUCKET_TAMPERING_ACTIONS`: its access logging, ACL, ownership, public access block and replication. */
export const LOG_BUCKET_SETTING_ACTIONS = [
    "s3:PutBucketLogging",
    "s3:PutBucketAcl",
    "s3:PutBucketOwnershipControls",
    "s3:PutBucketPublicAccessBlock",
    "s3:PutReplicationConfiguration",
] as const;

/** CloudTrail Lake event data stores: deleting, changing or stopping them (beyond `CLOUDTRAIL_TAMPERING_ACTIONS`). */
export const EVENT_DATA_STORE_TAMPERING_ACTIONS = [
    "cloudtrail:DeleteEventDataStore",
    "cloudtrail:UpdateEventDataStore",
    "cloudtrail:StopEventDataStoreIngestion",
] as const;

/** Writing forged events into audit log groups (beyond `LOG_GROUP_DELETION_ACTIONS` and `LOG_GROUP_TAMPERING_ACTIONS`). */
export const LOG_EVENT_FORGERY_ACTIONS = ["logs:PutLogEvents"] as const;

/** Account-level settings of the member account baseline that `ec2:*` and `s3:*` would otherwise let a developer switch off. */
export const BASELINE_TAMPERING_ACTIONS = [
    "ec2:DisableEbsEncryptionByDefault",
    "ec2:ModifyEbsDefaultKmsKeyId",
    "ec2:ResetEbsDefaultKmsKeyId",
    "ec2:DeleteFlowLogs",
    "s3:PutAccountPublicAccessBlock",
] as const;

/**
 * Largest inline policy a permission set can carry, in characters: Identity Center accepts 32,768,
 * but provisions it as an inline policy of an IAM role, and IAM caps a role's inline policies at
 * 10,240 characters in total. Checked on the minified JSON that is sent.
 */
export const INLINE_POLICY_MAX_CHARACTERS = 10_240;

const document = (...statements: IdentityPolicyStatement[]): PermissionSetPolicy => policyDocument(statements);

/** The audit buckets' ARNs (the archive and its Config delivery bucket) and their objects' patterns, from a validated name. */
function archiveArns(location: AuditLogLocation): { buckets: string[]; objects: string[] } {
    const archive = validBucketName("logArchiveBucketName", location.logArchiveBucketName);
    // AWS Config's deliveries are audit evidence too, in their own bucket beside the archive.
    const buckets = [bucketArn(archive), bucketArn(configDeliveryBucketName(archive))];
    return { buckets, objects: buckets.map((bucket) => `${bucket}/*`) };
}

/**
 * ARN patterns for the audit log groups and their streams in any region and account: the group
 * (`…:log-group:<name>`) and what lies below it (`…:log-group:<name>:*`, streams included). A
 * pattern that already ends with `*` covers both.
 */
export function auditLogGroupArns(patterns: readonly string[] = DEFAULT_AUDIT_LOG_GROUP_PATTERNS): string[] {
    return validLogGroupPatterns("auditLogGroupPatterns", patterns).flatMap((pattern) => {
        const group = logGroupArn("*", "*", pattern);
        return pattern.endsWith("*") ? [group] : [group, `${group}:*`];
    });
}

/**
 * The explicit Deny every permission set carries: deleting or altering audit log objects and
 * versions in the log-archive bucket; changing the bucket's policy, lifecycle, object lock,
 * versioning, encryption, logging, ACLs, ownership, public access block or replication, or
 * deleting it; stopping, deleting or changing CloudTrail trails and event data stores; deleting
 * audit log groups or streams, shortening their retention, removing their subscription, key or
 * deletion protection, or writing into them; and destroying KMS keys (disable, schedule deletion,
 * delete imported material, disable rotation), which would make encrypted logs unreadable.
 * No conditions: nothing about the request lifts it.
 */
export function protectAuditLogs(location: AuditLogLocation): IdentityPolicyStatement[] {
    const archive = archiveArns(location);
    const logGroups = auditLogGroupArns(location.auditLogGroupPatterns);
    return [
        {
            Sid: "DenyAuditLogObjectChanges",
            Effect: "Deny",
            Action: [...LOG_OBJECT_DELETION_ACTIONS, ...LOG_OBJECT_ALTERATION_ACTIONS],
            Resource: archive.objects,
        },
        {
            Sid: "DenyLogArchiveBucketChanges",
            Effect: "Deny",
            Action: [...LOG_BUCKET_TAMPERING_ACTIONS, ...LOG_BUCKET_SETTING_ACTIONS],
            Resource: archive.buckets,
        },
        {
            Sid: "DenyCloudTrailChanges",
            Effect: "Deny",
            Action: [...CLOUDTRAIL_TAMPERING_ACTIONS, ...EVENT_DATA_STORE_TAMPERING_ACTIONS],
            Resource: "*",
        },
        {
            Sid: "DenyAuditLogGroupChanges",
            Effect: "Deny",
            Action: [...LOG_GROUP_DELETION_ACTIONS, ...LOG_GROUP_TAMPERING_ACTIONS, ...LOG_EVENT_FORGERY_ACTIONS],
            Resource: logGroups,
        },
        { Sid: "DenyKeyDestruction", Effect: "Deny", Action: [...KEY_DESTRUCTION_ACTIONS], Resource: "*" },
    ];
}

/** Path of the roles developers may pass to their own functions and instances; the platform's roles are never on it. */
export const WORKLOAD_ROLE_PATH = "/workload/";

/** The services developers may pass a workload role to: Lambda for functions, EC2 for instance profiles. */
export const WORKLOAD_ROLE_SERVICES = ["lambda.amazonaws.com", "ec2.amazonaws.com"] as const;

/**
 * Developers build their own workloads: EC2, Lambda and S3, passing only roles under
 * `WORKLOAD_ROLE_PATH` and only to Lambda and EC2, the Lambda functions' own log groups to read,
 * and KMS keys only through those three services (so they can use encrypted volumes, objects and
 * functions; never administer a key). No other IAM action (roles are created by the platform), no
 * Organizations, no other service. The platform's resources, the account baseline's EBS encryption
 * by default, flow logs and account public access block stay out of reach; audit logs as for everyone.
 */
export function developerPolicy(location: AuditLogLocation): PermissionSetPolicy {
    return document(
        { Sid: "DeveloperServices", Effect: "Allow", Action: ["ec2:*", "lambda:*", "s3:*"], Resource: "*" },
        {
            Sid: "PassWorkloadRoles",
            Effect: "Allow",
            Action: "iam:PassRole",
            Resource: roleArn("*", "*", WORKLOAD_ROLE_PATH),
            Condition: { StringEquals: { "iam:PassedToService": WORKLOAD_ROLE_SERVICES } },
        },
        {
            Sid: "ReadLambdaLogs",
            Effect: "Allow",
            Action: [
                "logs:DescribeLogStreams",
                "logs:GetLogEvents",
                "logs:FilterLogEvents",
                "logs:StartQuery",
                "logs:StopQuery",
                "logs:GetQueryResults",
            ],
            Resource: [logGroupArn("*", "*", "/aws/lambda/*")],
        },
        { Sid: "ListLogGroups", Effect: "Allow", Action: ["logs:DescribeLogGroups", "logs:DescribeQueries"], Resource: "*" },
        {
            Sid: "UseKeysThroughDeveloperServices",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:DescribeKey", "kms:CreateGrant"],
            Resource: "*",
            Condition: { StringLike: { "kms:ViaService": ["ec2.*.amazonaws.com", "s3.*.amazonaws.com", "lambda.*.amazonaws.com"] } },
        },
        { Sid: "DenyBaselineChanges", Effect: "Deny", Action: [...BASELINE_TAMPERING_ACTIONS], Resource: "*" },
        ...platformResourceStatements(location.logArchiveBucketName),
        ...protectAuditLogs(location),
    );
}

/**
 * The security team: on top of SecurityAudit and ViewOnlyAccess (configuration metadata), read the
 * log archive (objects, versions, bucket settings; KMS decrypt only through S3), search CloudTrail
 * and CloudWatch Logs, and read and investigate in GuardDuty, Security Hub and Detective. Nothing
 * that archives, suppresses or changes a finding; and the explicit Deny on audit logs.
 */
export function securityAuditorPolicy(location: AuditLogLocation): PermissionSetPolicy {
    const archive = archiveArns(location);
    return document(
        // What the archive's bucket policy lets its readers do, and reading the bucket's settings.
        { Sid: "ReadLogArchiveObjects", Effect: "Allow", Action: [...READER_OBJECT_ACTIONS], Resource: archive.objects },
        {
            Sid: "ReadLogArchiveBucket",
            Effect: "Allow",
            Action: [
                ...READER_BUCKET_ACTIONS,
                "s3:GetBucketVersioning",
                "s3:GetBucketPolicy",
                "s3:GetLifecycleConfiguration",
                "s3:GetBucketObjectLockConfiguration",
                "s3:GetEncryptionConfiguration",
                "s3:GetBucketLogging",
            ],
            Resource: archive.buckets,
        },
        {
            Sid: "DecryptLogsThroughS3",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:DescribeKey"],
            Resource: "*",
            Condition: { StringLike: { "kms:ViaService": "s3.*.amazonaws.com" } },
        },
        {
            Sid: "SearchCloudTrail",
            Effect: "Allow",
            Action: [
                "cloudtrail:LookupEvents",
                "cloudtrail:GetTrail",
                "cloudtrail:GetTrailStatus",
                "cloudtrail:DescribeTrails",
                "cloudtrail:ListTrails",
                "cloudtrail:GetEventSelectors",
                "cloudtrail:GetInsightSelectors",
                "cloudtrail:ListEventDataStores",
                "cloudtrail:GetEventDataStore",
                "cloudtrail:StartQuery",
                "cloudtrail:DescribeQuery",
                "cloudtrail:GetQueryResults",
                "cloudtrail:ListQueries",
                "cloudtrail:CancelQuery",
            ],
            Resource: "*",
        },
        {
            Sid: "SearchLogs",
            Effect: "Allow",
            Action: [
                "logs:DescribeLogGroups",
                "logs:DescribeLogStreams",
                "logs:GetLogEvents",
                "logs:FilterLogEvents",
                "logs:GetLogRecord",
                "logs:StartQuery",
                "logs:StopQuery",
                "logs:GetQueryResults",
                "logs:DescribeQueries",
                "logs:StartLiveTail",
                "logs:StopLiveTail",
            ],
            Resource: "*",
        },
        { Sid: "ReadGuardDuty", Effect: "Allow", Action: ["guardduty:Get*", "guardduty:List*", "guardduty:Describe*"], Resource: "*" },
        {
            Sid: "ReadSecurityHub",
            Effect: "Allow",
            Action: ["securityhub:Get*", "securityhub:List*", "securityhub:Describe*", "securityhub:BatchGet*"],
            Resource: "*",
        },
        {
            Sid: "InvestigateWithDetective",
            Effect: "Allow",
            Action: [
                "detective:Get*",
                "detective:List*",
                "detective:Describe*",
                "detective:BatchGet*",
                "detective:SearchGraph",
                "detective:StartInvestigation",
                "detective:UpdateInvestigationState",
            ],
            Resource: "*",
        },
        ...platformResourceStatements(location.logArchiveBucketName),
        ...protectAuditLogs(location),
    );
}

/**
 * Platform administrators: AdministratorAccess (managed) with the platform's fence and the explicit
 * Deny on audit logs as their whole inline policy: they administer the account, while the
 * platform's own resources change only through the stacks (the deployment role) or break-glass.
 */
export function platformAdminPolicy(location: AuditLogLocation): PermissionSetPolicy {
    return document(...platformResourceStatements(location.logArchiveBucketName), ...protectAuditLogs(location));
}

/** Read-only: ViewOnlyAccess (managed; metadata, no data) with the platform's fence and the explicit Deny on audit logs. */
export function readOnlyPolicy(location: AuditLogLocation): PermissionSetPolicy {
    return document(...platformResourceStatements(location.logArchiveBucketName), ...protectAuditLogs(location));
}

/** The job functions. Session lengths: 4 hours for people at work, 1 hour (at most 2) for administrators. */
export const PERMISSION_SETS: Readonly<Record<PermissionSetKey, PermissionSetDefinition>> = {
    developer: {
        description:
            "Developers: their own EC2, Lambda and S3 workloads, passing workload roles only, Lambda logs, KMS only through those services; never the platform's resources",
        managedPolicyArns: [],
        defaultSessionDuration: "PT4H",
        maxSessionMinutes: MAX_SESSION_MINUTES,
        inlinePolicy: developerPolicy,
    },
    "security-auditor": {
        description:
            "Security team: read configuration, the log archive, CloudTrail and CloudWatch Logs; investigate in GuardDuty, Security Hub and Detective; never delete or alter audit logs",
        managedPolicyArns: [AWS_MANAGED_POLICY_ARNS.SecurityAudit, AWS_MANAGED_POLICY_ARNS.ViewOnlyAccess],
        defaultSessionDuration: "PT4H",
        maxSessionMinutes: MAX_SESSION_MINUTES,
        inlinePolicy: securityAuditorPolicy,
    },
    "platform-admin": {
        description:
            "Platform administrators: AdministratorAccess for short sessions; never delete or alter audit logs or destroy KMS keys",
        managedPolicyArns: [AWS_MANAGED_POLICY_ARNS.AdministratorAccess],
        defaultSessionDuration: "PT1H",
        maxSessionMinutes: 2 * 60,
        inlinePolicy: platformAdminPolicy,
    },
    "read-only": {
        description: "Read-only: view resources and their metadata (ViewOnlyAccess), no data; never delete or alter audit logs",
        managedPolicyArns: [AWS_MANAGED_POLICY_ARNS.ViewOnlyAccess],
        defaultSessionDuration: "PT4H",
        maxSessionMinutes: MAX_SESSION_MINUTES,
        inlinePolicy: readOnlyPolicy,
    },
};

/** The inline policy as sent to Identity Center: minified JSON, refused (naming the set) if IAM could not take it. */
export function inlinePolicyContent(key: string, policy: PermissionSetPolicy): string {
    const content = JSON.stringify(policy);
    if (content.length > INLINE_POLICY_MAX_CHARACTERS) {
        throw new Error(
            `permission set ${key}: inline policy of ${content.length} characters, more than the ${INLINE_POLICY_MAX_CHARACTERS} an IAM role's inline policies may have`,
        );
    }
    return content;
}
