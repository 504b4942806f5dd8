// Load balancer listeners of both providers, as the TLS rule needs them.
//
//   aws:lb/listener:Listener, aws:alb/listener:Listener
//       { protocol?, port?, sslPolicy?, defaultActions[]: { type, redirect?: { protocol?, port? } } }
//   aws-native:elasticloadbalancingv2:Listener
//       { protocol?, port?, sslPolicy?, defaultActions[]: { type, redirectConfig?: { protocol?, port? } } }
//
// Gateway load balancer listeners have neither protocol nor port (GENEVE on 6081).

import { Props, Reading, Unknown, UNKNOWN } from "../known";
import { CLASSIC_LISTENER_TYPES, NATIVE_LISTENER_TYPE } from "../load-balancers";
import { Odd, port, text } from "./values";

export const TLS_LISTENER_TYPES: ReadonlySet<string> = new Set([...CLASSIC_LISTENER_TYPES, NATIVE_LISTENER_TYPE]);

export interface ListenerActionView {
    index: number;
    /** Lower case action type; UNKNOWN/ODD/undefined as read. */
    type: string | undefined | Unknown | Odd;
    /** Upper case redirect protocol; undefined when the action has none (keeps the request's protocol). */
    redirectProtocol: string | undefined | Unknown | Odd;
}

export interface TlsListenerView {
    /** Upper case protocol as written; undefined when unset. */
    protocol: string | undefined | Unknown | Odd;
    port: number | undefined | Unknown | Odd;
    sslPolicy: string | undefined | Unknown | Odd;
    actions: ListenerActionView[] | Unknown;
}

const upper = (value: string | undefined | Unknown | Odd) => (typeof value === "string" ? value.toUpperCase() : value);
const lower = (value: string | undefined | Unknown | Odd) => (typeof value === "string" ? value.toLowerCase() : value);

/**
 * A listener's default actions or a listener rule's actions, with the redirect protocol of each
 * redirect (`redirectKey`: classic `redirect`, native `redirectConfig`). The redirect block of
 * another action type is never read: it cannot matter, and during preview it may be unknown.
 */
export function readActions(reading: Reading, list: unknown[] | Unknown, redirectKey: string): ListenerActionView[] | Unknown {
    if (list === UNKNOWN) {
        return UNKNOWN;
    }
    return list.map((action, index) => {
        if (action === UNKNOWN) {
            return { index, type: UNKNOWN, redirectProtocol: UNKNOWN };
        }
        const type = lower(text(reading.get(action, "type")));
        if (type !== "redirect") {
            return { index, type, redirectProtocol: undefined };
        }
        const redirect = reading.get(action, redirectKey);
        const redirectBlock = Array.isArray(redirect) ? reading.get(redirect, 0) : redirect;
        return { index, type, redirectProtocol: redirectBlock === UNKNOWN ? UNKNOWN : upper(text(reading.get(redirectBlock, "protocol"))) };
    });
}

export function readTlsListener(type: string, props: Props, reading: Reading): TlsListenerView | undefined {
    const redirectKey = CLASSIC_LISTENER_TYPES.has(type) ? "redirect" : type === NATIVE_LISTENER_TYPE ? "redirectConfig" : undefined;
    if (redirectKey === undefined) {
        return undefined;
    }
    const actions = readActions(reading, reading.list(props, "defaultActions"), redirectKey);
    return {
        protocol: upper(text(reading.get(props, "protocol"))),
        port: port(reading.get(props, "port")),
        sslPolicy: text(reading.get(props, "sslPolicy")),
        actions,
    };
}
