// The TLS family's resource policies, case by case, for both providers.

import { strict as assert } from "assert";
import { check, resourcePolicy } from "./harness";

const listener = resourcePolicy("tls-load-balancer-listener");
const cloudFront = resourcePolicy("tls-cloudfront-distribution");
const apiGateway = resourcePolicy("tls-api-gateway-domain");
const openSearch = resourcePolicy("tls-opensearch-domain");
const elastiCache = resourcePolicy("tls-elasticache-in-transit");
const msk = resourcePolicy("tls-msk-in-transit");
const parameterGroup = resourcePolicy("tls-database-parameter-group");

const LISTENERS = ["aws:lb/listener:Listener", "aws:alb/listener:Listener", "aws-native:elasticloadbalancingv2:Listener"];
const redirectKey = (type: string) => (type.startsWith("aws-native") ? "redirectConfig" : "redirect");

describe("tls-load-balancer-listener", () => {
    for (const type of LISTENERS) {
        describe(type, () => {
            it("passes HTTPS and TLS with an allowed policy", () => {
                assert.deepEqual(
                    check(listener, type, { protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
                    [],
                );
                assert.deepEqual(
                    check(listener, type, { protocol: "TLS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09" }),
                    [],
                );
                assert.deepEqual(
                    check(listener, type, { protocol: "https", port: "443", sslPolicy: " ELBSecurityPolicy-FS-1-2-Res-2020-10 " }),
                    [],
                );
            });

            it("fails HTTPS/TLS without a policy (defaults to ELBSecurityPolicy-2016-08) or with a weak one", () => {
                assert.match(check(listener, type, { protocol: "HTTPS", port: 443 })[0], /ELBSecurityPolicy-2016-08/);
                assert.equal(check(listener, type, { protocol: "TLS", port: 443, sslPolicy: null }).length, 1);
                assert.equal(
                    check(listener, type, { protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" }).length,
                    1,
                );
                assert.equal(check(listener, type, { protocol: "HTTPS", port: 443, sslPolicy: 42 }).length, 1);
            });

            it("honours a configured allow-list", () => {
                const config = { allowedSslPolicies: ["ELBSecurityPolicy-TLS13-1-3-2021-06"] };
                assert.equal(
                    check(listener, type, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }, config).length,
                    1,
                );
                assert.deepEqual(
                    check(listener, type, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" }, config),
                    [],
                );
            });

            it("passes HTTP only when every default action redirects to HTTPS", () => {
                const redirect = { type: "redirect", [redirectKey(type)]: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } };
                assert.deepEqual(check(listener, type, { protocol: "HTTP", port: 80, defaultActions: [redirect] }), []);
                assert.equal(
                    check(listener, type, { protocol: "HTTP", port: 80, defaultActions: [{ type: "forward", targetGroupArn: "arn" }] })
                        .length,
                    1,
                );
                assert.equal(
                    check(listener, type, { protocol: "HTTP", port: 80, defaultActions: [redirect, { type: "fixed-response" }] }).length,
                    1,
                );
                assert.equal(
                    check(listener, type, {
                        protocol: "HTTP",
                        port: 80,
                        defaultActions: [{ type: "redirect", [redirectKey(type)]: { port: "8080" } }],
                    }).length,
                    1,
                );
                assert.equal(
                    check(listener, type, {
                        protocol: "HTTP",
                        port: 80,
                        defaultActions: [{ type: "redirect", [redirectKey(type)]: { protocol: "HTTP" } }],
                    }).length,
                    1,
                );
                assert.equal(check(listener, type, { protocol: "HTTP", port: 80, defaultActions: [] }).length, 1);
                // No protocol with a port: the ALB default, HTTP.
                assert.equal(check(listener, type, { port: 80, defaultActions: [{ type: "forward" }] }).length, 1);
            });

            it("fails plaintext TCP/UDP passthrough unless the port is allowed; passes QUIC and gateway listeners", () => {
                for (const protocol of ["TCP", "UDP", "TCP_UDP", "tcp", "TCP_QUIC"]) {
                    assert.equal(check(listener, type, { protocol, port: 443 }).length, 1, protocol);
                    assert.deepEqual(check(listener, type, { protocol, port: 443 }, { plaintextPassthroughPorts: [443] }), [], protocol);
                }
                assert.deepEqual(check(listener, type, { protocol: "QUIC", port: 443 }), []);
                assert.deepEqual(check(listener, type, { protocol: "GENEVE", port: 6081 }), []);
                assert.deepEqual(check(listener, type, { defaultActions: [{ type: "forward" }] }), []);
            });

            it("fails an unrecognised protocol", () => {
                assert.equal(check(listener, type, { protocol: "SSL", port: 443 }).length, 1);
            });
        });
    }

    it("leaves other types alone", () => {
        assert.deepEqual(check(listener, "aws:lb/listenerRule:ListenerRule", { protocol: "HTTP" }), []);
        assert.deepEqual(check(listener, "gcp:compute/firewall:Firewall", { protocol: "HTTP" }), []);
    });
});

const GOOD_CLASSIC_DISTRIBUTION = {
    enabled: true,
    viewerCertificate: {
        acmCertificateArn: "arn:aws:acm:us-east-1:1:certificate/x",
        sslSupportMethod: "sni-only",
        minimumProtocolVersion: "TLSv1.2_2021",
    },
    defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" },
    orderedCacheBehaviors: [{ pathPattern: "/api/*", viewerProtocolPolicy: "https-only" }],
    origins: [
        { originId: "s3", domainName: "b.s3.amazonaws.com", s3OriginConfig: {} },
        {
            originId: "app",
            domainName: "app.example.com",
            customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
        },
    ],
};

function nativeOf(classic: typeof GOOD_CLASSIC_DISTRIBUTION): Record<string, unknown> {
    const { viewerCertificate, orderedCacheBehaviors, origins, ...rest } = classic;
    return {
        distributionConfig: {
            ...rest,
            viewerCertificate,
            cacheBehaviors: orderedCacheBehaviors,
            origins: origins.map(({ originId, ...o }) => ({ id: originId, ...o })),
        },
    };
}

describe("tls-cloudfront-distribution", () => {
    const CLASSIC = "aws:cloudfront/distribution:Distribution";
    const NATIVE = "aws-native:cloudfront:Distribution";
    const both = (mutate: (d: typeof GOOD_CLASSIC_DISTRIBUTION) => void): [string, unknown][] => {
        const d = structuredClone(GOOD_CLASSIC_DISTRIBUTION);
        mutate(d);
        return [
            [CLASSIC, d],
            [NATIVE, nativeOf(d)],
        ];
    };

    it("passes a TLS 1.2+ distribution on both providers", () => {
        for (const [type, props] of both(() => undefined)) {
            assert.deepEqual(check(cloudFront, type, props), [], type);
        }
    });

    it("fails the default certificate, a missing or weak minimum protocol", () => {
        const cases: ((d: typeof GOOD_CLASSIC_DISTRIBUTION) => void)[] = [
            (d) => (d.viewerCertificate = { cloudfrontDefaultCertificate: true } as never),
            (d) => (d.viewerCertificate = { acmCertificateArn: "arn" } as never),
            (d) => (d.viewerCertificate.minimumProtocolVersion = "TLSv1.1_2016"),
            (d) => (d.viewerCertificate.minimumProtocolVersion = "TLSv1"),
            (d) => (d.viewerCertificate = { minimumProtocolVersion: "TLSv1.2_2021" } as never),
        ];
        for (const mutate of cases) {
            for (const [type, props] of both(mutate)) {
                assert.equal(check(cloudFront, type, props).length, 1, `${type} ${JSON.stringify(props)}`);
            }
        }
        assert.equal(
            check(cloudFront, NATIVE, {
                distributionConfig: {
                    ...(nativeOf(GOOD_CLASSIC_DISTRIBUTION).distributionConfig as object),
                    viewerCertificate: { cloudFrontDefaultCertificate: true },
                },
            }).length,
            1,
        );
        assert.equal(
            check(cloudFront, NATIVE, {
                distributionConfig: { ...(nativeOf(GOOD_CLASSIC_DISTRIBUTION).distributionConfig as object), viewerCertificate: undefined },
            }).length,
            1,
        );
    });

    it("fails allow-all on the default or an ordered behaviour", () => {
        for (const mutate of [
            (d: typeof GOOD_CLASSIC_DISTRIBUTION) => (d.defaultCacheBehavior.viewerProtocolPolicy = "allow-all"),
            (d: typeof GOOD_CLASSIC_DISTRIBUTION) => (d.orderedCacheBehaviors[0].viewerProtocolPolicy = "allow-all"),
        ]) {
            for (const [type, props] of both(mutate)) {
                const messages = check(cloudFront, type, props);
                assert.equal(messages.length, 1, type);
                assert.match(messages[0], /allow-all/);
            }
        }
    });

    it("fails custom origins that are not https-only with TLSv1.2 only", () => {
        const custom = (d: typeof GOOD_CLASSIC_DISTRIBUTION) => d.origins[1].customOriginConfig!;
        for (const mutate of [
            (d: typeof GOOD_CLASSIC_DISTRIBUTION) => (custom(d).originProtocolPolicy = "http-only"),
            (d: typeof GOOD_CLASSIC_DISTRIBUTION) => (custom(d).originProtocolPolicy = "match-viewer"),
            (d: typeof GOOD_CLASSIC_DISTRIBUTION) => (custom(d).originSslProtocols = ["TLSv1.2", "TLSv1.1"]),
            (d: typeof GOOD_CLASSIC_DISTRIBUTION) => (custom(d).originSslProtocols = ["SSLv3"]),
            (d: typeof GOOD_CLASSIC_DISTRIBUTION) => (custom(d).originSslProtocols = []),
        ]) {
            for (const [type, props] of both(mutate)) {
                assert.equal(check(cloudFront, type, props).length, 1, `${type} ${JSON.stringify(props)}`);
            }
        }
    });

    it("checks the aws-native legacy customOrigin and both VPC origin types", () => {
        const base = nativeOf(GOOD_CLASSIC_DISTRIBUTION).distributionConfig as object;
        assert.equal(
            check(cloudFront, NATIVE, {
                distributionConfig: { ...base, customOrigin: { originProtocolPolicy: "http-only", originSslProtocols: ["TLSv1.2"] } },
            }).length,
            1,
        );
        assert.deepEqual(
            check(cloudFront, "aws:cloudfront/vpcOrigin:VpcOrigin", {
                vpcOriginEndpointConfig: { originProtocolPolicy: "https-only", originSslProtocols: { items: ["TLSv1.2"], quantity: 1 } },
            }),
            [],
        );
        assert.equal(
            check(cloudFront, "aws:cloudfront/vpcOrigin:VpcOrigin", {
                vpcOriginEndpointConfig: {
                    originProtocolPolicy: "https-only",
                    originSslProtocols: { items: ["TLSv1", "TLSv1.2"], quantity: 2 },
                },
            }).length,
            1,
        );
        assert.deepEqual(
            check(cloudFront, "aws-native:cloudfront:VpcOrigin", {
                vpcOriginEndpointConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
            }),
            [],
        );
        assert.equal(
            check(cloudFront, "aws-native:cloudfront:VpcOrigin", {
                vpcOriginEndpointConfig: { originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1.2"] },
            }).length,
            1,
        );
    });
});

describe("tls-api-gateway-domain", () => {
    const V1 = ["aws:apigateway/domainName:DomainName", "aws-native:apigateway:DomainName", "aws-native:apigateway:DomainNameV2"];
    it("passes TLS_1_2 and enhanced policies, fails TLS_1_0 and unset", () => {
        for (const type of V1) {
            assert.deepEqual(check(apiGateway, type, { securityPolicy: "TLS_1_2" }), [], type);
            assert.deepEqual(
                check(apiGateway, type, { securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06", endpointAccessMode: "STRICT" }),
                [],
                type,
            );
            assert.equal(check(apiGateway, type, { securityPolicy: "TLS_1_0" }).length, 1, type);
            assert.match(check(apiGateway, type, {})[0], /TLS_1_0/, type);
        }
    });
    it("reads HTTP/WebSocket domain configurations of both providers", () => {
        assert.deepEqual(
            check(apiGateway, "aws:apigatewayv2/domainName:DomainName", { domainNameConfiguration: { securityPolicy: "TLS_1_2" } }),
            [],
        );
        assert.equal(
            check(apiGateway, "aws:apigatewayv2/domainName:DomainName", { domainNameConfiguration: { securityPolicy: "TLS_1_0" } }).length,
            1,
        );
        assert.deepEqual(
            check(apiGateway, "aws-native:apigatewayv2:DomainName", { domainNameConfigurations: [{ securityPolicy: "TLS_1_2" }] }),
            [],
        );
        assert.equal(
            check(apiGateway, "aws-native:apigatewayv2:DomainName", { domainNameConfigurations: [{ securityPolicy: "TLS_1_2" }, {}] })
                .length,
            1,
        );
        assert.equal(check(apiGateway, "aws-native:apigatewayv2:DomainName", {}).length, 1);
    });
});

describe("tls-opensearch-domain", () => {
    const good = { domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" } };
    const cases: [string, string][] = [
        ["aws:opensearch/domain:Domain", "nodeToNodeEncryption"],
        ["aws:elasticsearch/domain:Domain", "nodeToNodeEncryption"],
        ["aws-native:opensearchservice:Domain", "nodeToNodeEncryptionOptions"],
    ];
    for (const [type, n2n] of cases) {
        it(`${type}: HTTPS, TLS 1.2 policy and node-to-node encryption`, () => {
            assert.deepEqual(check(openSearch, type, { ...good, [n2n]: { enabled: true } }), []);
            assert.equal(check(openSearch, type, { ...good }).length, 1);
            assert.equal(
                check(openSearch, type, {
                    domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" },
                    [n2n]: { enabled: true },
                }).length,
                1,
            );
            assert.equal(
                check(openSearch, type, {
                    domainEndpointOptions: { tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" },
                    [n2n]: { enabled: true },
                }).length,
                1,
            );
            assert.equal(check(openSearch, type, {}).length, 3);
            assert.equal(check(openSearch, type, { ...good }, { requireNodeToNodeEncryption: false }).length, 0);
        });
    }
});

describe("tls-elasticache-in-transit", () => {
    for (const type of ["aws:elasticache/replicationGroup:ReplicationGroup", "aws-native:elasticache:ReplicationGroup"]) {
        it(`${type}: transit encryption on, required mode`, () => {
            assert.deepEqual(check(elastiCache, type, { transitEncryptionEnabled: true }), []);
            assert.deepEqual(check(elastiCache, type, { transitEncryptionEnabled: true, transitEncryptionMode: "required" }), []);
            assert.equal(check(elastiCache, type, { transitEncryptionEnabled: true, transitEncryptionMode: "preferred" }).length, 1);
            assert.equal(check(elastiCache, type, { transitEncryptionEnabled: false }).length, 1);
            assert.equal(check(elastiCache, type, {}).length, 1);
            assert.deepEqual(check(elastiCache, type, { globalReplicationGroupId: "global-1" }), []);
        });
    }
    it("classic clusters: stand-alone must encrypt, replication-group members inherit", () => {
        assert.equal(check(elastiCache, "aws:elasticache/cluster:Cluster", { engine: "memcached" }).length, 1);
        assert.deepEqual(
            check(elastiCache, "aws:elasticache/cluster:Cluster", { engine: "memcached", transitEncryptionEnabled: true }),
            [],
        );
        assert.deepEqual(check(elastiCache, "aws:elasticache/cluster:Cluster", { replicationGroupId: "rg" }), []);
    });
});

describe("tls-msk-in-transit", () => {
    for (const type of ["aws:msk/cluster:Cluster", "aws-native:msk:Cluster"]) {
        it(`${type}: TLS between clients and brokers and inside the cluster`, () => {
            assert.deepEqual(check(msk, type, {}), []);
            assert.deepEqual(check(msk, type, { encryptionInfo: { encryptionInTransit: { clientBroker: "TLS", inCluster: true } } }), []);
            assert.equal(check(msk, type, { encryptionInfo: { encryptionInTransit: { clientBroker: "TLS_PLAINTEXT" } } }).length, 1);
            assert.equal(check(msk, type, { encryptionInfo: { encryptionInTransit: { clientBroker: "PLAINTEXT" } } }).length, 1);
            assert.equal(check(msk, type, { encryptionInfo: { encryptionInTransit: { inCluster: false } } }).length, 1);
        });
    }
});

describe("tls-database-parameter-group", () => {
    const classic = (family: string, parameters: { name: string; value: string }[]) => ({ family, parameters });
    it("RDS DB parameter groups (classic): force_ssl / require_secure_transport by family", () => {
        const T = "aws:rds/parameterGroup:ParameterGroup";
        assert.deepEqual(check(parameterGroup, T, classic("postgres16", [{ name: "rds.force_ssl", value: "1" }])), []);
        assert.equal(check(parameterGroup, T, classic("postgres16", [{ name: "rds.force_ssl", value: "0" }])).length, 1);
        assert.equal(check(parameterGroup, T, classic("postgres16", [])).length, 1);
        assert.deepEqual(check(parameterGroup, T, classic("sqlserver-se-15.0", [{ name: "rds.force_ssl", value: "1" }])), []);
        assert.deepEqual(check(parameterGroup, T, classic("mysql8.0", [{ name: "require_secure_transport", value: "ON" }])), []);
        assert.deepEqual(
            check(
                parameterGroup,
                T,
                classic("mariadb10.11", [
                    { name: "REQUIRE_SECURE_TRANSPORT", value: "1" },
                    { name: "tls_version", value: "TLSv1.2,TLSv1.3" },
                ]),
            ),
            [],
        );
        assert.equal(check(parameterGroup, T, classic("mysql8.0", [{ name: "require_secure_transport", value: "OFF" }])).length, 1);
        assert.equal(check(parameterGroup, T, classic("mysql8.0", [{ name: "max_connections", value: "100" }])).length, 1);
        // Aurora enforces in the cluster group; Oracle uses an option group.
        assert.deepEqual(check(parameterGroup, T, classic("aurora-postgresql16", [])), []);
        assert.deepEqual(check(parameterGroup, T, classic("oracle-ee-19", [])), []);
    });
    it("RDS cluster parameter groups, both providers", () => {
        assert.deepEqual(
            check(
                parameterGroup,
                "aws:rds/clusterParameterGroup:ClusterParameterGroup",
                classic("aurora-postgresql16", [{ name: "rds.force_ssl", value: "1" }]),
            ),
            [],
        );
        assert.equal(
            check(parameterGroup, "aws:rds/clusterParameterGroup:ClusterParameterGroup", classic("aurora-mysql8.0", [])).length,
            1,
        );
        assert.deepEqual(
            check(parameterGroup, "aws-native:rds:DbClusterParameterGroup", {
                family: "aurora-mysql8.0",
                parameters: { require_secure_transport: "ON", tls_version: "TLSv1.2" },
            }),
            [],
        );
        assert.equal(
            check(parameterGroup, "aws-native:rds:DbClusterParameterGroup", { family: "aurora-mysql8.0", parameters: { time_zone: "UTC" } })
                .length,
            1,
        );
        assert.deepEqual(
            check(parameterGroup, "aws-native:rds:DbParameterGroup", { family: "postgres15", parameters: { "rds.force_ssl": 1 } }),
            [],
        );
        assert.equal(
            check(parameterGroup, "aws-native:rds:DbParameterGroup", { family: "postgres15", parameters: { "rds.force_ssl": "0" } }).length,
            1,
        );
    });
    it("Redshift parameter groups, both providers", () => {
        assert.deepEqual(
            check(
                parameterGroup,
                "aws:redshift/parameterGroup:ParameterGroup",
                classic("redshift-2.0", [{ name: "require_ssl", value: "true" }]),
            ),
            [],
        );
        assert.equal(check(parameterGroup, "aws:redshift/parameterGroup:ParameterGroup", classic("redshift-2.0", [])).length, 1);
        assert.deepEqual(
            check(parameterGroup, "aws-native:redshift:ClusterParameterGroup", {
                parameterGroupFamily: "redshift-1.0",
                parameters: [{ parameterName: "require_ssl", parameterValue: "true" }],
            }),
            [],
        );
        assert.equal(
            check(parameterGroup, "aws-native:redshift:ClusterParameterGroup", {
                parameterGroupFamily: "redshift-1.0",
                parameters: [{ parameterName: "require_ssl", parameterValue: "false" }],
            }).length,
            1,
        );
    });
});
