// What differs between the Aurora engines the workload tier supports: accepted versions and the
// parameter-group family each maps to, the port, the logs exported, and the rules for the names
// the component writes (database and IAM user). Pure data and checks, no Pulumi import.

import { fail } from "../../validation/argument-error";

/** The Aurora engines an application's database may run. */
export const DATABASE_ENGINES = ["aurora-postgresql", "aurora-mysql"] as const;

/** One of the supported Aurora engines. */
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

/**
 * The master user RDS creates and keeps in Secrets Manager. The service never connects as it (it
 * connects as its IAM database user), so one fixed name serves every cluster.
 */
export const MASTER_USERNAME = "dbadmin";

interface EngineProfile {
    /** The engine's default port, which the cluster listens on. */
    readonly port: number;
    /** The cluster parameter-group family of an engine version, or undefined when the version is not accepted. */
    family(engineVersion: string): string | undefined;
    readonly versionExpected: string;
    /** CloudWatch log exports: the engine's server log(s). */
    readonly logExports: readonly string[];
    readonly databaseName: RegExp;
    readonly databaseNameExpected: string;
    /** Databases the engine creates itself: naming one would collide. */
    readonly reservedDatabaseNames: readonly string[];
    /** Longest user name the engine accepts. */
    readonly maxUserNameLength: number;
}

// PostgreSQL 13 is the first major whose ssl_min_protocol_version defaults to TLSv1.2; the
// component sets the minimum anyway, older majors are refused rather than half-supported.
const FIRST_POSTGRESQL_MAJOR = 13;
// Aurora MySQL 3.04 (MySQL 8.0.28) and later no longer accept TLS 1.0/1.1 and accept TLS 1.3,
// which the cluster parameter group lists; Aurora MySQL 2 (5.7) is refused.
const FIRST_AURORA_MYSQL_3_MINOR = 4;

const PROFILES: Readonly<Record<DatabaseEngine, EngineProfile>> = {
    "aurora-postgresql": {
        port: 5432,
        family(engineVersion) {
            const major = /^(\d{2})\.\d{1,2}$/.exec(engineVersion)?.[1];
            return major !== undefined && Number(major) >= FIRST_POSTGRESQL_MAJOR ? `aurora-postgresql${major}` : undefined;
        },
        versionExpected: `an Aurora PostgreSQL version <major>.<minor> with major ${FIRST_POSTGRESQL_MAJOR} or later (like 16.6)`,
        logExports: ["postgresql"],
        // Aurora PostgreSQL DatabaseName: 1-63 letters, digits and underscores, starting with a
        // letter; lowercase here, as PostgreSQL folds unquoted names.
        databaseName: /^[a-z][a-z0-9_]{0,62}$/,
        databaseNameExpected: "a PostgreSQL database name (1-63 of a-z 0-9 _, starting with a letter)",
        reservedDatabaseNames: ["postgres", "template0", "template1", "rdsadmin"],
        maxUserNameLength: 63,
    },
    "aurora-mysql": {
        port: 3306,
        family(engineVersion) {
            const minor = /^8\.0\.mysql_aurora\.3\.(\d{2})\.\d{1,2}$/.exec(engineVersion)?.[1];
            return minor !== undefined && Number(minor) >= FIRST_AURORA_MYSQL_3_MINOR ? "aurora-mysql8.0" : undefined;
        },
        versionExpected: "an Aurora MySQL 3 version 8.0.mysql_aurora.3.<minor>.<patch> from 3.04 on (like 8.0.mysql_aurora.3.08.0)",
        logExports: ["error", "slowquery"],
        // Aurora MySQL DatabaseName: 1-64 letters or digits, starting with a letter.
        databaseName: /^[a-z][a-z0-9]{0,63}$/,
        databaseNameExpected: "a MySQL database name (1-64 of a-z 0-9, starting with a letter)",
        reservedDatabaseNames: ["mysql", "sys"],
        maxUserNameLength: 32,
    },
};

/** The engine's profile. */
export function engineProfile(engine: DatabaseEngine): EngineProfile {
    return PROFILES[engine];
}

/** The cluster parameter-group family of the version, or a one-line error naming `parameter`. */
export function validEngineVersionFamily(parameter: string, engine: DatabaseEngine, engineVersion: unknown): string {
    const profile = PROFILES[engine];
    const family = typeof engineVersion === "string" ? profile.family(engineVersion) : undefined;
    if (family === undefined) {
        fail(parameter, engineVersion, profile.versionExpected);
    }
    return family;
}

/** The database name, or a one-line error naming `parameter`. */
export function validDatabaseName(parameter: string, engine: DatabaseEngine, value: unknown): string {
    const profile = PROFILES[engine];
    if (typeof value !== "string" || !profile.databaseName.test(value) || profile.reservedDatabaseNames.includes(value)) {
        fail(parameter, value, `${profile.databaseNameExpected}, not one of ${profile.reservedDatabaseNames.join(", ")}`);
    }
    return value;
}

/**
 * The IAM database user the service connects as, or a one-line error naming `parameter`: lowercase
 * letters, digits and `_`, starting with a letter, within the engine's length limit, neither the
 * master user nor a name starting with `rds` (the prefix of the roles and users RDS creates).
 */
export function validIamDatabaseUser(parameter: string, engine: DatabaseEngine, value: unknown): string {
    const max = PROFILES[engine].maxUserNameLength;
    if (
        typeof value !== "string" ||
        !new RegExp(`^[a-z][a-z0-9_]{0,${max - 1}}$`).test(value) ||
        value === MASTER_USERNAME ||
        value.startsWith("rds")
    ) {
        fail(
            parameter,
            value,
            `a database user name (1-${max} of a-z 0-9 _, starting with a letter; not ${MASTER_USERNAME}, the master user, nor starting with rds)`,
        );
    }
    return value;
}
