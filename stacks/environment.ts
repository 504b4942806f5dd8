import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { GuardDutyDetector } from "../components/detection/guardduty-detector";
import { KeyRing, type KeyArns } from "../components/encryption/key-ring";
import { ThreeTierVpc } from "../components/network/three-tier-vpc";
import type { EnvironmentConfig } from "./config/environment-schema";

/** What an environment stack exports. */
export interface EnvironmentOutputs {
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
    /** The environment's KMS keys in the stack's region, by application and by purpose. */
    keyArns: KeyArns;
    /** Replicas of every key, by extra region (empty without `encryption.replicaRegions`). */
    replicaKeyArns: Readonly<Record<string, KeyArns>>;
}

/** Name prefix of every CloudWatch log group of the environment; the logs key serves only these. */
export const logGroupNamePrefix = (environment: string): string => `/zero-trust/${environment}/`;

/**
 * Settings of the environment's AWS provider in a region: the same account allow-list and tags in
 * every region, so a per-region twin can never reach another account either.
 */
export function environmentProviderArgs(config: EnvironmentConfig, region: string): aws.ProviderArgs {
    const env = config.environment;
    return {
        region,
        // Refuses to run with credentials of any other account, so a mixed-up profile cannot deploy here.
        allowedAccountIds: [config.accountId],
        defaultTags: { tags: { ...config.tags, Environment: env, ManagedBy: "pulumi", Stack: pulumi.getStack() } },
    };
}

/**
 * Declares an environment's resources from validated config: one AWS provider pinned to the
 * environment's account and region (the provider everything uses; defaults are disabled), its
 * twins in the key ring's replica regions (used by the replica keys only), then the layers.
 */
export function buildEnvironment(config: EnvironmentConfig): EnvironmentOutputs {
    const env = config.environment;
    const provider = new aws.Provider(env, environmentProviderArgs(config, config.region));
    // One twin per extra region, for what must exist there (replica keys); named after the region.
    const regionalProviders = config.encryption.replicaRegions.map((region) => ({
        region,
        provider: new aws.Provider(`${env}-${region}`, environmentProviderArgs(config, region)),
    }));

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
            organizationId: config.organizationId,
            ...config.network,
            flowLogRetentionDays: config.flowLogRetentionDays,
            logGroupNamePrefix: logGroupNamePrefix(env),
            flowLogKmsKeyArn: keys.logsKeyArn,
            interfaceEndpoints: config.interfaceEndpoints,
        },
        { provider },
    );

    const guardDuty = new GuardDutyDetector(
        `${env}-guardduty`,
        {
            environment: env,
            features: config.detection.guardDutyFeatures,
            findingPublishingFrequency: config.detection.findingPublishingFrequency,
        },
        { provider },
    );

    return {
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
        keyArns: keys.keyArns,
        replicaKeyArns: keys.replicaKeyArns,
    };
}
