// Property tests of tls-load-balancer-listener-rule: a rule that forwards (or authenticates, or
// redirects keeping HTTP) on a plain HTTP listener is always caught, whatever else the stack says,
// and odd stacks never make the policy throw (a throw stops every preview in the organisation).

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
    UNKNOWN_NUMBER,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";
import { malformedProps, malformedValue } from "./arbitraries";

const policy = stackPolicy("tls-load-balancer-listener-rule");

const RULES = ["aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule", "aws-native:elasticloadbalancingv2:ListenerRule"];
const LISTENERS = ["aws:lb/listener:Listener", "aws:alb/listener:Listener", "aws-native:elasticloadbalancingv2:Listener"];
const OTHERS = [
    "aws:lb/loadBalancer:LoadBalancer",
    "aws-native:elasticloadbalancingv2:LoadBalancer",
    "aws:lb/targetGroup:TargetGroup",
    "aws:vpclattice/listenerRule:ListenerRule",
    "gcp:compute/urlMap:URLMap",
];

const native = (type: string) => type.startsWith("aws-native:");
const redirectKey = (type: string) => (native(type) ? "redirectConfig" : "redirect");

/** Actions that keep data off plaintext: a redirect to HTTPS (any case/spacing) or a fixed response. */
const goodAction = (type: string) =>
    fc.oneof(
        fc
            .constantFrom("HTTPS", "https", " Https ")
            .map((protocol) => ({ type: "redirect", [redirectKey(type)]: { protocol, port: "443", statusCode: "HTTP_301" } })),
        fc.constant({
            type: "fixed-response",
            [native(type) ? "fixedResponseConfig" : "fixedResponse"]: { contentType: "text/plain", statusCode: "404" },
        }),
    );

/** Actions that serve or accept data over plaintext HTTP. */
const badAction = (type: string) =>
    fc.oneof(
        fc.constantFrom("forward", "FORWARD", " forward ").map((t) => ({ type: t, targetGroupArn: "arn:tg" })),
        fc.constant(
            native(type)
                ? { type: "forward", forwardConfig: { targetGroups: [{ targetGroupArn: "arn:tg", weight: 1 }] } }
                : { type: "forward", forward: { targetGroups: [{ arn: "arn:tg" }] } },
        ),
        fc.constantFrom("authenticate-oidc", "authenticate-cognito", "jwt-validation").map((t) => ({ type: t })),
        fc.option(fc.constantFrom("HTTP", "http", "#{protocol}"), { nil: undefined }).map((protocol) => ({
            type: "redirect",
            [redirectKey(type)]: protocol === undefined ? { port: "80", statusCode: "HTTP_302" } : { protocol, statusCode: "HTTP_302" },
        })),
    );

/** Listener props that make it plain HTTP: protocol HTTP in any case, or no protocol with a port. */
const plainListenerProps = fc.oneof(
    fc.record({ protocol: fc.constantFrom("HTTP", "http", " HTTP "), port: fc.integer({ min: 1, max: 65535 }) }),
    fc.record({ port: fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constant("8080")) }),
);

/** Properties that must not change a verdict. */
const noise = fc.dictionary(
    fc.constantFrom("priority", "conditions", "tags", "transforms", "region", "isDefault"),
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant([])),
    { maxKeys: 3 },
);

describe("tls-load-balancer-listener-rule properties: forwarding rules on HTTP listeners are always caught", () => {
    it("any bad action among good ones, any token pair, linked per property or by plain dependencies", () => {
        fc.assert(
            fc.property(
                fc
                    .constantFrom(...RULES)
                    .chain((ruleType) =>
                        fc.tuple(fc.constant(ruleType), fc.array(goodAction(ruleType), { maxLength: 3 }), badAction(ruleType), fc.nat(3)),
                    ),
                fc.constantFrom(...LISTENERS),
                plainListenerProps,
                fc.boolean(),
                noise,
                fc.array(fc.constantFrom(...LISTENERS), { maxLength: 2 }),
                ([ruleType, goods, bad, at], listenerType, listenerProps, perProperty, extra, bystanders) => {
                    const actions: unknown[] = [...goods];
                    actions.splice(Math.min(at, actions.length), 0, bad);
                    const listener = resource(listenerType, "http", {
                        ...listenerProps,
                        defaultActions: [{ type: "redirect", [redirectKey(listenerType)]: { protocol: "HTTPS" } }],
                    });
                    // HTTPS listeners elsewhere in the stack must not hide the violation.
                    const others = bystanders.map((t, i) =>
                        resource(t, `https${i}`, { protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
                    );
                    const rule = resource(ruleType, "rule", { ...extra, listenerArn: UNKNOWN_STRING, actions });
                    if (perProperty) {
                        dependsOnVia(rule, "listenerArn", listener);
                    } else {
                        rule.dependencies.push(listener);
                    }
                    const found = checkStack(policy, [...others, listener, rule]);
                    assert.equal(found.length, 1, JSON.stringify({ listenerProps, actions }));
                    assert.equal(found[0].urn, rule.urn);
                },
            ),
            { numRuns: 400 },
        );
    });

    it("the same rules pass on an HTTPS listener, and good-only rules pass on any listener", () => {
        fc.assert(
            fc.property(
                fc
                    .constantFrom(...RULES)
                    .chain((ruleType) =>
                        fc.tuple(
                            fc.constant(ruleType),
                            fc.array(fc.oneof(goodAction(ruleType), badAction(ruleType)), { minLength: 1, maxLength: 4 }),
                        ),
                    ),
                fc.constantFrom(...LISTENERS),
                ([ruleType, actions], listenerType) => {
                    const https = resource(listenerType, "https", {
                        protocol: "HTTPS",
                        port: 443,
                        sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
                    });
                    assert.deepEqual(
                        checkStack(policy, [https, dependsOnVia(resource(ruleType, "r", { actions }), "listenerArn", https)]),
                        [],
                    );
                },
            ),
            { numRuns: 200 },
        );
        fc.assert(
            fc.property(
                fc
                    .constantFrom(...RULES)
                    .chain((ruleType) => fc.tuple(fc.constant(ruleType), fc.array(goodAction(ruleType), { minLength: 1, maxLength: 4 }))),
                fc.constantFrom(...LISTENERS),
                plainListenerProps,
                ([ruleType, actions], listenerType, listenerProps) => {
                    const http = resource(listenerType, "http", listenerProps);
                    assert.deepEqual(
                        checkStack(policy, [http, dependsOnVia(resource(ruleType, "r", { actions }), "listenerArn", http)]),
                        [],
                    );
                },
            ),
            { numRuns: 200 },
        );
    });
});

const KEYS = [
    "protocol",
    "port",
    "sslPolicy",
    "defaultActions",
    "actions",
    "type",
    "redirect",
    "redirectConfig",
    "listenerArn",
    "forward",
    "fixedResponse",
    "targetGroupArn",
    "priority",
    "conditions",
];

const SEEDS: readonly unknown[] = [
    null,
    undefined,
    "",
    "HTTP",
    "HTTPS",
    "http",
    "forward",
    "redirect",
    "fixed-response",
    "#{protocol}",
    "arn:x",
    80,
    443,
    NaN,
    -1,
    true,
    "true",
];
const oddValue = malformedValue(SEEDS, KEYS);

const oddProps = malformedProps(SEEDS, KEYS, 8);

/** The same, with the SDK's unknown sentinels in places (read through its proxy). */
const unknownish = fc.constantFrom(UNKNOWN_STRING, UNKNOWN_ARRAY, UNKNOWN_NUMBER, UNKNOWN_OBJECT);
const previewValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        unknownish,
        fc.constantFrom("HTTP", "HTTPS", "forward", "redirect", "fixed-response", 80),
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom(...KEYS), tie("value"), { maxKeys: 4 }),
    ),
})).value;

const links = fc.array(fc.tuple(fc.nat(6), fc.nat(6), fc.constantFrom("listenerArn", "loadBalancerArn", "tags", "")), { maxLength: 8 });

describe("tls-load-balancer-listener-rule properties: odd stacks never throw", () => {
    const types = [...RULES, ...LISTENERS, ...OTHERS];
    const config = fc.oneof(fc.constant({}), fc.dictionary(fc.constantFrom("trustedListenerArns", "exemptions"), oddValue), fc.anything());

    it("arbitrary props, links and config", () => {
        fc.assert(
            fc.property(fc.array(fc.tuple(fc.constantFrom(...types), oddProps), { maxLength: 7 }), links, config, (specs, edges, cfg) => {
                const resources = linkedResources(specs, edges, (p) => p);
                const found = checkStack(policy, resources, cfg ?? {});
                assertEvaluated(found.map((f) => f.message));
            }),
            { numRuns: 400 },
        );
    });

    it("malformed resource lists and entries", () => {
        fc.assert(
            fc.property(
                fc.array(
                    fc.oneof(
                        fc.anything(),
                        fc.record({
                            type: fc.constantFrom(...RULES),
                            urn: fc.string(),
                            props: fc.anything(),
                            propertyDependencies: fc.anything(),
                            dependencies: fc.anything(),
                        }),
                    ),
                    { maxLength: 5 },
                ),
                (list) => {
                    const found = checkStack(policy, list as PolicyResource[]);
                    assertEvaluated(found.map((f) => f.message));
                },
            ),
            { numRuns: 300 },
        );
    });

    it("preview unknowns anywhere end in a verdict or the SDK's advisory, never another error", () => {
        fc.assert(
            fc.property(
                fc.array(
                    fc.tuple(
                        fc.constantFrom(...RULES, ...LISTENERS),
                        fc.dictionary(fc.constantFrom(...KEYS), previewValue, { maxKeys: 6 }),
                    ),
                    { maxLength: 6 },
                ),
                links,
                (specs, edges) => {
                    const resources = linkedResources(specs, edges, (p) => unknownCheckingProxy(p));
                    try {
                        const found = checkStack(policy, resources);
                        assertEvaluated(found.map((f) => f.message));
                    } catch (error) {
                        assert.ok(isUnknownValueError(error), String(error));
                    }
                },
            ),
            { numRuns: 400 },
        );
    });
});
