// The normalised view that every ingress reader produces and every ingress rule judges.
//
// Readers know the property names of one provider's resource types; rules know nothing about
// providers. A reader returns only INGRESS permissions (egress is not ingress) with their
// address sources, traffic and action.

import { parseProtocol, readTraffic, Traffic } from "../../network/protocols";
import { Reading, Unknown, UNKNOWN } from "../known";

export type RuleAction = "allow" | "deny";

/** One ingress permission: "these sources may send this traffic" (or, for NACLs, may not). */
export interface IngressPermission {
    /** Where it was declared, for messages: `ingress[2]`, `securityGroupIngress[0]`, `this rule`. */
    origin: string;
    /** Known source CIDR values, IPv4 and IPv6 together, as written (not yet parsed). */
    sources: unknown[];
    /** True when at least one source value is unknown (preview). */
    sourcesUnknown: boolean;
    /** Protocol and ports, or UNKNOWN during preview. */
    traffic: Traffic | Unknown;
    /** Security-group permissions always allow; NACL entries allow or deny. UNKNOWN when the
     *  action, or whether the rule is ingress at all, is unknown during preview. */
    action: RuleAction | Unknown;
}

/** Collects the CIDR values of `keys` (each a list or a single value) from one rule object. */
export function readSources(reading: Reading, rule: unknown, keys: readonly string[]): { sources: unknown[]; sourcesUnknown: boolean } {
    const sources: unknown[] = [];
    let sourcesUnknown = false;
    for (const key of keys) {
        const values = reading.list(rule, key);
        if (values === UNKNOWN) {
            sourcesUnknown = true;
            continue;
        }
        for (const value of values) {
            if (value === UNKNOWN) {
                sourcesUnknown = true;
            } else {
                sources.push(value);
            }
        }
    }
    return { sources, sourcesUnknown };
}

/** Reads protocol and ports from three values, any of which may be UNKNOWN. */
export function readTrafficOf(protocol: unknown, from: unknown, to: unknown): Traffic | Unknown {
    if (protocol === UNKNOWN) {
        return UNKNOWN;
    }
    const kind = parseProtocol(protocol)?.kind;
    const portsMatter = kind === "tcp" || kind === "udp";
    if (portsMatter && (from === UNKNOWN || to === UNKNOWN)) {
        return UNKNOWN;
    }
    // Ports of other protocols only label the message (ICMP type/code); an unknown one is dropped.
    return readTraffic(protocol, from === UNKNOWN ? undefined : from, to === UNKNOWN ? undefined : to);
}

/** `allow` unless the value says `deny` (fail closed: an odd value is treated as an opening). */
export function readAction(value: unknown): RuleAction | Unknown {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    return typeof value === "string" && value.trim().toLowerCase() === "deny" ? "deny" : "allow";
}
