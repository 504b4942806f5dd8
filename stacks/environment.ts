import * as pulumi from "@pulumi/pulumi";
import { AccountBaseline } from "../components/account/account-baseline";
import { MemberAccount } from "../components/account/member-account";
import { alertRuleName, alertTopicName } from "../components/detection/detection-names";
import { FindingsPipeline } from "../components/detection/findings-pipeline";
import { GuardDutyDetector } from "../components/detection/guardduty-detector";
import { KeyRing, type KeyArns } from "../components/encryption/key-ring";
import { ThreeTierVpc } from "../components/network/three-tier-vpc";
import { platformOwnerTags } from "../components/organization/platform-ownership";
import { AutomatedResponder } from "../components/response/automated-responder";
import type { EnvironmentConfig } from "./config/environment-schema";
import { organizationContext } from "./organization-context";

/** What an environment stack exports. */
export interface EnvironmentOutputs {
    /** The member account everything is deployed into. */
    accountId: pulumi.Output<string>;
    /** Region of the environment's provider (its twins serve the replica regions only). */
    providerRegion: string;
    /** The account's IAM Access Analyzer (zone of trust: the account). */
    accessAnalyzerArn: pulumi.Output<string>;
    /** The account's Security Hub. */
    securityHubArn: pulumi.Output<string>;
    vpcId: pulumi.Output<string>;
    vpcCidr: pulumi.Output<string>;
    publicSubnetIds: pulumi.Output<string>[];
    privateSubnetIds: pulumi.Output<string>[];
    isolatedSubnetIds: pulumi.Output<string>[];
    publicRouteTableId: pulumi.Output<string>;
    privateRouteTableIds: pulumi.Output<string>[];
    isolatedRouteTableId: pulumi.Output<string>;
    loadBalancerSecurityGroupId: pulumi.Output<string>;
    appSecurityGroupId: pulumi.Output<string>;
    dataSecurityGroupId: pulumi.Output<string>;
    endpointSecurityGroupId: pulumi.Output<string>;
    flowLogGroupName: pulumi.Output<string>;
    /** The key ring's logs key, which encrypts the flow log group. */
    flowLogKeyArn: pulumi.Output<string>;
    /** The internet-facing load balancer; absent when the stack configures none. */
    loadBalancerArn?: pulumi.Output<string>;
    loadBalancerDnsName?: pulumi.Output<string>;
    /** The environment account's GuardDuty detector in the stack's region. */
    guardDutyDetectorId: pulumi.Output<string>;
    /** The bucket the detector exports every finding to (encrypted with the `findings` key). */
    findingsBucketName: pulumi.Output<string>;
    /** The SNS topic of security alerts (findings at or above `detection.alertSeverityThreshold`), for the responder. */
    alertTopicArn: pulumi.Output<string>;
    /** The EventBridge rule that publishes those findings to the topic. */
    alertRuleArn: pulumi.Output<string>;
    /** The environment's KMS keys in the stack's region, by application and by purpose. */
    keyArns: KeyArns;
    /** Replicas of every key, by extra region (empty without `encryption.replicaRegions`). */
    replicaKeyArns: Readonly<Record<string, KeyArns>>;
    /** The automated responder to GuardDuty findings (`detection.responder`). */
    responderFunctionName: pulumi.Output<string>;
    /** Where the responder reports every outcome (and its alarms fire). */
    responderOutcomesTopicArn: pulumi.Output<string>;
    /** What never succeeded after every retry. */
    responderDeadLetterQueueArn: pulumi.Output<string>;
    /** The rule-less security group per VPC that isolated instances are moved into. */
    quarantineSecurityGroupIds: Readonly<Record<string, pulumi.Output<string>>>;
}

/** Name prefix of every CloudWatch log group of the environment; the logs key serves only these. */
export const logGroupNamePrefix = (environment: string): string => `/zero-trust/${environment}/`;

/** Tags every resource of the environment gets through its providers (`defaultTags`), the ownership tag the platform guardrail fences included. */
export function environmentTags(config: EnvironmentConfig): Record<string, string> {
    return { ...config.tags, Environment: config.environment, ManagedBy: "pulumi", Stack: pulumi.getStack(), ...platformOwnerTags() };
}

/**
 * Declares an environment's resources from validated config: the account layer (the member
 * account, adopted or created, and one AWS provider that assumes the organisation access role in it,
 * pinned to its account and region — the provider everything uses; defaults are disabled — with
 * twins in the key ring's replica regions, used by the replica keys only), then the layers.
 */
export function buildEnvironment(config: EnvironmentConfig): EnvironmentOutputs {
    const env = config.environment;
    // The account layer first: every other resource goes through its providers, which assume the
    // organisation access role in the member account and refuse any other account.
    const { account } = config;
    const organization = organizationContext(config);
    const placement = organization.accountPlacement;
    const member = new MemberAccount(`${env}-account`, {
        environment: env,
        region: config.region,
        // One twin per extra region, for what must exist there (replica keys); named after the region.
        extraRegions: config.encryption.replicaRegions,
        accountId: config.accountId,
        accessRoleName: account.accessRoleName,
        ...(account.mode === "create" && placement !== undefined
            ? { creation: { email: account.email as string, name: account.name as string, ...placement } }
            : {}),
        defaultTags: environmentTags(config),
    });
    const provider = member.provider;
    const regionalProviders = member.regionalProviders;

    const keys = new KeyRing(
        `${env}-keys`,
        {
            environment: env,
            region: config.region,
            accountId: config.accountId,
            applications: config.encryption.applications,
            keyAdministrators: config.encryption.keyAdministrators,
            deletionWindowInDays: config.encryption.deletionWindowDays,
            logGroupNamePrefix: logGroupNamePrefix(env),
            // The alerts key admits EventBridge for the findings pipeline's rule and topic only.
            alertRuleName: alertRuleName(env),
            alertTopicName: alertTopicName(env),
            replicaRegions: regionalProviders,
        },
        { provider },
    );

    const network = new ThreeTierVpc(
        `${env}-network`,
        {
            environment: env,
            region: config.region,
            accountId: config.accountId,
            organizationId: organization.organizationId,
            ...config.network,
            flowLogRetentionDays: config.flowLogRetentionDays,
            logGroupNamePrefix: logGroupNamePrefix(env),
            flowLogKmsKeyArn: keys.logsKeyArn,
            interfaceEndpoints: config.interfaceEndpoints,
        },
        { provider },
    );

    // After the key ring: new EBS volumes default to the ring's volumes key.
    const baseline = new AccountBaseline(
        `${env}-baseline`,
        {
            environment: env,
            region: config.region,
            accountId: config.accountId,
            volumesKeyArn: keys.keyArns.purposes.volumes,
            configBucketName: organization.configDeliveryBucketName,
            configKeyPrefix: config.baseline.configKeyPrefix,
            ...(organization.configDeliveryKeyArn === undefined ? {} : { configKmsKeyArn: organization.configDeliveryKeyArn }),
        },
        { provider },
    );

    const guardDuty = new GuardDutyDetector(
        `${env}-guardduty`,
        {
            environment: env,
            features: config.detection.guardDutyFeatures,
            findingPublishingFrequency: config.detection.findingPublishingFrequency,
            ...(config.detection.detectorId === undefined ? {} : { adoptDetectorId: config.detection.detectorId }),
        },
        { provider },
    );

    // After the key ring and the detector: exports findings with the findings key, alerts with the alerts key.
    const findings = new FindingsPipeline(
        `${env}-findings`,
        {
            environment: env,
            region: config.region,
            accountId: config.accountId,
            detectorId: guardDuty.detectorId,
            findingsKeyArn: keys.keyArns.purposes.findings,
            alertsKeyArn: keys.keyArns.purposes.alerts,
            alertSeverityThreshold: config.detection.alertSeverityThreshold,
            findingsRetentionDays: config.detection.findingsRetentionDays,
            ...(organization.securityAccountId === undefined ? {} : { securityAccountId: organization.securityAccountId }),
        },
        { provider },
    );

    // After the findings pipeline: the responder is a second target of its alert rule.
    const { responder: responderConfig } = config.detection;
    const responder = new AutomatedResponder(
        `${env}-responder`,
        {
            environment: env,
            region: config.region,
            accountId: config.accountId,
            alertRuleName: alertRuleName(env),
            alertRuleArn: findings.alertRuleArn,
            alertsKeyArn: keys.keyArns.purposes.alerts,
            logsKeyArn: keys.keyArns.purposes.logs,
            logGroupNamePrefix: logGroupNamePrefix(env),
            logRetentionDays: config.flowLogRetentionDays,
            vpcs: [{ name: "main", vpcId: network.vpcId }],
            severityThreshold: responderConfig.severityThreshold,
            optOutTagKey: responderConfig.optOutTagKey,
            dryRun: responderConfig.dryRun,
            ...(responderConfig.reservedConcurrency === undefined ? {} : { reservedConcurrency: responderConfig.reservedConcurrency }),
        },
        { provider },
    );

    return {
        accountId: member.accountId,
        providerRegion: config.region,
        accessAnalyzerArn: baseline.accessAnalyzerArn,
        securityHubArn: baseline.securityHubArn,
        vpcId: network.vpcId,
        vpcCidr: network.vpcCidr,
        publicSubnetIds: network.publicSubnetIds,
        privateSubnetIds: network.privateSubnetIds,
        isolatedSubnetIds: network.isolatedSubnetIds,
        publicRouteTableId: network.publicRouteTableId,
        privateRouteTableIds: network.privateRouteTableIds,
        isolatedRouteTableId: network.isolatedRouteTableId,
        loadBalancerSecurityGroupId: network.loadBalancerSecurityGroupId,
        appSecurityGroupId: network.appSecurityGroupId,
        dataSecurityGroupId: network.dataSecurityGroupId,
        endpointSecurityGroupId: network.endpointSecurityGroupId,
        flowLogGroupName: network.flowLogGroupName,
        flowLogKeyArn: network.flowLogKeyArn,
        ...(network.loadBalancerArn !== undefined ? { loadBalancerArn: network.loadBalancerArn } : {}),
        ...(network.loadBalancerDnsName !== undefined ? { loadBalancerDnsName: network.loadBalancerDnsName } : {}),
        guardDutyDetectorId: guardDuty.detectorId,
        findingsBucketName: findings.bucketName,
        alertTopicArn: findings.alertTopicArn,
        alertRuleArn: findings.alertRuleArn,
        keyArns: keys.keyArns,
        replicaKeyArns: keys.replicaKeyArns,
        responderFunctionName: responder.functionName,
        responderOutcomesTopicArn: responder.outcomesTopicArn,
        responderDeadLetterQueueArn: responder.deadLetterQueueArn,
        quarantineSecurityGroupIds: responder.quarantineSecurityGroupIds,
    };
}
