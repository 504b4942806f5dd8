// tls-classic-load-balancer-listener (stack policy): every listener of a Classic Load Balancer
// (classic and aws-native) speaks TLS 1.2+.
//
//   HTTPS, SSL   an SSL negotiation policy that allows TLS 1.2+ only (tls-classic-load-balancer-ssl-policy's
//                judge); none means ELBSecurityPolicy-2016-08 (TLS 1.0) → fails
//   HTTP         fails: a Classic Load Balancer cannot redirect to HTTPS, so it serves the traffic in plaintext
//   TCP          the load balancer does not encrypt: fails unless the port is in plaintextPassthroughPorts
//   anything else fails (fail closed)
//
// Where the policy comes from:
//   aws-native   the load balancer's own policies: those its listener names in policyNames, or whose
//                loadBalancerPorts include the listener's port
//   classic      separate resources: an SslNegotiationPolicy for the listener's port (lbPort), or the
//                LoadBalancerPolicy resources a ListenerPolicy for that port (loadBalancerPort) names in
//                policyNames. Both are linked to the load balancer by the engine's dependencies
//                (loadBalancer / loadBalancerName) or by the load balancer's literal name, and a
//                ListenerPolicy to its policies by dependencies (policyNames) or literal policy names.
// A policy whose port is unknown during preview may be the listener's: the verdict then waits.

import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { dependenciesOf, label, propsOf, resourcesIn } from "../../readers/graph";
import { Props, Reading, UNKNOWN } from "../../readers/known";
import {
    CLASSIC_ELB_TYPES,
    ClassicListenerView,
    ClassicLoadBalancerView,
    LISTENER_POLICY_TYPE,
    LOAD_BALANCER_POLICY_TYPE,
    NATIVE_CLASSIC_ELB_TYPE,
    NegotiationPolicyView,
    readClassicLoadBalancer,
    readNegotiationPolicy,
    SSL_NEGOTIATION_POLICY_TYPE,
} from "../../readers/tls/classic-load-balancers";
import { port, show, text } from "../../readers/tls/values";
import { guardStack } from "../guard";
import { TAG } from "../metadata";
import { judgeNegotiationPolicy, NEGOTIATION_FIX } from "./classic-load-balancer-ssl-policy";
import { PCI_4_2_1, TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";
import { ELB_DEFAULT_SSL_POLICY, TlsSettings, tlsSettings } from "./settings";

export const NAME = "tls-classic-load-balancer-listener";

/** The SSL negotiation policies that may be a listener's, and whether an unknown value could add one. */
interface Candidates {
    policies: { where: string; view: NegotiationPolicyView }[];
    maybeMore: boolean;
}

/** Whether `resource` names the load balancer through `property`: by dependency, or by its literal name. */
function namesLoadBalancer(resource: PolicyResource, property: string, lb: PolicyResource, lbName: unknown, reading: Reading): boolean {
    if (dependenciesOf(resource, property).some((d) => d.urn === lb.urn)) {
        return true;
    }
    const literal = text(reading.get(propsOf(resource), property));
    return typeof literal === "string" && typeof lbName === "string" && literal === lbName;
}

/** "yes", "no" or "maybe" (unknown) for a policy resource's port against the listener's. */
function samePort(props: Props, property: string, listenerPort: number, reading: Reading): "yes" | "no" | "maybe" {
    const value = port(reading.get(props, property));
    return value === UNKNOWN ? "maybe" : value === listenerPort ? "yes" : "no";
}

function inlineCandidates(view: ClassicLoadBalancerView, listener: ClassicListenerView, listenerPort: number): Candidates {
    const found: Candidates = { policies: [], maybeMore: listener.policyNames === UNKNOWN || view.policies === UNKNOWN };
    const names = listener.policyNames === UNKNOWN ? [] : listener.policyNames;
    for (const policy of view.policies === UNKNOWN ? [] : view.policies) {
        if (policy === UNKNOWN || policy.name === UNKNOWN || policy.ports === UNKNOWN || policy.ports.includes(UNKNOWN)) {
            found.maybeMore = true;
            continue;
        }
        if ((typeof policy.name === "string" && names.includes(policy.name)) || policy.ports.includes(listenerPort)) {
            found.policies.push({ where: `its SSL negotiation policy ${show(policy.name)}`, view: policy });
        }
    }
    return found;
}

function resourceCandidates(
    lb: PolicyResource,
    lbName: unknown,
    resources: readonly PolicyResource[],
    listenerPort: number,
    reading: Reading,
): Candidates {
    const found: Candidates = { policies: [], maybeMore: false };
    const add = (resource: PolicyResource) => {
        const view = readNegotiationPolicy(resource.type, propsOf(resource), reading);
        if (view === UNKNOWN) {
            found.maybeMore = true;
        } else if (view !== undefined && !found.policies.some((p) => p.where === label(resource))) {
            found.policies.push({ where: label(resource), view });
        }
    };
    for (const resource of resources) {
        if (resource.type === SSL_NEGOTIATION_POLICY_TYPE && namesLoadBalancer(resource, "loadBalancer", lb, lbName, reading)) {
            const match = samePort(propsOf(resource), "lbPort", listenerPort, reading);
            found.maybeMore ||= match === "maybe";
            if (match === "yes") {
                add(resource);
            }
        }
        if (resource.type !== LISTENER_POLICY_TYPE || !namesLoadBalancer(resource, "loadBalancerName", lb, lbName, reading)) {
            continue;
        }
        const match = samePort(propsOf(resource), "loadBalancerPort", listenerPort, reading);
        found.maybeMore ||= match === "maybe";
        if (match !== "yes") {
            continue;
        }
        dependenciesOf(resource, "policyNames")
            .filter((d) => d.type === LOAD_BALANCER_POLICY_TYPE)
            .forEach(add);
        const names = reading.list(propsOf(resource), "policyNames");
        if (names === UNKNOWN) {
            found.maybeMore = true;
            continue;
        }
        for (const name of names.map((n) => (n === UNKNOWN ? UNKNOWN : text(n)))) {
            if (name === UNKNOWN) {
                found.maybeMore = true;
            } else if (typeof name === "string") {
                resources
                    .filter((r) => r.type === LOAD_BALANCER_POLICY_TYPE && text(reading.get(propsOf(r), "policyName")) === name)
                    .forEach(add);
            }
        }
    }
    return found;
}

function checkListener(
    lb: PolicyResource,
    view: ClassicLoadBalancerView,
    listener: ClassicListenerView,
    resources: readonly PolicyResource[],
    settings: TlsSettings,
    reading: Reading,
): string | undefined {
    const protocol = listener.protocol;
    const where = `${label(lb)} listener ${listener.index} (${show(protocol ?? "(no protocol)")} on port ${show(listener.port ?? "(unset)")})`;
    if (protocol === UNKNOWN) {
        reading.markUndecided();
        return undefined;
    }
    if (protocol === "HTTP") {
        return `${where} serves plain HTTP: a Classic Load Balancer cannot redirect to HTTPS, so requests travel without TLS. Make it an HTTPS listener with a TLS 1.2+ SSL negotiation policy, or move to an Application Load Balancer whose HTTP listener redirects to HTTPS.`;
    }
    if (protocol === "TCP") {
        if (listener.port === UNKNOWN) {
            reading.markUndecided();
            return undefined;
        }
        return typeof listener.port === "number" && settings.plaintextPassthroughPorts.has(listener.port)
            ? undefined
            : `${where} passes traffic through without TLS at the load balancer, and nothing here shows that the targets use TLS 1.2+. Use an SSL listener with a TLS 1.2+ SSL negotiation policy, or add the port to plaintextPassthroughPorts if the targets terminate TLS 1.2+ themselves.`;
    }
    if (protocol !== "HTTPS" && protocol !== "SSL") {
        return `${where} uses a protocol the pack does not recognise as TLS 1.2+; use HTTPS or SSL with a TLS 1.2+ SSL negotiation policy.`;
    }
    if (listener.port === UNKNOWN) {
        reading.markUndecided();
        return undefined;
    }
    if (typeof listener.port !== "number") {
        return `${where} has no readable port, so no SSL negotiation policy can be shown to apply to it. ${NEGOTIATION_FIX}`;
    }
    const candidates =
        lb.type === NATIVE_CLASSIC_ELB_TYPE
            ? inlineCandidates(view, listener, listener.port)
            : resourceCandidates(lb, view.name, resources, listener.port, reading);
    const problems: string[] = [];
    for (const policy of candidates.policies) {
        const verdict = judgeNegotiationPolicy(policy.view, settings, reading);
        if (verdict.kind === "fails") {
            problems.push(`${policy.where} ${verdict.reason}`);
        }
    }
    if (problems.length > 0) {
        return `${where} uses TLS below 1.2: ${problems.join("; ")}. ${NEGOTIATION_FIX}`;
    }
    if (candidates.policies.length > 0) {
        return undefined;
    }
    if (candidates.maybeMore) {
        reading.markUndecided();
        return undefined;
    }
    return `${where} has no SSL negotiation policy in this stack, so AWS applies ${ELB_DEFAULT_SSL_POLICY}, which accepts TLS 1.0 and 1.1. ${NEGOTIATION_FIX}`;
}

export const classicLoadBalancerListener: StackValidationPolicy = {
    name: NAME,
    displayName: "Classic Load Balancer listeners use TLS 1.2+",
    description:
        "Every listener of a Classic Load Balancer (classic and aws-native) must be HTTPS or SSL with an SSL negotiation " +
        "policy that allows TLS 1.2+ only (without one, AWS applies ELBSecurityPolicy-2016-08, TLS 1.0); plain HTTP is " +
        "refused (a Classic Load Balancer cannot redirect to HTTPS), TCP passes only on ports configured as passthrough. " +
        "Follows the stack's dependencies from policy resources to load balancers.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: PCI_4_2_1,
    tags: [...TLS_FAMILY_TAGS, TAG.securityHub("ELB.3"), TAG.securityHub("ELB.8"), "load-balancer", "classic-load-balancer"],
    remediationSteps:
        `Make every listener HTTPS or SSL and give it an SSL negotiation policy: classic provider, an SslNegotiationPolicy ` +
        "(loadBalancer: the load balancer's name output, lbPort: the listener's port) or a LoadBalancerPolicy of type " +
        "SSLNegotiationPolicyType attached by a ListenerPolicy; aws-native, an entry of policies named in the listener's " +
        `policyNames. ${NEGOTIATION_FIX} Replace plain HTTP listeners (or the whole load balancer, by an Application Load ` +
        "Balancer that redirects HTTP to HTTPS).",
    url: TLS_DOCS.classicElbPolicies,
    configSchema: tlsSettings.schema("allowedSslPolicies", "plaintextPassthroughPorts"),
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            const settings = tlsSettings.from(args);
            const resources = resourcesIn(args.resources);
            for (const lb of resources) {
                const view = readClassicLoadBalancer(lb.type, propsOf(lb), reading);
                if (view === undefined) {
                    continue;
                }
                if (view.listeners === UNKNOWN) {
                    reading.markUndecided();
                    continue;
                }
                for (const listener of view.listeners) {
                    const problem = checkListener(lb, view, listener, resources, settings, reading);
                    if (problem !== undefined) {
                        report(problem, lb.urn);
                    }
                }
            }
        },
        new Set([...CLASSIC_ELB_TYPES, SSL_NEGOTIATION_POLICY_TYPE, LISTENER_POLICY_TYPE, LOAD_BALANCER_POLICY_TYPE]),
    ),
};
