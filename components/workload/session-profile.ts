// How an application's code obtains 15-minute credentials without changing its image: the AWS SDKs
// chain a role from the container's credentials when a shared config profile says so, and ECS can
// neither set a role ARN for that chain by environment variable nor place a file in a read-only
// root file system. So a small first container (the platform's profile writer image) writes the
// profile to a task volume, exits, and the application starts after it with the SDK pointed at it.

import { SESSION_SECONDS } from "./workload-roles-policies";

/** The task volume holding the profile: written by the writer, read-only in the application's container. */
export const SESSION_PROFILE_VOLUME = { name: "aws-session", containerPath: "/aws-session" } as const;

/** The writer container's name; the application's container starts once it has exited with 0. */
export const SESSION_PROFILE_WRITER = "aws-session-profile";

/** The profile the application's SDK uses (AWS_PROFILE). */
export const SESSION_PROFILE_NAME = "session";

/** Where the profile is written (AWS_CONFIG_FILE). */
export const SESSION_PROFILE_FILE = `${SESSION_PROFILE_VOLUME.containerPath}/config`;

/** The variable the writer receives the profile's text in. */
const PROFILE_VARIABLE = "AWS_SESSION_PROFILE";

/**
 * The shared config profile: assume the session role with the container's (task role's)
 * credentials, for SESSION_SECONDS, through the region's STS endpoint (the VPC's STS interface
 * endpoint answers it; the global endpoint is out of reach of a task without internet).
 */
export function sessionProfile(sessionRoleArn: string, region: string, sessionName: string): string {
    return [
        `[profile ${SESSION_PROFILE_NAME}]`,
        `role_arn = ${sessionRoleArn}`,
        "credential_source = EcsContainer",
        `duration_seconds = ${SESSION_SECONDS}`,
        `role_session_name = ${sessionName}`,
        `region = ${region}`,
        "sts_regional_endpoints = regional",
        "",
    ].join("\n");
}

/** The environment variables that point the application's SDK at the profile. */
export function sessionProfileVariables(): Record<string, string> {
    return { AWS_CONFIG_FILE: SESSION_PROFILE_FILE, AWS_PROFILE: SESSION_PROFILE_NAME };
}

/** What the writer container needs besides the profile: the image and how it runs and logs like the application. */
export interface SessionProfileWriterFacts {
    /** The platform's writer image (ECR, by digest): it needs `/bin/sh` and nothing else. */
    readonly image: string;
    /** The application's user: the profile belongs to the user that reads it. */
    readonly user: string;
    /** The application's log configuration (awslogs to its own group), with the writer's stream prefix. */
    readonly logConfiguration: { readonly logDriver: "awslogs"; readonly options: Readonly<Record<string, string>> };
}

/**
 * The writer: an inessential container that writes the profile and exits, with the same hardening
 * as the application's (read-only root, non-root user, no capability, not privileged); it writes
 * only to the profile volume.
 */
export function sessionProfileWriter(facts: SessionProfileWriterFacts, profile: string) {
    return {
        name: SESSION_PROFILE_WRITER,
        image: facts.image,
        essential: false,
        user: facts.user,
        readonlyRootFilesystem: true,
        privileged: false,
        linuxParameters: { capabilities: { add: [], drop: ["ALL"] } },
        entryPoint: ["/bin/sh", "-c"],
        command: [`umask 022 && printf '%s' "$${PROFILE_VARIABLE}" > ${SESSION_PROFILE_FILE}`],
        environment: [{ name: PROFILE_VARIABLE, value: profile }],
        mountPoints: [{ sourceVolume: SESSION_PROFILE_VOLUME.name, containerPath: SESSION_PROFILE_VOLUME.containerPath, readOnly: false }],
        logConfiguration: {
            ...facts.logConfiguration,
            options: { ...facts.logConfiguration.options, "awslogs-stream-prefix": SESSION_PROFILE_WRITER },
        },
    };
}
