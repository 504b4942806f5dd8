import { strict as assert } from "assert";
import { checkStack, dependsOnVia, PolicyResource, resource, stackPolicy, UNKNOWN_STRING, unknownCheckingProxy } from "./harness";

// ingress-public-only-via-load-balancer when resources name a group by a literal id or name (a
// stack policy sees outputs, so an existing group's id is known), and public-port rules that
// admit the internet only taken together.

const policy = stackPolicy("ingress-public-only-via-load-balancer");
const SG = "aws:ec2/securityGroup:SecurityGroup";
const INSTANCE = "aws:ec2/instance:Instance";
const ID = "sg-0a1b2c3d4e5f60718";

const https = { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] };

function lbGroup(props: Record<string, unknown> = {}): [PolicyResource, PolicyResource] {
    const sg = resource(SG, "lb-sg", { id: ID, name: "lb-sg-7d2c", ingress: [https], ...props });
    const lb = dependsOnVia(resource("aws:lb/loadBalancer:LoadBalancer", "alb", { securityGroups: [ID] }), "securityGroups", sg);
    return [sg, lb];
}

describe("ingress-public-only-via-load-balancer: literal ids and names", () => {
    it("counts a resource that names the group's id anywhere in its properties as a user", () => {
        const found = checkStack(policy, [...lbGroup(), resource(INSTANCE, "web", { vpcSecurityGroupIds: [` ${ID}`] })]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /also used by aws:ec2\/instance:Instance "web"/);
        const nested = resource("aws:ec2/launchTemplate:LaunchTemplate", "lt", { networkInterfaces: [{ securityGroups: [ID] }] });
        assert.equal(checkStack(policy, [...lbGroup(), nested]).length, 1);
    });

    it("counts the group's name only where EC2 takes group names", () => {
        assert.equal(checkStack(policy, [...lbGroup(), resource(INSTANCE, "legacy", { securityGroups: ["lb-sg-7d2c"] })]).length, 1);
        assert.equal(
            checkStack(policy, [
                ...lbGroup(),
                resource("aws:ec2/launchTemplate:LaunchTemplate", "lt", { securityGroupNames: ["lb-sg-7d2c"] }),
            ]).length,
            1,
        );
        const namesake = resource("aws:ssm/parameter:Parameter", "p", { name: "lb-sg-7d2c", value: "lb-sg-7d2c", tags: { Group: ID } });
        assert.deepEqual(checkStack(policy, [...lbGroup(), namesake]), []);
    });

    it("does not count the VPC's default-group output, other providers, components or rules naming the id", () => {
        const vpc = resource("aws:ec2/vpc:Vpc", "vpc", { defaultSecurityGroupId: ID });
        const nativeVpc = resource("aws-native:ec2:Vpc", "vpc2", { defaultSecurityGroup: ID });
        const component = resource("zero-trust:network:ThreeTierVpc", "net", { loadBalancerSecurityGroupId: ID });
        const stack = resource("pulumi:pulumi:Stack", "stack", { outputs: { lb: ID } });
        const appRule = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "app-in", {
            securityGroupId: "sg-0999999999999999a",
            referencedSecurityGroupId: ID,
            ipProtocol: "tcp",
            fromPort: 8080,
            toPort: 8080,
        });
        assert.deepEqual(checkStack(policy, [...lbGroup(), vpc, nativeVpc, component, stack, appRule]), []);
    });

    it("links a rule that names a declared group's id literally to that group (no longer 'not declared')", () => {
        const [sg, lb] = lbGroup({ ingress: [] });
        const rule = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "https", {
            securityGroupId: ID,
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: "0.0.0.0/0",
        });
        assert.deepEqual(checkStack(policy, [sg, lb, rule]), []);
        const found = checkStack(policy, [sg, lb, rule, resource(INSTANCE, "web", { vpcSecurityGroupIds: [ID] })]);
        assert.equal(found.length, 1);
        assert.equal(found[0].urn, rule.urn);
    });

    it("fails a public-port rule that names no group at all (fail closed)", () => {
        const rule = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "https", {
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: "0.0.0.0/0",
        });
        const found = checkStack(policy, [...lbGroup(), rule]);
        assert.equal(found.length, 1);
        assert.equal(found[0].urn, rule.urn);
        assert.match(found[0].message, /not linked to this rule/);
    });

    it("matches aws-native groups by groupId", () => {
        const sg = resource("aws-native:ec2:SecurityGroup", "lb-sg", {
            groupId: ID,
            securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "::/0" }],
        });
        const lb = resource("aws-native:elasticloadbalancingv2:LoadBalancer", "lb", { securityGroups: [ID] });
        assert.deepEqual(checkStack(policy, [sg, lb]), []);
        assert.equal(checkStack(policy, [sg, lb, resource("aws-native:ec2:Instance", "web", { securityGroupIds: [ID] })]).length, 1);
    });

    it("under preview, a group whose id is unknown (being created) is matched by no literal", () => {
        const sg = resource(SG, "lb-sg", unknownCheckingProxy({ id: UNKNOWN_STRING, ingress: [https] }));
        const lb = dependsOnVia(resource("aws:lb/loadBalancer:LoadBalancer", "alb", {}), "securityGroups", sg);
        assert.deepEqual(checkStack(policy, [sg, lb, resource(INSTANCE, "web", { vpcSecurityGroupIds: [ID] })]), []);
    });
});

describe("ingress-public-only-via-load-balancer: public-port rules that admit the internet only together", () => {
    const parts = ["11.0.0.0/9", "11.128.0.0/9", "12.0.0.0/9"];
    const spread = () => resource(SG, "web-sg", { ingress: parts.map((cidr) => ({ ...https, cidrBlocks: [cidr] })) });

    it("fails on a group used by an instance, reported on the group, naming every part", () => {
        const sg = spread();
        const found = checkStack(policy, [sg, dependsOnVia(resource(INSTANCE, "web", {}), "vpcSecurityGroupIds", sg)]);
        assert.equal(found.length, 1);
        assert.equal(found[0].urn, sg.urn);
        assert.match(found[0].message, /taken together, .*ingress\[0\].*ingress\[1\].*ingress\[2\].* admit the internet/);
    });

    it("passes on a group used only by an internet-facing load balancer; two parts under the limit are no exposure", () => {
        const sg = spread();
        assert.deepEqual(
            checkStack(policy, [sg, dependsOnVia(resource("aws:lb/loadBalancer:LoadBalancer", "alb", {}), "securityGroups", sg)]),
            [],
        );
        const two = resource(SG, "two", { ingress: parts.slice(0, 2).map((cidr) => ({ ...https, cidrBlocks: [cidr] })) });
        assert.deepEqual(checkStack(policy, [two, dependsOnVia(resource(INSTANCE, "web", {}), "vpcSecurityGroupIds", two)]), []);
    });

    it("gathers public-port parts across separate rules too", () => {
        const sg = resource(SG, "web-sg", {});
        const rules = parts.map((cidr, i) =>
            dependsOnVia(
                resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", `r${i}`, {
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    cidrIpv4: cidr,
                }),
                "securityGroupId",
                sg,
            ),
        );
        assert.match(checkStack(policy, [sg, ...rules])[0].message, /no internet-facing load balancer/);
    });
});
