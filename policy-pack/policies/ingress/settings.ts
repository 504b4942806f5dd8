// Configuration of the open-ingress family: the settings users tune and their defensive reading
// (a missing or odd value falls back to its default; ../config.ts has the shared mechanics).

import { DEFAULT_WIDTH_LIMITS, WidthLimits } from "../../network/addresses";
import { PortRange } from "../../network/protocols";
import { PolicyConfigJSONSchema } from "../../policy-sdk";
import { familySettings, integerIn, PORT_SCHEMA, portSet } from "../config";

export const DEFAULT_PUBLIC_PORTS: readonly number[] = [443, 80];
export const DEFAULT_EPHEMERAL_PORTS: PortRange = { from: 1024, to: 65535 };
export const DEFAULT_REDIRECT_PORTS: readonly number[] = [80];

export const INGRESS_SCHEMA = {
    publicPorts: {
        type: "array",
        items: PORT_SCHEMA,
        default: [...DEFAULT_PUBLIC_PORTS],
        description:
            "TCP ports that may be open to the internet (HTTPS and the HTTP redirect). On security groups the " +
            "stack policy ingress-public-only-via-load-balancer then requires that only internet-facing load balancers use the group.",
    },
    ipv4PublicPrefixLimit: {
        type: "integer",
        minimum: 0,
        maximum: 32,
        default: DEFAULT_WIDTH_LIMITS.ipv4PublicPrefix,
        description:
            "Sources whose public IPv4 part is wider than one block of this prefix length count as the internet " +
            "(8: more than a /8 of public IPv4 is public in all but name). 0 catches only sets that cover 0.0.0.0/0.",
    },
    ipv6PublicPrefixLimit: {
        type: "integer",
        minimum: 0,
        maximum: 128,
        default: DEFAULT_WIDTH_LIMITS.ipv6PublicPrefix,
        description:
            "Sources whose public IPv6 part is wider than one block of this prefix length count as the internet " +
            "(16: more than a /16 of public IPv6). 0 catches only sets that cover ::/0.",
    },
    ephemeralPortFrom: {
        ...PORT_SCHEMA,
        default: DEFAULT_EPHEMERAL_PORTS.from,
        description: "First port of the ephemeral range a NACL may admit from the internet (TCP/UDP return traffic).",
    },
    ephemeralPortTo: {
        ...PORT_SCHEMA,
        default: DEFAULT_EPHEMERAL_PORTS.to,
        description: "Last port of the ephemeral range a NACL may admit from the internet (TCP/UDP return traffic).",
    },
    httpsRedirectPorts: {
        type: "array",
        items: PORT_SCHEMA,
        default: [...DEFAULT_REDIRECT_PORTS],
        description:
            "Public ports that may be open only when every load balancer using the group has a listener on that port " +
            "whose default action redirects to HTTPS.",
    },
} satisfies Record<string, PolicyConfigJSONSchema>;

/** Everything the ingress rules can be tuned with, resolved to valid values. */
export interface IngressSettings {
    publicPorts: ReadonlySet<number>;
    limits: WidthLimits;
    ephemeralPorts: PortRange;
    httpsRedirectPorts: ReadonlySet<number>;
}

export const ingressSettings = familySettings(INGRESS_SCHEMA, (config): IngressSettings => {
    let from = integerIn(config.ephemeralPortFrom, 0, 65535) ?? DEFAULT_EPHEMERAL_PORTS.from;
    let to = integerIn(config.ephemeralPortTo, 0, 65535) ?? DEFAULT_EPHEMERAL_PORTS.to;
    if (from > to) {
        [from, to] = [to, from];
    }
    return {
        publicPorts: portSet(config.publicPorts, DEFAULT_PUBLIC_PORTS),
        limits: {
            ipv4PublicPrefix: integerIn(config.ipv4PublicPrefixLimit, 0, 32) ?? DEFAULT_WIDTH_LIMITS.ipv4PublicPrefix,
            ipv6PublicPrefix: integerIn(config.ipv6PublicPrefixLimit, 0, 128) ?? DEFAULT_WIDTH_LIMITS.ipv6PublicPrefix,
        },
        ephemeralPorts: { from, to },
        httpsRedirectPorts: portSet(config.httpsRedirectPorts, DEFAULT_REDIRECT_PORTS),
    };
});
