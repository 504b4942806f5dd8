// Readers for load balancers and their listeners, both providers, for the stack policy that
// decides whether public ingress really only reaches internet-facing load balancers.
//
//   aws:lb/loadBalancer:LoadBalancer, aws:alb/loadBalancer:LoadBalancer
//       { internal?: boolean (default false), loadBalancerType?: "application" | "network" | "gateway", securityGroups[] }
//   aws-native:elasticloadbalancingv2:LoadBalancer
//       { scheme?: "internet-facing" (default) | "internal", type?: "application" | "network" | "gateway", securityGroups[] }
//   aws:lb/listener:Listener, aws:alb/listener:Listener
//       { loadBalancerArn, port?, defaultActions[]: { type, redirect?: { protocol?, ... } } }
//   aws-native:elasticloadbalancingv2:Listener
//       { loadBalancerArn, port?, defaultActions[]: { type, redirectConfig?: { protocol?, ... } } }

import { readInteger } from "../network/protocols";
import { isFalse, Props, Reading, Unknown, UNKNOWN } from "./known";

export const CLASSIC_LOAD_BALANCER_TYPES: ReadonlySet<string> = new Set([
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:alb/loadBalancer:LoadBalancer",
]);
export const NATIVE_LOAD_BALANCER_TYPE = "aws-native:elasticloadbalancingv2:LoadBalancer";
export const CLASSIC_LISTENER_TYPES: ReadonlySet<string> = new Set(["aws:lb/listener:Listener", "aws:alb/listener:Listener"]);
export const NATIVE_LISTENER_TYPE = "aws-native:elasticloadbalancingv2:Listener";

export function isLoadBalancerType(type: string): boolean {
    return CLASSIC_LOAD_BALANCER_TYPES.has(type) || type === NATIVE_LOAD_BALANCER_TYPE;
}

export function isListenerType(type: string): boolean {
    return CLASSIC_LISTENER_TYPES.has(type) || type === NATIVE_LISTENER_TYPE;
}

export interface LoadBalancerView {
    /** True when the load balancer faces the internet; UNKNOWN during preview. */
    internetFacing: boolean | Unknown;
    /** `application`, `network`, `gateway`, … (lower case); UNKNOWN during preview. */
    kind: string | Unknown;
}

function lowerOr(value: unknown, fallback: string): string | Unknown {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null) {
        return fallback;
    }
    return typeof value === "string" ? value.trim().toLowerCase() : "";
}

/** Reads a load balancer of either provider; undefined for other types. */
export function readLoadBalancer(type: string, props: Props, reading: Reading): LoadBalancerView | undefined {
    if (CLASSIC_LOAD_BALANCER_TYPES.has(type)) {
        const internal = reading.get(props, "internal");
        return {
            internetFacing: internal === UNKNOWN ? UNKNOWN : internal === undefined || internal === null || isFalse(internal),
            kind: lowerOr(reading.get(props, "loadBalancerType"), "application"),
        };
    }
    if (type === NATIVE_LOAD_BALANCER_TYPE) {
        const scheme = lowerOr(reading.get(props, "scheme"), "internet-facing");
        return {
            internetFacing: scheme === UNKNOWN ? UNKNOWN : scheme === "internet-facing",
            kind: lowerOr(reading.get(props, "type"), "application"),
        };
    }
    return undefined;
}

export interface ListenerView {
    /** Listener port; undefined when absent or not a number; UNKNOWN during preview. */
    port: number | undefined | Unknown;
    /** True when a default action redirects to HTTPS; UNKNOWN when that depends on unknowns. */
    redirectsToHttps: boolean | Unknown;
}

/** Reads a listener of either provider; undefined for other types. */
export function readListener(type: string, props: Props, reading: Reading): ListenerView | undefined {
    const redirectKey = CLASSIC_LISTENER_TYPES.has(type) ? "redirect" : type === NATIVE_LISTENER_TYPE ? "redirectConfig" : undefined;
    if (redirectKey === undefined) {
        return undefined;
    }
    const port = reading.get(props, "port");
    const actions = reading.list(props, "defaultActions");
    let redirectsToHttps: boolean | Unknown = actions === UNKNOWN ? UNKNOWN : false;
    if (actions !== UNKNOWN) {
        for (const action of actions) {
            const verdict = redirectsActionToHttps(action, redirectKey, reading);
            if (verdict === true) {
                redirectsToHttps = true;
                break;
            }
            if (verdict === UNKNOWN) {
                redirectsToHttps = UNKNOWN;
            }
        }
    }
    return {
        port: port === UNKNOWN ? UNKNOWN : readInteger(port),
        redirectsToHttps,
    };
}

function redirectsActionToHttps(action: unknown, redirectKey: string, reading: Reading): boolean | Unknown {
    if (action === UNKNOWN) {
        return UNKNOWN;
    }
    const type = lowerOr(reading.get(action, "type"), "");
    if (type === UNKNOWN) {
        return UNKNOWN;
    }
    if (type !== "redirect") {
        return false;
    }
    const redirect = reading.get(action, redirectKey);
    const protocol = redirect === UNKNOWN ? UNKNOWN : lowerOr(reading.get(redirect, "protocol"), "");
    return protocol === UNKNOWN ? UNKNOWN : protocol === "https";
}
