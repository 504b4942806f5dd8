// ingress-public-only-via-load-balancer (stack policy): the one exception to "no ingress from the
// internet" — TCP on the public ports (443, and 80 only as a redirect to HTTPS) — holds only for
// security groups that are used by internet-facing load balancers and by nothing else.
//
// A single resource cannot show that, so this policy looks at the whole stack and follows the
// engine's dependency graph (ids are unknown during preview, so values cannot be compared):
//   rule resource --propertyDependencies[securityGroupId | groupId]--> security group
//   user          --propertyDependencies[any property]-------------> security group
//   listener      --propertyDependencies[any property]-------------> load balancer
// When the engine sent no per-property dependencies for a resource, its `dependencies` list is
// used instead. Security groups and security-group rules that merely reference a group (as the
// group they add to, or as a rule's source) are not users of it; everything else is: an instance,
// a Lambda, a VPC endpoint, an internal load balancer.

import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { rangeIncludes } from "../../network/protocols";
import {
    IngressPermission,
    SECURITY_GROUP_READERS,
    SECURITY_GROUP_RULE_TYPES,
    SECURITY_GROUP_TYPES,
    SecurityGroupRuleReader,
} from "../../readers/ingress";
import { dependenciesOf, label, linkedThrough, propsOf, resourcesIn } from "../../readers/graph";
import { Reading, UNKNOWN } from "../../readers/known";
import {
    CLASSIC_LISTENER_TYPES,
    CLASSIC_LOAD_BALANCER_TYPES,
    isListenerType,
    NATIVE_LISTENER_TYPE,
    NATIVE_LOAD_BALANCER_TYPE,
    readListener,
    readLoadBalancer,
} from "../../readers/load-balancers";
import { IngressSettings, ingressSettings } from "./settings";
import { guardStack } from "../guard";
import { cis, TAG } from "../metadata";
import { INGRESS_DOCS, INGRESS_FAMILY_TAGS } from "./metadata";
import { describeTraffic, judgeSecurityGroupPermission } from "./judge";

export const NAME = "ingress-public-only-via-load-balancer";

/** A world-wide permission on public ports, and why its sources count as the internet. */
interface Exposure {
    permission: IngressPermission;
    sourceReason: string;
}

function dependsOn(resource: PolicyResource, target: PolicyResource, property?: string): boolean {
    return dependenciesOf(resource, property).some((d) => d.urn === target.urn);
}

/** The security groups a resource's permissions are added to. */
function groupsOf(resource: PolicyResource, reader: SecurityGroupRuleReader): PolicyResource[] {
    if (reader.attachment.kind === "inline") {
        return [resource];
    }
    return linkedThrough(resource, reader.attachment.groupProperties, SECURITY_GROUP_TYPES);
}

type Use = { kind: "internet-lb"; lb: PolicyResource } | { kind: "other"; why: string } | { kind: "undecided" };

function classifyUser(user: PolicyResource, reading: Reading): Use {
    const lb = readLoadBalancer(user.type, propsOf(user), reading);
    if (lb === undefined) {
        return { kind: "other", why: label(user) };
    }
    if (lb.internetFacing === UNKNOWN || lb.kind === UNKNOWN) {
        return { kind: "undecided" };
    }
    if (!lb.internetFacing) {
        return { kind: "other", why: `internal load balancer ${label(user)}` };
    }
    if (lb.kind !== "application" && lb.kind !== "network") {
        return { kind: "other", why: `${lb.kind || "unrecognised"} load balancer ${label(user)}` };
    }
    return { kind: "internet-lb", lb: user };
}

/** Does the load balancer have a listener on `port` that redirects to HTTPS? */
function redirectsToHttps(
    lb: PolicyResource,
    port: number,
    resources: readonly PolicyResource[],
    reading: Reading,
): boolean | typeof UNKNOWN {
    let answer: boolean | typeof UNKNOWN = false;
    for (const listener of resources) {
        if (!isListenerType(listener.type) || !dependsOn(listener, lb)) {
            continue;
        }
        const view = readListener(listener.type, propsOf(listener), reading);
        if (view === undefined) {
            continue;
        }
        if (view.port === UNKNOWN) {
            answer = UNKNOWN;
            continue;
        }
        if (view.port !== port) {
            continue;
        }
        if (view.redirectsToHttps === true) {
            return true;
        }
        if (view.redirectsToHttps === UNKNOWN) {
            answer = UNKNOWN;
        }
    }
    return answer;
}

function describeExposures(exposures: readonly Exposure[]): string {
    return exposures
        .map((e) => `${e.permission.origin} admits ${describeTraffic(e.permission)} from the internet (${e.sourceReason})`)
        .join("; ");
}

function exposedPorts(exposures: readonly Exposure[], settings: IngressSettings): number[] {
    const ports = new Set<number>();
    for (const { permission } of exposures) {
        const range = permission.traffic === UNKNOWN ? undefined : permission.traffic.ports;
        for (const port of settings.httpsRedirectPorts) {
            if (range !== undefined && rangeIncludes(range, port)) {
                ports.add(port);
            }
        }
    }
    return [...ports].sort((a, b) => a - b);
}

function checkGroup(
    group: PolicyResource,
    exposures: readonly Exposure[],
    resources: readonly PolicyResource[],
    settings: IngressSettings,
    reading: Reading,
): string[] {
    const what = `${describeExposures(exposures)}, on security group ${label(group)}`;
    const uses: Use[] = resources
        .filter((r) => r.urn !== group.urn && !SECURITY_GROUP_RULE_TYPES.has(r.type) && dependsOn(r, group))
        .map((user) => classifyUser(user, reading));
    if (uses.some((u) => u.kind === "undecided")) {
        reading.markUndecided();
    }
    const others = uses.flatMap((u) => (u.kind === "other" ? [u.why] : []));
    const lbs = uses.flatMap((u) => (u.kind === "internet-lb" ? [u.lb] : []));
    const problems: string[] = [];
    if (others.length > 0) {
        problems.push(
            `${what}, but the group is also used by ${others.join(", ")}. Internet ingress is allowed only on security ` +
                `groups used by internet-facing load balancers and nothing else.`,
        );
    } else if (lbs.length === 0 && !uses.some((u) => u.kind === "undecided")) {
        problems.push(
            `${what}, but no internet-facing load balancer in this stack uses the group. Internet ingress is allowed only on ` +
                `security groups used by internet-facing load balancers.`,
        );
    }
    for (const port of exposedPorts(exposures, settings)) {
        for (const lb of lbs) {
            const redirect = redirectsToHttps(lb, port, resources, reading);
            if (redirect === UNKNOWN) {
                reading.markUndecided();
            } else if (!redirect) {
                problems.push(
                    `${what}: port ${port} may be open to the internet only as a redirect to HTTPS, but load balancer ` +
                        `${label(lb)} has no listener on port ${port} whose default action redirects to HTTPS.`,
                );
            }
        }
    }
    return problems;
}

/** The types this policy reads (for the generated README; a stack policy sees every resource). */
const TYPES: ReadonlySet<string> = new Set([
    ...SECURITY_GROUP_READERS.keys(),
    ...CLASSIC_LOAD_BALANCER_TYPES,
    NATIVE_LOAD_BALANCER_TYPE,
    ...CLASSIC_LISTENER_TYPES,
    NATIVE_LISTENER_TYPE,
]);

export const publicOnlyViaLoadBalancer: StackValidationPolicy = {
    name: NAME,
    displayName: "Internet ingress only to internet-facing load balancers",
    description:
        "TCP on the public ports (443, and 80 only where the load balancer's listener on 80 redirects to HTTPS) may come " +
        "from the internet only to security groups used by internet-facing application or network load balancers and " +
        "by nothing else. Follows the stack's dependencies from load balancers and listeners to security groups.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: cis("5.2", "Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports"),
    tags: [...INGRESS_FAMILY_TAGS, TAG.cis("5.2"), TAG.cis("5.3"), "security-group", "load-balancer"],
    remediationSteps:
        "Give the internet-facing load balancer a security group of its own and use it for nothing else; let the targets' " +
        "security groups admit only that group (SG-to-SG reference). Add a listener on port 80 whose default action is a " +
        "redirect with protocol HTTPS, or remove port 80 from the group. Declare the security group and its rules in the " +
        "same stack as the load balancer, referenced by output, so the dependency is visible.",
    url: INGRESS_DOCS.albSecurityGroups,
    configSchema: ingressSettings.schema("publicPorts", "httpsRedirectPorts", "ipv4PublicPrefixLimit", "ipv6PublicPrefixLimit"),
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            const settings = ingressSettings.from(args);
            const resources = resourcesIn(args.resources);
            for (const resource of resources) {
                const reader = SECURITY_GROUP_READERS.get(resource.type);
                if (reader === undefined) {
                    continue;
                }
                const exposures: Exposure[] = [];
                for (const permission of reader.read(propsOf(resource), reading)) {
                    const judgement = judgeSecurityGroupPermission(permission, settings);
                    if (judgement.kind === "public-port") {
                        exposures.push({ permission, sourceReason: judgement.sourceReason });
                    } else if (judgement.kind === "undecided" && judgement.publicPort === true) {
                        reading.markUndecided();
                    }
                }
                if (exposures.length === 0) {
                    continue;
                }
                const groups = groupsOf(resource, reader);
                if (groups.length === 0) {
                    report(
                        `${describeExposures(exposures)}, on a security group that is not declared in this stack or not linked to ` +
                            `this rule by a dependency, so nothing shows that only internet-facing load balancers use it. ` +
                            `Reference the group's output in the rule, in the same stack as its load balancer.`,
                        resource.urn,
                    );
                    continue;
                }
                for (const group of groups) {
                    for (const problem of checkGroup(group, exposures, resources, settings, reading)) {
                        report(problem, resource.urn);
                    }
                }
            }
        },
        TYPES,
    ),
};
