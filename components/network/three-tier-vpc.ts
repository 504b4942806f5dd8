import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { validChoice } from "../../validation/argument-error";
import { validAccountId, validRegion } from "../../validation/aws-identifiers";
import { validLogGroupNamePrefix } from "../../validation/log-groups";
import { validLogRetentionDays } from "../../validation/log-retention";
import { validNameKey } from "../../validation/name-keys";
import { validPort, validPorts } from "../../validation/ports";
import type { InterfaceEndpointService } from "./interface-endpoint-services";
import { InternetEntryPoint, TLS12_SSL_POLICIES, type LoadBalancerSettings } from "./internet-entry-point";
import { validAvailabilityZones, validInterfaceServices, validSubnetPrefixLengths, validVpcCidr } from "./network-args";
import { resourceTags } from "./resource-tags";
import { TIERS, planSubnets, type Tier, type TierPrefixLengths } from "./subnet-plan";
import { TierNetworkAcls } from "./tier-network-acls";
import { NAT_STRATEGIES, TierRouting, type NatStrategy } from "./tier-routing";
import { TierSecurityGroups } from "./tier-security-groups";
import { VpcEndpoints } from "./vpc-endpoints";
import { VpcFlowLogs } from "./vpc-flow-logs";

export interface ThreeTierVpcArgs {
    /** Environment name (lowercase), used in `Name` tags. */
    environment: string;
    /** Region the provider deploys to; must match the availability zones. */
    region: string;
    /** Account the VPC is created in (flow log role trust and log group ARN). */
    accountId: string;
    /** AWS Organizations id; VPC endpoints admit only principals of this organisation. */
    organizationId: pulumi.Input<string>;
    /** Availability zones (1–6) of `region`; every tier gets one subnet in each. */
    availabilityZones: readonly string[];
    /** IPv4 CIDR of the VPC, a network address with a prefix from /16 to /28. */
    vpcCidr: string;
    /** Prefix length of each tier's subnets; the tiers are packed into `vpcCidr` without overlap. */
    subnetPrefixLengths: TierPrefixLengths;
    /** NAT gateways for the private tier: `one-per-az`, `single` or `none`. */
    natGateways: NatStrategy;
    /** Port the application listens on behind the load balancer. */
    appPort: number;
    /** Ports of the data stores in the isolated tier. */
    dataPorts: readonly number[];
    /** Admit HTTP on the load balancer, only so a listener can redirect it to HTTPS. */
    allowHttpRedirect: boolean;
    /**
     * The internet-facing load balancer in the public subnets. Absent: no load balancer, and nothing
     * is admitted from the internet at all (the load balancer security group has no ingress).
     */
    loadBalancer?: LoadBalancerSettings;
    /** Days VPC flow logs are kept (a value CloudWatch Logs accepts). */
    flowLogRetentionDays: number;
    /**
     * Name prefix of the environment's log groups, starting and ending with `/` (e.g.
     * `/zero-trust/staging/`); the flow log group is `<prefix>vpc-flow-logs/<component name>`.
     */
    logGroupNamePrefix: string;
    /**
     * ARN of the KMS key that encrypts the flow log group: the environment's logs key, whose policy
     * admits CloudWatch Logs for log groups under `logGroupNamePrefix`.
     */
    flowLogKmsKeyArn: pulumi.Input<string>;
    /** AWS services reached through interface endpoints in the private subnets. */
    interfaceEndpoints: readonly InterfaceEndpointService[];
}

/**
 * A zero-trust three-tier VPC: public subnets for load balancers and NAT only, private subnets for
 * workloads, isolated subnets for data stores that reach nothing but the private tier. Default
 * security group and default NACL are stripped; every tier has its own route table(s) and NACL;
 * security groups deny first and chain by reference; flow logs record all traffic into a log group
 * encrypted with the given KMS key; VPC endpoints keep AWS API traffic private and inside the organisation.
 */
export class ThreeTierVpc extends pulumi.ComponentResource {
    /** Id of the VPC. */
    public readonly vpcId: pulumi.Output<string>;
    /** CIDR of the VPC. */
    public readonly vpcCidr: pulumi.Output<string>;
    /** Public subnets, one per AZ in configured order. */
    public readonly publicSubnetIds: pulumi.Output<string>[];
    /** Private subnets, one per AZ in configured order. */
    public readonly privateSubnetIds: pulumi.Output<string>[];
    /** Isolated subnets, one per AZ in configured order. */
    public readonly isolatedSubnetIds: pulumi.Output<string>[];
    /** Route table of the public tier. */
    public readonly publicRouteTableId: pulumi.Output<string>;
    /** Route tables of the private tier, one per AZ. */
    public readonly privateRouteTableIds: pulumi.Output<string>[];
    /** Route table of the isolated tier. */
    public readonly isolatedRouteTableId: pulumi.Output<string>;
    /** Security group for load balancers. */
    public readonly loadBalancerSecurityGroupId: pulumi.Output<string>;
    /** Security group for workloads. */
    public readonly appSecurityGroupId: pulumi.Output<string>;
    /** Security group for data stores. */
    public readonly dataSecurityGroupId: pulumi.Output<string>;
    /** Security group of the interface VPC endpoints. */
    public readonly endpointSecurityGroupId: pulumi.Output<string>;
    /** Interface endpoint id of each service of `interfaceEndpoints` (the `aws:SourceVpce` of requests through it). */
    public readonly interfaceEndpointIdsByService: Partial<Record<InterfaceEndpointService, pulumi.Output<string>>>;
    /** CloudWatch log group receiving the VPC flow logs. */
    public readonly flowLogGroupName: pulumi.Output<string>;
    /** KMS key encrypting the flow log group (the one passed in as `flowLogKmsKeyArn`). */
    public readonly flowLogKeyArn: pulumi.Output<string>;
    /** ARN of the internet-facing load balancer; undefined without `loadBalancer`. */
    public readonly loadBalancerArn: pulumi.Output<string> | undefined;
    /** DNS name of the internet-facing load balancer; undefined without `loadBalancer`. */
    public readonly loadBalancerDnsName: pulumi.Output<string> | undefined;
    /** Prefix list of each gateway endpoint by service (s3, dynamodb): what workloads send HTTPS to for those services. */
    public readonly gatewayPrefixListIds: Record<string, pulumi.Output<string>>;
    /** ARN of the internet-facing load balancer's HTTPS listener, where applications add their routes; undefined without `loadBalancer`. */
    public readonly httpsListenerArn: pulumi.Output<string> | undefined;

    constructor(name: string, args: ThreeTierVpcArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs(args);
        super("zero-trust:network:ThreeTierVpc", name, {}, opts);
        const env = args.environment;
        const zones = args.availabilityZones;
        const plan = planSubnets(args.vpcCidr, zones.length, args.subnetPrefixLengths);
        const hasNat = args.natGateways !== "none";

        const vpc = new aws.ec2.Vpc(
            `${name}-vpc`,
            { cidrBlock: args.vpcCidr, enableDnsSupport: true, enableDnsHostnames: true, tags: resourceTags(`${env}-vpc`) },
            { parent: this },
        );

        // Adopted with no rules: anything left in the default group or on a subnet without its own
        // NACL is denied, instead of AWS's allow-all defaults.
        new aws.ec2.DefaultSecurityGroup(
            `${name}-default-sg`,
            { vpcId: vpc.id, ingress: [], egress: [], tags: resourceTags(`${env}-default-deny-all`) },
            { parent: this },
        );
        new aws.ec2.DefaultNetworkAcl(
            `${name}-default-nacl`,
            { defaultNetworkAclId: vpc.defaultNetworkAclId, ingress: [], egress: [], tags: resourceTags(`${env}-default-deny-all`) },
            { parent: this },
        );

        const subnetIds = Object.fromEntries(
            TIERS.map((tier) => [
                tier,
                zones.map(
                    (zone, i) =>
                        new aws.ec2.Subnet(
                            `${name}-${tier}-${zone}`,
                            {
                                vpcId: vpc.id,
                                availabilityZone: zone,
                                cidrBlock: plan[tier][i],
                                // Nothing gets a public address by accident; load balancers and NAT bring their own.
                                mapPublicIpOnLaunch: false,
                                tags: resourceTags(`${env}-${tier}-${zone}`, tier),
                            },
                            { parent: this },
                        ).id,
                ),
            ]),
        ) as Record<Tier, pulumi.Output<string>[]>;

        const routing = new TierRouting(
            `${name}-routing`,
            {
                environment: env,
                vpcId: vpc.id,
                availabilityZones: zones,
                publicSubnetIds: subnetIds.public,
                privateSubnetIds: subnetIds.private,
                isolatedSubnetIds: subnetIds.isolated,
                natGateways: args.natGateways,
            },
            { parent: this },
        );

        new TierNetworkAcls(
            `${name}-nacl`,
            {
                environment: env,
                vpcId: vpc.id,
                vpcCidr: args.vpcCidr,
                subnetCidrs: plan,
                subnetIds,
                hasNat,
                hasInternetLoadBalancer: args.loadBalancer !== undefined,
                allowHttpRedirect: args.allowHttpRedirect,
                dataPorts: args.dataPorts,
            },
            { parent: this },
        );

        const endpoints = new VpcEndpoints(
            `${name}-endpoints`,
            {
                environment: env,
                region: args.region,
                organizationId: args.organizationId,
                vpcId: vpc.id,
                vpcCidr: args.vpcCidr,
                gatewayRouteTableIds: [...routing.privateRouteTableIds, routing.isolatedRouteTableId],
                interfaceSubnetIds: subnetIds.private,
                interfaceServices: args.interfaceEndpoints,
            },
            { parent: this },
        );

        const securityGroups = new TierSecurityGroups(
            `${name}-sg`,
            {
                environment: env,
                vpcId: vpc.id,
                appPort: args.appPort,
                dataPorts: args.dataPorts,
                hasNat,
                endpointSecurityGroupId: endpoints.securityGroupId,
                gatewayPrefixListIds: endpoints.gatewayPrefixListIds,
            },
            { parent: this },
        );

        const entryPoint =
            args.loadBalancer === undefined
                ? undefined
                : new InternetEntryPoint(
                      `${name}-entry`,
                      {
                          environment: env,
                          certificateArn: args.loadBalancer.certificateArn,
                          sslPolicy: args.loadBalancer.sslPolicy,
                          ...(args.loadBalancer.clientCertificates === undefined
                              ? {}
                              : { clientCertificates: args.loadBalancer.clientCertificates }),
                          publicSubnetIds: subnetIds.public,
                          loadBalancerSecurityGroupId: securityGroups.loadBalancerSecurityGroupId,
                          allowHttpRedirect: args.allowHttpRedirect,
                      },
                      { parent: this },
                  );

        const flowLogs = new VpcFlowLogs(
            `${name}-flow-logs`,
            {
                environment: env,
                region: args.region,
                accountId: args.accountId,
                vpcId: vpc.id,
                logGroupName: `${args.logGroupNamePrefix}vpc-flow-logs/${name}`,
                retentionInDays: args.flowLogRetentionDays,
                kmsKeyArn: args.flowLogKmsKeyArn,
            },
            { parent: this },
        );

        this.vpcId = vpc.id;
        this.vpcCidr = vpc.cidrBlock;
        this.publicSubnetIds = subnetIds.public;
        this.privateSubnetIds = subnetIds.private;
        this.isolatedSubnetIds = subnetIds.isolated;
        this.publicRouteTableId = routing.publicRouteTableId;
        this.privateRouteTableIds = routing.privateRouteTableIds;
        this.isolatedRouteTableId = routing.isolatedRouteTableId;
        this.loadBalancerSecurityGroupId = securityGroups.loadBalancerSecurityGroupId;
        this.appSecurityGroupId = securityGroups.appSecurityGroupId;
        this.dataSecurityGroupId = securityGroups.dataSecurityGroupId;
        this.endpointSecurityGroupId = endpoints.securityGroupId;
        this.interfaceEndpointIdsByService = endpoints.interfaceEndpointIdsByService;
        this.flowLogGroupName = flowLogs.logGroupName;
        this.flowLogKeyArn = flowLogs.keyArn;
        this.loadBalancerArn = entryPoint?.loadBalancerArn;
        this.loadBalancerDnsName = entryPoint?.loadBalancerDnsName;
        this.httpsListenerArn = entryPoint?.httpsListenerArn;
        this.gatewayPrefixListIds = endpoints.gatewayPrefixListIds;
        this.registerOutputs({
            vpcId: this.vpcId,
            vpcCidr: this.vpcCidr,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
            isolatedSubnetIds: this.isolatedSubnetIds,
            publicRouteTableId: this.publicRouteTableId,
            privateRouteTableIds: this.privateRouteTableIds,
            isolatedRouteTableId: this.isolatedRouteTableId,
            loadBalancerSecurityGroupId: this.loadBalancerSecurityGroupId,
            appSecurityGroupId: this.appSecurityGroupId,
            dataSecurityGroupId: this.dataSecurityGroupId,
            endpointSecurityGroupId: this.endpointSecurityGroupId,
            interfaceEndpointIdsByService: this.interfaceEndpointIdsByService,
            flowLogGroupName: this.flowLogGroupName,
            flowLogKeyArn: this.flowLogKeyArn,
            loadBalancerArn: this.loadBalancerArn,
            loadBalancerDnsName: this.loadBalancerDnsName,
            httpsListenerArn: this.httpsListenerArn,
            gatewayPrefixListIds: this.gatewayPrefixListIds,
        });
    }
}

/**
 * Everything the VPC and its parts are built from, checked before anything is declared (the parts
 * check their own arguments too, but only once the VPC exists).
 */
function checkArgs(args: ThreeTierVpcArgs): void {
    validNameKey("ThreeTierVpc: environment", args.environment);
    const region = validRegion("ThreeTierVpc: region", args.region);
    validAccountId("ThreeTierVpc: accountId", args.accountId);
    const zones = validAvailabilityZones("ThreeTierVpc: availabilityZones", args.availabilityZones, region);
    validSubnetPrefixLengths(
        "ThreeTierVpc: subnetPrefixLengths",
        args.subnetPrefixLengths,
        validVpcCidr("ThreeTierVpc: vpcCidr", args.vpcCidr),
        zones.length,
    );
    validChoice("ThreeTierVpc: natGateways", args.natGateways, NAT_STRATEGIES);
    validPort("ThreeTierVpc: appPort", args.appPort);
    validPorts("ThreeTierVpc: dataPorts", args.dataPorts);
    validLogRetentionDays("ThreeTierVpc: flowLogRetentionDays", args.flowLogRetentionDays);
    validLogGroupNamePrefix("ThreeTierVpc: logGroupNamePrefix", args.logGroupNamePrefix);
    validInterfaceServices("ThreeTierVpc: interfaceEndpoints", args.interfaceEndpoints);
    if (args.loadBalancer !== undefined) {
        validChoice("ThreeTierVpc: loadBalancer.sslPolicy", args.loadBalancer.sslPolicy, TLS12_SSL_POLICIES);
    }
}
