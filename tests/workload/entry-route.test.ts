import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { EntryRoute, type EntryRouteArgs } from "../../components/workload/entry-route";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";
import { awsResourcesThrough, only, RecordingMocks } from "../network/recording-mocks";
import { LISTENER_ARN, LOAD_BALANCER_SG, REGION, SERVICE_SG, T, VPC_ID } from "./workload-fixtures";

const BASE: EntryRouteArgs = {
    environment: "staging",
    application: "orders",
    vpcId: VPC_ID,
    listenerArn: LISTENER_ARN,
    loadBalancerSecurityGroupId: LOAD_BALANCER_SG,
    serviceSecurityGroupId: SERVICE_SG,
    servicePort: 8443,
    healthCheckPath: "/healthz",
    hosts: ["orders.staging.example.com"],
    paths: ["/*"],
    priority: 100,
};

const builds = new Map<string, Promise<RecordingMocks>>();

/** The route under a fresh recording monitor (one build per set of overrides). */
function build(overrides: Partial<EntryRouteArgs> = {}): Promise<RecordingMocks> {
    const key = JSON.stringify(overrides, (_, v: unknown) => (v === undefined ? "(undefined)" : v));
    let cached = builds.get(key);
    if (cached === undefined) {
        const mocks = RecordingMocks.install();
        const provider = new aws.Provider("test-provider", { region: REGION });
        new EntryRoute("orders-entry", { ...BASE, ...overrides }, { provider });
        cached = mocks.settled();
        builds.set(key, cached);
    }
    return cached;
}

describe("EntryRoute", () => {
    it("declares its resources as children, through the given provider", async () => {
        const mocks = await build();
        const component = only(mocks, "zero-trust:workload:EntryRoute");
        const resources = awsResourcesThrough(mocks, "test-provider");
        assert.deepStrictEqual(resources.map((r) => r.type).sort(), [T.listenerRule, T.targetGroup, T.sgOut, T.sgIn].sort());
        for (const resource of resources) {
            assert.strictEqual(resource.parent, component.urn, resource.name);
        }
    });

    it("re-encrypts to the service: an HTTPS target group of ip targets on the service port, health-checked over HTTPS on the path", async () => {
        const group = only(await build(), T.targetGroup);
        assert.deepStrictEqual(
            [group.inputs.vpcId, group.inputs.targetType, group.inputs.protocol, group.inputs.protocolVersion, group.inputs.port],
            [VPC_ID, "ip", "HTTPS", "HTTP1", 8443],
        );
        assert.deepStrictEqual(group.inputs.healthCheck, {
            enabled: true,
            protocol: "HTTPS",
            path: "/healthz",
            port: "traffic-port",
            matcher: "200-299",
        });
    });

    it("adds one rule on the HTTPS listener forwarding its hosts and paths to the target group, at its priority", async () => {
        const mocks = await build();
        const rule = only(mocks, T.listenerRule);
        const group = only(mocks, T.targetGroup);
        assert.strictEqual(rule.inputs.listenerArn, LISTENER_ARN);
        assert.strictEqual(rule.inputs.priority, 100);
        assert.deepStrictEqual(rule.inputs.actions, [{ type: "forward", targetGroupArn: group.outputs.arn }]);
        assert.deepStrictEqual(rule.inputs.conditions, [
            { hostHeader: { values: ["orders.staging.example.com"] } },
            { pathPattern: { values: ["/*"] } },
        ]);
    });

    it("matches on hosts alone or paths alone when only one is given", async () => {
        const byHost = only(await build({ paths: undefined }), T.listenerRule);
        assert.deepStrictEqual(byHost.inputs.conditions, [{ hostHeader: { values: ["orders.staging.example.com"] } }]);
        const byPath = only(await build({ hosts: [], paths: ["/orders/*", "/orders"] }), T.listenerRule);
        assert.deepStrictEqual(byPath.inputs.conditions, [{ pathPattern: { values: ["/orders/*", "/orders"] } }]);
    });

    it("opens exactly the load balancer → service path on the service port, at both ends, by group reference", async () => {
        const mocks = await build();
        const egress = only(mocks, T.sgOut);
        const ingress = only(mocks, T.sgIn);
        const shape = (r: typeof egress) => [
            r.inputs.securityGroupId,
            r.inputs.referencedSecurityGroupId,
            r.inputs.ipProtocol,
            r.inputs.fromPort,
            r.inputs.toPort,
        ];
        assert.deepStrictEqual(shape(egress), [LOAD_BALANCER_SG, SERVICE_SG, "tcp", 8443, 8443]);
        assert.deepStrictEqual(shape(ingress), [SERVICE_SG, LOAD_BALANCER_SG, "tcp", 8443, 8443]);
        assert.strictEqual(ingress.inputs.cidrIpv4, undefined);
    });

    describe("refuses bad arguments before declaring anything", () => {
        const refused = (overrides: Partial<EntryRouteArgs>, message: RegExp) =>
            assertRefusedBeforeDeclaring(() => new EntryRoute("bad", { ...BASE, ...overrides }), message);

        it("names: environment and application must be lowercase keys", async () => {
            await refused({ environment: "Staging" }, /^EntryRoute: environment: key "Staging" is not a lowercase name/);
            await refused({ application: "orders_api" }, /^EntryRoute: application: key "orders_api" is not a lowercase name/);
        });

        it("identifiers: VPC, listener and security groups", async () => {
            await refused({ vpcId: "vpc-1" }, /^EntryRoute: vpcId: "vpc-1" is not a VPC id/);
            await refused(
                { listenerArn: LISTENER_ARN.replace("listener/app/", "listener/net/") },
                /^EntryRoute: listenerArn: ".*" is not an Application Load Balancer listener ARN/,
            );
            await refused(
                { loadBalancerSecurityGroupId: "lb" },
                /^EntryRoute: loadBalancerSecurityGroupId: "lb" is not a security group id/,
            );
            await refused({ serviceSecurityGroupId: "sg-x" }, /^EntryRoute: serviceSecurityGroupId: "sg-x" is not a security group id/);
        });

        it("port and health-check path", async () => {
            await refused({ servicePort: 0 }, /^EntryRoute: servicePort: 0 is not an integer port from 1 to 65535$/);
            await refused({ healthCheckPath: "healthz" }, /^EntryRoute: healthCheckPath: "healthz" is not a health-check path/);
            await refused(
                { healthCheckPath: "/health check" },
                /^EntryRoute: healthCheckPath: "\/health check" is not a health-check path/,
            );
        });

        it("conditions: at least one value, at most 3 per condition and 5 per rule, each well formed, none twice", async () => {
            await refused({ hosts: [], paths: [] }, /^EntryRoute: hosts \+ paths: \[\] is not from 1 to 5 values in all/);
            await refused({ hosts: undefined, paths: undefined }, /^EntryRoute: hosts \+ paths: \[\] is not from 1 to 5 values in all/);
            await refused(
                { hosts: ["a.example.com", "b.example.com", "c.example.com", "d.example.com"] },
                /^EntryRoute: hosts: .* is not a list of at most 3 values/,
            );
            await refused(
                { hosts: ["a.example.com", "b.example.com", "c.example.com"], paths: ["/a", "/b", "/c"] },
                /^EntryRoute: hosts \+ paths: .* is not from 1 to 5 values in all \(.*at most 5\)$/,
            );
            await refused({ hosts: ["orders.example.com/x"] }, /^EntryRoute: hosts\[0\]: "orders.example.com\/x" is not a host name/);
            await refused({ paths: ["orders"] }, /^EntryRoute: paths\[0\]: "orders" is not a path pattern/);
            await refused({ paths: "/*" as unknown as string[] }, /^EntryRoute: paths: "\/\*" is not a list of at most 3 values/);
            await refused({ paths: ["/a", "/a"] }, /^EntryRoute: paths: "\/a" is listed twice$/);
        });

        it("priority: a whole number from 1 to 50000", async () => {
            await refused({ priority: 0 }, /^EntryRoute: priority: 0 is not a whole number from 1 to 50000/);
            await refused({ priority: 50001 }, /^EntryRoute: priority: 50001 is not a whole number from 1 to 50000/);
            await refused({ priority: 1.5 }, /^EntryRoute: priority: 1.5 is not a whole number from 1 to 50000/);
        });
    });

    it("accepts the limits themselves: priority 1 and 50000, 3 hosts and 2 paths", async () => {
        for (const priority of [1, 50000]) {
            assert.strictEqual(only(await build({ priority }), T.listenerRule).inputs.priority, priority);
        }
        const rule = only(
            await build({ hosts: ["a.example.com", "*.example.com", "c.example.co?"], paths: ["/a/*", "/b"] }),
            T.listenerRule,
        );
        assert.strictEqual((rule.inputs.conditions as unknown[]).length, 2);
    });
});
