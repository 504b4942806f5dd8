import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { InternalServiceEndpoint, type InternalServiceEndpointArgs } from "../../components/workload/internal-service-endpoint";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";
import { awsResourcesThrough, only, RecordingMocks, type Registration, valueOf } from "../network/recording-mocks";
import {
    CALLER_SG,
    CERTIFICATE_ARN,
    GATEWAY_SG,
    PRIVATE_SUBNETS,
    REGION,
    SERVICE_SG,
    T,
    TRUST_STORE_ARN,
    VPC_ID,
} from "./workload-fixtures";

const BASE: InternalServiceEndpointArgs = {
    environment: "staging",
    application: "orders",
    vpcId: VPC_ID,
    privateSubnetIds: PRIVATE_SUBNETS,
    certificateArn: CERTIFICATE_ARN,
    serviceSecurityGroupId: SERVICE_SG,
    servicePort: 8443,
    healthCheckPath: "/healthz",
    allowedSecurityGroupIds: [CALLER_SG],
    clientCertificates: { trustStoreArn: TRUST_STORE_ARN },
};

interface Built {
    mocks: RecordingMocks;
    endpoint: InternalServiceEndpoint;
}
const builds = new Map<string, Promise<Built>>();

function build(overrides: Partial<InternalServiceEndpointArgs> = {}): Promise<Built> {
    const key = JSON.stringify(overrides, (_, v: unknown) => (v === undefined ? "(undefined)" : v));
    let cached = builds.get(key);
    if (cached === undefined) {
        const mocks = RecordingMocks.install();
        const provider = new aws.Provider("test-provider", { region: REGION });
        const endpoint = new InternalServiceEndpoint("orders-internal", { ...BASE, ...overrides }, { provider });
        cached = mocks.settled().then(() => ({ mocks, endpoint }));
        builds.set(key, cached);
    }
    return cached;
}

/** A rule as [its group, its peer group, port]. */
const hop = (r: Registration) => [r.inputs.securityGroupId, r.inputs.referencedSecurityGroupId, r.inputs.fromPort, r.inputs.toPort];

describe("InternalServiceEndpoint", () => {
    it("declares its resources as children, through the given provider", async () => {
        const { mocks } = await build();
        const component = only(mocks, "zero-trust:workload:InternalServiceEndpoint");
        for (const resource of awsResourcesThrough(mocks, "test-provider")) {
            assert.strictEqual(resource.parent, component.urn, resource.name);
        }
    });

    it("is an internal ALB in the private subnets behind its own group, dropping invalid headers, strictest desync mitigation, deletion-protected", async () => {
        const { mocks } = await build();
        const lb = only(mocks, T.loadBalancer);
        const group = only(mocks, T.sg);
        assert.deepStrictEqual(
            [lb.inputs.internal, lb.inputs.loadBalancerType, lb.inputs.subnets, lb.inputs.securityGroups],
            [true, "application", PRIVATE_SUBNETS, [group.id]],
        );
        assert.deepStrictEqual(
            [lb.inputs.dropInvalidHeaderFields, lb.inputs.desyncMitigationMode, lb.inputs.enableDeletionProtection],
            [true, "strictest", true],
        );
        assert.deepStrictEqual(
            [group.inputs.vpcId, group.inputs.ingress, group.inputs.egress],
            [VPC_ID, undefined, undefined],
            "no inline rules",
        );
    });

    it("listens on HTTPS 443 with the given certificate and the default TLS 1.2+ policy, forwarding to an HTTPS target group of the tasks", async () => {
        const { mocks } = await build();
        const listener = only(mocks, T.listener);
        const group = only(mocks, T.targetGroup);
        assert.deepStrictEqual(
            [listener.inputs.port, listener.inputs.protocol, listener.inputs.sslPolicy, listener.inputs.certificateArn],
            [443, "HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06", CERTIFICATE_ARN],
        );
        assert.deepStrictEqual(listener.inputs.defaultActions, [{ type: "forward", targetGroupArn: group.outputs.arn }]);
        assert.deepStrictEqual(
            [
                group.inputs.targetType,
                group.inputs.protocol,
                group.inputs.port,
                (group.inputs.healthCheck as { protocol: string }).protocol,
            ],
            ["ip", "HTTPS", 8443, "HTTPS"],
        );
    });

    it("takes another TLS 1.2+ policy when given one", async () => {
        const listener = only((await build({ sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" })).mocks, T.listener);
        assert.strictEqual(listener.inputs.sslPolicy, "ELBSecurityPolicy-TLS13-1-3-2021-06");
    });

    it("with client certificates, verifies them against the trust store and refuses expired ones", async () => {
        const listener = only((await build()).mocks, T.listener);
        assert.deepStrictEqual(listener.inputs.mutualAuthentication, {
            mode: "verify",
            trustStoreArn: TRUST_STORE_ARN,
            ignoreClientCertificateExpiry: false,
        });
    });

    it("without client certificates (an API Gateway VPC link in front), authenticates no client at the listener", async () => {
        const listener = only((await build({ clientCertificates: undefined, allowedSecurityGroupIds: [GATEWAY_SG] })).mocks, T.listener);
        assert.strictEqual(listener.inputs.mutualAuthentication, undefined);
    });

    it("admits exactly the allowed groups on 443 and reaches exactly the service on its port, each path at both ends", async () => {
        const { mocks } = await build({ allowedSecurityGroupIds: [CALLER_SG, GATEWAY_SG] });
        const endpoint = only(mocks, T.sg).id;
        assert.deepStrictEqual(
            mocks.ofType(T.sgIn).map(hop).sort(),
            [
                [endpoint, CALLER_SG, 443, 443],
                [endpoint, GATEWAY_SG, 443, 443],
                [SERVICE_SG, endpoint, 8443, 8443],
            ].sort(),
        );
        assert.deepStrictEqual(
            mocks.ofType(T.sgOut).map(hop).sort(),
            [
                [CALLER_SG, endpoint, 443, 443],
                [GATEWAY_SG, endpoint, 443, 443],
                [endpoint, SERVICE_SG, 8443, 8443],
            ].sort(),
        );
        for (const rule of [...mocks.ofType(T.sgIn), ...mocks.ofType(T.sgOut)]) {
            assert.deepStrictEqual(
                [rule.inputs.ipProtocol, rule.inputs.cidrIpv4, rule.inputs.prefixListId],
                ["tcp", undefined, undefined],
                rule.name,
            );
        }
    });

    it("publishes its listener, load balancer, DNS name, group and target group", async () => {
        const { mocks, endpoint } = await build();
        const lb = only(mocks, T.loadBalancer);
        assert.deepStrictEqual(
            await Promise.all([
                valueOf(endpoint.listenerArn),
                valueOf(endpoint.loadBalancerArn),
                valueOf(endpoint.dnsName),
                valueOf(endpoint.securityGroupId),
                valueOf(endpoint.targetGroupArn),
            ]),
            [
                only(mocks, T.listener).outputs.arn,
                lb.outputs.arn,
                lb.outputs.dnsName,
                only(mocks, T.sg).id,
                only(mocks, T.targetGroup).outputs.arn,
            ],
        );
    });

    describe("refuses bad arguments before declaring anything", () => {
        const refused = (overrides: Partial<InternalServiceEndpointArgs>, message: RegExp) =>
            assertRefusedBeforeDeclaring(() => new InternalServiceEndpoint("bad", { ...BASE, ...overrides }), message);

        it("names and identifiers", async () => {
            await refused({ environment: "" }, /^InternalServiceEndpoint: environment: key "" is not a lowercase name/);
            await refused({ application: "Orders" }, /^InternalServiceEndpoint: application: key "Orders" is not a lowercase name/);
            await refused({ vpcId: "vpc" }, /^InternalServiceEndpoint: vpcId: "vpc" is not a VPC id/);
            await refused(
                { serviceSecurityGroupId: "orders" },
                /^InternalServiceEndpoint: serviceSecurityGroupId: "orders" is not a security group id/,
            );
            await refused(
                { certificateArn: "arn:aws:acm:eu-west-1:111111111111:certificate/x" },
                /^InternalServiceEndpoint: certificateArn: ".*" is not an ACM certificate ARN/,
            );
        });

        it("subnets: at least two (an ALB spans two AZs)", async () => {
            await refused(
                { privateSubnetIds: [PRIVATE_SUBNETS[0]] },
                /^InternalServiceEndpoint: privateSubnetIds: \[".*"\] is not a list of at least 2 private subnet ids/,
            );
        });

        it("TLS: a policy that allows TLS 1.0 or 1.1", async () => {
            await refused(
                { sslPolicy: "ELBSecurityPolicy-2016-08" as InternalServiceEndpointArgs["sslPolicy"] },
                /^InternalServiceEndpoint: sslPolicy: "ELBSecurityPolicy-2016-08" is not one of ELBSecurityPolicy-TLS13-1-2-2021-06,/,
            );
        });

        it("port and health-check path", async () => {
            await refused({ servicePort: 70000 }, /^InternalServiceEndpoint: servicePort: 70000 is not an integer port/);
            await refused({ healthCheckPath: "" }, /^InternalServiceEndpoint: healthCheckPath: "" is not a health-check path/);
        });

        it("allowed groups: at least one, each a group id, none twice", async () => {
            await refused(
                { allowedSecurityGroupIds: [] },
                /^InternalServiceEndpoint: allowedSecurityGroupIds: \[\] is not a non-empty list of security group ids/,
            );
            await refused(
                { allowedSecurityGroupIds: [CALLER_SG, "sg-1"] },
                /^InternalServiceEndpoint: allowedSecurityGroupIds\[1\]: "sg-1" is not a security group id/,
            );
            await refused(
                { allowedSecurityGroupIds: [CALLER_SG, CALLER_SG] },
                /^InternalServiceEndpoint: allowedSecurityGroupIds: "sg-0ccccccccccccccc3" is listed twice$/,
            );
        });

        it("client certificates: a trust store ARN", async () => {
            await refused(
                { clientCertificates: { trustStoreArn: "arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/x" } },
                /^InternalServiceEndpoint: clientCertificates.trustStoreArn: ".*" is not an ELB trust store ARN/,
            );
        });
    });
});
