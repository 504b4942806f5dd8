import { strict as assert } from "assert";
import { parsePortRange, parseProtocol, rangeWithinPorts, readTraffic } from "../../policy-pack/network/protocols";

describe("policy-pack network/protocols", () => {
    it("reads every spelling AWS accepts", () => {
        const cases: [unknown, string][] = [
            ["-1", "all"],
            [-1, "all"],
            ["all", "all"],
            ["ALL", "all"],
            [" All ", "all"],
            ["tcp", "tcp"],
            ["TCP", "tcp"],
            ["6", "tcp"],
            [6, "tcp"],
            ["udp", "udp"],
            ["17", "udp"],
            [17, "udp"],
            ["icmp", "icmp"],
            ["1", "icmp"],
            ["icmpv6", "icmpv6"],
            ["58", "icmpv6"],
            [58, "icmpv6"],
            ["50", "other"],
            [47, "other"],
        ];
        for (const [raw, kind] of cases) {
            assert.equal(parseProtocol(raw)?.kind, kind, JSON.stringify(raw));
        }
    });

    it("rejects what is not a protocol", () => {
        for (const raw of ["", "tcpp", "256", -2, 6.5, null, undefined, {}, []]) {
            assert.equal(parseProtocol(raw), undefined, JSON.stringify(raw));
        }
    });

    it("normalises port ranges: -1 and absent mean all, single ends, swapped ends, strings", () => {
        assert.deepEqual(parsePortRange(-1, -1), { from: 0, to: 65535 });
        assert.deepEqual(parsePortRange(undefined, undefined), { from: 0, to: 65535 });
        assert.deepEqual(parsePortRange("443", "443"), { from: 443, to: 443 });
        assert.deepEqual(parsePortRange(443, undefined), { from: 443, to: 443 });
        assert.deepEqual(parsePortRange(444, 442), { from: 442, to: 444 });
        assert.deepEqual(parsePortRange("x", 22), { from: 0, to: 65535 });
        assert.deepEqual(parsePortRange(0, 70000), { from: 0, to: 65535 });
    });

    it("ignores ports for protocol all and for non-TCP/UDP protocols", () => {
        assert.equal(readTraffic("-1", 443, 443).ports, undefined);
        assert.equal(readTraffic("50", 443, 443).ports, undefined);
        assert.deepEqual(readTraffic("tcp", 443, 443).ports, { from: 443, to: 443 });
        assert.match(readTraffic("bogus", 1, 1).label, /treated as all traffic/);
        assert.equal(readTraffic("bogus", 1, 1).protocol.kind, "all");
    });

    it("checks ranges against a port set", () => {
        const ports = new Set([443, 80]);
        assert.ok(rangeWithinPorts({ from: 443, to: 443 }, ports));
        assert.ok(!rangeWithinPorts({ from: 442, to: 443 }, ports));
        assert.ok(!rangeWithinPorts({ from: 80, to: 443 }, ports));
        assert.ok(!rangeWithinPorts({ from: 0, to: 65535 }, ports));
    });
});
