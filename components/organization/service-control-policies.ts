import { accountRoot, ec2Arn, logGroupArn } from "../../iam/arns";
import { policyDocument, type Condition, type IdentityPolicyStatement } from "../../iam/policy-document";
import { LOG_OBJECT_DELETION_ACTIONS } from "../audit-logs/log-archive-policies";
import { validBucketArn, validOptionalRoleName, validRegions, validRoleName } from "../../validation/aws-identifiers";
import { validLogGroupPatterns } from "../../validation/log-groups";
import { roleArnPattern } from "./guardrail-parameters";
import { platformResourceStatements } from "./platform-ownership";
import { ROLE_CHANGE_ACTIONS } from "./role-change-actions";
import { combineScps, type ScpDocument } from "./scp-document";

/*
 * The organisation's guardrails as SCP documents, one pure function per guardrail. Action names
 * are checked against the AWS Service Authorization Reference; where AWS publishes an example SCP
 * (Organizations user guide, EC2 user guide) the statement follows it.
 *
 * Exemptions are by role name in every member account (`arn:aws:iam::*:role/<name>`, path `/`):
 * - the break-glass role: the named emergency role, exempt where the issue says so;
 * - the deployment role (optional): the role the Pulumi stacks assume in member accounts (usually
 *   OrganizationAccountAccessRole). It must create and update detectors, recorders, hubs, analyzers,
 *   the log-archive bucket policy and log group retention, so it is exempt from the "change"
 *   guardrails; never from deleting audit logs, key destruction, root, regions, keys or IMDS.
 * Both role names are themselves protected (`protectGuardrailRoles`): nobody else may create a role
 * of that name in an account that lacks it, nor change either role.
 */

/** Actions that turn off or blind CloudTrail. */
export const CLOUDTRAIL_TAMPERING_ACTIONS = [
    "cloudtrail:DeleteTrail",
    "cloudtrail:StopLogging",
    "cloudtrail:UpdateTrail",
    "cloudtrail:PutEventSelectors",
] as const;

/**
 * Actions that turn off GuardDuty, cut a member from its administrator, or hide findings
 * (suppression filters, trusted IP / entity lists, the findings export).
 */
export const GUARDDUTY_TAMPERING_ACTIONS = [
    "guardduty:DeleteDetector",
    "guardduty:UpdateDetector",
    "guardduty:DisassociateFromAdministratorAccount",
    "guardduty:DisassociateFromMasterAccount",
    "guardduty:DeleteMembers",
    "guardduty:DisassociateMembers",
    "guardduty:StopMonitoringMembers",
    "guardduty:CreateFilter",
    "guardduty:UpdateFilter",
    "guardduty:CreateIPSet",
    "guardduty:UpdateIPSet",
    "guardduty:CreateTrustedEntitySet",
    "guardduty:UpdateTrustedEntitySet",
    "guardduty:DeletePublishingDestination",
    "guardduty:UpdatePublishingDestination",
] as const;

/** Actions that stop or narrow AWS Config recording, its delivery, its rules or its aggregation. */
export const CONFIG_TAMPERING_ACTIONS = [
    "config:StopConfigurationRecorder",
    "config:DeleteConfigurationRecorder",
    "config:PutConfigurationRecorder",
    "config:DeleteDeliveryChannel",
    "config:DeleteConfigRule",
    "config:DeleteAggregationAuthorization",
] as const;

/** Actions that turn off Security Hub, its standards and controls, or suppress and scatter its findings. */
export const SECURITY_HUB_TAMPERING_ACTIONS = [
    "securityhub:DisableSecurityHub",
    "securityhub:BatchDisableStandards",
    "securityhub:UpdateStandardsControl",
    "securityhub:BatchUpdateStandardsControlAssociations",
    "securityhub:UpdateSecurityHubConfiguration",
    "securityhub:DisableImportFindingsForProduct",
    "securityhub:DisassociateFromAdministratorAccount",
    "securityhub:DisassociateFromMasterAccount",
    "securityhub:DeleteMembers",
    "securityhub:DisassociateMembers",
    "securityhub:CreateAutomationRule",
    "securityhub:BatchUpdateAutomationRules",
    "securityhub:DeleteFindingAggregator",
    "securityhub:UpdateFindingAggregator",
] as const;

/** Actions that delete IAM Access Analyzer or archive its findings. */
export const ACCESS_ANALYZER_TAMPERING_ACTIONS = [
    "access-analyzer:DeleteAnalyzer",
    // Archiving a finding by hand (status ARCHIVED) hides it as well as an archive rule does.
    "access-analyzer:UpdateFindings",
    "access-analyzer:CreateArchiveRule",
    "access-analyzer:UpdateArchiveRule",
    "access-analyzer:ApplyArchiveRule",
] as const;

/** Changing the log-archive bucket so that logs expire, leak, or lose versioning and object lock. */
export const LOG_BUCKET_TAMPERING_ACTIONS = [
    "s3:DeleteBucket",
    "s3:PutBucketPolicy",
    "s3:DeleteBucketPolicy",
    "s3:PutLifecycleConfiguration",
    "s3:PutBucketVersioning",
    "s3:PutBucketObjectLockConfiguration",
    "s3:PutEncryptionConfiguration",
] as const;

/** Deleting audit log groups and their streams. */
export const LOG_GROUP_DELETION_ACTIONS = ["logs:DeleteLogGroup", "logs:DeleteLogStream"] as const;

/** Shortening the retention, stopping the forwarding, or removing the encryption or deletion protection of audit log groups. */
export const LOG_GROUP_TAMPERING_ACTIONS = [
    "logs:PutRetentionPolicy",
    "logs:DeleteSubscriptionFilter",
    "logs:DisassociateKmsKey",
    "logs:PutLogGroupDeletionProtection",
] as const;

/** Destroying a KMS key, or its material or rotation, which makes what it encrypted unreadable or weaker. */
export const KEY_DESTRUCTION_ACTIONS = [
    "kms:ScheduleKeyDeletion",
    "kms:DisableKey",
    "kms:DeleteImportedKeyMaterial",
    "kms:DisableKeyRotation",
] as const;

/**
 * Long-lived IAM user credentials. Creating users and console passwords is denied along with access
 * keys: people sign in through IAM Identity Center and workloads use roles, so an IAM user is only
 * ever a long-lived credential waiting to leak. `iam:UpdateAccessKey` stays allowed: the automated
 * responder deactivates keys with it.
 */
export const IAM_USER_CREDENTIAL_ACTIONS = ["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile"] as const;

// The guardrail-roles statement and the platform fence share the role actions.
export { ROLE_CHANGE_ACTIONS };

/**
 * Global services (and single operations) exempt from the region deny, exactly as AWS's example SCP
 * "Deny access to AWS based on the requested AWS Region" lists them (Organizations user guide): their
 * endpoints live in us-east-1, so denying us-east-1 would deny them. KMS and ACM are listed for
 * CloudFront; STS for its global endpoint.
 */
export const GLOBAL_SERVICE_ACTIONS = [
    "a4b:*",
    "acm:*",
    "aws-marketplace-management:*",
    "aws-marketplace:*",
    "aws-portal:*",
    "budgets:*",
    "ce:*",
    "chime:*",
    "cloudfront:*",
    "config:*",
    "cur:*",
    "directconnect:*",
    "ec2:DescribeRegions",
    "ec2:DescribeTransitGateways",
    "ec2:DescribeVpnGateways",
    "fms:*",
    "globalaccelerator:*",
    "health:*",
    "iam:*",
    "importexport:*",
    "kms:*",
    "mobileanalytics:*",
    "networkmanager:*",
    "organizations:*",
    "pricing:*",
    "route53:*",
    "route53domains:*",
    "s3:GetAccountPublic*",
    "s3:ListAllMyBuckets",
    "s3:PutAccountPublic*",
    "shield:*",
    "sts:*",
    "support:*",
    "supportplans:*",
    "trustedadvisor:*",
    "waf-regional:*",
    "waf:*",
    "wafv2:*",
    "wellarchitected:*",
] as const;

/** Default audit log groups: the VPC flow logs of every environment, and CloudTrail's log groups. */
export const DEFAULT_AUDIT_LOG_GROUP_PATTERNS = ["/zero-trust/*/vpc-flow-logs/*", "aws-cloudtrail-logs*"] as const;

/** The break-glass role, and optionally the deployment role, whose requests a guardrail lets through. */
export interface ExemptRoles {
    /** Name of the emergency role (same name in every member account, path `/`). */
    breakGlassRoleName: string;
    /** Name of the role the Pulumi stacks assume in member accounts; exempt only where said. */
    deploymentRoleName?: string;
}

/** Everything the guardrail documents are built from. */
export interface GuardrailParameters extends ExemptRoles {
    /** Regions where member accounts may work; every other region is denied (global services aside). */
    allowedRegions: readonly string[];
    /** ARN of the log-archive bucket (`arn:aws:s3:::<name>`) whose objects nobody may delete. */
    logArchiveBucketArn: string;
    /** Names of the audit log groups (wildcard `*` allowed); default `DEFAULT_AUDIT_LOG_GROUP_PATTERNS`. */
    auditLogGroupPatterns?: readonly string[];
}

/** `{ ArnNotLike: { aws:PrincipalArn: [...] } }` for the given role names. */
function exceptRoles(roleNames: readonly string[]): Condition {
    return { ArnNotLike: { "aws:PrincipalArn": roleNames.map(roleArnPattern) } };
}

/** The validated break-glass name alone, or with the deployment role, for the "change" guardrails. */
function exemptRoleNames(roles: ExemptRoles, withDeploymentRole: boolean): string[] {
    const breakGlass = validRoleName("breakGlassRoleName", roles.breakGlassRoleName);
    const deployment = validOptionalRoleName("deploymentRoleName", roles.deploymentRoleName);
    if (deployment === breakGlass) {
        throw new Error(`deploymentRoleName: ${JSON.stringify(deployment)} is the break-glass role's name; the two must differ`);
    }
    return withDeploymentRole && deployment !== undefined ? [breakGlass, deployment] : [breakGlass];
}

const document = (...statements: IdentityPolicyStatement[]): ScpDocument => policyDocument(statements);

/** Deny `organizations:LeaveOrganization`: an account that leaves takes itself out of every guardrail. No exemption. */
export function denyLeaveOrganization(): ScpDocument {
    return document({ Sid: "DenyLeaveOrganization", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" });
}

/**
 * Deny stopping or changing CloudTrail, GuardDuty, AWS Config, Security Hub and IAM Access Analyzer,
 * one statement per service, except for the break-glass role and the deployment role.
 */
export function protectSecurityServices(roles: ExemptRoles): ScpDocument {
    const Condition = exceptRoles(exemptRoleNames(roles, true));
    const statement = (Sid: string, Action: readonly string[]): IdentityPolicyStatement => ({
        Sid,
        Effect: "Deny",
        Action: [...Action],
        Resource: "*",
        Condition,
    });
    return document(
        statement("ProtectCloudTrail", CLOUDTRAIL_TAMPERING_ACTIONS),
        statement("ProtectGuardDuty", GUARDDUTY_TAMPERING_ACTIONS),
        statement("ProtectConfig", CONFIG_TAMPERING_ACTIONS),
        statement("ProtectSecurityHub", SECURITY_HUB_TAMPERING_ACTIONS),
        statement("ProtectAccessAnalyzer", ACCESS_ANALYZER_TAMPERING_ACTIONS),
    );
}

/**
 * Audit logs and the keys that encrypt them:
 * - deleting log objects in the log-archive bucket and deleting audit log groups is denied to
 *   everyone, break-glass included (retention is the lifecycle rules' and object lock's job);
 * - changing the bucket's policy, lifecycle, versioning, object lock or encryption, and the audit
 *   log groups' retention, forwarding, key or deletion protection: denied except for the
 *   break-glass and deployment roles (the stacks own those settings);
 * - scheduling key deletion, disabling a key or its rotation, deleting imported key material:
 *   denied except for the break-glass role.
 */
export function protectAuditLogs(
    parameters: ExemptRoles & Pick<GuardrailParameters, "logArchiveBucketArn" | "auditLogGroupPatterns">,
): ScpDocument {
    const bucketArn = validBucketArn("logArchiveBucketArn", parameters.logArchiveBucketArn);
    const logGroups = validLogGroupPatterns("auditLogGroupPatterns", parameters.auditLogGroupPatterns ?? DEFAULT_AUDIT_LOG_GROUP_PATTERNS)
        // The trailing `*` also covers the group's streams (`…:log-group:<name>:log-stream:<stream>`).
        .map((pattern) => logGroupArn("*", "*", `${pattern}${pattern.endsWith("*") ? "" : "*"}`));
    const changers = exceptRoles(exemptRoleNames(parameters, true));
    return document(
        { Sid: "DenyAuditLogObjectDeletion", Effect: "Deny", Action: [...LOG_OBJECT_DELETION_ACTIONS], Resource: `${bucketArn}/*` },
        { Sid: "DenyAuditLogGroupDeletion", Effect: "Deny", Action: [...LOG_GROUP_DELETION_ACTIONS], Resource: logGroups },
        {
            Sid: "ProtectLogArchiveBucket",
            Effect: "Deny",
            Action: [...LOG_BUCKET_TAMPERING_ACTIONS],
            Resource: bucketArn,
            Condition: changers,
        },
        {
            Sid: "ProtectAuditLogGroups",
            Effect: "Deny",
            Action: [...LOG_GROUP_TAMPERING_ACTIONS],
            Resource: logGroups,
            Condition: changers,
        },
        {
            Sid: "DenyKeyDestruction",
            Effect: "Deny",
            Action: [...KEY_DESTRUCTION_ACTIONS],
            Resource: "*",
            Condition: exceptRoles(exemptRoleNames(parameters, false)),
        },
    );
}

/** Deny every action by the root user of a member account (AWS's "block service access for the root user" example, for all actions). No exemption. */
export function denyRootUser(): ScpDocument {
    return document({
        Sid: "DenyRootUser",
        Effect: "Deny",
        Action: "*",
        Resource: "*",
        Condition: { StringLike: { "aws:PrincipalArn": accountRoot("*") } },
    });
}

/**
 * Deny every request to a region outside the allow-list, except to global services
 * (`GLOBAL_SERVICE_ACTIONS`) and except for the break-glass role. The deployment role is not exempt:
 * nothing the stacks build belongs outside the allowed regions.
 */
export function denyOutsideAllowedRegions(parameters: Pick<GuardrailParameters, "allowedRegions" | "breakGlassRoleName">): ScpDocument {
    const regions = validRegions("allowedRegions", parameters.allowedRegions);
    const breakGlass = validRoleName("breakGlassRoleName", parameters.breakGlassRoleName);
    return document({
        Sid: "DenyOutsideAllowedRegions",
        Effect: "Deny",
        NotAction: [...GLOBAL_SERVICE_ACTIONS],
        Resource: "*",
        Condition: {
            StringNotEquals: { "aws:RequestedRegion": regions },
            ...exceptRoles([breakGlass]),
        },
    });
}

/** Deny creating IAM users, their access keys and console passwords (`IAM_USER_CREDENTIAL_ACTIONS`). No exemption. */
export function denyIamUserCredentials(): ScpDocument {
    return document({ Sid: "DenyIamUserCredentials", Effect: "Deny", Action: [...IAM_USER_CREDENTIAL_ACTIONS], Resource: "*" });
}

/**
 * Require IMDSv2, as AWS's EC2 example policies do: no instance launched without
 * `HttpTokens=required`; no `ModifyInstanceMetadataOptions` that sets tokens to anything but
 * `required`; and no API call signed with role credentials that IMDSv1 delivered
 * (`ec2:RoleDelivery` below 2.0). No exemption.
 */
export function requireImdsV2(): ScpDocument {
    return document(
        {
            Sid: "RequireImdsV2OnLaunch",
            Effect: "Deny",
            Action: "ec2:RunInstances",
            Resource: ec2Arn("*", "*", "instance", "*"),
            Condition: { StringNotEquals: { "ec2:MetadataHttpTokens": "required" } },
        },
        {
            Sid: "DenyImdsV2OptOut",
            Effect: "Deny",
            Action: "ec2:ModifyInstanceMetadataOptions",
            Resource: ec2Arn("*", "*", "instance", "*"),
            Condition: { StringNotEquals: { "ec2:Attribute/HttpTokens": "required" }, Null: { "ec2:Attribute/HttpTokens": false } },
        },
        {
            Sid: "DenyImdsV1RoleCredentials",
            Effect: "Deny",
            Action: "*",
            Resource: "*",
            Condition: { NumericLessThan: { "ec2:RoleDelivery": "2.0" } },
        },
    );
}

/**
 * Deny creating or changing the break-glass and deployment roles to anyone but those roles. Without
 * this, anyone allowed `iam:CreateRole` could create a role of the exempt name in an account that
 * lacks it, or rewrite the trust policy of one that has it, and inherit every exemption.
 */
export function protectGuardrailRoles(roles: ExemptRoles): ScpDocument {
    const names = exemptRoleNames(roles, true);
    return document({
        Sid: "ProtectGuardrailRoles",
        Effect: "Deny",
        Action: [...ROLE_CHANGE_ACTIONS],
        Resource: names.map(roleArnPattern),
        Condition: exceptRoles(names),
    });
}

/**
 * Keep the platform's resources in member accounts out of reach of every principal but the
 * break-glass and deployment roles: what carries the ownership tag, the tag itself, and the
 * platform's buckets, topics, rules and queues by name (`platform-ownership.ts`).
 */
export function protectPlatformResources(parameters: ExemptRoles & Pick<GuardrailParameters, "logArchiveBucketArn">): ScpDocument {
    const bucketArn = validBucketArn("logArchiveBucketArn", parameters.logArchiveBucketArn);
    return document(
        ...platformResourceStatements(bucketArn.slice("arn:aws:s3:::".length), exemptRoleNames(parameters, true).map(roleArnPattern)),
    );
}

/**
 * The SCPs the organisation attaches. The first four go on the OUs (a target takes five SCPs, one
 * is FullAWSAccess); `platform-resources` is the fifth, for the organisation root, where it binds
 * every member account whichever OU it is in.
 */
export const GUARDRAIL_POLICY_NAMES = [
    "account-baseline",
    "security-services",
    "audit-logs-and-keys",
    "regions-and-imds",
    "platform-resources",
] as const;
export type GuardrailPolicyName = (typeof GUARDRAIL_POLICY_NAMES)[number];

/** What each SCP is for (its `description` in AWS Organizations). */
export const GUARDRAIL_POLICY_DESCRIPTIONS: Readonly<Record<GuardrailPolicyName, string>> = {
    "account-baseline":
        "Deny leaving the organisation, the root user, IAM user credentials, and changes to the break-glass and deployment roles",
    "security-services":
        "Deny stopping or changing CloudTrail, GuardDuty, Config, Security Hub and IAM Access Analyzer (break-glass and deployment roles exempt)",
    "audit-logs-and-keys":
        "Deny deleting audit logs, changing their bucket and log groups, and destroying KMS keys (break-glass exempt where stated)",
    "regions-and-imds": "Deny regions outside the allow-list (global services and break-glass exempt) and require IMDSv2",
    "platform-resources": "Deny changing platform-owned resources and their ownership tag (break-glass and deployment roles exempt)",
};

/**
 * The guardrail documents grouped into the SCPs that are attached, each checked against the SCP
 * size limit. Grouped because a root, OU or account takes at most five SCPs, and one of those is
 * normally FullAWSAccess; eight separate guardrails would not fit.
 */
export function guardrailPolicyDocuments(parameters: GuardrailParameters): Record<GuardrailPolicyName, ScpDocument> {
    return {
        "account-baseline": combineScps("account-baseline", [
            denyLeaveOrganization(),
            denyRootUser(),
            denyIamUserCredentials(),
            protectGuardrailRoles(parameters),
        ]),
        "security-services": combineScps("security-services", [protectSecurityServices(parameters)]),
        "audit-logs-and-keys": combineScps("audit-logs-and-keys", [protectAuditLogs(parameters)]),
        "regions-and-imds": combineScps("regions-and-imds", [denyOutsideAllowedRegions(parameters), requireImdsV2()]),
        "platform-resources": combineScps("platform-resources", [protectPlatformResources(parameters)]),
    };
}
