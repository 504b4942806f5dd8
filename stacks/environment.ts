import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { GuardDutyDetector } from "../components/detection/guardduty-detector";
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
    flowLogKeyArn: pulumi.Output<string>;
    /** The internet-facing load balancer; absent when the stack configures none. */
    loadBalancerArn?: pulumi.Output<string>;
    loadBalancerDnsName?: pulumi.Output<string>;
    /** The environment account's GuardDuty detector in the stack's region. */
    guardDutyDetectorId: pulumi.Output<string>;
}

/**
 * Declares an environment's resources from validated config: one AWS provider pinned to the
 * environment's account and region (the only provider anything uses; defaults are disabled), then
 * the layers that use it.
 */
export function buildEnvironment(config: EnvironmentConfig): EnvironmentOutputs {
    const env = config.environment;
    const provider = new aws.Provider(env, {
        region: config.region,
        // Refuses to run with credentials of any other account, so a mixed-up profile cannot deploy here.
        allowedAccountIds: [config.accountId],
        defaultTags: { tags: { ...config.tags, Environment: env, ManagedBy: "pulumi", Stack: pulumi.getStack() } },
    });

    const network = new ThreeTierVpc(
        `${env}-network`,
        {
            environment: env,
            region: config.region,
            accountId: config.accountId,
            organizationId: config.organizationId,
            ...config.network,
            flowLogRetentionDays: config.flowLogRetentionDays,
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
    };
}
