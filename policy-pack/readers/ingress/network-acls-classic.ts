// Ingress readers for network ACLs of the classic provider (@pulumi/aws v7).
//
//   aws:ec2/networkAcl:NetworkAcl, aws:ec2/defaultNetworkAcl:DefaultNetworkAcl
//       ingress[]: { action, ruleNo, protocol, fromPort, toPort, cidrBlock?, ipv6CidrBlock?, icmpType?, icmpCode? }
//   aws:ec2/networkAclRule:NetworkAclRule
//       { egress?, ruleAction, ruleNumber, protocol, fromPort?, toPort?, cidrBlock?, ipv6CidrBlock?, icmpType?, icmpCode? }

import { isTrue, Reading, UNKNOWN } from "../known";
import { parseProtocol } from "../../network/protocols";
import { IngressPermission, readAction, readSources, readTrafficOf } from "./permission";
import { NetworkAclEntryReader } from "./network-acl-reader";

const CIDR_KEYS = ["cidrBlock", "ipv6CidrBlock"] as const;

/** For ICMP the type and code stand where the ports stand for TCP/UDP. */
function trafficOf(rule: unknown, reading: Reading, actionKey: string, origin: string): IngressPermission {
    const protocol = reading.get(rule, "protocol");
    const isIcmp = protocol !== UNKNOWN && ["icmp", "icmpv6"].includes(parseProtocol(protocol)?.kind ?? "");
    return {
        origin,
        ...readSources(reading, rule, CIDR_KEYS),
        traffic: isIcmp
            ? readTrafficOf(protocol, reading.get(rule, "icmpType"), reading.get(rule, "icmpCode"))
            : readTrafficOf(protocol, reading.get(rule, "fromPort"), reading.get(rule, "toPort")),
        action: readAction(reading.get(rule, actionKey)),
    };
}

export const classicNetworkAcl: NetworkAclEntryReader = {
    types: ["aws:ec2/networkAcl:NetworkAcl", "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl"],
    read(props, reading) {
        const rules = reading.list(props, "ingress");
        if (rules === UNKNOWN) {
            return [{ origin: "ingress", sources: [], sourcesUnknown: true, traffic: UNKNOWN, action: UNKNOWN }];
        }
        return rules.map((rule, i) => {
            const origin = `ingress[${i}]${ruleNumber(reading.get(rule, "ruleNo"))}`;
            return rule === UNKNOWN
                ? { origin, sources: [], sourcesUnknown: true, traffic: UNKNOWN, action: UNKNOWN }
                : trafficOf(rule, reading, "action", origin);
        });
    },
};

export const classicNetworkAclRule: NetworkAclEntryReader = {
    types: ["aws:ec2/networkAclRule:NetworkAclRule"],
    read(props, reading) {
        const egress = reading.get(props, "egress");
        if (isTrue(egress)) {
            return [];
        }
        const entry = trafficOf(props, reading, "ruleAction", `this rule${ruleNumber(reading.get(props, "ruleNumber"))}`);
        // A deny entry opens nothing either way; an allow entry of unknown direction is undecided.
        return [{ ...entry, action: egress === UNKNOWN && entry.action !== "deny" ? UNKNOWN : entry.action }];
    },
};

/** " (rule 100)" for messages, or nothing when the number is not a plain number. */
export function ruleNumber(value: unknown): string {
    return typeof value === "number" || (typeof value === "string" && /^\d{1,6}$/.test(value)) ? ` (rule ${value})` : "";
}
