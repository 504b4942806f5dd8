import { strict as assert } from "assert";
import {
    checkStack,
    dependsOnVia,
    isUnknownValueError,
    PolicyResource,
    resource,
    stackPolicy,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const policy = stackPolicy("stack-vpc-flow-logs");

const VPC = "aws:ec2/vpc:Vpc";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const NATIVE_VPC = "aws-native:ec2:Vpc";
const NATIVE_FLOW_LOG = "aws-native:ec2:FlowLog";

function classicFlowLog(name: string, vpc: PolicyResource, props: Record<string, unknown> = {}): PolicyResource {
    return dependsOnVia(
        resource(FLOW_LOG, name, { vpcId: "vpc-x", trafficType: "ALL", logDestination: "arn:logs", ...props }),
        "vpcId",
        vpc,
    );
}

function nativeFlowLog(name: string, vpc: PolicyResource, props: Record<string, unknown> = {}): PolicyResource {
    return dependsOnVia(
        resource(NATIVE_FLOW_LOG, name, { resourceId: "vpc-x", resourceType: "VPC", trafficType: "ALL", ...props }),
        "resourceId",
        vpc,
    );
}

describe("stack-vpc-flow-logs", () => {
    describe("classic provider", () => {
        it("passes a VPC with an ALL-traffic flow log that depends on it through vpcId", () => {
            const vpc = resource(VPC, "main", { cidrBlock: "10.0.0.0/16" });
            assert.deepEqual(checkStack(policy, [vpc, classicFlowLog("fl", vpc)]), []);
        });

        it("fails a VPC without a flow log, and reports it on the VPC", () => {
            const vpc = resource(VPC, "main", { cidrBlock: "10.0.0.0/16" });
            const found = checkStack(policy, [vpc, resource("aws:ec2/subnet:Subnet", "s")]);
            assert.equal(found.length, 1);
            assert.equal(found[0].urn, vpc.urn);
            assert.match(found[0].message, /has no flow log/);
        });

        it("covers the default VPC adopted into the stack", () => {
            const vpc = resource("aws:ec2/defaultVpc:DefaultVpc", "default", {});
            assert.equal(checkStack(policy, [vpc]).length, 1);
            assert.deepEqual(checkStack(policy, [vpc, classicFlowLog("fl", vpc)]), []);
        });

        it("a flow log of another VPC, or on a subnet of this VPC, does not count", () => {
            const vpc = resource(VPC, "a");
            const other = resource(VPC, "b");
            const found = checkStack(policy, [vpc, other, classicFlowLog("fl-b", other)]);
            assert.deepEqual(
                found.map((f) => f.urn),
                [vpc.urn],
            );
            const subnet = dependsOnVia(resource("aws:ec2/subnet:Subnet", "s", { vpcId: "v" }), "vpcId", vpc);
            const subnetLog = dependsOnVia(resource(FLOW_LOG, "fl-s", { subnetId: "s", trafficType: "ALL" }), "subnetId", subnet);
            assert.equal(checkStack(policy, [vpc, subnet, subnetLog]).length, 1);
            // Even when it depends on the VPC (plain dependencies only), a subnet flow log is not a VPC flow log.
            const subnetLogOnVpc = resource(FLOW_LOG, "fl-s2", { subnetId: "s", trafficType: "ALL" });
            subnetLogOnVpc.dependencies.push(vpc);
            assert.equal(checkStack(policy, [vpc, subnetLogOnVpc]).length, 1);
        });

        it("fails REJECT-only, ACCEPT-only and unset traffic types by default", () => {
            const vpc = resource(VPC, "main");
            for (const trafficType of ["REJECT", "ACCEPT", undefined]) {
                const found = checkStack(policy, [vpc, classicFlowLog("fl", vpc, { trafficType })]);
                assert.equal(found.length, 1, String(trafficType));
                assert.match(found[0].message, /no flow log that records ALL traffic/);
            }
            assert.deepEqual(checkStack(policy, [vpc, classicFlowLog("fl", vpc, { trafficType: " all " })]), []);
        });

        it("passes REJECT-only when configured", () => {
            const vpc = resource(VPC, "main");
            const stack = [vpc, classicFlowLog("fl", vpc, { trafficType: "REJECT" })];
            assert.deepEqual(checkStack(policy, stack, { flowLogTrafficTypes: ["ALL", "REJECT"] }), []);
            assert.equal(checkStack(policy, stack, { flowLogTrafficTypes: ["ALL"] }).length, 1);
            assert.equal(checkStack(policy, stack, { flowLogTrafficTypes: "nonsense" }).length, 1, "odd config falls back to ALL");
        });

        it("one good flow log is enough next to a weaker one", () => {
            const vpc = resource(VPC, "main");
            assert.deepEqual(
                checkStack(policy, [vpc, classicFlowLog("rej", vpc, { trafficType: "REJECT" }), classicFlowLog("all", vpc)]),
                [],
            );
        });

        it("uses plain dependencies when the engine sent no property dependencies", () => {
            const vpc = resource(VPC, "main");
            const fl = resource(FLOW_LOG, "fl", { vpcId: "vpc-123", trafficType: "ALL" });
            fl.dependencies.push(vpc);
            assert.deepEqual(checkStack(policy, [vpc, fl]), []);
        });

        it("a flow log for a VPC outside the stack is out of scope", () => {
            assert.deepEqual(checkStack(policy, [resource(FLOW_LOG, "fl", { vpcId: "vpc-0abc", trafficType: "REJECT" })]), []);
        });
    });

    describe("aws-native provider", () => {
        it("passes a VPC with a resourceType VPC flow log through resourceId", () => {
            const vpc = resource(NATIVE_VPC, "main", { cidrBlock: "10.0.0.0/16" });
            assert.deepEqual(checkStack(policy, [vpc, nativeFlowLog("fl", vpc)]), []);
        });

        it("fails without a flow log, with a Subnet flow log, or with REJECT traffic", () => {
            const vpc = resource(NATIVE_VPC, "main");
            assert.equal(checkStack(policy, [vpc]).length, 1);
            assert.equal(checkStack(policy, [vpc, nativeFlowLog("fl", vpc, { resourceType: "Subnet" })]).length, 1);
            assert.equal(checkStack(policy, [vpc, nativeFlowLog("fl", vpc, { trafficType: "REJECT" })]).length, 1);
        });

        it("mixes providers: a classic flow log on a native VPC", () => {
            const vpc = resource(NATIVE_VPC, "main");
            assert.deepEqual(checkStack(policy, [vpc, classicFlowLog("fl", vpc)]), []);
        });
    });

    describe("preview", () => {
        it("an unknown vpcId links by dependency; an unknown traffic type is undecided", () => {
            const vpc = resource(VPC, "main", unknownCheckingProxy({ cidrBlock: UNKNOWN_STRING }));
            const fl = dependsOnVia(
                resource(FLOW_LOG, "fl", unknownCheckingProxy({ vpcId: UNKNOWN_STRING, trafficType: "ALL" })),
                "vpcId",
                vpc,
            );
            assert.deepEqual(checkStack(policy, [vpc, fl]), []);
            const unsure = dependsOnVia(
                resource(FLOW_LOG, "fl", unknownCheckingProxy({ vpcId: UNKNOWN_STRING, trafficType: UNKNOWN_STRING })),
                "vpcId",
                vpc,
            );
            assert.throws(() => checkStack(policy, [vpc, unsure]), isUnknownValueError);
        });

        it("a known missing flow log is reported even while another VPC is undecided", () => {
            const a = resource(VPC, "a");
            const b = resource(NATIVE_VPC, "b");
            const unsure = dependsOnVia(
                resource(NATIVE_FLOW_LOG, "fl", unknownCheckingProxy({ resourceType: UNKNOWN_STRING, trafficType: "ALL" })),
                "resourceId",
                b,
            );
            const found = checkStack(policy, [a, b, unsure]);
            assert.deepEqual(
                found.map((f) => f.urn),
                [a.urn],
            );
        });
    });
});
