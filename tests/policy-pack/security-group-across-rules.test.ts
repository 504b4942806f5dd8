import { strict as assert } from "assert";
import {
    checkStack,
    dependsOnVia,
    isUnknownValueError,
    type PolicyResource,
    resource,
    stackPolicy,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

// ingress-no-internet-across-security-group-rules: one group's ingress gathered across resources.

const policy = stackPolicy("ingress-no-internet-across-security-group-rules");
const SG = "aws:ec2/securityGroup:SecurityGroup";
const VPC_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EC2_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
// Each a public /9 (under the /8 limit alone), together wider than a /8.
const PARTS = ["11.0.0.0/9", "11.128.0.0/9", "12.0.0.0/9"];

const rule = (name: string, cidrIpv4: unknown, props: Record<string, unknown> = {}) =>
    resource(VPC_RULE, name, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4, ...props });

/** A rule on `group` whose CIDR is unknown during preview. */
const unknownSourceOn = (group: PolicyResource) =>
    dependsOnVia(
        resource(VPC_RULE, "unknown", unknownCheckingProxy({ ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: UNKNOWN_STRING })),
        "securityGroupId",
        group,
    );

describe("ingress-no-internet-across-security-group-rules", () => {
    it("fails a group whose separate rules add up to the internet, on the group, naming every part", () => {
        const sg = resource(SG, "sg", { vpcId: "vpc-1" });
        const rules = PARTS.map((cidr, i) => dependsOnVia(rule(`r${i}`, cidr), "securityGroupId", sg));
        const found = checkStack(policy, [sg, ...rules]);
        assert.equal(found.length, 1);
        assert.equal(found[0].urn, sg.urn);
        assert.match(found[0].message, /split over 3 resources/);
        assert.match(found[0].message, /"r0".*"r1".*"r2"/);
        assert.match(found[0].message, /public in all but name/);
    });

    it("links a rule to a declared group by the group's literal id or name, across providers", () => {
        const sg = resource(SG, "sg", { id: "sg-0123456789abcdef0", name: "app" });
        const byId = rule("by-id", PARTS[0], { securityGroupId: "sg-0123456789abcdef0" });
        const native = resource("aws-native:ec2:SecurityGroupIngress", "by-name", {
            groupName: "app",
            ipProtocol: "tcp",
            fromPort: 22,
            toPort: 22,
            cidrIp: PARTS[1],
        });
        const ec2 = resource(EC2_RULE, "ec2", {
            type: "ingress",
            securityGroupId: " sg-0123456789abcdef0 ",
            protocol: "6",
            fromPort: 22,
            toPort: 22,
            cidrBlocks: [PARTS[2]],
        });
        const found = checkStack(policy, [sg, byId, native, ec2]);
        assert.equal(found.length, 1);
        assert.equal(found[0].urn, sg.urn);
    });

    it("judges rules on a group outside the stack together when they name the same literal id", () => {
        const rules = PARTS.map((cidr, i) => rule(`r${i}`, cidr, { securityGroupId: "sg-0fedcba9876543210" }));
        const found = checkStack(policy, rules);
        assert.equal(found.length, 1);
        assert.equal(found[0].urn, rules[0].urn);
        assert.match(found[0].message, /sg-0fedcba9876543210 \(not declared in this stack\)/);
        const elsewhere = PARTS.map((cidr, i) => rule(`r${i}`, cidr, { securityGroupId: `sg-0fedcba987654321${i}` }));
        assert.deepEqual(checkStack(policy, elsewhere), [], "rules on different groups do not add up");
    });

    it("leaves to the resource policy what one resource fails alone, public ports to the load-balancer policy, and egress alone", () => {
        const sg = resource(SG, "sg", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] });
        const narrow = dependsOnVia(rule("narrow", "10.0.0.0/8"), "securityGroupId", sg);
        assert.deepEqual(checkStack(policy, [sg, narrow]), []);
        const lbGroup = resource(SG, "lb", {});
        const https = PARTS.map((cidr, i) =>
            dependsOnVia(rule(`https${i}`, cidr, { fromPort: 443, toPort: 443 }), "securityGroupId", lbGroup),
        );
        assert.deepEqual(checkStack(policy, [lbGroup, ...https]), []);
        const egress = PARTS.map((cidr, i) =>
            dependsOnVia(
                resource(EC2_RULE, `out${i}`, { type: "egress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: [cidr] }),
                "securityGroupId",
                lbGroup,
            ),
        );
        assert.deepEqual(checkStack(policy, [lbGroup, ...egress]), []);
    });

    it("mixes the group's inline rules with its separate rules", () => {
        const sg = resource(SG, "sg", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [PARTS[0]] }] });
        const rules = PARTS.slice(1).map((cidr, i) => dependsOnVia(rule(`r${i}`, cidr), "securityGroupId", sg));
        assert.match(checkStack(policy, [sg, ...rules])[0].message, /aws:ec2\/securityGroup:SecurityGroup "sg" ingress\[0\]/);
        assert.deepEqual(checkStack(policy, [sg, rules[0]]), [], "two /9s are still narrower than a /8");
    });

    describe("preview", () => {
        it("is undecided when a rule's group is unknown and it has sources, or a part of a group is unknown", () => {
            const unattributed = resource(
                VPC_RULE,
                "r",
                unknownCheckingProxy({ ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: PARTS[0], securityGroupId: UNKNOWN_STRING }),
            );
            assert.throws(() => checkStack(policy, [unattributed]), isUnknownValueError);
            const sg = resource(SG, "sg", {});
            const known = dependsOnVia(rule("known", PARTS[0]), "securityGroupId", sg);
            const unknown = unknownSourceOn(sg);
            assert.throws(() => checkStack(policy, [sg, known, unknown]), isUnknownValueError);
        });

        it("decides from known values: a known union that is the internet is reported despite an unknown part", () => {
            const sg = resource(SG, "sg", {});
            const rules = PARTS.map((cidr, i) => dependsOnVia(rule(`r${i}`, cidr), "securityGroupId", sg));
            const unknown = unknownSourceOn(sg);
            assert.equal(checkStack(policy, [sg, ...rules, unknown]).length, 1);
        });

        it("a rule whose group is unknown but that admits only security groups is decided", () => {
            const bySource = resource(
                VPC_RULE,
                "r",
                unknownCheckingProxy({
                    ipProtocol: "tcp",
                    fromPort: 22,
                    toPort: 22,
                    referencedSecurityGroupId: UNKNOWN_STRING,
                    securityGroupId: UNKNOWN_STRING,
                }),
            );
            assert.deepEqual(checkStack(policy, [bySource]), []);
        });
    });
});
