import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { MemberAccount } from "../components/account/member-account";
import { alertRuleName, alertTopicName } from "../components/detection/detection-names";
import { PreviewAccessRole } from "../components/identity/preview-access-role";
import { KeyRing, type KeyArns } from "../components/encryption/key-ring";
import { DefaultVpcLockdown } from "../components/network/default-vpc-lockdown";
import { ThreeTierVpc } from "../components/network/three-tier-vpc";
import { platformOwnerTags } from "../components/organization/platform-ownership";
import { providerRoleName } from "./access-mode";
import type { EnvironmentConfig } from "./config/environment-schema";
import { organizationContext } from "./organization-context";
import { watchRegion } from "./regional-watch";
import { watchedRegions } from "./watched-regions";
import { buildWorkloads, declareWorkloadIdentities, type WorkloadOutputs } from "./workloads";

/** What an environment stack exports. */
export interface EnvironmentOutputs {
    /** The member account everything is deployed into. */
    accountId: pulumi.Output<string>;
    /** The account's read-only preview access role (`zero-trust-preview`); absent when the management stack has no pipeline identities. */
    previewAccessRoleArn?: pulumi.Output<string>;
    /** Region of the environment's provider (its twins serve the other watched regions). */
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
    /** The applications of the workload tier, by name (`zero-trust-aws:workloads`). */
    workloads: Readonly<Record<string, WorkloadOutputs>>;
    /** Every region the environment watches, the home region first. */
    watchedRegions: readonly string[];
    /** What watches each region, by region (the home region's is also in the fields above). */
    regions: Readonly<Record<string, RegionOutputs>>;
}

/** What watches one region of the environment. */
export interface RegionOutputs {
    /** The region's default VPC, stripped of every rule. */
    defaultVpcId: pulumi.Output<string>;
    accessAnalyzerArn: pulumi.Output<string>;
    securityHubArn: pulumi.Output<string>;
    guardDutyDetectorId: pulumi.Output<string>;
    findingsBucketName: pulumi.Output<string>;
    alertTopicArn: pulumi.Output<string>;
    responderFunctionName: pulumi.Output<string>;
    /** The keys the region's services use. */
    keyArns: KeyArns;
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
 * pinned to its account and region — defaults are disabled — with a twin in every other watched
 * region), then the layers: the home region's keys and VPC, and in every watched region
 * (watched-regions.ts: the management stack's `allowedRegions`) the stripped default VPC and the
 * services that watch it (regional-watch.ts). Async: the list of regions must be known before
 * anything regional is declared.
 */
export async function buildEnvironment(config: EnvironmentConfig): Promise<EnvironmentOutputs> {
    const env = config.environment;
    // The account layer first: every other resource goes through its providers, which assume the
    // organisation access role in the member account and refuse any other account.
    const { account } = config;
    const organization = organizationContext(config);
    const placement = organization.accountPlacement;
    // The regions come from the management stack's list; refused before any resource but its reference is declared.
    const regionsWatched = watchedRegions(
        config,
        organization.allowedRegions === undefined ? undefined : await organization.allowedRegions,
    );
    const member = new MemberAccount(`${env}-account`, {
        environment: env,
        region: config.region,
        // One twin per other watched region (replica keys among what lives there); named after the region.
        extraRegions: regionsWatched.others,
        accountId: config.accountId,
        accessRoleName: account.accessRoleName,
        providerRoleName: providerRoleName(account.accessRoleName),
        ...(account.mode === "create" && placement !== undefined
            ? { creation: { email: account.email as string, name: account.name as string, ...placement } }
            : {}),
        defaultTags: environmentTags(config),
    });
    const provider = member.provider;
    const otherProviders = member.regionalProviders;
    // The read-only role previews assume here, trusting the management account's pipeline-preview role.
    const pipelinePreviewRoleArn = await organization.pipelinePreviewRoleArn;
    const previewAccess =
        pipelinePreviewRoleArn === undefined
            ? undefined
            : new PreviewAccessRole(`${env}-preview-access`, { pipelinePreviewRoleArn }, { provider });

    // The workloads' roles come before the key ring: each workload's key names its task role.
    const workloadIdentities = declareWorkloadIdentities(config, provider, logGroupNamePrefix(env));
    const keyRingArgs = {
        environment: env,
        region: config.region,
        accountId: config.accountId,
        applications: [...config.encryption.applications, ...workloadIdentities.keyApplications],
        keyAdministrators: config.encryption.keyAdministrators,
        deletionWindowInDays: config.encryption.deletionWindowDays,
        logGroupNamePrefix: logGroupNamePrefix(env),
        // The alerts key admits EventBridge for the findings pipeline's rule and topic only.
        alertRuleName: alertRuleName(env),
        alertTopicName: alertTopicName(env),
    };
    const keys = new KeyRing(
        `${env}-keys`,
        { ...keyRingArgs, replicaRegions: otherProviders.filter(({ region }) => config.encryption.replicaRegions.includes(region)) },
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

    const workloads = buildWorkloads(config, {
        provider,
        identities: workloadIdentities.identities,
        keys: keys.keyArns,
        logGroupNamePrefix: logGroupNamePrefix(env),
        vpcId: network.vpcId,
        privateSubnetIds: network.privateSubnetIds,
        isolatedSubnetIds: network.isolatedSubnetIds,
        endpointSecurityGroupId: network.endpointSecurityGroupId,
        gatewayPrefixListIds: network.gatewayPrefixListIds,
        secretsManagerEndpointId: network.interfaceEndpointIdsByService.secretsmanager,
        ...(network.httpsListenerArn === undefined
            ? {}
            : { entry: { listenerArn: network.httpsListenerArn, securityGroupId: network.loadBalancerSecurityGroupId } }),
    });

    // The key ring's keys in every watched region: primaries at home, replicas where the ring
    // replicates, and elsewhere a ring of the region's own (same aliases), so that every region has
    // its volumes, findings, alerts and logs keys without turning existing keys multi-Region.
    const replicated = new Set(config.encryption.replicaRegions);
    const keysIn = (region: string, provider: aws.Provider): KeyArns =>
        replicated.has(region)
            ? keys.replicaKeyArns[region]
            : new KeyRing(`${env}-keys-${region}`, { ...keyRingArgs, region, replicaRegions: [] }, { provider }).keyArns;

    // Every watched region's default VPC is stripped; at home the responder isolates in the
    // environment's VPC, elsewhere the default VPC is the only one the program knows.
    const regions = [
        { region: config.region, provider, keys: keys.keyArns, home: true },
        ...otherProviders.map(({ region, provider: regional }) => ({
            region,
            provider: regional,
            keys: keysIn(region, regional),
            home: false,
        })),
    ];
    const watched = regions.map(({ region, provider: regional, keys: regionKeys, home }) => {
        const defaultVpcName = home ? `${env}-default-vpc` : `${env}-default-vpc-${region}`;
        const defaultVpc = new DefaultVpcLockdown(
            defaultVpcName,
            {
                environment: env,
                region,
                accountId: config.accountId,
                flowLogGroupName: `${logGroupNamePrefix(env)}vpc-flow-logs/${defaultVpcName}`,
                flowLogKmsKeyArn: regionKeys.purposes.logs,
                flowLogRetentionDays: config.flowLogRetentionDays,
            },
            { provider: regional },
        );
        const watch = watchRegion(config, organization, {
            region,
            home,
            provider: regional,
            keys: regionKeys,
            // Every VPC of the region: an instance launched into the (stripped) default VPC is isolated too.
            vpcs: [...(home ? [{ name: "main", vpcId: network.vpcId }] : []), { name: "default", vpcId: defaultVpc.vpcId }],
            logGroupNamePrefix: logGroupNamePrefix(env),
        });
        return { region, keys: regionKeys, defaultVpc, ...watch };
    });
    const [{ baseline, guardDuty, findings, responder }] = watched;

    return {
        accountId: member.accountId,
        ...(previewAccess === undefined ? {} : { previewAccessRoleArn: previewAccess.roleArn }),
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
        workloads,
        watchedRegions: watched.map(({ region }) => region),
        regions: Object.fromEntries(
            watched.map((w): [string, RegionOutputs] => [
                w.region,
                {
                    defaultVpcId: w.defaultVpc.vpcId,
                    accessAnalyzerArn: w.baseline.accessAnalyzerArn,
                    securityHubArn: w.baseline.securityHubArn,
                    guardDutyDetectorId: w.guardDuty.detectorId,
                    findingsBucketName: w.findings.bucketName,
                    alertTopicArn: w.findings.alertTopicArn,
                    responderFunctionName: w.responder.functionName,
                    keyArns: w.keys,
                },
            ]),
        ),
    };
}
