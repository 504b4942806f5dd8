// RDS, Redshift, DocumentDB and Neptune parameter groups and the databases that use them, both providers.
//
//   aws:rds/parameterGroup:ParameterGroup, aws:rds/clusterParameterGroup:ClusterParameterGroup,
//   aws:redshift/parameterGroup:ParameterGroup,
//   aws:docdb/clusterParameterGroup:ClusterParameterGroup,
//   aws:neptune/clusterParameterGroup:ClusterParameterGroup  { name?, family, parameters[]: { name, value } }
//   aws-native:rds:DbParameterGroup                     { dbParameterGroupName?, family, parameters: { <name>: <value> } }
//   aws-native:rds:DbClusterParameterGroup              { dbClusterParameterGroupName?, family, parameters: { <name>: <value> } }
//   aws-native:redshift:ClusterParameterGroup           { parameterGroupName?, parameterGroupFamily, parameters[]: { parameterName, parameterValue } }
//   aws-native:docdb:DbClusterParameterGroup,
//   aws-native:neptune:DbClusterParameterGroup          { name?, family, parameters: { <name>: <value> } }
//
//   aws:rds/instance:Instance                           { engine, parameterGroupName?, replicateSourceDb? }
//   aws-native:rds:DbInstance                           { engine, dbParameterGroupName?, dbClusterIdentifier? }
//   aws:rds/cluster:Cluster, aws-native:rds:DbCluster   { engine, dbClusterParameterGroupName? }
//   aws:redshift/cluster:Cluster, aws-native:redshift:Cluster { clusterParameterGroupName? }
//   aws:docdb/cluster:Cluster                           { dbClusterParameterGroupName? }  (aws-native has no DocumentDB cluster)
//
// Which parameter enforces TLS, by engine (RDS/Aurora user guides, Redshift management guide,
// DocumentDB API reference "Parameter", Neptune user guide "Encrypting connections"):
//   PostgreSQL, Aurora PostgreSQL, SQL Server    rds.force_ssl = 1
//   MySQL, MariaDB, Aurora MySQL                 require_secure_transport = ON/1
//   Redshift                                     require_ssl = true
//   DocumentDB                                   tls = tls1.2+ or tls1.3+ ("enabled", the default, accepts TLS 1.0 to 1.3;
//                                                fips-140-3 is not documented with its versions, so it is not accepted)
//   Neptune                                      neptune_enforce_ssl = 1, its default (engine 1.0.4.0 and later
//                                                only accept TLS 1.2+ anyway); only turning it off fails
// Aurora reads these from the DB *cluster* parameter group; RDS instances (and Multi-AZ DB
// clusters of mysql/postgres) from their own group. Oracle (SSL option in an option group) and
// Db2 are not judged here; SQL Server's rds.tls10/rds.tls11 neither.
//
// A group that enforces TLS may still accept TLS 1.0/1.1 through the engine's own minimum
// (minimumFor below): PostgreSQL ssl_min_protocol_version, MySQL/MariaDB tls_version.

import { Props, Reading, Unknown, UNKNOWN } from "../known";
import { namedValues, Odd, ODD, text } from "./values";

type Text = string | undefined | Unknown | Odd;

export type GroupKind = "rds-instance" | "rds-cluster" | "redshift" | "docdb" | "neptune";

interface GroupType {
    kind: GroupKind;
    familyKey: string;
    nameKey: string;
}

export const PARAMETER_GROUP_TYPES: ReadonlyMap<string, GroupType> = new Map([
    ["aws:rds/parameterGroup:ParameterGroup", { kind: "rds-instance", familyKey: "family", nameKey: "name" }],
    ["aws-native:rds:DbParameterGroup", { kind: "rds-instance", familyKey: "family", nameKey: "dbParameterGroupName" }],
    ["aws:rds/clusterParameterGroup:ClusterParameterGroup", { kind: "rds-cluster", familyKey: "family", nameKey: "name" }],
    ["aws-native:rds:DbClusterParameterGroup", { kind: "rds-cluster", familyKey: "family", nameKey: "dbClusterParameterGroupName" }],
    ["aws:redshift/parameterGroup:ParameterGroup", { kind: "redshift", familyKey: "family", nameKey: "name" }],
    ["aws-native:redshift:ClusterParameterGroup", { kind: "redshift", familyKey: "parameterGroupFamily", nameKey: "parameterGroupName" }],
    ["aws:docdb/clusterParameterGroup:ClusterParameterGroup", { kind: "docdb", familyKey: "family", nameKey: "name" }],
    ["aws-native:docdb:DbClusterParameterGroup", { kind: "docdb", familyKey: "family", nameKey: "name" }],
    ["aws:neptune/clusterParameterGroup:ClusterParameterGroup", { kind: "neptune", familyKey: "family", nameKey: "name" }],
    ["aws-native:neptune:DbClusterParameterGroup", { kind: "neptune", familyKey: "family", nameKey: "name" }],
]);

/** The engine's own minimum TLS version, where a parameter group can set it below 1.2. */
export interface TlsMinimum {
    parameter: string;
    /** A comma-separated list of versions (MySQL/MariaDB tls_version) rather than one minimum. */
    list: boolean;
    /** The value remediation suggests. */
    shown: string;
    /** Why leaving the parameter out accepts TLS 1.0/1.1 in this family; undefined when the default is TLS 1.2+. */
    weakDefault: string | undefined;
}

export interface TlsRequirement {
    parameter: string;
    accepted: ReadonlySet<string>;
    shown: string;
    engine: string;
    /** True when leaving the parameter out keeps a default that enforces TLS 1.2+ (Neptune). */
    unsetEnforces?: boolean;
    /** What the engine's default parameter group leaves open (it cannot be changed there). */
    defaultGroup: string;
    minimum?: TlsMinimum;
}

/** Versions a minimum or a tls_version list may name: TLS 1.2 and newer only. */
const STRONG_VERSIONS: ReadonlySet<string> = new Set(["tlsv1.2", "tlsv1.3"]);

/** The versions of a minimum's value that are below TLS 1.2 (or not versions at all), as written. */
export function weakVersions(minimum: TlsMinimum, value: string): string[] {
    const items = minimum.list ? value.split(",").map((v) => v.trim()) : [value.trim()];
    return items.filter((v) => !STRONG_VERSIONS.has(v.toLowerCase()));
}

/** The version of a family after its engine prefix as written ("postgres16" → "16", "mysql5.7" → "5.7"); undefined when none. */
function versionOf(family: string, prefix: string): string | undefined {
    return /^\d+(?:\.\d+)?/.exec(family.slice(prefix.length))?.[0];
}

// PostgreSQL 13 raised the default of ssl_min_protocol_version to TLSv1.2; 12 introduced it
// with TLSv1; 11 and older cannot set a minimum at all.
function postgresMinimum(family: string, prefix: string): TlsMinimum {
    const major = versionOf(family, prefix);
    const weakDefault =
        major === undefined
            ? `the default of family "${family}" is not known to be TLS 1.2+`
            : Number(major) >= 13
              ? undefined
              : Number(major) === 12
                ? "PostgreSQL 12 defaults ssl_min_protocol_version to TLSv1"
                : `PostgreSQL ${major} accepts TLS 1.0 and 1.1 and cannot raise the minimum (upgrade to 13 or later)`;
    return { parameter: "ssl_min_protocol_version", list: false, shown: "TLSv1.2", weakDefault };
}

// RDS for MySQL 8.0 and later do not support TLS 1.0/1.1; 5.7 does. Aurora MySQL 3 releases
// before 3.04 (MySQL 8.0.28, which removed TLS 1.0/1.1) still accept them, and the family does not
// tell the release, so aurora-mysql8.0 must list its versions. RDS for MariaDB 10.x minor versions
// differ in whether they accept TLS 1.0/1.1; 11 does not.
function mysqlMinimum(family: string, prefix: string, firstStrong: number, engine: string): TlsMinimum {
    const version = versionOf(family, prefix);
    const weakDefault =
        version !== undefined && Number(version) >= firstStrong
            ? undefined
            : `${engine} ${version ?? `family "${family}"`} may accept TLS 1.0 and 1.1 by default`;
    return { parameter: "tls_version", list: true, shown: "TLSv1.2", weakDefault };
}

const FORCE_SSL = (engine: string, minimum?: TlsMinimum): TlsRequirement => ({
    parameter: "rds.force_ssl",
    accepted: new Set(["1", "on", "true"]),
    shown: "1",
    engine,
    defaultGroup: "rds.force_ssl is off",
    minimum,
});
const SECURE_TRANSPORT = (engine: string, minimum: TlsMinimum): TlsRequirement => ({
    parameter: "require_secure_transport",
    accepted: new Set(["1", "on", "true"]),
    shown: "ON",
    engine,
    defaultGroup: "require_secure_transport is off",
    minimum,
});
const REQUIRE_SSL: TlsRequirement = {
    parameter: "require_ssl",
    accepted: new Set(["true", "1", "on"]),
    shown: "true",
    engine: "Redshift",
    defaultGroup: "require_ssl is off",
};
const DOCDB_TLS: TlsRequirement = {
    parameter: "tls",
    accepted: new Set(["tls1.2+", "tls1.3+"]),
    shown: "tls1.2+",
    engine: "DocumentDB",
    defaultGroup: 'tls is "enabled", which accepts TLS 1.0 and 1.1',
};
const NEPTUNE_ENFORCE_SSL: TlsRequirement = {
    parameter: "neptune_enforce_ssl",
    accepted: new Set(["1"]),
    shown: "1",
    engine: "Neptune",
    unsetEnforces: true,
    defaultGroup: "neptune_enforce_ssl is 1",
};

/** The parameter that enforces TLS for a parameter-group family (lower case) of a kind; undefined when none applies. */
export function requirementFor(kind: GroupKind, family: string): TlsRequirement | undefined {
    switch (kind) {
        case "redshift":
            return REQUIRE_SSL;
        case "docdb":
            return DOCDB_TLS;
        case "neptune":
            return NEPTUNE_ENFORCE_SSL;
        default:
            break;
    }
    const aurora = family.startsWith("aurora");
    if (aurora && kind === "rds-instance") {
        return undefined; // Aurora enforces TLS in the cluster parameter group.
    }
    for (const prefix of ["aurora-postgresql", "postgres"]) {
        if (family.startsWith(prefix)) {
            return FORCE_SSL("PostgreSQL", postgresMinimum(family, prefix));
        }
    }
    if (family.startsWith("sqlserver")) {
        return kind === "rds-instance" ? FORCE_SSL("SQL Server") : undefined;
    }
    if (family.startsWith("aurora-mysql")) {
        return SECURE_TRANSPORT("MySQL", mysqlMinimum(family, "aurora-mysql", 8.4, "Aurora MySQL"));
    }
    if (/^aurora\d/.test(family) || family === "aurora") {
        return SECURE_TRANSPORT("MySQL", mysqlMinimum(family, "aurora", Number.POSITIVE_INFINITY, "Aurora MySQL"));
    }
    if (family.startsWith("mysql")) {
        return SECURE_TRANSPORT("MySQL", mysqlMinimum(family, "mysql", 8, "MySQL"));
    }
    if (family.startsWith("mariadb")) {
        return kind === "rds-instance" ? SECURE_TRANSPORT("MariaDB", mysqlMinimum(family, "mariadb", 11, "MariaDB")) : undefined;
    }
    return undefined;
}

/** The same for a database engine name (lower case): engine names start like their families. */
export function requirementForEngine(kind: GroupKind, engine: string): TlsRequirement | undefined {
    return requirementFor(kind, engine);
}

export interface ParameterGroupView {
    kind: GroupKind;
    family: Text;
    familyKey: string;
    /** Group name as written (for linking databases that name it); undefined when generated. */
    name: Text;
    /** Values by lower-case parameter name (every occurrence); UNKNOWN when the whole list is unknown. */
    parameters: Map<string, Text[]> | Unknown;
    /** True when some entry's name could not be read (unknown during preview). */
    someNameUnknown: boolean;
}

export function readParameterGroup(type: string, props: Props, reading: Reading): ParameterGroupView | undefined {
    const groupType = PARAMETER_GROUP_TYPES.get(type);
    if (groupType === undefined) {
        return undefined;
    }
    const family = text(reading.get(props, groupType.familyKey));
    const { map, someNameUnknown } = namedValues(reading, reading.get(props, "parameters"));
    return {
        kind: groupType.kind,
        family: typeof family === "string" ? family.toLowerCase() : family,
        familyKey: groupType.familyKey,
        name: text(reading.get(props, groupType.nameKey)),
        parameters: map,
        someNameUnknown,
    };
}

/** The group name a parameter group is known by (without reading anything unknown twice). */
export function parameterGroupName(type: string, props: Props, reading: Reading): Text {
    const groupType = PARAMETER_GROUP_TYPES.get(type);
    return groupType === undefined ? undefined : text(reading.get(props, groupType.nameKey));
}

export const DATABASE_TYPES: ReadonlySet<string> = new Set([
    "aws:rds/instance:Instance",
    "aws-native:rds:DbInstance",
    "aws:rds/cluster:Cluster",
    "aws-native:rds:DbCluster",
    "aws:redshift/cluster:Cluster",
    "aws-native:redshift:Cluster",
    "aws:docdb/cluster:Cluster",
]);

export interface DatabaseView {
    kind: GroupKind;
    /** Lower-case engine ("redshift" for Redshift, "docdb" for DocumentDB). */
    engine: Text;
    /** The property naming the parameter group. */
    groupProperty: string;
    groupName: Text;
    /** Why the database is not judged on its own (its cluster's group governs it); UNKNOWN when that is unknown. */
    governedBy?: string | Unknown;
}

export function readDatabase(type: string, props: Props, reading: Reading): DatabaseView | undefined {
    const lower = (value: Text): Text => (typeof value === "string" ? value.toLowerCase() : value);
    const byGroup = (kind: GroupKind, engine: Text, groupProperty: string): DatabaseView => ({
        kind,
        engine,
        groupProperty,
        groupName: text(reading.get(props, groupProperty)),
    });
    switch (type) {
        case "aws:rds/instance:Instance":
        case "aws-native:rds:DbInstance": {
            const view = byGroup(
                "rds-instance",
                lower(text(reading.get(props, "engine"))),
                type === "aws:rds/instance:Instance" ? "parameterGroupName" : "dbParameterGroupName",
            );
            if (type === "aws-native:rds:DbInstance") {
                const cluster = text(reading.get(props, "dbClusterIdentifier"));
                if (cluster === UNKNOWN) {
                    view.governedBy = UNKNOWN;
                } else if (typeof cluster === "string") {
                    view.governedBy = `its DB cluster "${cluster}"`;
                }
            }
            if (typeof view.engine === "string" && view.engine.startsWith("aurora")) {
                view.governedBy ??= "its Aurora DB cluster";
            }
            return view;
        }
        case "aws:rds/cluster:Cluster":
        case "aws-native:rds:DbCluster":
            return byGroup("rds-cluster", lower(text(reading.get(props, "engine"))), "dbClusterParameterGroupName");
        case "aws:redshift/cluster:Cluster":
        case "aws-native:redshift:Cluster":
            return byGroup("redshift", "redshift", "clusterParameterGroupName");
        case "aws:docdb/cluster:Cluster":
            return byGroup("docdb", "docdb", "dbClusterParameterGroupName");
        default:
            return undefined;
    }
}

export { ODD };
