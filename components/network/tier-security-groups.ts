import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { validPort, validPorts } from "../../validation/ports";
import { resourceTags } from "./resource-tags";
import { securityGroupRule, suffixedRuleNames, type RuleDirection, type SuffixedRule } from "./security-group-rule";

export interface TierSecurityGroupsArgs {
    /** Environment name, used in `Name` tags. */
    environment: string;
    /** The VPC the security groups belong to. */
    vpcId: pulumi.Input<string>;
    /** Port the application listens on behind the load balancer. */
    appPort: number;
    /** Ports of the data stores the application uses. */
    dataPorts: readonly number[];
    /** Whether the private tier has a NAT route to the internet. */
    hasNat: boolean;
    /** Security group of the interface VPC endpoints, reached by the application on 443. */
    endpointSecurityGroupId: pulumi.Input<string>;
    /** Prefix list of each gateway endpoint by service (s3, dynamodb), reached by the application on 443. */
    gatewayPrefixListIds: Readonly<Record<string, pulumi.Input<string>>>;
}

/**
 * Deny-first security groups for the chain internet → load balancer → app → data. Groups carry no
 * inline rules (the provider then also removes AWS's default allow-all egress); every allowed hop is
 * its own rule resource and names the next group by reference, not by address. The only CIDR peer
 * here is, with NAT, the app's HTTPS egress. The load balancer group gets no ingress here: the
 * internet is admitted by `InternetEntryPoint`, together with the load balancer that uses the group.
 */
export class TierSecurityGroups extends pulumi.ComponentResource {
    /** Load balancers: ingress added by `InternetEntryPoint` (none without it); egress only to the app. */
    public readonly loadBalancerSecurityGroupId: pulumi.Output<string>;
    /** Workloads: the app port from the load balancer; egress to data, endpoints and HTTPS. */
    public readonly appSecurityGroupId: pulumi.Output<string>;
    /** Data stores: the data ports from the app only; no egress. */
    public readonly dataSecurityGroupId: pulumi.Output<string>;

    constructor(name: string, args: TierSecurityGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs(args);
        super("zero-trust:network:TierSecurityGroups", name, {}, opts);
        const group = (role: string, description: string) =>
            new aws.ec2.SecurityGroup(
                `${name}-${role}`,
                { vpcId: args.vpcId, description, revokeRulesOnDelete: true, tags: resourceTags(`${args.environment}-${role}`) },
                { parent: this },
            );
        const loadBalancer = group("lb", "Load balancers: HTTPS from the internet, forwarding to the app tier");
        const app = group("app", "Workloads: traffic from the load balancers only");
        const data = group("data", "Data stores: traffic from the app tier only");

        const allow = (direction: RuleDirection, target: aws.ec2.SecurityGroup, role: string, rule: SuffixedRule) =>
            securityGroupRule(
                direction,
                target.id,
                suffixedRuleNames(`${name}-${role}`, `${args.environment}-${role}`, direction, rule),
                rule,
                {
                    parent: this,
                },
            );
        const ingress = (target: aws.ec2.SecurityGroup, role: string, rule: SuffixedRule) => allow("in", target, role, rule);
        const egress = (target: aws.ec2.SecurityGroup, role: string, rule: SuffixedRule) => allow("out", target, role, rule);

        egress(loadBalancer, "lb", {
            suffix: "app",
            description: "To the app tier",
            port: args.appPort,
            peer: { referencedSecurityGroupId: app.id },
        });

        ingress(app, "app", {
            suffix: "lb",
            description: "From the load balancers",
            port: args.appPort,
            peer: { referencedSecurityGroupId: loadBalancer.id },
        });
        for (const port of args.dataPorts) {
            egress(app, "app", {
                suffix: `data-${port}`,
                description: `To the data tier on ${port}`,
                port,
                peer: { referencedSecurityGroupId: data.id },
            });
            ingress(data, "data", {
                suffix: `app-${port}`,
                description: `From the app tier on ${port}`,
                port,
                peer: { referencedSecurityGroupId: app.id },
            });
        }
        egress(app, "app", {
            suffix: "endpoints",
            description: "To interface VPC endpoints",
            port: 443,
            peer: { referencedSecurityGroupId: args.endpointSecurityGroupId },
        });
        for (const [service, prefixListId] of Object.entries(args.gatewayPrefixListIds)) {
            egress(app, "app", {
                suffix: service,
                description: `HTTPS to ${service} through its gateway endpoint`,
                port: 443,
                peer: { prefixListId },
            });
        }
        if (args.hasNat) {
            // Workloads need third-party HTTPS (package mirrors, SaaS APIs, AWS services without an
            // interface endpoint) whose addresses no CIDR list can pin down; NAT gives them that egress,
            // and a domain allow-list belongs to an egress firewall/proxy layer, not to a security
            // group. Without NAT there is no route out, so the rule would only widen the group.
            egress(app, "app", {
                suffix: "https-internet",
                description: "HTTPS to the internet through NAT",
                port: 443,
                peer: { cidrIpv4: "0.0.0.0/0" },
            });
        }

        this.loadBalancerSecurityGroupId = loadBalancer.id;
        this.appSecurityGroupId = app.id;
        this.dataSecurityGroupId = data.id;
        this.registerOutputs({
            loadBalancerSecurityGroupId: this.loadBalancerSecurityGroupId,
            appSecurityGroupId: this.appSecurityGroupId,
            dataSecurityGroupId: this.dataSecurityGroupId,
        });
    }
}

/** The security groups' own invariants, checked before anything is declared. */
function checkArgs(args: TierSecurityGroupsArgs): void {
    validPort("TierSecurityGroups: appPort", args.appPort);
    validPorts("TierSecurityGroups: dataPorts", args.dataPorts);
}
