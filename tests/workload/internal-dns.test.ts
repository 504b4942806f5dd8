import * as assert from "assert";
import { InternalDns, type InternalDnsArgs } from "../../components/workload/internal-dns";
import { only, RecordingMocks } from "../network/recording-mocks";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";

const BASE: InternalDnsArgs = {
    environment: "staging",
    domain: "internal.staging.example.com",
    vpcId: "vpc-0123456789abcdef0",
    records: [
        { label: "orders", dnsName: "internal-orders-1.eu-west-1.elb.amazonaws.com", zoneId: "Z32O12XQLNTSW2" },
        { label: "timesheets", dnsName: "internal-timesheets-1.eu-west-1.elb.amazonaws.com", zoneId: "Z32O12XQLNTSW2" },
    ],
};

describe("InternalDns", () => {
    let mocks: RecordingMocks;
    let dns: InternalDns;
    before(async () => {
        mocks = RecordingMocks.install();
        dns = new InternalDns("internal", BASE);
        await mocks.settled();
    });

    it("answers in the environment's VPC only: a private hosted zone", () => {
        const zone = only(mocks, "aws:route53/zone:Zone");
        assert.deepStrictEqual(
            [zone.inputs.name, zone.inputs.vpcs],
            ["internal.staging.example.com", [{ vpcId: "vpc-0123456789abcdef0" }]],
        );
    });

    it("names each internal load balancer <label>.<domain>, an alias that follows its health", () => {
        const records = mocks.ofType("aws:route53/record:Record");
        assert.deepStrictEqual(
            records.map((r) => [r.inputs.name, r.inputs.type, r.inputs.aliases]),
            BASE.records.map((record) => [
                `${record.label}.internal.staging.example.com`,
                "A",
                [{ name: record.dnsName, zoneId: record.zoneId, evaluateTargetHealth: true }],
            ]),
        );
        assert.deepStrictEqual(dns.names, {
            orders: "orders.internal.staging.example.com",
            timesheets: "timesheets.internal.staging.example.com",
        });
    });

    it("refuses a bad domain, label or repeated label before declaring anything", async () => {
        await assertRefusedBeforeDeclaring(() => new InternalDns("x", { ...BASE, domain: "Internal" }), /InternalDns: domain: "Internal"/);
        await assertRefusedBeforeDeclaring(
            () => new InternalDns("x", { ...BASE, records: [{ ...BASE.records[0], label: "a.b" }] }),
            /InternalDns: records\[0\]\.label/,
        );
        await assertRefusedBeforeDeclaring(
            () => new InternalDns("x", { ...BASE, records: [BASE.records[0], BASE.records[0]] }),
            /InternalDns: records/,
        );
    });
});
