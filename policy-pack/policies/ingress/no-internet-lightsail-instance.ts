// ingress-no-internet-lightsail-instance: no Lightsail instance firewall rule from the internet.
//
// A policy of its own rather than part of ingress-no-internet-security-group: a Lightsail firewall
// admits traffic to the instance's public IP directly, with no load balancer in between, so the
// public-port exception of security groups (443/80 for groups used only by internet-facing load
// balancers) has nothing to hold on to. Every port is judged alike; a Lightsail load balancer
// reaches its instances over the private network, which these rules do not govern.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { LIGHTSAIL_PORTS_READERS } from "../../readers/ingress";
import { ingressSettings } from "./settings";
import { guardResource } from "../guard";
import { nist } from "../metadata";
import { INGRESS_DOCS, INGRESS_FAMILY_TAGS } from "./metadata";
import { reportSecurityGroupPermissions } from "./judge";

export const NAME = "ingress-no-internet-lightsail-instance";

export const noInternetLightsailInstance: ResourceValidationPolicy = {
    name: NAME,
    displayName: "No Lightsail instance port open to the internet",
    description:
        "Lightsail instance firewall rules (classic public-ports resources and the aws-native instance's networking ports) " +
        "must not admit the whole IPv4 or IPv6 internet, nor a source set that covers it or is public in all but name, on " +
        "any port: a port given no CIDRs is open to any IPv4 address. Judged apart from security groups because the " +
        "firewall fronts the instance itself, so the load-balancer exception for public ports cannot apply.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: nist("SC-7", "Boundary Protection"),
    tags: [...INGRESS_FAMILY_TAGS, "lightsail"],
    remediationSteps:
        "Give every port the narrow CIDRs of the networks that need it (or the lightsail-connect alias for the console's " +
        "browser SSH/RDP), and never leave cidrs, ipv6Cidrs and cidrListAliases all empty. Serve the internet through a " +
        "Lightsail or Elastic Load Balancing load balancer instead of the instance's public IP.",
    url: INGRESS_DOCS.lightsailFirewalls,
    configSchema: ingressSettings.schema("ipv4PublicPrefixLimit", "ipv6PublicPrefixLimit"),
    validateResource: guardResource(NAME, new Set(LIGHTSAIL_PORTS_READERS.keys()), (args, props, report, reading) => {
        const reader = LIGHTSAIL_PORTS_READERS.get(args.type);
        if (reader === undefined) {
            return;
        }
        // No public ports here: nothing stands between the internet and the instance.
        const settings = { ...ingressSettings.from(args), publicPorts: new Set<number>() };
        reportSecurityGroupPermissions(
            reader.read(props, reading),
            settings,
            report,
            reading,
            "A Lightsail instance may admit only known networks.",
        );
    }),
};
