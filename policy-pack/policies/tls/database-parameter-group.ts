// tls-database-parameter-group: RDS, Aurora and Redshift parameter groups of engines that can
// enforce TLS do enforce it.
//
//   PostgreSQL / Aurora PostgreSQL / SQL Server   rds.force_ssl = 1
//   MySQL / MariaDB / Aurora MySQL                require_secure_transport = ON (or 1)
//   Redshift                                      require_ssl = true
// A group that leaves the parameter out inherits the engine default, which does not enforce TLS.
// Aurora reads these from the DB cluster parameter group, so Aurora DB (instance) parameter
// groups are not judged. The stack policy tls-database-enforcing-parameter-group checks that
// databases actually use such a group.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { Reading, UNKNOWN } from "../../readers/known";
import { PARAMETER_GROUP_TYPES, ParameterGroupView, readParameterGroup, requirementFor, TlsRequirement } from "../../readers/tls/databases";
import { show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { TAG } from "../metadata";
import { NIST_SC_8_1, TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";

export const NAME = "tls-database-parameter-group";

export type Enforcement =
    | { kind: "enforces" }
    | { kind: "not-applicable" }
    | { kind: "undecided" }
    | { kind: "fails"; reason: string; requirement: TlsRequirement };

/** Does this parameter group enforce TLS for its family? */
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
    const values = view.parameters.get(requirement.parameter) ?? [];
    const known = values.filter((v) => v !== UNKNOWN);
    const bad = known.filter((v) => typeof v !== "string" || !requirement.accepted.has(v.toLowerCase()));
    if (bad.length > 0) {
        return {
            kind: "fails",
            requirement,
            reason: `sets ${requirement.parameter} to ${bad.map((v) => show(v ?? "(empty)")).join(", ")}`,
        };
    }
    if (known.length > 0 && known.length === values.length) {
        return { kind: "enforces" };
    }
    if (values.length > known.length || view.someNameUnknown) {
        reading.markUndecided();
        return { kind: "undecided" };
    }
    return {
        kind: "fails",
        requirement,
        reason: `does not set ${requirement.parameter}, and the ${requirement.engine} default does not enforce TLS`,
    };
}

export function remedy(requirement: TlsRequirement): string {
    return `Add the parameter { name: "${requirement.parameter}", value: "${requirement.shown}" } (aws-native RDS: parameters: { "${requirement.parameter}": "${requirement.shown}" }).`;
}

export const databaseParameterGroup: ResourceValidationPolicy = {
    name: NAME,
    displayName: "Database parameter groups enforce TLS",
    description:
        "RDS and Aurora (cluster) parameter groups of PostgreSQL, SQL Server, MySQL and MariaDB families, and Redshift " +
        "parameter groups (classic and aws-native), must enforce TLS: rds.force_ssl = 1, require_secure_transport = ON, " +
        "require_ssl = true. Leaving the parameter out keeps the engine default, which accepts plaintext.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: NIST_SC_8_1,
    tags: [...TLS_FAMILY_TAGS, TAG.securityHub("Redshift.2"), "rds", "redshift", "database"],
    remediationSteps:
        "PostgreSQL, Aurora PostgreSQL and SQL Server: set rds.force_ssl to 1. MySQL, MariaDB and Aurora MySQL: set " +
        "require_secure_transport to ON. Redshift: set require_ssl to true. For Aurora set it in the DB cluster parameter " +
        "group. SQL Server needs a reboot for rds.force_ssl to apply.",
    url: TLS_DOCS.rdsSsl,
    validateResource: guardResource(NAME, new Set(PARAMETER_GROUP_TYPES.keys()), (args, props, report, reading) => {
        const view = readParameterGroup(args.type, props, reading);
        if (view === undefined) {
            return;
        }
        const verdict = judgeParameterGroup(view, reading);
        if (verdict.kind === "fails") {
            report(
                `This ${view.kind === "redshift" ? "Redshift" : verdict.requirement.engine} parameter group (${view.familyKey} ${show(view.family)}) ${verdict.reason}: clients may connect without TLS. ${remedy(verdict.requirement)}`,
            );
        } else if (verdict.kind === "undecided") {
            reading.markUndecided();
        }
    }),
};
