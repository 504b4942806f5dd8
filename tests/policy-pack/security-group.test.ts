import { strict as assert } from "assert";
import { check, resourcePolicy } from "./harness";

const policy = resourcePolicy("ingress-no-internet-security-group");

const SG = "aws:ec2/securityGroup:SecurityGroup";
const DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const VPC_INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const NATIVE_SG = "aws-native:ec2:SecurityGroup";
const NATIVE_INGRESS = "aws-native:ec2:SecurityGroupIngress";

/** One rule, written in each provider's shape. */
interface Rule {
    protocol: unknown;
    from?: unknown;
    to?: unknown;
    v4?: string[];
    v6?: string[];
}

const shapes: Record<string, (r: Rule) => Record<string, unknown>> = {
    [SG]: (r) => ({ ingress: [{ protocol: r.protocol, fromPort: r.from, toPort: r.to, cidrBlocks: r.v4, ipv6CidrBlocks: r.v6 }] }),
    [DEFAULT_SG]: (r) => ({ ingress: [{ protocol: r.protocol, fromPort: r.from, toPort: r.to, cidrBlocks: r.v4, ipv6CidrBlocks: r.v6 }] }),
    [SG_RULE]: (r) => ({
        type: "ingress",
        securityGroupId: "sg-1",
        protocol: r.protocol,
        fromPort: r.from,
        toPort: r.to,
        cidrBlocks: r.v4,
        ipv6CidrBlocks: r.v6,
    }),
    [NATIVE_SG]: (r) => ({
        groupDescription: "x",
        securityGroupIngress: [
            ...(r.v4 ?? []).map((c) => ({ ipProtocol: r.protocol, fromPort: r.from, toPort: r.to, cidrIp: c })),
            ...(r.v6 ?? []).map((c) => ({ ipProtocol: r.protocol, fromPort: r.from, toPort: r.to, cidrIpv6: c })),
        ],
    }),
};

/** Single-CIDR shapes (one source per rule resource). */
const singleShapes: Record<string, (r: Rule) => Record<string, unknown>> = {
    [VPC_INGRESS]: (r) => ({
        securityGroupId: "sg-1",
        ipProtocol: r.protocol,
        fromPort: r.from,
        toPort: r.to,
        cidrIpv4: r.v4?.[0],
        cidrIpv6: r.v6?.[0],
    }),
    [NATIVE_INGRESS]: (r) => ({
        groupId: "sg-1",
        ipProtocol: r.protocol,
        fromPort: r.from,
        toPort: r.to,
        cidrIp: r.v4?.[0],
        cidrIpv6: r.v6?.[0],
    }),
};

const allShapes = { ...shapes, ...singleShapes };

function violationsFor(type: string, rule: Rule, config: object = {}): string[] {
    return check(policy, type, allShapes[type](rule), config);
}

describe("ingress-no-internet-security-group", () => {
    for (const type of Object.keys(allShapes)) {
        describe(type, () => {
            it("fails SSH from 0.0.0.0/0 and names rule, CIDR, protocol and ports", () => {
                const messages = violationsFor(type, { protocol: "tcp", from: 22, to: 22, v4: ["0.0.0.0/0"] });
                assert.equal(messages.length, 1);
                assert.match(messages[0], /tcp 22/);
                assert.match(messages[0], /0\.0\.0\.0\/0/);
                assert.match(messages[0], /(ingress\[0\]|securityGroupIngress\[0\]|this rule)/);
            });

            it("fails ::/0 (IPv6) and its non-canonical spelling 0::/0", () => {
                assert.equal(violationsFor(type, { protocol: "tcp", from: 22, to: 22, v6: ["::/0"] }).length, 1);
                assert.equal(violationsFor(type, { protocol: "tcp", from: 22, to: 22, v6: ["0::/0"] }).length, 1);
            });

            it("fails protocol all in every spelling, whatever the ports say", () => {
                for (const protocol of ["-1", -1, "all", "ALL"]) {
                    assert.equal(violationsFor(type, { protocol, from: 443, to: 443, v4: ["0.0.0.0/0"] }).length, 1, String(protocol));
                }
            });

            it("fails the whole port range written as 0-65535 or -1", () => {
                assert.equal(violationsFor(type, { protocol: "tcp", from: 0, to: 65535, v4: ["0.0.0.0/0"] }).length, 1);
                assert.equal(violationsFor(type, { protocol: "6", from: -1, to: -1, v4: ["0.0.0.0/0"] }).length, 1);
            });

            it("draws the public-port boundary exactly at 443 (442 and 444 fail)", () => {
                assert.equal(violationsFor(type, { protocol: "tcp", from: 443, to: 443, v4: ["0.0.0.0/0"] }).length, 0);
                assert.equal(violationsFor(type, { protocol: "TCP", from: "443", to: "443", v4: ["0.0.0.0/0"] }).length, 0);
                assert.equal(violationsFor(type, { protocol: "6", from: 80, to: 80, v4: ["0.0.0.0/0"] }).length, 0);
                assert.equal(violationsFor(type, { protocol: "tcp", from: 442, to: 442, v4: ["0.0.0.0/0"] }).length, 1);
                assert.equal(violationsFor(type, { protocol: "tcp", from: 444, to: 444, v4: ["0.0.0.0/0"] }).length, 1);
                assert.equal(violationsFor(type, { protocol: "tcp", from: 442, to: 444, v4: ["0.0.0.0/0"] }).length, 1);
                assert.equal(violationsFor(type, { protocol: "tcp", from: 80, to: 443, v4: ["0.0.0.0/0"] }).length, 1);
            });

            it("fails UDP 443 and ICMP from the internet (only TCP is a public port)", () => {
                assert.equal(violationsFor(type, { protocol: "udp", from: 443, to: 443, v4: ["0.0.0.0/0"] }).length, 1);
                assert.equal(violationsFor(type, { protocol: "17", from: 443, to: 443, v4: ["0.0.0.0/0"] }).length, 1);
                assert.equal(violationsFor(type, { protocol: "icmp", from: 8, to: 0, v4: ["0.0.0.0/0"] }).length, 1);
                assert.equal(violationsFor(type, { protocol: "58", from: -1, to: -1, v6: ["::/0"] }).length, 1);
            });

            it("passes private, shared and narrow public sources on any port", () => {
                assert.equal(violationsFor(type, { protocol: "-1", v4: ["10.0.0.0/8"] }).length, 0);
                assert.equal(violationsFor(type, { protocol: "tcp", from: 22, to: 22, v4: ["203.0.113.0/24"] }).length, 0);
                assert.equal(violationsFor(type, { protocol: "tcp", from: 22, to: 22, v4: ["52.0.0.0/9"] }).length, 0);
                assert.equal(violationsFor(type, { protocol: "tcp", from: 5432, to: 5432, v6: ["fd00::/8"] }).length, 0);
            });

            it("fails a public /7 (public in all but name)", () => {
                assert.match(violationsFor(type, { protocol: "tcp", from: 22, to: 22, v4: ["52.0.0.0/7"] })[0], /public in all but name/);
            });

            it("fails an unparseable CIDR (fail closed) without throwing", () => {
                assert.match(violationsFor(type, { protocol: "tcp", from: 22, to: 22, v4: ["0.0.0.0/0x"] })[0], /not a valid CIDR/);
            });

            it("honours configured public ports and width limits", () => {
                assert.equal(
                    violationsFor(type, { protocol: "tcp", from: 8443, to: 8443, v4: ["0.0.0.0/0"] }, { publicPorts: [8443] }).length,
                    0,
                );
                assert.equal(
                    violationsFor(type, { protocol: "tcp", from: 443, to: 443, v4: ["0.0.0.0/0"] }, { publicPorts: [8443] }).length,
                    1,
                );
                assert.equal(
                    violationsFor(type, { protocol: "tcp", from: 22, to: 22, v4: ["52.0.0.0/9"] }, { ipv4PublicPrefixLimit: 12 }).length,
                    1,
                );
                assert.equal(
                    violationsFor(type, { protocol: "tcp", from: 22, to: 22, v4: ["52.0.0.0/7"] }, { ipv4PublicPrefixLimit: 0 }).length,
                    0,
                );
            });

            it("falls back to defaults on invalid config", () => {
                assert.equal(
                    violationsFor(
                        type,
                        { protocol: "tcp", from: 22, to: 22, v4: ["0.0.0.0/0"] },
                        { publicPorts: "22", ipv4PublicPrefixLimit: "x" },
                    ).length,
                    1,
                );
                assert.equal(
                    violationsFor(type, { protocol: "tcp", from: 443, to: 443, v4: ["0.0.0.0/0"] }, { publicPorts: [22, -5] }).length,
                    0,
                );
            });
        });
    }

    for (const type of Object.keys(shapes)) {
        it(`${type}: fails CIDRs of one rule that together cover the internet`, () => {
            assert.equal(violationsFor(type, { protocol: "tcp", from: 22, to: 22, v4: ["0.0.0.0/1", "128.0.0.0/1"] }).length >= 1, true);
            assert.equal(violationsFor(type, { protocol: "tcp", from: 22, to: 22, v6: ["::/1", "8000::/1"] }).length >= 1, true);
        });
    }

    it("fails many narrow public /8s on one group that add up to the internet", () => {
        const eights = Array.from({ length: 60 }, (_, i) => ({
            protocol: "tcp",
            fromPort: 22,
            toPort: 22,
            cidrBlocks: [`${i + 1}.0.0.0/8`],
        }));
        const messages = check(policy, SG, { ingress: eights });
        assert.equal(messages.length, 1);
        assert.match(messages[0], /taken together/);
    });

    it("ignores egress rules and egress blocks", () => {
        assert.deepEqual(check(policy, SG_RULE, { type: "egress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }), []);
        assert.deepEqual(check(policy, SG, { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }), []);
        assert.deepEqual(check(policy, NATIVE_SG, { securityGroupEgress: [{ ipProtocol: "-1", cidrIp: "0.0.0.0/0" }] }), []);
        assert.deepEqual(
            check(policy, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }),
            [],
        );
    });

    it("does not treat SG references, self and prefix-list ids as addresses", () => {
        assert.deepEqual(
            check(policy, SG, {
                ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, securityGroups: ["sg-2"], self: true, prefixListIds: ["pl-1"] }],
            }),
            [],
        );
        assert.deepEqual(check(policy, NATIVE_INGRESS, { groupId: "sg-1", ipProtocol: "-1", sourceSecurityGroupId: "sg-2" }), []);
    });

    it("reports every open rule of a group", () => {
        const messages = check(policy, SG, {
            ingress: [
                { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] },
                { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
                { protocol: "tcp", fromPort: 3389, toPort: 3389, ipv6CidrBlocks: ["::/0"] },
            ],
        });
        assert.equal(messages.length, 2);
        assert.match(messages[0], /ingress\[0\]/);
        assert.match(messages[1], /ingress\[2\].*tcp 3389.*::\/0/);
    });

    it("leaves unrelated types untouched (does not even read their properties)", () => {
        const trap = new Proxy(
            {},
            {
                get: () => {
                    throw new Error("read");
                },
            },
        );
        assert.deepEqual(check(policy, "aws:s3/bucket:Bucket", trap), []);
        assert.deepEqual(check(policy, "azure-native:network:NetworkSecurityGroup", trap), []);
    });
});
