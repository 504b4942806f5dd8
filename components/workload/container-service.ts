import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type { IdentityPolicyStatement, PolicyStatement } from "../../iam/policy-document";
import { checkWhenKnown, fail, refuseRepeats, validMatching, validNonEmptyList, validWholeNumber } from "../../validation/argument-error";
import { KEY_ARN, ROLE_ARN, SECURITY_GROUP_ID, validAccountId, validRegion, validRoleName } from "../../validation/aws-identifiers";
import { validLogGroupNamePrefix } from "../../validation/log-groups";
import { validLogRetentionDays } from "../../validation/log-retention";
import { validNameKey } from "../../validation/name-keys";
import { isPort } from "../../validation/ports";
import { ecrRepositoryArn, validEcrDigestImage } from "./container-image";
import { executionRolePolicy, sessionRolePolicy } from "./container-service-policies";
import { checkFargateTaskSize } from "./fargate-task-size";
import {
    SESSION_PROFILE_VOLUME,
    SESSION_PROFILE_WRITER,
    sessionProfile,
    sessionProfileVariables,
    sessionProfileWriter,
} from "./session-profile";
import { workloadLogGroupName } from "./workload-names";

/** The writable scratch space of a container whose root file system is read-only (task storage, gone with the task). */
export const SCRATCH_VOLUME = { name: "tmp", containerPath: "/tmp" } as const;

/** Seconds the load balancers' health checks are ignored after a task starts, so a slow start is not a failed deployment. */
export const HEALTH_CHECK_GRACE_SECONDS = 60;

/** Most tasks a service may ask for. */
export const MAX_DESIRED_COUNT = 100;

/**
 * Environment variables the platform's credentials flow owns: set in a task definition they would
 * replace the task role's short-lived credentials (keys) or redirect the SDK's credential chain.
 */
const CREDENTIAL_VARIABLES =
    /^AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE|CONFIG_FILE|SHARED_CREDENTIALS_FILE|ROLE_ARN|WEB_IDENTITY_TOKEN_FILE|CONTAINER_[A-Z_]*)$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;
/** `uid` or `uid:gid`, numeric: a name would need the image's /etc/passwd to mean anything. */
const NUMERIC_USER = /^(\d{1,10})(?::(\d{1,10}))?$/;
/** A Secrets Manager secret ARN (the name ends with the 6 characters Secrets Manager appends). */
const SECRET_ARN = /^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}$/;
const TARGET_GROUP_ARN = /^arn:aws:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;

/** A secret the container receives as an environment variable and may read again at runtime. */
export interface ContainerSecret {
    /** Lowercase name (a-z 0-9 -): the variable is the name in upper case with `_` for `-` (`payment-token` → `PAYMENT_TOKEN`). */
    readonly name: string;
    /** ARN of the secret (Secrets Manager, encrypted with the environment's `secrets` key). */
    readonly arn: pulumi.Input<string>;
}

/** A target group the service registers its tasks in. */
export interface ContainerLoadBalancer {
    /** ARN of the target group (HTTPS to `containerPort`). */
    readonly targetGroupArn: pulumi.Input<string>;
}

export interface ContainerServiceArgs {
    /** Environment name (lowercase). */
    environment: string;
    /** Application name (lowercase): the service, the container and the task family `<environment>-<application>`. */
    application: string;
    /** Region of the provider the component is given. */
    region: string;
    /** Account of the provider the component is given. */
    accountId: string;
    /** ARN of the environment's cluster (WorkloadCluster). */
    clusterArn: pulumi.Input<string>;
    /** The image: a private ECR image in `region`, pinned by digest (`<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex>`); tags are refused. */
    image: string;
    /** Port the container listens on (TLS), 1024 or above: the container is not root and may not bind below. */
    containerPort: number;
    /** Task CPU units (256, 512, 1024, 2048, 4096, 8192, 16384). */
    cpu: number;
    /** Task memory in MiB, one Fargate allows with `cpu`. */
    memory: number;
    /** Tasks the service keeps running (1 to 100). */
    desiredCount: number;
    /** User the container runs as: numeric `uid` or `uid:gid`, neither 0 (root). */
    user: string;
    /** Private subnets the tasks run in (no public IP is ever assigned). */
    privateSubnetIds: pulumi.Input<string>[];
    /** The application's security group (tasks), created by the stack. */
    securityGroupId: pulumi.Input<string>;
    /** ARN of the application's task role (WorkloadRoles): what ECS hands the containers, good only for assuming the session role. */
    taskRoleArn: pulumi.Input<string>;
    /** ARN of the application's session role (WorkloadRoles): the application's code works as it, in 15-minute sessions. */
    sessionRoleArn: pulumi.Input<string>;
    /** Name of the session role: the application's permissions are attached here. */
    sessionRoleName: pulumi.Input<string>;
    /** ARN of the application's execution role (WorkloadRoles). */
    executionRoleArn: pulumi.Input<string>;
    /** Name of the execution role: its permissions are attached here. */
    executionRoleName: pulumi.Input<string>;
    /** The application's key: encrypts the log group; the session role may use it for its own data. */
    applicationKeyArn: pulumi.Input<string>;
    /** The environment's `secrets` key, which encrypts `secrets`: decrypted only through Secrets Manager. */
    secretsKeyArn: pulumi.Input<string>;
    /** The environment's log-group prefix (starts and ends with `/`): the log group is `<prefix>workloads/<application>`. */
    logGroupNamePrefix: string;
    /** Days the container's logs are kept (a value CloudWatch Logs accepts). */
    logRetentionDays: number;
    /** Secrets injected as environment variables (valueFrom) and readable by the session role at runtime (rotation). */
    secrets: ContainerSecret[];
    /** Plain environment variables; none may name AWS credentials or redirect the SDK's credential chain. */
    environmentVariables: Record<string, pulumi.Input<string>>;
    /** Every target group the service registers its tasks in, on `containerPort`. */
    loadBalancers: ContainerLoadBalancer[];
    /** Identity-policy statements other components need on the session role (rds-db:connect, acm-pca:IssueCertificate, …); no Principal. */
    sessionRoleStatements: pulumi.Input<PolicyStatement>[];
    /**
     * The platform's session-profile writer image: a private ECR image in `region`, by digest, with
     * `/bin/sh`; it runs first in every task and writes the SDK profile of the session role.
     */
    sessionProfileWriterImage: string;
}

/** The environment variable a secret is injected as. */
export const secretVariableName = (secretName: string): string => secretName.toUpperCase().replace(/-/g, "_");

/**
 * An application on Fargate: a task definition whose container runs as a non-root user on a
 * read-only root file system with every Linux capability dropped (scratch space on /tmp only),
 * logs to its own log group encrypted with the application key, receives its secrets from
 * Secrets Manager, and works in 15-minute sessions of its session role (the profile writer runs
 * first: session-profile.ts); a service in private subnets without public IP, behind the given
 * security group, that rolls back a failed deployment and never allows ECS Exec; and the session
 * and execution roles' permissions (container-service-policies.ts), nothing more.
 */
export class ContainerService extends pulumi.ComponentResource {
    /** Name of the ECS service. */
    public readonly serviceName: pulumi.Output<string>;
    /** ARN of the task definition (this revision). */
    public readonly taskDefinitionArn: pulumi.Output<string>;
    /** Name of the application's log group. */
    public readonly logGroupName: pulumi.Output<string>;

    constructor(name: string, args: ContainerServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        const images = checkArgs(args);
        super("zero-trust:workload:ContainerService", name, {}, opts);
        const { accountId, region, application: app } = args;
        const family = `${args.environment}-${app}`;
        const logGroupName = workloadLogGroupName(args.logGroupNamePrefix, app);

        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            { name: logGroupName, kmsKeyId: args.applicationKeyArn, retentionInDays: args.logRetentionDays, tags: { Name: logGroupName } },
            { parent: this },
        );

        const facts = pulumi
            .all([args.applicationKeyArn, args.secretsKeyArn, args.secrets.map((s) => s.arn), args.sessionRoleStatements])
            .apply(([applicationKeyArn, secretsKeyArn, secretArns, statements]) => ({
                accountId,
                region,
                repositoryArns: [...new Set(images.map(ecrRepositoryArn))],
                logGroupName,
                applicationKeyArn,
                secretsKeyArn,
                secretArns,
                sessionRoleStatements: statements.map((s, index) => identityStatement(`sessionRoleStatements[${index}]`, s)),
            }));
        const executionPolicy = new aws.iam.RolePolicy(
            `${name}-execution-permissions`,
            { role: args.executionRoleName, policy: facts.apply((f) => JSON.stringify(executionRolePolicy(f))) },
            { parent: this },
        );
        const sessionPolicy = new aws.iam.RolePolicy(
            `${name}-session-permissions`,
            { role: args.sessionRoleName, policy: facts.apply((f) => JSON.stringify(sessionRolePolicy(f))) },
            { parent: this },
        );

        const logConfiguration = {
            logDriver: "awslogs" as const,
            options: { "awslogs-group": logGroupName, "awslogs-region": region, "awslogs-stream-prefix": app },
        };
        const writer = pulumi
            .output(args.sessionRoleArn)
            .apply((arn) =>
                sessionProfileWriter(
                    { image: args.sessionProfileWriterImage, user: args.user, logConfiguration },
                    sessionProfile(arn, region, family),
                ),
            );
        const container = {
            name: app,
            image: args.image,
            essential: true,
            user: args.user,
            readonlyRootFilesystem: true,
            privileged: false,
            linuxParameters: { capabilities: { add: [], drop: ["ALL"] } },
            portMappings: [{ containerPort: args.containerPort, protocol: "tcp" }],
            mountPoints: [
                { sourceVolume: SCRATCH_VOLUME.name, containerPath: SCRATCH_VOLUME.containerPath, readOnly: false },
                { sourceVolume: SESSION_PROFILE_VOLUME.name, containerPath: SESSION_PROFILE_VOLUME.containerPath, readOnly: true },
            ],
            dependsOn: [{ containerName: SESSION_PROFILE_WRITER, condition: "SUCCESS" }],
            logConfiguration,
            secrets: args.secrets.map((secret) => ({ name: secretVariableName(secret.name), valueFrom: secret.arn })),
            environment: Object.entries({ ...args.environmentVariables, ...sessionProfileVariables() }).map(([variable, value]) => ({
                name: variable,
                value,
            })),
        };
        const taskDefinition = new aws.ecs.TaskDefinition(
            `${name}-task`,
            {
                family,
                requiresCompatibilities: ["FARGATE"],
                networkMode: "awsvpc",
                cpu: String(args.cpu),
                memory: String(args.memory),
                taskRoleArn: args.taskRoleArn,
                executionRoleArn: args.executionRoleArn,
                volumes: [{ name: SCRATCH_VOLUME.name }, { name: SESSION_PROFILE_VOLUME.name }],
                // The writer comes first: it is the one that writes the profile volume.
                containerDefinitions: pulumi.jsonStringify([writer, container]),
                tags: { Name: family },
            },
            // ECS writes to the log group and reads the secrets as the execution role when the first task starts.
            { parent: this, dependsOn: [logGroup, executionPolicy] },
        );

        const service = new aws.ecs.Service(
            `${name}-service`,
            {
                name: app,
                cluster: args.clusterArn,
                taskDefinition: taskDefinition.arn,
                desiredCount: args.desiredCount,
                launchType: "FARGATE",
                platformVersion: "LATEST",
                networkConfiguration: { assignPublicIp: false, subnets: args.privateSubnetIds, securityGroups: [args.securityGroupId] },
                deploymentCircuitBreaker: { enable: true, rollback: true },
                enableExecuteCommand: false,
                enableEcsManagedTags: true,
                propagateTags: "SERVICE",
                loadBalancers: args.loadBalancers.map((lb) => ({
                    targetGroupArn: lb.targetGroupArn,
                    containerName: app,
                    containerPort: args.containerPort,
                })),
                ...(args.loadBalancers.length === 0 ? {} : { healthCheckGracePeriodSeconds: HEALTH_CHECK_GRACE_SECONDS }),
                tags: { Name: family },
            },
            // The application's code finds its permissions in place when it starts.
            { parent: this, dependsOn: [sessionPolicy] },
        );

        this.serviceName = service.name;
        this.taskDefinitionArn = taskDefinition.arn;
        this.logGroupName = logGroup.name;
        this.registerOutputs({ serviceName: this.serviceName, taskDefinitionArn: this.taskDefinitionArn, logGroupName: this.logGroupName });
    }
}

/** A statement for an identity policy (no Principal), or a one-line error naming `parameter`. */
function identityStatement(parameter: string, statement: PolicyStatement): IdentityPolicyStatement {
    if (statement.Principal !== undefined || statement.NotPrincipal !== undefined) {
        fail(`ContainerService: ${parameter}`, statement, "an identity-policy statement (no Principal or NotPrincipal)");
    }
    return statement;
}

/** Checks every argument the component alone owns; returns the task's images (the application's, the writer's). */
function checkArgs(args: ContainerServiceArgs) {
    const at = (parameter: string) => `ContainerService: ${parameter}`;
    validNameKey(at("environment"), args.environment);
    validNameKey(at("application"), args.application);
    validRegion(at("region"), args.region);
    validAccountId(at("accountId"), args.accountId);
    const image = validEcrDigestImage(at("image"), args.image, args.region);
    const writerImage = validEcrDigestImage(at("sessionProfileWriterImage"), args.sessionProfileWriterImage, args.region);
    if (!isPort(args.containerPort) || args.containerPort < 1024) {
        fail(at("containerPort"), args.containerPort, "a port from 1024 to 65535 (the container is not root and may not bind below 1024)");
    }
    checkFargateTaskSize("ContainerService", args.cpu, args.memory);
    validWholeNumber(at("desiredCount"), args.desiredCount, 1, MAX_DESIRED_COUNT, "tasks");
    const user = typeof args.user === "string" ? NUMERIC_USER.exec(args.user) : null;
    if (user === null || Number(user[1]) === 0 || (user[2] !== undefined && Number(user[2]) === 0)) {
        fail(at("user"), args.user, 'a numeric non-root user, "uid" or "uid:gid" with neither 0');
    }
    validNonEmptyList(at("privateSubnetIds"), args.privateSubnetIds, "a non-empty list of private subnet ids");
    checkWhenKnown(at("securityGroupId"), args.securityGroupId, (p, v) => validMatching(p, v, SECURITY_GROUP_ID, "a security group id"));
    for (const role of ["taskRoleArn", "sessionRoleArn", "executionRoleArn"] as const) {
        checkWhenKnown(at(role), args[role], (p, v) => validMatching(p, v, ROLE_ARN, "an IAM role ARN"));
    }
    for (const role of ["sessionRoleName", "executionRoleName"] as const) {
        checkWhenKnown(at(role), args[role], validRoleName);
    }
    for (const key of ["applicationKeyArn", "secretsKeyArn"] as const) {
        checkWhenKnown(at(key), args[key], (p, v) => validMatching(p, v, KEY_ARN, "a KMS key ARN"));
    }
    validLogGroupNamePrefix(at("logGroupNamePrefix"), args.logGroupNamePrefix);
    validLogRetentionDays(at("logRetentionDays"), args.logRetentionDays);
    args.secrets.forEach((secret, index) => {
        validNameKey(at(`secrets[${index}].name`), secret.name);
        checkWhenKnown(at(`secrets[${index}].arn`), secret.arn, (p, v) => validMatching(p, v, SECRET_ARN, "a Secrets Manager secret ARN"));
    });
    refuseRepeats(
        at("secrets"),
        args.secrets.map((secret) => secret.name),
    );
    const secretVariables = args.secrets.map((secret) => secretVariableName(secret.name));
    for (const variable of Object.keys(args.environmentVariables)) {
        if (!VARIABLE_NAME.test(variable) || CREDENTIAL_VARIABLES.test(variable) || secretVariables.includes(variable)) {
            fail(
                at("environmentVariables"),
                variable,
                "an environment variable name (letters, digits, _) that is neither an AWS credential setting nor a secret's variable",
            );
        }
    }
    args.loadBalancers.forEach((lb, index) =>
        checkWhenKnown(at(`loadBalancers[${index}].targetGroupArn`), lb.targetGroupArn, (p, v) =>
            validMatching(p, v, TARGET_GROUP_ARN, "a target group ARN"),
        ),
    );
    args.sessionRoleStatements.forEach((statement, index) => {
        if (
            statement !== null &&
            typeof statement === "object" &&
            !pulumi.Output.isInstance(statement) &&
            !(statement instanceof Promise)
        ) {
            identityStatement(`sessionRoleStatements[${index}]`, statement);
        }
    });
    return [image, writerImage];
}
