// Protocol and port normalisation for security-group and network-ACL rules.
//
// The AWS APIs accept a protocol as `-1`/`all` (everything), a name in any case (`tcp`, `UDP`,
// `icmp`, `icmpv6`) or an IANA number, as a string or a number (`"6"`, `6`). For TCP and UDP a
// rule has an inclusive port range; `-1` or 0-65535 means every port. For protocol "all" and for
// protocols other than TCP/UDP/ICMP/ICMPv6, AWS ignores the port range: every port is open.
// For ICMP the "ports" are the ICMP type and code.
//
// Nothing here throws; a value that cannot be read is widened (fail closed) and says so.

export type ProtocolKind = "all" | "tcp" | "udp" | "icmp" | "icmpv6" | "other";

export interface Protocol {
    kind: ProtocolKind;
    /** IANA protocol number; -1 for all protocols. */
    number: number;
    /** How to name it in a message, e.g. `tcp`, `all protocols`, `protocol 50`. */
    label: string;
}

export interface PortRange {
    /** First port, inclusive. */
    from: number;
    /** Last port, inclusive. */
    to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/** Normalised traffic of one rule: a protocol and, for TCP/UDP, the ports. */
export interface Traffic {
    protocol: Protocol;
    /** The port range for TCP and UDP; undefined means every port of the protocol. */
    ports?: PortRange;
    /** A human description, e.g. `tcp 443`, `all traffic`, `udp 1024-65535`. */
    label: string;
}

const BY_NAME: Record<string, ProtocolKind> = { tcp: "tcp", udp: "udp", icmp: "icmp", icmpv6: "icmpv6", all: "all" };
const BY_NUMBER: Record<number, ProtocolKind> = { [-1]: "all", 6: "tcp", 17: "udp", 1: "icmp", 58: "icmpv6" };
const NUMBER_OF: Record<ProtocolKind, number> = { all: -1, tcp: 6, udp: 17, icmp: 1, icmpv6: 58, other: -2 };

/** Reads an integer given as a number or a numeric string; undefined otherwise. */
export function readInteger(raw: unknown): number | undefined {
    if (typeof raw === "number") {
        return Number.isInteger(raw) ? raw : undefined;
    }
    if (typeof raw === "string" && /^\s*[+-]?\d{1,10}\s*$/.test(raw)) {
        return Number.parseInt(raw.trim(), 10);
    }
    return undefined;
}

/** Parses a protocol in any form the AWS APIs accept; undefined when it is not one. */
export function parseProtocol(raw: unknown): Protocol | undefined {
    if (typeof raw === "string") {
        const name = raw.trim().toLowerCase();
        const kind = BY_NAME[name];
        if (kind !== undefined) {
            return makeProtocol(kind, NUMBER_OF[kind]);
        }
    }
    const number = readInteger(raw);
    if (number === undefined || number < -1 || number > 255) {
        return undefined;
    }
    return makeProtocol(BY_NUMBER[number] ?? "other", number);
}

function makeProtocol(kind: ProtocolKind, number: number): Protocol {
    const label = kind === "all" ? "all protocols" : kind === "other" ? `protocol ${number}` : kind;
    return { kind, number, label };
}

/**
 * Reads a TCP/UDP port range. `-1` on either end, or no ports at all, means every port; one end
 * alone is a single port; ends outside 0-65535 are clamped, reversed ends swapped.
 */
export function parsePortRange(fromRaw: unknown, toRaw: unknown): PortRange {
    const absent = (v: unknown): boolean => v === undefined || v === null;
    if (absent(fromRaw) && absent(toRaw)) {
        return ALL_PORTS;
    }
    let from = absent(fromRaw) ? readInteger(toRaw) : readInteger(fromRaw);
    let to = absent(toRaw) ? readInteger(fromRaw) : readInteger(toRaw);
    if (from === undefined || to === undefined || from === -1 || to === -1) {
        return ALL_PORTS;
    }
    if (from > to) {
        [from, to] = [to, from];
    }
    return { from: clampPort(from), to: clampPort(to) };
}

function clampPort(port: number): number {
    return Math.min(65535, Math.max(0, port));
}

export function formatPorts(range: PortRange): string {
    if (range.from === 0 && range.to === 65535) {
        return "0-65535 (all ports)";
    }
    return range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`;
}

/**
 * Normalises a rule's protocol and port range. An unrecognised protocol is treated as all traffic
 * (fail closed), and the label says so.
 */
export function readTraffic(protocolRaw: unknown, fromRaw: unknown, toRaw: unknown): Traffic {
    const protocol = parseProtocol(protocolRaw);
    if (protocol === undefined) {
        let shown: string;
        try {
            shown = JSON.stringify(protocolRaw) ?? String(protocolRaw);
        } catch {
            shown = "?";
        }
        return {
            protocol: { kind: "all", number: -1, label: "all protocols" },
            label: `protocol ${shown} (not a protocol AWS accepts; treated as all traffic)`,
        };
    }
    switch (protocol.kind) {
        case "all":
            return { protocol, label: "all traffic (protocol -1: every protocol and port)" };
        case "other":
            return { protocol, label: `${protocol.label} (all ports)` };
        case "icmp":
        case "icmpv6":
            return { protocol, label: `${protocol.label}${describeIcmp(fromRaw, toRaw)}` };
        case "tcp":
        case "udp": {
            const ports = parsePortRange(fromRaw, toRaw);
            return { protocol, ports, label: `${protocol.label} ${formatPorts(ports)}` };
        }
    }
}

function describeIcmp(typeRaw: unknown, codeRaw: unknown): string {
    const type = readInteger(typeRaw);
    const code = readInteger(codeRaw);
    if (type === undefined || type === -1) {
        return " (all types)";
    }
    return code === undefined || code === -1 ? ` type ${type}` : ` type ${type} code ${code}`;
}

/** True when every port of `range` is one of `ports`. */
export function rangeWithinPorts(range: PortRange, ports: ReadonlySet<number>): boolean {
    if (range.to - range.from + 1 > ports.size) {
        return false;
    }
    for (let port = range.from; port <= range.to; port++) {
        if (!ports.has(port)) {
            return false;
        }
    }
    return true;
}

/** True when `range` lies inside `outer`. */
export function rangeInside(range: PortRange, outer: PortRange): boolean {
    return range.from >= outer.from && range.to <= outer.to;
}

/** True when `range` includes `port`. */
export function rangeIncludes(range: PortRange, port: number): boolean {
    return range.from <= port && port <= range.to;
}
