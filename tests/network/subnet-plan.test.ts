import * as assert from "assert";
import * as fc from "fast-check";
import * as ipaddr from "ipaddr.js";
import { measureSubnetSpace, planSubnets, TIERS, type TierPrefixLengths } from "../../components/network/subnet-plan";

// Checked with ipaddr.js directly (not the module under test's arithmetic), as first/last address numbers.
function range(cidr: string): { first: number; last: number; prefix: number } {
    const [address, prefix] = ipaddr.IPv4.parseCIDR(cidr);
    const first = address.toByteArray().reduce((acc, byte) => acc * 256 + byte, 0);
    return { first, last: first + 2 ** (32 - prefix) - 1, prefix };
}

/** A random RFC 1918 VPC network CIDR with a prefix from /16 to /28. */
const vpcCidr = fc
    .record({
        prefix: fc.integer({ min: 16, max: 28 }),
        second: fc.integer({ min: 0, max: 255 }),
        host: fc.integer({ min: 0, max: 65535 }),
    })
    .map(({ prefix, second, host }) => {
        const base = 10 * 2 ** 24 + second * 2 ** 16 + host;
        const network = base - (base % 2 ** (32 - prefix));
        return `${ipaddr.fromByteArray([24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256)).toString()}/${prefix}`;
    });

/** A VPC CIDR, an AZ count and per-tier prefixes between the VPC prefix and /28. */
const layout = vpcCidr.chain((cidr) => {
    const vpcPrefix = range(cidr).prefix;
    const prefix = fc.integer({ min: vpcPrefix, max: 28 });
    return fc.record({
        cidr: fc.constant(cidr),
        azCount: fc.integer({ min: 1, max: 6 }),
        prefixes: fc.record({ public: prefix, private: prefix, isolated: prefix }),
    });
});

const fits = ({ cidr, azCount, prefixes }: { cidr: string; azCount: number; prefixes: TierPrefixLengths }) => {
    const space = measureSubnetSpace(cidr, azCount, prefixes);
    return space.needed <= space.available;
};

describe("subnet plan", () => {
    it("carves the staging layout as documented: largest blocks first, tiers in order", () => {
        assert.deepStrictEqual(planSubnets("10.20.0.0/16", 3, { public: 24, private: 20, isolated: 22 }), {
            private: ["10.20.0.0/20", "10.20.16.0/20", "10.20.32.0/20"],
            isolated: ["10.20.48.0/22", "10.20.52.0/22", "10.20.56.0/22"],
            public: ["10.20.60.0/24", "10.20.61.0/24", "10.20.62.0/24"],
        });
    });

    it("property: every subnet lies inside the VPC, is network-aligned, has its tier's prefix, one per AZ per tier", () => {
        fc.assert(
            fc.property(layout.filter(fits), ({ cidr, azCount, prefixes }) => {
                const vpc = range(cidr);
                const plan = planSubnets(cidr, azCount, prefixes);
                for (const tier of TIERS) {
                    assert.strictEqual(plan[tier].length, azCount);
                    for (const subnet of plan[tier]) {
                        const r = range(subnet);
                        assert.strictEqual(r.prefix, prefixes[tier]);
                        assert.ok(r.first >= vpc.first && r.last <= vpc.last, `${subnet} outside ${cidr}`);
                        assert.strictEqual(r.first % 2 ** (32 - r.prefix), 0, `${subnet} not aligned`);
                        assert.ok(ipaddr.IPv4.parse(subnet.split("/")[0]).match(ipaddr.IPv4.parseCIDR(cidr)));
                    }
                }
            }),
            { numRuns: 500 },
        );
    });

    it("property: no two subnets overlap", () => {
        fc.assert(
            fc.property(layout.filter(fits), ({ cidr, azCount, prefixes }) => {
                const plan = planSubnets(cidr, azCount, prefixes);
                const ranges = TIERS.flatMap((tier) => plan[tier])
                    .map(range)
                    .sort((a, b) => a.first - b.first);
                for (let i = 1; i < ranges.length; i++) {
                    assert.ok(ranges[i].first > ranges[i - 1].last, "overlapping subnets");
                }
            }),
            { numRuns: 500 },
        );
    });

    it("property: a layout that does not fit is refused with the space needed and available", () => {
        fc.assert(
            fc.property(
                layout.filter((l) => !fits(l)),
                ({ cidr, azCount, prefixes }) => {
                    const { needed, available } = measureSubnetSpace(cidr, azCount, prefixes);
                    assert.ok(needed > available);
                    assert.throws(
                        () => planSubnets(cidr, azCount, prefixes),
                        new RangeError(`subnet plan: the tiers need ${needed} addresses but ${cidr} has ${available}`),
                    );
                },
            ),
            { numRuns: 200 },
        );
    });

    it("measures exactly: a /24 holds 2 AZs of /26 + /27 + /27 but not of /26 + /26 + /27", () => {
        assert.deepStrictEqual(measureSubnetSpace("10.0.0.0/24", 2, { public: 26, private: 27, isolated: 27 }), {
            needed: 256,
            available: 256,
        });
        assert.doesNotThrow(() => planSubnets("10.0.0.0/24", 2, { public: 26, private: 27, isolated: 27 }));
        assert.deepStrictEqual(measureSubnetSpace("10.0.0.0/24", 2, { public: 26, private: 26, isolated: 27 }), {
            needed: 320,
            available: 256,
        });
    });

    it("refuses a VPC CIDR with host bits and prefixes outside the VPC-to-/28 range", () => {
        assert.throws(() => planSubnets("10.0.1.0/16", 1, { public: 24, private: 24, isolated: 24 }), /not an IPv4 network CIDR/);
        assert.throws(
            () => planSubnets("10.0.0.0/16", 1, { public: 15, private: 24, isolated: 24 }),
            /public prefix \/15 must be from \/16 to \/28/,
        );
        assert.throws(() => planSubnets("10.0.0.0/16", 1, { public: 24, private: 29, isolated: 24 }), /private prefix \/29/);
    });
});
