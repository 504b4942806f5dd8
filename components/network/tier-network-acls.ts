import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { validPorts } from "../../validation/ports";
import { validVpcCidr } from "./network-args";
import { naclRules } from "./nacl-rules";
import { resourceTags } from "./resource-tags";
import { TIERS, type SubnetPlan, type Tier } from "./subnet-plan";

export interface TierNetworkAclsArgs {
    /** Environment name, used in `Name` tags. */
    environment: string;
    /** The VPC the NACLs belong to. */
    vpcId: pulumi.Input<string>;
    /** The VPC's CIDR: public and private tiers accept anything from inside it. */
    vpcCidr: string;
    /** Subnet CIDRs per tier; the isolated NACL admits only the private ones. */
    subnetCidrs: SubnetPlan;
    /** Subnet ids per tier, associated with that tier's NACL. */
    subnetIds: Record<Tier, pulumi.Input<string>[]>;
    /** Whether the private tier egresses through NAT (opens the public tier to NAT traffic). */
    hasNat: boolean;
    /** Whether an internet-facing load balancer in the public tier takes HTTPS (443) from the internet. */
    hasInternetLoadBalancer: boolean;
    /** Whether the public tier admits HTTP (port 80) for HTTPS redirects (only with a load balancer). */
    allowHttpRedirect: boolean;
    /** Ports on which the private tier reaches the data stores of the isolated tier. */
    dataPorts: readonly number[];
}

/** One network ACL per tier, with rules as separate resources (see `naclRules` for what they allow). */
export class TierNetworkAcls extends pulumi.ComponentResource {
    /** NACL id per tier. */
    public readonly networkAclIds: Record<Tier, pulumi.Output<string>>;

    constructor(name: string, args: TierNetworkAclsArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs(args);
        super("zero-trust:network:TierNetworkAcls", name, {}, opts);

        const acls = Object.fromEntries(
            TIERS.map((tier) => [
                tier,
                new aws.ec2.NetworkAcl(
                    `${name}-${tier}`,
                    { vpcId: args.vpcId, subnetIds: args.subnetIds[tier], tags: resourceTags(`${args.environment}-${tier}`, tier) },
                    { parent: this },
                ),
            ]),
        ) as Record<Tier, aws.ec2.NetworkAcl>;

        const rules = naclRules({
            vpcCidr: args.vpcCidr,
            subnets: args.subnetCidrs,
            hasNat: args.hasNat,
            hasInternetLoadBalancer: args.hasInternetLoadBalancer,
            allowHttpRedirect: args.allowHttpRedirect,
            dataPorts: args.dataPorts,
        });
        for (const rule of rules) {
            new aws.ec2.NetworkAclRule(
                `${name}-${rule.tier}-${rule.egress ? "egress" : "ingress"}-${rule.ruleNumber}`,
                {
                    networkAclId: acls[rule.tier].id,
                    egress: rule.egress,
                    ruleNumber: rule.ruleNumber,
                    ruleAction: "allow",
                    protocol: rule.protocol,
                    cidrBlock: rule.cidrBlock,
                    fromPort: rule.fromPort,
                    toPort: rule.toPort,
                },
                { parent: this },
            );
        }

        this.networkAclIds = { public: acls.public.id, private: acls.private.id, isolated: acls.isolated.id };
        this.registerOutputs({ networkAclIds: this.networkAclIds });
    }
}

/** The NACLs' own invariants, checked before anything is declared. */
function checkArgs(args: TierNetworkAclsArgs): void {
    validVpcCidr("TierNetworkAcls: vpcCidr", args.vpcCidr);
    validPorts("TierNetworkAcls: dataPorts", args.dataPorts);
}
