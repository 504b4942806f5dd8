// ingress-no-internet-across-security-group-rules (stack policy): no security group whose ingress,
// split over several resources, adds up to the internet.
//
// A resource policy sees one resource at a time: a group with its inline rules, or one separate
// rule. The rules of one group written as many resources (aws:vpc/securityGroupIngressRule,
// aws:ec2/securityGroupRule of type ingress, aws-native:ec2:SecurityGroupIngress), alone or mixed with
// the group's inline rules, can each stay narrow and still admit the whole internet together. This
// policy gathers the ingress of every group across the stack and judges it with the same address-set
// math as ingress-no-internet-security-group applies to one resource ("taken together"). What one
// resource already fails on alone is left to that policy, so it is not reported twice.

import { StackValidationPolicy } from "@pulumi/policy";
import { resourcesIn } from "../../readers/graph";
import { IngressPermission, SECURITY_GROUP_READERS } from "../../readers/ingress";
import { describeGroup, securityGroupIngressOf } from "../../readers/ingress/security-group-ingress";
import { UNKNOWN } from "../../readers/known";
import { ingressSettings, IngressSettings } from "./settings";
import { guardStack } from "../guard";
import { cis, TAG } from "../metadata";
import { INGRESS_DOCS, INGRESS_FAMILY_TAGS } from "./metadata";
import {
    combinableSecurityGroupPermissions,
    describePublicPorts,
    isPublicPortTraffic,
    judgeCombinedSources,
    securityGroupPermissionsFailAlone,
} from "./judge";

export const NAME = "ingress-no-internet-across-security-group-rules";

/** Could this permission add sources to a union once its unknown values are known? */
function mayAddSources(permission: IngressPermission, settings: IngressSettings): boolean {
    const publicPort = permission.traffic !== UNKNOWN && isPublicPortTraffic(permission.traffic, settings);
    return permission.action !== "deny" && !publicPort && (permission.sourcesUnknown || permission.sources.length > 0);
}

function hasUnknown(permission: IngressPermission): boolean {
    return permission.sourcesUnknown || permission.traffic === UNKNOWN || permission.action === UNKNOWN;
}

export const noInternetAcrossSecurityGroupRules: StackValidationPolicy = {
    name: NAME,
    displayName: "No security-group ingress from the internet assembled from separate rules",
    description:
        "The ingress of one security group, gathered across the stack from its inline rules and its separate rule " +
        "resources (linked by reference, or by the group's id or name written as a literal), must not admit the " +
        "internet taken together, even when each resource alone stays narrow. A stack policy, because no single " +
        "resource shows the whole group.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: cis("5.2", "Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports"),
    tags: [...INGRESS_FAMILY_TAGS, TAG.cis("5.2"), TAG.cis("5.3"), "security-group"],
    remediationSteps:
        "Remove the rules that widen the group: admit the security groups that should reach it (SG-to-SG references) or the " +
        "narrow CIDRs of known networks. Put internet-facing services behind an internet-facing load balancer whose " +
        "security group alone admits TCP 443.",
    url: INGRESS_DOCS.securityGroupRules,
    configSchema: ingressSettings.schema("publicPorts", "ipv4PublicPrefixLimit", "ipv6PublicPrefixLimit"),
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            const settings = ingressSettings.from(args);
            const ingress = securityGroupIngressOf(resourcesIn(args.resources), reading);
            if (ingress.unattributed.some((c) => c.view.some((p) => mayAddSources(p, settings)))) {
                reading.markUndecided();
            }
            for (const group of ingress.byTarget) {
                const { contributions } = group;
                if (contributions.length < 2 || contributions.some((c) => securityGroupPermissionsFailAlone(c.view, settings))) {
                    continue;
                }
                const permissions = contributions.flatMap((c) => c.view);
                const combined = judgeCombinedSources(combinableSecurityGroupPermissions(permissions, settings), settings);
                if (combined !== undefined) {
                    report(
                        `The ingress of ${describeGroup(group.target)} is split over ${contributions.length} resources; ${combined}. ` +
                            `Only TCP ${describePublicPorts(settings)} may come from the internet.`,
                        group.target.kind === "declared" ? group.target.resource.urn : contributions[0].resource.urn,
                    );
                } else if (permissions.some((p) => hasUnknown(p) && mayAddSources(p, settings))) {
                    reading.markUndecided();
                }
            }
        },
        new Set(SECURITY_GROUP_READERS.keys()),
    ),
};
