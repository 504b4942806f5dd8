// tls-internal-listener-client-certificates: HTTPS listeners of internal application load
// balancers verify client certificates, unless API Gateway reaches them through a VPC link. Both
// providers, linked by dependency or by literal ARN, and preview unknowns.

import { strict as assert } from "assert";
import {
    checkStack,
    dependsOnVia,
    isUnknownValueError,
    resource,
    stackPolicy,
    UNKNOWN_STRING,
    unknownCheckingProxy,
    type PolicyResource,
} from "./harness";

const policy = stackPolicy("tls-internal-listener-client-certificates");

const TRUST_STORE = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:truststore/staging-mtls/0123456789abcdef";
const VERIFY = { mode: "verify", trustStoreArn: TRUST_STORE };

interface Provider {
    readonly name: string;
    loadBalancer(name: string, internal: boolean, kind?: string, extra?: Record<string, unknown>): PolicyResource;
    listener(name: string, props: Record<string, unknown>): PolicyResource;
    integration(name: string, props: Record<string, unknown>): PolicyResource;
    /** The output holding a listener's ARN. */
    readonly listenerArnKey: string;
}

const PROVIDERS: readonly Provider[] = [
    {
        name: "@pulumi/aws",
        loadBalancer: (name, internal, kind = "application", extra = {}) =>
            resource("aws:lb/loadBalancer:LoadBalancer", name, { internal, loadBalancerType: kind, ...extra }),
        listener: (name, props) => resource("aws:lb/listener:Listener", name, props),
        integration: (name, props) => resource("aws:apigatewayv2/integration:Integration", name, props),
        listenerArnKey: "arn",
    },
    {
        name: "@pulumi/aws-native",
        loadBalancer: (name, internal, kind = "application", extra = {}) =>
            resource("aws-native:elasticloadbalancingv2:LoadBalancer", name, {
                scheme: internal ? "internal" : "internet-facing",
                type: kind,
                ...extra,
            }),
        listener: (name, props) => resource("aws-native:elasticloadbalancingv2:Listener", name, props),
        integration: (name, props) => resource("aws-native:apigatewayv2:Integration", name, props),
        listenerArnKey: "listenerArn",
    },
];

const https = (extra: Record<string, unknown> = {}) => ({
    protocol: "HTTPS",
    port: 443,
    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    defaultActions: [{ type: "forward" }],
    ...extra,
});

/** A load balancer and its HTTPS listener, linked by reference. */
function endpoint(provider: Provider, mutualAuthentication: unknown, internal = true, kind = "application") {
    const lb = provider.loadBalancer("alb", internal, kind);
    const listener = dependsOnVia(
        provider.listener("https", https(mutualAuthentication === undefined ? {} : { mutualAuthentication })),
        "loadBalancerArn",
        lb,
    );
    return { lb, listener, stack: [lb, listener] };
}

describe("tls-internal-listener-client-certificates", () => {
    it("is mandatory by default (an organisation may set it advisory through the pack's enforcement levels)", () => {
        assert.equal(policy.enforcementLevel, "mandatory");
    });

    for (const provider of PROVIDERS) {
        describe(provider.name, () => {
            it("passes a listener in verify mode with a trust store", () => {
                assert.deepEqual(checkStack(policy, endpoint(provider, VERIFY).stack), []);
                assert.deepEqual(checkStack(policy, endpoint(provider, { ...VERIFY, mode: "VERIFY" }).stack), []);
            });

            it("reports no mutualAuthentication, mode off, passthrough and verify without a trust store, on the listener", () => {
                const cases: [unknown, RegExp][] = [
                    [undefined, /asks callers for no client certificate/],
                    [{ mode: "off" }, /asks callers for no client certificate/],
                    [{}, /asks callers for no client certificate/],
                    [{ mode: "passthrough", trustStoreArn: TRUST_STORE }, /passes client certificates through unverified/],
                    [
                        { mode: "verify" },
                        /verifies client certificates against no trust store \(mutualAuthentication.trustStoreArn is unset\)/,
                    ],
                    [{ mode: "verify", trustStoreArn: "  " }, /against no trust store/],
                    [{ mode: "verify", trustStoreArn: 7 }, /against no trust store .*malformed/],
                    [{ mode: "required" }, /mode "required", not "verify"/],
                    [{ mode: 1 }, /mode \(malformed value\), not "verify"/],
                ];
                for (const [mutualAuthentication, message] of cases) {
                    const { lb, listener, stack } = endpoint(provider, mutualAuthentication);
                    const found = checkStack(policy, stack);
                    assert.equal(found.length, 1, JSON.stringify(mutualAuthentication));
                    assert.equal(found[0].urn, listener.urn);
                    assert.match(found[0].message, message);
                    assert.ok(found[0].message.includes(`on internal application load balancer ${lb.type} "alb"`), found[0].message);
                    assert.match(found[0].message, /mode: "verify", trustStoreArn/);
                }
            });

            it("reads a one-item block list as the block", () => {
                assert.deepEqual(checkStack(policy, endpoint(provider, [VERIFY]).stack), []);
                assert.equal(checkStack(policy, endpoint(provider, [{ mode: "passthrough" }]).stack).length, 1);
            });

            it("does not judge internet-facing or network load balancers, nor listeners other than HTTPS", () => {
                assert.deepEqual(checkStack(policy, endpoint(provider, undefined, false).stack), []);
                assert.deepEqual(checkStack(policy, endpoint(provider, undefined, true, "network").stack), []);
                const lb = provider.loadBalancer("alb", true);
                const redirect = dependsOnVia(
                    provider.listener("http", { protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect" }] }),
                    "loadBalancerArn",
                    lb,
                );
                assert.deepEqual(checkStack(policy, [lb, redirect]), []);
            });

            it("links a listener to its load balancer by the load balancer's ARN written as a literal", () => {
                const arn = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/orders/0123456789abcdef";
                const arnKey = provider.name === "@pulumi/aws" ? "arn" : "loadBalancerArn";
                const lb = provider.loadBalancer("alb", true, "application", { [arnKey]: arn });
                const listener = provider.listener("https", https({ loadBalancerArn: arn }));
                assert.deepEqual(
                    checkStack(policy, [lb, listener]).map((f) => f.urn),
                    [listener.urn],
                );
                // A load balancer the stack does not declare: nothing shows that it is internal.
                assert.deepEqual(checkStack(policy, [listener]), []);
            });

            it("excepts a listener API Gateway reaches through a VPC link, by reference or by its ARN as a literal", () => {
                const byReference = endpoint(provider, undefined);
                const link = dependsOnVia(
                    provider.integration("gateway", { connectionType: "VPC_LINK", integrationUri: "(output)" }),
                    "integrationUri",
                    byReference.listener,
                );
                assert.deepEqual(checkStack(policy, [...byReference.stack, link]), []);

                const arn = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/orders/0123456789abcdef/fedcba9876543210";
                const byLiteral = endpoint(provider, { mode: "off" });
                byLiteral.listener.props[provider.listenerArnKey] = arn;
                const literal = provider.integration("gateway", { connectionType: "vpc_link", integrationUri: arn });
                assert.deepEqual(checkStack(policy, [...byLiteral.stack, literal]), []);
            });

            it("an integration that is no VPC link, or that reaches another listener, excepts nothing", () => {
                const { listener, stack } = endpoint(provider, undefined);
                const internet = dependsOnVia(
                    provider.integration("gateway", { connectionType: "INTERNET", integrationUri: "(output)" }),
                    "integrationUri",
                    listener,
                );
                assert.equal(checkStack(policy, [...stack, internet]).length, 1);
                const elsewhere = provider.integration("elsewhere", {
                    connectionType: "VPC_LINK",
                    integrationUri: "arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/other/1/2",
                });
                assert.equal(checkStack(policy, [...stack, elsewhere]).length, 1);
            });
        });
    }

    describe("preview", () => {
        const [classic, native] = PROVIDERS;

        it("an unknown mode, protocol or scheme in front of a would-be violation is undecided", () => {
            const unknownMode = endpoint(classic, undefined);
            unknownMode.listener.props = unknownCheckingProxy({ ...https(), mutualAuthentication: { mode: UNKNOWN_STRING } });
            assert.throws(() => checkStack(policy, unknownMode.stack), isUnknownValueError);

            const unknownProtocol = endpoint(native, undefined);
            unknownProtocol.listener.props = unknownCheckingProxy({ ...https(), protocol: UNKNOWN_STRING });
            assert.throws(() => checkStack(policy, unknownProtocol.stack), isUnknownValueError);

            const unknownScheme = endpoint(native, undefined);
            unknownScheme.lb.props = unknownCheckingProxy({ scheme: UNKNOWN_STRING, type: "application" });
            assert.throws(() => checkStack(policy, unknownScheme.stack), isUnknownValueError);

            const unlinked = native.listener("https", {});
            unlinked.props = unknownCheckingProxy({ ...https(), loadBalancerArn: UNKNOWN_STRING });
            assert.throws(() => checkStack(policy, [unlinked]), isUnknownValueError);
        });

        it("an unknown trust store ARN passes when the listener depends on a trust store of the stack, else is undecided", () => {
            for (const provider of PROVIDERS) {
                const store = resource(
                    provider.name === "@pulumi/aws" ? "aws:lb/trustStore:TrustStore" : "aws-native:elasticloadbalancingv2:TrustStore",
                    "mtls",
                );
                const { listener, stack } = endpoint(provider, undefined);
                listener.props = unknownCheckingProxy({
                    ...https(),
                    mutualAuthentication: { mode: "verify", trustStoreArn: UNKNOWN_STRING },
                });
                assert.throws(() => checkStack(policy, stack), isUnknownValueError, provider.name);
                dependsOnVia(listener, "mutualAuthentication", store);
                assert.deepEqual(checkStack(policy, [...stack, store]), [], provider.name);
            }
        });

        it("a VPC link whose listener, or an integration whose connection type, is unknown leaves a listener undecided", () => {
            const { stack } = endpoint(classic, undefined);
            const anywhere = classic.integration("gateway", {});
            anywhere.props = unknownCheckingProxy({ connectionType: "VPC_LINK", integrationUri: UNKNOWN_STRING });
            assert.throws(() => checkStack(policy, [...stack, anywhere]), isUnknownValueError);

            const linked = endpoint(native, undefined);
            const maybeLink = dependsOnVia(native.integration("gateway", {}), "integrationUri", linked.listener);
            maybeLink.props = unknownCheckingProxy({ connectionType: UNKNOWN_STRING, integrationUri: UNKNOWN_STRING });
            assert.throws(() => checkStack(policy, [...linked.stack, maybeLink]), isUnknownValueError);
        });

        it("unknowns never touch a compliant listener, and a known violation is still reported beside an undecided one", () => {
            const compliant = endpoint(classic, VERIFY);
            compliant.lb.props = unknownCheckingProxy({ internal: UNKNOWN_STRING });
            assert.deepEqual(checkStack(policy, compliant.stack), []);

            const undecided = endpoint(classic, undefined);
            undecided.lb.props = unknownCheckingProxy({ internal: UNKNOWN_STRING });
            const bad = endpoint(native, { mode: "passthrough" });
            assert.deepEqual(
                checkStack(policy, [...undecided.stack, ...bad.stack]).map((f) => f.urn),
                [bad.listener.urn],
            );
        });
    });
});
