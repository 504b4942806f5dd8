// tls-database-enforcing-parameter-group across the engines the workload tier declares: every
// database resource of both providers (clusters: Aurora PostgreSQL, Aurora MySQL, Multi-AZ
// PostgreSQL and MySQL; instances: PostgreSQL, MySQL, MariaDB), each with a linked group that
// forces TLS (passes) and one that does not (fails).

import { strict as assert } from "assert";
import { checkStack, dependsOnVia, resource, stackPolicy } from "./harness";

const policy = stackPolicy("tls-database-enforcing-parameter-group");

interface Provider {
    cluster: string;
    clusterGroup: string;
    instance: string;
    instanceGroup: string;
    instanceGroupProperty: string;
    /** The parameters as this provider writes them. */
    parameters: (pairs: Record<string, string>) => unknown;
}

const PROVIDERS: Record<string, Provider> = {
    classic: {
        cluster: "aws:rds/cluster:Cluster",
        clusterGroup: "aws:rds/clusterParameterGroup:ClusterParameterGroup",
        instance: "aws:rds/instance:Instance",
        instanceGroup: "aws:rds/parameterGroup:ParameterGroup",
        instanceGroupProperty: "parameterGroupName",
        parameters: (pairs) => Object.entries(pairs).map(([name, value]) => ({ name, value, applyMethod: "pending-reboot" })),
    },
    "aws-native": {
        cluster: "aws-native:rds:DbCluster",
        clusterGroup: "aws-native:rds:DbClusterParameterGroup",
        instance: "aws-native:rds:DbInstance",
        instanceGroup: "aws-native:rds:DbParameterGroup",
        instanceGroupProperty: "dbParameterGroupName",
        parameters: (pairs) => pairs,
    },
};

const FORCE_SSL = { "rds.force_ssl": "1" };
const SECURE_TRANSPORT = { require_secure_transport: "ON", tls_version: "TLSv1.2,TLSv1.3" };

/** engine, parameter-group family, the parameters that force TLS 1.2+, the parameter a weak group leaves off. */
const CLUSTERS: [string, string, Record<string, string>, string][] = [
    ["aurora-postgresql", "aurora-postgresql16", FORCE_SSL, "rds.force_ssl"],
    ["aurora-mysql", "aurora-mysql8.0", SECURE_TRANSPORT, "require_secure_transport"],
    ["postgres", "postgres16", FORCE_SSL, "rds.force_ssl"],
    ["mysql", "mysql8.0", SECURE_TRANSPORT, "require_secure_transport"],
];
const INSTANCES: [string, string, Record<string, string>, string][] = [
    ["postgres", "postgres16", FORCE_SSL, "rds.force_ssl"],
    ["mysql", "mysql8.4", SECURE_TRANSPORT, "require_secure_transport"],
    ["mariadb", "mariadb11.4", SECURE_TRANSPORT, "require_secure_transport"],
];

describe("tls-database-enforcing-parameter-group: the workload tier's engines, both providers", () => {
    for (const [name, p] of Object.entries(PROVIDERS)) {
        for (const [engine, family, strong, parameter] of CLUSTERS) {
            it(`${name} ${engine} cluster: a cluster parameter group forcing TLS passes, one without ${parameter} fails`, () => {
                const group = (pairs: Record<string, string>) => resource(p.clusterGroup, "g", { family, parameters: p.parameters(pairs) });
                const cluster = (g: ReturnType<typeof group>) =>
                    dependsOnVia(resource(p.cluster, "db", { engine, storageEncrypted: true }), "dbClusterParameterGroupName", g);
                const good = group(strong);
                assert.deepEqual(checkStack(policy, [good, cluster(good)]), []);
                const weak = group({ ...strong, [parameter]: "0" });
                const found = checkStack(policy, [weak, cluster(weak)]);
                assert.equal(found.length, 1);
                assert.match(found[0].message, new RegExp(parameter.replace(".", "\\.")));
            });
        }
        for (const [engine, family, strong, parameter] of INSTANCES) {
            it(`${name} ${engine} instance: a parameter group forcing TLS passes, one without ${parameter} fails`, () => {
                const group = (pairs: Record<string, string>) =>
                    resource(p.instanceGroup, "g", { family, parameters: p.parameters(pairs) });
                const instance = (g: ReturnType<typeof group>) =>
                    dependsOnVia(resource(p.instance, "db", { engine, instanceClass: "db.t4g.micro" }), p.instanceGroupProperty, g);
                const good = group(strong);
                assert.deepEqual(checkStack(policy, [good, instance(good)]), []);
                const weak = group({ ...strong, [parameter]: "0" });
                assert.equal(checkStack(policy, [weak, instance(weak)]).length, 1);
            });
        }
        it(`${name}: an Aurora cluster's member instances are governed by the cluster's group`, () => {
            assert.deepEqual(checkStack(policy, [resource(p.instance, "member", { engine: "aurora-postgresql" })]), []);
        });
    }
});
