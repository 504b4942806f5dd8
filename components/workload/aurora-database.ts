import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { IdentityPolicyStatement } from "../../iam/policy-document";
import { checkWhenKnown, fail, refuseRepeats, validChoice, validMatching, validWholeNumber } from "../../validation/argument-error";
import { SECURITY_GROUP_ID, validAccountId, validKeyArn, validRegion } from "../../validation/aws-identifiers";
import { validNameKey } from "../../validation/name-keys";
import { databaseConnectStatement } from "./aurora-database-policies";
import { connectionEnvironment, RDS_CA_IDENTIFIER } from "./database-connection";
import {
    DATABASE_ENGINES,
    engineProfile,
    MASTER_USERNAME,
    validDatabaseName,
    validEngineVersionFamily,
    validIamDatabaseUser,
    type DatabaseEngine,
} from "./database-engines";
import { tlsClusterParameters } from "./database-parameters";

export interface AuroraDatabaseArgs {
    /** Environment name (a lowercase name key): the first part of the cluster's identifier. */
    environment: string;
    /** Application name (a lowercase name key): the cluster is `<environment>-<application>`. */
    application: string;
    /** Region of the provider the component is given: the IAM database user's ARN and the CA bundle are regional. */
    region: string;
    /** Account that owns the cluster (the IAM database user's ARN). */
    accountId: string;
    /** `aurora-postgresql` (the default of the workload tier) or `aurora-mysql`. */
    engine: DatabaseEngine;
    /** Engine version: `<major>.<minor>` (PostgreSQL 13 or later) or `8.0.mysql_aurora.3.<minor>.<patch>` (3.04 or later). */
    engineVersion: string;
    /** Instance class of every instance (`db.<family>.<size>`, like db.r6g.large; not db.serverless). */
    instanceClass: string;
    /** Instances: 1 (a writer) to 16 (a writer and 15 readers, Aurora's limit); 2 or more survive the loss of one. */
    instances: number;
    /** Name of the database RDS creates in the cluster (a valid identifier of the engine). */
    databaseName: string;
    /** Days of automated backups kept: 1 to 35 (AWS's range; 0, which turns backups off, is refused). */
    backupRetentionDays: number;
    /**
     * Subnets of the DB subnet group: the environment's isolated subnets only (no route out of the
     * VPC), at least two, in different Availability Zones (RDS requires two).
     */
    isolatedSubnetIds: pulumi.Input<string>[];
    /** The database's security group; its rules (ingress from the service only) are the caller's. */
    securityGroupId: pulumi.Input<string>;
    /** ARN of the application's KMS key: encrypts the storage, its snapshots and Performance Insights. */
    applicationKeyArn: pulumi.Input<string>;
    /** ARN of the environment's `secrets` key: encrypts the master user's secret that RDS manages. */
    secretsKeyArn: pulumi.Input<string>;
    /** Days between rotations of the managed master user secret: 1 to 365 (at least yearly). */
    masterSecretRotationDays: number;
    /** The database user the service connects as with IAM authentication (created in the database with `rds_iam` / AWSAuthenticationPlugin). */
    iamDatabaseUser: string;
}

/** A subnet id (kept here, not in validation/, which the responder's bundle carries whole). */
const SUBNET_ID = /^subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/** Aurora's limit of instances in a cluster: the writer and 15 Aurora Replicas. */
const MAX_INSTANCES = 16;

/** RDS DB cluster and instance identifiers: a letter, then letters, digits and single hyphens, not ending with one; 63 at most. */
const RDS_IDENTIFIER = /^(?=.{1,63}$)[a-z](?:-?[a-z0-9])*$/;

/**
 * An application's Aurora cluster in the isolated tier, with every control on: storage and
 * Performance Insights encrypted with the application's key, a cluster parameter group that
 * refuses connections without TLS 1.2+, IAM database authentication, the master password generated
 * and kept by RDS in Secrets Manager under the `secrets` key and rotated on the given schedule,
 * deletion protection, backups and a final snapshot, no public access. The cluster and its
 * instances are protected: deleting one loses the data.
 */
export class AuroraDatabase extends pulumi.ComponentResource {
    public readonly clusterArn: pulumi.Output<string>;
    /** The cluster's resource id (`cluster-…`): what IAM database authentication names. */
    public readonly clusterResourceId: pulumi.Output<string>;
    /** The writer endpoint. */
    public readonly endpoint: pulumi.Output<string>;
    /** The endpoint that balances the readers. */
    public readonly readerEndpoint: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    /** The master user's secret, which RDS manages and Secrets Manager rotates. */
    public readonly masterUserSecretArn: pulumi.Output<string>;
    /** What the service is told: host, port, database, IAM user, verified TLS and the CA bundle (database-connection.ts). */
    public readonly connectionEnvironment: Record<string, pulumi.Output<string>>;
    /** `rds-db:connect` as the IAM database user on this cluster only, for the task role. */
    public readonly connectStatement: pulumi.Output<IdentityPolicyStatement>;

    constructor(name: string, args: AuroraDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        const family = checkArgs(args);
        super("zero-trust:workload:AuroraDatabase", name, {}, opts);
        const profile = engineProfile(args.engine);
        const identifier = clusterIdentifier(args);
        const tags = (suffix: string) => ({ Name: `${identifier}-${suffix}` });

        const subnetGroup = new aws.rds.SubnetGroup(
            `${name}-subnets`,
            {
                name: identifier,
                description: `${identifier}: isolated subnets only`,
                subnetIds: args.isolatedSubnetIds,
                tags: tags("subnets"),
            },
            { parent: this },
        );
        const parameterGroup = new aws.rds.ClusterParameterGroup(
            `${name}-tls`,
            {
                // A prefix, so a new family (a major version upgrade) can replace the group.
                namePrefix: `${identifier}-`,
                family,
                description: `${identifier}: TLS 1.2+ required`,
                parameters: tlsClusterParameters(args.engine),
                tags: tags("tls"),
            },
            { parent: this },
        );
        const cluster = new aws.rds.Cluster(
            `${name}-cluster`,
            {
                clusterIdentifier: identifier,
                engine: args.engine,
                engineMode: "provisioned",
                engineVersion: args.engineVersion,
                port: profile.port,
                databaseName: args.databaseName,
                // The cluster parameter group's id is its name.
                dbClusterParameterGroupName: parameterGroup.id,
                dbSubnetGroupName: subnetGroup.name,
                vpcSecurityGroupIds: [args.securityGroupId],
                storageEncrypted: true,
                kmsKeyId: args.applicationKeyArn,
                iamDatabaseAuthenticationEnabled: true,
                masterUsername: MASTER_USERNAME,
                manageMasterUserPassword: true,
                masterUserSecretKmsKeyId: args.secretsKeyArn,
                // The Data API would be a way in that bypasses the security group and TLS settings.
                enableHttpEndpoint: false,
                deletionProtection: true,
                backupRetentionPeriod: args.backupRetentionDays,
                // Automated backups outlive the cluster: a deletion does not take its recovery points with it.
                deleteAutomatedBackups: false,
                copyTagsToSnapshot: true,
                skipFinalSnapshot: false,
                finalSnapshotIdentifier: `${identifier}-final`,
                enabledCloudwatchLogsExports: [...profile.logExports],
                tags: tags("database"),
            },
            { parent: this, protect: true },
        );
        const instances = Array.from(
            { length: args.instances },
            (_, index) =>
                new aws.rds.ClusterInstance(
                    `${name}-${index + 1}`,
                    {
                        identifier: `${identifier}-${index + 1}`,
                        clusterIdentifier: cluster.id,
                        engine: args.engine,
                        engineVersion: cluster.engineVersion,
                        instanceClass: args.instanceClass,
                        dbSubnetGroupName: subnetGroup.name,
                        publiclyAccessible: false,
                        caCertIdentifier: RDS_CA_IDENTIFIER,
                        performanceInsightsEnabled: true,
                        performanceInsightsKmsKeyId: args.applicationKeyArn,
                        autoMinorVersionUpgrade: true,
                        copyTagsToSnapshot: true,
                        tags: tags(`${index + 1}`),
                    },
                    { parent: this, protect: true },
                ),
        );

        this.masterUserSecretArn = cluster.masterUserSecrets.apply((secrets) => {
            const secret = secrets[0];
            if (secret === undefined) {
                throw new Error(`AuroraDatabase ${name}: RDS reported no master user secret for cluster ${identifier}`);
            }
            return secret.secretArn;
        });
        // RDS enables rotation of the secret it manages (every 7 days); this sets the schedule. No
        // Lambda: the rotation is RDS's own. After the instances, as Aurora finalises the secret's
        // rotation only once an instance is available.
        new aws.secretsmanager.SecretRotation(
            `${name}-master-secret-rotation`,
            {
                secretId: this.masterUserSecretArn,
                rotationRules: { automaticallyAfterDays: args.masterSecretRotationDays },
            },
            { parent: this, dependsOn: instances },
        );

        this.clusterArn = cluster.arn;
        this.clusterResourceId = cluster.clusterResourceId;
        this.endpoint = cluster.endpoint;
        this.readerEndpoint = cluster.readerEndpoint;
        this.port = cluster.port;
        this.connectionEnvironment = Object.fromEntries(
            Object.entries(
                connectionEnvironment({
                    engine: args.engine,
                    region: args.region,
                    host: cluster.endpoint,
                    port: profile.port,
                    databaseName: args.databaseName,
                    user: args.iamDatabaseUser,
                }),
            ).map(([variable, value]) => [variable, pulumi.output(value)]),
        );
        this.connectStatement = cluster.clusterResourceId.apply((resourceId) =>
            databaseConnectStatement(args.region, args.accountId, resourceId, args.iamDatabaseUser),
        );
        this.registerOutputs({
            clusterArn: this.clusterArn,
            clusterResourceId: this.clusterResourceId,
            endpoint: this.endpoint,
            readerEndpoint: this.readerEndpoint,
            port: this.port,
            masterUserSecretArn: this.masterUserSecretArn,
            connectionEnvironment: this.connectionEnvironment,
            connectStatement: this.connectStatement,
        });
    }
}

/** `<environment>-<application>`: the cluster; its instances add `-<n>`, its final snapshot `-final`. */
function clusterIdentifier(args: AuroraDatabaseArgs): string {
    return `${args.environment}-${args.application}`;
}

/**
 * The component's own invariants, checked before anything is declared; returns the parameter-group
 * family of the engine version. Inputs known only at deployment are checked when they are plain values.
 */
function checkArgs(args: AuroraDatabaseArgs): string {
    const arg = (key: string) => `AuroraDatabase: ${key}`;
    validNameKey(arg("environment"), args.environment);
    validNameKey(arg("application"), args.application);
    validRegion(arg("region"), args.region);
    validAccountId(arg("accountId"), args.accountId);
    const engine = validChoice(arg("engine"), args.engine, DATABASE_ENGINES);
    const family = validEngineVersionFamily(arg("engineVersion"), engine, args.engineVersion);
    validMatching(
        arg("instanceClass"),
        args.instanceClass,
        /^db\.[a-z0-9]+\.[a-z0-9]+$/,
        "an Aurora instance class db.<family>.<size> (like db.r6g.large; db.serverless needs a scaling configuration this component does not set)",
    );
    validWholeNumber(arg("instances"), args.instances, 1, MAX_INSTANCES, "instances");
    const longest = `${clusterIdentifier(args)}-${args.instances}`;
    if (!RDS_IDENTIFIER.test(longest)) {
        fail(
            arg("environment and application"),
            clusterIdentifier(args),
            `an RDS identifier once "-${args.instances}" is added (63 at most, starting with a letter, no "--", not ending with "-")`,
        );
    }
    validDatabaseName(arg("databaseName"), engine, args.databaseName);
    validIamDatabaseUser(arg("iamDatabaseUser"), engine, args.iamDatabaseUser);
    validWholeNumber(arg("backupRetentionDays"), args.backupRetentionDays, 1, 35);
    validWholeNumber(arg("masterSecretRotationDays"), args.masterSecretRotationDays, 1, 365);
    if (!Array.isArray(args.isolatedSubnetIds) || args.isolatedSubnetIds.length < 2) {
        fail(
            arg("isolatedSubnetIds"),
            args.isolatedSubnetIds,
            "a list of at least two isolated subnets (RDS requires two Availability Zones)",
        );
    }
    args.isolatedSubnetIds.forEach((subnet, index) =>
        checkWhenKnown(arg(`isolatedSubnetIds[${index}]`), subnet, (parameter, value) =>
            validMatching(parameter, value, SUBNET_ID, "a subnet id (subnet- and 8 or 17 hexadecimal digits)"),
        ),
    );
    refuseRepeats(
        arg("isolatedSubnetIds"),
        args.isolatedSubnetIds.filter((subnet) => typeof subnet === "string"),
    );
    checkWhenKnown(arg("securityGroupId"), args.securityGroupId, (parameter, value) =>
        validMatching(parameter, value, SECURITY_GROUP_ID, "a security group id (sg- and 8 or 17 hexadecimal digits)"),
    );
    checkWhenKnown(arg("applicationKeyArn"), args.applicationKeyArn, validKeyArn);
    checkWhenKnown(arg("secretsKeyArn"), args.secretsKeyArn, validKeyArn);
    return family;
}
