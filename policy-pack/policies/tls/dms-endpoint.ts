// tls-dms-endpoint: DMS endpoints connect to their databases over TLS (DMS user guide, "Using SSL
// with AWS DMS").
//
//   engines DMS reaches through an AWS API over HTTPS, with no sslMode setting:
//     s3, dynamodb, kinesis, neptune, elasticsearch, opensearch, and redshift /
//     redshift-serverless (which DMS always reaches over SSL)          pass
//   kafka   kafkaSettings.securityProtocol ssl-encryption, ssl-authentication or sasl-ssl;
//           plaintext or unset (not shown to be TLS) fails
//   redis   redisSettings.sslSecurityProtocol not plaintext (its default is ssl-encryption)
//   every other engine, named or not (mysql, postgres, oracle, sqlserver, docdb, mongodb, db2, …)
//           sslMode require, verify-ca or verify-full; none or unset (the default is none) fails

import { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { DMS_ENDPOINT_TYPES, readDmsEndpoint } from "../../readers/tls/services";
import { show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { TAG } from "../metadata";
import { NIST_SC_8_1, TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";

export const NAME = "tls-dms-endpoint";

const HTTPS_ENGINES: ReadonlySet<string> = new Set([
    "s3",
    "dynamodb",
    "kinesis",
    "neptune",
    "elasticsearch",
    "opensearch",
    "redshift",
    "redshift-serverless",
]);
const TLS_SSL_MODES: ReadonlySet<string> = new Set(["require", "verify-ca", "verify-full"]);
const TLS_KAFKA_PROTOCOLS: ReadonlySet<string> = new Set(["ssl-encryption", "ssl-authentication", "sasl-ssl"]);

export const dmsEndpoint: ResourceValidationPolicy = {
    name: NAME,
    displayName: "DMS endpoints connect over TLS",
    description:
        "DMS endpoints (classic and aws-native) must reach their databases over TLS: sslMode require, verify-ca or " +
        "verify-full (unset means none), Kafka endpoints an SSL securityProtocol, Redis endpoints not plaintext. Engines " +
        "DMS reaches through an AWS API over HTTPS (S3, DynamoDB, Kinesis, Neptune, OpenSearch, Redshift) pass.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: NIST_SC_8_1,
    tags: [...TLS_FAMILY_TAGS, TAG.securityHub("DMS.9"), "dms"],
    remediationSteps:
        'Set sslMode to "verify-full" (or "verify-ca", with certificateArn naming the database\'s CA certificate; "require" ' +
        'encrypts without verifying the server). Kafka: set kafkaSettings.securityProtocol to "ssl-encryption", ' +
        '"ssl-authentication" or "sasl-ssl". Redis: set redisSettings.sslSecurityProtocol to "ssl-encryption".',
    url: TLS_DOCS.dmsSsl,
    validateResource: guardResource(NAME, DMS_ENDPOINT_TYPES, (args, props, report, reading) => {
        const view = readDmsEndpoint(args.type, props, reading);
        if (view === undefined) {
            return;
        }
        const engine = view.engine;
        if (engine === UNKNOWN) {
            reading.markUndecided();
            return;
        }
        if (typeof engine === "string" && HTTPS_ENGINES.has(engine)) {
            return;
        }
        if (engine === "kafka") {
            if (view.kafkaProtocol === UNKNOWN) {
                reading.markUndecided();
            } else if (typeof view.kafkaProtocol !== "string" || !TLS_KAFKA_PROTOCOLS.has(view.kafkaProtocol)) {
                report(
                    `This Kafka endpoint's kafkaSettings.securityProtocol is ${show(view.kafkaProtocol ?? "unset")}, so DMS may reach the brokers in plaintext. ` +
                        'Set securityProtocol to "ssl-encryption", "ssl-authentication" or "sasl-ssl".',
                );
            }
            return;
        }
        if (engine === "redis") {
            if (view.redisProtocol === UNKNOWN) {
                reading.markUndecided();
            } else if (view.redisProtocol !== undefined && view.redisProtocol !== "ssl-encryption") {
                report(
                    `This Redis endpoint's redisSettings.sslSecurityProtocol is ${show(view.redisProtocol)}: DMS writes to Redis in plaintext. ` +
                        'Set sslSecurityProtocol to "ssl-encryption".',
                );
            }
            return;
        }
        if (view.sslMode === UNKNOWN) {
            reading.markUndecided();
        } else if (typeof view.sslMode !== "string" || !TLS_SSL_MODES.has(view.sslMode)) {
            report(
                `This ${show(engine ?? "(no engine)")} endpoint's sslMode is ${show(view.sslMode ?? "unset (none)")}, so DMS connects to the database without TLS. ` +
                    'Set sslMode to "verify-full" (or "verify-ca" or "require").',
            );
        }
    }),
};
