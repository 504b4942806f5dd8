// ingress-no-internet-nacl: no network-ACL allow entry from the whole internet, except the
// stateless necessities of a public tier.
//
// NACLs are stateless, so a public subnet's NACL must admit the public ports (443, 80) from the
// internet AND the return traffic of connections its hosts open (TCP/UDP on ephemeral ports,
// 1024-65535 by default). Those pass; everything else from the internet is a violation, and an
// entry for all protocols from the internet always is. Deny entries never open anything.
// Security groups remain the stateful, deny-first control on top.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { NETWORK_ACL_READERS } from "../../readers/ingress";
import { UNKNOWN } from "../../readers/known";
import { ingressSettings } from "./settings";
import { guardResource } from "../guard";
import { cis, TAG } from "../metadata";
import { INGRESS_DOCS, INGRESS_FAMILY_TAGS } from "./metadata";
import {
    describeEphemeral,
    describePublicPorts,
    describeTraffic,
    isEphemeralReturnTraffic,
    isPublicPortTraffic,
    judgeCombinedSources,
    judgeNetworkAclEntry,
} from "./judge";

export const NAME = "ingress-no-internet-nacl";

export const noInternetNacl: ResourceValidationPolicy = {
    name: NAME,
    displayName: "No network-ACL ingress from the internet beyond public ports and return traffic",
    description:
        "Network ACL ingress entries (inline in a network ACL or the default one, or separate rules) must not allow the " +
        "internet in, except TCP on the configured public ports and TCP/UDP return traffic on the ephemeral port range. " +
        "An allow entry for all protocols from the internet is always a violation; deny entries never are.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: cis("5.1", "Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports"),
    tags: [...INGRESS_FAMILY_TAGS, TAG.cis("5.1"), "network-acl"],
    remediationSteps:
        "Narrow the entry's CIDR to the networks that need it, or restrict it to TCP on the public ports (public tier) and " +
        "TCP/UDP on the ephemeral range for return traffic. Never allow protocol -1 from 0.0.0.0/0 or ::/0; add explicit " +
        "deny entries below the allows if the subnet must be closed.",
    url: INGRESS_DOCS.networkAcls,
    configSchema: ingressSettings.schema(
        "publicPorts",
        "ephemeralPortFrom",
        "ephemeralPortTo",
        "ipv4PublicPrefixLimit",
        "ipv6PublicPrefixLimit",
    ),
    validateResource: guardResource(NAME, new Set(NETWORK_ACL_READERS.keys()), (args, props, report, reading) => {
        const reader = NETWORK_ACL_READERS.get(args.type);
        if (reader === undefined) {
            return;
        }
        const settings = ingressSettings.from(args);
        const entries = reader.read(props, reading);
        let anyOpen = false;
        for (const entry of entries) {
            const judgement = judgeNetworkAclEntry(entry, settings);
            if (judgement.kind === "open") {
                anyOpen = true;
                report(
                    `${entry.origin} allows ${describeTraffic(entry)} from the internet: ${judgement.sourceReason}. ` +
                        `From the internet a NACL may allow only TCP ${describePublicPorts(settings)} and TCP/UDP ` +
                        `${describeEphemeral(settings)} (return traffic).`,
                );
            } else if (judgement.kind === "undecided") {
                reading.markUndecided();
            }
        }
        if (!anyOpen) {
            const candidates = entries.filter(
                (e) =>
                    e.action === "allow" &&
                    e.traffic !== UNKNOWN &&
                    !isPublicPortTraffic(e.traffic, settings) &&
                    !isEphemeralReturnTraffic(e.traffic, settings),
            );
            const combined = judgeCombinedSources(candidates, settings);
            if (combined !== undefined) {
                report(`${combined}.`);
            }
        }
    }),
};
