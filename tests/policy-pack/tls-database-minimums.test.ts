// TLS minimums set through database parameters, and the DocumentDB and Neptune parameter groups:
// a group that forces TLS but lets TLS 1.0/1.1 in through the engine's own minimum-version key
// (PostgreSQL ssl_min_protocol_version, MySQL/MariaDB tls_version) is refused, and so is leaving
// the key out where the family's default accepts TLS 1.0/1.1.

import { strict as assert } from "assert";
import {
    check,
    checkStack,
    dependsOnVia,
    isUnknownValueError,
    resource,
    resourcePolicy,
    stackPolicy,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const group = resourcePolicy("tls-database-parameter-group");
const databases = stackPolicy("tls-database-enforcing-parameter-group");

const RDS_GROUP = "aws:rds/parameterGroup:ParameterGroup";
const RDS_CLUSTER_GROUP = "aws:rds/clusterParameterGroup:ClusterParameterGroup";
const NATIVE_RDS_GROUP = "aws-native:rds:DbParameterGroup";
const DOCDB_GROUP = "aws:docdb/clusterParameterGroup:ClusterParameterGroup";
const NATIVE_DOCDB_GROUP = "aws-native:docdb:DbClusterParameterGroup";
const NEPTUNE_GROUP = "aws:neptune/clusterParameterGroup:ClusterParameterGroup";
const NATIVE_NEPTUNE_GROUP = "aws-native:neptune:DbClusterParameterGroup";

const classic = (family: string, parameters: Record<string, string>) => ({
    family,
    parameters: Object.entries(parameters).map(([name, value]) => ({ name, value })),
});
const FORCE_SSL = { "rds.force_ssl": "1" };
const SECURE_TRANSPORT = { require_secure_transport: "ON" };

describe("tls-database-parameter-group: TLS minimums", () => {
    it("PostgreSQL: ssl_min_protocol_version TLSv1 or TLSv1.1 is refused beside rds.force_ssl = 1, on both providers", () => {
        for (const weak of ["TLSv1", "TLSv1.1", "tlsv1.1"]) {
            const messages = check(group, RDS_GROUP, classic("postgres16", { ...FORCE_SSL, ssl_min_protocol_version: weak }));
            assert.equal(messages.length, 1, weak);
            assert.match(messages[0], /ssl_min_protocol_version/);
            assert.equal(
                check(group, NATIVE_RDS_GROUP, { family: "postgres16", parameters: { ...FORCE_SSL, ssl_min_protocol_version: weak } })
                    .length,
                1,
            );
        }
        assert.equal(
            check(group, RDS_CLUSTER_GROUP, classic("aurora-postgresql15", { ...FORCE_SSL, ssl_min_protocol_version: "TLSv1" })).length,
            1,
        );
        for (const strong of ["TLSv1.2", "TLSv1.3"]) {
            assert.deepEqual(check(group, RDS_GROUP, classic("postgres16", { ...FORCE_SSL, ssl_min_protocol_version: strong })), []);
        }
    });

    it("PostgreSQL: leaving the minimum out passes from 13 (default TLSv1.2), fails on 12 (TLSv1) and older (cannot be raised)", () => {
        assert.deepEqual(check(group, RDS_GROUP, classic("postgres13", FORCE_SSL)), []);
        assert.deepEqual(check(group, RDS_CLUSTER_GROUP, classic("aurora-postgresql16", FORCE_SSL)), []);
        assert.match(
            check(group, RDS_GROUP, classic("postgres12", FORCE_SSL))[0],
            /PostgreSQL 12 defaults ssl_min_protocol_version to TLSv1/,
        );
        assert.deepEqual(check(group, RDS_GROUP, classic("postgres12", { ...FORCE_SSL, ssl_min_protocol_version: "TLSv1.2" })), []);
        assert.match(check(group, RDS_GROUP, classic("postgres11", FORCE_SSL))[0], /upgrade to 13 or later/);
    });

    it("MySQL, MariaDB, Aurora MySQL: a tls_version list naming TLSv1 or TLSv1.1 is refused", () => {
        const cases: [string, string, string][] = [
            [RDS_GROUP, "mysql8.0", "TLSv1,TLSv1.1,TLSv1.2"],
            [RDS_GROUP, "mysql5.7", "TLSv1.1, TLSv1.2"],
            [RDS_GROUP, "mariadb11.4", "TLSv1.1,TLSv1.2,TLSv1.3"],
            [RDS_CLUSTER_GROUP, "aurora-mysql8.0", "TLSv1.2,TLSv1"],
        ];
        for (const [type, family, versions] of cases) {
            const messages = check(group, type, classic(family, { ...SECURE_TRANSPORT, tls_version: versions }));
            assert.equal(messages.length, 1, `${family} ${versions}`);
            assert.match(messages[0], /tls_version/);
        }
        assert.deepEqual(check(group, RDS_GROUP, classic("mysql5.7", { ...SECURE_TRANSPORT, tls_version: "TLSv1.2" })), []);
        assert.deepEqual(
            check(group, RDS_CLUSTER_GROUP, classic("aurora-mysql8.0", { ...SECURE_TRANSPORT, tls_version: "TLSv1.2,TLSv1.3" })),
            [],
        );
    });

    it("MySQL family defaults: 5.7, Aurora MySQL 2 and 3 and MariaDB 10 must list their versions; MySQL 8 and MariaDB 11 need not", () => {
        for (const [type, family] of [
            [RDS_GROUP, "mysql5.7"],
            [RDS_GROUP, "mariadb10.11"],
            [RDS_CLUSTER_GROUP, "aurora-mysql5.7"],
            [RDS_CLUSTER_GROUP, "aurora-mysql8.0"],
        ]) {
            const messages = check(group, type, classic(family, SECURE_TRANSPORT));
            assert.equal(messages.length, 1, family);
            assert.match(messages[0], /does not set tls_version/, family);
        }
        assert.deepEqual(check(group, RDS_GROUP, classic("mysql8.0", SECURE_TRANSPORT)), []);
        assert.deepEqual(check(group, RDS_GROUP, classic("mysql8.4", SECURE_TRANSPORT)), []);
        assert.deepEqual(check(group, RDS_GROUP, classic("mariadb11.4", SECURE_TRANSPORT)), []);
    });

    it("reports a missing rds.force_ssl and a weak minimum together, with both fixes", () => {
        const [message] = check(group, RDS_GROUP, classic("postgres16", { ssl_min_protocol_version: "TLSv1" }));
        assert.match(message, /does not set rds\.force_ssl.*it also sets ssl_min_protocol_version/);
        assert.match(message, /"rds\.force_ssl", value: "1".*"ssl_min_protocol_version", value: "TLSv1\.2"/);
    });

    it("during preview: an unknown minimum is undecided; a known weak one is reported", () => {
        assert.throws(
            () =>
                check(
                    group,
                    RDS_GROUP,
                    unknownCheckingProxy(classic("postgres16", { ...FORCE_SSL, ssl_min_protocol_version: UNKNOWN_STRING })),
                ),
            isUnknownValueError,
        );
        assert.equal(
            check(
                group,
                RDS_GROUP,
                unknownCheckingProxy(classic("mysql8.0", { require_secure_transport: UNKNOWN_STRING, tls_version: "TLSv1" })),
            ).length,
            1,
        );
    });
});

describe("tls-database-parameter-group: DocumentDB and Neptune cluster parameter groups", () => {
    it("DocumentDB: tls must be tls1.2+ or tls1.3+ (enabled accepts TLS 1.0), on both providers", () => {
        for (const [type, props] of [
            [DOCDB_GROUP, (tls?: string) => classic("docdb5.0", tls === undefined ? {} : { tls })],
            [
                NATIVE_DOCDB_GROUP,
                (tls?: string) => ({ family: "docdb5.0", description: "d", parameters: tls === undefined ? {} : { tls } }),
            ],
        ] as const) {
            assert.deepEqual(check(group, type, props("tls1.2+")), [], type);
            assert.deepEqual(check(group, type, props("tls1.3+")), [], type);
            for (const weak of ["enabled", "disabled", "fips-140-3"]) {
                const messages = check(group, type, props(weak));
                assert.equal(messages.length, 1, `${type} ${weak}`);
                assert.match(messages[0], /DocumentDB parameter group .* sets tls to/);
            }
            assert.match(check(group, type, props())[0], /does not set tls/, type);
        }
    });

    it("Neptune: only neptune_enforce_ssl = 0 fails (its default enforces TLS 1.2+), on both providers", () => {
        assert.deepEqual(check(group, NEPTUNE_GROUP, classic("neptune1.3", {})), []);
        assert.deepEqual(check(group, NEPTUNE_GROUP, classic("neptune1.3", { neptune_enforce_ssl: "1" })), []);
        assert.equal(check(group, NEPTUNE_GROUP, classic("neptune1.3", { neptune_enforce_ssl: "0" })).length, 1);
        assert.deepEqual(
            check(group, NATIVE_NEPTUNE_GROUP, { family: "neptune1.4", description: "d", parameters: { neptune_query_timeout: 120000 } }),
            [],
        );
        assert.match(
            check(group, NATIVE_NEPTUNE_GROUP, { family: "neptune1.4", description: "d", parameters: { neptune_enforce_ssl: 0 } })[0],
            /Neptune parameter group .* sets neptune_enforce_ssl to "0"/,
        );
    });
});

describe("tls-database-enforcing-parameter-group: DocumentDB clusters", () => {
    const DOCDB = "aws:docdb/cluster:Cluster";

    it("fails a cluster on the default cluster parameter group (tls enabled accepts TLS 1.0)", () => {
        for (const props of [{}, { dbClusterParameterGroupName: "default.docdb5.0" }]) {
            const found = checkStack(databases, [resource(DOCDB, "docs", props)]);
            assert.equal(found.length, 1);
            assert.match(found[0].message, /DocumentDB.*default parameter group.*tls is "enabled"/);
        }
    });

    it("follows the dependency to its group: tls1.2+ passes, enabled fails", () => {
        const strong = resource(DOCDB_GROUP, "strong", classic("docdb5.0", { tls: "tls1.2+" }));
        const cluster = dependsOnVia(
            resource(DOCDB, "docs", { dbClusterParameterGroupName: UNKNOWN_STRING }),
            "dbClusterParameterGroupName",
            strong,
        );
        assert.deepEqual(checkStack(databases, [strong, cluster]), []);
        const weak = resource(DOCDB_GROUP, "weak", classic("docdb5.0", { tls: "enabled" }));
        const other = dependsOnVia(resource(DOCDB, "other", {}), "dbClusterParameterGroupName", weak);
        const found = checkStack(databases, [weak, other]);
        assert.equal(found.length, 1);
        assert.equal(found[0].urn, other.urn);
    });

    it("a database linked to a group with a weak minimum fails too", () => {
        const weak = resource(RDS_GROUP, "weak", classic("postgres16", { ...FORCE_SSL, ssl_min_protocol_version: "TLSv1.1" }));
        const db = dependsOnVia(resource("aws:rds/instance:Instance", "db", { engine: "postgres" }), "parameterGroupName", weak);
        const found = checkStack(databases, [weak, db]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /ssl_min_protocol_version/);
    });
});
