import { strict as assert } from "assert";
import { checkStack, dependsOnVia, PolicyResource, resource, stackPolicy } from "./harness";

const policy = stackPolicy("ingress-public-only-via-load-balancer");

const world = (port: number) => ({ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] });

function classicSg(name: string, ...ports: number[]): PolicyResource {
    return resource("aws:ec2/securityGroup:SecurityGroup", name, { vpcId: "vpc-1", ingress: ports.map(world) });
}

function classicLb(
    name: string,
    sg: PolicyResource,
    props: Record<string, unknown> = {},
    type = "aws:lb/loadBalancer:LoadBalancer",
): PolicyResource {
    return dependsOnVia(
        resource(type, name, { loadBalancerType: "application", securityGroups: ["sg-unknown"], subnets: ["s-1"], ...props }),
        "securityGroups",
        sg,
    );
}

function classicListener(
    name: string,
    lb: PolicyResource,
    port: number,
    defaultActions: unknown[],
    type = "aws:lb/listener:Listener",
): PolicyResource {
    return dependsOnVia(resource(type, name, { port, protocol: port === 443 ? "HTTPS" : "HTTP", defaultActions }), "loadBalancerArn", lb);
}

const redirectToHttps = [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }];
const forward = [{ type: "forward", targetGroupArn: "arn:tg" }];

describe("ingress-public-only-via-load-balancer", () => {
    describe("classic provider", () => {
        it("passes TCP 443 from the internet on a group used only by an internet-facing ALB", () => {
            const sg = classicSg("alb-sg", 443);
            const lb = classicLb("alb", sg);
            assert.deepEqual(checkStack(policy, [sg, lb, classicListener("https", lb, 443, forward)]), []);
        });

        it("also follows aws:alb aliases and network load balancers", () => {
            const sg = classicSg("nlb-sg", 443);
            const lb = classicLb("nlb", sg, { loadBalancerType: "network" }, "aws:alb/loadBalancer:LoadBalancer");
            assert.deepEqual(checkStack(policy, [sg, lb]), []);
        });

        it("fails when the same group is also attached to an instance", () => {
            const sg = classicSg("alb-sg", 443);
            const lb = classicLb("alb", sg);
            const instance = dependsOnVia(
                resource("aws:ec2/instance:Instance", "web", { vpcSecurityGroupIds: ["sg"] }),
                "vpcSecurityGroupIds",
                sg,
            );
            const found = checkStack(policy, [sg, lb, instance]);
            assert.equal(found.length, 1);
            assert.match(found[0].message, /aws:ec2\/instance:Instance "web"/);
            assert.match(found[0].message, /tcp 443/);
            assert.equal(found[0].urn, sg.urn);
        });

        it("fails when the group is used by an internal load balancer", () => {
            const sg = classicSg("alb-sg", 443);
            const lb = classicLb("alb", sg, { internal: true });
            const found = checkStack(policy, [sg, lb]);
            assert.equal(found.length, 1);
            assert.match(found[0].message, /internal load balancer/);
        });

        it("fails for a gateway load balancer", () => {
            const sg = classicSg("gwlb-sg", 443);
            assert.equal(checkStack(policy, [sg, classicLb("gwlb", sg, { loadBalancerType: "gateway" })]).length, 1);
        });

        it("fails when no internet-facing load balancer uses the group", () => {
            const found = checkStack(policy, [classicSg("lonely", 443)]);
            assert.equal(found.length, 1);
            assert.match(found[0].message, /no internet-facing load balancer/);
        });

        it("passes port 80 when the load balancer's listener on 80 redirects to HTTPS", () => {
            const sg = classicSg("alb-sg", 443, 80);
            const lb = classicLb("alb", sg);
            assert.deepEqual(
                checkStack(policy, [sg, lb, classicListener("https", lb, 443, forward), classicListener("http", lb, 80, redirectToHttps)]),
                [],
            );
            const albListener = classicListener(
                "http",
                lb,
                80,
                [{ type: "Redirect", redirect: { protocol: "https", statusCode: "HTTP_302" } }],
                "aws:alb/listener:Listener",
            );
            assert.deepEqual(checkStack(policy, [sg, lb, albListener]), []);
        });

        it("fails port 80 without a redirect listener, or with one that forwards or redirects to HTTP", () => {
            const sg = classicSg("alb-sg", 443, 80);
            const lb = classicLb("alb", sg);
            assert.match(checkStack(policy, [sg, lb, classicListener("https", lb, 443, forward)])[0].message, /no listener on port 80/);
            assert.equal(checkStack(policy, [sg, lb, classicListener("http", lb, 80, forward)]).length, 1);
            assert.equal(
                checkStack(policy, [
                    sg,
                    lb,
                    classicListener("http", lb, 80, [{ type: "redirect", redirect: { protocol: "HTTP", statusCode: "HTTP_301" } }]),
                ]).length,
                1,
            );
            // A redirect listener on 80 of ANOTHER load balancer does not count.
            const other = classicLb("other", classicSg("other-sg"));
            assert.equal(checkStack(policy, [sg, lb, other, classicListener("http", other, 80, redirectToHttps)]).length, 1);
        });

        it("follows separate rule resources to their group (securityGroupId)", () => {
            const sg = resource("aws:ec2/securityGroup:SecurityGroup", "alb-sg", { vpcId: "vpc-1" });
            const rule = dependsOnVia(
                resource("aws:ec2/securityGroupRule:SecurityGroupRule", "https-in", {
                    type: "ingress",
                    securityGroupId: "sg",
                    ...world(443),
                }),
                "securityGroupId",
                sg,
            );
            const vpcRule = dependsOnVia(
                resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "https-in6", {
                    securityGroupId: "sg",
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    cidrIpv6: "::/0",
                }),
                "securityGroupId",
                sg,
            );
            const lb = classicLb("alb", sg);
            assert.deepEqual(checkStack(policy, [sg, rule, vpcRule, lb]), []);
            const lambda = dependsOnVia(resource("aws:lambda/function:Function", "fn", {}), "vpcConfig", sg);
            const found = checkStack(policy, [sg, rule, vpcRule, lb, lambda]);
            assert.equal(found.length, 2);
            assert.deepEqual(found.map((f) => f.urn).sort(), [rule.urn, vpcRule.urn].sort());
        });

        it("fails a public-port rule whose group is not linked by a dependency (literal or foreign id)", () => {
            const rule = resource("aws:ec2/securityGroupRule:SecurityGroupRule", "https-in", {
                type: "ingress",
                securityGroupId: "sg-0123",
                ...world(443),
            });
            rule.propertyDependencies = { protocol: [] };
            const found = checkStack(policy, [rule]);
            assert.equal(found.length, 1);
            assert.match(found[0].message, /not declared in this stack/);
        });

        it("does not count groups that merely reference the LB group as a source as its users", () => {
            const sg = classicSg("alb-sg", 443);
            const lb = classicLb("alb", sg);
            const appSg = dependsOnVia(
                resource("aws:ec2/securityGroup:SecurityGroup", "app-sg", {
                    ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: ["sg"] }],
                }),
                "ingress",
                sg,
            );
            const appRule = dependsOnVia(
                resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "app-in", {
                    ipProtocol: "tcp",
                    fromPort: 8080,
                    toPort: 8080,
                }),
                "referencedSecurityGroupId",
                sg,
            );
            assert.deepEqual(checkStack(policy, [sg, lb, appSg, appRule]), []);
        });

        it("uses plain dependencies when the engine sent no property dependencies", () => {
            const sg = classicSg("alb-sg", 443);
            const lb = resource("aws:lb/loadBalancer:LoadBalancer", "alb", { securityGroups: ["sg"] });
            lb.dependencies.push(sg);
            assert.deepEqual(checkStack(policy, [sg, lb]), []);
            const instance = resource("aws:ec2/instance:Instance", "web", {});
            instance.dependencies.push(sg);
            assert.equal(checkStack(policy, [sg, lb, instance]).length, 1);
        });

        it("ignores groups without internet ingress and unrelated resources", () => {
            const sg = resource("aws:ec2/securityGroup:SecurityGroup", "app-sg", {
                ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"] }],
            });
            const instance = dependsOnVia(resource("aws:ec2/instance:Instance", "web", {}), "vpcSecurityGroupIds", sg);
            assert.deepEqual(
                checkStack(policy, [sg, instance, resource("aws:s3/bucket:Bucket", "b"), resource("gcp:compute/firewall:Firewall", "f")]),
                [],
            );
        });

        it("leaves non-public ports to the resource policy (no double report)", () => {
            const sg = classicSg("ssh", 22);
            assert.deepEqual(checkStack(policy, [sg]), []);
        });

        it("honours configured public ports and redirect ports", () => {
            const sg = classicSg("alb-sg", 8443);
            assert.equal(
                checkStack(policy, [sg, classicLb("alb", sg)]).length,
                0,
                "8443 is not a public port by default: the resource policy's job",
            );
            assert.equal(checkStack(policy, [sg], { publicPorts: [8443] }).length, 1);
            assert.equal(checkStack(policy, [sg, classicLb("alb", sg)], { publicPorts: [8443] }).length, 0);
            const sg80 = classicSg("alb-sg", 80);
            const lb = classicLb("alb", sg80);
            assert.equal(checkStack(policy, [sg80, lb], { httpsRedirectPorts: [] }).length, 0);
        });
    });

    describe("aws-native provider", () => {
        function nativeSg(name: string, ...ports: number[]): PolicyResource {
            return resource("aws-native:ec2:SecurityGroup", name, {
                groupDescription: "lb",
                securityGroupIngress: ports.map((p) => ({ ipProtocol: "tcp", fromPort: p, toPort: p, cidrIp: "0.0.0.0/0" })),
            });
        }
        function nativeLb(name: string, sg: PolicyResource, props: Record<string, unknown> = {}): PolicyResource {
            return dependsOnVia(
                resource("aws-native:elasticloadbalancingv2:LoadBalancer", name, { securityGroups: ["sg"], ...props }),
                "securityGroups",
                sg,
            );
        }
        function nativeListener(name: string, lb: PolicyResource, port: number, defaultActions: unknown[]): PolicyResource {
            return dependsOnVia(
                resource("aws-native:elasticloadbalancingv2:Listener", name, { port, defaultActions }),
                "loadBalancerArn",
                lb,
            );
        }

        it("passes 443 and 80-with-redirect on an internet-facing LB (scheme absent or explicit)", () => {
            const sg = nativeSg("lb-sg", 443, 80);
            const lb = nativeLb("lb", sg, { scheme: "internet-facing" });
            const http = nativeListener("http", lb, 80, [
                { type: "redirect", redirectConfig: { protocol: "HTTPS", statusCode: "HTTP_301" } },
            ]);
            assert.deepEqual(checkStack(policy, [sg, lb, http]), []);
            const sg2 = nativeSg("lb2-sg", 443);
            assert.deepEqual(checkStack(policy, [sg2, nativeLb("lb2", sg2, { type: "network" })]), []);
        });

        it("fails on an internal scheme, and 80 without a redirect", () => {
            const sg = nativeSg("lb-sg", 443);
            assert.match(checkStack(policy, [sg, nativeLb("lb", sg, { scheme: "internal" })])[0].message, /internal load balancer/);
            const sg80 = nativeSg("lb-sg", 80);
            const lb = nativeLb("lb", sg80);
            assert.equal(
                checkStack(policy, [sg80, lb, nativeListener("http", lb, 80, [{ type: "forward", targetGroupArn: "tg" }])]).length,
                1,
            );
        });

        it("follows aws-native SecurityGroupIngress to its group through groupId", () => {
            const sg = resource("aws-native:ec2:SecurityGroup", "lb-sg", { groupDescription: "lb" });
            const rule = dependsOnVia(
                resource("aws-native:ec2:SecurityGroupIngress", "in", {
                    groupId: "sg",
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    cidrIpv6: "::/0",
                }),
                "groupId",
                sg,
            );
            const lb = nativeLb("lb", sg);
            assert.deepEqual(checkStack(policy, [sg, rule, lb]), []);
            const endpoint = dependsOnVia(resource("aws-native:ec2:VpcEndpoint", "ep", {}), "securityGroupIds", sg);
            assert.equal(checkStack(policy, [sg, rule, lb, endpoint]).length, 1);
        });

        it("follows aws-native SecurityGroupIngress through groupName (default VPC) as well", () => {
            const sg = resource("aws-native:ec2:SecurityGroup", "lb-sg", { groupDescription: "lb" });
            const rule = dependsOnVia(
                resource("aws-native:ec2:SecurityGroupIngress", "in", {
                    groupName: "lb",
                    ipProtocol: "6",
                    fromPort: 443,
                    toPort: 443,
                    cidrIp: "0.0.0.0/0",
                }),
                "groupName",
                sg,
            );
            rule.propertyDependencies.ipProtocol = [];
            assert.deepEqual(checkStack(policy, [sg, rule, nativeLb("lb", sg)]), []);
            assert.equal(checkStack(policy, [sg, rule]).length, 1);
        });

        it("mixes providers: a classic rule on a native group used by a classic ALB", () => {
            const sg = resource("aws-native:ec2:SecurityGroup", "lb-sg", { groupDescription: "lb" });
            const rule = dependsOnVia(
                resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "in", {
                    securityGroupId: "sg",
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    cidrIpv4: "0.0.0.0/0",
                }),
                "securityGroupId",
                sg,
            );
            assert.deepEqual(checkStack(policy, [sg, rule, classicLb("alb", sg)]), []);
        });
    });
});
