// ingress-no-internet-prefix-list: no prefix list whose entries cover the internet.
//
// A security-group rule that references a prefix list admits every entry of it, so a list that
// (alone or in parts) covers 0.0.0.0/0 or ::/0, or is public in all but name, smuggles world-wide
// ingress past a check that only reads the rule.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { judgeSources } from "../../network/addresses";
import { PREFIX_LIST_READERS } from "../../readers/ingress";
import { ingressSettings } from "./settings";
import { guardResource } from "../guard";
import { cis, TAG } from "../metadata";
import { INGRESS_DOCS, INGRESS_FAMILY_TAGS } from "./metadata";

export const NAME = "ingress-no-internet-prefix-list";

export const noInternetPrefixList: ResourceValidationPolicy = {
    name: NAME,
    displayName: "No prefix list that covers the internet",
    description:
        "Managed prefix lists (classic lists and entry resources, aws-native lists) must not contain entries that cover " +
        "the whole IPv4 or IPv6 internet or are public in all but name: every security-group rule that references the " +
        "list would admit the world.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: cis("5.2", "Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports"),
    tags: [...INGRESS_FAMILY_TAGS, TAG.cis("5.2"), TAG.cis("5.3"), "prefix-list"],
    remediationSteps:
        "Remove the world-wide entries from the prefix list and list only the networks that security-group rules " +
        "referencing it are meant to admit. To admit load balancer traffic from the internet, use a rule on the load " +
        "balancer's security group instead.",
    url: INGRESS_DOCS.prefixLists,
    configSchema: ingressSettings.schema("ipv4PublicPrefixLimit", "ipv6PublicPrefixLimit"),
    validateResource: guardResource(NAME, new Set(PREFIX_LIST_READERS.keys()), (args, props, report, reading) => {
        const reader = PREFIX_LIST_READERS.get(args.type);
        if (reader === undefined) {
            return;
        }
        const settings = ingressSettings.from(args);
        const view = reader.read(props, reading);
        const verdict = judgeSources(view.cidrs, settings.limits);
        if (verdict.kind === "internet") {
            report(
                `${view.origin === "entries" ? "The entries of this prefix list cover" : "This prefix-list entry covers"} the ` +
                    `internet: ${verdict.reason}. Every security-group rule that ` +
                    `references the list would admit the world.`,
            );
        } else if (view.cidrsUnknown) {
            reading.markUndecided();
        }
    }),
};
