import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { validAccountId, validRegion } from "../../validation/aws-identifiers";
import { validNameKey } from "../../validation/name-keys";
import { workloadRoleName, type WorkloadRole } from "./workload-names";
import { ecsTasksTrustPolicy, SHORTEST_MAX_SESSION_SECONDS } from "./workload-roles-policies";

export interface WorkloadRolesArgs {
    /** Environment name (lowercase): the first part of the role names. */
    environment: string;
    /** Application name (lowercase): the second part of the role names. */
    application: string;
    /** Account the roles live in; only its ECS tasks may assume them. */
    accountId: string;
    /** Region whose ECS tasks may assume the roles. */
    region: string;
}

const DESCRIPTIONS: Record<WorkloadRole, string> = {
    task: "what its containers run as",
    execution: "what ECS starts its tasks with (image pull, logs, secrets injection)",
};

/**
 * An application's task and execution roles, trust only: the key ring names the task role in the
 * application key's policy, and KMS refuses a principal that does not exist, so the roles come
 * first and ContainerService attaches their permissions later (as role policies).
 */
export class WorkloadRoles extends pulumi.ComponentResource {
    /** ARN of the task role (the application's own permissions). */
    public readonly taskRoleArn: pulumi.Output<string>;
    /** Name of the task role. */
    public readonly taskRoleName: pulumi.Output<string>;
    /** ARN of the execution role (ECS's permissions on the application's behalf). */
    public readonly executionRoleArn: pulumi.Output<string>;
    /** Name of the execution role. */
    public readonly executionRoleName: pulumi.Output<string>;

    constructor(name: string, args: WorkloadRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        validNameKey("WorkloadRoles: environment", args.environment);
        validNameKey("WorkloadRoles: application", args.application);
        validAccountId("WorkloadRoles: accountId", args.accountId);
        validRegion("WorkloadRoles: region", args.region);
        super("zero-trust:workload:WorkloadRoles", name, {}, opts);

        const trust = JSON.stringify(ecsTasksTrustPolicy(args.accountId, args.region));
        const role = (kind: WorkloadRole): aws.iam.Role => {
            const roleName = workloadRoleName(args.environment, args.application, kind);
            return new aws.iam.Role(
                `${name}-${kind}`,
                {
                    name: roleName,
                    description: `${args.environment}/${args.application}: ${DESCRIPTIONS[kind]}`,
                    assumeRolePolicy: trust,
                    maxSessionDuration: SHORTEST_MAX_SESSION_SECONDS,
                    tags: { Name: roleName },
                },
                { parent: this },
            );
        };
        const task = role("task");
        const execution = role("execution");

        this.taskRoleArn = task.arn;
        this.taskRoleName = task.name;
        this.executionRoleArn = execution.arn;
        this.executionRoleName = execution.name;
        this.registerOutputs({
            taskRoleArn: this.taskRoleArn,
            taskRoleName: this.taskRoleName,
            executionRoleArn: this.executionRoleArn,
            executionRoleName: this.executionRoleName,
        });
    }
}
