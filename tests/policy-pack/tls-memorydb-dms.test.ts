// tls-memorydb-in-transit and tls-dms-endpoint, both providers, under preview too.

import { strict as assert } from "assert";
import {
    check,
    isUnknownValueError,
    resourcePolicy,
    UNKNOWN_BOOLEAN,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const memoryDb = resourcePolicy("tls-memorydb-in-transit");
const dms = resourcePolicy("tls-dms-endpoint");

const MEMORYDB_TYPES = [
    "aws:memorydb/cluster:Cluster",
    "aws:memorydb/multiRegionCluster:MultiRegionCluster",
    "aws-native:memorydb:Cluster",
    "aws-native:memorydb:MultiRegionCluster",
];
const DMS_TYPES = ["aws:dms/endpoint:Endpoint", "aws-native:dms:Endpoint"];

describe("tls-memorydb-in-transit", () => {
    for (const type of MEMORYDB_TYPES) {
        it(`${type}: tlsEnabled false (or malformed) fails; unset and true pass`, () => {
            assert.deepEqual(check(memoryDb, type, { nodeType: "db.r7g.large" }), []);
            assert.deepEqual(check(memoryDb, type, { tlsEnabled: true }), []);
            assert.match(check(memoryDb, type, { tlsEnabled: false })[0], /tlsEnabled is false/);
            assert.equal(check(memoryDb, type, { tlsEnabled: "false" }).length, 1);
            assert.equal(check(memoryDb, type, { tlsEnabled: "no" }).length, 1);
        });
    }

    it("an unknown tlsEnabled is undecided; unrelated unknowns are not read", () => {
        assert.throws(() => check(memoryDb, MEMORYDB_TYPES[0], unknownCheckingProxy({ tlsEnabled: UNKNOWN_BOOLEAN })), isUnknownValueError);
        assert.deepEqual(check(memoryDb, MEMORYDB_TYPES[2], unknownCheckingProxy({ aclName: UNKNOWN_STRING, tlsEnabled: true })), []);
    });
});

describe("tls-dms-endpoint", () => {
    for (const type of DMS_TYPES) {
        describe(type, () => {
            it("database engines need sslMode require, verify-ca or verify-full; none and unset fail", () => {
                for (const engineName of ["mysql", "postgres", "oracle", "sqlserver", "docdb", "MongoDB", "aurora-postgresql", "db2"]) {
                    for (const sslMode of ["require", "verify-ca", "VERIFY-FULL"]) {
                        assert.deepEqual(check(dms, type, { endpointType: "source", engineName, sslMode }), [], `${engineName} ${sslMode}`);
                    }
                    assert.match(check(dms, type, { endpointType: "source", engineName, sslMode: "none" })[0], /sslMode is "none"/);
                    assert.match(check(dms, type, { endpointType: "target", engineName })[0], /unset \(none\)/);
                }
                // An engine the pack does not know is judged on sslMode (fail closed).
                assert.equal(check(dms, type, { engineName: "new-engine" }).length, 1);
                assert.equal(check(dms, type, {}).length, 1);
            });

            it("engines reached over HTTPS have no sslMode to judge", () => {
                for (const engineName of [
                    "s3",
                    "dynamodb",
                    "kinesis",
                    "neptune",
                    "elasticsearch",
                    "opensearch",
                    "redshift",
                    "redshift-serverless",
                ]) {
                    assert.deepEqual(check(dms, type, { endpointType: "target", engineName, sslMode: "none" }), [], engineName);
                }
            });

            it("kafka needs an SSL securityProtocol; redis must not be plaintext", () => {
                for (const securityProtocol of ["ssl-encryption", "ssl-authentication", "sasl-ssl"]) {
                    assert.deepEqual(check(dms, type, { engineName: "kafka", kafkaSettings: { securityProtocol } }), [], securityProtocol);
                }
                assert.match(check(dms, type, { engineName: "kafka", kafkaSettings: { securityProtocol: "plaintext" } })[0], /plaintext/);
                assert.equal(check(dms, type, { engineName: "kafka", kafkaSettings: { broker: "b:9092" } }).length, 1);
                assert.equal(check(dms, type, { engineName: "kafka", sslMode: "require" }).length, 1);
                assert.deepEqual(check(dms, type, { engineName: "redis", redisSettings: { serverName: "r", port: 6379 } }), []);
                assert.deepEqual(check(dms, type, { engineName: "redis", redisSettings: { sslSecurityProtocol: "ssl-encryption" } }), []);
                assert.equal(check(dms, type, { engineName: "redis", redisSettings: { sslSecurityProtocol: "plaintext" } }).length, 1);
            });
        });
    }

    it("during preview: an unknown engine, sslMode or settings block is undecided; a known none is reported", () => {
        const T = DMS_TYPES[0];
        const preview = (props: Record<string, unknown>) => unknownCheckingProxy(props);
        assert.throws(() => check(dms, T, preview({ engineName: UNKNOWN_STRING, sslMode: "none" })), isUnknownValueError);
        assert.throws(() => check(dms, T, preview({ engineName: "mysql", sslMode: UNKNOWN_STRING })), isUnknownValueError);
        assert.throws(() => check(dms, T, preview({ engineName: "kafka", kafkaSettings: UNKNOWN_OBJECT })), isUnknownValueError);
        assert.equal(check(dms, T, preview({ engineName: "postgres", sslMode: "none", password: UNKNOWN_STRING })).length, 1);
    });
});
