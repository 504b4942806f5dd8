import { strict as assert } from "assert";
import { check, resourcePolicy } from "./harness";

const policy = resourcePolicy("ingress-no-internet-nacl");

const NACL = "aws:ec2/networkAcl:NetworkAcl";
const DEFAULT_NACL = "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl";
const NACL_RULE = "aws:ec2/networkAclRule:NetworkAclRule";

interface Entry {
    action?: unknown;
    protocol: unknown;
    from?: unknown;
    to?: unknown;
    v4?: string;
    v6?: string;
    egress?: unknown;
}

const shapes: Record<string, (e: Entry) => Record<string, unknown>> = {
    [NACL]: (e) => ({
        vpcId: "vpc-1",
        [e.egress === true ? "egress" : "ingress"]: [
            {
                ruleNo: 100,
                action: e.action ?? "allow",
                protocol: e.protocol,
                fromPort: e.from ?? 0,
                toPort: e.to ?? 0,
                cidrBlock: e.v4,
                ipv6CidrBlock: e.v6,
            },
        ],
    }),
    [DEFAULT_NACL]: (e) => ({
        defaultNetworkAclId: "acl-1",
        [e.egress === true ? "egress" : "ingress"]: [
            {
                ruleNo: 100,
                action: e.action ?? "allow",
                protocol: e.protocol,
                fromPort: e.from ?? 0,
                toPort: e.to ?? 0,
                cidrBlock: e.v4,
                ipv6CidrBlock: e.v6,
            },
        ],
    }),
    [NACL_RULE]: (e) => ({
        networkAclId: "acl-1",
        ruleNumber: 100,
        egress: e.egress,
        ruleAction: e.action ?? "allow",
        protocol: e.protocol,
        fromPort: e.from,
        toPort: e.to,
        cidrBlock: e.v4,
        ipv6CidrBlock: e.v6,
    }),
};

describe("ingress-no-internet-nacl", () => {
    for (const [type, shape] of Object.entries(shapes)) {
        const run = (e: Entry, config: object = {}) => check(policy, type, shape(e), config);

        describe(type, () => {
            it("fails protocol all from the internet (IPv4 and IPv6), naming the entry", () => {
                const messages = run({ protocol: "-1", v4: "0.0.0.0/0" });
                assert.equal(messages.length, 1);
                assert.match(messages[0], /rule 100/);
                assert.match(messages[0], /all traffic/);
                assert.equal(run({ protocol: "-1", v6: "::/0" }).length, 1);
            });

            it("fails SSH and RDP from the internet", () => {
                assert.equal(run({ protocol: "6", from: 22, to: 22, v4: "0.0.0.0/0" }).length, 1);
                assert.equal(
                    run({ protocol: "6", from: 3389, to: 3389, v6: "0::/0" }).length,
                    0,
                    "3389 is inside the default ephemeral range",
                );
                assert.equal(run({ protocol: "6", from: 3389, to: 3389, v6: "0::/0" }, { ephemeralPortFrom: 32768 }).length, 1);
            });

            it("passes TCP 443 and 80 from the internet (public tier)", () => {
                assert.equal(run({ protocol: "6", from: 443, to: 443, v4: "0.0.0.0/0" }).length, 0);
                assert.equal(run({ protocol: "tcp", from: 80, to: 80, v6: "::/0" }).length, 0);
                assert.equal(run({ protocol: "6", from: 442, to: 442, v4: "0.0.0.0/0" }).length, 1);
                assert.equal(run({ protocol: "6", from: 444, to: 444, v4: "0.0.0.0/0" }).length, 1, "444 is neither public nor ephemeral");
            });

            it("passes TCP/UDP return traffic on the ephemeral range, but not wider", () => {
                assert.equal(run({ protocol: "6", from: 1024, to: 65535, v4: "0.0.0.0/0" }).length, 0);
                assert.equal(run({ protocol: "17", from: 1024, to: 65535, v4: "0.0.0.0/0" }).length, 0);
                assert.equal(run({ protocol: "6", from: 1023, to: 65535, v4: "0.0.0.0/0" }).length, 1);
                assert.equal(run({ protocol: "6", from: 0, to: 65535, v4: "0.0.0.0/0" }).length, 1);
                assert.equal(run({ protocol: "6", from: -1, to: -1, v4: "0.0.0.0/0" }).length, 1);
            });

            it("fails ICMP from the internet", () => {
                assert.equal(run({ protocol: "1", from: -1, to: -1, v4: "0.0.0.0/0" }).length, 1);
            });

            it("honours a configured ephemeral range", () => {
                assert.equal(
                    run({ protocol: "6", from: 1024, to: 65535, v4: "0.0.0.0/0" }, { ephemeralPortFrom: 32768, ephemeralPortTo: 65535 })
                        .length,
                    1,
                );
                assert.equal(
                    run({ protocol: "6", from: 32768, to: 65535, v4: "0.0.0.0/0" }, { ephemeralPortFrom: 32768, ephemeralPortTo: 65535 })
                        .length,
                    0,
                );
            });

            it("ignores deny entries (any case) and egress entries", () => {
                assert.equal(run({ action: "deny", protocol: "-1", v4: "0.0.0.0/0" }).length, 0);
                assert.equal(run({ action: "DENY", protocol: "-1", v4: "0.0.0.0/0" }).length, 0);
                assert.equal(run({ egress: true, protocol: "-1", v4: "0.0.0.0/0" }).length, 0);
            });

            it("passes private sources", () => {
                assert.equal(run({ protocol: "-1", v4: "10.0.0.0/8" }).length, 0);
            });
        });
    }

    it("an inline NACL: reports each open entry and nothing for deny/allowed ones", () => {
        const messages = check(policy, NACL, {
            ingress: [
                { ruleNo: 90, action: "deny", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 110, action: "allow", protocol: "tcp", fromPort: 1024, toPort: 65535, cidrBlock: "0.0.0.0/0" },
                { ruleNo: 120, action: "allow", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/1" },
                { ruleNo: 130, action: "allow", protocol: "all", fromPort: 0, toPort: 0, ipv6CidrBlock: "::/0" },
            ],
        });
        assert.equal(messages.length, 2);
        assert.match(messages[0], /rule 120/);
        assert.match(messages[1], /rule 130/);
    });
});
