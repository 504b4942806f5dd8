// The TLS family under preview: known violations are reported even beside unknown values; a
// verdict that hangs on an unknown value gives the SDK's "can't run during preview" advisory;
// properties the verdict does not need are never read.

import { strict as assert } from "assert";
import {
    check,
    isUnknownValueError,
    resourcePolicy,
    UNKNOWN_ARRAY,
    UNKNOWN_BOOLEAN,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const listener = resourcePolicy("tls-load-balancer-listener");
const cloudFront = resourcePolicy("tls-cloudfront-distribution");
const apiGateway = resourcePolicy("tls-api-gateway-domain");
const openSearch = resourcePolicy("tls-opensearch-domain");
const elastiCache = resourcePolicy("tls-elasticache-in-transit");
const parameterGroup = resourcePolicy("tls-database-parameter-group");

const preview = (props: Record<string, unknown>) => unknownCheckingProxy(props);

describe("tls family under preview (unknown values)", () => {
    it("listeners: unknown ARNs and certificates are never read; an unknown policy is undecided", () => {
        const T = "aws:lb/listener:Listener";
        assert.deepEqual(
            check(
                listener,
                T,
                preview({
                    loadBalancerArn: UNKNOWN_STRING,
                    certificateArn: UNKNOWN_STRING,
                    tags: UNKNOWN_OBJECT,
                    protocol: "HTTPS",
                    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
                }),
            ),
            [],
        );
        assert.throws(() => check(listener, T, preview({ protocol: "HTTPS", sslPolicy: UNKNOWN_STRING })), isUnknownValueError);
        assert.throws(() => check(listener, T, preview({ protocol: UNKNOWN_STRING, port: 443 })), isUnknownValueError);
        assert.throws(
            () => check(listener, T, preview({ protocol: "HTTP", port: 80, defaultActions: UNKNOWN_ARRAY })),
            isUnknownValueError,
        );
    });

    it("listeners: a known forward beside an unknown action is still a violation", () => {
        const messages = check(
            listener,
            "aws-native:elasticloadbalancingv2:Listener",
            preview({
                protocol: "HTTP",
                port: 80,
                defaultActions: [{ type: UNKNOWN_STRING }, { type: "forward", targetGroupArn: UNKNOWN_STRING }],
            }),
        );
        assert.equal(messages.length, 1);
    });

    it("cloudfront: a known allow-all is reported although the certificate is unknown", () => {
        const props = preview({
            viewerCertificate: { acmCertificateArn: UNKNOWN_STRING, minimumProtocolVersion: "TLSv1.2_2021" },
            defaultCacheBehavior: { viewerProtocolPolicy: "allow-all", targetOriginId: UNKNOWN_STRING },
            origins: [{ originId: "o", domainName: UNKNOWN_STRING, s3OriginConfig: {} }],
        });
        const messages = check(cloudFront, "aws:cloudfront/distribution:Distribution", props);
        assert.equal(messages.length, 1);
        assert.match(messages[0], /allow-all/);
    });

    it("cloudfront: a whole unknown distributionConfig is undecided", () => {
        assert.throws(
            () => check(cloudFront, "aws-native:cloudfront:Distribution", preview({ distributionConfig: UNKNOWN_OBJECT })),
            isUnknownValueError,
        );
    });

    it("api gateway, opensearch, elasticache, parameter groups: unknown deciding values are undecided", () => {
        assert.throws(
            () => check(apiGateway, "aws:apigateway/domainName:DomainName", preview({ securityPolicy: UNKNOWN_STRING })),
            isUnknownValueError,
        );
        assert.throws(
            () =>
                check(
                    openSearch,
                    "aws:opensearch/domain:Domain",
                    preview({ domainEndpointOptions: UNKNOWN_OBJECT, nodeToNodeEncryption: { enabled: true } }),
                ),
            isUnknownValueError,
        );
        assert.throws(
            () =>
                check(
                    elastiCache,
                    "aws:elasticache/replicationGroup:ReplicationGroup",
                    preview({ transitEncryptionEnabled: UNKNOWN_BOOLEAN }),
                ),
            isUnknownValueError,
        );
        assert.throws(
            () =>
                check(
                    parameterGroup,
                    "aws:rds/parameterGroup:ParameterGroup",
                    preview({ family: "postgres16", parameters: [{ name: "rds.force_ssl", value: UNKNOWN_STRING }] }),
                ),
            isUnknownValueError,
        );
    });

    it("opensearch: node-to-node off is reported although the endpoint options are unknown", () => {
        const messages = check(
            openSearch,
            "aws-native:opensearchservice:Domain",
            preview({ domainEndpointOptions: UNKNOWN_OBJECT, nodeToNodeEncryptionOptions: { enabled: false } }),
        );
        assert.equal(messages.length, 1);
    });
});
