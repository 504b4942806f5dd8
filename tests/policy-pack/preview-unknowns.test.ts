// Values unknown during preview, as the policy SDK presents them: a proxy that throws its
// UnknownValueError when an unknown value is read. Policies decide from known values and only let
// that error through (→ advisory "can't run during preview") when nothing known decides.

import { strict as assert } from "assert";
import {
    check,
    checkStack,
    dependsOnVia,
    isUnknownValueError,
    resource,
    resourcePolicy,
    stackPolicy,
    UNKNOWN_ARRAY,
    UNKNOWN_BOOLEAN,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const sgPolicy = resourcePolicy("ingress-no-internet-security-group");
const naclPolicy = resourcePolicy("ingress-no-internet-nacl");
const prefixPolicy = resourcePolicy("ingress-no-internet-prefix-list");
const lbPolicy = stackPolicy("ingress-public-only-via-load-balancer");
const SG = "aws:ec2/securityGroup:SecurityGroup";

function preview(props: Record<string, unknown>): Record<string, unknown> {
    return unknownCheckingProxy(props);
}

describe("policy-pack under preview (unknown values)", () => {
    it("never reads description or tags", () => {
        const props = preview({
            description: UNKNOWN_STRING,
            tags: UNKNOWN_OBJECT,
            name: UNKNOWN_STRING,
            vpcId: UNKNOWN_STRING,
            ingress: [],
        });
        assert.deepEqual(check(sgPolicy, SG, props), []);
    });

    it("reports a known violation even when another rule is unknown", () => {
        const props = preview({
            ingress: [
                { protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: [UNKNOWN_STRING] },
                { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] },
            ],
        });
        const messages = check(sgPolicy, SG, props);
        assert.equal(messages.length, 1);
        assert.match(messages[0], /ingress\[1\]/);
    });

    it("lets the SDK's unknown error through when an unknown source decides", () => {
        const props = preview({ ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: [UNKNOWN_STRING] }] });
        assert.throws(() => check(sgPolicy, SG, props), isUnknownValueError);
        assert.throws(() => check(sgPolicy, SG, preview({ ingress: UNKNOWN_ARRAY })), isUnknownValueError);
    });

    it("decides without the unknown when the known part already covers the internet", () => {
        const props = preview({ ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0", UNKNOWN_STRING] }] });
        assert.equal(check(sgPolicy, SG, props).length, 1);
    });

    it("passes public-port traffic with unknown sources at resource level", () => {
        const props = preview({ ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [UNKNOWN_STRING] }] });
        assert.deepEqual(check(sgPolicy, SG, props), []);
    });

    it("a separate rule whose type is unknown is undecided, not a violation", () => {
        const props = preview({
            type: UNKNOWN_STRING,
            securityGroupId: UNKNOWN_STRING,
            protocol: "tcp",
            fromPort: 22,
            toPort: 22,
            cidrBlocks: ["0.0.0.0/0"],
        });
        assert.throws(() => check(sgPolicy, "aws:ec2/securityGroupRule:SecurityGroupRule", props), isUnknownValueError);
        const egress = preview({
            type: "egress",
            securityGroupId: UNKNOWN_STRING,
            protocol: "-1",
            fromPort: 0,
            toPort: 0,
            cidrBlocks: [UNKNOWN_STRING],
        });
        assert.deepEqual(check(sgPolicy, "aws:ec2/securityGroupRule:SecurityGroupRule", egress), []);
    });

    it("NACL: unknown sources on allowed traffic pass; unknown action on open traffic is undecided", () => {
        const allowed = preview({
            networkAclId: UNKNOWN_STRING,
            ruleAction: "allow",
            protocol: "6",
            fromPort: 443,
            toPort: 443,
            cidrBlock: UNKNOWN_STRING,
        });
        assert.deepEqual(check(naclPolicy, "aws:ec2/networkAclRule:NetworkAclRule", allowed), []);
        const action = preview({ networkAclId: UNKNOWN_STRING, ruleAction: UNKNOWN_STRING, protocol: "-1", cidrBlock: "0.0.0.0/0" });
        assert.throws(() => check(naclPolicy, "aws:ec2/networkAclRule:NetworkAclRule", action), isUnknownValueError);
        const egress = preview({
            networkAclId: UNKNOWN_STRING,
            egress: UNKNOWN_BOOLEAN,
            ruleAction: "deny",
            protocol: "-1",
            cidrBlock: "0.0.0.0/0",
        });
        assert.deepEqual(check(naclPolicy, "aws:ec2/networkAclRule:NetworkAclRule", egress), []);
    });

    it("prefix list: a known world entry is reported despite unknown ones", () => {
        const props = preview({ entries: [{ cidr: UNKNOWN_STRING }, { cidr: "::/0" }] });
        assert.equal(check(prefixPolicy, "aws:ec2/managedPrefixList:ManagedPrefixList", props).length, 1);
        assert.throws(
            () => check(prefixPolicy, "aws:ec2/managedPrefixList:ManagedPrefixList", preview({ entries: [{ cidr: UNKNOWN_STRING }] })),
            isUnknownValueError,
        );
    });

    it("stack policy: links by dependencies while ids are unknown; an unknown LB scheme is undecided", () => {
        const sg = resource(
            SG,
            "alb-sg",
            preview({ ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }], vpcId: UNKNOWN_STRING }),
        );
        const lb = dependsOnVia(
            resource("aws:lb/loadBalancer:LoadBalancer", "alb", preview({ securityGroups: [UNKNOWN_STRING], arn: UNKNOWN_STRING })),
            "securityGroups",
            sg,
        );
        assert.deepEqual(checkStack(lbPolicy, [sg, lb]), []);
        const unsure = dependsOnVia(
            resource("aws:lb/loadBalancer:LoadBalancer", "alb", preview({ internal: UNKNOWN_BOOLEAN })),
            "securityGroups",
            sg,
        );
        assert.throws(() => checkStack(lbPolicy, [sg, unsure]), isUnknownValueError);
    });
});
