// ingress-no-internet-security-group: no security-group ingress from the whole internet.
//
// One policy for every security-group shape of both providers (inline rules, default group,
// separate rule resources); readers turn each into normalised permissions. TCP on the configured
// public ports passes here and is judged by ingress-public-only-via-load-balancer, which can see
// which resources use the group.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { SECURITY_GROUP_READERS } from "../../readers/ingress";
import { ingressSettings } from "./settings";
import { guardResource } from "../guard";
import { cis, TAG } from "../metadata";
import { INGRESS_DOCS, INGRESS_FAMILY_TAGS } from "./metadata";
import { describePublicPorts, reportSecurityGroupPermissions } from "./judge";

export const NAME = "ingress-no-internet-security-group";

export const noInternetSecurityGroup: ResourceValidationPolicy = {
    name: NAME,
    displayName: "No security-group ingress from the internet",
    description:
        "Security groups (classic and aws-native, inline rules, default groups and separate rule resources) must not admit " +
        "the whole IPv4 or IPv6 internet, nor a source set that covers it or is public in all but name. Only TCP on the " +
        "configured public ports may, for groups used only by internet-facing load balancers.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: cis("5.2", "Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports"),
    tags: [...INGRESS_FAMILY_TAGS, TAG.cis("5.2"), TAG.cis("5.3"), TAG.cis("5.4"), "security-group"],
    remediationSteps:
        "Replace the internet-wide source with the security group that should reach this one (SG-to-SG reference) or with " +
        "the narrow CIDRs of a known network. Put internet-facing services behind an internet-facing load balancer whose " +
        "security group alone admits TCP 443 (and 80 only for a redirect to HTTPS). Keep default security groups without rules.",
    url: INGRESS_DOCS.securityGroupRules,
    configSchema: ingressSettings.schema("publicPorts", "ipv4PublicPrefixLimit", "ipv6PublicPrefixLimit"),
    validateResource: guardResource(NAME, new Set(SECURITY_GROUP_READERS.keys()), (args, props, report, reading) => {
        const reader = SECURITY_GROUP_READERS.get(args.type);
        if (reader === undefined) {
            return;
        }
        const settings = ingressSettings.from(args);
        reportSecurityGroupPermissions(
            reader.read(props, reading),
            settings,
            report,
            reading,
            `Only TCP ${describePublicPorts(settings)} may come from the internet, and only to load balancer security groups.`,
        );
    }),
};
