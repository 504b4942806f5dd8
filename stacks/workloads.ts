import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { KeyArns, KeyRingApplication } from "../components/encryption/key-ring";
import { DEFAULT_SSL_POLICY } from "../components/network/internet-entry-point";
import { ApplicationSecrets } from "../components/workload/application-secrets";
import { AuroraDatabase } from "../components/workload/aurora-database";
import { ContainerService } from "../components/workload/container-service";
import { EntryRoute } from "../components/workload/entry-route";
import { InternalServiceEndpoint } from "../components/workload/internal-service-endpoint";
import { LegacyGateway } from "../components/workload/legacy-gateway";
import { clientCertificateStatements } from "../components/workload/private-ca-policies";
import { PrivateCertificateAuthority } from "../components/workload/private-certificate-authority";
import { WorkloadCluster } from "../components/workload/workload-cluster";
import { workloadLogGroupName, workloadRoleArn } from "../components/workload/workload-names";
import { WorkloadRoles } from "../components/workload/workload-roles";
import { WorkloadSecurityGroups } from "../components/workload/workload-security-groups";
import type { PolicyStatement } from "../iam/policy-document";
import type { EnvironmentConfig } from "./config/environment-schema";
import { engineProfile } from "../components/workload/database-engines";
import { InternalDns } from "../components/workload/internal-dns";
import { defaultDatabaseIdentifier } from "./config/workloads-schema";

/** Each application's roles, declared before the key ring whose application keys name them. */
export type WorkloadIdentities = ReadonlyMap<string, WorkloadRoles>;

/**
 * The roles of every application (trust only: their permissions come with the pieces that need
 * them), and the key ring's entry for each: its session role uses the key, CloudWatch Logs encrypts
 * its log group with it, RDS its database. Declared before the key ring, which waits for them.
 */
export function declareWorkloadIdentities(
    config: EnvironmentConfig,
    provider: aws.Provider,
    logGroupNamePrefix: string,
): { readonly identities: WorkloadIdentities; readonly keyApplications: KeyRingApplication[] } {
    const env = config.environment;
    const identities = new Map<string, WorkloadRoles>();
    const keyApplications: KeyRingApplication[] = [];
    for (const [application, settings] of Object.entries(config.workloads.applications)) {
        const roles = new WorkloadRoles(
            `${env}-${application}-roles`,
            { environment: env, application, accountId: config.accountId, region: config.region },
            { provider },
        );
        identities.set(application, roles);
        keyApplications.push({
            name: application,
            keyUsers: [workloadRoleArn(config.accountId, env, application, "session")],
            services: { logGroupName: workloadLogGroupName(logGroupNamePrefix, application), database: settings.database !== undefined },
            keyUserResources: [roles],
        });
    }
    return { identities, keyApplications };
}

/** What the workloads are built on: the environment's network and keys. */
export interface WorkloadFoundation {
    readonly provider: aws.Provider;
    readonly identities: WorkloadIdentities;
    readonly keys: KeyArns;
    readonly logGroupNamePrefix: string;
    readonly vpcId: pulumi.Output<string>;
    readonly privateSubnetIds: pulumi.Output<string>[];
    readonly isolatedSubnetIds: pulumi.Output<string>[];
    readonly endpointSecurityGroupId: pulumi.Output<string>;
    readonly gatewayPrefixListIds: Readonly<Record<string, pulumi.Output<string>>>;
    readonly secretsManagerEndpointId: pulumi.Output<string> | undefined;
    /** The internet-facing load balancer's HTTPS listener and security group (absent without one). */
    readonly entry?: { readonly listenerArn: pulumi.Output<string>; readonly securityGroupId: pulumi.Output<string> };
}

/** What one application exports. */
export interface WorkloadOutputs {
    readonly serviceName: pulumi.Output<string>;
    readonly serviceSecurityGroupId: pulumi.Output<string>;
    readonly sessionRoleArn: pulumi.Output<string>;
    readonly internalEndpoint?: pulumi.Output<string>;
    readonly databaseEndpoint?: pulumi.Output<string>;
    readonly secretArns: Readonly<Record<string, pulumi.Output<string>>>;
    readonly gatewayDomainTarget?: pulumi.Output<string>;
}

/**
 * Declares the workload tier from validated config: one ECS cluster, the private CA once a service
 * has callers, then every application's security groups (all first, so that a callee can admit its
 * callers' groups), and each application's service, entry route, internal mutual-TLS endpoint,
 * database, secrets and legacy gateway.
 */
export function buildWorkloads(config: EnvironmentConfig, foundation: WorkloadFoundation): Record<string, WorkloadOutputs> {
    const env = config.environment;
    const { provider, keys } = foundation;
    const { applications, internalCertificateArn } = config.workloads;
    const names = Object.keys(applications);
    if (names.length === 0) {
        return {};
    }
    const cluster = new WorkloadCluster(`${env}-workloads`, { environment: env }, { provider });
    const hasCallers = Object.values(applications).some((settings) => settings.service.callers.length > 0);
    const privateCa = hasCallers
        ? new PrivateCertificateAuthority(
              `${env}-private-ca`,
              {
                  environment: env,
                  region: config.region,
                  accountId: config.accountId,
                  commonName: config.workloads.privateCa?.commonName ?? `${env} services`,
                  dataKeyArn: keys.purposes.data,
                  rootValidityYears: 10,
              },
              { provider },
          )
        : undefined;

    const groups = new Map(
        Object.entries(applications).map(([application, settings]) => [
            application,
            new WorkloadSecurityGroups(
                `${env}-${application}-sg`,
                {
                    environment: env,
                    application,
                    vpcId: foundation.vpcId,
                    endpointSecurityGroupId: foundation.endpointSecurityGroupId,
                    gatewayPrefixListIds: foundation.gatewayPrefixListIds,
                    ...(settings.database === undefined ? {} : { databasePort: engineProfile(settings.database.engine).port }),
                    legacy: settings.legacy !== undefined,
                },
                { provider },
            ),
        ]),
    );
    // Who calls whom: a caller's session role may request client certificates from the private CA,
    // and is told each callee's internal name (the one on the internal listeners' certificate).
    const callees = (caller: string) => names.filter((callee) => applications[callee].service.callers.includes(caller));
    const internalName = (application: string) => `${application}.${config.workloads.internalDomain as string}`;
    const calleeVariables = (caller: string): Record<string, string> =>
        Object.fromEntries(
            callees(caller).map((callee) => [`${callee.toUpperCase().replace(/-/g, "_")}_URL`, `https://${internalName(callee)}`]),
        );
    const internalEndpoints: { label: string; endpoint: InternalServiceEndpoint }[] = [];

    const outputs = Object.fromEntries(
        Object.entries(applications).map(([application, settings]) => {
            const common = { environment: env, application };
            const roles = foundation.identities.get(application) as WorkloadRoles;
            const securityGroups = groups.get(application) as WorkloadSecurityGroups;
            const serviceSecurityGroupId = securityGroups.serviceSecurityGroupId;
            const { port, healthCheckPath } = settings.service;
            const internalListener = (allowedSecurityGroupIds: pulumi.Input<string>[], clientCertificates: boolean) =>
                new InternalServiceEndpoint(
                    `${env}-${application}-internal`,
                    {
                        ...common,
                        vpcId: foundation.vpcId,
                        privateSubnetIds: foundation.privateSubnetIds,
                        certificateArn: internalCertificateArn as string,
                        sslPolicy: DEFAULT_SSL_POLICY,
                        serviceSecurityGroupId,
                        servicePort: port,
                        healthCheckPath,
                        allowedSecurityGroupIds,
                        ...(clientCertificates && privateCa !== undefined
                            ? { clientCertificates: { trustStoreArn: privateCa.trustStoreArn } }
                            : {}),
                    },
                    { provider },
                );

            const entry =
                settings.entry === undefined || foundation.entry === undefined
                    ? undefined
                    : new EntryRoute(
                          `${env}-${application}-entry`,
                          {
                              ...common,
                              vpcId: foundation.vpcId,
                              listenerArn: foundation.entry.listenerArn,
                              loadBalancerSecurityGroupId: foundation.entry.securityGroupId,
                              serviceSecurityGroupId,
                              servicePort: port,
                              healthCheckPath,
                              hosts: settings.entry.hosts,
                              paths: settings.entry.paths,
                              priority: settings.entry.priority,
                          },
                          { provider },
                      );
            const callers = settings.service.callers.map((caller) => (groups.get(caller) as WorkloadSecurityGroups).serviceSecurityGroupId);
            const mutualTls = callers.length > 0 ? internalListener(callers, true) : undefined;
            const legacyEndpoint =
                settings.legacy === undefined
                    ? undefined
                    : internalListener([securityGroups.gatewaySecurityGroupId as pulumi.Output<string>], false);
            // An application has one internal endpoint at most: callers, or (legacy) its gateway.
            const internalEndpoint = mutualTls ?? legacyEndpoint;
            if (internalEndpoint !== undefined) {
                internalEndpoints.push({ label: application, endpoint: internalEndpoint });
            }

            const database =
                settings.database === undefined
                    ? undefined
                    : new AuroraDatabase(
                          `${env}-${application}-database`,
                          {
                              ...common,
                              region: config.region,
                              accountId: config.accountId,
                              engine: settings.database.engine,
                              engineVersion: settings.database.engineVersion,
                              instanceClass: settings.database.instanceClass,
                              instances: settings.database.instances,
                              databaseName: settings.database.databaseName ?? defaultDatabaseIdentifier(application),
                              iamDatabaseUser: settings.database.iamDatabaseUser ?? defaultDatabaseIdentifier(application),
                              backupRetentionDays: settings.database.backupRetentionDays,
                              masterSecretRotationDays: settings.database.masterSecretRotationDays,
                              isolatedSubnetIds: foundation.isolatedSubnetIds,
                              securityGroupId: securityGroups.databaseSecurityGroupId as pulumi.Output<string>,
                              applicationKeyArn: keys.applications[application],
                              secretsKeyArn: keys.purposes.secrets,
                          },
                          { provider },
                      );
            const secrets =
                settings.secrets.length === 0
                    ? undefined
                    : new ApplicationSecrets(
                          `${env}-${application}-secrets`,
                          {
                              ...common,
                              region: config.region,
                              accountId: config.accountId,
                              secrets: settings.secrets,
                              secretsKeyArn: keys.purposes.secrets,
                              readerRoleArns: [roles.sessionRoleArn, roles.executionRoleArn],
                              secretsManagerEndpointId: foundation.secretsManagerEndpointId as pulumi.Output<string>,
                          },
                          { provider },
                      );

            const sessionRoleStatements: pulumi.Input<PolicyStatement>[] = [
                ...(database === undefined ? [] : [database.connectStatement]),
                ...(privateCa !== undefined && callees(application).length > 0
                    ? // The CA's ARN is known at deployment only: each statement waits for it (output() unwraps it inside).
                      clientCertificateStatements(privateCa.certificateAuthorityArn).map((statement) => pulumi.output(statement))
                    : []),
            ];
            const service = new ContainerService(
                `${env}-${application}-service`,
                {
                    ...common,
                    region: config.region,
                    accountId: config.accountId,
                    clusterArn: cluster.clusterArn,
                    image: settings.service.image,
                    containerPort: port,
                    cpu: settings.service.cpu,
                    memory: settings.service.memory,
                    desiredCount: settings.service.desiredCount,
                    user: settings.service.user,
                    privateSubnetIds: foundation.privateSubnetIds,
                    securityGroupId: serviceSecurityGroupId,
                    taskRoleArn: roles.taskRoleArn,
                    sessionRoleArn: roles.sessionRoleArn,
                    sessionRoleName: roles.sessionRoleName,
                    executionRoleArn: roles.executionRoleArn,
                    executionRoleName: roles.executionRoleName,
                    applicationKeyArn: keys.applications[application],
                    secretsKeyArn: keys.purposes.secrets,
                    logGroupNamePrefix: foundation.logGroupNamePrefix,
                    logRetentionDays: config.workloads.logRetentionDays,
                    secrets: Object.entries(secrets?.secretArns ?? {}).map(([name, arn]) => ({ name, arn })),
                    environmentVariables: {
                        ...(database?.connectionEnvironment ?? {}),
                        ...calleeVariables(application),
                        ...(privateCa !== undefined && callees(application).length > 0
                            ? { PRIVATE_CA_ARN: privateCa.certificateAuthorityArn }
                            : {}),
                    },
                    loadBalancers: [entry, mutualTls, legacyEndpoint].flatMap((front) =>
                        front === undefined ? [] : [{ targetGroupArn: front.targetGroupArn }],
                    ),
                    sessionRoleStatements,
                    sessionProfileWriterImage: config.workloads.sessionProfileWriterImage as string,
                },
                { provider },
            );
            const gateway =
                settings.legacy === undefined || legacyEndpoint === undefined
                    ? undefined
                    : new LegacyGateway(
                          `${env}-${application}-gateway`,
                          {
                              ...common,
                              region: config.region,
                              accountId: config.accountId,
                              hostname: settings.legacy.hostname,
                              certificateArn: settings.legacy.certificateArn,
                              jwt: settings.legacy.jwt,
                              throttling: settings.legacy.throttling,
                              privateSubnetIds: foundation.privateSubnetIds,
                              vpcLinkSecurityGroupId: securityGroups.gatewaySecurityGroupId as pulumi.Output<string>,
                              listenerArn: legacyEndpoint.listenerArn,
                              listenerHostname: internalName(application),
                              accessLogKeyArn: keys.purposes.logs,
                              logGroupNamePrefix: foundation.logGroupNamePrefix,
                              logRetentionDays: config.workloads.logRetentionDays,
                          },
                          { provider },
                      );
            const applicationOutputs: WorkloadOutputs = {
                serviceName: service.serviceName,
                serviceSecurityGroupId,
                sessionRoleArn: roles.sessionRoleArn,
                ...(mutualTls === undefined ? {} : { internalEndpoint: mutualTls.dnsName }),
                ...(database === undefined ? {} : { databaseEndpoint: database.endpoint }),
                secretArns: secrets?.secretArns ?? {},
                ...(gateway === undefined ? {} : { gatewayDomainTarget: gateway.domainNameTarget }),
            };
            return [application, applicationOutputs];
        }),
    );
    if (internalEndpoints.length > 0) {
        new InternalDns(
            `${env}-internal-dns`,
            {
                environment: env,
                domain: config.workloads.internalDomain as string,
                vpcId: foundation.vpcId,
                records: internalEndpoints.map(({ label, endpoint }) => ({ label, dnsName: endpoint.dnsName, zoneId: endpoint.zoneId })),
            },
            { provider },
        );
    }
    return outputs;
}
