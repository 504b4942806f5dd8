import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { ContainerService, type ContainerServiceArgs } from "../../components/workload/container-service";
import { executionRolePolicy, sessionRolePolicy } from "../../components/workload/container-service-policies";
import { sessionProfile } from "../../components/workload/session-profile";
import { awsResourcesThrough, decoded, dependenciesOf, oncePerVariant, only, RecordingMocks, valueOf } from "../network/recording-mocks";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";

const ACCOUNT = "111111111111";
const REGION = "eu-west-1";
const DIGEST = "a".repeat(64);
const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/orders@sha256:${DIGEST}`;
const WRITER_IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/platform/aws-session-profile@sha256:${"b".repeat(64)}`;
const SESSION_ROLE = `arn:aws:iam::${ACCOUNT}:role/staging-orders-session`;
const SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:staging/orders/payment-provider-token-AbC123`;
const TARGET_GROUP = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/staging-orders/0123456789abcdef`;
const APPLICATION_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b7c1e2d-3f4a-4b5c-8d6e-7f8091a2b3c4`;
const SECRETS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1c8d2f3e-4a5b-4c6d-9e7f-8091a2b3c4d5`;
const DB_USER = `arn:aws:rds-db:${REGION}:${ACCOUNT}:dbuser:cluster-ABCDEFGHIJKLMNOPQRSTUVWXY1/orders`;
const LOG_GROUP = "/zero-trust/staging/workloads/orders";

/** Plain arguments (the refusal tests vary them without a monitor); the build swaps in outputs. */
const ARGS: ContainerServiceArgs = {
    environment: "staging",
    application: "orders",
    region: REGION,
    accountId: ACCOUNT,
    clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/staging-workloads`,
    image: IMAGE,
    containerPort: 8443,
    cpu: 512,
    memory: 1024,
    desiredCount: 2,
    user: "10001:10001",
    privateSubnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"],
    securityGroupId: "sg-0c0ffee0000000001",
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/staging-orders-task`,
    sessionRoleArn: SESSION_ROLE,
    sessionRoleName: "staging-orders-session",
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/staging-orders-execution`,
    executionRoleName: "staging-orders-execution",
    applicationKeyArn: APPLICATION_KEY,
    secretsKeyArn: SECRETS_KEY,
    logGroupNamePrefix: "/zero-trust/staging/",
    logRetentionDays: 365,
    secrets: [{ name: "payment-provider-token", arn: SECRET }],
    environmentVariables: { DATABASE_HOST: "orders.cluster-abc.eu-west-1.rds.amazonaws.com", PGSSLMODE: "verify-full" },
    loadBalancers: [{ targetGroupArn: TARGET_GROUP }],
    sessionRoleStatements: [{ Sid: "ConnectToDatabase", Effect: "Allow", Action: "rds-db:connect", Resource: DB_USER }],
    sessionProfileWriterImage: WRITER_IMAGE,
};

const T = {
    component: "zero-trust:workload:ContainerService",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    service: "aws:ecs/service:Service",
} as const;

/** What the test varies. */
type Variant = { noLoadBalancers?: boolean; noSecrets?: boolean };

/** The component under a fresh recording monitor, the session role's ARN and name as outputs (one build per variant). */
const build = oncePerVariant(async (variant: Variant = {}) => {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("env", { region: REGION, allowedAccountIds: [ACCOUNT] });
    const sessionRole = new aws.iam.Role("session-role", { name: "staging-orders-session", assumeRolePolicy: "{}" }, { provider });
    const component = new ContainerService(
        "orders",
        {
            ...ARGS,
            sessionRoleArn: sessionRole.arn,
            sessionRoleName: sessionRole.name,
            secrets: variant.noSecrets === true ? [] : ARGS.secrets,
            loadBalancers: variant.noLoadBalancers === true ? [] : ARGS.loadBalancers,
        },
        { provider },
    );
    await mocks.settled();
    return { mocks, component };
});

/** The task's containers: the session-profile writer first, then the application's. */
const containersOf = async (variant?: Variant) => {
    const { mocks } = await build(variant);
    const definitions = decoded(only(mocks, T.taskDefinition).inputs.containerDefinitions) as Record<string, unknown>[];
    assert.deepStrictEqual(
        definitions.map((d) => d.name),
        ["aws-session-profile", "orders"],
    );
    return { writer: definitions[0], container: definitions[1] };
};
const containerOf = async (variant?: Variant) => (await containersOf(variant)).container;

describe("ContainerService", () => {
    describe("log group", () => {
        it("is the application's, encrypted with the application key, kept as configured", async () => {
            const { mocks } = await build();
            const logGroup = only(mocks, T.logGroup);
            assert.deepStrictEqual(
                [logGroup.inputs.name, logGroup.inputs.kmsKeyId, logGroup.inputs.retentionInDays],
                [LOG_GROUP, APPLICATION_KEY, 365],
            );
        });
    });

    describe("task definition", () => {
        it("is a Fargate task in awsvpc mode with the given size and the application's two roles", async () => {
            const { mocks } = await build();
            const td = only(mocks, T.taskDefinition);
            assert.deepStrictEqual(
                [td.inputs.family, td.inputs.requiresCompatibilities, td.inputs.networkMode, td.inputs.cpu, td.inputs.memory],
                ["staging-orders", ["FARGATE"], "awsvpc", "512", "1024"],
            );
            assert.match(String(td.inputs.taskRoleArn), /:role\/staging-orders-task$/);
            assert.strictEqual(td.inputs.executionRoleArn, ARGS.executionRoleArn);
        });

        it("runs both containers as the given non-root user, read-only root, unprivileged, every capability dropped", async () => {
            const { writer, container } = await containersOf();
            assert.deepStrictEqual(
                [container.name, container.image, container.essential, container.user],
                ["orders", IMAGE, true, "10001:10001"],
            );
            assert.deepStrictEqual([writer.image, writer.essential, writer.user], [WRITER_IMAGE, false, "10001:10001"]);
            for (const c of [writer, container]) {
                assert.strictEqual(c.readonlyRootFilesystem, true, String(c.name));
                assert.strictEqual(c.privileged, false, String(c.name));
                assert.deepStrictEqual(c.linuxParameters, { capabilities: { add: [], drop: ["ALL"] } }, String(c.name));
            }
        });

        it("gives the application a writable /tmp and a read-only profile volume; only the writer may write the profile", async () => {
            const { mocks } = await build();
            assert.deepStrictEqual(only(mocks, T.taskDefinition).inputs.volumes, [{ name: "tmp" }, { name: "aws-session" }]);
            const { writer, container } = await containersOf();
            assert.deepStrictEqual(container.mountPoints, [
                { sourceVolume: "tmp", containerPath: "/tmp", readOnly: false },
                { sourceVolume: "aws-session", containerPath: "/aws-session", readOnly: true },
            ]);
            assert.deepStrictEqual(writer.mountPoints, [{ sourceVolume: "aws-session", containerPath: "/aws-session", readOnly: false }]);
        });

        it("starts the application once the writer has written the session role's profile and exited with 0", async () => {
            const { writer, container } = await containersOf();
            assert.deepStrictEqual(container.dependsOn, [{ containerName: "aws-session-profile", condition: "SUCCESS" }]);
            const profile = (writer.environment as { name: string; value: string }[]).find((v) => v.name === "AWS_SESSION_PROFILE");
            assert.strictEqual(profile?.value, sessionProfile(SESSION_ROLE, REGION, "staging-orders"));
            assert.deepStrictEqual(writer.logConfiguration, {
                logDriver: "awslogs",
                options: { "awslogs-group": LOG_GROUP, "awslogs-region": REGION, "awslogs-stream-prefix": "aws-session-profile" },
            });
        });

        it("maps the container port and logs to the application's log group with awslogs", async () => {
            const container = await containerOf();
            assert.deepStrictEqual(container.portMappings, [{ containerPort: 8443, protocol: "tcp" }]);
            assert.deepStrictEqual(container.logConfiguration, {
                logDriver: "awslogs",
                options: { "awslogs-group": LOG_GROUP, "awslogs-region": REGION, "awslogs-stream-prefix": "orders" },
            });
        });

        it("injects each secret from Secrets Manager by ARN, and the plain variables as given", async () => {
            const container = await containerOf();
            assert.deepStrictEqual(container.secrets, [{ name: "PAYMENT_PROVIDER_TOKEN", valueFrom: SECRET }]);
            assert.deepStrictEqual(container.environment, [
                { name: "DATABASE_HOST", value: "orders.cluster-abc.eu-west-1.rds.amazonaws.com" },
                { name: "PGSSLMODE", value: "verify-full" },
                { name: "AWS_CONFIG_FILE", value: "/aws-session/config" },
                { name: "AWS_PROFILE", value: "session" },
            ]);
        });

        it("is registered after the log group and the execution role's permissions exist", async () => {
            const { mocks } = await build();
            const deps = dependenciesOf(mocks, "orders-task");
            assert.ok(deps.includes(only(mocks, T.logGroup).urn));
            assert.ok(deps.includes(mocks.named("orders-execution-permissions").urn));
        });
    });

    describe("service", () => {
        it("runs on Fargate's latest platform in the private subnets, without public IP, behind the given group", async () => {
            const { mocks } = await build();
            const service = only(mocks, T.service);
            assert.deepStrictEqual(
                [
                    service.inputs.name,
                    service.inputs.cluster,
                    service.inputs.launchType,
                    service.inputs.platformVersion,
                    service.inputs.desiredCount,
                ],
                ["orders", ARGS.clusterArn, "FARGATE", "LATEST", 2],
            );
            assert.deepStrictEqual(service.inputs.networkConfiguration, {
                assignPublicIp: false,
                subnets: ARGS.privateSubnetIds,
                securityGroups: [ARGS.securityGroupId],
            });
        });

        it("rolls back a failed deployment, never allows ECS Exec, and propagates its tags", async () => {
            const service = only((await build()).mocks, T.service);
            assert.deepStrictEqual(service.inputs.deploymentCircuitBreaker, { enable: true, rollback: true });
            assert.strictEqual(service.inputs.enableExecuteCommand, false);
            assert.deepStrictEqual([service.inputs.propagateTags, service.inputs.enableEcsManagedTags], ["SERVICE", true]);
        });

        it("registers its tasks in every target group on the container port, with a health-check grace period", async () => {
            const service = only((await build()).mocks, T.service);
            assert.deepStrictEqual(service.inputs.loadBalancers, [
                { targetGroupArn: TARGET_GROUP, containerName: "orders", containerPort: 8443 },
            ]);
            assert.strictEqual(service.inputs.healthCheckGracePeriodSeconds, 60);
        });

        it("has no grace period without load balancers (ECS refuses one)", async () => {
            const service = only((await build({ noLoadBalancers: true })).mocks, T.service);
            assert.deepStrictEqual(service.inputs.loadBalancers, []);
            assert.strictEqual(service.inputs.healthCheckGracePeriodSeconds, undefined);
        });

        it("starts after the session role's permissions exist", async () => {
            const { mocks } = await build();
            assert.ok(dependenciesOf(mocks, "orders-service").includes(mocks.named("orders-session-permissions").urn));
        });
    });

    describe("role permissions", () => {
        it("attaches exactly the execution and session role policies of container-service-policies.ts", async () => {
            const { mocks } = await build();
            const facts = {
                accountId: ACCOUNT,
                region: REGION,
                repositoryArns: [
                    `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/orders`,
                    `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/platform/aws-session-profile`,
                ],
                logGroupName: LOG_GROUP,
                secretArns: [SECRET],
                secretsKeyArn: SECRETS_KEY,
                applicationKeyArn: APPLICATION_KEY,
                sessionRoleStatements: [...ARGS.sessionRoleStatements] as never[],
            };
            const execution = mocks.named("orders-execution-permissions");
            const session = mocks.named("orders-session-permissions");
            assert.strictEqual(execution.inputs.role, "staging-orders-execution");
            assert.strictEqual(session.inputs.role, "staging-orders-session");
            assert.deepStrictEqual(decoded(execution.inputs.policy), executionRolePolicy(facts));
            assert.deepStrictEqual(decoded(session.inputs.policy), sessionRolePolicy(facts));
        });

        it("grants no secret when the application has none", async () => {
            const { mocks } = await build({ noSecrets: true });
            const session = decoded(mocks.named("orders-session-permissions").inputs.policy) as { Statement: { Sid: string }[] };
            assert.deepStrictEqual(
                session.Statement.map((s) => s.Sid),
                ["UseApplicationKey", "ConnectToDatabase"],
            );
        });
    });

    it("declares everything in the component, through the given provider, and outputs its names", async () => {
        const { mocks, component } = await build();
        const parent = only(mocks, T.component).urn;
        const own = awsResourcesThrough(mocks, "env").filter((r) => r.name !== "session-role");
        assert.deepStrictEqual(own.map((r) => r.type).sort(), [T.logGroup, T.rolePolicy, T.rolePolicy, T.service, T.taskDefinition].sort());
        for (const resource of own) {
            assert.strictEqual(resource.parent, parent, resource.name);
        }
        assert.strictEqual(await valueOf(component.serviceName), "orders");
        assert.strictEqual(await valueOf(component.logGroupName), LOG_GROUP);
        assert.match(await valueOf(component.taskDefinitionArn), /:task-definition\//);
    });

    describe("refusals (before declaring anything)", () => {
        const refusals: [string, Partial<ContainerServiceArgs>, RegExp][] = [
            ["an environment that is not a name", { environment: "Staging" }, /^ContainerService: environment: key "Staging"/],
            ["an application that is not a name", { application: "Orders" }, /^ContainerService: application: key "Orders"/],
            ["a bad region", { region: "eu-west" }, /^ContainerService: region: "eu-west"/],
            ["a bad account", { accountId: "12" }, /^ContainerService: accountId: "12"/],
            [
                "an image by tag",
                { image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/orders:1.2.3` },
                /^ContainerService: image: .* is not a private ECR image in eu-west-1 pinned by digest/,
            ],
            [
                "an image by tag and digest",
                { image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/orders:1.2@sha256:${DIGEST}` },
                /^ContainerService: image:/,
            ],
            ["a public registry image", { image: `docker.io/library/nginx@sha256:${DIGEST}` }, /^ContainerService: image:/],
            [
                "an image of another region",
                { image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:${DIGEST}` },
                /^ContainerService: image:/,
            ],
            ["a short digest", { image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/orders@sha256:abc` }, /^ContainerService: image:/],
            ["a privileged port", { containerPort: 443 }, /^ContainerService: containerPort: 443 is not a port from 1024 to 65535/],
            ["a port out of range", { containerPort: 70000 }, /^ContainerService: containerPort: 70000/],
            ["a CPU Fargate does not offer", { cpu: 300 }, /^ContainerService: cpu: 300 is not a Fargate task CPU/],
            [
                "memory the CPU does not allow",
                { cpu: 256, memory: 4096 },
                /^ContainerService: memory: 4096 is not a memory Fargate allows with cpu 256 \(512 to 2048 MiB in steps of 512\)/,
            ],
            [
                "memory off the CPU's steps",
                { cpu: 8192, memory: 17408 },
                /^ContainerService: memory: 17408 is not a memory Fargate allows with cpu 8192/,
            ],
            ["no tasks", { desiredCount: 0 }, /^ContainerService: desiredCount: 0 is not a whole number of tasks from 1 to 100/],
            ["root", { user: "0" }, /^ContainerService: user: "0" is not a numeric non-root user/],
            ["the root group", { user: "10001:0" }, /^ContainerService: user: "10001:0"/],
            ["a user name", { user: "app" }, /^ContainerService: user: "app"/],
            ["no subnet", { privateSubnetIds: [] }, /^ContainerService: privateSubnetIds: \[\] is not a non-empty list/],
            [
                "a bad security group",
                { securityGroupId: "default" },
                /^ContainerService: securityGroupId: "default" is not a security group id/,
            ],
            [
                "a bad task role ARN",
                { taskRoleArn: "staging-orders-task" },
                /^ContainerService: taskRoleArn: "staging-orders-task" is not an IAM role ARN/,
            ],
            [
                "a bad session role ARN",
                { sessionRoleArn: "staging-orders-session" },
                /^ContainerService: sessionRoleArn: "staging-orders-session" is not an IAM role ARN/,
            ],
            ["a bad session role name", { sessionRoleName: "a:b" }, /^ContainerService: sessionRoleName: "a:b"/],
            [
                "a writer image by tag",
                { sessionProfileWriterImage: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/aws-session-profile:1` },
                /^ContainerService: sessionProfileWriterImage: .* is not a private ECR image in eu-west-1 pinned by digest/,
            ],
            [
                "a profile variable set by hand",
                { environmentVariables: { AWS_PROFILE: "admin" } },
                /^ContainerService: environmentVariables: "AWS_PROFILE"/,
            ],
            ["a bad execution role name", { executionRoleName: "a/b" }, /^ContainerService: executionRoleName: "a\/b"/],
            [
                "a key alias",
                { applicationKeyArn: "alias/orders" },
                /^ContainerService: applicationKeyArn: "alias\/orders" is not a KMS key ARN/,
            ],
            ["a bad secrets key", { secretsKeyArn: "*" }, /^ContainerService: secretsKeyArn: "\*"/],
            ["a bad log prefix", { logGroupNamePrefix: "zero-trust" }, /^ContainerService: logGroupNamePrefix: "zero-trust"/],
            ["a retention CloudWatch refuses", { logRetentionDays: 2 }, /^ContainerService: logRetentionDays: 2/],
            ["a bad secret name", { secrets: [{ name: "Token", arn: SECRET }] }, /^ContainerService: secrets\[0\]\.name: key "Token"/],
            [
                "a bad secret ARN",
                { secrets: [{ name: "token", arn: "token" }] },
                /^ContainerService: secrets\[0\]\.arn: "token" is not a Secrets Manager secret ARN/,
            ],
            [
                "a secret twice",
                {
                    secrets: [
                        { name: "token", arn: SECRET },
                        { name: "token", arn: SECRET },
                    ],
                },
                /^ContainerService: secrets: "token" is listed twice/,
            ],
            [
                "an AWS credential variable",
                { environmentVariables: { AWS_ACCESS_KEY_ID: "AKIA" } },
                /^ContainerService: environmentVariables: "AWS_ACCESS_KEY_ID" is not an environment variable name .* neither an AWS credential setting/,
            ],
            [
                "a credential-chain variable",
                { environmentVariables: { AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://x" } },
                /^ContainerService: environmentVariables: "AWS_CONTAINER_CREDENTIALS_FULL_URI"/,
            ],
            [
                "a variable that shadows a secret",
                { environmentVariables: { PAYMENT_PROVIDER_TOKEN: "x" } },
                /^ContainerService: environmentVariables: "PAYMENT_PROVIDER_TOKEN"/,
            ],
            [
                "a variable name with a hyphen",
                { environmentVariables: { "DB-HOST": "x" } },
                /^ContainerService: environmentVariables: "DB-HOST"/,
            ],
            [
                "a bad target group",
                { loadBalancers: [{ targetGroupArn: "orders" }] },
                /^ContainerService: loadBalancers\[0\]\.targetGroupArn: "orders" is not a target group ARN/,
            ],
            [
                "a statement with a principal",
                { sessionRoleStatements: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] },
                /^ContainerService: sessionRoleStatements\[0\]: .* is not an identity-policy statement/,
            ],
        ];
        for (const [what, override, message] of refusals) {
            it(`refuses ${what}`, async () => {
                await assertRefusedBeforeDeclaring(() => new ContainerService("orders", { ...ARGS, ...override }), message);
            });
        }

        it("accepts the smallest and largest memory of several Fargate CPUs (the twin of the refusals)", async () => {
            for (const [cpu, memory] of [
                [256, 512],
                [256, 2048],
                [2048, 16384],
                [8192, 61440],
                [16384, 32768 + 8192],
            ]) {
                const mocks = RecordingMocks.install();
                new ContainerService("orders", { ...ARGS, cpu, memory }, { provider: new aws.Provider("p", { region: REGION }) });
                await mocks.settled();
                assert.strictEqual(only(mocks, T.taskDefinition).inputs.memory, String(memory), `${cpu}/${memory}`);
            }
        });
    });
});
