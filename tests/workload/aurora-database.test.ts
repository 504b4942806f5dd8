import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { AuroraDatabase, type AuroraDatabaseArgs } from "../../components/workload/aurora-database";
import { rdsCaBundlePath } from "../../components/workload/database-connection";
import { evaluate } from "../../iam/evaluator/policy-evaluator";
import { policyDocument, type PolicyDocument } from "../../iam/policy-document";
import {
    awsResourcesThrough,
    dependenciesOf,
    oncePerVariant,
    only,
    RecordingMocks,
    valueOf,
    type Registration,
} from "../network/recording-mocks";
import { allPolicies } from "../../policy-pack/policies";
import { check, checkStack, dependsOnVia, resource, resourcePolicy, stackPolicy, type PolicyResource } from "../policy-pack/harness";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";

const T = {
    component: "zero-trust:workload:AuroraDatabase",
    subnetGroup: "aws:rds/subnetGroup:SubnetGroup",
    parameterGroup: "aws:rds/clusterParameterGroup:ClusterParameterGroup",
    cluster: "aws:rds/cluster:Cluster",
    instance: "aws:rds/clusterInstance:ClusterInstance",
    rotation: "aws:secretsmanager/secretRotation:SecretRotation",
} as const;

const ACCOUNT = "111111111111";
const REGION = "eu-west-1";
const APPLICATION_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b7c1e2d-3f4a-4b5c-8d6e-7f8091a2b3c4`;
const SECRETS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/5d2e9a10-6b7c-4d8e-9f01-a2b3c4d5e6f7`;
const ISOLATED = ["subnet-0a1b2c3d4e5f60718", "subnet-0b1c2d3e4f5a60718", "subnet-0c1d2e3f4a5b60718"];
const DATABASE_SG = "sg-0d1e2f3a4b5c60718";

const BASE: AuroraDatabaseArgs = {
    environment: "staging",
    application: "orders",
    region: REGION,
    accountId: ACCOUNT,
    engine: "aurora-postgresql",
    engineVersion: "16.6",
    instanceClass: "db.r6g.large",
    instances: 2,
    databaseName: "orders",
    backupRetentionDays: 7,
    isolatedSubnetIds: ISOLATED,
    securityGroupId: DATABASE_SG,
    applicationKeyArn: APPLICATION_KEY,
    secretsKeyArn: SECRETS_KEY,
    masterSecretRotationDays: 30,
    iamDatabaseUser: "orders_app",
};

const MYSQL: Partial<AuroraDatabaseArgs> = { engine: "aurora-mysql", engineVersion: "8.0.mysql_aurora.3.08.0", databaseName: "orders" };

interface Built {
    mocks: RecordingMocks;
    database: AuroraDatabase;
}

/** One build per set of overrides, shared by the tests that ask for it. */
const build = oncePerVariant(async (overrides: Partial<AuroraDatabaseArgs> = {}): Promise<Built> => {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("test-provider", { region: REGION, allowedAccountIds: [ACCOUNT] });
    const database = new AuroraDatabase("orders-db", { ...BASE, ...overrides }, { provider });
    return { mocks: await mocks.settled(), database };
});

describe("AuroraDatabase", () => {
    describe("Aurora PostgreSQL (the default engine)", () => {
        let mocks: RecordingMocks;
        let database: AuroraDatabase;
        let cluster: Registration;
        before(async () => {
            ({ mocks, database } = await build());
            cluster = only(mocks, T.cluster);
        });

        it("puts the subnet group on exactly the isolated subnets it is given", () => {
            const group = only(mocks, T.subnetGroup);
            assert.deepStrictEqual(group.inputs.subnetIds, ISOLATED);
            assert.strictEqual(cluster.inputs.dbSubnetGroupName, group.id);
            for (const instance of mocks.ofType(T.instance)) {
                assert.strictEqual(instance.inputs.dbSubnetGroupName, group.id, instance.name);
            }
        });

        it("forces TLS 1.2+ in a cluster parameter group of the version's family, which the cluster uses", () => {
            const group = only(mocks, T.parameterGroup);
            assert.strictEqual(group.inputs.family, "aurora-postgresql16");
            assert.deepStrictEqual(group.inputs.parameters, [
                { name: "rds.force_ssl", value: "1", applyMethod: "immediate" },
                { name: "ssl_min_protocol_version", value: "TLSv1.2", applyMethod: "immediate" },
            ]);
            assert.strictEqual(cluster.inputs.dbClusterParameterGroupName, group.id);
            assert.deepStrictEqual(cluster.propertyDependencies.dbClusterParameterGroupName, [group.urn]);
        });

        it("encrypts the storage with the application's key and lets only IAM-authenticated users in besides the managed master", () => {
            assert.deepStrictEqual(
                [cluster.inputs.storageEncrypted, cluster.inputs.kmsKeyId, cluster.inputs.iamDatabaseAuthenticationEnabled],
                [true, APPLICATION_KEY, true],
            );
            assert.deepStrictEqual(
                [cluster.inputs.manageMasterUserPassword, cluster.inputs.masterUserSecretKmsKeyId, cluster.inputs.masterPassword],
                [true, SECRETS_KEY, undefined],
            );
        });

        it("protects the data: deletion protection, backups kept after deletion, a final snapshot, tags copied to snapshots", () => {
            assert.deepStrictEqual(
                [
                    cluster.inputs.deletionProtection,
                    cluster.inputs.backupRetentionPeriod,
                    cluster.inputs.deleteAutomatedBackups,
                    cluster.inputs.skipFinalSnapshot,
                    cluster.inputs.finalSnapshotIdentifier,
                    cluster.inputs.copyTagsToSnapshot,
                ],
                [true, 7, false, false, "staging-orders-final", true],
            );
        });

        it("protects the cluster and its instances in Pulumi, as the key ring its keys", () => {
            assert.strictEqual(cluster.protect, true);
            assert.deepStrictEqual(
                mocks.ofType(T.instance).map((i) => i.protect),
                [true, true],
            );
        });

        it("reaches the cluster only through its security group and the engine's port, with the Data API off", () => {
            assert.deepStrictEqual(cluster.inputs.vpcSecurityGroupIds, [DATABASE_SG]);
            assert.deepStrictEqual([cluster.inputs.port, cluster.inputs.enableHttpEndpoint], [5432, false]);
        });

        it("names the cluster <environment>-<application> and exports the PostgreSQL log", () => {
            assert.deepStrictEqual(
                [cluster.inputs.clusterIdentifier, cluster.inputs.engine, cluster.inputs.engineVersion, cluster.inputs.databaseName],
                ["staging-orders", "aurora-postgresql", "16.6", "orders"],
            );
            assert.deepStrictEqual(cluster.inputs.enabledCloudwatchLogsExports, ["postgresql"]);
        });

        it("declares the writer and readers, private, with Performance Insights under the application's key and a current RDS CA", () => {
            const instances = mocks.ofType(T.instance);
            assert.deepStrictEqual(
                instances.map((i) => i.inputs.identifier),
                ["staging-orders-1", "staging-orders-2"],
            );
            for (const instance of instances) {
                assert.deepStrictEqual(
                    [
                        instance.inputs.clusterIdentifier,
                        instance.inputs.instanceClass,
                        instance.inputs.publiclyAccessible,
                        instance.inputs.performanceInsightsEnabled,
                        instance.inputs.performanceInsightsKmsKeyId,
                        instance.inputs.caCertIdentifier,
                        instance.inputs.autoMinorVersionUpgrade,
                    ],
                    [cluster.id, "db.r6g.large", false, true, APPLICATION_KEY, "rds-ca-rsa2048-g1", true],
                    instance.name,
                );
            }
        });

        it("sets the rotation schedule of the master secret RDS manages, without a Lambda, after the instances exist", async () => {
            const rotation = only(mocks, T.rotation);
            const [secret] = cluster.outputs.masterUserSecrets as { secretArn: string }[];
            assert.strictEqual(rotation.inputs.secretId, secret.secretArn);
            assert.strictEqual(await valueOf(database.masterUserSecretArn), secret.secretArn);
            assert.deepStrictEqual(rotation.inputs.rotationRules, { automaticallyAfterDays: 30 });
            assert.strictEqual(rotation.inputs.rotationLambdaArn, undefined);
            const dependencies = dependenciesOf(mocks, rotation.name);
            for (const instance of mocks.ofType(T.instance)) {
                assert.ok(dependencies.includes(instance.urn), `depends on ${instance.name}`);
            }
        });

        it("tells the service libpq's variables: the writer endpoint, verify-full and the region's CA bundle in the image", async () => {
            const environment = Object.fromEntries(
                await Promise.all(Object.entries(database.connectionEnvironment).map(async ([k, v]) => [k, await valueOf(v)] as const)),
            );
            assert.deepStrictEqual(environment, {
                PGHOST: cluster.outputs.endpoint,
                PGPORT: "5432",
                PGDATABASE: "orders",
                PGUSER: "orders_app",
                PGSSLMODE: "verify-full",
                PGSSLROOTCERT: "/etc/ssl/certs/rds/eu-west-1-bundle.pem",
            });
            assert.strictEqual(rdsCaBundlePath(REGION), environment.PGSSLROOTCERT);
        });

        it("exports the cluster's identity and endpoints", async () => {
            assert.deepStrictEqual(
                await Promise.all([
                    valueOf(database.clusterArn),
                    valueOf(database.clusterResourceId),
                    valueOf(database.endpoint),
                    valueOf(database.readerEndpoint),
                    valueOf(database.port),
                ]),
                [cluster.outputs.arn, cluster.outputs.clusterResourceId, cluster.outputs.endpoint, cluster.outputs.readerEndpoint, 5432],
            );
            const component = only(mocks, T.component);
            assert.deepStrictEqual(Object.keys(component.outputs).sort(), [
                "clusterArn",
                "clusterResourceId",
                "connectStatement",
                "connectionEnvironment",
                "endpoint",
                "masterUserSecretArn",
                "port",
                "readerEndpoint",
            ]);
        });

        it("declares everything through the given provider, as children of the component", () => {
            const component = only(mocks, T.component);
            for (const resource of awsResourcesThrough(mocks, "test-provider")) {
                assert.strictEqual(resource.parent, component.urn, resource.name);
            }
            assert.strictEqual(awsResourcesThrough(mocks, "test-provider").length, 6);
        });
    });

    describe("the connect statement, proved with the IAM evaluator", () => {
        let resourceId: string;
        let role: PolicyDocument;
        before(async () => {
            const { database } = await build();
            resourceId = await valueOf(database.clusterResourceId);
            role = policyDocument([await valueOf(database.connectStatement)]);
        });
        const connect = (resource: string) => evaluate([role], { action: "rds-db:connect", resource }, { strict: true });

        it("allows connecting as the IAM database user to this cluster", () => {
            assert.strictEqual(connect(`arn:aws:rds-db:${REGION}:${ACCOUNT}:dbuser:${resourceId}/orders_app`), "Allow");
        });

        it("allows neither another user (the master user included) nor another cluster, region or account", () => {
            for (const resource of [
                `arn:aws:rds-db:${REGION}:${ACCOUNT}:dbuser:${resourceId}/dbadmin`,
                `arn:aws:rds-db:${REGION}:${ACCOUNT}:dbuser:${resourceId}/orders_app2`,
                `arn:aws:rds-db:${REGION}:${ACCOUNT}:dbuser:cluster-OTHERCLUSTER0000000000000/orders_app`,
                `arn:aws:rds-db:us-east-1:${ACCOUNT}:dbuser:${resourceId}/orders_app`,
                `arn:aws:rds-db:${REGION}:222222222222:dbuser:${resourceId}/orders_app`,
            ]) {
                assert.strictEqual(connect(resource), "ImplicitDeny", resource);
            }
        });

        it("allows nothing but rds-db:connect", () => {
            assert.strictEqual(
                evaluate([role], { action: "rds:DeleteDBCluster", resource: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:staging-orders` }),
                "ImplicitDeny",
            );
        });
    });

    describe("Aurora MySQL", () => {
        let mocks: RecordingMocks;
        let database: AuroraDatabase;
        before(async () => {
            ({ mocks, database } = await build(MYSQL));
        });

        it("requires secure transport and accepts TLS 1.2 and 1.3 only (a static parameter, applied at reboot)", () => {
            const group = only(mocks, T.parameterGroup);
            assert.strictEqual(group.inputs.family, "aurora-mysql8.0");
            assert.deepStrictEqual(group.inputs.parameters, [
                { name: "require_secure_transport", value: "ON", applyMethod: "immediate" },
                { name: "tls_version", value: "TLSv1.2,TLSv1.3", applyMethod: "pending-reboot" },
            ]);
        });

        it("listens on 3306 and exports the error and slow query logs", () => {
            const cluster = only(mocks, T.cluster);
            assert.deepStrictEqual(
                [cluster.inputs.engine, cluster.inputs.port, cluster.inputs.enabledCloudwatchLogsExports],
                ["aurora-mysql", 3306, ["error", "slowquery"]],
            );
        });

        it("tells the service the MySQL client's variables, with VERIFY_IDENTITY", async () => {
            const environment = Object.fromEntries(
                await Promise.all(Object.entries(database.connectionEnvironment).map(async ([k, v]) => [k, await valueOf(v)] as const)),
            );
            assert.deepStrictEqual(environment, {
                MYSQL_HOST: only(mocks, T.cluster).outputs.endpoint,
                MYSQL_TCP_PORT: "3306",
                MYSQL_DATABASE: "orders",
                MYSQL_USER: "orders_app",
                MYSQL_SSL_MODE: "VERIFY_IDENTITY",
                MYSQL_SSL_CA: "/etc/ssl/certs/rds/eu-west-1-bundle.pem",
            });
        });
    });

    it("declares one instance per instance asked for", async () => {
        const { mocks } = await build({ instances: 1 });
        assert.deepStrictEqual(
            mocks.ofType(T.instance).map((i) => i.inputs.identifier),
            ["staging-orders-1"],
        );
    });

    describe("under the policy pack", () => {
        const parameterGroupPolicy = resourcePolicy("tls-database-parameter-group");
        const enforcingPolicy = stackPolicy("tls-database-enforcing-parameter-group");

        /** The recorded resources as the engine hands them to the pack, each property's dependencies included. */
        function policyResources(
            mocks: RecordingMocks,
            props: (r: Registration) => Record<string, unknown> = (r) => r.inputs,
        ): PolicyResource[] {
            const registrations = mocks.registrations.filter((r) => r.type.startsWith("aws:"));
            const resources = registrations.map((r) => ({ ...resource(r.type, r.name, props(r)), urn: r.urn }));
            registrations.forEach((r, index) => {
                for (const [property, urns] of Object.entries(r.propertyDependencies)) {
                    dependsOnVia(resources[index], property, ...resources.filter((target) => urns.includes(target.urn)));
                }
            });
            return resources;
        }

        /** The parameter group's parameters without `name`: what the pack must refuse. */
        const withoutParameter = (name: string) => (r: Registration) =>
            r.type === T.parameterGroup
                ? { ...r.inputs, parameters: (r.inputs.parameters as { name: string }[]).filter((p) => p.name !== name) }
                : r.inputs;

        for (const [engine, overrides, enforcing] of [
            ["aurora-postgresql", {}, "rds.force_ssl"],
            ["aurora-mysql", MYSQL, "require_secure_transport"],
        ] as const) {
            describe(engine, () => {
                let mocks: RecordingMocks;
                before(async () => {
                    ({ mocks } = await build(overrides));
                });

                it("passes every resource policy of the pack, and the TLS stack policy", () => {
                    for (const r of mocks.registrations.filter((r) => r.type.startsWith("aws:"))) {
                        for (const policy of allPolicies.filter((p) => "validateResource" in p)) {
                            assert.deepStrictEqual(check(resourcePolicy(policy.name), r.type, r.inputs), [], `${policy.name} on ${r.name}`);
                        }
                    }
                    assert.deepStrictEqual(checkStack(enforcingPolicy, policyResources(mocks)), []);
                });

                it(`fails both TLS policies if the group did not set ${enforcing}`, () => {
                    const group = only(mocks, T.parameterGroup);
                    const weakened = withoutParameter(enforcing)(group);
                    assert.match(
                        check(parameterGroupPolicy, group.type, weakened).join(),
                        new RegExp(`does not set ${enforcing.replace(".", "\\.")}`),
                    );
                    const violations = checkStack(enforcingPolicy, policyResources(mocks, withoutParameter(enforcing)));
                    assert.deepStrictEqual(
                        violations.map((v) => v.urn),
                        [only(mocks, T.cluster).urn],
                    );
                });
            });
        }

        it("fails an Aurora MySQL 3 group that leaves tls_version to the engine's default", async () => {
            const { mocks } = await build(MYSQL);
            const group = only(mocks, T.parameterGroup);
            assert.match(
                check(parameterGroupPolicy, group.type, withoutParameter("tls_version")(group)).join(),
                /does not set tls_version/,
            );
        });
    });

    describe("refuses bad arguments before declaring anything", () => {
        const cases: [string, Partial<AuroraDatabaseArgs>, RegExp][] = [
            [
                "an environment that is not a name key",
                { environment: "Staging" },
                /^AuroraDatabase: environment: key "Staging" is not a lowercase name/,
            ],
            ["an application that is not a name key", { application: "orders_db" }, /^AuroraDatabase: application: key "orders_db" is not/],
            [
                "a region outside the aws partition",
                { region: "cn-north-1" },
                /^AuroraDatabase: region: "cn-north-1" is not an AWS region code/,
            ],
            ["an account id that is not 12 digits", { accountId: "1111" }, /^AuroraDatabase: accountId: "1111" is not an AWS account id/],
            [
                "an engine other than Aurora",
                { engine: "postgres" as never },
                /^AuroraDatabase: engine: "postgres" is not one of aurora-postgresql, aurora-mysql$/,
            ],
            [
                "a PostgreSQL major before 13",
                { engineVersion: "12.22" },
                /^AuroraDatabase: engineVersion: "12.22" is not an Aurora PostgreSQL version .* major 13 or later/,
            ],
            ["a PostgreSQL version in MySQL's format", { engineVersion: "8.0.mysql_aurora.3.08.0" }, /^AuroraDatabase: engineVersion: /],
            [
                "an Aurora MySQL 2 version",
                { ...MYSQL, engineVersion: "5.7.mysql_aurora.2.12.0" },
                /^AuroraDatabase: engineVersion: "5.7.mysql_aurora.2.12.0" is not an Aurora MySQL 3 version/,
            ],
            ["an Aurora MySQL 3 release before 3.04", { ...MYSQL, engineVersion: "8.0.mysql_aurora.3.03.1" }, /from 3\.04 on/],
            [
                "a serverless instance class",
                { instanceClass: "db.serverless" },
                /^AuroraDatabase: instanceClass: "db.serverless" is not an Aurora instance class/,
            ],
            ["an EC2 instance type", { instanceClass: "r6g.large" }, /^AuroraDatabase: instanceClass: /],
            ["no instance", { instances: 0 }, /^AuroraDatabase: instances: 0 is not a whole number of instances from 1 to 16$/],
            ["more instances than Aurora allows", { instances: 17 }, /^AuroraDatabase: instances: 17 /],
            [
                "a cluster identifier starting with a digit",
                { environment: "1st" },
                /^AuroraDatabase: environment and application: "1st-orders" is not an RDS identifier/,
            ],
            [
                "a cluster identifier with two hyphens in a row",
                { application: "orders-" },
                /^AuroraDatabase: environment and application: "staging-orders-" is not an RDS identifier/,
            ],
            [
                "a cluster identifier too long for its instances",
                { application: "a".repeat(54) },
                /is not an RDS identifier once "-2" is added/,
            ],
            [
                "a database name with a hyphen",
                { databaseName: "order-db" },
                /^AuroraDatabase: databaseName: "order-db" is not a PostgreSQL database name/,
            ],
            [
                "a database PostgreSQL creates itself",
                { databaseName: "postgres" },
                /^AuroraDatabase: databaseName: "postgres" is not .*not one of postgres/,
            ],
            [
                "an underscore in a MySQL database name",
                { ...MYSQL, databaseName: "order_db" },
                /^AuroraDatabase: databaseName: "order_db" is not a MySQL database name/,
            ],
            [
                "the master user as the IAM user",
                { iamDatabaseUser: "dbadmin" },
                /^AuroraDatabase: iamDatabaseUser: "dbadmin" is not a database user name/,
            ],
            ["an IAM user with RDS's prefix", { iamDatabaseUser: "rds_iam" }, /^AuroraDatabase: iamDatabaseUser: "rds_iam" /],
            [
                "an IAM user too long for MySQL",
                { ...MYSQL, iamDatabaseUser: "a".repeat(33) },
                /^AuroraDatabase: iamDatabaseUser: .* \(1-32 of/,
            ],
            [
                "no backups",
                { backupRetentionDays: 0 },
                /^AuroraDatabase: backupRetentionDays: 0 is not a whole number of days from 1 to 35$/,
            ],
            ["backups kept longer than AWS allows", { backupRetentionDays: 36 }, /^AuroraDatabase: backupRetentionDays: 36 /],
            [
                "a master secret never rotated within a year",
                { masterSecretRotationDays: 366 },
                /^AuroraDatabase: masterSecretRotationDays: 366 is not a whole number of days from 1 to 365$/,
            ],
            [
                "one subnet",
                { isolatedSubnetIds: [ISOLATED[0]] },
                /^AuroraDatabase: isolatedSubnetIds: \["subnet-0a1b2c3d4e5f60718"\] is not a list of at least two isolated subnets/,
            ],
            [
                "a subnet listed twice",
                { isolatedSubnetIds: [ISOLATED[0], ISOLATED[0]] },
                /^AuroraDatabase: isolatedSubnetIds: "subnet-0a1b2c3d4e5f60718" is listed twice$/,
            ],
            [
                "something that is not a subnet id",
                { isolatedSubnetIds: [ISOLATED[0], "sg-0d1e2f3a4b5c60718"] },
                /^AuroraDatabase: isolatedSubnetIds\[1\]: "sg-0d1e2f3a4b5c60718" is not a subnet id/,
            ],
            [
                "a security group id that is not one",
                { securityGroupId: "subnet-0a1b2c3d4e5f60718" },
                /^AuroraDatabase: securityGroupId: "subnet-0a1b2c3d4e5f60718" is not a security group id/,
            ],
            [
                "a key alias for the application key",
                { applicationKeyArn: "alias/staging/orders" },
                /^AuroraDatabase: applicationKeyArn: "alias\/staging\/orders" is not a KMS key ARN/,
            ],
            [
                "the AWS managed key for the secret",
                { secretsKeyArn: "alias/aws/secretsmanager" },
                /^AuroraDatabase: secretsKeyArn: "alias\/aws\/secretsmanager" is not a KMS key ARN/,
            ],
        ];
        for (const [what, overrides, message] of cases) {
            it(what, async () => {
                await assertRefusedBeforeDeclaring(() => {
                    const provider = new aws.Provider("test-provider", { region: REGION, allowedAccountIds: [ACCOUNT] });
                    new AuroraDatabase("orders-db", { ...BASE, ...overrides }, { provider });
                }, message);
            });
        }
    });
});
