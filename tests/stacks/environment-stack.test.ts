import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "../../stacks/config/config-error";
import type { EnvironmentOutputs } from "../../stacks/environment";
import { rawStackConfig } from "../config/stack-yaml-config";
import { RecordingMocks } from "../network/recording-mocks";
import program from "../../stacks/index";

/** Resolves an output's value (the mocks run as `pulumi up` would, so values are known). */
const valueOf = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply((value) => resolve(value)));

/** Runs the program entry the way the engine does: inside the root stack, awaiting the export. */
async function runStack(stack: string, overrides: Record<string, string> = {}) {
    const mocks = RecordingMocks.install(stack);
    pulumi.runtime.setAllConfig({ ...rawStackConfig(stack), ...overrides });
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
            assert.strictEqual(await valueOf(outputs.vpcId), "staging-network-vpc-id");
            assert.strictEqual(await valueOf(outputs.vpcCidr), "10.20.0.0/16");
            assert.deepStrictEqual(
                [outputs.publicSubnetIds.length, outputs.privateSubnetIds.length, outputs.isolatedSubnetIds.length, outputs.privateRouteTableIds.length],
                [3, 3, 3, 3],
            );
            assert.strictEqual(await valueOf(outputs.flowLogGroupName), "/zero-trust/staging/vpc-flow-logs/staging-network");
            assert.strictEqual(await valueOf(outputs.dataSecurityGroupId), "staging-network-sg-data-id");
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
            for (const resource of resources) {
                assert.match(resource.provider, /[:$]pulumi:providers:aws::staging::staging-id$/, `${resource.type} ${resource.name}`);
            }
        });

        it("builds the network the config describes (single NAT, the configured endpoints)", () => {
            assert.strictEqual(run.mocks.ofType("zero-trust:network:ThreeTierVpc").length, 1);
            assert.strictEqual(run.mocks.ofType("aws:ec2/natGateway:NatGateway").length, 1);
            const interfaces = run.mocks.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").filter((e) => e.inputs.vpcEndpointType === "Interface");
            assert.strictEqual(interfaces.length, 7);
            assert.strictEqual(run.mocks.named("staging-network-flow-logs-group").inputs.retentionInDays, 365);
        });
    });

    it("prod: one NAT per AZ and its own retention", async () => {
        const { mocks, error } = await runStack("prod");
        assert.strictEqual(error, undefined);
        assert.strictEqual(mocks.ofType("aws:ec2/natGateway:NatGateway").length, 3);
        assert.strictEqual(mocks.named("prod-network-flow-logs-group").inputs.retentionInDays, 731);
        assert.match(mocks.named("prod").type, /^pulumi:providers:aws$/);
    });

    it("refuses bad config before declaring any resource", async () => {
        const network = JSON.parse(rawStackConfig("staging")["zero-trust-aws:network"]) as Record<string, unknown>;
        const { mocks, error } = await runStack("staging", { "zero-trust-aws:network": JSON.stringify({ ...network, vpcCidr: "10.20.0.0/99" }) });
        assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
        assert.strictEqual(error.message, "invalid config zero-trust-aws:network.vpcCidr=10.20.0.0/99: expected an IPv4 CIDR with a prefix from /16 to /28");
        const declared = mocks.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack");
        assert.deepStrictEqual(declared, []);
    });
});
