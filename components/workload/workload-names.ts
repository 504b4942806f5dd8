// Names of an application's resources that more than one piece of the program must agree on: the
// key ring names the application's roles and log group in the application key's policy before the
// workload components create them, so the names come from here, not from the components.

/**
 * The roles every containerised application gets: the task role ECS hands to its containers, which
 * may only assume the session role (what its code works as, in 15-minute sessions), and the
 * execution role ECS starts it with.
 */
export const WORKLOAD_ROLES = ["task", "session", "execution"] as const;

/** One of an application's roles. */
export type WorkloadRole = (typeof WORKLOAD_ROLES)[number];

/** IAM role name of an application's role: `<env>-<application>-<role>` (at most 64 characters with the config's name limits). */
export function workloadRoleName(environment: string, application: string, role: WorkloadRole): string {
    return `${environment}-${application}-${role}`;
}

/** ARN of an application's role in the environment's account. */
export function workloadRoleArn(accountId: string, environment: string, application: string, role: WorkloadRole): string {
    return `arn:aws:iam::${accountId}:role/${workloadRoleName(environment, application, role)}`;
}

/**
 * The application's container log group, under the environment's log-group prefix (which starts
 * and ends with `/`): `<prefix>workloads/<application>`.
 */
export function workloadLogGroupName(logGroupNamePrefix: string, application: string): string {
    return `${logGroupNamePrefix}workloads/${application}`;
}
