import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { MemberAccount } from "../components/account/member-account";
import { configDeliveryBucketName, defaultLogArchiveBucketName } from "../components/audit-logs/audit-log-names";
import { ConfigDeliveryBucket } from "../components/audit-logs/config-delivery-bucket";
import { LogArchive } from "../components/audit-logs/log-archive";
import { OrganizationTrail } from "../components/audit-logs/organization-trail";
import { IdentityCenterAccess } from "../components/identity/identity-center-access";
import { PipelineIdentities } from "../components/identity/pipeline-identities";
import { pipelinePreviewRoleArn, PREVIEW_ACCESS_ROLE_NAME } from "../components/identity/pipeline-names";
import { PreviewAccessRole } from "../components/identity/preview-access-role";
import { GuardrailPolicies } from "../components/organization/guardrail-policies";
import { OrganizationAccounts } from "../components/organization/organization-accounts";
import { OrganizationStructure, SECURITY_OU } from "../components/organization/organization-structure";
import { platformOwnerTags } from "../components/organization/platform-ownership";
import { accountRoot, bucketArn, permissionSetRoleArnPattern, roleArn } from "../iam/arns";
import { DEFAULT_AUDIT_LOG_GROUP_PATTERNS } from "../components/organization/service-control-policies";
import {
    DelegatedSecurityAdministration,
    type DelegatedSecurityAdministrationArgs,
} from "../components/security-services/delegated-security-administration";
import { providerRoleName } from "./access-mode";
import type { ManagementConfig } from "./config/management-schema";

/**
 * What the management stack exports. Environment stacks read some of these through a
 * `StackReference` (stacks/organization-context.ts), so the names are a contract.
 */
export interface ManagementOutputs {
    organizationId: pulumi.Output<string>;
    rootId: pulumi.Output<string>;
    managementAccountId: string;
    /** OU ids by path: `security`, `workloads`, `workloads/<child>`. */
    organizationalUnitIds: Readonly<Record<string, pulumi.Output<string>>>;
    securityAccountId: pulumi.Output<string>;
    logArchiveAccountId: pulumi.Output<string>;
    /** Where the organisation trail delivers (object-locked). */
    logArchiveBucketName: pulumi.Output<string>;
    /** The key the archive is encrypted with (the trail's key too). */
    logArchiveKeyArn: pulumi.Output<string>;
    /** Where every environment's AWS Config delivers (no object lock: Config does not support it). */
    configDeliveryBucketName: pulumi.Output<string>;
    /** The key AWS Config encrypts its deliveries with (the delivery channels' `s3KmsKeyArn`). */
    configDeliveryKeyArn: pulumi.Output<string>;
    organizationTrailArn: pulumi.Output<string>;
    organizationTrailLogGroupName: pulumi.Output<string>;
    /** The accounts this stack places in their OUs (security, log-archive, each listed environment): id by key. */
    placedAccountIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Guardrail SCP ids by policy name. */
    guardrailPolicyIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** The delegated administrator's own detector, in the security account. */
    securityGuardDutyDetectorId: pulumi.Output<string>;
    securityHubAggregatorArn: pulumi.Output<string>;
    organizationAnalyzerArn: pulumi.Output<string>;
    /** `guardrails.allowedRegions`: the regions member accounts may use, each watched; environment stacks read it. */
    allowedRegions: readonly string[];
    /** The delegated administrator's detector ids by allowed region. */
    securityGuardDutyDetectorIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** The ORGANIZATION analyzers by allowed region. */
    organizationAnalyzerArns: Readonly<Record<string, pulumi.Output<string>>>;
    /** Identity Center permission set ARNs by job function (empty without `identityCenter`). */
    permissionSetArns: Readonly<Record<string, pulumi.Output<string>>>;
    /**
     * The pipeline's read-only `pipeline-preview` role, which every preview access role trusts; built
     * from names, so environments know it at preview (absent without `pipeline`).
     */
    pipelinePreviewRoleArn?: string;
    /** The pipeline's deploy roles by stack (empty without `pipeline`). */
    pipelineDeployRoleArns: Readonly<Record<string, pulumi.Output<string>>>;
}

/** Tags every resource of the management stack gets through its providers (`defaultTags`). */
function managementTags(config: ManagementConfig): Record<string, string> {
    return { ...config.tags, ManagedBy: "pulumi", Stack: pulumi.getStack() };
}

/** The organisation trail's component name, which its delivery role's auto-name starts with (the pipeline may pass that role). */
const TRAIL_COMPONENT = "organization-trail";

/** Keys of the organisation's audit logs wait the longest AWS allows before deletion. */
const AUDIT_KEY_DELETION_WINDOW_DAYS = 30;

/**
 * Declares what belongs to the organisation as a whole, from validated config: the organisation
 * (adopted) and its OUs; the security and log-archive accounts (adopted), each with a provider that
 * assumes the access role in it; the guardrail SCPs on the OUs; the log archive and the
 * organisation trail; the security services administered from the security account; Identity
 * Center permission sets. Deploy it first, from the management account; the environment stacks
 * read its outputs.
 */
export function buildManagement(config: ManagementConfig): ManagementOutputs {
    const { organization, accounts, logArchive: archiveConfig, trail: trailConfig } = config;
    const tags = managementTags(config);
    const region = config.region;
    // The deployer's credentials are the management account's; the provider refuses any other.
    const managementIn = (providerRegion: string, providerName: string): aws.Provider =>
        new aws.Provider(providerName, {
            region: providerRegion,
            allowedAccountIds: [organization.managementAccountId],
            defaultTags: { tags },
        });
    const management = managementIn(region, "management");
    // Every allowed region is watched: the regional services get a provider per account there.
    const otherRegions = config.guardrails.allowedRegions.filter((allowed) => allowed !== region);

    const structure = new OrganizationStructure(
        "organization",
        { organizationId: organization.id, rootId: organization.rootId, workloadOus: organization.workloadOus },
        { provider: management },
    );

    // What the stack creates in the security and log-archive accounts carries the ownership tag, which the platform guardrail fences.
    const memberAccount = (role: string, accountId: string, extraRegions: readonly string[]): MemberAccount =>
        new MemberAccount(`${role}-account`, {
            environment: role,
            region,
            extraRegions,
            accountId,
            accessRoleName: accounts.accessRoleName,
            providerRoleName: providerRoleName(accounts.accessRoleName),
            defaultTags: { ...tags, ...platformOwnerTags() },
        });
    const security = memberAccount("security", accounts.securityAccountId, otherRegions);
    const logArchiveAccount = memberAccount("log-archive", accounts.logArchiveAccountId, []);

    // The stack owns the list of the organisation's accounts (as landing-zone tools do) and keeps
    // each in its OU, under that OU's guardrails: security and log-archive in `security`, each
    // environment in its workloads OU. Accounts an environment stack creates are placed by it.
    const ous = structure.organizationalUnitIds;
    const placed = new OrganizationAccounts(
        "accounts",
        {
            accounts: [
                {
                    key: "security",
                    accountId: accounts.securityAccountId,
                    email: accounts.securityAccountEmail,
                    parentId: ous[SECURITY_OU],
                },
                {
                    key: "log-archive",
                    accountId: accounts.logArchiveAccountId,
                    email: accounts.logArchiveAccountEmail,
                    parentId: ous[SECURITY_OU],
                },
                ...accounts.environments.map((e) => ({ key: e.name, accountId: e.accountId, email: e.email, parentId: ous[e.ou] })),
            ],
        },
        { provider: management },
    );

    // The pipeline's identities in the management account, where every provider starts from; and in
    // security and log-archive, the read-only role its previews assume.
    const pipeline =
        config.pipeline === undefined
            ? undefined
            : new PipelineIdentities(
                  "pipeline",
                  {
                      managementAccountId: organization.managementAccountId,
                      github: { owner: config.pipeline.githubOwner, repository: config.pipeline.githubRepository },
                      // The trail's delivery role, auto-named from the component's name (`organization-trail-role-<suffix>`).
                      trailRoleArnPattern: roleArn(organization.managementAccountId, `${TRAIL_COMPONENT}-role-*`),
                      managementAccessRoleArns: [accounts.securityAccountId, accounts.logArchiveAccountId].map((id) =>
                          roleArn(id, accounts.accessRoleName),
                      ),
                      environments: accounts.environments.map((e) => ({
                          name: e.name,
                          accessRoleArn: roleArn(e.accountId, accounts.accessRoleName),
                      })),
                      previewAccessRoleArns: [
                          accounts.securityAccountId,
                          accounts.logArchiveAccountId,
                          ...accounts.environments.map((e) => e.accountId),
                      ].map((id) => roleArn(id, PREVIEW_ACCESS_ROLE_NAME)),
                  },
                  { provider: management },
              );
    if (pipeline !== undefined) {
        for (const [role, account] of [
            ["security", security],
            ["log-archive", logArchiveAccount],
        ] as const) {
            new PreviewAccessRole(
                `${role}-preview-access`,
                { pipelinePreviewRoleArn: pipeline.previewRoleArn },
                { provider: account.provider },
            );
        }
    }

    const bucketName = archiveConfig.bucketName ?? defaultLogArchiveBucketName(organization.id);
    const breakGlassRoleName = config.guardrails.breakGlassRoleName;
    const guardrails = new GuardrailPolicies(
        "guardrails",
        {
            // On both top-level OUs: every account but the management account (which SCPs never bind).
            targets: Object.fromEntries(Object.entries(structure.organizationalUnitIds).filter(([path]) => !path.includes("/"))),
            // The platform fence on the root: it binds every member account, whichever OU, and the
            // top-level OUs already carry five SCPs (FullAWSAccess and the other four).
            policyTargets: { "platform-resources": { root: organization.rootId } },
            breakGlassRoleName,
            deploymentRoleName: accounts.accessRoleName,
            allowedRegions: config.guardrails.allowedRegions,
            logArchiveBucketArn: bucketArn(bucketName),
        },
        { provider: management },
    );

    // Who reads the audit logs and administers their keys, and how long they are kept: the same for
    // the archive and AWS Config's delivery bucket.
    const auditLogAccess = {
        organizationId: organization.id,
        logArchiveAccountId: accounts.logArchiveAccountId,
        region,
        // The security team reads and investigates from its own account; IAM there decides who.
        readerPrincipalArns: [accountRoot(accounts.securityAccountId)],
        // Security auditors assigned in the log-archive account read there, through their permission set's roles.
        accountReaderRolePatterns: config.identityCenter?.permissionSets.includes("security-auditor")
            ? [permissionSetRoleArnPattern(accounts.logArchiveAccountId, "security-auditor")]
            : [],
        keyAdministratorArns: archiveConfig.keyAdministrators ?? [
            roleArn(accounts.logArchiveAccountId, accounts.accessRoleName),
            roleArn(accounts.logArchiveAccountId, breakGlassRoleName),
        ],
        breakGlassRoleName,
        deploymentRoleName: accounts.accessRoleName,
        lifecycle: {
            standardIaDays: archiveConfig.infrequentAccessAfterDays,
            archiveDays: archiveConfig.archiveAfterDays,
            archiveStorageClass: archiveConfig.archiveStorageClass,
            expirationDays: archiveConfig.expireAfterDays,
        },
        keyDeletionWindowDays: AUDIT_KEY_DELETION_WINDOW_DAYS,
    };
    const configBucketName = configDeliveryBucketName(bucketName);
    const archive = new LogArchive(
        "log-archive",
        {
            ...auditLogAccess,
            managementAccountId: organization.managementAccountId,
            bucketName,
            configDeliveryBucketName: configBucketName,
            organizationTrailName: trailConfig.name,
            objectLock: { mode: archiveConfig.objectLockMode, days: archiveConfig.objectLockDays },
        },
        { provider: logArchiveAccount.provider },
    );
    // AWS Config cannot deliver into the object-locked archive: its own bucket, next to it.
    const configDelivery = new ConfigDeliveryBucket(
        "config-delivery",
        { ...auditLogAccess, bucketName: configBucketName, accessLogsBucketName: archive.accessLogsBucketName },
        { provider: logArchiveAccount.provider },
    );

    const trail = new OrganizationTrail(
        TRAIL_COMPONENT,
        {
            trailName: trailConfig.name,
            organizationId: organization.id,
            managementAccountId: organization.managementAccountId,
            region,
            archiveBucketName: archive.bucketName,
            archiveKeyArn: archive.keyArn,
            logGroupRetentionDays: trailConfig.logRetentionDays,
            logGroupKeyAdministratorArns: trailConfig.keyAdministrators,
            keyDeletionWindowDays: AUDIT_KEY_DELETION_WINDOW_DAYS,
            ...(pipeline === undefined ? {} : { roleBoundaryArn: pipeline.boundaryArn }),
        },
        // Trusted access for CloudTrail comes with the adopted organisation.
        { provider: management, dependsOn: [structure] },
    );

    const services = config.securityServices;
    const administration = new DelegatedSecurityAdministration(
        "security-services",
        {
            securityAccountId: accounts.securityAccountId,
            securityAccountProvider: security.provider,
            region,
            guardDutyFeatures: services.guardDutyFeatures,
            findingPublishingFrequency: services.findingPublishingFrequency,
            securityHubMemberAccountIds: Object.fromEntries(
                accounts.environments.filter((e) => e.securityHubMember).map((e) => [e.name, e.accountId]),
            ),
            ...aggregatorLinking(services.aggregatorRegions ?? otherRegions),
            linkedRegions: security.regionalProviders.map(({ region: linked, provider }) => ({
                region: linked,
                managementProvider: managementIn(linked, `management-${linked}`),
                securityAccountProvider: provider,
            })),
        },
        // Delegation needs the services' trusted access, which the adopted organisation carries.
        { provider: management, dependsOn: [structure] },
    );

    const identityCenter = config.identityCenter;
    const accountIdsByRole: Readonly<Record<string, string>> = {
        security: accounts.securityAccountId,
        "log-archive": accounts.logArchiveAccountId,
    };
    const identity =
        identityCenter === undefined
            ? undefined
            : new IdentityCenterAccess(
                  "identity",
                  {
                      instanceArn: identityCenter.instanceArn,
                      logArchiveBucketName: bucketName,
                      auditLogGroupPatterns: DEFAULT_AUDIT_LOG_GROUP_PATTERNS,
                      permissionSets: identityCenter.permissionSets,
                      sessionDurations: identityCenter.sessionDurations,
                      assignments: identityCenter.assignments.map((assignment) => ({
                          groupId: assignment.groupId,
                          permissionSet: assignment.permissionSet,
                          accounts: Object.fromEntries(
                              assignment.accounts.map((account) => [account, accountIdsByRole[account] ?? account]),
                          ),
                      })),
                  },
                  { provider: management },
              );

    return {
        organizationId: structure.organizationId,
        rootId: structure.rootId,
        managementAccountId: organization.managementAccountId,
        organizationalUnitIds: structure.organizationalUnitIds,
        securityAccountId: security.accountId,
        logArchiveAccountId: logArchiveAccount.accountId,
        logArchiveBucketName: archive.bucketName,
        logArchiveKeyArn: archive.keyArn,
        configDeliveryBucketName: configDelivery.bucketName,
        configDeliveryKeyArn: configDelivery.keyArn,
        organizationTrailArn: trail.trailArn,
        organizationTrailLogGroupName: trail.logGroupName,
        placedAccountIds: placed.accountIds,
        guardrailPolicyIds: guardrails.policyIds,
        securityGuardDutyDetectorId: administration.guardDutyDetectorId,
        securityHubAggregatorArn: administration.securityHubAggregatorArn,
        organizationAnalyzerArn: administration.organizationAnalyzerArn,
        allowedRegions: config.guardrails.allowedRegions,
        securityGuardDutyDetectorIds: administration.guardDutyDetectorIds,
        organizationAnalyzerArns: administration.organizationAnalyzerArns,
        permissionSetArns: identity?.permissionSetArns ?? {},
        ...(pipeline === undefined ? {} : { pipelinePreviewRoleArn: pipelinePreviewRoleArn(organization.managementAccountId) }),
        pipelineDeployRoleArns: pipeline?.deployRoleArns ?? {},
    };
}

/** The aggregator links exactly the other watched regions (none: an organisation in one region). */
function aggregatorLinking(
    linked: readonly string[],
): Pick<DelegatedSecurityAdministrationArgs, "findingAggregatorLinkingMode" | "findingAggregatorRegions"> {
    return linked.length === 0
        ? { findingAggregatorLinkingMode: "NO_REGIONS" }
        : { findingAggregatorLinkingMode: "SPECIFIED_REGIONS", findingAggregatorRegions: linked };
}
