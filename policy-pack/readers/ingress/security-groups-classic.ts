// Ingress readers for security groups of the classic provider (@pulumi/aws v7).
//
//   aws:ec2/securityGroup:SecurityGroup, aws:ec2/defaultSecurityGroup:DefaultSecurityGroup
//       ingress[]: { protocol, fromPort, toPort, cidrBlocks[], ipv6CidrBlocks[], prefixListIds[], securityGroups[], self }
//   aws:ec2/securityGroupRule:SecurityGroupRule
//       { type: "ingress" | "egress", protocol, fromPort, toPort, cidrBlocks[], ipv6CidrBlocks[], securityGroupId, ... }
//   aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule
//       { ipProtocol, fromPort?, toPort?, cidrIpv4?, cidrIpv6?, prefixListId?, referencedSecurityGroupId?, securityGroupId }
//
// Prefix-list and security-group sources are not addresses; prefix lists are judged where they
// are declared (see prefix-lists.ts).

import { Reading, UNKNOWN } from "../known";
import { IngressPermission, readSources, readTrafficOf } from "./permission";
import { SecurityGroupRuleReader } from "./security-group-reader";

const CLASSIC_CIDR_KEYS = ["cidrBlocks", "ipv6CidrBlocks"] as const;

function readInlineIngress(props: unknown, reading: Reading): IngressPermission[] {
    const rules = reading.list(props, "ingress");
    if (rules === UNKNOWN) {
        return [{ origin: "ingress", sources: [], sourcesUnknown: true, traffic: UNKNOWN, action: "allow" }];
    }
    return rules.map((rule, i) => permissionOf(rule, `ingress[${i}]`, reading));
}

function permissionOf(rule: unknown, origin: string, reading: Reading): IngressPermission {
    if (rule === UNKNOWN) {
        return { origin, sources: [], sourcesUnknown: true, traffic: UNKNOWN, action: "allow" };
    }
    return {
        origin,
        ...readSources(reading, rule, CLASSIC_CIDR_KEYS),
        traffic: readTrafficOf(reading.get(rule, "protocol"), reading.get(rule, "fromPort"), reading.get(rule, "toPort")),
        action: "allow",
    };
}

export const classicSecurityGroup: SecurityGroupRuleReader = {
    types: ["aws:ec2/securityGroup:SecurityGroup", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"],
    attachment: { kind: "inline" },
    read: readInlineIngress,
};

export const classicSecurityGroupRule: SecurityGroupRuleReader = {
    types: ["aws:ec2/securityGroupRule:SecurityGroupRule"],
    attachment: { kind: "separate", targetProperties: ["securityGroupId"] },
    read(props, reading) {
        const type = reading.get(props, "type");
        if (typeof type === "string" && type.trim().toLowerCase() === "egress") {
            return [];
        }
        const permission = permissionOf(props, "this rule", reading);
        // An unknown `type` may turn out to be egress: a violation then depends on the unknown.
        return [{ ...permission, action: type === UNKNOWN ? UNKNOWN : "allow" }];
    },
};

export const classicSecurityGroupIngressRule: SecurityGroupRuleReader = {
    types: ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"],
    attachment: { kind: "separate", targetProperties: ["securityGroupId"] },
    read(props, reading) {
        return [
            {
                origin: "this rule",
                ...readSources(reading, props, ["cidrIpv4", "cidrIpv6"]),
                traffic: readTrafficOf(reading.get(props, "ipProtocol"), reading.get(props, "fromPort"), reading.get(props, "toPort")),
                action: "allow",
            },
        ];
    },
};
