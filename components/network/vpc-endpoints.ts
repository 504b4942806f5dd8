import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { validNonEmptyList } from "../../validation/argument-error";
import { validRegion } from "../../validation/aws-identifiers";
import { validInterfaceServices, validVpcCidr } from "./network-args";
import { organizationOnlyEndpointPolicyDocument, s3GatewayEndpointPolicyDocument } from "./endpoint-policy";
import { GATEWAY_ENDPOINT_SERVICES, type InterfaceEndpointService } from "./interface-endpoint-services";
import { resourceTags } from "./resource-tags";

export interface VpcEndpointsArgs {
    /** Environment name, used in `Name` tags. */
    environment: string;
    /** Region of the VPC; endpoint service names are `com.amazonaws.<region>.<service>`. */
    region: string;
    /** Organisation whose principals alone may use the endpoints (`aws:PrincipalOrgID`). */
    organizationId: pulumi.Input<string>;
    /** The VPC to attach the endpoints to. */
    vpcId: pulumi.Input<string>;
    /** The VPC's CIDR: the only source the interface endpoints admit. */
    vpcCidr: string;
    /** Route tables that get the S3 and DynamoDB gateway endpoint routes (private and isolated). */
    gatewayRouteTableIds: pulumi.Input<string>[];
    /** Subnets (one per AZ) that hold the interface endpoints' network interfaces. */
    interfaceSubnetIds: pulumi.Input<string>[];
    /** Services reached through interface endpoints with private DNS. */
    interfaceServices: readonly InterfaceEndpointService[];
}

/**
 * Gateway endpoints for S3 and DynamoDB and interface endpoints with private DNS, so AWS API traffic
 * stays on the AWS network. Every endpoint admits only principals of the organisation; the S3 one
 * also lets anyone read the AWS-owned buckets of ECR's image layers and the Amazon Linux repositories.
 */
export class VpcEndpoints extends pulumi.ComponentResource {
    /** Security group of the interface endpoints: HTTPS from the VPC only. */
    public readonly securityGroupId: pulumi.Output<string>;
    /** Managed prefix list of each gateway endpoint by service (s3, dynamodb), for security group egress rules. */
    public readonly gatewayPrefixListIds: Record<string, pulumi.Output<string>>;
    /** Interface endpoint id of each service of `interfaceServices` (the `aws:SourceVpce` of requests through it). */
    public readonly interfaceEndpointIdsByService: Partial<Record<InterfaceEndpointService, pulumi.Output<string>>>;

    constructor(name: string, args: VpcEndpointsArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs(args);
        super("zero-trust:network:VpcEndpoints", name, {}, opts);
        const env = args.environment;
        // S3 also serves ECR's layers and the Amazon Linux repositories from AWS-owned buckets. Both
        // documents come from one output, so every endpoint is ready to register at the same time.
        const documents = pulumi.output(args.organizationId).apply((organizationId) => ({
            organizationOnly: JSON.stringify(organizationOnlyEndpointPolicyDocument(organizationId)),
            s3: JSON.stringify(s3GatewayEndpointPolicyDocument(organizationId, args.region)),
        }));
        const policy = documents.apply((d) => d.organizationOnly);
        const s3Policy = documents.apply((d) => d.s3);

        const gatewayEndpoints = GATEWAY_ENDPOINT_SERVICES.map(
            (service) =>
                new aws.ec2.VpcEndpoint(
                    `${name}-${service}`,
                    {
                        vpcId: args.vpcId,
                        vpcEndpointType: "Gateway",
                        serviceName: `com.amazonaws.${args.region}.${service}`,
                        routeTableIds: args.gatewayRouteTableIds,
                        policy: service === "s3" ? s3Policy : policy,
                        tags: resourceTags(`${env}-${service}`),
                    },
                    { parent: this },
                ),
        );

        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: args.vpcId,
                description: "Interface VPC endpoints: HTTPS from inside the VPC only",
                revokeRulesOnDelete: true,
                tags: resourceTags(`${env}-endpoints`),
            },
            { parent: this },
        );
        // No egress rules: endpoint interfaces only answer, and security groups are stateful.
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-sg-https-from-vpc`,
            {
                securityGroupId: securityGroup.id,
                description: "HTTPS from the VPC",
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                cidrIpv4: args.vpcCidr,
                tags: resourceTags(`${env}-endpoints-in-https-vpc`),
            },
            { parent: this },
        );

        const interfaceEndpoints = args.interfaceServices.map(
            (service) =>
                new aws.ec2.VpcEndpoint(
                    `${name}-${service}`,
                    {
                        vpcId: args.vpcId,
                        vpcEndpointType: "Interface",
                        serviceName: `com.amazonaws.${args.region}.${service}`,
                        subnetIds: args.interfaceSubnetIds,
                        securityGroupIds: [securityGroup.id],
                        privateDnsEnabled: true,
                        policy,
                        tags: resourceTags(`${env}-${service}`),
                    },
                    { parent: this },
                ),
        );

        this.securityGroupId = securityGroup.id;
        this.gatewayPrefixListIds = Object.fromEntries(
            GATEWAY_ENDPOINT_SERVICES.map((service, i) => [service, gatewayEndpoints[i].prefixListId]),
        );
        this.interfaceEndpointIdsByService = Object.fromEntries(
            args.interfaceServices.map((service, i) => [service, interfaceEndpoints[i].id]),
        );
        this.registerOutputs({
            securityGroupId: this.securityGroupId,
            gatewayPrefixListIds: this.gatewayPrefixListIds,
            interfaceEndpointIdsByService: this.interfaceEndpointIdsByService,
        });
    }
}

/** The endpoints' own invariants, checked before anything is declared. */
function checkArgs(args: VpcEndpointsArgs): void {
    validRegion("VpcEndpoints: region", args.region);
    validVpcCidr("VpcEndpoints: vpcCidr", args.vpcCidr);
    validNonEmptyList(
        "VpcEndpoints: interfaceSubnetIds",
        args.interfaceSubnetIds,
        "a non-empty list of subnet ids (one per AZ) for the interface endpoints",
    );
    validInterfaceServices("VpcEndpoints: interfaceServices", args.interfaceServices);
}
