// Address-set math for "is this the whole internet?".
//
// A rule's sources are a SET of addresses, not strings: 0.0.0.0/0, `0.0.0.0/1` + `128.0.0.0/1`,
// `0::/0` and ` 0.0.0.0/00 ` all admit every IPv4 or IPv6 host. We turn every CIDR into an
// interval [first, last] of bigints, merge the intervals per family and then measure:
//   - does the union cover the whole family (0.0.0.0/0 or ::/0)?
//   - how many PUBLIC addresses does it admit (the union minus private, shared, loopback,
//     link-local, documentation, multicast and reserved space)?
// A union whose public part is wider than a threshold (default: more than a /8 of IPv4, more than a
// /16 of IPv6) is "public in all but name" and is treated like the internet.
//
// Nothing here throws: a value that is not a CIDR comes back as `unparseable`, and callers treat
// it as suspicious (fail closed).

import * as ipaddr from "ipaddr.js";

export type AddressFamily = "ipv4" | "ipv6";

/** One CIDR block as an inclusive interval of addresses. */
export interface AddressBlock {
    family: AddressFamily;
    first: bigint;
    last: bigint;
    /** Canonical text, e.g. `0.0.0.0/0`, for messages. */
    text: string;
}

const BITS: Record<AddressFamily, number> = { ipv4: 32, ipv6: 128 };

function toBigInt(bytes: readonly number[]): bigint {
    let value = 0n;
    for (const byte of bytes) {
        value = (value << 8n) | BigInt(byte & 0xff);
    }
    return value;
}

function blockOf(family: AddressFamily, address: bigint, prefix: number): AddressBlock {
    const hostBits = BigInt(BITS[family] - prefix);
    const size = 1n << hostBits;
    const first = (address >> hostBits) << hostBits;
    return { family, first, last: first + size - 1n, text: `${formatAddress(family, first)}/${prefix}` };
}

function formatAddress(family: AddressFamily, value: bigint): string {
    const byteCount = BITS[family] / 8;
    const bytes: number[] = [];
    for (let i = byteCount - 1; i >= 0; i--) {
        bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
    }
    return ipaddr.fromByteArray(bytes).toString();
}

/**
 * Parses one CIDR (or a bare address, taken as /32 or /128) leniently: whitespace anywhere is
 * ignored, `/00` is `/0`, IPv6 may be written in any RFC 4291 form. Returns undefined for
 * anything else (including non-strings); never throws.
 */
export function parseCidr(raw: unknown): AddressBlock | undefined {
    if (typeof raw !== "string") {
        return undefined;
    }
    const text = raw.replace(/\s+/g, "");
    if (text.length === 0 || text.length > 100) {
        return undefined;
    }
    try {
        if (text.includes("/")) {
            const [address, prefix] = ipaddr.parseCIDR(text);
            const family = address.kind();
            return blockOf(family, toBigInt(address.toByteArray()), prefix);
        }
        const address = ipaddr.parse(text);
        const family = address.kind();
        return blockOf(family, toBigInt(address.toByteArray()), BITS[family]);
    } catch {
        return undefined;
    }
}

interface Interval {
    first: bigint;
    last: bigint;
}

/** Sorts and merges overlapping or adjacent intervals. */
function merge(intervals: readonly Interval[]): Interval[] {
    const sorted = [...intervals].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    const merged: Interval[] = [];
    for (const next of sorted) {
        const last = merged[merged.length - 1];
        if (last !== undefined && next.first <= last.last + 1n) {
            if (next.last > last.last) {
                last.last = next.last;
            }
        } else {
            merged.push({ first: next.first, last: next.last });
        }
    }
    return merged;
}

function sizeOf(intervals: readonly Interval[]): bigint {
    return intervals.reduce((sum, i) => sum + (i.last - i.first + 1n), 0n);
}

/** Size of the intersection of two merged (sorted, disjoint) interval lists. */
function overlap(a: readonly Interval[], b: readonly Interval[]): bigint {
    let total = 0n;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        const x = a[i];
        const y = b[j];
        const first = x.first > y.first ? x.first : y.first;
        const last = x.last < y.last ? x.last : y.last;
        if (first <= last) {
            total += last - first + 1n;
        }
        if (x.last < y.last) {
            i++;
        } else {
            j++;
        }
    }
    return total;
}

function blocks(family: AddressFamily, cidrs: readonly string[]): Interval[] {
    return merge(
        cidrs.map((c) => {
            const block = parseCidr(c);
            if (block === undefined || block.family !== family) {
                throw new Error(`internal: ${c} is not an ${family} CIDR`);
            }
            return block;
        }),
    );
}

/**
 * Address space that is not reachable from the internet, or not a real source of traffic:
 * RFC 1918 private, RFC 6598 shared (CGNAT), loopback, link-local, "this network", IETF protocol
 * assignments, documentation (TEST-NET), benchmarking, multicast and reserved (240/4, broadcast).
 */
const NON_PUBLIC_IPV4 = blocks("ipv4", [
    "0.0.0.0/8",
    "10.0.0.0/8",
    "100.64.0.0/10",
    "127.0.0.0/8",
    "169.254.0.0/16",
    "172.16.0.0/12",
    "192.0.0.0/24",
    "192.0.2.0/24",
    "192.168.0.0/16",
    "198.18.0.0/15",
    "198.51.100.0/24",
    "203.0.113.0/24",
    "224.0.0.0/4",
    "240.0.0.0/4",
]);

/**
 * IPv6 that is not public: unspecified and loopback, IPv4-mapped (matched by IPv4 rules, never a
 * source on the wire), discard-only, documentation, unique local (ULA), link-local, multicast.
 * Deliberately NOT excluded: NAT64 64:ff9b::/96, 6to4 2002::/16 and Teredo, which carry the
 * public IPv4 internet inside IPv6, and unallocated space (still not private).
 */
const NON_PUBLIC_IPV6 = blocks("ipv6", ["::/127", "::ffff:0:0/96", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "ff00::/8"]);

const NON_PUBLIC: Record<AddressFamily, Interval[]> = { ipv4: NON_PUBLIC_IPV4, ipv6: NON_PUBLIC_IPV6 };

/** What one family of a source set admits. */
export interface FamilyReach {
    family: AddressFamily;
    /** The union covers every address of the family (0.0.0.0/0 or ::/0). */
    coversAll: boolean;
    /** Number of public addresses the union admits. */
    publicAddresses: bigint;
    /** The blocks that were parsed for this family, as written, for messages. */
    blocks: AddressBlock[];
}

/** What a whole source set (one rule, one prefix list) admits. */
export interface SourceReach {
    ipv4: FamilyReach;
    ipv6: FamilyReach;
    /** Values that are not CIDRs (typos, wrong types): suspicious, never silently passed. */
    unparseable: string[];
}

function reachOf(family: AddressFamily, parsed: AddressBlock[]): FamilyReach {
    const union = merge(parsed);
    const all = 1n << BigInt(BITS[family]);
    const total = sizeOf(union);
    return {
        family,
        coversAll: total === all,
        publicAddresses: total - overlap(union, NON_PUBLIC[family]),
        blocks: parsed,
    };
}

function describeRaw(value: unknown): string {
    if (typeof value === "string") {
        return JSON.stringify(value);
    }
    try {
        return JSON.stringify(value) ?? String(value);
    } catch {
        return Object.prototype.toString.call(value);
    }
}

/**
 * Measures the union of a set of CIDRs. `null` and `undefined` entries are absent values and are
 * skipped; every other value that does not parse is listed in `unparseable`.
 */
export function measureSources(cidrs: readonly unknown[]): SourceReach {
    const parsed: Record<AddressFamily, AddressBlock[]> = { ipv4: [], ipv6: [] };
    const unparseable: string[] = [];
    for (const raw of cidrs) {
        if (raw === undefined || raw === null) {
            continue;
        }
        const block = parseCidr(raw);
        if (block === undefined) {
            unparseable.push(describeRaw(raw));
        } else {
            parsed[block.family].push(block);
        }
    }
    return { ipv4: reachOf("ipv4", parsed.ipv4), ipv6: reachOf("ipv6", parsed.ipv6), unparseable };
}

/** How wide a public source set may be before it counts as "public in all but name". */
export interface WidthLimits {
    /** Largest public IPv4 set allowed, as a prefix length: 8 means "no more than one /8". */
    ipv4PublicPrefix: number;
    /** Largest public IPv6 set allowed, as a prefix length: 16 means "no more than one /16". */
    ipv6PublicPrefix: number;
}

export const DEFAULT_WIDTH_LIMITS: WidthLimits = { ipv4PublicPrefix: 8, ipv6PublicPrefix: 16 };

/** The verdict on a source set. */
export type InternetVerdict = { kind: "internet"; reason: string } | { kind: "bounded" };

function limitFor(family: AddressFamily, limits: WidthLimits): bigint {
    const prefix = family === "ipv4" ? limits.ipv4PublicPrefix : limits.ipv6PublicPrefix;
    return 1n << BigInt(BITS[family] - prefix);
}

/** Lists at most `max` items, then says how many more there are. */
export function listSome(items: readonly string[], max = 6): string {
    return items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

function familyVerdict(reach: FamilyReach, limits: WidthLimits): string | undefined {
    const written = listSome(reach.blocks.map((b) => b.text));
    const whole = reach.family === "ipv4" ? "0.0.0.0/0" : "::/0";
    if (reach.coversAll) {
        return reach.blocks.length === 1
            ? `${written} is the whole ${reach.family === "ipv4" ? "IPv4" : "IPv6"} internet`
            : `${written} together cover ${whole}, the whole ${reach.family === "ipv4" ? "IPv4" : "IPv6"} internet`;
    }
    const prefix = reach.family === "ipv4" ? limits.ipv4PublicPrefix : limits.ipv6PublicPrefix;
    if (reach.publicAddresses > limitFor(reach.family, limits)) {
        return `${written} admit${reach.blocks.length === 1 ? "s" : ""} more public ${
            reach.family === "ipv4" ? "IPv4" : "IPv6"
        } space than a /${prefix} (public in all but name)`;
    }
    return undefined;
}

/**
 * Decides whether a set of sources is "the internet": it covers 0.0.0.0/0 or ::/0, its public
 * part is wider than the limits, or it contains a value that is not a CIDR (fail closed).
 */
export function judgeSources(cidrs: readonly unknown[], limits: WidthLimits = DEFAULT_WIDTH_LIMITS): InternetVerdict {
    const reach = measureSources(cidrs);
    const reasons = [familyVerdict(reach.ipv4, limits), familyVerdict(reach.ipv6, limits)].filter((r): r is string => r !== undefined);
    if (reach.unparseable.length > 0) {
        reasons.push(
            `${listSome(reach.unparseable)} ${reach.unparseable.length === 1 ? "is" : "are"} not a valid CIDR (treated as the internet)`,
        );
    }
    return reasons.length > 0 ? { kind: "internet", reason: reasons.join("; ") } : { kind: "bounded" };
}
