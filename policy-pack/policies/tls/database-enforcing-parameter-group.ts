// tls-database-enforcing-parameter-group (stack policy): every RDS instance, RDS/Aurora cluster,
// Redshift cluster and DocumentDB cluster of an engine that can enforce TLS uses a parameter group
// that enforces TLS 1.2+ (tls-database-parameter-group's judge).
//
// A database that names no parameter group gets the engine's default group, whose SSL setting
// (rds.force_ssl / require_secure_transport / require_ssl off, DocumentDB tls "enabled", which
// accepts TLS 1.0) does not enforce TLS 1.2+ and cannot be changed: it fails. Neptune clusters are
// not read: their default group enforces TLS, and a group that turns it off is refused itself. Otherwise the group is found by the engine's dependency graph (names are
// often unknown during preview): the database's property dependency on its group property
// (parameterGroupName / dbParameterGroupName, dbClusterParameterGroupName, clusterParameterGroupName),
// or its plain dependencies when the engine sent no per-property ones; failing that, by the
// literal name of a group declared in the stack. A group named but not declared in the stack
// passes only if it is listed in trustedParameterGroupNames.
//
// Not judged: Aurora cluster members (their cluster's group governs TLS), Oracle (SSL option in
// an option group), Db2, RDS Custom, and databases whose engine is not written.

import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { dependenciesOf, label, propsOf, resourcesIn } from "../../readers/graph";
import { Reading, UNKNOWN } from "../../readers/known";
import {
    DATABASE_TYPES,
    DatabaseView,
    GroupKind,
    PARAMETER_GROUP_TYPES,
    parameterGroupName,
    readDatabase,
    readParameterGroup,
    requirementForEngine,
    TlsRequirement,
} from "../../readers/tls/databases";
import { show } from "../../readers/tls/values";
import { guardStack } from "../guard";
import { TAG } from "../metadata";
import { NIST_SC_8_1, TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";
import { judgeParameterGroup, remedy } from "./database-parameter-group";
import { TlsSettings, tlsSettings } from "./settings";

export const NAME = "tls-database-enforcing-parameter-group";

function isGroupOfKind(resource: PolicyResource, kind: GroupKind): boolean {
    return PARAMETER_GROUP_TYPES.get(resource.type)?.kind === kind;
}

/** Parameter groups of `kind` the database depends on through `property` (or at all, without per-property data). */
function linkedGroups(database: PolicyResource, property: string, kind: GroupKind): PolicyResource[] {
    return dependenciesOf(database, property).filter((d, i, all) => isGroupOfKind(d, kind) && all.findIndex((o) => o.urn === d.urn) === i);
}

function judgeGroup(group: PolicyResource, view: DatabaseView, requirement: TlsRequirement, reading: Reading): string | undefined {
    const groupView = readParameterGroup(group.type, propsOf(group), reading);
    if (groupView === undefined) {
        return undefined;
    }
    const verdict = judgeParameterGroup(groupView, reading);
    switch (verdict.kind) {
        case "enforces":
            return undefined;
        case "undecided":
            reading.markUndecided();
            return undefined;
        case "fails":
            return `uses parameter group ${label(group)}, which ${verdict.reason}. ${verdict.fix}`;
        case "not-applicable":
            return `uses parameter group ${label(group)} (${groupView.familyKey} ${show(groupView.family)}), which does not carry ${requirement.parameter} for a ${view.engine as string} ${view.kind === "rds-cluster" ? "cluster" : "database"}. ${remedy(requirement)}`;
    }
}

function checkDatabase(
    database: PolicyResource,
    resources: readonly PolicyResource[],
    settings: TlsSettings,
    reading: Reading,
): string | undefined {
    const view = readDatabase(database.type, propsOf(database), reading);
    if (view === undefined) {
        return undefined;
    }
    if (view.governedBy !== undefined) {
        if (view.governedBy === UNKNOWN) {
            reading.markUndecided();
        }
        return undefined;
    }
    if (view.engine === UNKNOWN) {
        reading.markUndecided();
        return undefined;
    }
    if (typeof view.engine !== "string") {
        return undefined;
    }
    const requirement = requirementForEngine(view.kind, view.engine);
    if (requirement === undefined) {
        return undefined;
    }
    const what = `${label(database)} (${view.kind === "rds-instance" || view.kind === "rds-cluster" ? `engine ${view.engine}` : requirement.engine})`;
    const fix = `Give it a parameter group declared in this stack that sets ${requirement.parameter} = ${requirement.shown}, referenced by output in ${view.groupProperty}.`;

    const linked = linkedGroups(database, view.groupProperty, view.kind);
    if (linked.length > 0) {
        const problems = linked.map((group) => judgeGroup(group, view, requirement, reading)).filter((p): p is string => p !== undefined);
        return problems.length > 0 ? `${what} ${problems.join("; ")}` : undefined;
    }

    const name = view.groupName;
    if (name === UNKNOWN) {
        reading.markUndecided();
        return undefined;
    }
    if (typeof name !== "string") {
        return `${what} names no ${view.groupProperty}, so it uses the engine's default parameter group, which does not enforce TLS 1.2+ (${requirement.defaultGroup} and cannot be changed there). ${fix}`;
    }
    if (name.toLowerCase().startsWith("default.")) {
        return `${what} uses the default parameter group "${name}", which does not enforce TLS 1.2+ (${requirement.defaultGroup} and cannot be changed there). ${fix}`;
    }
    const byName = resources.filter((r) => isGroupOfKind(r, view.kind) && parameterGroupName(r.type, propsOf(r), reading) === name);
    if (byName.length > 0) {
        const problems = byName.map((group) => judgeGroup(group, view, requirement, reading)).filter((p): p is string => p !== undefined);
        return problems.length > 0 ? `${what} ${problems.join("; ")}` : undefined;
    }
    if (settings.trustedParameterGroupNames.has(name)) {
        return undefined;
    }
    return (
        `${what} uses parameter group "${name}", which is not declared in this stack, so nothing shows that it enforces TLS. ` +
        `${fix} Or, if the group is managed elsewhere and sets ${requirement.parameter} = ${requirement.shown}, add its name to trustedParameterGroupNames.`
    );
}

export const databaseEnforcingParameterGroup: StackValidationPolicy = {
    name: NAME,
    displayName: "Databases use a parameter group that enforces TLS 1.2+",
    description:
        "Every RDS instance, RDS/Aurora cluster and Redshift cluster (classic and aws-native) of PostgreSQL, SQL Server, " +
        "MySQL, MariaDB or Redshift, and every DocumentDB cluster, must use a parameter group of its stack that enforces " +
        "TLS 1.2+; the default parameter group accepts plaintext connections (DocumentDB's accepts TLS 1.0). Follows the " +
        "stack's dependencies from databases to parameter groups.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: NIST_SC_8_1,
    tags: [...TLS_FAMILY_TAGS, TAG.securityHub("Redshift.2"), TAG.securityHub("DocumentDB.6"), "rds", "redshift", "documentdb", "database"],
    remediationSteps:
        "Declare a parameter group in the same stack (RDS instance: parameter group; RDS/Aurora cluster: cluster parameter " +
        "group; Redshift and DocumentDB: cluster parameter group) that sets rds.force_ssl = 1 (PostgreSQL, SQL Server), " +
        "require_secure_transport = ON (MySQL, MariaDB), require_ssl = true (Redshift) or tls = tls1.2+ (DocumentDB), with " +
        "TLS 1.2 as the engine's minimum (ssl_min_protocol_version, tls_version), and pass its name output to the " +
        "database's parameter group property. Reboot the database for static parameters to apply.",
    url: TLS_DOCS.rdsSsl,
    configSchema: tlsSettings.schema("trustedParameterGroupNames"),
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            const settings = tlsSettings.from(args);
            const resources = resourcesIn(args.resources);
            for (const resource of resources) {
                if (!DATABASE_TYPES.has(resource.type)) {
                    continue;
                }
                const problem = checkDatabase(resource, resources, settings, reading);
                if (problem !== undefined) {
                    report(problem, resource.urn);
                }
            }
        },
        new Set([...DATABASE_TYPES, ...PARAMETER_GROUP_TYPES.keys()]),
    ),
};
