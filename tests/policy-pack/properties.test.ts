// Property tests: odd input never throws (a throw is an RPC error that stops every preview in
// the organisation), and every source set whose union is the internet is caught.

import { strict as assert } from "assert";
import fc from "fast-check";
import { judgeSources } from "../../policy-pack/network/addresses";
import { readTraffic } from "../../policy-pack/network/protocols";
import { assertEvaluated, check, checkStack, dependsOnVia, resource, resourcePolicy, stackPolicy } from "./harness";
import { malformedProps } from "./arbitraries";

const sgPolicy = resourcePolicy("ingress-no-internet-security-group");
const naclPolicy = resourcePolicy("ingress-no-internet-nacl");
const prefixPolicy = resourcePolicy("ingress-no-internet-prefix-list");
const lbPolicy = stackPolicy("ingress-public-only-via-load-balancer");

const COVERED: Record<string, string[]> = {
    "ingress-no-internet-security-group": [
        "aws:ec2/securityGroup:SecurityGroup",
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        "aws:ec2/securityGroupRule:SecurityGroupRule",
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        "aws-native:ec2:SecurityGroup",
        "aws-native:ec2:SecurityGroupIngress",
    ],
    "ingress-no-internet-nacl": [
        "aws:ec2/networkAcl:NetworkAcl",
        "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
        "aws:ec2/networkAclRule:NetworkAclRule",
    ],
    "ingress-no-internet-prefix-list": [
        "aws:ec2/managedPrefixList:ManagedPrefixList",
        "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry",
        "aws-native:ec2:PrefixList",
    ],
};

const KEYS = [
    "ingress",
    "egress",
    "securityGroupIngress",
    "type",
    "protocol",
    "ipProtocol",
    "fromPort",
    "toPort",
    "cidrBlocks",
    "ipv6CidrBlocks",
    "cidrIpv4",
    "cidrIpv6",
    "cidrIp",
    "cidrBlock",
    "ipv6CidrBlock",
    "action",
    "ruleAction",
    "ruleNo",
    "ruleNumber",
    "portRange",
    "icmp",
    "icmpType",
    "icmpCode",
    "entries",
    "cidr",
    "from",
    "to",
    "internal",
    "scheme",
    "loadBalancerType",
    "port",
    "defaultActions",
    "redirect",
    "redirectConfig",
    "securityGroups",
];

/** Values of the wrong type, nulls, numbers as strings, arrays where objects belong, and worse. */
const SEEDS: readonly unknown[] = [
    null,
    undefined,
    "",
    "-1",
    -1,
    "all",
    "tcp",
    "6",
    443,
    "443",
    65535,
    "0.0.0.0/0",
    "::/0",
    "0::/0",
    "deny",
    "egress",
    true,
    "true",
    NaN,
    Infinity,
];
const oddProps = malformedProps(SEEDS, KEYS);

describe("policy-pack properties", () => {
    for (const [name, types] of Object.entries(COVERED)) {
        it(`${name}: arbitrary malformed props never throw, for every covered type`, () => {
            const policy = resourcePolicy(name);
            fc.assert(
                fc.property(fc.constantFrom(...types), oddProps, (type, props) => {
                    const messages = check(policy, type, props);
                    // The guard would turn a throw into a message: that must not happen either.
                    assertEvaluated(messages);
                }),
                { numRuns: 400 },
            );
        });
    }

    it("ingress-public-only-via-load-balancer: arbitrary stacks of odd resources never throw", () => {
        const types = [
            ...Object.values(COVERED).flat(),
            "aws:lb/loadBalancer:LoadBalancer",
            "aws-native:elasticloadbalancingv2:LoadBalancer",
            "aws:lb/listener:Listener",
            "aws-native:elasticloadbalancingv2:Listener",
            "aws:ec2/instance:Instance",
        ];
        fc.assert(
            fc.property(
                fc.array(fc.tuple(fc.constantFrom(...types), oddProps, fc.array(fc.nat(), { maxLength: 3 }), fc.constantFrom(...KEYS)), {
                    maxLength: 8,
                }),
                (specs) => {
                    const resources = specs.map(([type, props], i) => resource(type, `r${i}`, (props ?? {}) as Record<string, unknown>));
                    specs.forEach(([, , links, key], i) => {
                        for (const link of links) {
                            if (resources.length > 0) {
                                dependsOnVia(resources[i], key, resources[link % resources.length]);
                            }
                        }
                    });
                    const found = checkStack(lbPolicy, resources);
                    assertEvaluated(found.map((f) => f.message));
                },
            ),
            { numRuns: 300 },
        );
    });

    it("readTraffic never throws on any protocol and port values", () => {
        fc.assert(fc.property(fc.anything(), fc.anything(), fc.anything(), (p, f, t) => void readTraffic(p, f, t)));
    });

    /** A random partition of the whole address space into CIDR blocks, written in odd ways. */
    function partition(bits: 32 | 128): fc.Arbitrary<string[]> {
        const format = (value: bigint, prefix: number): string => {
            if (bits === 32) {
                return [24n, 16n, 8n, 0n].map((s) => ((value >> s) & 255n).toString()).join(".") + `/${prefix}`;
            }
            const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
            return `${groups.join(":")}/${prefix}`;
        };
        return fc
            .array(fc.boolean(), { minLength: 64, maxLength: 64 })
            .chain((coins) => {
                // Split recursively, driven by the coins, to depth at most 6 (≤ 64 blocks).
                const blocks: [bigint, number][] = [];
                let coin = 0;
                const split = (start: bigint, prefix: number): void => {
                    if (prefix < 6 && coins[coin++ % coins.length]) {
                        const half = 1n << BigInt(bits - prefix - 1);
                        split(start, prefix + 1);
                        split(start + half, prefix + 1);
                    } else {
                        blocks.push([start, prefix]);
                    }
                };
                split(0n, 0);
                return fc.shuffledSubarray(blocks, { minLength: blocks.length, maxLength: blocks.length });
            })
            .chain((blocks) =>
                fc.tuple(
                    ...blocks.map(([start, prefix]) =>
                        fc.constantFrom(
                            format(start, prefix),
                            ` ${format(start, prefix)} `,
                            format(start, prefix).replace(`/${prefix}`, `/0${prefix}`),
                        ),
                    ),
                ),
            );
    }

    it("every set of IPv4 CIDRs whose union is 0.0.0.0/0 is caught (address math, SG rule, prefix list)", () => {
        fc.assert(
            fc.property(
                partition(32),
                fc.array(fc.constantFrom("10.0.0.0/8", "192.168.1.0/24", "52.1.2.0/24"), { maxLength: 3 }),
                (blocks, extra) => {
                    const cidrs = [...blocks, ...extra];
                    assert.equal(judgeSources(cidrs, { ipv4PublicPrefix: 0, ipv6PublicPrefix: 0 }).kind, "internet", cidrs.join(","));
                    assert.equal(
                        check(sgPolicy, "aws:ec2/securityGroupRule:SecurityGroupRule", {
                            type: "ingress",
                            protocol: "tcp",
                            fromPort: 22,
                            toPort: 22,
                            cidrBlocks: cidrs,
                        }).length,
                        1,
                    );
                    assert.equal(check(prefixPolicy, "aws-native:ec2:PrefixList", { entries: cidrs.map((cidr) => ({ cidr })) }).length, 1);
                },
            ),
            { numRuns: 200 },
        );
    });

    it("every set of IPv6 CIDRs whose union is ::/0 is caught", () => {
        fc.assert(
            fc.property(partition(128), (cidrs) => {
                assert.equal(judgeSources(cidrs, { ipv4PublicPrefix: 0, ipv6PublicPrefix: 0 }).kind, "internet", cidrs.join(","));
                assert.ok(
                    check(sgPolicy, "aws:ec2/securityGroup:SecurityGroup", {
                        ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: cidrs }],
                    }).length >= 1,
                );
                const entries = cidrs.map((c) => ({
                    action: "allow",
                    protocol: "-1",
                    fromPort: 0,
                    toPort: 0,
                    ipv6CidrBlock: c,
                    ruleNo: 1,
                }));
                assert.ok(check(naclPolicy, "aws:ec2/networkAcl:NetworkAcl", { ingress: entries }).length >= 1);
            }),
            { numRuns: 200 },
        );
    });

    it("no set of private (RFC 1918 / ULA) blocks is ever the internet", () => {
        const privateV4 = fc
            .tuple(fc.constantFrom(["10.0.0.0", 8], ["172.16.0.0", 12], ["192.168.0.0", 16] as const), fc.nat(16))
            .map(([[base, prefix], extra]) => `${base}/${Number(prefix) + Math.min(extra, 32 - Number(prefix))}`);
        const privateV6 = fc.integer({ min: 7, max: 64 }).map((prefix) => `fd00::/${prefix}`);
        fc.assert(
            fc.property(fc.array(fc.oneof(privateV4, privateV6), { maxLength: 20 }), (cidrs) => judgeSources(cidrs).kind === "bounded"),
        );
    });
});
