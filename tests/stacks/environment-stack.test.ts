import * as assert from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { readStackConfig } from "../../offline-preview/stack-config";
import { ConfigError } from "../../stacks/config/config-error";
import type { EnvironmentOutputs } from "../../stacks/environment";
import { RecordingMocks } from "../network/recording-mocks";
import program from "../../stacks/index";

const ROOT = path.resolve(__dirname, "../..");

/** Resolves an output's value (the mocks run as `pulumi up` would, so values are known). */
const valueOf = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply((value) => resolve(value)));

/** Runs the program entry the way the engine does: inside the root stack, awaiting the export. */
async function runStack(stack: string, overrides: Record<string, string> = {}) {
    const stackConfig = readStackConfig(ROOT, stack);
    const mocks = RecordingMocks.install({ ...stackConfig, config: { ...stackConfig.config, ...overrides } });
    let outputs: EnvironmentOutputs | undefined;
    let error: unknown;
    try {
        await pulumi.runtime.runInPulumiStack(() => {
            outputs = program();
            return Promise.resolve(outputs);
        });
    } catch (err) {
        error = err;
    }
    await mocks.settled();
    return { mocks, outputs, error };
}

/** Provider inputs travel JSON-encoded when they are not strings. */
const decoded = (value: unknown): unknown => (typeof value === "string" && /^[[{]/.test(value) ? JSON.parse(value) : value);

describe("environment stack", () => {
    describe("staging", () => {
        let run: Awaited<ReturnType<typeof runStack>>;
        before(async () => {
            run = await runStack("staging");
        });

        it("runs without error and exports the network outputs", async () => {
            assert.strictEqual(run.error, undefined);
            const outputs = run.outputs;
            assert.ok(outputs !== undefined);
            assert.strictEqual(await valueOf(outputs.vpcId), run.mocks.named("staging-network-vpc").id);
            assert.match(await valueOf(outputs.vpcId), /^vpc-[0-9a-f]+$/);
            assert.strictEqual(await valueOf(outputs.vpcCidr), "10.20.0.0/16");
            assert.deepStrictEqual(
                [outputs.publicSubnetIds.length, outputs.privateSubnetIds.length, outputs.isolatedSubnetIds.length, outputs.privateRouteTableIds.length],
                [3, 3, 3, 3],
            );
            assert.strictEqual(await valueOf(outputs.flowLogGroupName), "/zero-trust/staging/vpc-flow-logs/staging-network");
            assert.strictEqual(await valueOf(outputs.dataSecurityGroupId), run.mocks.named("staging-network-sg-data").id);
        });

        it("creates one AWS provider pinned to the account and region, with the common tags", () => {
            const providers = run.mocks.ofType("pulumi:providers:aws");
            assert.strictEqual(providers.length, 1);
            const provider = providers[0];
            assert.strictEqual(provider.name, "staging");
            assert.strictEqual(provider.inputs.region, "eu-west-1");
            assert.deepStrictEqual(decoded(provider.inputs.allowedAccountIds), ["111111111111"]);
            assert.deepStrictEqual(decoded(provider.inputs.defaultTags), {
                tags: { Environment: "staging", CostCenter: "platform", ManagedBy: "pulumi", Stack: "staging" },
            });
        });

        it("gives every AWS resource that provider explicitly", () => {
            const resources = run.mocks.registrations.filter((r) => r.type.startsWith("aws:"));
            assert.ok(resources.length > 50);
            const reference = run.mocks.providerReference("staging");
            assert.match(reference, /::pulumi:providers:aws::staging::[0-9a-f-]{36}$/);
            for (const resource of resources) {
                assert.strictEqual(resource.provider, reference, `${resource.type} ${resource.name}`);
            }
        });

        it("builds the network the config describes (single NAT, the configured endpoints)", () => {
            assert.strictEqual(run.mocks.ofType("zero-trust:network:ThreeTierVpc").length, 1);
            assert.strictEqual(run.mocks.ofType("aws:ec2/natGateway:NatGateway").length, 1);
            const interfaces = run.mocks.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").filter((e) => e.inputs.vpcEndpointType === "Interface");
            assert.strictEqual(interfaces.length, 7);
            assert.strictEqual(run.mocks.named("staging-network-flow-logs-group").inputs.retentionInDays, 365);
        });

        it("builds the internet entry point from the stack's certificate and exports the load balancer", async () => {
            const [alb, ...others] = run.mocks.ofType("aws:lb/loadBalancer:LoadBalancer");
            assert.deepStrictEqual(others, []);
            assert.strictEqual(alb.inputs.internal, false);
            const [https] = run.mocks.ofType("aws:lb/listener:Listener").filter((l) => l.inputs.port === 443);
            assert.deepStrictEqual(
                [https.inputs.certificateArn, https.inputs.sslPolicy],
                ["arn:aws:acm:eu-west-1:111111111111:certificate/3f0c2a7e-8b14-4d6a-9e25-c1d7b08f4a63", "ELBSecurityPolicy-TLS13-1-2-2021-06"],
            );
            const outputs = run.outputs;
            assert.ok(outputs?.loadBalancerArn !== undefined);
            assert.strictEqual(await valueOf(outputs.loadBalancerArn), alb.outputs.arn);
            assert.ok("loadBalancerDnsName" in outputs);
        });
    });

    describe("GuardDuty", () => {
        let run: Awaited<ReturnType<typeof runStack>>;
        before(async () => {
            run = await runStack("staging");
        });

        it("builds one protected detector with every protection plan through the environment's provider, and exports its id", async () => {
            const [component, ...others] = run.mocks.ofType("zero-trust:detection:GuardDutyDetector");
            assert.deepStrictEqual(others, []);
            assert.strictEqual(component.name, "staging-guardduty");
            const detector = run.mocks.named("staging-guardduty-detector");
            assert.deepStrictEqual(
                [detector.inputs.enable, detector.inputs.findingPublishingFrequency, detector.protect, detector.provider],
                [true, "FIFTEEN_MINUTES", true, run.mocks.providerReference("staging")],
            );
            const features = run.mocks.ofType("aws:guardduty/detectorFeature:DetectorFeature");
            assert.deepStrictEqual(
                features.map((f) => `${String(f.inputs.name)}=${String(f.inputs.status)}`).sort(),
                ["EBS_MALWARE_PROTECTION", "EKS_AUDIT_LOGS", "LAMBDA_NETWORK_LOGS", "RDS_LOGIN_EVENTS", "RUNTIME_MONITORING", "S3_DATA_EVENTS"].map((f) => `${f}=ENABLED`),
            );
            assert.ok(run.outputs !== undefined);
            assert.strictEqual(await valueOf(run.outputs.guardDutyDetectorId), detector.id);
        });

        it("follows zero-trust-aws:detection: a subset of plans (the rest DISABLED) and another publishing frequency", async () => {
            const { mocks, error } = await runStack("staging", {
                "zero-trust-aws:detection": JSON.stringify({ guardDutyFeatures: ["S3_DATA_EVENTS", "EKS_AUDIT_LOGS"], findingPublishingFrequency: "ONE_HOUR" }),
            });
            assert.strictEqual(error, undefined);
            assert.strictEqual(mocks.named("staging-guardduty-detector").inputs.findingPublishingFrequency, "ONE_HOUR");
            const enabled = mocks
                .ofType("aws:guardduty/detectorFeature:DetectorFeature")
                .filter((f) => f.inputs.status === "ENABLED")
                .map((f) => f.inputs.name)
                .sort();
            assert.deepStrictEqual(enabled, ["EKS_AUDIT_LOGS", "S3_DATA_EVENTS"]);
            assert.strictEqual(mocks.ofType("aws:guardduty/detectorFeature:DetectorFeature").length, 6);
        });

        it("refuses a bad detection config before declaring any resource", async () => {
            const { mocks, error } = await runStack("staging", { "zero-trust-aws:detection": JSON.stringify({ findingPublishingFrequency: "HOURLY" }) });
            assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
            assert.strictEqual(error.message, "invalid config zero-trust-aws:detection.findingPublishingFrequency=HOURLY: expected one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS");
            assert.deepStrictEqual(mocks.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack"), []);
        });
    });

    it("without network.loadBalancer: no load balancer, no internet ingress, no load balancer outputs", async () => {
        const network = JSON.parse(readStackConfig(ROOT, "staging").config["zero-trust-aws:network"]) as Record<string, unknown>;
        delete network["loadBalancer"];
        const { mocks, outputs, error } = await runStack("staging", { "zero-trust-aws:network": JSON.stringify(network) });
        assert.strictEqual(error, undefined);
        assert.deepStrictEqual(mocks.ofType("aws:lb/loadBalancer:LoadBalancer"), []);
        assert.deepStrictEqual(mocks.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.inputs.cidrIpv4 === "0.0.0.0/0"), []);
        assert.deepStrictEqual([outputs?.loadBalancerArn, outputs?.loadBalancerDnsName], [undefined, undefined]);
    });

    it("prod: one NAT per AZ and its own retention", async () => {
        const { mocks, error } = await runStack("prod");
        assert.strictEqual(error, undefined);
        assert.strictEqual(mocks.ofType("aws:ec2/natGateway:NatGateway").length, 3);
        assert.strictEqual(mocks.named("prod-network-flow-logs-group").inputs.retentionInDays, 731);
        assert.match(mocks.named("prod").type, /^pulumi:providers:aws$/);
        const [https] = mocks.ofType("aws:lb/listener:Listener").filter((l) => l.inputs.port === 443);
        assert.match(String(https.inputs.certificateArn), /^arn:aws:acm:eu-west-1:222222222222:certificate\//);
    });

    it("refuses bad config before declaring any resource", async () => {
        const network = JSON.parse(readStackConfig(ROOT, "staging").config["zero-trust-aws:network"]) as Record<string, unknown>;
        const { mocks, error } = await runStack("staging", { "zero-trust-aws:network": JSON.stringify({ ...network, vpcCidr: "10.20.0.0/99" }) });
        assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
        assert.strictEqual(error.message, "invalid config zero-trust-aws:network.vpcCidr=10.20.0.0/99: expected an IPv4 CIDR with a prefix from /16 to /28");
        const declared = mocks.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack");
        assert.deepStrictEqual(declared, []);
    });
});
