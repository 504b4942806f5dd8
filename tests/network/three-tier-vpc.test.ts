import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { organizationOnlyEndpointPolicyDocument, s3GatewayEndpointPolicyDocument } from "../../components/network/endpoint-policy";
import { ThreeTierVpc, type ThreeTierVpcArgs } from "../../components/network/three-tier-vpc";
import { planSubnets } from "../../components/network/subnet-plan";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";
import { awsResourcesThrough, RecordingMocks, type Registration } from "./recording-mocks";

const ZONES = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];
const CERTIFICATE_ARN = "arn:aws:acm:eu-west-1:111111111111:certificate/3f0c2a7e-8b14-4d6a-9e25-c1d7b08f4a63";
/** The environment's logs key (the key ring's), as the stack passes it in. */
const LOGS_KEY_ARN = "arn:aws:kms:eu-west-1:111111111111:key/0b7c1e2d-3f4a-4b5c-8d6e-7f8091a2b3c4";
const BASE: ThreeTierVpcArgs = {
    environment: "staging",
    region: "eu-west-1",
    accountId: "111111111111",
    organizationId: "o-a1b2c3d4e5",
    availabilityZones: ZONES,
    vpcCidr: "10.20.0.0/16",
    subnetPrefixLengths: { public: 24, private: 20, isolated: 22 },
    natGateways: "one-per-az",
    appPort: 8443,
    dataPorts: [5432, 6379],
    allowHttpRedirect: true,
    flowLogRetentionDays: 365,
    logGroupNamePrefix: "/zero-trust/staging/",
    flowLogKmsKeyArn: LOGS_KEY_ARN,
    interfaceEndpoints: ["kms", "sts", "secretsmanager", "ssm", "logs"],
    loadBalancer: { certificateArn: CERTIFICATE_ARN, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" },
};
const PLAN = planSubnets(BASE.vpcCidr, ZONES.length, BASE.subnetPrefixLengths);

const T = {
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    route: "aws:ec2/route:Route",
    association: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    igw: "aws:ec2/internetGateway:InternetGateway",
    nat: "aws:ec2/natGateway:NatGateway",
    eip: "aws:ec2/eip:Eip",
    nacl: "aws:ec2/networkAcl:NetworkAcl",
    naclRule: "aws:ec2/networkAclRule:NetworkAclRule",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    sgIn: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    sgOut: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    lb: "aws:lb/loadBalancer:LoadBalancer",
    listener: "aws:lb/listener:Listener",
} as const;

const builds = new Map<string, RecordingMocks>();

/**
 * Builds the component under a fresh recording monitor and waits for every registration. A settled
 * recording never changes, so tests that ask for the same arguments share one build.
 */
async function build(overrides: Partial<ThreeTierVpcArgs> = {}): Promise<RecordingMocks> {
    // `{ loadBalancer: undefined }` (no load balancer) must not share a build with `{}`.
    const key = JSON.stringify(overrides, (_, value: unknown) => (value === undefined ? "(undefined)" : value));
    const cached = builds.get(key);
    if (cached !== undefined) {
        return cached;
    }
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("test-provider", { region: BASE.region, allowedAccountIds: [BASE.accountId] });
    new ThreeTierVpc("net", { ...BASE, ...overrides }, { provider });
    builds.set(key, await mocks.settled());
    return mocks;
}

/** Some inputs of a registration as one string, e.g. "10.20.0.0/20 5432 5432". */
const show = (r: Registration, ...keys: string[]) => keys.map((key) => String(r.inputs[key])).join(" ");
const idOf = (mocks: RecordingMocks, name: string) => mocks.named(name).id;
const routesOf = (mocks: RecordingMocks, routeTableName: string) =>
    mocks.ofType(T.route).filter((r) => r.inputs.routeTableId === idOf(mocks, routeTableName));

describe("ThreeTierVpc", () => {
    describe("VPC and subnets", () => {
        let mocks: RecordingMocks;
        before(async () => {
            mocks = await build();
        });

        it("creates one VPC with DNS support and hostnames on and the configured CIDR", () => {
            const vpcs = mocks.ofType("aws:ec2/vpc:Vpc");
            assert.strictEqual(vpcs.length, 1);
            assert.deepStrictEqual(
                { cidr: vpcs[0].inputs.cidrBlock, support: vpcs[0].inputs.enableDnsSupport, hostnames: vpcs[0].inputs.enableDnsHostnames },
                { cidr: "10.20.0.0/16", support: true, hostnames: true },
            );
        });

        it("creates one subnet per AZ in each tier, carved from the subnet plan", () => {
            for (const tier of ["public", "private", "isolated"] as const) {
                const subnets = mocks.ofType(T.subnet).filter((s) => s.tags["Tier"] === tier);
                assert.deepStrictEqual(
                    subnets.map((s) => [s.inputs.availabilityZone, s.inputs.cidrBlock]),
                    ZONES.map((zone, i) => [zone, PLAN[tier][i]]),
                    tier,
                );
                assert.deepStrictEqual(
                    subnets.map((s) => s.tags["Name"]),
                    ZONES.map((zone) => `staging-${tier}-${zone}`),
                );
            }
            assert.strictEqual(mocks.ofType(T.subnet).length, 9);
        });

        it("never maps public IPs on launch", () => {
            for (const subnet of mocks.ofType(T.subnet)) {
                assert.strictEqual(subnet.inputs.mapPublicIpOnLaunch, false, subnet.name);
            }
        });

        it("adopts the default security group with no ingress and no egress", () => {
            const [defaultSg] = mocks.ofType("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
            assert.deepStrictEqual([defaultSg.inputs.ingress, defaultSg.inputs.egress], [[], []]);
            assert.strictEqual(defaultSg.inputs.vpcId, idOf(mocks, "net-vpc"));
        });

        it("adopts the default network ACL with no rules", () => {
            const [defaultNacl] = mocks.ofType("aws:ec2/defaultNetworkAcl:DefaultNetworkAcl");
            assert.deepStrictEqual([defaultNacl.inputs.ingress, defaultNacl.inputs.egress], [[], []]);
            assert.strictEqual(defaultNacl.inputs.defaultNetworkAclId, mocks.named("net-vpc").outputs.defaultNetworkAclId);
            assert.match(String(defaultNacl.inputs.defaultNetworkAclId), /^acl-/);
        });

        it("gives every AWS resource the explicit provider, never the default one", () => {
            const awsResources = awsResourcesThrough(mocks, "test-provider");
            assert.ok(awsResources.length > 50, `only ${awsResources.length} AWS resources recorded`);
            assert.match(mocks.providerReference("test-provider"), /::pulumi:providers:aws::test-provider::[0-9a-f-]{36}$/);
        });

        it("tags every taggable resource with a Name starting with the environment", () => {
            const untaggable = new Set([T.route, T.association, T.naclRule, "aws:kms/alias:Alias", "aws:iam/rolePolicy:RolePolicy"]);
            const taggable = mocks.registrations.filter((r) => r.type.startsWith("aws:") && !untaggable.has(r.type));
            for (const resource of taggable) {
                assert.match(String(resource.tags["Name"]), /^staging-/, `${resource.type} ${resource.name}`);
            }
        });

        it("names children after the component and parents them under it", () => {
            const component = mocks.named("net");
            assert.strictEqual(component.type, "zero-trust:network:ThreeTierVpc");
            const children = mocks.registrations.filter((r) => r.parent === component.urn);
            assert.ok(children.length > 5);
            for (const resource of mocks.registrations.filter((r) => r.type !== "pulumi:providers:aws" && r.name !== "net")) {
                assert.match(resource.name, /^net-/, resource.name);
            }
        });
    });

    describe("routing", () => {
        it("routes only the public route table to the internet gateway", async () => {
            const mocks = await build();
            const igw = mocks.ofType(T.igw);
            assert.strictEqual(igw.length, 1);
            const igwRoutes = mocks.ofType(T.route).filter((r) => r.inputs.gatewayId !== undefined);
            assert.deepStrictEqual(
                igwRoutes.map((r) => [r.inputs.routeTableId, r.inputs.gatewayId, r.inputs.destinationCidrBlock]),
                [[idOf(mocks, "net-routing-public"), igw[0].id, "0.0.0.0/0"]],
            );
            const publicAssociations = mocks
                .ofType(T.association)
                .filter((a) => a.inputs.routeTableId === idOf(mocks, "net-routing-public"));
            assert.deepStrictEqual(
                publicAssociations.map((a) => a.inputs.subnetId),
                ZONES.map((zone) => idOf(mocks, `net-public-${zone}`)),
            );
        });

        it("one-per-az: a NAT in each AZ's public subnet, each private route table to its own AZ's NAT", async () => {
            const mocks = await build({ natGateways: "one-per-az" });
            const nats = mocks.ofType(T.nat);
            assert.strictEqual(nats.length, ZONES.length);
            assert.strictEqual(mocks.ofType(T.eip).length, ZONES.length);
            ZONES.forEach((zone) => {
                const nat = mocks.named(`net-routing-nat-${zone}`);
                assert.strictEqual(nat.inputs.subnetId, idOf(mocks, `net-public-${zone}`));
                const eip = mocks.named(`net-routing-nat-${zone}-eip`);
                assert.match(String(eip.outputs.allocationId), /^eipalloc-/);
                assert.strictEqual(nat.inputs.allocationId, eip.outputs.allocationId);
                const routes = routesOf(mocks, `net-routing-private-${zone}`);
                assert.deepStrictEqual(
                    routes.map((r) => [r.inputs.destinationCidrBlock, r.inputs.natGatewayId]),
                    [["0.0.0.0/0", nat.id]],
                );
            });
            for (const eip of mocks.ofType(T.eip)) {
                assert.strictEqual(eip.inputs.domain, "vpc");
            }
        });

        it("single: one NAT, every private route table routes to it", async () => {
            const mocks = await build({ natGateways: "single" });
            const nats = mocks.ofType(T.nat);
            assert.strictEqual(nats.length, 1);
            for (const zone of ZONES) {
                assert.deepStrictEqual(
                    routesOf(mocks, `net-routing-private-${zone}`).map((r) => r.inputs.natGatewayId),
                    [nats[0].id],
                );
            }
        });

        it("none: no NAT, no EIP, and no default route in the private tier", async () => {
            const mocks = await build({ natGateways: "none" });
            assert.strictEqual(mocks.ofType(T.nat).length, 0);
            assert.strictEqual(mocks.ofType(T.eip).length, 0);
            for (const zone of ZONES) {
                assert.deepStrictEqual(routesOf(mocks, `net-routing-private-${zone}`), []);
            }
            assert.strictEqual(mocks.ofType(T.route).length, 1, "only the public default route remains");
        });

        it("gives the isolated tier one route table with no route to the internet or NAT", async () => {
            const mocks = await build({ natGateways: "one-per-az" });
            const isolated = mocks.ofType(T.routeTable).filter((t) => t.tags["Tier"] === "isolated");
            assert.strictEqual(isolated.length, 1);
            assert.deepStrictEqual(routesOf(mocks, "net-routing-isolated"), []);
            assert.strictEqual(isolated[0].inputs.routes, undefined, "no inline routes either");
            const associated = mocks.ofType(T.association).filter((a) => a.inputs.routeTableId === isolated[0].id);
            assert.deepStrictEqual(
                associated.map((a) => a.inputs.subnetId),
                ZONES.map((zone) => idOf(mocks, `net-isolated-${zone}`)),
            );
        });
    });

    describe("network ACLs", () => {
        const rulesOf = (mocks: RecordingMocks, tier: string, egress: boolean) =>
            mocks.ofType(T.naclRule).filter((r) => r.inputs.networkAclId === idOf(mocks, `net-nacl-${tier}`) && r.inputs.egress === egress);

        it("associates each tier's subnets with that tier's NACL", async () => {
            const mocks = await build();
            for (const tier of ["public", "private", "isolated"]) {
                assert.deepStrictEqual(
                    mocks.named(`net-nacl-${tier}`).inputs.subnetIds,
                    ZONES.map((zone) => idOf(mocks, `net-${tier}-${zone}`)),
                );
            }
        });

        it("isolated tier admits only the private subnets on the data ports, and answers only them", async () => {
            const mocks = await build();
            const ingress = rulesOf(mocks, "isolated", false);
            const expected = BASE.dataPorts.flatMap((port) => PLAN.private.map((cidr) => `${cidr} ${port} ${port}`));
            assert.deepStrictEqual(ingress.map((r) => show(r, "cidrBlock", "fromPort", "toPort")).sort(), [...expected].sort());
            const egress = rulesOf(mocks, "isolated", true);
            assert.deepStrictEqual(
                egress.map((r) => show(r, "cidrBlock", "fromPort", "toPort")).sort(),
                PLAN.private.map((c) => `${c} 1024 65535`).sort(),
            );
            for (const rule of [...ingress, ...egress]) {
                assert.deepStrictEqual([rule.inputs.protocol, rule.inputs.ruleAction], ["tcp", "allow"]);
            }
        });

        it("public tier admits 443 and 80 from the internet when redirects are allowed", async () => {
            const mocks = await build({ allowHttpRedirect: true });
            const fromInternet = rulesOf(mocks, "public", false).filter((r) => r.inputs.cidrBlock === "0.0.0.0/0");
            assert.deepStrictEqual(
                fromInternet.map((r) => [r.inputs.fromPort, r.inputs.toPort]).sort(),
                [
                    [1024, 65535],
                    [443, 443],
                    [80, 80],
                ].sort(),
            );
        });

        it("public tier has no port 80 rule when redirects are off", async () => {
            const mocks = await build({ allowHttpRedirect: false });
            assert.ok(mocks.ofType(T.naclRule).every((r) => r.inputs.fromPort !== 80));
            assert.ok(rulesOf(mocks, "public", false).some((r) => r.inputs.fromPort === 443));
        });

        it("without NAT the public tier takes no internet replies and sends no HTTPS out", async () => {
            const mocks = await build({ natGateways: "none" });
            const worldIngress = rulesOf(mocks, "public", false).filter((r) => r.inputs.cidrBlock === "0.0.0.0/0");
            assert.deepStrictEqual(worldIngress.map((r) => r.inputs.fromPort).sort(), [443, 80]);
            assert.ok(rulesOf(mocks, "public", true).every((r) => r.inputs.fromPort !== 443));
        });

        it("without a load balancer the public tier admits nothing from the internet but NAT replies", async () => {
            const mocks = await build({ loadBalancer: undefined, natGateways: "single" });
            const worldIngress = rulesOf(mocks, "public", false).filter((r) => r.inputs.cidrBlock === "0.0.0.0/0");
            assert.deepStrictEqual(
                worldIngress.map((r) => [r.inputs.fromPort, r.inputs.toPort]),
                [[1024, 65535]],
            );
            const worldEgress = rulesOf(mocks, "public", true).filter((r) => r.inputs.cidrBlock === "0.0.0.0/0");
            assert.deepStrictEqual(
                worldEgress.map((r) => [r.inputs.fromPort, r.inputs.toPort]),
                [[443, 443]],
                "only NAT forwarding",
            );
        });

        it("private tier takes everything from the VPC and ephemeral replies from anywhere", async () => {
            const mocks = await build();
            assert.deepStrictEqual(
                rulesOf(mocks, "private", false).map((r) => [
                    r.inputs.ruleNumber,
                    r.inputs.protocol,
                    r.inputs.cidrBlock,
                    r.inputs.fromPort,
                    r.inputs.toPort,
                ]),
                [
                    [100, "-1", "10.20.0.0/16", 0, 0],
                    [200, "tcp", "0.0.0.0/0", 1024, 65535],
                ],
            );
        });

        it("numbers rules uniquely within each NACL and direction", async () => {
            const mocks = await build();
            const keys = mocks.ofType(T.naclRule).map((r) => show(r, "networkAclId", "egress", "ruleNumber"));
            assert.strictEqual(new Set(keys).size, keys.length);
        });
    });

    describe("security groups", () => {
        const rules = (mocks: RecordingMocks) => [...mocks.ofType(T.sgIn), ...mocks.ofType(T.sgOut)];
        const peersOf = (rule: Registration) =>
            ["referencedSecurityGroupId", "cidrIpv4", "prefixListId", "cidrIpv6"].filter((k) => rule.inputs[k] !== undefined);
        const ruleOn = (mocks: RecordingMocks, group: string, type: string) =>
            mocks.ofType(type).filter((r) => r.inputs.securityGroupId === idOf(mocks, group));

        it("creates groups with no inline rules that revoke their rules on delete", async () => {
            const mocks = await build();
            const groups = mocks.ofType(T.sg);
            assert.deepStrictEqual(groups.map((g) => g.name).sort(), ["net-endpoints-sg", "net-sg-app", "net-sg-data", "net-sg-lb"]);
            for (const group of groups) {
                assert.deepStrictEqual(
                    [group.inputs.ingress, group.inputs.egress, group.inputs.revokeRulesOnDelete],
                    [undefined, undefined, true],
                    group.name,
                );
            }
        });

        it("chains load balancer → app → data by group reference on the configured ports", async () => {
            const mocks = await build();
            const [lb, app, data] = ["net-sg-lb", "net-sg-app", "net-sg-data"].map((n) => idOf(mocks, n));
            const view = (r: Registration) => [r.inputs.referencedSecurityGroupId, r.inputs.fromPort, r.inputs.toPort];
            assert.deepStrictEqual(ruleOn(mocks, "net-sg-lb", T.sgOut).map(view), [[app, 8443, 8443]]);
            assert.deepStrictEqual(ruleOn(mocks, "net-sg-app", T.sgIn).map(view), [[lb, 8443, 8443]]);
            assert.deepStrictEqual(ruleOn(mocks, "net-sg-data", T.sgIn).map(view), [
                [app, 5432, 5432],
                [app, 6379, 6379],
            ]);
            assert.deepStrictEqual(ruleOn(mocks, "net-sg-data", T.sgOut), [], "data stores have no egress");
            const appToData = ruleOn(mocks, "net-sg-app", T.sgOut).filter((r) => r.inputs.referencedSecurityGroupId === data);
            assert.deepStrictEqual(
                appToData.map((r) => r.inputs.fromPort),
                [5432, 6379],
            );
        });

        it("uses CIDRs only for the load balancer's internet listeners, the endpoints' VPC ingress and app HTTPS via NAT", async () => {
            const mocks = await build({ natGateways: "single" });
            const cidrRules = rules(mocks).filter((r) => r.inputs.cidrIpv4 !== undefined);
            assert.deepStrictEqual(cidrRules.map((r) => `${r.name} ${show(r, "cidrIpv4", "fromPort")}`).sort(), [
                "net-endpoints-sg-https-from-vpc 10.20.0.0/16 443",
                "net-entry-in-http-internet 0.0.0.0/0 80",
                "net-entry-in-https-internet 0.0.0.0/0 443",
                "net-sg-app-out-https-internet 0.0.0.0/0 443",
            ]);
            for (const rule of rules(mocks)) {
                assert.ok(peersOf(rule).length <= 1, `${rule.name} has at most one peer`);
                assert.strictEqual(rule.inputs.ipProtocol, "tcp", rule.name);
            }
        });

        it("gives every rule exactly one peer", async () => {
            const mocks = await build({ natGateways: "single" });
            for (const rule of rules(mocks)) {
                assert.strictEqual(peersOf(rule).length, 1, `${rule.name} has exactly one peer`);
            }
        });

        it("drops port 80 when redirects are off", async () => {
            const mocks = await build({ allowHttpRedirect: false });
            assert.deepStrictEqual(
                ruleOn(mocks, "net-sg-lb", T.sgIn).map((r) => r.inputs.fromPort),
                [443],
            );
        });

        it("gives the app no internet egress without NAT, but keeps endpoint and gateway-endpoint HTTPS", async () => {
            const mocks = await build({ natGateways: "none" });
            const appOut = ruleOn(mocks, "net-sg-app", T.sgOut);
            assert.ok(appOut.every((r) => r.inputs.cidrIpv4 === undefined));
            assert.ok(
                appOut.some((r) => r.inputs.referencedSecurityGroupId === idOf(mocks, "net-endpoints-sg") && r.inputs.fromPort === 443),
            );
            assert.deepStrictEqual(
                appOut.filter((r) => r.name.endsWith("-s3") || r.name.endsWith("-dynamodb")).map((r) => r.inputs.fromPort),
                [443, 443],
            );
        });

        it("sends the app's gateway-endpoint HTTPS to the prefix list of each gateway endpoint", async () => {
            const mocks = await build({ natGateways: "none" });
            const appOut = ruleOn(mocks, "net-sg-app", T.sgOut);
            const prefixLists = appOut.filter((r) => r.inputs.prefixListId !== undefined).map((r) => r.inputs.prefixListId);
            assert.equal(prefixLists.length, 2);
            // Registration order follows when each endpoint's inputs resolve, so the lists are compared as sets.
            assert.deepStrictEqual(
                [...prefixLists].sort(),
                ["net-endpoints-s3", "net-endpoints-dynamodb"].map((name) => mocks.named(name).outputs.prefixListId).sort(),
            );
        });

        it("admits HTTPS into the endpoint group from the VPC CIDR only, with no egress", async () => {
            const mocks = await build();
            assert.deepStrictEqual(
                ruleOn(mocks, "net-endpoints-sg", T.sgIn).map((r) => [r.inputs.cidrIpv4, r.inputs.fromPort, r.inputs.toPort]),
                [["10.20.0.0/16", 443, 443]],
            );
            assert.deepStrictEqual(ruleOn(mocks, "net-endpoints-sg", T.sgOut), []);
        });
    });

    describe("internet entry point", () => {
        const internetIngress = (mocks: RecordingMocks) =>
            mocks.ofType(T.sgIn).filter((r) => r.inputs.cidrIpv4 === "0.0.0.0/0" || r.inputs.cidrIpv6 === "::/0");
        const listenerOn = (mocks: RecordingMocks, port: number) => mocks.ofType(T.listener).filter((l) => l.inputs.port === port);

        it("puts one internet-facing application load balancer in the public subnets, with the load balancer group only", async () => {
            const mocks = await build();
            const [alb, ...others] = mocks.ofType(T.lb);
            assert.deepStrictEqual(others, []);
            assert.strictEqual(alb.parent, mocks.named("net-entry").urn);
            assert.strictEqual(mocks.named("net-entry").type, "zero-trust:network:InternetEntryPoint");
            assert.deepStrictEqual(
                [alb.inputs.internal, alb.inputs.loadBalancerType, alb.inputs.ipAddressType],
                [false, "application", "ipv4"],
            );
            assert.deepStrictEqual(
                alb.inputs.subnets,
                ZONES.map((zone) => idOf(mocks, `net-public-${zone}`)),
            );
            assert.deepStrictEqual(alb.inputs.securityGroups, [idOf(mocks, "net-sg-lb")]);
            // The policy pack finds the group's users through this dependency.
            assert.deepStrictEqual(alb.propertyDependencies["securityGroups"], [mocks.named("net-sg-lb").urn]);
        });

        it("hardens the load balancer: deletion protection, invalid headers dropped, strictest desync mitigation", async () => {
            const mocks = await build();
            const [alb] = mocks.ofType(T.lb);
            assert.deepStrictEqual(
                [alb.inputs.enableDeletionProtection, alb.inputs.dropInvalidHeaderFields, alb.inputs.desyncMitigationMode],
                [true, true, "strictest"],
            );
        });

        it("listens on 443 with HTTPS, the configured certificate and a TLS 1.2+ policy, answering 404 by default", async () => {
            const mocks = await build();
            const [https, ...others] = listenerOn(mocks, 443);
            assert.deepStrictEqual(others, []);
            assert.deepStrictEqual(
                [https.inputs.loadBalancerArn, https.inputs.protocol, https.inputs.sslPolicy, https.inputs.certificateArn],
                [mocks.ofType(T.lb)[0].outputs.arn, "HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06", CERTIFICATE_ARN],
            );
            assert.deepStrictEqual(https.inputs.defaultActions, [
                { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404", messageBody: "Not found" } },
            ]);
        });

        it("uses the configured security policy", async () => {
            const mocks = await build({
                loadBalancer: { certificateArn: CERTIFICATE_ARN, sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" },
            });
            assert.deepStrictEqual(
                listenerOn(mocks, 443).map((l) => l.inputs.sslPolicy),
                ["ELBSecurityPolicy-TLS13-1-3-2021-06"],
            );
        });

        it("listens on 80 only to redirect to HTTPS on 443, permanently", async () => {
            const mocks = await build({ allowHttpRedirect: true });
            const [http, ...others] = listenerOn(mocks, 80);
            assert.deepStrictEqual(others, []);
            assert.deepStrictEqual(
                [http.inputs.loadBalancerArn, http.inputs.protocol, http.inputs.sslPolicy, http.inputs.certificateArn],
                [mocks.ofType(T.lb)[0].outputs.arn, "HTTP", undefined, undefined],
            );
            assert.deepStrictEqual(http.inputs.defaultActions, [
                { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
            ]);
            assert.strictEqual(mocks.ofType(T.listener).length, 2);
        });

        it("admits the internet on 443 and 80 only, on the load balancer group, linked to it by dependency", async () => {
            const mocks = await build({ allowHttpRedirect: true });
            const lbGroup = mocks.named("net-sg-lb");
            const world = internetIngress(mocks);
            assert.deepStrictEqual(world.map((r) => [r.inputs.fromPort, r.inputs.toPort, r.inputs.ipProtocol]).sort(), [
                [443, 443, "tcp"],
                [80, 80, "tcp"],
            ]);
            for (const rule of world) {
                assert.strictEqual(rule.inputs.securityGroupId, lbGroup.id, rule.name);
                assert.deepStrictEqual(rule.propertyDependencies["securityGroupId"], [lbGroup.urn], rule.name);
                assert.strictEqual(rule.parent, mocks.named("net-entry").urn, `${rule.name} belongs to the entry point`);
            }
        });

        it("has no port 80 listener and no port 80 internet rule when redirects are off", async () => {
            const mocks = await build({ allowHttpRedirect: false });
            assert.deepStrictEqual(
                internetIngress(mocks).map((r) => r.inputs.fromPort),
                [443],
            );
            assert.deepStrictEqual(listenerOn(mocks, 80), []);
            assert.deepStrictEqual(
                mocks.ofType(T.listener).map((l) => l.inputs.port),
                [443],
            );
        });

        it("without a load balancer: no load balancer, no listener, and nothing admitted from the internet", async () => {
            const mocks = await build({ loadBalancer: undefined });
            assert.deepStrictEqual(
                [mocks.ofType(T.lb), mocks.ofType(T.listener), mocks.ofType("zero-trust:network:InternetEntryPoint")],
                [[], [], []],
            );
            assert.deepStrictEqual(internetIngress(mocks), []);
            assert.deepStrictEqual(
                mocks.ofType(T.sgIn).filter((r) => r.inputs.securityGroupId === idOf(mocks, "net-sg-lb")),
                [],
                "the load balancer group exists with no ingress",
            );
            assert.deepStrictEqual(
                [mocks.named("net").outputs.loadBalancerArn, mocks.named("net").outputs.loadBalancerDnsName],
                [undefined, undefined],
            );
        });

        it("exports the load balancer's ARN from the network component", async () => {
            const mocks = await build();
            const arn = mocks.ofType(T.lb)[0].outputs.arn;
            assert.match(String(arn), /^arn:aws:/);
            assert.strictEqual(mocks.named("net").outputs.loadBalancerArn, arn);
        });
    });

    describe("flow logs", () => {
        let mocks: RecordingMocks;
        before(async () => {
            mocks = await build({ flowLogRetentionDays: 731 });
        });
        const logGroupName = "/zero-trust/staging/vpc-flow-logs/net";
        const logGroupArn = `arn:aws:logs:eu-west-1:111111111111:log-group:${logGroupName}`;

        it("logs ALL traffic of the VPC to the log group through the delivery role", () => {
            const [flowLog] = mocks.ofType("aws:ec2/flowLog:FlowLog");
            assert.deepStrictEqual(
                [
                    flowLog.inputs.vpcId,
                    flowLog.inputs.trafficType,
                    flowLog.inputs.logDestinationType,
                    flowLog.inputs.logDestination,
                    flowLog.inputs.iamRoleArn,
                ],
                [
                    idOf(mocks, "net-vpc"),
                    "ALL",
                    "cloud-watch-logs",
                    mocks.named("net-flow-logs-group").outputs.arn,
                    mocks.named("net-flow-logs-role").outputs.arn,
                ],
            );
        });

        it("keeps the log group under the environment's prefix for the configured retention, encrypted with the key passed in", () => {
            const group = mocks.named("net-flow-logs-group");
            assert.deepStrictEqual(
                [group.inputs.name, group.inputs.retentionInDays, group.inputs.kmsKeyId],
                [logGroupName, 731, LOGS_KEY_ARN],
            );
            assert.strictEqual(mocks.named("net").outputs.flowLogKeyArn, LOGS_KEY_ARN);
        });

        it("names the log group after the configured prefix", async () => {
            const other = await build({ logGroupNamePrefix: "/platform/qa/" });
            assert.strictEqual(other.named("net-flow-logs-group").inputs.name, "/platform/qa/vpc-flow-logs/net");
        });

        it("creates no KMS key or alias of its own (the key ring owns the environment's keys)", () => {
            assert.deepStrictEqual(
                mocks.registrations.filter((r) => r.type.startsWith("aws:kms/")).map((r) => r.name),
                [],
            );
        });

        it("protects the log group, and nothing else needs it", () => {
            const protectedNames = mocks.registrations
                .filter((r) => r.protect)
                .map((r) => r.name)
                .sort();
            assert.deepStrictEqual(protectedNames, ["net-flow-logs-group"]);
        });

        it("takes the key as an output: the log group depends on the key resource", async () => {
            const recording = RecordingMocks.install();
            const provider = new aws.Provider("test-provider", { region: BASE.region, allowedAccountIds: [BASE.accountId] });
            const key = new aws.kms.Key("logs-key", { enableKeyRotation: true }, { provider });
            new ThreeTierVpc("net", { ...BASE, flowLogKmsKeyArn: key.arn }, { provider });
            await recording.settled();
            const group = recording.named("net-flow-logs-group");
            assert.strictEqual(group.inputs.kmsKeyId, recording.named("logs-key").outputs.arn);
            assert.deepStrictEqual(group.propertyDependencies["kmsKeyId"], [recording.named("logs-key").urn]);
        });

        it("lets only this account's flow logs assume the role, which may write only to the log group", () => {
            const role = mocks.named("net-flow-logs-role");
            const trust = JSON.parse(role.inputs.assumeRolePolicy as string) as {
                Statement: { Principal: unknown; Condition: Record<string, Record<string, string>> }[];
            };
            assert.deepStrictEqual(trust.Statement[0].Principal, { Service: "vpc-flow-logs.amazonaws.com" });
            assert.strictEqual(trust.Statement[0].Condition.StringEquals["aws:SourceAccount"], "111111111111");
            const [rolePolicy] = mocks.ofType("aws:iam/rolePolicy:RolePolicy");
            assert.strictEqual(rolePolicy.inputs.role, role.outputs.name);
            assert.ok(rolePolicy.inputs.role !== undefined);
            const permissions = JSON.parse(rolePolicy.inputs.policy as string) as { Statement: { Resource: string[]; Action: string[] }[] };
            assert.deepStrictEqual(
                permissions.Statement.flatMap((s) => s.Resource),
                [logGroupArn, `${logGroupArn}:log-stream:*`],
            );
            assert.ok(permissions.Statement.flatMap((s) => s.Action).every((a) => a.startsWith("logs:") && a !== "logs:*"));
        });
    });

    describe("VPC endpoints", () => {
        let mocks: RecordingMocks;
        before(async () => {
            mocks = await build();
        });
        const policyOf = (r: Registration): unknown => JSON.parse(r.inputs.policy as string);

        it("attaches S3 and DynamoDB gateway endpoints to the private and isolated route tables only", () => {
            const gateways = mocks.ofType(T.endpoint).filter((e) => e.inputs.vpcEndpointType === "Gateway");
            assert.deepStrictEqual(gateways.map((g) => g.inputs.serviceName).sort(), [
                "com.amazonaws.eu-west-1.dynamodb",
                "com.amazonaws.eu-west-1.s3",
            ]);
            const expectedTables = [
                ...ZONES.map((zone) => idOf(mocks, `net-routing-private-${zone}`)),
                idOf(mocks, "net-routing-isolated"),
            ];
            for (const gateway of gateways) {
                assert.deepStrictEqual(gateway.inputs.routeTableIds, expectedTables);
            }
        });

        it("creates one interface endpoint per service in the private subnets, with private DNS and the endpoint group", () => {
            const interfaces = mocks.ofType(T.endpoint).filter((e) => e.inputs.vpcEndpointType === "Interface");
            assert.deepStrictEqual(
                interfaces.map((e) => e.inputs.serviceName),
                BASE.interfaceEndpoints.map((s) => `com.amazonaws.eu-west-1.${s}`),
            );
            for (const endpoint of interfaces) {
                assert.strictEqual(endpoint.inputs.privateDnsEnabled, true);
                assert.deepStrictEqual(
                    endpoint.inputs.subnetIds,
                    ZONES.map((zone) => idOf(mocks, `net-private-${zone}`)),
                );
                assert.deepStrictEqual(endpoint.inputs.securityGroupIds, [idOf(mocks, "net-endpoints-sg")]);
            }
        });

        it("exposes each interface endpoint's id by its service, on the endpoints and on the VPC", () => {
            const expected = Object.fromEntries(
                BASE.interfaceEndpoints.map((service) => [service, idOf(mocks, `net-endpoints-${service}`)]),
            );
            assert.deepStrictEqual(mocks.named("net-endpoints").outputs.interfaceEndpointIdsByService, expected);
            assert.deepStrictEqual(mocks.named("net").outputs.interfaceEndpointIdsByService, expected);
        });

        it("gives every endpoint the organisation-only policy, and the S3 gateway the one that also reads AWS-owned package buckets", () => {
            const endpoints = mocks.ofType(T.endpoint);
            assert.strictEqual(endpoints.length, 2 + BASE.interfaceEndpoints.length);
            for (const endpoint of endpoints) {
                const expected =
                    endpoint.inputs.serviceName === "com.amazonaws.eu-west-1.s3"
                        ? s3GatewayEndpointPolicyDocument("o-a1b2c3d4e5", "eu-west-1")
                        : organizationOnlyEndpointPolicyDocument("o-a1b2c3d4e5");
                assert.deepStrictEqual(policyOf(endpoint), expected, endpoint.name);
            }
        });
    });

    describe("refuses, declaring nothing", () => {
        const cases: [string, Partial<ThreeTierVpcArgs>, RegExp][] = [
            [
                "an environment that is no lowercase key",
                { environment: "Staging" },
                /^ThreeTierVpc: environment: key "Staging" is not a lowercase name/,
            ],
            [
                "a region outside the aws partition",
                { region: "cn-north-1" },
                /^ThreeTierVpc: region: "cn-north-1" is not an AWS region code of the aws partition/,
            ],
            [
                "an account id of 11 digits",
                { accountId: "11111111111" },
                /^ThreeTierVpc: accountId: "11111111111" is not an AWS account id/,
            ],
            [
                "no availability zone",
                { availabilityZones: [] },
                /^ThreeTierVpc: availabilityZones: \[\] is not a non-empty list of availability zones$/,
            ],
            [
                "an availability zone twice",
                { availabilityZones: ["eu-west-1a", "eu-west-1a"] },
                /^ThreeTierVpc: availabilityZones: "eu-west-1a" is listed twice$/,
            ],
            [
                "an availability zone of another region",
                { availabilityZones: ["eu-west-1a", "us-east-1a"] },
                /^ThreeTierVpc: availabilityZones\[1\]: "us-east-1a" is not an availability zone of eu-west-1 \(eu-west-1a, eu-west-1b, …\)$/,
            ],
            [
                "a CIDR that is no IPv4 network",
                { vpcCidr: "10.20.0.0" },
                /^ThreeTierVpc: vpcCidr: "10\.20\.0\.0" is not an IPv4 network CIDR \(no host bits set\) with a prefix from \/16 to \/28$/,
            ],
            [
                "a CIDR with host bits",
                { vpcCidr: "10.20.1.0/16" },
                /^ThreeTierVpc: vpcCidr: "10\.20\.1\.0\/16" is not an IPv4 network CIDR/,
            ],
            [
                "a VPC larger than /16",
                { vpcCidr: "10.0.0.0/8" },
                /^ThreeTierVpc: vpcCidr: "10\.0\.0\.0\/8" is not an IPv4 network CIDR .* from \/16 to \/28$/,
            ],
            [
                "a subnet larger than the VPC",
                { vpcCidr: "10.20.0.0/20", subnetPrefixLengths: { public: 19, private: 24, isolated: 24 } },
                /^ThreeTierVpc: subnetPrefixLengths\.public: 19 is not a subnet prefix length from \/20 \(the VPC's\) to \/28$/,
            ],
            [
                "subnets that do not fit the VPC",
                { subnetPrefixLengths: { public: 17, private: 17, isolated: 17 } },
                /^ThreeTierVpc: subnetPrefixLengths: .* is not subnets that fit the VPC: 3 AZs need 294912 addresses but 10\.20\.0\.0\/16 has 65536$/,
            ],
            [
                "an unknown NAT strategy",
                { natGateways: "two" as ThreeTierVpcArgs["natGateways"] },
                /^ThreeTierVpc: natGateways: "two" is not one of one-per-az, single, none$/,
            ],
            ["an application port of 0", { appPort: 0 }, /^ThreeTierVpc: appPort: 0 is not an integer port from 1 to 65535$/],
            ["no data port", { dataPorts: [] }, /^ThreeTierVpc: dataPorts: \[\] is not a non-empty list of ports$/],
            ["a data port twice", { dataPorts: [5432, 5432] }, /^ThreeTierVpc: dataPorts: 5432 is listed twice$/],
            [
                "a data port above 65535",
                { dataPorts: [70000] },
                /^ThreeTierVpc: dataPorts\[0\]: 70000 is not an integer port from 1 to 65535$/,
            ],
            [
                "a flow log retention CloudWatch refuses",
                { flowLogRetentionDays: 366 },
                /^ThreeTierVpc: flowLogRetentionDays: 366 is not a CloudWatch Logs retention \(1, 3, 5, .*, 3653 days\)$/,
            ],
            [
                "a log group prefix without its slashes",
                { logGroupNamePrefix: "zero-trust" },
                /^ThreeTierVpc: logGroupNamePrefix: "zero-trust" is not a log group name prefix that starts and ends with \//,
            ],
            [
                "an unknown endpoint service",
                { interfaceEndpoints: ["kms", "s4" as "kms"] },
                /^ThreeTierVpc: interfaceEndpoints\[1\]: "s4" is not one of /,
            ],
            [
                "an endpoint service twice",
                { interfaceEndpoints: ["kms", "kms"] },
                /^ThreeTierVpc: interfaceEndpoints: "kms" is listed twice$/,
            ],
            [
                "an SSL policy that allows TLS 1.0",
                {
                    loadBalancer: {
                        ...BASE.loadBalancer!,
                        sslPolicy: "ELBSecurityPolicy-2016-08" as "ELBSecurityPolicy-TLS13-1-2-2021-06",
                    },
                },
                /^ThreeTierVpc: loadBalancer\.sslPolicy: "ELBSecurityPolicy-2016-08" is not one of /,
            ],
        ];
        for (const [label, overrides, message] of cases) {
            it(label, () => assertRefusedBeforeDeclaring(() => new ThreeTierVpc("net", { ...BASE, ...overrides }), message));
        }
    });
});
