import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { validAccountId, validRegion } from "../../validation/aws-identifiers";
import { validNameKey } from "../../validation/name-keys";
import { workloadRoleName, type WorkloadRole } from "./workload-names";
import { assumeSessionPolicy, ecsTasksTrustPolicy, sessionTrustPolicy, SHORTEST_MAX_SESSION_SECONDS } from "./workload-roles-policies";

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
    task: "what ECS hands its containers; may only assume the session role",
    session: "what its code works as, in sessions of 15 minutes",
    execution: "what ECS starts its tasks with (image pull, logs, secrets injection)",
};

/**
 * An application's task, session and execution roles. The task role's only permission is to assume
 * the session role, which trusts the task role only: what the application may do lives on the
 * session role, whose credentials the SDK obtains for 15 minutes (session-profile.ts), so a leaked
 * container credential is worth nothing but a 15-minute session. The key ring names the session
 * role in the application key's policy, and KMS refuses a principal that does not exist, so the
 * roles come first and ContainerService attaches the session and execution roles' permissions
 * later (as role policies).
 */
export class WorkloadRoles extends pulumi.ComponentResource {
    /** ARN of the task role (ECS hands its credentials to the containers; it may only assume the session role). */
    public readonly taskRoleArn: pulumi.Output<string>;
    /** ARN of the session role (the application's own permissions). */
    public readonly sessionRoleArn: pulumi.Output<string>;
    /** Name of the session role. */
    public readonly sessionRoleName: pulumi.Output<string>;
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

        const ecsTasksTrust = JSON.stringify(ecsTasksTrustPolicy(args.accountId, args.region));
        const role = (kind: WorkloadRole, trust: pulumi.Input<string>): aws.iam.Role => {
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
        const task = role("task", ecsTasksTrust);
        const execution = role("execution", ecsTasksTrust);
        const session = role(
            "session",
            task.arn.apply((arn) => JSON.stringify(sessionTrustPolicy(arn))),
        );
        new aws.iam.RolePolicy(
            `${name}-task-assume-session`,
            { role: task.name, policy: session.arn.apply((arn) => JSON.stringify(assumeSessionPolicy(arn))) },
            { parent: this },
        );

        this.taskRoleArn = task.arn;
        this.sessionRoleArn = session.arn;
        this.sessionRoleName = session.name;
        this.executionRoleArn = execution.arn;
        this.executionRoleName = execution.name;
        this.registerOutputs({
            taskRoleArn: this.taskRoleArn,
            sessionRoleArn: this.sessionRoleArn,
            sessionRoleName: this.sessionRoleName,
            executionRoleArn: this.executionRoleArn,
            executionRoleName: this.executionRoleName,
        });
    }
}
