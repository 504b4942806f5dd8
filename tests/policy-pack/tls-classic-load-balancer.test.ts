// Classic Load Balancers: tls-classic-load-balancer-ssl-policy judges SSL negotiation policies on
// their own; tls-classic-load-balancer-listener finds each listener's policy (classic provider:
// separate resources linked by dependency or literal name; aws-native: inline policies).

import { strict as assert } from "assert";
import {
    check,
    checkStack,
    dependsOnVia,
    isUnknownValueError,
    resource,
    resourcePolicy,
    stackPolicy,
    UNKNOWN_NUMBER,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const sslPolicy = resourcePolicy("tls-classic-load-balancer-ssl-policy");
const listeners = stackPolicy("tls-classic-load-balancer-listener");

const ELB = "aws:elb/loadBalancer:LoadBalancer";
const NATIVE_ELB = "aws-native:elasticloadbalancing:LoadBalancer";
const LB_POLICY = "aws:elb/loadBalancerPolicy:LoadBalancerPolicy";
const SSL_NEGOTIATION = "aws:elb/sslNegotiationPolicy:SslNegotiationPolicy";
const LISTENER_POLICY = "aws:elb/listenerPolicy:ListenerPolicy";

const STRONG = "ELBSecurityPolicy-TLS-1-2-2017-01";
const attributes = (pairs: Record<string, string>) => Object.entries(pairs).map(([name, value]) => ({ name, value }));
const https = (lbPort = 443) => ({
    lbPort,
    lbProtocol: "HTTPS",
    instancePort: 8443,
    instanceProtocol: "HTTPS",
    sslCertificateId: "arn:cert",
});
const classicLb = (name: string, listenerList: object[]) => resource(ELB, name, { name, listeners: listenerList });

describe("tls-classic-load-balancer-ssl-policy", () => {
    const forms = (pairs: Record<string, string>): [string, Record<string, unknown>][] => [
        [
            LB_POLICY,
            { loadBalancerName: "web", policyName: "tls", policyTypeName: "SSLNegotiationPolicyType", policyAttributes: attributes(pairs) },
        ],
        [SSL_NEGOTIATION, { name: "tls", loadBalancer: "web", lbPort: 443, attributes: attributes(pairs) }],
        [
            NATIVE_ELB,
            { listeners: [], policies: [{ policyName: "tls", policyType: "SSLNegotiationPolicyType", attributes: attributes(pairs) }] },
        ],
    ];

    it("passes a reference to an allowed TLS 1.2+ policy, and a custom policy that turns on TLS 1.2 only", () => {
        for (const pairs of [
            { "Reference-Security-Policy": STRONG } as Record<string, string>,
            { "Protocol-TLSv1.2": "true", "Protocol-TLSv1": "false", "ECDHE-RSA-AES128-GCM-SHA256": "true" },
        ]) {
            for (const [type, props] of forms(pairs)) {
                assert.deepEqual(check(sslPolicy, type, props), [], `${type} ${JSON.stringify(pairs)}`);
            }
        }
    });

    it("fails a weak or unknown reference, and any weak protocol turned on", () => {
        for (const pairs of [
            { "Reference-Security-Policy": "ELBSecurityPolicy-2016-08" } as Record<string, string>,
            { "Reference-Security-Policy": "ELBSecurityPolicy-TLS-1-1-2017-01" },
            { "Reference-Security-Policy": STRONG, "Protocol-TLSv1": "true" },
            { "Protocol-TLSv1.2": "true", "Protocol-TLSv1.1": "true" },
            { "Protocol-SSLv3": "yes" },
        ]) {
            for (const [type, props] of forms(pairs)) {
                const messages = check(sslPolicy, type, props);
                assert.equal(messages.length, 1, `${type} ${JSON.stringify(pairs)}`);
                assert.match(messages[0], /TLS below 1\.2/);
            }
        }
    });

    it("honours allowedSslPolicies; leaves other policy types alone", () => {
        const [type, props] = forms({ "Reference-Security-Policy": STRONG })[0];
        assert.equal(check(sslPolicy, type, props, { allowedSslPolicies: ["ELBSecurityPolicy-FS-1-2-2019-08"] }).length, 1);
        assert.deepEqual(
            check(sslPolicy, LB_POLICY, {
                policyTypeName: "ProxyProtocolPolicyType",
                policyAttributes: attributes({ ProxyProtocol: "true" }),
            }),
            [],
        );
        assert.deepEqual(
            check(sslPolicy, NATIVE_ELB, {
                policies: [
                    {
                        policyName: "p",
                        policyType: "LBCookieStickinessPolicyType",
                        attributes: attributes({ CookieExpirationPeriod: "60" }),
                    },
                ],
            }),
            [],
        );
    });

    it("during preview: unknown attributes or policy type are undecided", () => {
        assert.throws(
            () => check(sslPolicy, LB_POLICY, unknownCheckingProxy({ policyTypeName: UNKNOWN_STRING, policyAttributes: [] })),
            isUnknownValueError,
        );
        assert.throws(
            () =>
                check(
                    sslPolicy,
                    SSL_NEGOTIATION,
                    unknownCheckingProxy({ attributes: [{ name: "Reference-Security-Policy", value: UNKNOWN_STRING }] }),
                ),
            isUnknownValueError,
        );
    });
});

describe("tls-classic-load-balancer-listener", () => {
    it("fails an HTTPS or SSL listener with no SSL negotiation policy (ELBSecurityPolicy-2016-08), both providers", () => {
        const found = checkStack(listeners, [classicLb("web", [https(), { ...https(465), lbProtocol: "SSL" }])]);
        assert.equal(found.length, 2);
        assert.match(found[0].message, /ELBSecurityPolicy-2016-08/);
        const native = resource(NATIVE_ELB, "n", { listeners: [{ loadBalancerPort: "443", instancePort: "443", protocol: "HTTPS" }] });
        assert.equal(checkStack(listeners, [native]).length, 1);
    });

    it("fails plain HTTP; TCP unless its port is a passthrough port", () => {
        const lb = classicLb("web", [
            { lbPort: 80, lbProtocol: "http", instancePort: 80, instanceProtocol: "http" },
            { lbPort: 5432, lbProtocol: "TCP", instancePort: 5432, instanceProtocol: "TCP" },
        ]);
        const found = checkStack(listeners, [lb]);
        assert.equal(found.length, 2);
        assert.match(found[0].message, /cannot redirect to HTTPS/);
        assert.equal(checkStack(listeners, [lb], { plaintextPassthroughPorts: [5432] }).length, 1);
    });

    it("classic: an SslNegotiationPolicy for the listener's port, linked by dependency or by name", () => {
        const lb = classicLb("web", [https()]);
        const strong = dependsOnVia(
            resource(SSL_NEGOTIATION, "tls", {
                loadBalancer: UNKNOWN_STRING,
                lbPort: 443,
                attributes: attributes({ "Reference-Security-Policy": STRONG }),
            }),
            "loadBalancer",
            lb,
        );
        assert.deepEqual(checkStack(listeners, [lb, strong]), []);
        const byName = resource(SSL_NEGOTIATION, "tls", {
            loadBalancer: "web",
            lbPort: 443,
            attributes: attributes({ "Reference-Security-Policy": STRONG }),
        });
        assert.deepEqual(checkStack(listeners, [lb, byName]), []);
        const otherPort = resource(SSL_NEGOTIATION, "tls", {
            loadBalancer: "web",
            lbPort: 8443,
            attributes: attributes({ "Reference-Security-Policy": STRONG }),
        });
        assert.equal(checkStack(listeners, [lb, otherPort]).length, 1);
        const weak = resource(SSL_NEGOTIATION, "weak", {
            loadBalancer: "web",
            lbPort: 443,
            attributes: attributes({ "Protocol-TLSv1": "true" }),
        });
        const found = checkStack(listeners, [lb, weak]);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /turns on Protocol-TLSv1/);
    });

    it("classic: a ListenerPolicy naming a LoadBalancerPolicy, by dependency or literal name", () => {
        const lb = classicLb("web", [https()]);
        const policy = (name: string, reference: string) =>
            resource(LB_POLICY, name, {
                loadBalancerName: "web",
                policyName: name,
                policyTypeName: "SSLNegotiationPolicyType",
                policyAttributes: attributes({ "Reference-Security-Policy": reference }),
            });
        const strong = policy("tls12", STRONG);
        const byDependency = dependsOnVia(
            dependsOnVia(
                resource(LISTENER_POLICY, "lp", { loadBalancerName: UNKNOWN_STRING, loadBalancerPort: 443, policyNames: [UNKNOWN_STRING] }),
                "loadBalancerName",
                lb,
            ),
            "policyNames",
            strong,
        );
        assert.deepEqual(checkStack(listeners, [lb, strong, byDependency]), []);
        const weak = policy("legacy", "ELBSecurityPolicy-2016-08");
        const byName = resource(LISTENER_POLICY, "lp", { loadBalancerName: "web", loadBalancerPort: 443, policyNames: ["legacy"] });
        assert.match(checkStack(listeners, [lb, weak, byName])[0].message, /ELBSecurityPolicy-2016-08/);
        const undeclared = resource(LISTENER_POLICY, "lp", { loadBalancerName: "web", loadBalancerPort: 443, policyNames: ["elsewhere"] });
        assert.match(checkStack(listeners, [lb, undeclared])[0].message, /no SSL negotiation policy in this stack/);
    });

    it("aws-native: the policy the listener names, or one attached to its port", () => {
        const policies = [
            {
                policyName: "tls12",
                policyType: "SSLNegotiationPolicyType",
                attributes: attributes({ "Reference-Security-Policy": STRONG }),
            },
            {
                policyName: "legacy",
                policyType: "SSLNegotiationPolicyType",
                attributes: attributes({ "Reference-Security-Policy": "ELBSecurityPolicy-2015-05" }),
                loadBalancerPorts: ["8443"],
            },
        ];
        const lb = (listenerList: object[]) => resource(NATIVE_ELB, "n", { listeners: listenerList, policies });
        assert.deepEqual(
            checkStack(listeners, [lb([{ loadBalancerPort: "443", instancePort: "443", protocol: "HTTPS", policyNames: ["tls12"] }])]),
            [],
        );
        assert.equal(checkStack(listeners, [lb([{ loadBalancerPort: "8443", instancePort: "443", protocol: "HTTPS" }])]).length, 1);
        assert.equal(
            checkStack(listeners, [lb([{ loadBalancerPort: "443", instancePort: "443", protocol: "SSL", policyNames: ["missing"] }])])
                .length,
            1,
        );
    });

    it("during preview: a policy whose port is unknown may be the listener's, so the verdict waits", () => {
        const lb = classicLb("web", [https()]);
        const maybe = dependsOnVia(
            resource(
                SSL_NEGOTIATION,
                "tls",
                unknownCheckingProxy({ loadBalancer: UNKNOWN_STRING, lbPort: UNKNOWN_NUMBER, attributes: [] }),
            ),
            "loadBalancer",
            lb,
        );
        assert.throws(() => checkStack(listeners, [lb, maybe]), isUnknownValueError);
        const plain = classicLb("plain", [{ lbPort: 80, lbProtocol: "HTTP", instancePort: 80, instanceProtocol: "HTTP" }]);
        assert.equal(checkStack(listeners, [plain, maybe]).length, 1);
    });
});
