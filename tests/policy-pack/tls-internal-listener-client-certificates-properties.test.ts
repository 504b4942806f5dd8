// Property tests of tls-internal-listener-client-certificates: an HTTPS listener of an internal
// application load balancer that does not verify client certificates is always caught, whatever
// else the stack says, unless a VPC link reaches it; and odd stacks never make the policy throw.

import { strict as assert } from "assert";
import fc from "fast-check";
import {
    assertEvaluated,
    checkStack,
    dependsOnVia,
    isUnknownValueError,
    linkedResources,
    PolicyResource,
    resource,
    stackPolicy,
    UNKNOWN_ARRAY,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";
import { malformedProps } from "./arbitraries";

const policy = stackPolicy("tls-internal-listener-client-certificates");

const LISTENERS = ["aws:lb/listener:Listener", "aws:alb/listener:Listener", "aws-native:elasticloadbalancingv2:Listener"];
const LOAD_BALANCERS = [
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:alb/loadBalancer:LoadBalancer",
    "aws-native:elasticloadbalancingv2:LoadBalancer",
];
const INTEGRATIONS = ["aws:apigatewayv2/integration:Integration", "aws-native:apigatewayv2:Integration"];
const OTHERS = ["aws:lb/trustStore:TrustStore", "aws:apigateway/integration:Integration", "aws:lb/targetGroup:TargetGroup"];

const native = (type: string) => type.startsWith("aws-native:");
const TRUST_STORE = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:truststore/mtls/0123456789abcdef";

/** An internal application load balancer: internal in any spelling, type application or unset (its default). */
const internalLoadBalancer = fc
    .tuple(
        fc.constantFrom(...LOAD_BALANCERS),
        fc.option(fc.constantFrom("application", "APPLICATION", " application "), { nil: undefined }),
    )
    .map(([type, kind]) =>
        native(type)
            ? resource(type, "alb", { scheme: "internal", ...(kind === undefined ? {} : { type: kind }) })
            : resource(type, "alb", { internal: true, ...(kind === undefined ? {} : { loadBalancerType: kind }) }),
    );

/** mutualAuthentication blocks that do not verify: none, off, passthrough, verify without a store, anything else. */
const notVerifying = fc.oneof(
    fc.constant(undefined),
    fc.constant({}),
    fc.constantFrom("off", "OFF", "passthrough", " Passthrough ", "verified", "").map((mode) => ({ mode, trustStoreArn: TRUST_STORE })),
    fc.constantFrom("verify", "VERIFY").map((mode) => ({ mode })),
    fc.constantFrom(null, "", "  ").map((trustStoreArn) => ({ mode: "verify", trustStoreArn })),
);

const verifying = fc.constantFrom("verify", "Verify", " VERIFY ").map((mode) => ({ mode, trustStoreArn: TRUST_STORE }));

/** Properties that must not change a verdict. */
const noise = fc.dictionary(
    fc.constantFrom("port", "certificateArn", "tags", "alpnPolicy", "sslPolicy", "region"),
    fc.oneof(fc.string(), fc.integer(), fc.boolean()),
    { maxKeys: 3 },
);

/** The listener on its load balancer, linked per property or, without per-property data, by plain dependencies. */
function stackOf(lb: PolicyResource, listenerType: string, mutualAuthentication: unknown, extra: object, perProperty: boolean) {
    const listener = resource(listenerType, "https", {
        ...extra,
        protocol: "HTTPS",
        defaultActions: [{ type: "forward" }],
        ...(mutualAuthentication === undefined ? {} : { mutualAuthentication }),
    });
    if (perProperty) {
        dependsOnVia(listener, "loadBalancerArn", lb);
    } else {
        listener.dependencies.push(lb);
    }
    return { listener, stack: [lb, listener] };
}

describe("tls-internal-listener-client-certificates properties", () => {
    it("a listener that does not verify is always caught, on the listener; one that verifies always passes", () => {
        fc.assert(
            fc.property(
                internalLoadBalancer,
                fc.constantFrom(...LISTENERS),
                notVerifying,
                verifying,
                noise,
                fc.boolean(),
                (lb, listenerType, bad, good, extra, perProperty) => {
                    const failing = stackOf(lb, listenerType, bad, extra, perProperty);
                    assert.deepEqual(
                        checkStack(policy, failing.stack).map((f) => f.urn),
                        [failing.listener.urn],
                        JSON.stringify(bad),
                    );
                    assert.deepEqual(checkStack(policy, stackOf(lb, listenerType, good, extra, perProperty).stack), []);
                },
            ),
            { numRuns: 300 },
        );
    });

    it("a VPC link that reaches the listener excepts it, whatever its mode; another connection type never does", () => {
        fc.assert(
            fc.property(
                internalLoadBalancer,
                fc.constantFrom(...LISTENERS),
                notVerifying,
                fc.constantFrom(...INTEGRATIONS),
                fc.constantFrom("VPC_LINK", "vpc_link", " Vpc_Link "),
                fc.option(fc.constantFrom("INTERNET", "", "VPC-LINK"), { nil: undefined }),
                (lb, listenerType, bad, integrationType, vpcLink, other) => {
                    const { listener, stack } = stackOf(lb, listenerType, bad, {}, true);
                    const integration = (connectionType: string | undefined) =>
                        dependsOnVia(
                            resource(integrationType, "gateway", { connectionType, integrationUri: "(output)" }),
                            "integrationUri",
                            listener,
                        );
                    assert.deepEqual(checkStack(policy, [...stack, integration(vpcLink)]), []);
                    assert.equal(checkStack(policy, [...stack, integration(other)]).length, 1);
                },
            ),
            { numRuns: 200 },
        );
    });

    describe("odd stacks never throw", () => {
        const types = [...LISTENERS, ...LOAD_BALANCERS, ...INTEGRATIONS, ...OTHERS];
        const KEYS = [
            "protocol",
            "mutualAuthentication",
            "mode",
            "trustStoreArn",
            "loadBalancerArn",
            "internal",
            "scheme",
            "type",
            "loadBalancerType",
            "connectionType",
            "integrationUri",
            "arn",
            "listenerArn",
            "id",
        ];
        const SEEDS: readonly unknown[] = [
            null,
            undefined,
            "",
            "HTTPS",
            "verify",
            "off",
            "passthrough",
            "internal",
            "VPC_LINK",
            "arn:x",
            true,
            0,
        ];
        const links = fc.array(
            fc.tuple(fc.nat(6), fc.nat(6), fc.constantFrom("loadBalancerArn", "integrationUri", "mutualAuthentication", "")),
            { maxLength: 8 },
        );
        const unknownish = fc.constantFrom(UNKNOWN_STRING, UNKNOWN_ARRAY, UNKNOWN_OBJECT);

        it("arbitrary props and links", () => {
            fc.assert(
                fc.property(
                    fc.array(fc.tuple(fc.constantFrom(...types), malformedProps(SEEDS, KEYS, 8)), { maxLength: 7 }),
                    links,
                    (specs, edges) => {
                        assertEvaluated(
                            checkStack(
                                policy,
                                linkedResources(specs, edges, (p) => p),
                            ).map((f) => f.message),
                        );
                    },
                ),
                { numRuns: 400 },
            );
        });

        it("preview unknowns anywhere end in a verdict or the SDK's advisory, never another error", () => {
            const previewProps = fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(unknownish, fc.constantFrom(...SEEDS)), { maxKeys: 6 });
            fc.assert(
                fc.property(fc.array(fc.tuple(fc.constantFrom(...types), previewProps), { maxLength: 6 }), links, (specs, edges) => {
                    try {
                        assertEvaluated(
                            checkStack(
                                policy,
                                linkedResources(specs, edges, (p) => unknownCheckingProxy(p)),
                            ).map((f) => f.message),
                        );
                    } catch (error) {
                        assert.ok(isUnknownValueError(error), String(error));
                    }
                }),
                { numRuns: 400 },
            );
        });
    });
});
