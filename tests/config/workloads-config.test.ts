import * as assert from "assert";
import { assertRefusal } from "./config-refusal";
import { parseEnvironmentConfig, type RawConfig } from "../../stacks/config/load-environment-config";

// `zero-trust-aws:workloads`: every refusal names the key, the value and what was expected.

const CERTIFICATE = (account = "111111111111", region = "eu-west-1") =>
    `arn:aws:acm:${region}:${account}:certificate/5d7a9c1e-2b4f-4e6a-8c0d-1f3b5d7e9a2c`;
const IMAGE = `111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders@sha256:${"a".repeat(64)}`;
const WRITER_IMAGE = `111111111111.dkr.ecr.eu-west-1.amazonaws.com/aws-session-profile@sha256:${"b".repeat(64)}`;
const ROTATOR = "arn:aws:lambda:eu-west-1:111111111111:function:rotate-token";
const ROTATION_ROLE = "arn:aws:iam::111111111111:role/rotate-token";

const NETWORK = {
    availabilityZones: ["eu-west-1a", "eu-west-1b"],
    vpcCidr: "10.20.0.0/16",
    subnetPrefixLengths: { public: 24, private: 20, isolated: 22 },
    loadBalancer: { certificateArn: CERTIFICATE() },
};
const BASE: RawConfig = {
    "aws:region": "eu-west-1",
    "zero-trust-aws:accountId": "111111111111",
    "zero-trust-aws:organizationId": "o-a1b2c3d4e5",
    "zero-trust-aws:network": JSON.stringify(NETWORK),
    "zero-trust-aws:encryption": JSON.stringify({ keyAdministrators: ["arn:aws:iam::111111111111:role/break-glass"] }),
    "zero-trust-aws:baseline": JSON.stringify({ configBucketName: "zero-trust-log-archive" }),
    "zero-trust-aws:interfaceEndpoints": JSON.stringify(["ecr.api", "ecr.dkr", "logs", "sts", "secretsmanager"]),
};

const ORDERS = {
    service: { image: IMAGE, callers: ["fulfilment"] },
    entry: { hosts: ["orders.example.com"], priority: 100 },
    database: { engineVersion: "16.6" },
    secrets: [{ name: "token", rotationFunctionArn: ROTATOR, rotationRoleArn: ROTATION_ROLE }],
};
const FULFILMENT = { service: { image: IMAGE } };
const WORKLOADS = {
    internalDomain: "internal.example.com",
    internalCertificateArn: CERTIFICATE(),
    sessionProfileWriterImage: WRITER_IMAGE,
    applications: { orders: ORDERS, fulfilment: FULFILMENT },
};

const withWorkloads = (workloads: unknown, extra: RawConfig = {}): RawConfig => ({
    ...BASE,
    ...extra,
    "zero-trust-aws:workloads": JSON.stringify(workloads),
});
const withApplication = (name: string, application: unknown): RawConfig =>
    withWorkloads({ ...WORKLOADS, applications: { ...WORKLOADS.applications, [name]: application } });
const withOrders = (changes: Record<string, unknown>): RawConfig => withApplication("orders", { ...ORDERS, ...changes });
const withService = (changes: Record<string, unknown>): RawConfig => withOrders({ service: { ...ORDERS.service, ...changes } });

const assertRefused = (raw: RawConfig, key: string, value: unknown, expected: string | RegExp) =>
    assertRefusal(() => parseEnvironmentConfig(raw, "staging"), key, value, expected);

describe("workloads config", () => {
    it("is optional: no workloads, no applications", () => {
        assert.deepStrictEqual(parseEnvironmentConfig(BASE, "staging").workloads, { logRetentionDays: 365, applications: {} });
    });

    it("applies the paved road's defaults to a minimal application", () => {
        const { orders } = parseEnvironmentConfig(withWorkloads(WORKLOADS), "staging").workloads.applications;
        assert.deepStrictEqual(orders.service, {
            image: IMAGE,
            port: 8443,
            cpu: 512,
            memory: 1024,
            desiredCount: 2,
            user: "10001:10001",
            healthCheckPath: "/healthz",
            callers: ["fulfilment"],
        });
        assert.deepStrictEqual(orders.database, {
            engine: "aurora-postgresql",
            engineVersion: "16.6",
            instanceClass: "db.r6g.large",
            instances: 2,
            backupRetentionDays: 14,
            masterSecretRotationDays: 30,
        });
        assert.deepStrictEqual(orders.secrets, [
            { name: "token", rotationDays: 30, rotationFunctionArn: ROTATOR, rotationRoleArn: ROTATION_ROLE },
        ]);
        assert.deepStrictEqual(orders.entry, { hosts: ["orders.example.com"], paths: [], priority: 100 });
    });

    describe("service", () => {
        it("refuses an image by tag: only a digest pins the code", () =>
            assertRefused(
                withService({ image: "111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders:latest" }),
                "zero-trust-aws:workloads.applications.orders.service.image",
                "111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders:latest",
                /a private ECR image in eu-west-1 pinned by digest/,
            ));
        it("refuses an image of another region's registry (the tasks reach ECR through their own region's endpoints)", () =>
            assertRefused(
                withService({ image: IMAGE.replace("eu-west-1", "us-east-1") }),
                "zero-trust-aws:workloads.applications.orders.service.image",
                IMAGE.replace("eu-west-1", "us-east-1"),
                /a private ECR image in eu-west-1/,
            ));
        it("refuses a port below 1024 (a non-root container cannot bind it)", () =>
            assertRefused(
                withService({ port: 443 }),
                "zero-trust-aws:workloads.applications.orders.service.port",
                443,
                /from 1024 to 65535/,
            ));
        it("refuses root, by uid or by name", () => {
            for (const user of ["0", "0:0", "root"]) {
                assertRefused(withService({ user }), "zero-trust-aws:workloads.applications.orders.service.user", user, /non-root/);
            }
        });
        it("refuses CPU units Fargate does not offer", () =>
            assertRefused(withService({ cpu: 300 }), "zero-trust-aws:workloads.applications.orders.service.cpu", 300, /Fargate CPU units/));
        it("refuses memory Fargate does not pair with the CPU units", () =>
            assertRefused(
                withService({ cpu: 1024, memory: 1024 }),
                "zero-trust-aws:workloads.applications.orders.service.memory",
                1024,
                "memory Fargate accepts with 1024 CPU units: 2048 to 8192 MiB in steps of 1024",
            ));
        it("refuses a caller that is not an application", () =>
            assertRefused(
                withService({ callers: ["billing"] }),
                "zero-trust-aws:workloads.applications.orders.service.callers[0]",
                "billing",
                "an application of workloads.applications (orders, fulfilment)",
            ));
        it("refuses a service that calls itself", () =>
            assertRefused(
                withService({ callers: ["orders"] }),
                "zero-trust-aws:workloads.applications.orders.service.callers[0]",
                "orders",
                /another application/,
            ));
        it("refuses an unknown key with the key meant", () =>
            assertRefused(
                withService({ imagee: IMAGE }),
                "zero-trust-aws:workloads.applications.orders.service.imagee",
                IMAGE,
                /one of the keys image, .* \(did you mean image\?\)/,
            ));
    });

    describe("entry", () => {
        it("needs the internet-facing load balancer", () =>
            assertRefused(
                {
                    ...withWorkloads(WORKLOADS),
                    "zero-trust-aws:network": JSON.stringify({ ...NETWORK, loadBalancer: undefined }),
                },
                "zero-trust-aws:workloads.applications.orders.entry",
                ORDERS.entry,
                /no entry without network.loadBalancer/,
            ));
        it("refuses a priority another application uses", () =>
            assertRefused(
                withApplication("fulfilment", { ...FULFILMENT, entry: { paths: ["/f/*"], priority: 100 } }),
                "zero-trust-aws:workloads.applications.fulfilment.entry.priority",
                100,
                "a priority not already used (orders has 100)",
            ));
        it("needs 1 to 5 hosts and paths in all", () => {
            assertRefused(
                withOrders({ entry: { priority: 5 } }),
                "zero-trust-aws:workloads.applications.orders.entry.hosts",
                undefined,
                /1 to 5 hosts and paths in all.*has 0/,
            );
            assertRefused(
                withOrders({ entry: { hosts: ["a.example.com", "b.example.com"], paths: ["/a", "/b", "/c", "/d"], priority: 5 } }),
                "zero-trust-aws:workloads.applications.orders.entry.hosts",
                ["a.example.com", "b.example.com"],
                /has 6/,
            );
        });
        it("is refused on a legacy application", () =>
            assertRefused(
                withOrders({
                    service: { image: IMAGE },
                    legacy: {
                        hostname: "orders.example.com",
                        certificateArn: CERTIFICATE(),
                        jwt: { issuer: "https://login.example.com", audiences: ["a"] },
                    },
                }),
                "zero-trust-aws:workloads.applications.orders.entry",
                ORDERS.entry,
                /no entry for a legacy application/,
            ));
    });

    it("refuses callers on a legacy application: only its API Gateway reaches it", () =>
        assertRefused(
            withApplication("fulfilment", {
                service: { image: IMAGE, callers: ["orders"] },
                legacy: {
                    hostname: "f.example.com",
                    certificateArn: CERTIFICATE(),
                    jwt: { issuer: "https://login.example.com", audiences: ["a"] },
                },
            }),
            "zero-trust-aws:workloads.applications.fulfilment.service.callers",
            ["orders"],
            /no callers for a legacy application/,
        ));

    describe("database", () => {
        it("refuses an engine whose port the isolated tier does not admit", () =>
            assertRefused(
                withOrders({ database: { engine: "aurora-mysql", engineVersion: "8.0.mysql_aurora.3.08.0" } }),
                "zero-trust-aws:workloads.applications.orders.database.engine",
                "aurora-mysql",
                "an engine whose port is in network.dataPorts (5432); aurora-mysql listens on 3306",
            ));
        it("refuses backups of 0 days (no point-in-time recovery)", () =>
            assertRefused(
                withOrders({ database: { engineVersion: "16.6", backupRetentionDays: 0 } }),
                "zero-trust-aws:workloads.applications.orders.database.backupRetentionDays",
                0,
                /from 1 to 35/,
            ));
    });

    describe("secrets", () => {
        it("refuses a rotation function of another account or region", () =>
            assertRefused(
                withOrders({
                    secrets: [
                        {
                            name: "token",
                            rotationFunctionArn: "arn:aws:lambda:us-east-1:111111111111:function:rotate",
                            rotationRoleArn: ROTATION_ROLE,
                        },
                    ],
                }),
                "zero-trust-aws:workloads.applications.orders.secrets[0].rotationFunctionArn",
                "arn:aws:lambda:us-east-1:111111111111:function:rotate",
                /a Lambda function ARN of region eu-west-1 and account 111111111111/,
            ));
        it("refuses a rotation role of another account", () =>
            assertRefused(
                withOrders({
                    secrets: [{ name: "token", rotationFunctionArn: ROTATOR, rotationRoleArn: "arn:aws:iam::222222222222:role/rotate" }],
                }),
                "zero-trust-aws:workloads.applications.orders.secrets[0].rotationRoleArn",
                "arn:aws:iam::222222222222:role/rotate",
                /an IAM role ARN of account 111111111111/,
            ));
        it("refuses a secret listed twice", () =>
            assertRefused(
                withOrders({ secrets: [...ORDERS.secrets, ...ORDERS.secrets] }),
                "zero-trust-aws:workloads.applications.orders.secrets[1].name",
                "token",
                "a secret not already listed (token is listed twice)",
            ));
    });

    describe("the environment around the workloads", () => {
        it("needs the internal certificate once a service has callers", () =>
            assertRefused(
                withWorkloads({ internalDomain: "internal.example.com", applications: WORKLOADS.applications }),
                "zero-trust-aws:workloads.internalCertificateArn",
                undefined,
                /an ACM certificate ARN for the internal HTTPS listeners/,
            ));
        it("needs the internal domain with the internal certificate", () =>
            assertRefused(
                withWorkloads({ ...WORKLOADS, internalDomain: undefined }),
                "zero-trust-aws:workloads.internalDomain",
                undefined,
                /an internal domain together with internalCertificateArn/,
            ));
        it("refuses an internal certificate of another account", () =>
            assertRefused(
                withWorkloads({ ...WORKLOADS, internalCertificateArn: CERTIFICATE("222222222222") }),
                "zero-trust-aws:workloads.internalCertificateArn",
                CERTIFICATE("222222222222"),
                "an ACM certificate of the stack's account 111111111111 (accountId); this one is in 222222222222",
            ));
        it("needs the session-profile writer image once there are applications", () =>
            assertRefused(
                withWorkloads({ ...WORKLOADS, sessionProfileWriterImage: undefined }),
                "zero-trust-aws:workloads.sessionProfileWriterImage",
                undefined,
                /the session-profile writer image \(every application's tasks start it to obtain 15-minute sessions\)/,
            ));
        it("refuses a writer image by tag or of another region, as it does the applications' images", () => {
            const tagged = "111111111111.dkr.ecr.eu-west-1.amazonaws.com/aws-session-profile:latest";
            assertRefused(
                withWorkloads({ ...WORKLOADS, sessionProfileWriterImage: tagged }),
                "zero-trust-aws:workloads.sessionProfileWriterImage",
                tagged,
                /pinned by digest/,
            );
            const elsewhere = WRITER_IMAGE.replace("eu-west-1", "us-east-1");
            assertRefused(
                withWorkloads({ ...WORKLOADS, sessionProfileWriterImage: elsewhere }),
                "zero-trust-aws:workloads.sessionProfileWriterImage",
                elsewhere,
                /eu-west-1/,
            );
        });
        it("needs the interface endpoints the tasks reach AWS through", () =>
            assertRefused(
                withWorkloads(WORKLOADS, { "zero-trust-aws:interfaceEndpoints": JSON.stringify(["logs", "sts"]) }),
                "zero-trust-aws:interfaceEndpoints",
                ["logs", "sts"],
                /includes ecr.api, ecr.dkr, secretsmanager/,
            ));
        it("refuses a name longer than 28 characters, so that <environment>-<application>-execution fits IAM's 64", () =>
            assertRefused(
                withApplication("a".repeat(29), FULFILMENT),
                `zero-trust-aws:workloads.applications.${"a".repeat(29)}`,
                FULFILMENT,
                /1 to 28/,
            ));
        it("refuses an application that also has a key in encryption.applications", () =>
            assertRefused(
                {
                    ...withWorkloads(WORKLOADS),
                    "zero-trust-aws:encryption": JSON.stringify({
                        keyAdministrators: ["arn:aws:iam::111111111111:role/break-glass"],
                        applications: [{ name: "orders", keyUsers: ["arn:aws:iam::111111111111:role/orders"] }],
                    }),
                },
                "zero-trust-aws:workloads.applications.orders",
                WORKLOADS.applications.orders,
                /not also in encryption.applications/,
            ));
        it("refuses a name that is not lowercase", () =>
            assertRefused(
                withApplication("Billing", FULFILMENT),
                "zero-trust-aws:workloads.applications.Billing",
                FULFILMENT,
                /lowercase application name/,
            ));
    });
});
