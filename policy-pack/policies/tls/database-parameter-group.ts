// tls-database-parameter-group: RDS, Aurora, Redshift, DocumentDB and Neptune parameter groups of
// engines that can enforce TLS do enforce it, with TLS 1.2 as the minimum.
//
//   PostgreSQL / Aurora PostgreSQL / SQL Server   rds.force_ssl = 1
//   MySQL / MariaDB / Aurora MySQL                require_secure_transport = ON (or 1)
//   Redshift                                      require_ssl = true
//   DocumentDB                                    tls = tls1.2+ or tls1.3+
//   Neptune                                       neptune_enforce_ssl not turned off (its default, 1, enforces)
// and, where the engine lets a group lower the minimum below TLS 1.2:
//   PostgreSQL / Aurora PostgreSQL                ssl_min_protocol_version TLSv1.2 or TLSv1.3
//                                                 (required in families before 13, whose default is lower)
//   MySQL / MariaDB / Aurora MySQL                tls_version listing only TLSv1.2 / TLSv1.3
//                                                 (required in families whose default includes TLS 1.0/1.1)
// A group that leaves the enforcing parameter out inherits the engine default, which does not
// enforce TLS (Neptune excepted). Aurora reads these from the DB cluster parameter group, so Aurora
// DB (instance) parameter groups are not judged. The stack policy tls-database-enforcing-parameter-group
// checks that databases actually use such a group.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { Reading, UNKNOWN } from "../../readers/known";
import {
    PARAMETER_GROUP_TYPES,
    ParameterGroupView,
    readParameterGroup,
    requirementFor,
    TlsMinimum,
    TlsRequirement,
    weakVersions,
} from "../../readers/tls/databases";
import { ODD, show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { TAG } from "../metadata";
import { NIST_SC_8_1, TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";

export const NAME = "tls-database-parameter-group";

export type Enforcement =
    | { kind: "enforces" }
    | { kind: "not-applicable" }
    | { kind: "undecided" }
    | { kind: "fails"; reason: string; fix: string; requirement: TlsRequirement };

const UNDECIDED = "undecided";

/** A parameter's value as read: text, a malformed value, or blank (undefined). */
type Known = string | typeof ODD | undefined;

/**
 * Why the group's enforcing parameter lets plaintext in: a reason, "undecided" when an unknown
 * value or name could change the verdict, undefined when it enforces. `total` counts the values
 * written, unknown ones included.
 */
function enforcementProblem(requirement: TlsRequirement, total: number, known: Known[], someNameUnknown: boolean): string | undefined {
    const bad = known.filter((v) => typeof v !== "string" || !requirement.accepted.has(v.toLowerCase()));
    if (bad.length > 0) {
        return `sets ${requirement.parameter} to ${bad.map((v) => show(v ?? "(empty)")).join(", ")}`;
    }
    if (known.length < total || (known.length === 0 && someNameUnknown)) {
        return UNDECIDED;
    }
    if (known.length > 0 || requirement.unsetEnforces === true) {
        return undefined;
    }
    return `does not set ${requirement.parameter}, and the ${requirement.engine} default does not enforce TLS`;
}

/** Why the group's TLS minimum lets TLS 1.0/1.1 in (same conventions). */
function minimumProblem(minimum: TlsMinimum, total: number, known: Known[], someNameUnknown: boolean): string | undefined {
    const weak = known.flatMap((v) => (typeof v === "string" ? weakVersions(minimum, v) : [v ?? "(empty)"]));
    if (weak.length > 0) {
        return (
            `sets ${minimum.parameter} to ${known.map((v) => show(v ?? "(empty)")).join(", ")}, which lets in ` +
            `${weak.map((v) => show(v)).join(", ")} (only TLSv1.2 and TLSv1.3 are accepted)`
        );
    }
    if (known.length < total || (known.length === 0 && someNameUnknown)) {
        return UNDECIDED;
    }
    if (known.length > 0 || minimum.weakDefault === undefined) {
        return undefined;
    }
    return `does not set ${minimum.parameter}, and ${minimum.weakDefault}`;
}

/** Does this parameter group enforce TLS 1.2+ for its family? */
export function judgeParameterGroup(view: ParameterGroupView, reading: Reading): Enforcement {
    if (view.family === UNKNOWN) {
        return { kind: "undecided" };
    }
    if (typeof view.family !== "string") {
        return { kind: "not-applicable" };
    }
    const requirement = requirementFor(view.kind, view.family);
    if (requirement === undefined) {
        return { kind: "not-applicable" };
    }
    if (view.parameters === UNKNOWN) {
        return { kind: "undecided" };
    }
    const parameters = view.parameters;
    const read = (name: string) => {
        const values = parameters.get(name) ?? [];
        return { total: values.length, known: values.filter((v): v is Known => v !== UNKNOWN) };
    };
    const enforcing = read(requirement.parameter);
    const problems: { reason: string; fix: string }[] = [];
    let undecided = false;
    const enforcement = enforcementProblem(requirement, enforcing.total, enforcing.known, view.someNameUnknown);
    if (enforcement === UNDECIDED) {
        undecided = true;
    } else if (enforcement !== undefined) {
        problems.push({ reason: enforcement, fix: remedy(requirement) });
    }
    const minimum = requirement.minimum;
    if (minimum !== undefined) {
        const set = read(minimum.parameter);
        const weak = minimumProblem(minimum, set.total, set.known, view.someNameUnknown);
        if (weak === UNDECIDED) {
            undecided = true;
        } else if (weak !== undefined) {
            problems.push({ reason: weak, fix: parameterFix(minimum.parameter, minimum.shown) });
        }
    }
    if (problems.length > 0) {
        return {
            kind: "fails",
            requirement,
            reason: problems.map((p) => p.reason).join("; it also "),
            fix: problems.map((p) => p.fix).join(" "),
        };
    }
    if (undecided) {
        reading.markUndecided();
        return { kind: "undecided" };
    }
    return { kind: "enforces" };
}

function parameterFix(name: string, value: string): string {
    return `Add the parameter { name: "${name}", value: "${value}" } (aws-native: parameters: { "${name}": "${value}" }).`;
}

/** The fix for a group that does not enforce TLS at all (its minimum, where it has one, included). */
export function remedy(requirement: TlsRequirement): string {
    const minimum = requirement.minimum;
    return (
        parameterFix(requirement.parameter, requirement.shown) +
        (minimum === undefined || minimum.weakDefault === undefined ? "" : ` ${parameterFix(minimum.parameter, minimum.shown)}`)
    );
}

export const databaseParameterGroup: ResourceValidationPolicy = {
    name: NAME,
    displayName: "Database parameter groups enforce TLS 1.2+",
    description:
        "RDS and Aurora (cluster) parameter groups of PostgreSQL, SQL Server, MySQL and MariaDB families, Redshift, " +
        "DocumentDB and Neptune cluster parameter groups (classic and aws-native) must enforce TLS: rds.force_ssl = 1, " +
        "require_secure_transport = ON, require_ssl = true, tls = tls1.2+ or tls1.3+, neptune_enforce_ssl not 0. Leaving " +
        "the parameter out keeps the engine default, which accepts plaintext (Neptune excepted). A group must not lower the " +
        "minimum below TLS 1.2 either: ssl_min_protocol_version TLSv1/TLSv1.1, or a tls_version list with TLSv1/TLSv1.1, " +
        "are refused, and so is leaving them out where the family's default accepts TLS 1.0/1.1.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: NIST_SC_8_1,
    tags: [
        ...TLS_FAMILY_TAGS,
        TAG.securityHub("Redshift.2"),
        TAG.securityHub("DocumentDB.6"),
        "rds",
        "redshift",
        "documentdb",
        "neptune",
        "database",
    ],
    remediationSteps:
        "PostgreSQL, Aurora PostgreSQL and SQL Server: set rds.force_ssl to 1. MySQL, MariaDB and Aurora MySQL: set " +
        "require_secure_transport to ON. Redshift: set require_ssl to true. DocumentDB: set tls to tls1.2+ (engine 4.0 " +
        "2.0.10980 or 5.0 3.0.11051 and later). Neptune: remove neptune_enforce_ssl = 0. PostgreSQL: set " +
        "ssl_min_protocol_version to TLSv1.2 (PostgreSQL 11 and older cannot: upgrade). MySQL, MariaDB and Aurora MySQL: set " +
        "tls_version to TLSv1.2 (or TLSv1.2,TLSv1.3). For Aurora set them in the DB cluster parameter group. Static " +
        "parameters apply after a reboot.",
    url: TLS_DOCS.rdsSsl,
    validateResource: guardResource(NAME, new Set(PARAMETER_GROUP_TYPES.keys()), (args, props, report, reading) => {
        const view = readParameterGroup(args.type, props, reading);
        if (view === undefined) {
            return;
        }
        const verdict = judgeParameterGroup(view, reading);
        if (verdict.kind === "fails") {
            report(
                `This ${verdict.requirement.engine} parameter group (${view.familyKey} ${show(view.family)}) ${verdict.reason}: clients may connect without TLS 1.2+. ${verdict.fix}`,
            );
        } else if (verdict.kind === "undecided") {
            reading.markUndecided();
        }
    }),
};
