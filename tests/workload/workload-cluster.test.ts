import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { WorkloadCluster } from "../../components/workload/workload-cluster";
import { awsResourcesThrough, only, RecordingMocks, valueOf } from "../network/recording-mocks";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";

describe("WorkloadCluster", () => {
    let mocks: RecordingMocks;
    let cluster: WorkloadCluster;
    before(async () => {
        mocks = RecordingMocks.install();
        const provider = new aws.Provider("env", { region: "eu-west-1", allowedAccountIds: ["111111111111"] });
        cluster = new WorkloadCluster("workloads", { environment: "staging" }, { provider });
        await mocks.settled();
    });

    it("creates one cluster per environment, named after it, with Container Insights on", () => {
        const ecs = only(mocks, "aws:ecs/cluster:Cluster");
        assert.strictEqual(ecs.inputs.name, "staging-workloads");
        assert.deepStrictEqual(ecs.inputs.settings, [{ name: "containerInsights", value: "enabled" }]);
    });

    it("configures no ECS Exec on the cluster", () => {
        assert.strictEqual(only(mocks, "aws:ecs/cluster:Cluster").inputs.configuration, undefined);
    });

    it("offers Fargate capacity only, Fargate by default", () => {
        const capacity = only(mocks, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders");
        assert.deepStrictEqual(capacity.inputs.capacityProviders, ["FARGATE"]);
        assert.deepStrictEqual(capacity.inputs.defaultCapacityProviderStrategies, [{ capacityProvider: "FARGATE", weight: 1, base: 0 }]);
        assert.strictEqual(capacity.inputs.clusterName, "staging-workloads");
    });

    it("declares its resources in the component, through the given provider, and outputs the cluster", async () => {
        const component = only(mocks, "zero-trust:workload:WorkloadCluster");
        const resources = awsResourcesThrough(mocks, "env");
        assert.strictEqual(resources.length, 2);
        for (const resource of resources) {
            assert.strictEqual(resource.parent, component.urn, resource.name);
        }
        assert.strictEqual(await valueOf(cluster.clusterName), "staging-workloads");
        assert.match(await valueOf(cluster.clusterArn), /^arn:aws:ecs:eu-west-1:\d{12}:cluster\//);
        assert.deepStrictEqual(Object.keys(component.outputs).sort(), ["clusterArn", "clusterName"]);
    });

    it("refuses an environment that is not a lowercase name, before declaring anything", async () => {
        await assertRefusedBeforeDeclaring(
            () => new WorkloadCluster("workloads", { environment: "Staging" }),
            /^WorkloadCluster: environment: key "Staging" is not a lowercase name/,
        );
    });
});
