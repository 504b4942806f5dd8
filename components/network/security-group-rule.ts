import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { resourceTags } from "./resource-tags";

/** Which way a rule admits traffic, seen from the group it belongs to. */
export type RuleDirection = "in" | "out";

/** One TCP allow rule: a port to or from a peer security group, CIDR or prefix list. */
export interface PortRule {
    readonly description: string;
    readonly port: number;
    readonly peer: { referencedSecurityGroupId: pulumi.Input<string> } | { cidrIpv4: string } | { prefixListId: pulumi.Input<string> };
}

/** A rule of a group with a role (lb, app, service, database …), named after the role and a suffix. */
export interface SuffixedRule extends PortRule {
    /** Ends the rule's resource name and `Name` tag: `<prefix>-<in|out>-<suffix>`. */
    readonly suffix: string;
}

/** Names of a suffixed rule: `<namePrefix>-<in|out>-<suffix>`, tagged `<tagPrefix>-<in|out>-<suffix>`. */
export const suffixedRuleNames = (namePrefix: string, tagPrefix: string, direction: RuleDirection, rule: SuffixedRule): RuleNames => ({
    resourceName: `${namePrefix}-${direction}-${rule.suffix}`,
    tagName: `${tagPrefix}-${direction}-${rule.suffix}`,
});

/** The rule resource's logical name and its `Name` tag. */
export interface RuleNames {
    readonly resourceName: string;
    readonly tagName: string;
}

/**
 * Declares one rule as its own resource (never inline, so that a group's rules are managed one by
 * one and the provider removes AWS's default allow-all egress from groups declared without rules).
 * Ingress and egress rules take the same arguments.
 */
export function securityGroupRule(
    direction: RuleDirection,
    securityGroupId: pulumi.Input<string>,
    names: RuleNames,
    rule: PortRule,
    opts: pulumi.CustomResourceOptions,
): aws.vpc.SecurityGroupIngressRule | aws.vpc.SecurityGroupEgressRule {
    const RuleResource = direction === "in" ? aws.vpc.SecurityGroupIngressRule : aws.vpc.SecurityGroupEgressRule;
    return new RuleResource(
        names.resourceName,
        {
            securityGroupId,
            description: rule.description,
            ipProtocol: "tcp",
            fromPort: rule.port,
            toPort: rule.port,
            ...rule.peer,
            tags: resourceTags(names.tagName),
        },
        opts,
    );
}
