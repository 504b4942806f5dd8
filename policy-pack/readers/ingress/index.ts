// Registry of ingress readers by Pulumi type token, for both providers.

import { classicNetworkAcl, classicNetworkAclRule } from "./network-acls-classic";
import { NetworkAclEntryReader } from "./network-acl-reader";
import { classicManagedPrefixList, classicManagedPrefixListEntry, nativePrefixList, PrefixListReader } from "./prefix-lists";
import { SecurityGroupRuleReader } from "./security-group-reader";
import { classicSecurityGroup, classicSecurityGroupIngressRule, classicSecurityGroupRule } from "./security-groups-classic";
import { nativeSecurityGroup, nativeSecurityGroupIngress } from "./security-groups-native";

export type { IngressPermission, RuleAction } from "./permission";
export type { SecurityGroupRuleReader, Attachment } from "./security-group-reader";
export type { NetworkAclEntryReader } from "./network-acl-reader";
export type { PrefixListReader, PrefixListView } from "./prefix-lists";

function byType<R extends { types: readonly string[] }>(readers: readonly R[]): ReadonlyMap<string, R> {
    return new Map(readers.flatMap((reader) => reader.types.map((type) => [type, reader] as const)));
}

export const SECURITY_GROUP_READERS = byType<SecurityGroupRuleReader>([
    classicSecurityGroup,
    classicSecurityGroupRule,
    classicSecurityGroupIngressRule,
    nativeSecurityGroup,
    nativeSecurityGroupIngress,
]);

export const NETWORK_ACL_READERS = byType<NetworkAclEntryReader>([classicNetworkAcl, classicNetworkAclRule]);

export const PREFIX_LIST_READERS = byType<PrefixListReader>([classicManagedPrefixList, classicManagedPrefixListEntry, nativePrefixList]);

/** Types that ARE security groups (the things rules attach to and load balancers use). */
export const SECURITY_GROUP_TYPES: ReadonlySet<string> = new Set([
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    "aws-native:ec2:SecurityGroup",
]);

/**
 * Types that refer to a security group without putting it on a network interface: the groups
 * themselves and their rule resources (as the group a rule is added to, or as a rule's source).
 */
export const SECURITY_GROUP_RULE_TYPES: ReadonlySet<string> = new Set([
    ...SECURITY_GROUP_TYPES,
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "aws-native:ec2:SecurityGroupIngress",
    "aws-native:ec2:SecurityGroupEgress",
]);
