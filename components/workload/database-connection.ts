// What a service is told to reach its database with verified TLS: the environment variables its
// client library reads, and the RDS certificate bundle it verifies the server against.
//
// PostgreSQL: libpq (psql, and the drivers built on it) reads PGHOST, PGPORT, PGDATABASE, PGUSER,
// PGSSLMODE and PGSSLROOTCERT itself; `verify-full` checks the chain against the bundle AND that
// the host name is the certificate's. MySQL: the client reads only MYSQL_HOST and MYSQL_TCP_PORT
// from the environment; the other variables are named after the options they feed
// (--database, --user, --ssl-mode, --ssl-ca), and the service passes them on. VERIFY_IDENTITY is
// MySQL's verify-full. The IAM authentication token is the password: the service generates it with
// its task role (rds-db:connect) for the host, port and user below, and it is valid 15 minutes.
//
// The bundle: the task's root file system is read-only and its egress reaches no internet host,
// so the service cannot fetch the bundle at start. The image carries it, downloaded at build time
// from rdsCaBundleUrl(region) into RDS_CA_BUNDLE_DIRECTORY.

import type { DatabaseEngine } from "./database-engines";

/** Where the image keeps the RDS certificate bundle. */
export const RDS_CA_BUNDLE_DIRECTORY = "/etc/ssl/certs/rds";

/** The CA that signs the instances' server certificates (RSA 2048, SHA-256; the broadest client support of RDS's current CAs). */
export const RDS_CA_IDENTIFIER = "rds-ca-rsa2048-g1";

/** File name of the region's RDS certificate bundle (every current RDS CA of the region). */
export const rdsCaBundleFileName = (region: string): string => `${region}-bundle.pem`;

/** Where AWS publishes the region's RDS certificate bundle. */
export const rdsCaBundleUrl = (region: string): string =>
    `https://truststore.pki.rds.amazonaws.com/${region}/${rdsCaBundleFileName(region)}`;

/** Path of the bundle inside the image. */
export const rdsCaBundlePath = (region: string): string => `${RDS_CA_BUNDLE_DIRECTORY}/${rdsCaBundleFileName(region)}`;

/** The facts a connection is made from; `V` is a value known after deployment (the endpoint). */
export interface ConnectionFacts<V> {
    readonly engine: DatabaseEngine;
    readonly region: string;
    /** The cluster's writer endpoint. */
    readonly host: V;
    readonly port: number;
    readonly databaseName: string;
    /** The IAM database user the service connects as. */
    readonly user: string;
}

/** The service's environment for its database, by the engine's variable names. */
export function connectionEnvironment<V>(facts: ConnectionFacts<V>): Record<string, V | string> {
    const caBundle = rdsCaBundlePath(facts.region);
    const port = String(facts.port);
    if (facts.engine === "aurora-postgresql") {
        return {
            PGHOST: facts.host,
            PGPORT: port,
            PGDATABASE: facts.databaseName,
            PGUSER: facts.user,
            PGSSLMODE: "verify-full",
            PGSSLROOTCERT: caBundle,
        };
    }
    return {
        MYSQL_HOST: facts.host,
        MYSQL_TCP_PORT: port,
        MYSQL_DATABASE: facts.databaseName,
        MYSQL_USER: facts.user,
        MYSQL_SSL_MODE: "VERIFY_IDENTITY",
        MYSQL_SSL_CA: caBundle,
    };
}
