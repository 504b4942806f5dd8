// ingress-no-internet-across-prefix-list-entries (stack policy): no managed prefix list whose
// entries, declared as separate resources, add up to the internet.
//
// ingress-no-internet-prefix-list judges one resource: a list with its inline entries, or one
// aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry. Entries split over many resources (and mixed
// with the list's inline ones) can each stay narrow and still cover the world together, and every
// security-group rule that references the list admits all of them. This policy gathers the entries
// of each list across the stack (linked by reference, or by the list's id written as a literal) and
// judges their union with the same address-set math. @pulumi/aws-native has no entry resource.

import { StackValidationPolicy } from "@pulumi/policy";
import { judgeSources, listSome } from "../../network/addresses";
import { AttachmentTargets, gatherByTarget } from "../../readers/attachments";
import { label, propsOf, resourcesIn } from "../../readers/graph";
import { PREFIX_LIST_IDENTITIES, PREFIX_LIST_READERS, PrefixListView } from "../../readers/ingress";
import { ingressSettings } from "./settings";
import { guardStack } from "../guard";
import { cis, TAG } from "../metadata";
import { INGRESS_DOCS, INGRESS_FAMILY_TAGS } from "./metadata";

export const NAME = "ingress-no-internet-across-prefix-list-entries";

export const noInternetAcrossPrefixListEntries: StackValidationPolicy = {
    name: NAME,
    displayName: "No prefix list whose separate entries cover the internet together",
    description:
        "The entries of one managed prefix list, gathered across the stack from the list's inline entries and its separate " +
        "entry resources (linked by reference, or by the list's id written as a literal), must not cover the internet " +
        "taken together, even when each resource alone stays narrow. A stack policy, because no single resource shows " +
        "the whole list.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: cis("5.2", "Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports"),
    tags: [...INGRESS_FAMILY_TAGS, TAG.cis("5.2"), TAG.cis("5.3"), "prefix-list"],
    remediationSteps:
        "Remove the entries that widen the list and keep only the networks that the security-group rules referencing it are " +
        "meant to admit. To admit load balancer traffic from the internet, use a rule on the load balancer's security group instead.",
    url: INGRESS_DOCS.prefixLists,
    configSchema: ingressSettings.schema("ipv4PublicPrefixLimit", "ipv6PublicPrefixLimit"),
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            const settings = ingressSettings.from(args);
            const resources = resourcesIn(args.resources);
            const gathered = gatherByTarget<PrefixListView>(
                resources,
                new AttachmentTargets(resources, PREFIX_LIST_IDENTITIES, reading),
                (type) => {
                    const reader = PREFIX_LIST_READERS.get(type);
                    return reader && { attachment: reader.attachment, read: (resource) => reader.read(propsOf(resource), reading) };
                },
                reading,
            );
            if (gathered.unattributed.length > 0) {
                reading.markUndecided();
            }
            for (const { target, contributions } of gathered.byTarget) {
                if (
                    contributions.length < 2 ||
                    contributions.some((c) => judgeSources(c.view.cidrs, settings.limits).kind === "internet")
                ) {
                    continue;
                }
                const verdict = judgeSources(
                    contributions.flatMap((c) => c.view.cidrs),
                    settings.limits,
                );
                if (verdict.kind === "internet") {
                    const list =
                        target.kind === "declared"
                            ? `prefix list ${label(target.resource)}`
                            : `prefix list ${target.value} (not declared in this stack)`;
                    report(
                        `Taken together, the entries of ${list} in ${listSome(contributions.map((c) => label(c.resource)))} cover the ` +
                            `internet: ${verdict.reason}. Every security-group rule that references the list would admit the world.`,
                        target.kind === "declared" ? target.resource.urn : contributions[0].resource.urn,
                    );
                } else if (contributions.some((c) => c.view.cidrsUnknown)) {
                    reading.markUndecided();
                }
            }
        },
        new Set(PREFIX_LIST_READERS.keys()),
    ),
};
