import { z } from "zod";
import { isPort, PORT_EXPECTED } from "../../validation/ports";
import { validEcrDigestImage } from "../../components/workload/container-image";
import {
    DATABASE_ENGINES,
    engineProfile,
    validDatabaseName,
    validEngineVersionFamily,
    validIamDatabaseUser,
} from "../../components/workload/database-engines";
import { FARGATE_MEMORY_BY_CPU, isFargateTaskSize } from "../../components/workload/fargate-task-size";
import { isLogRetentionDays, LOG_RETENTION_EXPECTED } from "../../validation/log-retention";
import { validLambdaFunctionArnIn, validRoleArnOf } from "../../validation/workload-identifiers";
import {
    ACM_CERTIFICATE_ARN,
    ACM_CERTIFICATE_ARN_EXPECTED,
    checkCertificatePlacement,
    componentCheck,
    ROLE_ARN,
    noRepeats,
    strictObjectError,
} from "./schema-helpers";

// `zero-trust-aws:workloads`: the applications of the environment (components/workload/). Every
// message is the "expected …" half of a ConfigError. Checks that need the rest of the environment
// (the load balancer, the data ports, the endpoints, the keys) are in checkWorkloadsAgainstEnvironment.

// 28 characters: `<environment (24)>-<application>-execution` then fits IAM's 64-character role names.
const APPLICATION_NAME_EXPECTED =
    "a lowercase application name of 1 to 28 letters, digits or hyphens, starting with a letter and not ending with a hyphen";

const wholeNumber = (expected: string, min: number, max: number) =>
    z.number({ error: expected }).int({ error: expected }).min(min, { error: expected }).max(max, { error: expected });

const port = z.number({ error: PORT_EXPECTED }).refine(isPort, { error: PORT_EXPECTED });

const applicationName = z
    .string({ error: APPLICATION_NAME_EXPECTED })
    .regex(/^[a-z](?:[a-z0-9-]{0,26}[a-z0-9])?$/, { error: APPLICATION_NAME_EXPECTED });

const certificateArn = z
    .string({ error: ACM_CERTIFICATE_ARN_EXPECTED })
    .regex(ACM_CERTIFICATE_ARN, { error: ACM_CERTIFICATE_ARN_EXPECTED });

const IMAGE_EXPECTED =
    "a private ECR image of the stack's region pinned by digest: <account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex>";

const FARGATE_CPU = Object.keys(FARGATE_MEMORY_BY_CPU).map(Number);
const CPU_EXPECTED = `Fargate CPU units: one of ${FARGATE_CPU.join(", ")}`;

const fargateMemoryExpected = (cpu: number): string => {
    const range = FARGATE_MEMORY_BY_CPU[cpu];
    return `memory Fargate accepts with ${cpu} CPU units: ${range.min} to ${range.max} MiB in steps of ${range.step}`;
};

const USER_EXPECTED = 'a numeric non-root user: "<uid>" or "<uid>:<gid>" with uid from 1 (root, uid 0, and names are refused)';

const HEALTH_CHECK_PATH_EXPECTED = "an absolute URL path of up to 1024 characters, e.g. /healthz";

const SERVICE_KEYS = ["image", "port", "cpu", "memory", "desiredCount", "user", "healthCheckPath", "callers"] as const;

const serviceSchema = z
    .strictObject(
        {
            image: z
                .string({ error: IMAGE_EXPECTED })
                .meta({ description: "e.g. `111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders@sha256:<64 hex>`: the image, by digest" }),
            port: port
                .refine((value) => value >= 1024, {
                    error: "a port from 1024 to 65535 (the container is not root and may not bind below 1024)",
                })
                .default(8443)
                .meta({ description: "the HTTPS port the container listens on (every hop re-encrypts to it)" }),
            cpu: z
                .number({ error: CPU_EXPECTED })
                .refine((cpu) => FARGATE_CPU.includes(cpu), { error: CPU_EXPECTED })
                .default(512)
                .meta({ description: "Fargate CPU units of the task" }),
            memory: z
                .number({ error: "a whole number of MiB" })
                .int({ error: "a whole number of MiB" })
                .default(1024)
                .meta({ description: "MiB of the task: a size Fargate accepts for the CPU units" }),
            desiredCount: wholeNumber("a whole number of tasks from 1 to 100", 1, 100)
                .default(2)
                .meta({ description: "tasks kept running, spread over the private subnets" }),
            user: z
                .string({ error: USER_EXPECTED })
                .regex(/^[1-9]\d{0,9}(?::\d{1,10})?$/, { error: USER_EXPECTED })
                .default("10001:10001")
                .meta({ description: 'the container runs as this numeric user (never root), e.g. `"10001:10001"`' }),
            healthCheckPath: z
                .string({ error: HEALTH_CHECK_PATH_EXPECTED })
                .regex(/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]{0,1023}$/, { error: HEALTH_CHECK_PATH_EXPECTED })
                .default("/healthz")
                .meta({ description: "path the load balancers check over HTTPS" }),
            callers: z
                .array(applicationName, { error: "a list of application names" })
                .superRefine(noRepeats("an application"))
                .default([])
                .meta({
                    description:
                        "applications that call this one: it gets an internal load balancer whose listener verifies their client certificates " +
                        "(the environment's private CA), and only their security groups reach it",
                }),
        },
        {
            error: strictObjectError(
                SERVICE_KEYS,
                "an object { image, port?, cpu?, memory?, desiredCount?, user?, healthCheckPath?, callers? }",
            ),
        },
    )
    .superRefine((service, ctx) => {
        if (FARGATE_CPU.includes(service.cpu) && !isFargateTaskSize(service.cpu, service.memory)) {
            ctx.addIssue({ code: "custom", path: ["memory"], message: fargateMemoryExpected(service.cpu) });
        }
    });

const HOST_EXPECTED = "a host name (letters, digits, hyphens and dots; * and ? wildcards allowed), at most 128 characters";
const PATH_EXPECTED = "a URL path pattern starting with / (* and ? wildcards allowed), at most 128 characters";

/** An ALB listener rule takes at most five condition values in all (hosts plus paths). */
const RULE_CONDITION_VALUES_MAX = 5;

const ENTRY_KEYS = ["hosts", "paths", "priority"] as const;

const entrySchema = z
    .strictObject(
        {
            hosts: z
                .array(
                    z
                        .string({ error: HOST_EXPECTED })
                        .regex(/^[A-Za-z0-9*?](?:[A-Za-z0-9*?.-]{0,126}[A-Za-z0-9*?])?$/, { error: HOST_EXPECTED }),
                    { error: "a list of host names" },
                )
                .superRefine(noRepeats("a host"))
                .default([])
                .meta({ description: "e.g. `[orders.example.com]`: requests for these hosts reach the application" }),
            paths: z
                .array(z.string({ error: PATH_EXPECTED }).regex(/^\/[A-Za-z0-9_\-.$/~"'@:+*?&=%]{0,127}$/, { error: PATH_EXPECTED }), {
                    error: "a list of path patterns",
                })
                .superRefine(noRepeats("a path"))
                .default([])
                .meta({ description: "e.g. `[/orders/*]`: requests for these paths reach the application" }),
            priority: wholeNumber("a listener rule priority: a whole number from 1 to 50000, unique in the environment", 1, 50000).meta({
                description: "the listener rule's priority (lower is evaluated first), unique among the environment's applications",
            }),
        },
        { error: strictObjectError(ENTRY_KEYS, "an object { hosts?, paths?, priority }") },
    )
    .superRefine((entry, ctx) => {
        const values = entry.hosts.length + entry.paths.length;
        if (values === 0 || values > RULE_CONDITION_VALUES_MAX) {
            ctx.addIssue({
                code: "custom",
                path: ["hosts"],
                message: `1 to ${RULE_CONDITION_VALUES_MAX} hosts and paths in all (an ALB listener rule's condition values); this has ${values}`,
            });
        }
    });

/** A database or user name derived from the application's: `-` is not allowed in either, `_` is. */
export const defaultDatabaseIdentifier = (application: string): string => application.replace(/-/g, "_");

const DATABASE_IDENTIFIER_EXPECTED = "a database identifier: a letter, then up to 62 letters, digits or underscores";
const databaseIdentifier = z
    .string({ error: DATABASE_IDENTIFIER_EXPECTED })
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/, { error: DATABASE_IDENTIFIER_EXPECTED });

const DATABASE_KEYS = [
    "engine",
    "engineVersion",
    "instanceClass",
    "instances",
    "databaseName",
    "iamDatabaseUser",
    "backupRetentionDays",
    "masterSecretRotationDays",
] as const;

const ENGINE_VERSION_EXPECTED = "an engine version, e.g. 16.6 (Aurora PostgreSQL) or 8.0.mysql_aurora.3.08.0 (Aurora MySQL)";
const INSTANCE_CLASS_EXPECTED = "a DB instance class, e.g. db.r6g.large or db.serverless";

const databaseSchema = z.strictObject(
    {
        engine: z
            .enum(DATABASE_ENGINES, { error: `one of ${DATABASE_ENGINES.join(", ")}` })
            .default("aurora-postgresql")
            .meta({ description: "the Aurora engine; its port must be in network.dataPorts (the isolated tier's NACL)" }),
        engineVersion: z
            .string({ error: ENGINE_VERSION_EXPECTED })
            .meta({ description: "e.g. `16.6`: the engine version (its major version picks the TLS-enforcing parameter group family)" }),
        instanceClass: z
            .string({ error: INSTANCE_CLASS_EXPECTED })
            .regex(/^db\.(?:serverless|[a-z0-9]+\.[a-z0-9]+)$/, { error: INSTANCE_CLASS_EXPECTED })
            .default("db.r6g.large")
            .meta({ description: "the class of every instance" }),
        instances: wholeNumber("a whole number of instances from 1 to 16 (a writer and up to 15 readers)", 1, 16)
            .default(2)
            .meta({ description: "instances in the cluster: the writer and readers in other zones" }),
        databaseName: databaseIdentifier.optional().meta({
            description: "the database created in the cluster",
            defaultText: "the application name with - as _",
        }),
        iamDatabaseUser: databaseIdentifier.optional().meta({
            description:
                "the database user the service connects as, with IAM authentication (create it in the database with the rds_iam role)",
            defaultText: "the application name with - as _",
        }),
        backupRetentionDays: wholeNumber("a whole number of days from 1 to 35 (what RDS keeps automated backups for)", 1, 35)
            .default(14)
            .meta({ description: "days of automated backups (point-in-time recovery)" }),
        masterSecretRotationDays: wholeNumber("a whole number of days from 1 to 365", 1, 365)
            .default(30)
            .meta({ description: "how often Secrets Manager rotates the RDS-managed master password" }),
    },
    {
        error: strictObjectError(
            DATABASE_KEYS,
            "an object { engineVersion, engine?, instanceClass?, instances?, databaseName?, iamDatabaseUser?, backupRetentionDays?, masterSecretRotationDays? }",
        ),
    },
);

const ROLE_ARN_EXPECTED = "an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>";
const SECRET_NAME_EXPECTED = "a secret name: a lowercase letter, then up to 62 lowercase letters, digits or hyphens";
const LAMBDA_ARN_EXPECTED = "a Lambda function ARN: arn:aws:lambda:<region>:<12-digit account>:function:<name>";

const SECRET_KEYS = ["name", "description", "rotationDays", "rotationFunctionArn", "rotationRoleArn"] as const;

const secretSchema = z.strictObject(
    {
        name: z
            .string({ error: SECRET_NAME_EXPECTED })
            .regex(/^[a-z][a-z0-9-]{0,62}$/, { error: SECRET_NAME_EXPECTED })
            .meta({ description: "the secret is `<env>/<application>/<name>` in Secrets Manager" }),
        description: z
            .string({ error: "a description of up to 2048 characters" })
            .max(2048, { error: "a description of up to 2048 characters" })
            .optional(),
        rotationDays: wholeNumber("a whole number of days from 1 to 1000 (Secrets Manager's rotation interval)", 1, 1000)
            .default(30)
            .meta({ description: "days between rotations" }),
        rotationFunctionArn: z
            .string({ error: LAMBDA_ARN_EXPECTED })
            .meta({ description: "the Lambda function that rotates the secret, in the stack's account and region, running in the VPC" }),
        rotationRoleArn: z.string({ error: ROLE_ARN_EXPECTED }).regex(ROLE_ARN, { error: ROLE_ARN_EXPECTED }).meta({
            description:
                "the rotation function's execution role: the secret's policy admits it (through the VPC's Secrets Manager endpoint) besides the application's roles",
        }),
    },
    { error: strictObjectError(SECRET_KEYS, "a secret { name, rotationFunctionArn, rotationRoleArn, rotationDays?, description? }") },
);

const ISSUER_EXPECTED = "an https:// issuer URL of the identity provider (the JWT's iss claim)";
const DNS_NAME_EXPECTED = "a DNS name (lowercase labels of letters, digits and hyphens, separated by dots)";
const DNS_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const jwtSchema = z.strictObject(
    {
        issuer: z
            .string({ error: ISSUER_EXPECTED })
            .regex(/^https:\/\/[a-z0-9.-]+(?::\d{1,5})?(?:\/[^\s]*)?$/, { error: ISSUER_EXPECTED })
            .meta({ description: "e.g. `https://login.example.com/oauth2/default`: the corporate identity provider's issuer" }),
        audiences: z
            .array(z.string({ error: "an audience (the JWT's aud claim)" }).min(1, { error: "a non-empty audience" }), {
                error: "a non-empty list of audiences",
            })
            .min(1, { error: "a non-empty list of audiences" })
            .superRefine(noRepeats("an audience"))
            .meta({ description: "accepted aud claims" }),
        scopes: z
            .array(z.string({ error: "a scope" }).regex(/^\S{1,256}$/, { error: "a scope without spaces" }), { error: "a list of scopes" })
            .superRefine(noRepeats("a scope"))
            .default([])
            .meta({ description: "scopes every route requires (any one of them)" }),
    },
    { error: strictObjectError(["issuer", "audiences", "scopes"], "an object { issuer, audiences, scopes? }") },
);

const throttlingSchema = z.strictObject(
    {
        rateLimit: wholeNumber("requests per second from 1 to 10000", 1, 10000).default(50),
        burstLimit: wholeNumber("a burst of 1 to 5000 requests", 1, 5000).default(100),
    },
    { error: strictObjectError(["rateLimit", "burstLimit"], "an object { rateLimit?, burstLimit? }") },
);

const LEGACY_KEYS = ["hostname", "certificateArn", "jwt", "throttling"] as const;

const legacySchema = z.strictObject(
    {
        hostname: z
            .string({ error: DNS_NAME_EXPECTED })
            .regex(DNS_NAME, { error: DNS_NAME_EXPECTED })
            .meta({ description: "the custom domain users reach the application at (the API's only endpoint)" }),
        certificateArn: certificateArn.meta({ description: "an ACM certificate for hostname, in the stack's region and account" }),
        jwt: jwtSchema,
        throttling: throttlingSchema.default({ rateLimit: 50, burstLimit: 100 }),
    },
    { error: strictObjectError(LEGACY_KEYS, "an object { hostname, certificateArn, jwt, throttling? }") },
);

const APPLICATION_KEYS = ["service", "entry", "database", "secrets", "legacy"] as const;

const applicationSchema = z.strictObject(
    {
        service: serviceSchema,
        entry: entrySchema.optional().meta({ description: "a route on the internet-facing load balancer (needs network.loadBalancer)" }),
        database: databaseSchema.optional(),
        secrets: z
            .array(secretSchema, { error: "a list of secrets" })
            .superRefine((secrets, ctx) =>
                secrets.forEach(({ name }, index) => {
                    if (secrets.findIndex((secret) => secret.name === name) !== index) {
                        ctx.addIssue({
                            code: "custom",
                            path: [index, "name"],
                            message: `a secret not already listed (${name} is listed twice)`,
                        });
                    }
                }),
            )
            .default([]),
        legacy: legacySchema
            .optional()
            .meta({ description: "reach the application only through API Gateway with a JWT authorizer (never with entry)" }),
    },
    { error: strictObjectError(APPLICATION_KEYS, "an application { service, entry?, database?, secrets?, legacy? }") },
);

const PRIVATE_CA_KEYS = ["commonName"] as const;

const WORKLOADS_KEYS = [
    "internalDomain",
    "internalCertificateArn",
    "privateCa",
    "sessionProfileWriterImage",
    "logRetentionDays",
    "applications",
] as const;

export const workloadsSchema = z
    .strictObject(
        {
            internalDomain: z
                .string({ error: DNS_NAME_EXPECTED })
                .regex(DNS_NAME, { error: DNS_NAME_EXPECTED })
                .optional()
                .meta({
                    description:
                        "e.g. `internal.staging.example.com`: a private hosted zone of the VPC names each internal listener `<application>.<domain>`, " +
                        "the name callers verify on internalCertificateArn (which must cover `*.<domain>`); required with internalCertificateArn",
                }),
            internalCertificateArn: certificateArn.optional().meta({
                description:
                    "the server certificate of the internal HTTPS listeners (mutual TLS between services, the legacy gateway's private integration); " +
                    "required once an application has callers or is legacy",
            }),
            privateCa: z
                .strictObject(
                    {
                        commonName: z
                            .string({ error: "a common name of 1 to 64 characters" })
                            .min(1, { error: "a common name of 1 to 64 characters" })
                            .max(64, { error: "a common name of 1 to 64 characters" })
                            .meta({ description: "the root certificate's subject common name", defaultText: "<environment> services" }),
                    },
                    { error: strictObjectError(PRIVATE_CA_KEYS, "an object { commonName }") },
                )
                .optional()
                .meta({
                    description: "the environment's private CA (short-lived certificate mode) that signs callers' client certificates",
                }),
            sessionProfileWriterImage: z
                .string({ error: IMAGE_EXPECTED })
                .optional()
                .meta({
                    description:
                        "e.g. `111111111111.dkr.ecr.eu-west-1.amazonaws.com/aws-session-profile@sha256:<64 hex>`: the platform's image " +
                        "(with `/bin/sh`) that starts first in every task and writes the SDK profile of the application's 15-minute session role; " +
                        "required once there are applications",
                }),
            logRetentionDays: z
                .number({ error: LOG_RETENTION_EXPECTED })
                .refine(isLogRetentionDays, { error: LOG_RETENTION_EXPECTED })
                .default(365)
                .meta({ description: "days the applications' and gateways' log groups are kept" }),
            applications: z
                .record(z.string(), applicationSchema, { error: "an object of applications by name" })
                .default({})
                .meta({ description: "the applications, by name (lowercase, 1 to 28 characters)" }),
        },
        {
            error: strictObjectError(
                WORKLOADS_KEYS,
                "an object { applications, internalDomain?, internalCertificateArn?, privateCa?, sessionProfileWriterImage?, logRetentionDays? }",
            ),
        },
    )
    .default({ logRetentionDays: 365, applications: {} });

export type WorkloadsConfig = z.infer<typeof workloadsSchema>;
export type WorkloadApplicationConfig = z.infer<typeof applicationSchema>;

/** Interface endpoints every containerised application needs: its tasks have no route to the internet. */
export const WORKLOAD_INTERFACE_ENDPOINTS = ["ecr.api", "ecr.dkr", "logs", "sts"] as const;

/** What the cross-field checks need of the whole environment config. */
interface EnvironmentFacts {
    readonly region: string;
    readonly accountId: string;
    readonly environment: string;
    readonly network: { readonly dataPorts: readonly number[]; readonly loadBalancer?: unknown };
    readonly interfaceEndpoints: readonly string[];
    readonly encryption: { readonly applications: readonly { readonly name: string }[] };
    readonly workloads: WorkloadsConfig;
}

/**
 * Checks that need the rest of the environment: application names fit IAM's role names, callers
 * name applications, an entry has the load balancer, a database's port is a data port, the tasks'
 * endpoints exist, priorities are unique. Issue paths are relative to the environment config.
 */
export function checkWorkloadsAgainstEnvironment(config: EnvironmentFacts, ctx: z.RefinementCtx): void {
    const { applications } = config.workloads;
    const names = Object.keys(applications);
    const at = (...path: PropertyKey[]): PropertyKey[] => ["workloads", "applications", ...path];
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const priorities = new Map<number, string>();
    const keyedApplications = new Set(config.encryption.applications.map(({ name }) => name));
    let needsInternalCertificate = false;
    for (const [name, application] of Object.entries(applications)) {
        if (!applicationName.safeParse(name).success) {
            issue(at(name), APPLICATION_NAME_EXPECTED);
            continue;
        }
        if (keyedApplications.has(name)) {
            issue(at(name), "an application not also in encryption.applications (a workload gets its own key, used by its session role)");
        }
        application.service.callers.forEach((caller, index) => {
            if (caller === name) {
                issue(
                    at(name, "service", "callers", index),
                    "another application (a service does not call itself through its load balancer)",
                );
            } else if (!names.includes(caller)) {
                issue(at(name, "service", "callers", index), `an application of workloads.applications (${names.join(", ")})`);
            }
        });
        if (application.legacy !== undefined && application.service.callers.length > 0) {
            // Its internal listener admits the API Gateway VPC link, which cannot present a client certificate.
            issue(at(name, "service", "callers"), "no callers for a legacy application (it is reached only through its API Gateway)");
        }
        needsInternalCertificate ||= application.service.callers.length > 0 || application.legacy !== undefined;
        if (application.entry !== undefined) {
            if (application.legacy !== undefined) {
                issue(at(name, "entry"), "no entry for a legacy application (it is reached only through its API Gateway)");
            }
            if (config.network.loadBalancer === undefined) {
                issue(at(name, "entry"), "no entry without network.loadBalancer (the internet-facing load balancer the route is on)");
            }
            const other = priorities.get(application.entry.priority);
            if (other !== undefined) {
                issue(at(name, "entry", "priority"), `a priority not already used (${other} has ${application.entry.priority})`);
            }
            priorities.set(application.entry.priority, name);
        }
        if (application.database !== undefined) {
            const { engine, engineVersion, databaseName, iamDatabaseUser } = application.database;
            componentCheck(ctx, at(name, "database", "engineVersion"), () =>
                validEngineVersionFamily("engineVersion", engine, engineVersion),
            );
            componentCheck(ctx, at(name, "database", "databaseName"), () =>
                validDatabaseName("databaseName", engine, databaseName ?? defaultDatabaseIdentifier(name)),
            );
            componentCheck(ctx, at(name, "database", "iamDatabaseUser"), () =>
                validIamDatabaseUser("iamDatabaseUser", engine, iamDatabaseUser ?? defaultDatabaseIdentifier(name)),
            );
            const databasePort = engineProfile(engine).port;
            if (!config.network.dataPorts.includes(databasePort)) {
                issue(
                    at(name, "database", "engine"),
                    `an engine whose port is in network.dataPorts (${config.network.dataPorts.join(", ")}); ${application.database.engine} listens on ${databasePort}`,
                );
            }
        }
        componentCheck(ctx, at(name, "service", "image"), () => validEcrDigestImage("image", application.service.image, config.region));
        application.secrets.forEach((secret, index) => {
            componentCheck(ctx, at(name, "secrets", index, "rotationFunctionArn"), () =>
                validLambdaFunctionArnIn("rotationFunctionArn", secret.rotationFunctionArn, config.region, config.accountId),
            );
            componentCheck(ctx, at(name, "secrets", index, "rotationRoleArn"), () =>
                validRoleArnOf("rotationRoleArn", secret.rotationRoleArn, config.accountId),
            );
        });
        if (application.legacy !== undefined) {
            checkCertificatePlacement(
                ctx,
                at(name, "legacy", "certificateArn"),
                application.legacy.certificateArn,
                config.region,
                config.accountId,
            );
        }
    }
    if (needsInternalCertificate && config.workloads.internalCertificateArn === undefined) {
        issue(
            ["workloads", "internalCertificateArn"],
            "an ACM certificate ARN for the internal HTTPS listeners (an application has callers or is legacy)",
        );
    }
    if ((config.workloads.internalCertificateArn === undefined) !== (config.workloads.internalDomain === undefined)) {
        issue(
            ["workloads", "internalDomain"],
            "an internal domain together with internalCertificateArn (callers verify the certificate's name <application>.<domain>), or neither",
        );
    }
    checkCertificatePlacement(
        ctx,
        ["workloads", "internalCertificateArn"],
        config.workloads.internalCertificateArn,
        config.region,
        config.accountId,
    );
    if (names.length > 0) {
        const writerImage = config.workloads.sessionProfileWriterImage;
        if (writerImage === undefined) {
            issue(
                ["workloads", "sessionProfileWriterImage"],
                "the session-profile writer image (every application's tasks start it to obtain 15-minute sessions)",
            );
        } else {
            componentCheck(ctx, ["workloads", "sessionProfileWriterImage"], () =>
                validEcrDigestImage("sessionProfileWriterImage", writerImage, config.region),
            );
        }
        const needed = [
            ...WORKLOAD_INTERFACE_ENDPOINTS,
            ...(Object.values(applications).some((a) => a.secrets.length > 0) ? ["secretsmanager"] : []),
        ];
        const missing = needed.filter((service) => !config.interfaceEndpoints.includes(service));
        if (missing.length > 0) {
            issue(
                ["interfaceEndpoints"],
                `a list that includes ${missing.join(", ")}: the workloads' tasks reach AWS only through interface endpoints (image pulls, logs, credentials, secrets)`,
            );
        }
    }
}
