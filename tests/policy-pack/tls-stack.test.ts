// tls-database-enforcing-parameter-group: databases must use a parameter group that enforces TLS,
// linked through the engine's dependency graph (or by a literal name declared in the stack).

import { strict as assert } from "assert";
import { checkStack, dependsOnVia, resource, stackPolicy, unknownCheckingProxy, UNKNOWN_STRING, isUnknownValueError } from "./harness";

const policy = stackPolicy("tls-database-enforcing-parameter-group");

const pgGroup = (name: string, value: string) =>
    resource("aws:rds/parameterGroup:ParameterGroup", name, { family: "postgres16", parameters: [{ name: "rds.force_ssl", value }] });

describe("tls-database-enforcing-parameter-group", () => {
    it("passes an instance linked to an enforcing group, fails one linked to a weak group", () => {
        const good = pgGroup("good", "1");
        const db = dependsOnVia(
            resource("aws:rds/instance:Instance", "db", { engine: "postgres", parameterGroupName: UNKNOWN_STRING }),
            "parameterGroupName",
            good,
        );
        assert.deepEqual(checkStack(policy, [good, db]), []);
        const weak = pgGroup("weak", "0");
        const db2 = dependsOnVia(resource("aws:rds/instance:Instance", "db2", { engine: "postgres" }), "parameterGroupName", weak);
        const found = checkStack(policy, [weak, db2]);
        assert.equal(found.length, 1);
        assert.equal(found[0].urn, db2.urn);
        assert.match(found[0].message, /rds\.force_ssl/);
    });

    it("fails the default parameter group (unset or default.*) for every in-scope engine and provider", () => {
        const cases: [string, Record<string, unknown>][] = [
            ["aws:rds/instance:Instance", { engine: "mysql" }],
            ["aws:rds/instance:Instance", { engine: "postgres", parameterGroupName: "default.postgres16" }],
            ["aws:rds/instance:Instance", { engine: "sqlserver-se" }],
            ["aws:rds/instance:Instance", { engine: "mariadb" }],
            ["aws-native:rds:DbInstance", { engine: "postgres" }],
            ["aws:rds/cluster:Cluster", { engine: "aurora-postgresql" }],
            ["aws:rds/cluster:Cluster", { engine: "aurora-mysql", dbClusterParameterGroupName: "default.aurora-mysql8.0" }],
            ["aws-native:rds:DbCluster", { engine: "aurora-mysql" }],
            ["aws:redshift/cluster:Cluster", {}],
            ["aws-native:redshift:Cluster", { clusterParameterGroupName: "default.redshift-2.0" }],
        ];
        for (const [type, props] of cases) {
            const found = checkStack(policy, [resource(type, "db", props)]);
            assert.equal(found.length, 1, `${type} ${JSON.stringify(props)}`);
            assert.match(found[0].message, /default parameter group/);
        }
    });

    it("links by literal name to a group of the stack, and trusts configured external names", () => {
        const group = resource("aws-native:rds:DbClusterParameterGroup", "g", {
            dbClusterParameterGroupName: "app-aurora",
            family: "aurora-postgresql16",
            parameters: { "rds.force_ssl": "1" },
        });
        const cluster = resource("aws-native:rds:DbCluster", "c", {
            engine: "aurora-postgresql",
            dbClusterParameterGroupName: "app-aurora",
        });
        assert.deepEqual(checkStack(policy, [group, cluster]), []);
        const external = resource("aws:rds/instance:Instance", "db", { engine: "mysql", parameterGroupName: "shared-mysql-tls" });
        assert.equal(checkStack(policy, [external]).length, 1);
        assert.deepEqual(checkStack(policy, [external], { trustedParameterGroupNames: ["shared-mysql-tls"] }), []);
    });

    it("Redshift clusters follow clusterParameterGroupName", () => {
        const group = resource("aws:redshift/parameterGroup:ParameterGroup", "g", {
            family: "redshift-2.0",
            parameters: [{ name: "require_ssl", value: "true" }],
        });
        const cluster = dependsOnVia(resource("aws:redshift/cluster:Cluster", "c", {}), "clusterParameterGroupName", group);
        assert.deepEqual(checkStack(policy, [group, cluster]), []);
        const weak = resource("aws-native:redshift:ClusterParameterGroup", "w", { parameterGroupFamily: "redshift-2.0", parameters: [] });
        const cluster2 = dependsOnVia(resource("aws-native:redshift:Cluster", "c2", {}), "clusterParameterGroupName", weak);
        assert.equal(checkStack(policy, [weak, cluster2]).length, 1);
    });

    it("does not link an instance to a cluster parameter group, nor judge Aurora members, Oracle or unrelated types", () => {
        const clusterGroup = resource("aws:rds/clusterParameterGroup:ClusterParameterGroup", "cg", {
            family: "postgres16",
            parameters: [{ name: "rds.force_ssl", value: "1" }],
        });
        const db = dependsOnVia(resource("aws:rds/instance:Instance", "db", { engine: "postgres" }), "parameterGroupName", clusterGroup);
        assert.equal(checkStack(policy, [clusterGroup, db]).length, 1);
        assert.deepEqual(
            checkStack(policy, [resource("aws-native:rds:DbInstance", "m", { engine: "aurora-postgresql", dbClusterIdentifier: "c" })]),
            [],
        );
        assert.deepEqual(checkStack(policy, [resource("aws:rds/instance:Instance", "o", { engine: "oracle-ee" })]), []);
        assert.deepEqual(checkStack(policy, [resource("aws:s3/bucket:Bucket", "b", {})]), []);
    });

    it("falls back to plain dependencies when the engine sent no per-property ones", () => {
        const group = pgGroup("g", "1");
        const db = resource("aws:rds/instance:Instance", "db", { engine: "postgres", parameterGroupName: UNKNOWN_STRING });
        db.dependencies.push(group);
        assert.deepEqual(checkStack(policy, [group, db]), []);
    });

    it("during preview: undecided names give the SDK's advisory; known defaults still fail", () => {
        const db = resource(
            "aws:rds/instance:Instance",
            "db",
            unknownCheckingProxy({ engine: "postgres", parameterGroupName: UNKNOWN_STRING }),
        );
        assert.throws(() => checkStack(policy, [db]), isUnknownValueError);
        const known = resource("aws:rds/instance:Instance", "k", unknownCheckingProxy({ engine: "postgres", identifier: UNKNOWN_STRING }));
        assert.equal(checkStack(policy, [db, known]).length, 1);
    });
});
