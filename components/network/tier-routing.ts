import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { fail, validChoice } from "../../validation/argument-error";
import { validAvailabilityZones } from "./network-args";
import { resourceTags } from "./resource-tags";

/** How the private tier reaches the internet: a NAT per AZ (AZ-independent), one shared NAT, or none. */
export const NAT_STRATEGIES = ["one-per-az", "single", "none"] as const;
export type NatStrategy = (typeof NAT_STRATEGIES)[number];

export interface TierRoutingArgs {
    /** Environment name, used in `Name` tags. */
    environment: string;
    /** The VPC the route tables belong to. */
    vpcId: pulumi.Input<string>;
    /** Availability zones, in the order of the subnet id lists below. */
    availabilityZones: readonly string[];
    /** Public subnet per AZ: the only tier routed to the internet gateway, and home of NAT gateways. */
    publicSubnetIds: pulumi.Input<string>[];
    /** Private subnet per AZ: routed to a NAT gateway when the strategy has one. */
    privateSubnetIds: pulumi.Input<string>[];
    /** Isolated subnet per AZ: no route beyond the VPC (gateway endpoints add theirs). */
    isolatedSubnetIds: pulumi.Input<string>[];
    /** `one-per-az`: each AZ egresses through its own NAT; `single`: one shared NAT; `none`: no egress. */
    natGateways: NatStrategy;
}

/**
 * Internet gateway, NAT gateways and the route tables of the three tiers. Only the public route table
 * reaches the internet gateway; the private ones reach NAT (if any); the isolated one has only the
 * local route.
 */
export class TierRouting extends pulumi.ComponentResource {
    /** Route table of the public tier (default route to the internet gateway). */
    public readonly publicRouteTableId: pulumi.Output<string>;
    /** Route table of each AZ's private subnet (default route to NAT unless the strategy is `none`). */
    public readonly privateRouteTableIds: pulumi.Output<string>[];
    /** Route table of the isolated tier (no default route). */
    public readonly isolatedRouteTableId: pulumi.Output<string>;
    /** NAT gateways: one per AZ, one, or none, as the strategy says. */
    public readonly natGatewayIds: pulumi.Output<string>[];

    constructor(name: string, args: TierRoutingArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs(args);
        super("zero-trust:network:TierRouting", name, {}, opts);
        const env = args.environment;
        const zones = args.availabilityZones;

        const internetGateway = new aws.ec2.InternetGateway(
            `${name}-igw`,
            { vpcId: args.vpcId, tags: resourceTags(`${env}-igw`) },
            { parent: this },
        );

        const publicRouteTable = new aws.ec2.RouteTable(
            `${name}-public`,
            { vpcId: args.vpcId, tags: resourceTags(`${env}-public`, "public") },
            { parent: this },
        );
        new aws.ec2.Route(
            `${name}-public-default`,
            { routeTableId: publicRouteTable.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: internetGateway.id },
            { parent: this },
        );
        zones.forEach((zone, i) => {
            new aws.ec2.RouteTableAssociation(
                `${name}-public-${zone}-assoc`,
                { routeTableId: publicRouteTable.id, subnetId: args.publicSubnetIds[i] },
                { parent: this },
            );
        });

        const natZones = args.natGateways === "one-per-az" ? zones : args.natGateways === "single" ? zones.slice(0, 1) : [];
        const natGateways = natZones.map((zone, i) => {
            const address = new aws.ec2.Eip(
                `${name}-nat-${zone}-eip`,
                { domain: "vpc", tags: resourceTags(`${env}-nat-${zone}`, "public") },
                { parent: this },
            );
            return new aws.ec2.NatGateway(
                `${name}-nat-${zone}`,
                {
                    allocationId: address.allocationId,
                    subnetId: args.publicSubnetIds[i],
                    connectivityType: "public",
                    tags: resourceTags(`${env}-nat-${zone}`, "public"),
                },
                // A public NAT gateway only works once the VPC has an internet gateway.
                { parent: this, dependsOn: [internetGateway] },
            );
        });

        // One private route table per AZ whatever the strategy, so switching strategy only changes routes.
        const privateRouteTables = zones.map((zone, i) => {
            const routeTable = new aws.ec2.RouteTable(
                `${name}-private-${zone}`,
                { vpcId: args.vpcId, tags: resourceTags(`${env}-private-${zone}`, "private") },
                { parent: this },
            );
            new aws.ec2.RouteTableAssociation(
                `${name}-private-${zone}-assoc`,
                { routeTableId: routeTable.id, subnetId: args.privateSubnetIds[i] },
                { parent: this },
            );
            if (natGateways.length > 0) {
                // With a single NAT every AZ shares it; otherwise each AZ keeps its egress in-zone.
                const nat = natGateways[Math.min(i, natGateways.length - 1)];
                new aws.ec2.Route(
                    `${name}-private-${zone}-default`,
                    { routeTableId: routeTable.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id },
                    { parent: this },
                );
            }
            return routeTable;
        });

        const isolatedRouteTable = new aws.ec2.RouteTable(
            `${name}-isolated`,
            { vpcId: args.vpcId, tags: resourceTags(`${env}-isolated`, "isolated") },
            { parent: this },
        );
        zones.forEach((zone, i) => {
            new aws.ec2.RouteTableAssociation(
                `${name}-isolated-${zone}-assoc`,
                { routeTableId: isolatedRouteTable.id, subnetId: args.isolatedSubnetIds[i] },
                { parent: this },
            );
        });

        this.publicRouteTableId = publicRouteTable.id;
        this.privateRouteTableIds = privateRouteTables.map((table) => table.id);
        this.isolatedRouteTableId = isolatedRouteTable.id;
        this.natGatewayIds = natGateways.map((nat) => nat.id);
        this.registerOutputs({
            publicRouteTableId: this.publicRouteTableId,
            privateRouteTableIds: this.privateRouteTableIds,
            isolatedRouteTableId: this.isolatedRouteTableId,
            natGatewayIds: this.natGatewayIds,
        });
    }
}

/** The routing's own invariants, checked before anything is declared: one subnet of each tier per AZ. */
function checkArgs(args: TierRoutingArgs): void {
    const zones = validAvailabilityZones("TierRouting: availabilityZones", args.availabilityZones);
    for (const tier of ["publicSubnetIds", "privateSubnetIds", "isolatedSubnetIds"] as const) {
        if (!Array.isArray(args[tier]) || args[tier].length !== zones.length) {
            fail(`TierRouting: ${tier}`, args[tier], `a list of ${zones.length} subnet ids, one per availability zone`);
        }
    }
    validChoice("TierRouting: natGateways", args.natGateways, NAT_STRATEGIES);
}
