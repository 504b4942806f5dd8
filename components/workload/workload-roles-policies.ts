// The trust of an application's roles, as data (tests read it without running Pulumi).

import type { IdentityPolicyStatement, PolicyDocument, TrustPolicyStatement } from "../../iam/policy-document";

/** The service principal ECS assumes task and execution roles as. */
export const ECS_TASKS_SERVICE = "ecs-tasks.amazonaws.com";

/**
 * IAM's smallest maximum session duration for a role (MaxSessionDuration ranges from 3600 to
 * 43200 seconds): nobody may ask STS for a session of an application's role longer than an hour.
 */
export const SHORTEST_MAX_SESSION_SECONDS = 3600;

/** The shortest session STS issues (AssumeRole's DurationSeconds ranges from 900): the session role's credentials live this long. */
export const SESSION_SECONDS = 900;

/**
 * Only ECS tasks of this account and region may assume the role: aws:SourceAccount and
 * aws:SourceArn are the confused-deputy conditions ECS documents for task roles, so another
 * account's task definition naming this role cannot obtain its credentials.
 */
export function ecsTasksTrustPolicy(accountId: string, region: string): PolicyDocument<TrustPolicyStatement> {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "EcsTasksOfThisAccountAndRegion",
                Effect: "Allow",
                Principal: { Service: ECS_TASKS_SERVICE },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": accountId },
                    ArnLike: { "aws:SourceArn": `arn:aws:ecs:${region}:${accountId}:*` },
                },
            },
        ],
    };
}

/**
 * The session role admits its application's task role only: the one way to its permissions is a
 * chained AssumeRole from a task of the application, and chaining caps the session at an hour
 * whatever the caller asks (the session profile asks for SESSION_SECONDS).
 */
export function sessionTrustPolicy<V = string>(taskRoleArn: V): PolicyDocument<TrustPolicyStatement<V>> {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "ItsTaskRoleOnly", Effect: "Allow", Principal: { AWS: taskRoleArn }, Action: "sts:AssumeRole" }],
    };
}

/** The task role's one permission: assume the application's session role (nothing else is granted to what ECS hands the container). */
export function assumeSessionPolicy<V = string>(sessionRoleArn: V): PolicyDocument<IdentityPolicyStatement<V>> {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "AssumeItsSessionRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: sessionRoleArn }],
    };
}
