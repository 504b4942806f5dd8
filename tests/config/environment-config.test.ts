import * as assert from "assert";
import { assertRefusal } from "./config-refusal";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { readStackConfig } from "../../offline-preview/stack-config";
import { ConfigError } from "../../stacks/config/config-error";
import { loadEnvironmentConfig, parseEnvironmentConfig, type RawConfig } from "../../stacks/config/load-environment-config";

const ROOT = path.resolve(__dirname, "../..");

/** A stack's config as the Pulumi CLI hands it to the program (the offline preview's reader). */
const rawStackConfig = (stack: string): Record<string, string> => readStackConfig(ROOT, stack).config;

/** What Pulumi.yaml alone gives a stack whose own file sets nothing: the project-level defaults. */
function projectDefaults(): Record<string, string> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zt-project-defaults-"));
    try {
        fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
        fs.writeFileSync(path.join(dir, "Pulumi.empty.yaml"), "config: {}\n");
        return readStackConfig(dir, "empty").config;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

const CERTIFICATE_ARN = "arn:aws:acm:eu-west-1:111111111111:certificate/3f0c2a7e-8b14-4d6a-9e25-c1d7b08f4a63";

const NETWORK = {
    availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
    vpcCidr: "10.20.0.0/16",
    subnetPrefixLengths: { public: 24, private: 20, isolated: 22 },
};
const ADMIN = "arn:aws:iam::111111111111:role/break-glass";
const ORDERS = "arn:aws:iam::111111111111:role/orders-service";
const ENCRYPTION = { keyAdministrators: [ADMIN] };
const VALID: RawConfig = {
    "aws:region": "eu-west-1",
    "zero-trust-aws:accountId": "111111111111",
    "zero-trust-aws:organizationId": "o-a1b2c3d4e5",
    "zero-trust-aws:network": JSON.stringify(NETWORK),
    "zero-trust-aws:encryption": JSON.stringify(ENCRYPTION),
    "zero-trust-aws:baseline": JSON.stringify({ configBucketName: "zero-trust-log-archive" }),
};

/** VALID with the network object's fields replaced. */
const withNetwork = (fields: Record<string, unknown>): RawConfig => ({
    ...VALID,
    "zero-trust-aws:network": JSON.stringify({ ...NETWORK, ...fields }),
});

/** VALID with this `zero-trust-aws:detection` object. */
const withDetection = (detection: unknown): RawConfig => ({ ...VALID, "zero-trust-aws:detection": JSON.stringify(detection) });

/** VALID with this `zero-trust-aws:encryption` value (an object, or any JSON value). */
const withEncryption = (encryption: unknown): RawConfig => ({ ...VALID, "zero-trust-aws:encryption": JSON.stringify(encryption) });

/** Asserts that parsing fails with exactly this ConfigError, in one line. */
const assertRefused = (raw: RawConfig, key: string, value: unknown, expected: string | RegExp, stackName = "staging") =>
    assertRefusal(() => parseEnvironmentConfig(raw, stackName), key, value, expected);

/** Staging's workloads with the schema's defaults: the whole data path of the paved road. */
const STAGING_WORKLOADS = {
    internalDomain: "internal.staging.example.com",
    internalCertificateArn: "arn:aws:acm:eu-west-1:111111111111:certificate/5d7a9c1e-2b4f-4e6a-8c0d-1f3b5d7e9a2c",
    privateCa: { commonName: "zero-trust staging services" },
    sessionProfileWriterImage:
        "111111111111.dkr.ecr.eu-west-1.amazonaws.com/aws-session-profile@sha256:9b2e7d4a1c6f3e8b0d5a2c7f1e4b9d6a3c8f0e5b2d7a4c1f6e9b3d0a8c5f2e7b",
    logRetentionDays: 365,
    applications: {
        orders: {
            service: {
                image: "111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders@sha256:4f1c9a7e2b8d3c6f0a5e1b9d7c2f8a4e6b0d3c9f1a7e5b2d8c4f6a0e9b3d7c1f",
                port: 8443,
                cpu: 512,
                memory: 1024,
                desiredCount: 2,
                user: "10001:10001",
                healthCheckPath: "/healthz",
                callers: ["fulfilment"],
            },
            entry: { hosts: ["orders.staging.example.com"], paths: [], priority: 100 },
            database: {
                engine: "aurora-postgresql",
                engineVersion: "16.6",
                instanceClass: "db.r6g.large",
                instances: 2,
                backupRetentionDays: 14,
                masterSecretRotationDays: 30,
            },
            secrets: [
                {
                    name: "payment-provider-token",
                    description: "API token of the payment provider",
                    rotationDays: 30,
                    rotationFunctionArn: "arn:aws:lambda:eu-west-1:111111111111:function:staging-orders-rotate-payment-token",
                    rotationRoleArn: "arn:aws:iam::111111111111:role/staging-orders-rotate-payment-token",
                },
            ],
        },
        fulfilment: {
            service: {
                image: "111111111111.dkr.ecr.eu-west-1.amazonaws.com/fulfilment@sha256:9a3e7c1f5b2d8e4a6c0f1b9d3e7a5c2f8b4d6e0a1c9f3b7e5d2a8c4f6b0e9d1a",
                port: 8443,
                cpu: 512,
                memory: 1024,
                desiredCount: 2,
                user: "10001:10001",
                healthCheckPath: "/healthz",
                callers: [],
            },
            secrets: [],
        },
        timesheets: {
            service: {
                image: "111111111111.dkr.ecr.eu-west-1.amazonaws.com/timesheets@sha256:2c8f4a6e0b1d9c3f7a5e2b8d4c6f0a1e9b3d7c5f2a8e4b6d0c1f9a3e7b5d2c8f",
                port: 8443,
                cpu: 512,
                memory: 1024,
                desiredCount: 2,
                user: "10001:10001",
                healthCheckPath: "/healthz",
                callers: [],
            },
            secrets: [],
            legacy: {
                hostname: "timesheets.staging.example.com",
                certificateArn: "arn:aws:acm:eu-west-1:111111111111:certificate/8e2c4a6b-1d3f-4b5d-9e7f-0a2c4e6b8d1f",
                jwt: { issuer: "https://login.example.com/oauth2/default", audiences: ["api://timesheets"], scopes: ["timesheets.use"] },
                throttling: { rateLimit: 50, burstLimit: 100 },
            },
        },
    },
};

describe("environment config", () => {
    describe("the stack files", () => {
        it("staging validates, with project and schema defaults applied", () => {
            assert.deepStrictEqual(parseEnvironmentConfig(rawStackConfig("staging"), "staging"), {
                region: "eu-west-1",
                environment: "staging",
                accountId: "111111111111",
                management: { stack: "management" },
                network: {
                    availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
                    vpcCidr: "10.20.0.0/16",
                    subnetPrefixLengths: { public: 24, private: 20, isolated: 22 },
                    natGateways: "single",
                    appPort: 8443,
                    dataPorts: [5432],
                    allowHttpRedirect: true,
                    loadBalancer: { certificateArn: CERTIFICATE_ARN, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" },
                },
                flowLogRetentionDays: 365,
                interfaceEndpoints: ["kms", "sts", "secretsmanager", "ssm", "ssmmessages", "ec2messages", "logs", "ecr.api", "ecr.dkr"],
                tags: { Environment: "staging", CostCenter: "platform" },
                detection: {
                    detectorId: "3ac7e1f09b2d4c58a6e0f1b2c3d4e5f6",
                    detectorIds: { "eu-central-1": "7d2e9f4a1c6b4e08a3f5d0c1b2e3f4a5" },
                    guardDutyFeatures: [
                        "S3_DATA_EVENTS",
                        "EKS_AUDIT_LOGS",
                        "EBS_MALWARE_PROTECTION",
                        "RDS_LOGIN_EVENTS",
                        "RUNTIME_MONITORING",
                        "LAMBDA_NETWORK_LOGS",
                    ],
                    findingPublishingFrequency: "FIFTEEN_MINUTES",
                    alertSeverityThreshold: 7,
                    findingsRetentionDays: 365,
                    responder: { dryRun: false, severityThreshold: 7, optOutTagKey: "zero-trust:responder" },
                },
                encryption: {
                    keyAdministrators: ["arn:aws:iam::111111111111:role/OrganizationAccountAccessRole", ADMIN],
                    applications: [],
                    replicaRegions: [],
                    deletionWindowDays: 30,
                },
                account: { mode: "adopt", accessRoleName: "OrganizationAccountAccessRole" },
                baseline: { configKeyPrefix: "config" },
                workloads: STAGING_WORKLOADS,
            });
        });

        it("prod validates, keeping its own retention and NAT strategy", () => {
            const prod = parseEnvironmentConfig(rawStackConfig("prod"), "prod");
            assert.deepStrictEqual(
                [prod.environment, prod.accountId, prod.network.vpcCidr, prod.network.natGateways, prod.flowLogRetentionDays],
                ["prod", "222222222222", "10.30.0.0/16", "one-per-az", 731],
            );
        });

        it("prod's key ring: its own account's roles, one replica region, a 30-day deletion window", () => {
            assert.deepStrictEqual(parseEnvironmentConfig(rawStackConfig("prod"), "prod").encryption, {
                keyAdministrators: [
                    "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole",
                    "arn:aws:iam::222222222222:role/break-glass",
                ],
                // Prod's applications are workloads, whose keys the workloads build.
                applications: [],
                replicaRegions: ["eu-central-1"],
                deletionWindowDays: 30,
            });
        });

        it("defaults the key ring to no applications, no replicas and a 30-day deletion window", () => {
            assert.deepStrictEqual(parseEnvironmentConfig(VALID, "staging").encryption, {
                keyAdministrators: [ADMIN],
                applications: [],
                replicaRegions: [],
                deletionWindowDays: 30,
            });
        });

        it("keeps configured applications, replica regions and a shorter deletion window", () => {
            const encryption = {
                keyAdministrators: [ADMIN, "arn:aws:iam::111111111111:role/platform/key-admin"],
                applications: [
                    { name: "orders", keyUsers: [ORDERS] },
                    {
                        name: "payments-2",
                        keyUsers: ["arn:aws:iam::111111111111:role/payments", "arn:aws:iam::111111111111:role/team/payments-batch"],
                    },
                ],
                replicaRegions: ["eu-central-1", "us-east-1"],
                deletionWindowDays: 7,
            };
            assert.deepStrictEqual(parseEnvironmentConfig(withEncryption(encryption), "staging").encryption, encryption);
        });

        it("the schema's defaults equal Pulumi.yaml's project defaults", () => {
            const parsed = parseEnvironmentConfig(VALID, "staging");
            const defaults = projectDefaults();
            assert.deepStrictEqual(
                { flowLogRetentionDays: parsed.flowLogRetentionDays, interfaceEndpoints: parsed.interfaceEndpoints },
                {
                    flowLogRetentionDays: JSON.parse(defaults["zero-trust-aws:flowLogRetentionDays"]) as unknown,
                    interfaceEndpoints: JSON.parse(defaults["zero-trust-aws:interfaceEndpoints"]) as unknown,
                },
            );
        });

        it("defaults the network options and the environment (to the stack name)", () => {
            const parsed = parseEnvironmentConfig(VALID, "qa-2");
            assert.deepStrictEqual(
                [
                    parsed.environment,
                    parsed.network.natGateways,
                    parsed.network.appPort,
                    parsed.network.dataPorts,
                    parsed.network.allowHttpRedirect,
                    parsed.tags,
                ],
                ["qa-2", "one-per-az", 8443, [5432], true, {}],
            );
            assert.strictEqual(parsed.network.loadBalancer, undefined, "no load balancer unless configured");
        });

        it("defaults detection to every GuardDuty protection plan, 15-minute publishing, alerts from severity 7 and a year of findings, also from an empty object", () => {
            const all = [
                "S3_DATA_EVENTS",
                "EKS_AUDIT_LOGS",
                "EBS_MALWARE_PROTECTION",
                "RDS_LOGIN_EVENTS",
                "RUNTIME_MONITORING",
                "LAMBDA_NETWORK_LOGS",
            ];
            for (const raw of [VALID, withDetection({})]) {
                assert.deepStrictEqual(parseEnvironmentConfig(raw, "staging").detection, {
                    guardDutyFeatures: all,
                    findingPublishingFrequency: "FIFTEEN_MINUTES",
                    alertSeverityThreshold: 7,
                    findingsRetentionDays: 365,
                    responder: { dryRun: true, severityThreshold: 7, optOutTagKey: "zero-trust:responder" },
                });
            }
        });

        it("keeps a configured subset of protection plans and publishing frequency", () => {
            assert.deepStrictEqual(
                parseEnvironmentConfig(withDetection({ guardDutyFeatures: ["RDS_LOGIN_EVENTS", "S3_DATA_EVENTS"] }), "staging").detection,
                {
                    guardDutyFeatures: ["RDS_LOGIN_EVENTS", "S3_DATA_EVENTS"],
                    findingPublishingFrequency: "FIFTEEN_MINUTES",
                    alertSeverityThreshold: 7,
                    findingsRetentionDays: 365,
                    responder: { dryRun: true, severityThreshold: 7, optOutTagKey: "zero-trust:responder" },
                },
            );
            assert.deepStrictEqual(
                parseEnvironmentConfig(withDetection({ findingPublishingFrequency: "SIX_HOURS" }), "staging").detection
                    .findingPublishingFrequency,
                "SIX_HOURS",
            );
        });

        it("defaults the load balancer's security policy to TLS 1.3/1.2 and keeps a configured one", () => {
            assert.deepStrictEqual(
                parseEnvironmentConfig(withNetwork({ loadBalancer: { certificateArn: CERTIFICATE_ARN } }), "staging").network.loadBalancer,
                {
                    certificateArn: CERTIFICATE_ARN,
                    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
                },
            );
            const chosen = parseEnvironmentConfig(
                withNetwork({ loadBalancer: { certificateArn: CERTIFICATE_ARN, sslPolicy: "ELBSecurityPolicy-FS-1-2-Res-2020-10" } }),
                "staging",
            );
            assert.strictEqual(chosen.network.loadBalancer?.sslPolicy, "ELBSecurityPolicy-FS-1-2-Res-2020-10");
        });
    });

    describe("through pulumi.Config", () => {
        it("reads raw strings (JSON for objects) from the stack's config", async () => {
            await pulumi.runtime.setMocks(
                { newResource: () => ({ id: undefined, state: {} }), call: () => ({}) },
                "zero-trust-aws",
                "prod",
            );
            pulumi.runtime.setAllConfig({ ...rawStackConfig("prod") });
            const config = loadEnvironmentConfig();
            assert.deepStrictEqual(
                [config.environment, config.network.natGateways, config.flowLogRetentionDays, config.tags],
                ["prod", "one-per-az", 731, { Environment: "prod", CostCenter: "platform" }],
            );
        });

        it("turns a bad value in the stack's config into a ConfigError naming the full key", async () => {
            await pulumi.runtime.setMocks(
                { newResource: () => ({ id: undefined, state: {} }), call: () => ({}) },
                "zero-trust-aws",
                "prod",
            );
            pulumi.runtime.setAllConfig({ ...rawStackConfig("prod"), "zero-trust-aws:accountId": "22222222222x" });
            assert.throws(
                () => loadEnvironmentConfig(),
                (err: unknown) => err instanceof ConfigError && err.key === "zero-trust-aws:accountId" && err.value === "22222222222x",
            );
        });
    });

    describe("refuses", () => {
        it("a CIDR prefix that is not /16–/28 (/99)", () => {
            assertRefused(
                withNetwork({ vpcCidr: "10.20.0.0/99" }),
                "zero-trust-aws:network.vpcCidr",
                "10.20.0.0/99",
                "an IPv4 CIDR with a prefix from /16 to /28",
            );
        });
        it("a /8 VPC", () => {
            assertRefused(
                withNetwork({ vpcCidr: "10.0.0.0/8" }),
                "zero-trust-aws:network.vpcCidr",
                "10.0.0.0/8",
                "an IPv4 CIDR with a prefix from /16 to /28",
            );
        });
        it("a CIDR with host bits set", () => {
            assertRefused(
                withNetwork({ vpcCidr: "10.20.1.0/16" }),
                "zero-trust-aws:network.vpcCidr",
                "10.20.1.0/16",
                "a network address with no host bits set, e.g. 10.20.0.0/16",
            );
        });
        it("a public (non-RFC 1918) VPC CIDR", () => {
            assertRefused(withNetwork({ vpcCidr: "8.8.0.0/16" }), "zero-trust-aws:network.vpcCidr", "8.8.0.0/16", /RFC 1918/);
        });
        it("an AZ outside the region", () => {
            assertRefused(
                withNetwork({ availabilityZones: ["eu-west-1a", "us-east-1b"] }),
                "zero-trust-aws:network.availabilityZones[1]",
                "us-east-1b",
                "an availability zone of eu-west-1 (eu-west-1a, eu-west-1b, …)",
            );
        });
        it("a duplicate AZ", () => {
            assertRefused(
                withNetwork({ availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1a"] }),
                "zero-trust-aws:network.availabilityZones[2]",
                "eu-west-1a",
                "an availability zone not already listed (eu-west-1a is listed twice)",
            );
        });
        it("more than six AZs", () => {
            const zones = ["a", "b", "c", "d", "e", "f", "g"].map((s) => `eu-west-1${s}`);
            assertRefused(
                withNetwork({ availabilityZones: zones }),
                "zero-trust-aws:network.availabilityZones",
                zones,
                "a list of 1 to 6 availability zone names",
            );
        });
        it("an unknown NAT strategy", () => {
            assertRefused(
                withNetwork({ natGateways: "two" }),
                "zero-trust-aws:network.natGateways",
                "two",
                "one of one-per-az, single, none",
            );
        });
        it("subnets that do not fit the VPC, with space needed and available", () => {
            assertRefused(
                withNetwork({ vpcCidr: "10.20.0.0/20", subnetPrefixLengths: { public: 24, private: 21, isolated: 22 } }),
                "zero-trust-aws:network.subnetPrefixLengths",
                { public: 24, private: 21, isolated: 22 },
                "subnets that fit the VPC: 3 AZs × (/24 + /21 + /22) need 9984 addresses but 10.20.0.0/20 has 4096",
            );
        });
        it("a subnet prefix shorter than the VPC's", () => {
            assertRefused(
                withNetwork({ vpcCidr: "10.20.0.0/22" }),
                "zero-trust-aws:network.subnetPrefixLengths.private",
                20,
                "a subnet prefix length from /22 (the VPC's) to /28",
            );
        });
        it("a subnet prefix smaller than /28", () => {
            assertRefused(
                withNetwork({ subnetPrefixLengths: { public: 29, private: 20, isolated: 22 } }),
                "zero-trust-aws:network.subnetPrefixLengths.public",
                29,
                "a subnet prefix length from /16 to /28 (AWS's smallest subnet)",
            );
        });
        it("an unknown key in the network object, naming the known ones", () => {
            assertRefused(
                withNetwork({ natGateway: "single" }),
                "zero-trust-aws:network.natGateway",
                "single",
                "one of the keys availabilityZones, vpcCidr, subnetPrefixLengths, natGateways, appPort, dataPorts, allowHttpRedirect, loadBalancer (did you mean natGateways?)",
            );
        });
        it("an empty data port list and an out-of-range port", () => {
            assertRefused(withNetwork({ dataPorts: [] }), "zero-trust-aws:network.dataPorts", [], "a non-empty list of data store ports");
            assertRefused(
                withNetwork({ appPort: 70000 }),
                "zero-trust-aws:network.appPort",
                70000,
                "the application port: an integer port from 1 to 65535",
            );
        });
        it("more data ports than the isolated NACL's rule quota allows", () => {
            const ports = [1, 2, 3, 4, 5, 6, 7];
            assertRefused(
                withNetwork({ dataPorts: ports }),
                "zero-trust-aws:network.dataPorts",
                ports,
                "at most 20 isolated-tier NACL ingress rules (AWS default quota): 3 AZs × 7 data ports = 21",
            );
        });
        it("a certificate ARN that is not an ACM certificate ARN", () => {
            for (const arn of [
                "arn:aws:iam::111111111111:server-certificate/web",
                "arn:aws:acm:eu-west-1:11111111111:certificate/3f0c2a7e-8b14-4d6a-9e25-c1d7b08f4a63",
                "arn:aws:acm:eu-west-1:111111111111:certificate/not-a-uuid",
                "",
            ]) {
                assertRefused(
                    withNetwork({ loadBalancer: { certificateArn: arn } }),
                    "zero-trust-aws:network.loadBalancer.certificateArn",
                    arn,
                    "an ACM certificate ARN: arn:aws:acm:<region>:<12-digit account>:certificate/<uuid>",
                );
            }
        });
        it("a load balancer without a certificate", () => {
            assertRefused(
                withNetwork({ loadBalancer: {} }),
                "zero-trust-aws:network.loadBalancer.certificateArn",
                undefined,
                "an ACM certificate ARN: arn:aws:acm:<region>:<12-digit account>:certificate/<uuid>",
            );
        });
        it("a certificate from another region than aws:region", () => {
            const arn = CERTIFICATE_ARN.replace("eu-west-1", "us-east-1");
            assertRefused(
                withNetwork({ loadBalancer: { certificateArn: arn } }),
                "zero-trust-aws:network.loadBalancer.certificateArn",
                arn,
                "an ACM certificate in the stack's region eu-west-1 (aws:region); this one is in us-east-1",
            );
        });
        it("a certificate of another account", () => {
            const arn = CERTIFICATE_ARN.replace("111111111111", "222222222222");
            assertRefused(
                withNetwork({ loadBalancer: { certificateArn: arn } }),
                "zero-trust-aws:network.loadBalancer.certificateArn",
                arn,
                "an ACM certificate of the stack's account 111111111111 (accountId); this one is in 222222222222",
            );
        });
        it("a security policy that allows TLS below 1.2, or is not an ELB policy", () => {
            for (const policy of [
                "ELBSecurityPolicy-2016-08",
                "ELBSecurityPolicy-TLS13-1-0-2021-06",
                "ELBSecurityPolicy-TLS-1-1-2017-01",
                "elbsecuritypolicy-tls13-1-2-2021-06",
                12,
            ]) {
                assertRefused(
                    withNetwork({ loadBalancer: { certificateArn: CERTIFICATE_ARN, sslPolicy: policy } }),
                    "zero-trust-aws:network.loadBalancer.sslPolicy",
                    policy,
                    /^an ELB security policy that allows only TLS 1\.2 and newer: ELBSecurityPolicy-TLS13-1-2-2021-06, .*ELBSecurityPolicy-FS-1-2-Res-2020-10$/,
                );
            }
        });
        it("an unknown key in the load balancer object, naming the known ones", () => {
            assertRefused(
                withNetwork({ loadBalancer: { certificateArn: CERTIFICATE_ARN, sslpolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" } }),
                "zero-trust-aws:network.loadBalancer.sslpolicy",
                "ELBSecurityPolicy-TLS13-1-3-2021-06",
                "one of the keys certificateArn, sslPolicy, clientCertificates (did you mean sslPolicy?)",
            );
        });
        it("a load balancer that is not an object", () => {
            assertRefused(
                withNetwork({ loadBalancer: CERTIFICATE_ARN }),
                "zero-trust-aws:network.loadBalancer",
                CERTIFICATE_ARN,
                /^an object \{ certificateArn, sslPolicy\?, clientCertificates\? \}/,
            );
        });
        it("bad JSON", () => {
            assertRefused(
                { ...VALID, "zero-trust-aws:network": "{vpcCidr:" },
                "zero-trust-aws:network",
                "{vpcCidr:",
                /^valid JSON \(.+\)$/,
            );
        });
        it("a network that is not an object", () => {
            assertRefused({ ...VALID, "zero-trust-aws:network": "[]" }, "zero-trust-aws:network", [], /^an object with availabilityZones/);
        });
        it("a missing network", () => {
            const rest = Object.fromEntries(Object.entries(VALID).filter(([key]) => key !== "zero-trust-aws:network"));
            assertRefused(rest, "zero-trust-aws:network", undefined, /^an object with availabilityZones/);
        });
        it("a bad organization id", () => {
            assertRefused(
                { ...VALID, "zero-trust-aws:organizationId": "o-ABC123" },
                "zero-trust-aws:organizationId",
                "o-ABC123",
                "an AWS Organizations id: o- followed by 10 to 32 lowercase letters or digits",
            );
        });
        it("a bad account id", () => {
            assertRefused(
                { ...VALID, "zero-trust-aws:accountId": "12345678901" },
                "zero-trust-aws:accountId",
                "12345678901",
                "a 12-digit AWS account id (quoted in YAML)",
            );
        });
        it("a retention CloudWatch Logs does not accept", () => {
            assertRefused(
                { ...VALID, "zero-trust-aws:flowLogRetentionDays": "366" },
                "zero-trust-aws:flowLogRetentionDays",
                366,
                /^a CloudWatch Logs retention \(1, 3, 5, .*, 3653 days\)$/,
            );
        });
        it("an unknown endpoint service", () => {
            assertRefused(
                { ...VALID, "zero-trust-aws:interfaceEndpoints": '["kms","s3-typo"]' },
                "zero-trust-aws:interfaceEndpoints[1]",
                "s3-typo",
                /^a supported interface endpoint service: .*\bkms\b.*\bsts\b/,
            );
        });
        it("a region that is not of the aws partition", () => {
            assertRefused(
                { ...VALID, "aws:region": "us-gov-west-1" },
                "aws:region",
                "us-gov-west-1",
                "an AWS region of the aws partition, e.g. eu-west-1",
            );
        });
        it("an environment name that is not lowercase (also when it comes from the stack name)", () => {
            assertRefused({ ...VALID, "zero-trust-aws:environment": "Prod" }, "zero-trust-aws:environment", "Prod", /^a lowercase name/);
            assertRefused(
                VALID,
                "zero-trust-aws:environment",
                "Team_Stack",
                /^a lowercase name.*\(defaults to the stack name\)$/,
                "Team_Stack",
            );
        });
        it("a tag key under the reserved aws: prefix", () => {
            assertRefused(
                { ...VALID, "zero-trust-aws:tags": '{"aws:owner":"x"}' },
                "zero-trust-aws:tags.aws:owner",
                "aws:owner",
                /does not start with aws:$/,
            );
        });
        it("a tag the program sets itself", () => {
            assertRefused(
                { ...VALID, "zero-trust-aws:tags": '{"Name":"x"}' },
                "zero-trust-aws:tags.Name",
                "Name",
                "a tag key other than ManagedBy, Stack, Name, Tier, zero-trust:owner (the program sets those)",
            );
        });
        it("an Environment tag that contradicts the environment", () => {
            assertRefused(
                { ...VALID, "zero-trust-aws:tags": '{"Environment":"prod"}' },
                "zero-trust-aws:tags.Environment",
                "prod",
                "the environment name staging (or no Environment tag)",
            );
        });
        it("detection that is not valid JSON", () => {
            assertRefused(
                { ...VALID, "zero-trust-aws:detection": "{guardDutyFeatures:" },
                "zero-trust-aws:detection",
                "{guardDutyFeatures:",
                /^valid JSON \(.+\)$/,
            );
        });
        it("detection that is not an object", () => {
            for (const value of [[], "S3_DATA_EVENTS", null]) {
                assertRefused(
                    withDetection(value),
                    "zero-trust-aws:detection",
                    value,
                    "an object with optional detectorId, detectorIds, guardDutyFeatures, findingPublishingFrequency, alertSeverityThreshold, findingsRetentionDays, responder",
                );
            }
        });
        it("an unknown key in the detection object, naming the known ones", () => {
            assertRefused(
                withDetection({ guardDutyFeature: ["S3_DATA_EVENTS"] }),
                "zero-trust-aws:detection.guardDutyFeature",
                ["S3_DATA_EVENTS"],
                "one of the keys detectorId, detectorIds, guardDutyFeatures, findingPublishingFrequency, alertSeverityThreshold, findingsRetentionDays, responder (did you mean guardDutyFeatures?)",
            );
        });
        it("GuardDuty features that are not a list", () => {
            assertRefused(
                withDetection({ guardDutyFeatures: "S3_DATA_EVENTS" }),
                "zero-trust-aws:detection.guardDutyFeatures",
                "S3_DATA_EVENTS",
                "a non-empty list of GuardDuty protection plans from S3_DATA_EVENTS, EKS_AUDIT_LOGS, EBS_MALWARE_PROTECTION, RDS_LOGIN_EVENTS, RUNTIME_MONITORING, LAMBDA_NETWORK_LOGS",
            );
        });
        it("an empty list of GuardDuty features", () => {
            assertRefused(
                withDetection({ guardDutyFeatures: [] }),
                "zero-trust-aws:detection.guardDutyFeatures",
                [],
                "a non-empty list of GuardDuty protection plans from S3_DATA_EVENTS, EKS_AUDIT_LOGS, EBS_MALWARE_PROTECTION, RDS_LOGIN_EVENTS, RUNTIME_MONITORING, LAMBDA_NETWORK_LOGS (omit the key for all of them)",
            );
        });
        it("an unknown GuardDuty feature, also the superseded EKS_RUNTIME_MONITORING and a lowercase name", () => {
            for (const feature of ["EKS_RUNTIME_MONITORING", "s3_data_events", "MALWARE", 3]) {
                assertRefused(
                    withDetection({ guardDutyFeatures: ["S3_DATA_EVENTS", feature] }),
                    "zero-trust-aws:detection.guardDutyFeatures[1]",
                    feature,
                    "a GuardDuty protection plan: S3_DATA_EVENTS, EKS_AUDIT_LOGS, EBS_MALWARE_PROTECTION, RDS_LOGIN_EVENTS, RUNTIME_MONITORING, LAMBDA_NETWORK_LOGS",
                );
            }
        });
        it("a GuardDuty feature listed twice", () => {
            assertRefused(
                withDetection({ guardDutyFeatures: ["S3_DATA_EVENTS", "RUNTIME_MONITORING", "S3_DATA_EVENTS"] }),
                "zero-trust-aws:detection.guardDutyFeatures[2]",
                "S3_DATA_EVENTS",
                "a protection plan not already listed (S3_DATA_EVENTS is listed twice)",
            );
        });
        it("a finding publishing frequency GuardDuty does not accept", () => {
            for (const frequency of ["HOURLY", "fifteen_minutes", 15]) {
                assertRefused(
                    withDetection({ findingPublishingFrequency: frequency }),
                    "zero-trust-aws:detection.findingPublishingFrequency",
                    frequency,
                    "one of FIFTEEN_MINUTES, ONE_HOUR, SIX_HOURS",
                );
            }
        });
        it("a missing encryption object (key administrators are required)", () => {
            const rest = Object.fromEntries(Object.entries(VALID).filter(([key]) => key !== "zero-trust-aws:encryption"));
            assertRefused(
                rest,
                "zero-trust-aws:encryption",
                undefined,
                "an object with keyAdministrators and optional applications, replicaRegions, deletionWindowDays",
            );
        });
        it("encryption that is not valid JSON, or not an object", () => {
            assertRefused(
                { ...VALID, "zero-trust-aws:encryption": "{keyAdministrators:" },
                "zero-trust-aws:encryption",
                "{keyAdministrators:",
                /^valid JSON \(.+\)$/,
            );
            for (const value of [[], ADMIN, null]) {
                assertRefused(
                    withEncryption(value),
                    "zero-trust-aws:encryption",
                    value,
                    "an object with keyAdministrators and optional applications, replicaRegions, deletionWindowDays",
                );
            }
        });
        it("an unknown key in the encryption object, naming the known ones", () => {
            assertRefused(
                withEncryption({ ...ENCRYPTION, replicaRegion: ["eu-central-1"] }),
                "zero-trust-aws:encryption.replicaRegion",
                ["eu-central-1"],
                "one of the keys applications, keyAdministrators, replicaRegions, deletionWindowDays (did you mean replicaRegions?)",
            );
        });
        it("no key administrators, or an empty list of them", () => {
            const expected = "a non-empty list of IAM role ARNs (roles that administer the keys, including the role Pulumi deploys with)";
            assertRefused(withEncryption({}), "zero-trust-aws:encryption.keyAdministrators", undefined, expected);
            assertRefused(withEncryption({ keyAdministrators: [] }), "zero-trust-aws:encryption.keyAdministrators", [], expected);
        });
        it("a key administrator that is not an IAM role ARN (users, the root, assumed-role sessions, wildcards)", () => {
            for (const arn of [
                "arn:aws:iam::111111111111:user/alice",
                "arn:aws:iam::111111111111:root",
                "arn:aws:sts::111111111111:assumed-role/admin/alice",
                "arn:aws:iam::111111111111:role/*",
                "arn:aws-us-gov:iam::111111111111:role/admin",
                "arn:aws:iam::11111111111:role/admin",
                "*",
                42,
            ]) {
                assertRefused(
                    withEncryption({ keyAdministrators: [ADMIN, arn] }),
                    "zero-trust-aws:encryption.keyAdministrators[1]",
                    arn,
                    "an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>",
                );
            }
        });
        it("a key administrator of another account", () => {
            const arn = "arn:aws:iam::222222222222:role/break-glass";
            assertRefused(
                withEncryption({ keyAdministrators: [ADMIN, arn] }),
                "zero-trust-aws:encryption.keyAdministrators[1]",
                arn,
                "a role of the stack's account 111111111111 (accountId); this one is in 222222222222",
            );
        });
        it("a key administrator listed twice", () => {
            assertRefused(
                withEncryption({ keyAdministrators: [ADMIN, ADMIN] }),
                "zero-trust-aws:encryption.keyAdministrators[1]",
                ADMIN,
                `a role not already listed (${ADMIN} is listed twice)`,
            );
        });
        it("applications that are not a list", () => {
            assertRefused(
                withEncryption({ ...ENCRYPTION, applications: { orders: [ORDERS] } }),
                "zero-trust-aws:encryption.applications",
                { orders: [ORDERS] },
                "a list of applications { name, keyUsers }",
            );
        });
        it("an application that is not an object, or has an unknown key", () => {
            assertRefused(
                withEncryption({ ...ENCRYPTION, applications: ["orders"] }),
                "zero-trust-aws:encryption.applications[0]",
                "orders",
                "an application object { name, keyUsers }",
            );
            assertRefused(
                withEncryption({ ...ENCRYPTION, applications: [{ name: "orders", keyUsers: [ORDERS], users: [ORDERS] }] }),
                "zero-trust-aws:encryption.applications[0].users",
                [ORDERS],
                "one of the keys name, keyUsers",
            );
        });
        it("an application name that is not a lowercase name without slashes", () => {
            for (const name of ["Orders", "orders/v2", "orders-", "2orders", "", "o".repeat(33), 7]) {
                assertRefused(
                    withEncryption({ ...ENCRYPTION, applications: [{ name, keyUsers: [ORDERS] }] }),
                    "zero-trust-aws:encryption.applications[0].name",
                    name,
                    "a lowercase application name of 1 to 32 letters, digits or hyphens, starting with a letter and not ending with a hyphen",
                );
            }
        });
        it("an application listed twice", () => {
            assertRefused(
                withEncryption({
                    ...ENCRYPTION,
                    applications: [
                        { name: "orders", keyUsers: [ORDERS] },
                        { name: "orders", keyUsers: [ORDERS] },
                    ],
                }),
                "zero-trust-aws:encryption.applications[1].name",
                "orders",
                "an application not already listed (orders is listed twice)",
            );
        });
        it("an application without key users", () => {
            const expected = "a non-empty list of IAM role ARNs (the application's roles that use its key)";
            assertRefused(
                withEncryption({ ...ENCRYPTION, applications: [{ name: "orders" }] }),
                "zero-trust-aws:encryption.applications[0].keyUsers",
                undefined,
                expected,
            );
            assertRefused(
                withEncryption({ ...ENCRYPTION, applications: [{ name: "orders", keyUsers: [] }] }),
                "zero-trust-aws:encryption.applications[0].keyUsers",
                [],
                expected,
            );
        });
        it("a key user that is not a role ARN, or is listed twice", () => {
            assertRefused(
                withEncryption({
                    ...ENCRYPTION,
                    applications: [{ name: "orders", keyUsers: [ORDERS, "arn:aws:iam::111111111111:user/ci"] }],
                }),
                "zero-trust-aws:encryption.applications[0].keyUsers[1]",
                "arn:aws:iam::111111111111:user/ci",
                "an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>",
            );
            assertRefused(
                withEncryption({ ...ENCRYPTION, applications: [{ name: "orders", keyUsers: [ORDERS, ORDERS] }] }),
                "zero-trust-aws:encryption.applications[0].keyUsers[1]",
                ORDERS,
                `a role not already listed (${ORDERS} is listed twice)`,
            );
        });
        it("a key user of another account", () => {
            const arn = "arn:aws:iam::333333333333:role/orders-service";
            assertRefused(
                withEncryption({ ...ENCRYPTION, applications: [{ name: "orders", keyUsers: [arn] }] }),
                "zero-trust-aws:encryption.applications[0].keyUsers[0]",
                arn,
                "a role of the stack's account 111111111111 (accountId); this one is in 333333333333",
            );
        });
        it("a key user that is also a key administrator (separation of duties)", () => {
            assertRefused(
                withEncryption({ ...ENCRYPTION, applications: [{ name: "orders", keyUsers: [ORDERS, ADMIN] }] }),
                "zero-trust-aws:encryption.applications[0].keyUsers[1]",
                ADMIN,
                "a role that is not also a key administrator (administrators manage keys, users use them)",
            );
        });
        it("a replica region that is not a region of the aws partition", () => {
            for (const region of ["eu-central", "cn-north-1", "EU-CENTRAL-1", 1]) {
                assertRefused(
                    withEncryption({ ...ENCRYPTION, replicaRegions: [region] }),
                    "zero-trust-aws:encryption.replicaRegions[0]",
                    region,
                    "an AWS region of the aws partition, e.g. eu-west-1",
                );
            }
            assertRefused(
                withEncryption({ ...ENCRYPTION, replicaRegions: "eu-central-1" }),
                "zero-trust-aws:encryption.replicaRegions",
                "eu-central-1",
                "a list of AWS regions for replica keys",
            );
        });
        it("the stack's own region as a replica region", () => {
            assertRefused(
                withEncryption({ ...ENCRYPTION, replicaRegions: ["eu-central-1", "eu-west-1"] }),
                "zero-trust-aws:encryption.replicaRegions[1]",
                "eu-west-1",
                "a region other than the stack's region eu-west-1 (aws:region), which holds the primary keys",
            );
        });
        it("a replica region listed twice", () => {
            assertRefused(
                withEncryption({ ...ENCRYPTION, replicaRegions: ["eu-central-1", "us-east-1", "eu-central-1"] }),
                "zero-trust-aws:encryption.replicaRegions[2]",
                "eu-central-1",
                "a region not already listed (eu-central-1 is listed twice)",
            );
        });
        it("a deletion window outside 7-30 days or not a whole number", () => {
            for (const days of [6, 31, 0, 14.5, "30"]) {
                assertRefused(
                    withEncryption({ ...ENCRYPTION, deletionWindowDays: days }),
                    "zero-trust-aws:encryption.deletionWindowDays",
                    days,
                    "a whole number of days from 7 to 30 (the policy pack requires at least 30 by default)",
                );
            }
        });
        it("the environment name aws (KMS reserves alias/aws/)", () => {
            assertRefused(
                { ...VALID, "zero-trust-aws:environment": "aws" },
                "zero-trust-aws:environment",
                "aws",
                "a name other than aws (KMS reserves the alias prefix alias/aws/ for AWS managed keys)",
            );
        });
        it("a tag value longer than 256 characters", () => {
            const long = "x".repeat(257);
            assertRefused(
                { ...VALID, "zero-trust-aws:tags": JSON.stringify({ Owner: long }) },
                "zero-trust-aws:tags.Owner",
                long,
                /^a tag value of at most 256/,
            );
        });
    });
});
