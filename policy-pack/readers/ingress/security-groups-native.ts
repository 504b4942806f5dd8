// Ingress readers for security groups of @pulumi/aws-native (CloudFormation shapes, camelCase).
//
//   aws-native:ec2:SecurityGroup
//       securityGroupIngress[]: { ipProtocol, fromPort?, toPort?, cidrIp?, cidrIpv6?, sourcePrefixListId?, sourceSecurityGroupId? }
//   aws-native:ec2:SecurityGroupIngress
//       { ipProtocol, fromPort?, toPort?, cidrIp?, cidrIpv6?, groupId?, groupName?, sourcePrefixListId?, ... }

import { Reading, UNKNOWN } from "../known";
import { IngressPermission, readSources, readTrafficOf } from "./permission";
import { SecurityGroupRuleReader } from "./security-group-reader";

const NATIVE_CIDR_KEYS = ["cidrIp", "cidrIpv6"] as const;

function permissionOf(rule: unknown, origin: string, reading: Reading): IngressPermission {
    if (rule === UNKNOWN) {
        return { origin, sources: [], sourcesUnknown: true, traffic: UNKNOWN, action: "allow" };
    }
    return {
        origin,
        ...readSources(reading, rule, NATIVE_CIDR_KEYS),
        traffic: readTrafficOf(reading.get(rule, "ipProtocol"), reading.get(rule, "fromPort"), reading.get(rule, "toPort")),
        action: "allow",
    };
}

export const nativeSecurityGroup: SecurityGroupRuleReader = {
    types: ["aws-native:ec2:SecurityGroup"],
    attachment: { kind: "inline" },
    read(props, reading) {
        const rules = reading.list(props, "securityGroupIngress");
        if (rules === UNKNOWN) {
            return [permissionOf(UNKNOWN, "securityGroupIngress", reading)];
        }
        return rules.map((rule, i) => permissionOf(rule, `securityGroupIngress[${i}]`, reading));
    },
};

export const nativeSecurityGroupIngress: SecurityGroupRuleReader = {
    types: ["aws-native:ec2:SecurityGroupIngress"],
    attachment: { kind: "separate", targetProperties: ["groupId", "groupName"] },
    read(props, reading) {
        return [permissionOf(props, "this rule", reading)];
    },
};
