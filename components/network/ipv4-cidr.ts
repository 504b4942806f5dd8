import * as ipaddr from "ipaddr.js";

/**
 * An IPv4 block. `base` is the first address as an unsigned 32-bit integer, so block arithmetic is
 * plain number arithmetic (2^32 is well inside the safe-integer range); ipaddr.js does the parsing
 * and formatting.
 */
export interface Ipv4Block {
    readonly base: number;
    readonly prefix: number;
}

/** Parses a dotted-quad CIDR such as `10.20.0.0/16`; undefined for anything else (IPv6, `10/8`, …). */
export function parseIpv4Cidr(text: string): Ipv4Block | undefined {
    if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(text)) {
        return undefined;
    }
    const [address, prefix] = ipaddr.IPv4.parseCIDR(text);
    return { base: address.toByteArray().reduce((acc, byte) => acc * 256 + byte, 0), prefix };
}

/** Number of addresses in a block with this prefix length. */
export function blockSize(prefix: number): number {
    return 2 ** (32 - prefix);
}

/** True when the block's address is not its network address (e.g. `10.20.1.0/16`). */
export function hasHostBits(block: Ipv4Block): boolean {
    return block.base % blockSize(block.prefix) !== 0;
}

/** The network address of the block, e.g. `10.20.0.0/16` for `10.20.1.0/16`. */
export function networkOf(block: Ipv4Block): Ipv4Block {
    return { base: block.base - (block.base % blockSize(block.prefix)), prefix: block.prefix };
}

/** True when the whole block lies in the RFC 1918 private ranges (10/8, 172.16/12, 192.168/16). */
export function isRfc1918(block: Ipv4Block): boolean {
    const first = ipaddr.IPv4.parse(formatAddress(block.base));
    const last = ipaddr.IPv4.parse(formatAddress(block.base + blockSize(block.prefix) - 1));
    return first.range() === "private" && last.range() === "private";
}

/** CIDR notation of the block, e.g. `10.20.0.0/16`. */
export function formatIpv4Cidr(block: Ipv4Block): string {
    return `${formatAddress(block.base)}/${block.prefix}`;
}

function formatAddress(value: number): string {
    const bytes = [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256);
    return ipaddr.fromByteArray(bytes).toString();
}
