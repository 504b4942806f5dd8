import { blockSize, formatIpv4Cidr, hasHostBits, parseIpv4Cidr } from "./ipv4-cidr";

/** The three network tiers, in the order they are reported and tie-broken when packing. */
export const TIERS = ["public", "private", "isolated"] as const;
export type Tier = (typeof TIERS)[number];

/** Smallest subnet AWS allows. */
export const MIN_SUBNET_PREFIX = 28;

/** Largest VPC AWS allows (a /16). */
export const VPC_PREFIX_MIN = 16;

/** Prefix length of the subnets of each tier (one subnet per AZ per tier). */
export type TierPrefixLengths = Readonly<Record<Tier, number>>;

/** Subnet CIDRs per tier; index i is the subnet of availability zone i. */
export type SubnetPlan = Readonly<Record<Tier, readonly string[]>>;

/** Address space the tiers need and the VPC offers. */
export interface SubnetSpace {
    readonly needed: number;
    readonly available: number;
}

/** Addresses that `azCount` subnets per tier need, against what the VPC CIDR holds. */
export function measureSubnetSpace(vpcCidr: string, azCount: number, prefixes: TierPrefixLengths): SubnetSpace {
    const vpc = parseVpc(vpcCidr);
    const needed = TIERS.reduce((sum, tier) => sum + azCount * blockSize(prefixes[tier]), 0);
    return { needed, available: blockSize(vpc.prefix) };
}

/**
 * Carves one subnet per AZ per tier out of the VPC CIDR. Blocks are handed out largest first from
 * the start of the VPC: every block size is a power of two no larger than the one before it, so each
 * block starts on a multiple of its own size (network-aligned) and none overlap. Ties keep tier order
 * (public, private, isolated), then AZ order, so the plan is deterministic.
 */
export function planSubnets(vpcCidr: string, azCount: number, prefixes: TierPrefixLengths): SubnetPlan {
    const vpc = parseVpc(vpcCidr);
    if (!Number.isInteger(azCount) || azCount < 1) {
        throw new RangeError(`subnet plan: AZ count must be a positive integer, got ${azCount}`);
    }
    for (const tier of TIERS) {
        const prefix = prefixes[tier];
        if (!Number.isInteger(prefix) || prefix < vpc.prefix || prefix > MIN_SUBNET_PREFIX) {
            throw new RangeError(`subnet plan: ${tier} prefix /${prefix} must be from /${vpc.prefix} to /${MIN_SUBNET_PREFIX}`);
        }
    }
    const space = measureSubnetSpace(vpcCidr, azCount, prefixes);
    if (space.needed > space.available) {
        throw new RangeError(`subnet plan: the tiers need ${space.needed} addresses but ${vpcCidr} has ${space.available}`);
    }

    const requests = TIERS.flatMap((tier) => Array.from({ length: azCount }, (_, az) => ({ tier, az, prefix: prefixes[tier] })));
    // Array.prototype.sort is stable, so equal sizes keep tier-then-AZ order.
    requests.sort((a, b) => a.prefix - b.prefix);

    const plan: Record<Tier, string[]> = { public: [], private: [], isolated: [] };
    let next = vpc.base;
    for (const request of requests) {
        plan[request.tier][request.az] = formatIpv4Cidr({ base: next, prefix: request.prefix });
        next += blockSize(request.prefix);
    }
    return plan;
}

function parseVpc(vpcCidr: string) {
    const vpc = parseIpv4Cidr(vpcCidr);
    if (vpc === undefined || hasHostBits(vpc)) {
        throw new RangeError(`subnet plan: ${vpcCidr} is not an IPv4 network CIDR`);
    }
    return vpc;
}
