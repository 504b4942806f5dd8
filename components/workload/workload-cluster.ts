import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { validNameKey } from "../../validation/name-keys";

/** The only capacity the cluster offers: Fargate, so there are no container instances to patch or harden. */
export const WORKLOAD_CAPACITY_PROVIDERS = ["FARGATE"] as const;

export interface WorkloadClusterArgs {
    /** Environment name (lowercase): the cluster is `<environment>-workloads`. */
    environment: string;
}

/**
 * The environment's ECS cluster: Fargate capacity only, Container Insights on. ECS Exec is not
 * configured here and every service turns it off: a shell into a running task bypasses the image
 * that was reviewed and the read-only root file system, so the paved road offers none.
 */
export class WorkloadCluster extends pulumi.ComponentResource {
    /** ARN of the cluster. */
    public readonly clusterArn: pulumi.Output<string>;
    /** Name of the cluster. */
    public readonly clusterName: pulumi.Output<string>;

    constructor(name: string, args: WorkloadClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        validNameKey("WorkloadCluster: environment", args.environment);
        super("zero-trust:workload:WorkloadCluster", name, {}, opts);
        const clusterName = `${args.environment}-workloads`;

        const cluster = new aws.ecs.Cluster(
            `${name}-cluster`,
            {
                name: clusterName,
                settings: [{ name: "containerInsights", value: "enabled" }],
                tags: { Name: clusterName },
            },
            { parent: this },
        );
        new aws.ecs.ClusterCapacityProviders(
            `${name}-capacity`,
            {
                clusterName: cluster.name,
                capacityProviders: [...WORKLOAD_CAPACITY_PROVIDERS],
                defaultCapacityProviderStrategies: [{ capacityProvider: "FARGATE", weight: 1, base: 0 }],
            },
            { parent: this },
        );

        this.clusterArn = cluster.arn;
        this.clusterName = cluster.name;
        this.registerOutputs({ clusterArn: this.clusterArn, clusterName: this.clusterName });
    }
}
