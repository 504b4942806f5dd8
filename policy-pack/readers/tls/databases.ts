// RDS and Redshift parameter groups and the databases that use them, both providers.
//
//   aws:rds/parameterGroup:ParameterGroup, aws:rds/clusterParameterGroup:ClusterParameterGroup,
//   aws:redshift/parameterGroup:ParameterGroup          { name?, family, parameters[]: { name, value } }
//   aws-native:rds:DbParameterGroup                     { dbParameterGroupName?, family, parameters: { <name>: <value> } }
//   aws-native:rds:DbClusterParameterGroup              { dbClusterParameterGroupName?, family, parameters: { <name>: <value> } }
//   aws-native:redshift:ClusterParameterGroup           { parameterGroupName?, parameterGroupFamily, parameters[]: { parameterName, parameterValue } }
//
//   aws:rds/instance:Instance                           { engine, parameterGroupName?, replicateSourceDb? }
//   aws-native:rds:DbInstance                           { engine, dbParameterGroupName?, dbClusterIdentifier? }
//   aws:rds/cluster:Cluster, aws-native:rds:DbCluster   { engine, dbClusterParameterGroupName? }
//   aws:redshift/cluster:Cluster, aws-native:redshift:Cluster { clusterParameterGroupName? }
//
// Which parameter enforces TLS, by engine (RDS/Aurora user guides, Redshift management guide):
//   PostgreSQL, Aurora PostgreSQL, SQL Server    rds.force_ssl = 1
//   MySQL, MariaDB, Aurora MySQL                 require_secure_transport = ON/1
//   Redshift                                     require_ssl = true
// Aurora reads both from the DB *cluster* parameter group; RDS instances (and Multi-AZ DB
// clusters of mysql/postgres) from their own group. Oracle (SSL option in an option group) and
// Db2 are not judged here.

import { Props, Reading, Unknown, UNKNOWN } from "../known";
import { Odd, ODD, pick, text } from "./values";

type Text = string | undefined | Unknown | Odd;

export type GroupKind = "rds-instance" | "rds-cluster" | "redshift";

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
]);

export interface TlsRequirement {
    parameter: string;
    accepted: ReadonlySet<string>;
    shown: string;
    engine: string;
}

const FORCE_SSL = (engine: string): TlsRequirement => ({
    parameter: "rds.force_ssl",
    accepted: new Set(["1", "on", "true"]),
    shown: "1",
    engine,
});
const SECURE_TRANSPORT = (engine: string): TlsRequirement => ({
    parameter: "require_secure_transport",
    accepted: new Set(["1", "on", "true"]),
    shown: "ON",
    engine,
});
const REQUIRE_SSL: TlsRequirement = { parameter: "require_ssl", accepted: new Set(["true", "1", "on"]), shown: "true", engine: "Redshift" };

/** The parameter that enforces TLS for a parameter-group family (lower case) of a kind; undefined when none applies. */
export function requirementFor(kind: GroupKind, family: string): TlsRequirement | undefined {
    if (kind === "redshift") {
        return REQUIRE_SSL;
    }
    const aurora = family.startsWith("aurora");
    if (aurora && kind === "rds-instance") {
        return undefined; // Aurora enforces TLS in the cluster parameter group.
    }
    if (family.startsWith("aurora-postgresql") || family.startsWith("postgres")) {
        return FORCE_SSL("PostgreSQL");
    }
    if (family.startsWith("sqlserver")) {
        return kind === "rds-instance" ? FORCE_SSL("SQL Server") : undefined;
    }
    if (family.startsWith("aurora-mysql") || /^aurora\d/.test(family) || family === "aurora" || family.startsWith("mysql")) {
        return SECURE_TRANSPORT("MySQL");
    }
    if (family.startsWith("mariadb")) {
        return kind === "rds-instance" ? SECURE_TRANSPORT("MariaDB") : undefined;
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

function valueText(value: unknown): Text {
    if (typeof value === "number" || typeof value === "boolean") {
        return String(value);
    }
    return text(value);
}

function readParameters(reading: Reading, raw: unknown): { map: Map<string, Text[]> | Unknown; someNameUnknown: boolean } {
    if (raw === UNKNOWN) {
        return { map: UNKNOWN, someNameUnknown: false };
    }
    const map = new Map<string, Text[]>();
    const add = (name: string, value: Text) => {
        const key = name.trim().toLowerCase();
        map.set(key, [...(map.get(key) ?? []), value]);
    };
    let someNameUnknown = false;
    let value = raw;
    if (typeof value === "string") {
        try {
            value = JSON.parse(value) as unknown;
        } catch {
            return { map, someNameUnknown };
        }
    }
    if (Array.isArray(value)) {
        const items = reading.elements(value);
        if (items === UNKNOWN) {
            return { map: UNKNOWN, someNameUnknown };
        }
        for (const item of items) {
            if (item === UNKNOWN) {
                someNameUnknown = true;
                continue;
            }
            const name = text(pick(reading, item, "name", "parameterName", "ParameterName"));
            if (name === UNKNOWN) {
                someNameUnknown = true;
            } else if (typeof name === "string") {
                add(name, valueText(pick(reading, item, "value", "parameterValue", "ParameterValue")));
            }
        }
    } else if (value !== null && typeof value === "object") {
        for (const key of Object.keys(value)) {
            add(key, valueText(reading.get(value, key)));
        }
    }
    return { map, someNameUnknown };
}

export function readParameterGroup(type: string, props: Props, reading: Reading): ParameterGroupView | undefined {
    const groupType = PARAMETER_GROUP_TYPES.get(type);
    if (groupType === undefined) {
        return undefined;
    }
    const family = text(reading.get(props, groupType.familyKey));
    const { map, someNameUnknown } = readParameters(reading, reading.get(props, "parameters"));
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
]);

export interface DatabaseView {
    kind: GroupKind;
    /** Lower-case engine ("redshift" for Redshift). */
    engine: Text;
    /** The property naming the parameter group. */
    groupProperty: string;
    groupName: Text;
    /** Why the database is not judged on its own (its cluster's group governs it); UNKNOWN when that is unknown. */
    governedBy?: string | Unknown;
}

export function readDatabase(type: string, props: Props, reading: Reading): DatabaseView | undefined {
    const lower = (value: Text): Text => (typeof value === "string" ? value.toLowerCase() : value);
    switch (type) {
        case "aws:rds/instance:Instance":
        case "aws-native:rds:DbInstance": {
            const groupProperty = type === "aws:rds/instance:Instance" ? "parameterGroupName" : "dbParameterGroupName";
            const view: DatabaseView = {
                kind: "rds-instance",
                engine: lower(text(reading.get(props, "engine"))),
                groupProperty,
                groupName: text(reading.get(props, groupProperty)),
            };
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
            return {
                kind: "rds-cluster",
                engine: lower(text(reading.get(props, "engine"))),
                groupProperty: "dbClusterParameterGroupName",
                groupName: text(reading.get(props, "dbClusterParameterGroupName")),
            };
        case "aws:redshift/cluster:Cluster":
        case "aws-native:redshift:Cluster":
            return {
                kind: "redshift",
                engine: "redshift",
                groupProperty: "clusterParameterGroupName",
                groupName: text(reading.get(props, "clusterParameterGroupName")),
            };
        default:
            return undefined;
    }
}

export { ODD };
