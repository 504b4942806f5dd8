import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { resourceTags } from "./resource-tags";

/** Which way a rule admits traffic, seen from the group it belongs to. */
export type RuleDirection = "in" | "out";

/** One TCP allow rule: a port to or from a peer security group, CIDR or prefix list. */
export interface PortRule {
    /** Ends the rule's resource name and `Name` tag: `<name prefix>-<in|out>-<suffix>`. */
    readonly suffix: string;
    readonly description: string;
    readonly port: number;
    readonly peer: { referencedSecurityGroupId: pulumi.Input<string> } | { cidrIpv4: string } | { prefixListId: pulumi.Input<string> };
}

/**
 * Declares one rule as its own resource (never inline, so that a group's rules are managed one by
 * one and the provider removes AWS's default allow-all egress from groups declared without rules).
 * Ingress and egress rules take the same arguments; `namePrefix` names the group's rules
 * (`<component>-<role>`), `tagPrefix` their `Name` tags (`<environment>-<role>`).
 */
export function securityGroupRule(
    direction: RuleDirection,
    securityGroupId: pulumi.Input<string>,
    names: { readonly namePrefix: string; readonly tagPrefix: string },
    rule: PortRule,
    opts: pulumi.CustomResourceOptions,
): aws.vpc.SecurityGroupIngressRule | aws.vpc.SecurityGroupEgressRule {
    const RuleResource = direction === "in" ? aws.vpc.SecurityGroupIngressRule : aws.vpc.SecurityGroupEgressRule;
    return new RuleResource(
        `${names.namePrefix}-${direction}-${rule.suffix}`,
        {
            securityGroupId,
            description: rule.description,
            ipProtocol: "tcp",
            fromPort: rule.port,
            toPort: rule.port,
            ...rule.peer,
            tags: resourceTags(`${names.tagPrefix}-${direction}-${rule.suffix}`),
        },
        opts,
    );
}
