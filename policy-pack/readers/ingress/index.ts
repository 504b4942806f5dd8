// Registry of ingress readers by Pulumi type token, for both providers.

import { Identity } from "../attachments";
import {
    apiGatewayRoute,
    classicFunctionUrl,
    classicMethod,
    EntryPointReader,
    nativeFunctionUrl,
    nativeMethod,
    quickCreateApi,
} from "./entry-points";
import { classicLightsailInstancePublicPorts, LightsailPortsReader, nativeLightsailInstance } from "./lightsail-ports";
import { classicNetworkAcl, classicNetworkAclRule } from "./network-acls-classic";
import { NetworkAclEntryReader } from "./network-acl-reader";
import { classicManagedPrefixList, classicManagedPrefixListEntry, nativePrefixList, PrefixListReader } from "./prefix-lists";
import { SecurityGroupRuleReader } from "./security-group-reader";
import { classicSecurityGroup, classicSecurityGroupIngressRule, classicSecurityGroupRule } from "./security-groups-classic";
import { nativeSecurityGroup, nativeSecurityGroupIngress } from "./security-groups-native";

export type { IngressPermission, RuleAction } from "./permission";
export type { SecurityGroupRuleReader } from "./security-group-reader";
export type { NetworkAclEntryReader } from "./network-acl-reader";
export type { PrefixListReader, PrefixListView } from "./prefix-lists";
export type { LightsailPortsReader } from "./lightsail-ports";
export type { EntryPoint, EntryPointReader } from "./entry-points";
export { API_IDENTITIES, API_MEMBER_READERS } from "./api-members";
export type { ApiMember, ApiMemberReader } from "./api-members";

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

export const LIGHTSAIL_PORTS_READERS = byType<LightsailPortsReader>([classicLightsailInstancePublicPorts, nativeLightsailInstance]);

export const API_ROUTE_READERS = byType<EntryPointReader>([apiGatewayRoute, quickCreateApi]);
export const API_METHOD_READERS = byType<EntryPointReader>([classicMethod, nativeMethod]);
export const FUNCTION_URL_READERS = byType<EntryPointReader>([classicFunctionUrl, nativeFunctionUrl]);

/**
 * Where a security group's own id and name are, once it exists. `name` of the classic group and
 * `groupName` of the aws-native one are names (AWS refuses names starting with `sg-`, so they never
 * read as ids); aws-native `awsId` is the CloudFormation `Id`, the group id as well.
 */
export const SECURITY_GROUP_IDENTITIES: ReadonlyMap<string, Identity> = new Map([
    ["aws:ec2/securityGroup:SecurityGroup", { ids: ["id"], names: ["name"] }],
    ["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", { ids: ["id"], names: ["name"] }],
    ["aws-native:ec2:SecurityGroup", { ids: ["id", "groupId", "awsId"], names: ["groupName"] }],
]);

/** Types that ARE security groups (the things rules attach to and load balancers use). */
export const SECURITY_GROUP_TYPES: ReadonlySet<string> = new Set(SECURITY_GROUP_IDENTITIES.keys());

/** Where a managed prefix list's own id is, once it exists (entries name their list by id). */
export const PREFIX_LIST_IDENTITIES: ReadonlyMap<string, Identity> = new Map([
    ["aws:ec2/managedPrefixList:ManagedPrefixList", { ids: ["id"], names: [] }],
    ["aws-native:ec2:PrefixList", { ids: ["id", "prefixListId"], names: [] }],
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
