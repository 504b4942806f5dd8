// The DB cluster parameters that make an Aurora cluster refuse any connection without TLS 1.2 or
// later. Aurora reads them from the DB *cluster* parameter group (not the instances' groups).
//
//   aurora-postgresql  rds.force_ssl = 1                      (off by default: plaintext accepted)
//                      ssl_min_protocol_version = TLSv1.2      (the minimum, stated rather than inherited)
//   aurora-mysql       require_secure_transport = ON           (OFF by default)
//                      tls_version = TLSv1.2,TLSv1.3           (the versions accepted)
//
// All but tls_version are dynamic and apply at once; RDS refuses `immediate` for tls_version, a
// static parameter, which applies when the instances next reboot (a new cluster starts with it).

import type { DatabaseEngine } from "./database-engines";

/** One parameter of a DB cluster parameter group, as aws.rds.ClusterParameterGroup takes it. */
export interface ClusterParameter {
    readonly name: string;
    readonly value: string;
    readonly applyMethod: "immediate" | "pending-reboot";
}

const TLS_PARAMETERS: Readonly<Record<DatabaseEngine, readonly ClusterParameter[]>> = {
    "aurora-postgresql": [
        { name: "rds.force_ssl", value: "1", applyMethod: "immediate" },
        { name: "ssl_min_protocol_version", value: "TLSv1.2", applyMethod: "immediate" },
    ],
    "aurora-mysql": [
        { name: "require_secure_transport", value: "ON", applyMethod: "immediate" },
        { name: "tls_version", value: "TLSv1.2,TLSv1.3", applyMethod: "pending-reboot" },
    ],
};

/** The cluster parameters that force TLS 1.2+ on the engine. */
export function tlsClusterParameters(engine: DatabaseEngine): ClusterParameter[] {
    return TLS_PARAMETERS[engine].map((parameter) => ({ ...parameter }));
}
