import { strict as assert } from "assert";
import {
    assertEvaluated,
    check,
    isUnknownValueError,
    resourcePolicy,
    UNKNOWN_ARRAY,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

// ingress-no-internet-lightsail-instance: Lightsail firewalls, both providers.

const policy = resourcePolicy("ingress-no-internet-lightsail-instance");
const PORTS = "aws:lightsail/instancePublicPorts:InstancePublicPorts";
const NATIVE = "aws-native:lightsail:Instance";

const classic = (...portInfos: unknown[]) => ({ instanceName: "web", portInfos });
const native = (...ports: unknown[]) => ({ blueprintId: "amazon_linux_2023", bundleId: "nano_3_0", networking: { ports } });

describe("ingress-no-internet-lightsail-instance", () => {
    it("reads a port without cidrs, ipv6Cidrs or cidrListAliases as open to any IPv4 address", () => {
        const found = check(policy, PORTS, classic({ protocol: "tcp", fromPort: 22, toPort: 22 }));
        assert.equal(found.length, 1);
        assert.match(found[0], /portInfos\[0\] \(no cidrs, ipv6Cidrs or cidrListAliases: open to any IPv4 address\) admits tcp 22/);
        assert.match(found[0], /0\.0\.0\.0\/0 is the whole IPv4 internet/);
    });

    it("refuses public ports too: no load balancer stands in front of the instance", () => {
        assert.equal(check(policy, PORTS, classic({ protocol: "tcp", fromPort: 443, toPort: 443, cidrs: ["0.0.0.0/0"] })).length, 1);
        assert.equal(check(policy, PORTS, classic({ protocol: "tcp", fromPort: 80, toPort: 80, ipv6Cidrs: ["::/0"] })).length, 1);
    });

    it("passes narrow CIDRs and the lightsail-connect alias, and an IPv6-only rule does not open IPv4", () => {
        assert.deepEqual(
            check(
                policy,
                PORTS,
                classic(
                    { protocol: "tcp", fromPort: 22, toPort: 22, cidrListAliases: ["lightsail-connect"] },
                    { protocol: "tcp", fromPort: 443, toPort: 443, cidrs: ["198.51.100.0/24"] },
                    { protocol: "tcp", fromPort: 8443, toPort: 8443, ipv6Cidrs: ["2001:db8::/48"] },
                ),
            ),
            [],
        );
    });

    it("adds up narrow rules of one resource ('taken together')", () => {
        const parts = ["11.0.0.0/9", "11.128.0.0/9", "12.0.0.0/9"].map((cidr) => ({
            protocol: "tcp",
            fromPort: 22,
            toPort: 22,
            cidrs: [cidr],
        }));
        assert.match(check(policy, PORTS, classic(...parts))[0], /taken together/);
    });

    it("reads the aws-native instance's networking ports, inbound only, protocol all as every port", () => {
        const found = check(policy, NATIVE, native({ protocol: "all", fromPort: 0, toPort: 65535, cidrs: ["0.0.0.0/0"] }));
        assert.match(found[0], /networking\.ports\[0\] admits all traffic/);
        assert.deepEqual(
            check(policy, NATIVE, native({ protocol: "tcp", fromPort: 22, toPort: 22, cidrs: ["0.0.0.0/0"], accessDirection: "outbound" })),
            [],
        );
        assert.deepEqual(check(policy, NATIVE, { blueprintId: "amazon_linux_2023", bundleId: "nano_3_0" }), []);
    });

    it("decides malformed input without an exception", () => {
        for (const props of [classic("x", null, 7), { portInfos: "nonsense" }, { networking: "x" }, native({ cidrs: "0.0.0.0/0" })]) {
            assertEvaluated(check(policy, PORTS, props));
            assertEvaluated(check(policy, NATIVE, props));
        }
        assert.equal(check(policy, PORTS, classic({ protocol: "tcp", fromPort: 22, toPort: 22, cidrs: ["not-a-cidr"] })).length, 1);
    });

    it("under preview: decides from known values, and is undecided when an unknown could open a port", () => {
        assert.throws(() => check(policy, PORTS, unknownCheckingProxy({ portInfos: UNKNOWN_ARRAY })), isUnknownValueError);
        assert.throws(
            () =>
                check(policy, PORTS, unknownCheckingProxy(classic({ protocol: "tcp", fromPort: 22, toPort: 22, cidrs: [UNKNOWN_STRING] }))),
            isUnknownValueError,
        );
        const mixed = unknownCheckingProxy(
            classic(
                { protocol: "tcp", fromPort: 22, toPort: 22, cidrs: [UNKNOWN_STRING] },
                { protocol: "tcp", fromPort: 3389, toPort: 3389 },
            ),
        );
        assert.equal(check(policy, PORTS, mixed).length, 1);
    });
});
