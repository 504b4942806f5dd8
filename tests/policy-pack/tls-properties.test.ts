// Property tests of the TLS family: every weak TLS value is always caught, whatever else the
// resource says, and odd input never throws (a throw stops every preview in the organisation).

import { strict as assert } from "assert";
import fc from "fast-check";
import { assertEvaluated, check, checkStack, dependsOnVia, resource, resourcePolicy, stackPolicy } from "./harness";
import { malformedProps } from "./arbitraries";

const listener = resourcePolicy("tls-load-balancer-listener");
const cloudFront = resourcePolicy("tls-cloudfront-distribution");
const apiGateway = resourcePolicy("tls-api-gateway-domain");
const openSearch = resourcePolicy("tls-opensearch-domain");
const parameterGroup = resourcePolicy("tls-database-parameter-group");
const databases = stackPolicy("tls-database-enforcing-parameter-group");

/** ELB policies that still accept TLS 1.0 or 1.1 (ALB and NLB tables), and typos of good ones. */
const WEAK_ELB_POLICIES = [
    "ELBSecurityPolicy-2016-08",
    "ELBSecurityPolicy-2015-05",
    "ELBSecurityPolicy-TLS-1-0-2015-04",
    "ELBSecurityPolicy-TLS-1-1-2017-01",
    "ELBSecurityPolicy-FS-2018-06",
    "ELBSecurityPolicy-FS-1-1-2019-08",
    "ELBSecurityPolicy-TLS13-1-0-2021-06",
    "ELBSecurityPolicy-TLS13-1-1-2021-06",
    "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-0-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-2011-08",
    "ELBSample-OpenSSLDefaultCipherPolicy",
    "elbsecuritypolicy-tls13-1-2-2021-06",
    "",
];
const WEAK_CLOUDFRONT_VERSIONS = ["SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016", "TLSv1.2", "tlsv1.2_2021"];
const WEAK_ORIGIN_PROTOCOLS = ["SSLv3", "TLSv1", "TLSv1.1"];
const WEAK_API_POLICIES = ["TLS_1_0", "tls_1_0", "TLS_1_1", "SecurityPolicy_TLS10"];
const WEAK_OPENSEARCH_POLICIES = ["Policy-Min-TLS-1-0-2019-07", "Policy-Min-TLS-1-1-2019-07"];

const LISTENERS = ["aws:lb/listener:Listener", "aws:alb/listener:Listener", "aws-native:elasticloadbalancingv2:Listener"];

/** Arbitrary extra properties that must not change a verdict on TLS. */
const noise = fc.dictionary(
    fc.constantFrom("port", "certificateArn", "tags", "alpnPolicy", "name", "enabled", "comment"),
    fc.oneof(fc.string(), fc.integer(), fc.boolean()),
    { maxKeys: 4 },
);

describe("tls properties: weak values are always caught", () => {
    it("every weak ELB policy (or none) on HTTPS/TLS listeners, both providers", () => {
        fc.assert(
            fc.property(
                fc.constantFrom(...LISTENERS),
                fc.constantFrom("HTTPS", "TLS", "https", "tls"),
                fc.option(fc.constantFrom(...WEAK_ELB_POLICIES), { nil: undefined }),
                noise,
                (type, protocol, sslPolicy, extra) => {
                    const props = { ...extra, protocol, sslPolicy };
                    assert.equal(check(listener, type, props).length, 1, JSON.stringify(props));
                },
            ),
            { numRuns: 300 },
        );
    });

    it("every HTTP listener with a non-redirect or non-HTTPS action", () => {
        const action = fc.oneof(
            fc.record({ type: fc.constantFrom("forward", "fixed-response", "authenticate-oidc", "authenticate-cognito") }),
            fc.record({ type: fc.constant("redirect"), redirect: fc.record({ protocol: fc.constantFrom("HTTP", "#{protocol}", "http") }) }),
            fc.record({ type: fc.constant("redirect"), redirectConfig: fc.record({ protocol: fc.constantFrom("HTTP", "#{protocol}") }) }),
        );
        const good = (type: string) => ({
            type: "redirect",
            [type.startsWith("aws-native") ? "redirectConfig" : "redirect"]: { protocol: "HTTPS", port: "443" },
        });
        fc.assert(
            fc.property(
                fc.constantFrom(...LISTENERS),
                fc.array(fc.boolean(), { maxLength: 3 }),
                action,
                fc.nat(3),
                (type, goods, bad, at) => {
                    const actions: unknown[] = goods.map(() => good(type));
                    actions.splice(Math.min(at, actions.length), 0, bad);
                    assert.equal(check(listener, type, { protocol: "HTTP", port: 80, defaultActions: actions }).length, 1);
                },
            ),
            { numRuns: 300 },
        );
    });

    it("every weak CloudFront viewer version, default certificate, and weak origin protocol, both providers", () => {
        const base = () => ({
            viewerCertificate: { acmCertificateArn: "arn", minimumProtocolVersion: "TLSv1.2_2021" } as Record<string, unknown>,
            defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" },
            orderedCacheBehaviors: [] as unknown[],
            origins: [
                { originId: "o", customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } },
            ] as Record<string, unknown>[],
        });
        const flaw = fc.oneof(
            fc
                .constantFrom(...WEAK_CLOUDFRONT_VERSIONS)
                .map((v) => (d: ReturnType<typeof base>) => (d.viewerCertificate.minimumProtocolVersion = v)),
            fc.constant(
                (d: ReturnType<typeof base>) =>
                    (d.viewerCertificate = { cloudfrontDefaultCertificate: true, cloudFrontDefaultCertificate: true }),
            ),
            fc.constant((d: ReturnType<typeof base>) => delete d.viewerCertificate.minimumProtocolVersion),
            fc.constant((d: ReturnType<typeof base>) => (d.defaultCacheBehavior.viewerProtocolPolicy = "allow-all")),
            fc.constant((d: ReturnType<typeof base>) =>
                d.orderedCacheBehaviors.push({ pathPattern: "/x", viewerProtocolPolicy: "allow-all" }),
            ),
            fc.subarray(WEAK_ORIGIN_PROTOCOLS, { minLength: 1 }).map(
                (weak) => (d: ReturnType<typeof base>) =>
                    (d.origins[0].customOriginConfig = {
                        originProtocolPolicy: "https-only",
                        originSslProtocols: ["TLSv1.2", ...weak],
                    }),
            ),
            fc
                .constantFrom("http-only", "match-viewer")
                .map(
                    (p) => (d: ReturnType<typeof base>) =>
                        (d.origins[0].customOriginConfig = { originProtocolPolicy: p, originSslProtocols: ["TLSv1.2"] }),
                ),
        );
        fc.assert(
            fc.property(flaw, fc.boolean(), (mutate, native) => {
                const d = base();
                mutate(d);
                const props = native
                    ? {
                          distributionConfig: {
                              viewerCertificate: d.viewerCertificate,
                              defaultCacheBehavior: d.defaultCacheBehavior,
                              cacheBehaviors: d.orderedCacheBehaviors,
                              origins: d.origins.map(({ originId, ...o }) => ({ id: originId, ...o })),
                          },
                      }
                    : d;
                const type = native ? "aws-native:cloudfront:Distribution" : "aws:cloudfront/distribution:Distribution";
                assert.ok(check(cloudFront, type, props).length >= 1, JSON.stringify(props));
            }),
            { numRuns: 300 },
        );
    });

    it("every weak API Gateway policy (or none), every domain type", () => {
        const types = [
            "aws:apigateway/domainName:DomainName",
            "aws-native:apigateway:DomainName",
            "aws-native:apigateway:DomainNameV2",
            "aws:apigatewayv2/domainName:DomainName",
            "aws-native:apigatewayv2:DomainName",
        ];
        fc.assert(
            fc.property(fc.constantFrom(...types), fc.option(fc.constantFrom(...WEAK_API_POLICIES), { nil: undefined }), (type, policy) => {
                const props =
                    type === "aws:apigatewayv2/domainName:DomainName"
                        ? { domainNameConfiguration: { securityPolicy: policy } }
                        : type === "aws-native:apigatewayv2:DomainName"
                          ? { domainNameConfigurations: [{ securityPolicy: policy }] }
                          : { securityPolicy: policy };
                assert.equal(check(apiGateway, type, props).length, 1);
            }),
        );
    });

    it("every weak OpenSearch policy (or none), every domain type", () => {
        const types: [string, string][] = [
            ["aws:opensearch/domain:Domain", "nodeToNodeEncryption"],
            ["aws:elasticsearch/domain:Domain", "nodeToNodeEncryption"],
            ["aws-native:opensearchservice:Domain", "nodeToNodeEncryptionOptions"],
        ];
        fc.assert(
            fc.property(
                fc.constantFrom(...types),
                fc.option(fc.constantFrom(...WEAK_OPENSEARCH_POLICIES), { nil: undefined }),
                ([type, n2n], policy) => {
                    const props = { domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: policy }, [n2n]: { enabled: true } };
                    assert.equal(check(openSearch, type, props).length, 1);
                },
            ),
        );
    });

    it("every non-enforcing SSL parameter value of every in-scope family", () => {
        const families: [string, string, string][] = [
            ["aws:rds/parameterGroup:ParameterGroup", "postgres16", "rds.force_ssl"],
            ["aws:rds/parameterGroup:ParameterGroup", "sqlserver-ee-16.0", "rds.force_ssl"],
            ["aws:rds/parameterGroup:ParameterGroup", "mysql8.4", "require_secure_transport"],
            ["aws:rds/parameterGroup:ParameterGroup", "mariadb11.4", "require_secure_transport"],
            ["aws:rds/clusterParameterGroup:ClusterParameterGroup", "aurora-postgresql16", "rds.force_ssl"],
            ["aws:rds/clusterParameterGroup:ClusterParameterGroup", "aurora-mysql8.0", "require_secure_transport"],
            ["aws:redshift/parameterGroup:ParameterGroup", "redshift-2.0", "require_ssl"],
        ];
        fc.assert(
            fc.property(
                fc.constantFrom(...families),
                fc.option(fc.constantFrom("0", "OFF", "false", "off", "", "2"), { nil: undefined }),
                ([type, family, name], value) => {
                    const parameters = value === undefined ? [] : [{ name, value }];
                    assert.equal(check(parameterGroup, type, { family, parameters }).length, 1);
                },
            ),
        );
    });
});

const TLS_TYPES = [
    "aws:lb/listener:Listener",
    "aws:alb/listener:Listener",
    "aws-native:elasticloadbalancingv2:Listener",
    "aws:cloudfront/distribution:Distribution",
    "aws-native:cloudfront:Distribution",
    "aws:cloudfront/vpcOrigin:VpcOrigin",
    "aws-native:cloudfront:VpcOrigin",
    "aws:apigateway/domainName:DomainName",
    "aws:apigatewayv2/domainName:DomainName",
    "aws-native:apigateway:DomainName",
    "aws-native:apigateway:DomainNameV2",
    "aws-native:apigatewayv2:DomainName",
    "aws:opensearch/domain:Domain",
    "aws:elasticsearch/domain:Domain",
    "aws-native:opensearchservice:Domain",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws-native:elasticache:ReplicationGroup",
    "aws:elasticache/cluster:Cluster",
    "aws:msk/cluster:Cluster",
    "aws-native:msk:Cluster",
    "aws:rds/parameterGroup:ParameterGroup",
    "aws:rds/clusterParameterGroup:ClusterParameterGroup",
    "aws-native:rds:DbParameterGroup",
    "aws-native:rds:DbClusterParameterGroup",
    "aws:redshift/parameterGroup:ParameterGroup",
    "aws-native:redshift:ClusterParameterGroup",
];
const DB_TYPES = [
    "aws:rds/instance:Instance",
    "aws-native:rds:DbInstance",
    "aws:rds/cluster:Cluster",
    "aws-native:rds:DbCluster",
    "aws:redshift/cluster:Cluster",
    "aws-native:redshift:Cluster",
];

const KEYS = [
    "protocol",
    "port",
    "sslPolicy",
    "defaultActions",
    "type",
    "redirect",
    "redirectConfig",
    "viewerCertificate",
    "distributionConfig",
    "cloudfrontDefaultCertificate",
    "cloudFrontDefaultCertificate",
    "minimumProtocolVersion",
    "acmCertificateArn",
    "defaultCacheBehavior",
    "orderedCacheBehaviors",
    "cacheBehaviors",
    "viewerProtocolPolicy",
    "origins",
    "customOriginConfig",
    "customOrigin",
    "originProtocolPolicy",
    "originSslProtocols",
    "items",
    "vpcOriginEndpointConfig",
    "securityPolicy",
    "domainNameConfiguration",
    "domainNameConfigurations",
    "domainEndpointOptions",
    "enforceHttps",
    "tlsSecurityPolicy",
    "nodeToNodeEncryption",
    "nodeToNodeEncryptionOptions",
    "enabled",
    "transitEncryptionEnabled",
    "transitEncryptionMode",
    "replicationGroupId",
    "globalReplicationGroupId",
    "encryptionInfo",
    "encryptionInTransit",
    "clientBroker",
    "inCluster",
    "family",
    "parameterGroupFamily",
    "parameters",
    "name",
    "value",
    "parameterName",
    "parameterValue",
    "engine",
    "parameterGroupName",
    "dbParameterGroupName",
    "dbClusterParameterGroupName",
    "clusterParameterGroupName",
    "dbClusterIdentifier",
    "rds.force_ssl",
    "require_ssl",
];

const SEEDS: readonly unknown[] = [
    null,
    undefined,
    "",
    "HTTPS",
    "HTTP",
    "TCP",
    "redirect",
    "TLSv1",
    "TLS_1_0",
    "allow-all",
    "https-only",
    "postgres16",
    "mysql",
    "1",
    "0",
    true,
    false,
    "true",
    443,
    NaN,
    -1,
    "default.postgres16",
];

const oddProps = malformedProps(SEEDS, KEYS);

describe("tls properties: malformed input never throws", () => {
    const resourcePolicies = [
        "tls-load-balancer-listener",
        "tls-cloudfront-distribution",
        "tls-api-gateway-domain",
        "tls-opensearch-domain",
        "tls-elasticache-in-transit",
        "tls-msk-in-transit",
        "tls-database-parameter-group",
    ];
    for (const name of resourcePolicies) {
        it(`${name}: every TLS type with arbitrary props`, () => {
            const policy = resourcePolicy(name);
            fc.assert(
                fc.property(fc.constantFrom(...TLS_TYPES), oddProps, (type, props) => {
                    const messages = check(policy, type, props);
                    assertEvaluated(messages);
                }),
                { numRuns: 300 },
            );
        });
    }

    it("tls-database-enforcing-parameter-group: arbitrary stacks of odd databases and groups", () => {
        const types = [...DB_TYPES, ...TLS_TYPES.filter((t) => t.includes("arameterGroup")), "aws:s3/bucket:Bucket"];
        fc.assert(
            fc.property(
                fc.array(fc.tuple(fc.constantFrom(...types), oddProps), { maxLength: 6 }),
                fc.array(
                    fc.tuple(
                        fc.nat(5),
                        fc.nat(5),
                        fc.constantFrom(
                            "parameterGroupName",
                            "dbParameterGroupName",
                            "dbClusterParameterGroupName",
                            "clusterParameterGroupName",
                        ),
                    ),
                    { maxLength: 6 },
                ),
                (specs, links) => {
                    const resources = specs.map(([type, props], i) => resource(type, `r${i}`, (props ?? {}) as Record<string, unknown>));
                    for (const [from, to, property] of links) {
                        if (resources[from] && resources[to]) {
                            dependsOnVia(resources[from], property, resources[to]);
                        }
                    }
                    const found = checkStack(databases, resources);
                    assertEvaluated(found.map((f) => f.message));
                },
            ),
            { numRuns: 300 },
        );
    });
});
