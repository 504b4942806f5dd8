// Ingress reader for network-ACL entries of @pulumi/aws-native.
//
//   aws-native:ec2:NetworkAclEntry (CloudFormation AWS::EC2::NetworkAclEntry)
//       { networkAclId, ruleNumber, ruleAction, egress?, protocol (number; -1 all, 6 tcp, 17 udp, 1 icmp, 58 icmpv6),
//         cidrBlock?, ipv6CidrBlock?, portRange?: { from, to }, icmp?: { type, code } }
//
// @pulumi/aws-native 1.79 does not generate this type (CloudFormation has it); it is read by its
// CloudFormation property names so that a provider version that has it, or a program that
// declares it some other way, is still judged.

import { isTrue, UNKNOWN } from "../known";
import { parseProtocol } from "../../network/protocols";
import { readAction, readSources, readTrafficOf } from "./permission";
import { NetworkAclEntryReader } from "./network-acl-reader";
import { ruleNumber } from "./network-acls-classic";

export const nativeNetworkAclEntry: NetworkAclEntryReader = {
    types: ["aws-native:ec2:NetworkAclEntry"],
    read(props, reading) {
        const egress = reading.get(props, "egress");
        if (isTrue(egress)) {
            return [];
        }
        const protocol = reading.get(props, "protocol");
        const isIcmp = protocol !== UNKNOWN && ["icmp", "icmpv6"].includes(parseProtocol(protocol)?.kind ?? "");
        const range = reading.get(props, isIcmp ? "icmp" : "portRange");
        const traffic =
            range === UNKNOWN
                ? readTrafficOf(protocol, UNKNOWN, UNKNOWN)
                : isIcmp
                  ? readTrafficOf(protocol, reading.get(range, "type"), reading.get(range, "code"))
                  : readTrafficOf(protocol, reading.get(range, "from"), reading.get(range, "to"));
        const action = readAction(reading.get(props, "ruleAction"));
        return [
            {
                origin: `this entry${ruleNumber(reading.get(props, "ruleNumber"))}`,
                ...readSources(reading, props, ["cidrBlock", "ipv6CidrBlock"]),
                traffic,
                action: egress === UNKNOWN && action !== "deny" ? UNKNOWN : action,
            },
        ];
    },
};
