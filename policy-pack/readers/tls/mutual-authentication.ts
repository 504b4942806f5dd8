// A load balancer listener's client-certificate check (mutual TLS), both providers.
//
//   aws:lb/listener:Listener, aws:alb/listener:Listener, aws-native:elasticloadbalancingv2:Listener
//       { mutualAuthentication?: { mode?: "off" | "passthrough" | "verify", trustStoreArn?, ... } }
//
// Without the block, or without a mode in it, the listener asks for no client certificate (AWS's
// default mode is off).

import { Props, Reading, Unknown, UNKNOWN } from "../known";
import { TLS_LISTENER_TYPES } from "./listeners";
import { block, Odd, text } from "./values";

export interface MutualAuthenticationView {
    /** Lower case mode, "off" when unset; UNKNOWN during preview; ODD when not a string. */
    mode: string | Unknown | Odd;
    /** The trust store's ARN; undefined when unset or blank. */
    trustStoreArn: string | undefined | Unknown | Odd;
}

/** Reads a listener's mutualAuthentication; undefined for other types. */
export function readMutualAuthentication(type: string, props: Props, reading: Reading): MutualAuthenticationView | undefined {
    if (!TLS_LISTENER_TYPES.has(type)) {
        return undefined;
    }
    const settings = block(reading, reading.get(props, "mutualAuthentication"));
    if (settings === UNKNOWN) {
        return { mode: UNKNOWN, trustStoreArn: UNKNOWN };
    }
    const mode = text(reading.get(settings, "mode"));
    return {
        mode: mode === undefined ? "off" : typeof mode === "string" ? mode.toLowerCase() : mode,
        trustStoreArn: text(reading.get(settings, "trustStoreArn")),
    };
}
