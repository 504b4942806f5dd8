// ingress-public-only-via-load-balancer (stack policy): the one exception to "no ingress from the
// internet" — TCP on the public ports (443, and 80 only as a redirect to HTTPS) — holds only for
// security groups that are used by internet-facing load balancers and by nothing else.
//
// A single resource cannot show that, so this policy looks at the whole stack. A group's ingress is
// gathered from its inline rules and its separate rule resources (readers/attachments.ts: by the
// engine's property dependency, or by the group's id or name written as a literal). Its users are
// the resources that depend on it through any property, or that name its known id anywhere in
// their properties (or its name where EC2 takes group names), as a stack policy sees outputs:
//   rule resource --propertyDependencies[securityGroupId | groupId] or literal id--> security group
//   user          --propertyDependencies[any property] or literal id-------------> security group
//   listener      --propertyDependencies[any property]-------------------------> load balancer
// When the engine sent no per-property dependencies for a resource, its `dependencies` list is
// used instead. Security groups and security-group rules that merely reference a group (as the
// group they add to, or as a rule's source) are not users of it; everything else is: an instance,
// a Lambda, a VPC endpoint, an internal load balancer. Public-port rules that each admit less than
// the internet but together admit it count as one exposure ("taken together").

import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { judgeSources, listSome } from "../../network/addresses";
import { rangeIncludes } from "../../network/protocols";
import { AttachmentTargets } from "../../readers/attachments";
import { IngressPermission, SECURITY_GROUP_READERS, SECURITY_GROUP_RULE_TYPES } from "../../readers/ingress";
import { securityGroupIngressOf } from "../../readers/ingress/security-group-ingress";
import { dependenciesOf, isAwsResource, label, propsOf, resourcesIn } from "../../readers/graph";
import { Reading, UNKNOWN } from "../../readers/known";
import { LiteralReferences } from "../../readers/literal-references";
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
import { describeTraffic, isPublicPortTraffic, judgeSecurityGroupPermission } from "./judge";

export const NAME = "ingress-public-only-via-load-balancer";

/** Public-port permissions that admit the internet (one alone, or several taken together), and why. */
interface Exposure {
    permissions: IngressPermission[];
    sourceReason: string;
}

function dependsOn(resource: PolicyResource, target: PolicyResource, property?: string): boolean {
    return dependenciesOf(resource, property).some((d) => d.urn === target.urn);
}

/** Outputs that hold a security group's id without using it (a VPC's default group). */
const NOT_A_USE: ReadonlySet<string> = new Set(["defaultSecurityGroupId", "defaultSecurityGroup"]);
/** Properties in which EC2 takes security group NAMES (instances and launch templates in a default VPC). */
const GROUP_NAME_KEYS: ReadonlySet<string> = new Set(["securityGroups", "securityGroupNames"]);

/** Resources that put the group on a network interface: by dependency, or by its id (or name) written as a literal. */
function usersOf(group: PolicyResource, resources: readonly PolicyResource[], stack: StackView, reading: Reading): PolicyResource[] {
    const isUser = (r: PolicyResource) => r.urn !== group.urn && !SECURITY_GROUP_RULE_TYPES.has(r.type);
    const users = new Map(resources.filter((r) => isUser(r) && dependsOn(r, group)).map((r) => [r.urn, r]));
    const literalUses = [
        ...stack.groups.idsOf(group, reading).flatMap((id) => stack.literals().find(id, (key) => !NOT_A_USE.has(key))),
        ...stack.groups.namesOf(group, reading).flatMap((name) => stack.literals().find(name, (key) => GROUP_NAME_KEYS.has(key))),
    ];
    for (const { resource } of literalUses) {
        if (isUser(resource) && isAwsResource(resource)) {
            users.set(resource.urn, resource);
        }
    }
    return [...users.values()];
}

/** What the policy needs of the whole stack, built once per run. */
interface StackView {
    resources: readonly PolicyResource[];
    groups: AttachmentTargets;
    /** Built on first use: only a group with public-port exposures needs it. */
    literals: () => LiteralReferences;
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
        .map(({ permissions, sourceReason }) =>
            permissions.length === 1
                ? `${permissions[0].origin} admits ${describeTraffic(permissions[0])} from the internet (${sourceReason})`
                : `taken together, ${listSome(permissions.map((p) => `${p.origin} (${describeTraffic(p)})`))} admit the internet (${sourceReason})`,
        )
        .join("; ");
}

function exposedPorts(exposures: readonly Exposure[], settings: IngressSettings): number[] {
    const ports = new Set<number>();
    for (const permission of exposures.flatMap((e) => e.permissions)) {
        const range = permission.traffic === UNKNOWN ? undefined : permission.traffic.ports;
        for (const port of settings.httpsRedirectPorts) {
            if (range !== undefined && rangeIncludes(range, port)) {
                ports.add(port);
            }
        }
    }
    return [...ports].sort((a, b) => a - b);
}

/** The public-port exposures of one resource's permissions, each alone. */
function exposuresOf(permissions: readonly IngressPermission[], settings: IngressSettings, reading: Reading): Exposure[] {
    const exposures: Exposure[] = [];
    for (const permission of permissions) {
        const judgement = judgeSecurityGroupPermission(permission, settings);
        if (judgement.kind === "public-port") {
            exposures.push({ permissions: [permission], sourceReason: judgement.sourceReason });
        } else if (judgement.kind === "undecided" && judgement.publicPort === true) {
            reading.markUndecided();
        }
    }
    return exposures;
}

/** Public-port permissions of a group that each stay under the limits but together admit the internet. */
function combinedExposure(permissions: readonly IngressPermission[], settings: IngressSettings): Exposure | undefined {
    const publicPort = permissions.filter((p) => p.action === "allow" && p.traffic !== UNKNOWN && isPublicPortTraffic(p.traffic, settings));
    if (publicPort.length < 2 || publicPort.some((p) => judgeSecurityGroupPermission(p, settings).kind === "public-port")) {
        return undefined;
    }
    const verdict = judgeSources(
        publicPort.flatMap((p) => p.sources),
        settings.limits,
    );
    return verdict.kind === "internet" ? { permissions: publicPort, sourceReason: verdict.reason } : undefined;
}

const NOT_LINKED =
    "so nothing shows that only internet-facing load balancers use it. Reference the group's output in the rule, in the same stack as its load balancer.";

function checkGroup(
    group: PolicyResource,
    exposures: readonly Exposure[],
    stack: StackView,
    settings: IngressSettings,
    reading: Reading,
): string[] {
    const what = `${describeExposures(exposures)}, on security group ${label(group)}`;
    const uses: Use[] = usersOf(group, stack.resources, stack, reading).map((user) => classifyUser(user, reading));
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
            const redirect = redirectsToHttps(lb, port, stack.resources, reading);
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
        "by nothing else, also when several public-port rules admit the internet only taken together. Follows the stack's " +
        "dependencies, and the ids or names of groups written as literals, from rules, load balancers, listeners and every " +
        "other user to security groups.",
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
            const ingress = securityGroupIngressOf(resources, reading);
            let literals: LiteralReferences | undefined;
            const stack: StackView = {
                resources,
                groups: ingress.targets,
                literals: () => (literals ??= new LiteralReferences(resources, reading)),
            };
            for (const { target, contributions } of ingress.byTarget) {
                const exposed = contributions.map((c) => ({ resource: c.resource, exposures: exposuresOf(c.view, settings, reading) }));
                const combined = combinedExposure(
                    contributions.flatMap((c) => c.view),
                    settings,
                );
                if (combined !== undefined) {
                    exposed.push({
                        resource: target.kind === "declared" ? target.resource : contributions[0].resource,
                        exposures: [combined],
                    });
                }
                for (const { resource, exposures } of exposed.filter((e) => e.exposures.length > 0)) {
                    const problems =
                        target.kind === "declared"
                            ? checkGroup(target.resource, exposures, stack, settings, reading)
                            : [
                                  `${describeExposures(exposures)}, on security group ${target.value}, which is not declared in this stack, ${NOT_LINKED}`,
                              ];
                    for (const problem of problems) {
                        report(problem, resource.urn);
                    }
                }
            }
            for (const { resource, view } of ingress.unattributed) {
                const exposures = exposuresOf(view, settings, reading);
                if (exposures.length > 0) {
                    report(
                        `${describeExposures(exposures)}, on a security group that is not linked to this rule by a dependency, ${NOT_LINKED}`,
                        resource.urn,
                    );
                }
            }
        },
        TYPES,
    ),
};
