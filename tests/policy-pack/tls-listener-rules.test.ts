// tls-load-balancer-listener-rule: listener rules on a plain HTTP listener (found through the
// rule's listenerArn dependency) may only redirect to HTTPS or return a fixed response.

import { strict as assert } from "assert";
import {
    checkStack,
    dependsOnVia,
    isUnknownValueError,
    PolicyResource,
    resource,
    stackPolicy,
    UNKNOWN_ARRAY,
    UNKNOWN_NUMBER,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const policy = stackPolicy("tls-load-balancer-listener-rule");

const CLASSIC_RULES = ["aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule"];
const NATIVE_RULE = "aws-native:elasticloadbalancingv2:ListenerRule";
const RULES = [...CLASSIC_RULES, NATIVE_RULE];
const LISTENERS = ["aws:lb/listener:Listener", "aws:alb/listener:Listener", "aws-native:elasticloadbalancingv2:Listener"];

const redirectKey = (type: string) => (type.startsWith("aws-native:") ? "redirectConfig" : "redirect");
const redirect = (type: string, protocol?: string) => ({
    type: "redirect",
    [redirectKey(type)]:
        protocol === undefined ? { port: "443", statusCode: "HTTP_301" } : { protocol, port: "443", statusCode: "HTTP_301" },
});
const forward = (type: string) =>
    type.startsWith("aws-native:")
        ? { type: "forward", forwardConfig: { targetGroups: [{ targetGroupArn: "arn:tg" }] } }
        : { type: "forward", targetGroupArn: "arn:tg" };
const fixed = (type: string) => ({
    type: "fixed-response",
    [type.startsWith("aws-native:") ? "fixedResponseConfig" : "fixedResponse"]: {
        contentType: "text/plain",
        messageBody: "ok",
        statusCode: "200",
    },
});

const httpListener = (
    type: string,
    props: Record<string, unknown> = { protocol: "HTTP", port: 80, defaultActions: [redirect(type, "HTTPS")] },
) => resource(type, "http", props);
const httpsListener = (type: string) =>
    resource(type, "https", {
        protocol: "HTTPS",
        port: 443,
        sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
        defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }],
    });

function ruleOn(type: string, listener: PolicyResource | undefined, actions: unknown, extra: Record<string, unknown> = {}): PolicyResource {
    const rule = resource(type, "rule", {
        priority: 10,
        conditions: [{ pathPattern: { values: ["/api/*"] } }],
        listenerArn: UNKNOWN_STRING,
        ...extra,
        actions,
    });
    return listener === undefined ? rule : dependsOnVia(rule, "listenerArn", listener);
}

describe("tls-load-balancer-listener-rule", () => {
    for (const ruleType of RULES) {
        for (const listenerType of LISTENERS) {
            describe(`${ruleType} on ${listenerType}`, () => {
                it("fails a forward on a plain HTTP listener whose default action redirects", () => {
                    const listener = httpListener(listenerType);
                    const rule = ruleOn(ruleType, listener, [forward(ruleType)]);
                    const found = checkStack(policy, [listener, rule]);
                    assert.equal(found.length, 1);
                    assert.equal(found[0].urn, rule.urn);
                    assert.match(found[0].message, /plain HTTP listener/);
                    assert.match(found[0].message, /actions\[0\] forwards/);
                });

                it("passes redirects to HTTPS (any case) and fixed responses", () => {
                    const listener = httpListener(listenerType);
                    for (const actions of [
                        [redirect(ruleType, "HTTPS")],
                        [redirect(ruleType, "https")],
                        [fixed(ruleType)],
                        [fixed(ruleType), redirect(ruleType, " HTTPS ")],
                    ]) {
                        assert.deepEqual(checkStack(policy, [listener, ruleOn(ruleType, listener, actions)]), [], JSON.stringify(actions));
                    }
                });

                it("fails a redirect that keeps HTTP (no protocol, #{protocol}, HTTP)", () => {
                    const listener = httpListener(listenerType);
                    for (const protocol of [undefined, "#{protocol}", "HTTP", "http"]) {
                        const found = checkStack(policy, [listener, ruleOn(ruleType, listener, [redirect(ruleType, protocol)])]);
                        assert.equal(found.length, 1, String(protocol));
                        assert.match(found[0].message, /redirects (keeping the request's protocol|to protocol)/);
                    }
                });

                it("fails authenticate and jwt-validation actions, unknown and missing types", () => {
                    const listener = httpListener(listenerType);
                    for (const actions of [
                        [{ type: "authenticate-oidc", authenticateOidc: {} }, forward(ruleType)],
                        [{ type: "authenticate-cognito" }, fixed(ruleType)],
                        [{ type: "jwt-validation" }, forward(ruleType)],
                        [{ type: "teleport" }],
                        [{}],
                        ["forward"],
                    ]) {
                        assert.equal(
                            checkStack(policy, [listener, ruleOn(ruleType, listener, actions)]).length,
                            1,
                            JSON.stringify(actions),
                        );
                    }
                });

                it("treats a listener with no protocol but a port as HTTP, and a gateway listener (neither) as not", () => {
                    const unset = httpListener(listenerType, { port: 8080, defaultActions: [redirect(listenerType, "HTTPS")] });
                    assert.equal(checkStack(policy, [unset, ruleOn(ruleType, unset, [forward(ruleType)])]).length, 1);
                    const gateway = httpListener(listenerType, { defaultActions: [{ type: "forward" }] });
                    assert.deepEqual(checkStack(policy, [gateway, ruleOn(ruleType, gateway, [forward(ruleType)])]), []);
                });

                it("passes every action on an HTTPS listener", () => {
                    const listener = httpsListener(listenerType);
                    for (const actions of [[forward(ruleType)], [{ type: "authenticate-oidc" }, forward(ruleType)], [redirect(ruleType)]]) {
                        assert.deepEqual(checkStack(policy, [listener, ruleOn(ruleType, listener, actions)]), []);
                    }
                });
            });
        }
    }

    it("fails closed on a malformed listener protocol; passes TLS and other non-HTTP protocols", () => {
        const odd = httpListener("aws:lb/listener:Listener", { protocol: 80, port: 80 });
        assert.equal(checkStack(policy, [odd, ruleOn("aws:lb/listenerRule:ListenerRule", odd, [forward("aws:lb")])]).length, 1);
        const tls = httpListener("aws:lb/listener:Listener", {
            protocol: "TLS",
            port: 443,
            sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
        });
        assert.deepEqual(checkStack(policy, [tls, ruleOn("aws:lb/listenerRule:ListenerRule", tls, [forward("aws:lb")])]), []);
    });

    it("links through plain dependencies when the engine sent no per-property ones", () => {
        const listener = httpListener("aws:lb/listener:Listener");
        const rule = resource("aws:lb/listenerRule:ListenerRule", "rule", { listenerArn: UNKNOWN_STRING, actions: [forward("aws:lb")] });
        rule.dependencies.push(listener);
        assert.equal(checkStack(policy, [listener, rule]).length, 1);
        const https = httpsListener("aws:lb/listener:Listener");
        const onHttps = resource("aws:lb/listenerRule:ListenerRule", "r2", { listenerArn: UNKNOWN_STRING, actions: [forward("aws:lb")] });
        onHttps.dependencies.push(https);
        assert.deepEqual(checkStack(policy, [https, onHttps]), []);
    });

    it("follows listenerArn only: a dependency on an HTTP listener through another property does not count", () => {
        const https = httpsListener("aws:lb/listener:Listener");
        const http = httpListener("aws:lb/listener:Listener");
        const rule = dependsOnVia(ruleOn("aws:lb/listenerRule:ListenerRule", https, [forward("aws:lb")]), "tags", http);
        assert.deepEqual(checkStack(policy, [https, http, rule]), []);
    });

    it("a listener outside the stack: a known ARN fails a forward unless trusted; redirects and fixed responses pass", () => {
        const arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/shared/50dc6c495c0c9188/f2f7dc8efc522ab2";
        for (const type of RULES) {
            const forwarding = ruleOn(type, undefined, [forward(type)], { listenerArn: arn });
            const found = checkStack(policy, [forwarding]);
            assert.equal(found.length, 1, type);
            assert.match(found[0].message, /not declared in this stack/);
            assert.match(found[0].message, /trustedListenerArns/);
            assert.deepEqual(checkStack(policy, [forwarding], { trustedListenerArns: [arn] }), []);
            assert.deepEqual(checkStack(policy, [forwarding], { trustedListenerArns: [` ${arn} `] }), []);
            assert.equal(checkStack(policy, [forwarding], { trustedListenerArns: ["arn:other"] }).length, 1);
            assert.deepEqual(checkStack(policy, [ruleOn(type, undefined, [redirect(type, "HTTPS")], { listenerArn: arn })]), []);
            assert.deepEqual(checkStack(policy, [ruleOn(type, undefined, [fixed(type)], { listenerArn: arn })]), []);
        }
    });

    it("a rule with no listenerArn or a malformed one fails a forward (nothing shows HTTPS)", () => {
        assert.match(
            checkStack(policy, [resource(NATIVE_RULE, "r", { actions: [forward(NATIVE_RULE)] })])[0]?.message ?? "",
            /listenerArn is unset/,
        );
        assert.match(
            checkStack(policy, [resource(CLASSIC_RULES[0], "r", { listenerArn: 42, actions: [forward("aws:lb")] })])[0]?.message ?? "",
            /listenerArn is malformed/,
        );
    });

    it("malformed config falls back to the default (no trusted listeners)", () => {
        const rule = ruleOn(CLASSIC_RULES[0], undefined, [forward("aws:lb")], { listenerArn: "arn:x" });
        for (const config of [{ trustedListenerArns: "arn:x" }, { trustedListenerArns: [1] }, { trustedListenerArns: null }]) {
            assert.equal(checkStack(policy, [rule], config).length, 1, JSON.stringify(config));
        }
    });

    it("leaves unrelated types untouched (VPC Lattice rules, listeners without rules, other clouds)", () => {
        const http = httpListener("aws:lb/listener:Listener", { protocol: "HTTP", port: 80, defaultActions: [{ type: "forward" }] });
        const resources = [
            http,
            dependsOnVia(
                resource("aws:vpclattice/listenerRule:ListenerRule", "lattice", { actions: [{ forward: {} }] }),
                "listenerIdentifier",
                http,
            ),
            resource("gcp:compute/urlMap:URLMap", "u", { actions: [{ type: "forward" }] }),
            resource("aws:s3/bucket:Bucket", "b", {}),
        ];
        assert.deepEqual(checkStack(policy, resources), []);
    });

    it("honours exemptions by resource name on the rule", () => {
        const listener = httpListener("aws:lb/listener:Listener");
        const rule = ruleOn("aws:lb/listenerRule:ListenerRule", listener, [forward("aws:lb")]);
        assert.deepEqual(
            checkStack(policy, [listener, rule], {
                exemptions: [{ resourceName: "rule", reason: "ACME HTTP-01 challenges must be served over HTTP" }],
            }),
            [],
        );
    });

    it("declares its types, config schema (trustedListenerArns, exemptions) and family metadata", () => {
        assert.equal(policy.enforcementLevel, "mandatory");
        assert.equal(policy.severity, "high");
        const properties = policy.configSchema?.properties ?? {};
        assert.deepEqual(Object.keys(properties).sort(), ["exemptions", "trustedListenerArns"]);
        assert.ok((policy.tags ?? []).includes("tls") && (policy.tags ?? []).includes("load-balancer"));
    });
});

describe("tls-load-balancer-listener-rule under preview (SDK proxy)", () => {
    const preview = (type: string, name: string, props: Record<string, unknown>) => resource(type, name, unknownCheckingProxy(props));
    const RULE = "aws:lb/listenerRule:ListenerRule";
    const LISTENER = "aws:lb/listener:Listener";

    it("an unknown listener protocol under a forwarding rule gives the SDK's advisory", () => {
        const listener = preview(LISTENER, "l", { protocol: UNKNOWN_STRING, port: 80, loadBalancerArn: UNKNOWN_STRING });
        const rule = dependsOnVia(preview(RULE, "r", { listenerArn: UNKNOWN_STRING, actions: [forward(RULE)] }), "listenerArn", listener);
        assert.throws(() => checkStack(policy, [listener, rule]), isUnknownValueError);
        const unsetProtocolUnknownPort = preview(LISTENER, "l2", { port: UNKNOWN_NUMBER });
        const rule2 = dependsOnVia(preview(RULE, "r2", { actions: [forward(RULE)] }), "listenerArn", unsetProtocolUnknownPort);
        assert.throws(() => checkStack(policy, [unsetProtocolUnknownPort, rule2]), isUnknownValueError);
    });

    it("unknown actions or redirect protocols on a known HTTP listener are undecided", () => {
        const listener = preview(LISTENER, "l", { protocol: "HTTP", port: 80, loadBalancerArn: UNKNOWN_STRING });
        for (const actions of [UNKNOWN_ARRAY, [{ type: UNKNOWN_STRING }], [{ type: "redirect", redirect: { protocol: UNKNOWN_STRING } }]]) {
            const rule = dependsOnVia(preview(RULE, "r", { listenerArn: UNKNOWN_STRING, actions }), "listenerArn", listener);
            assert.throws(() => checkStack(policy, [listener, rule]), isUnknownValueError, JSON.stringify(actions));
        }
    });

    it("an unknown listenerArn with no listener linked is undecided for a forward, not for a redirect to HTTPS", () => {
        assert.throws(
            () => checkStack(policy, [preview(NATIVE_RULE, "r", { listenerArn: UNKNOWN_STRING, actions: [forward(NATIVE_RULE)] })]),
            isUnknownValueError,
        );
        assert.deepEqual(
            checkStack(policy, [preview(NATIVE_RULE, "r", { listenerArn: UNKNOWN_STRING, actions: [redirect(NATIVE_RULE, "HTTPS")] })]),
            [],
        );
    });

    it("a known forward beside an unknown action, on a known HTTP listener, is still a violation", () => {
        const listener = preview(LISTENER, "l", { protocol: "HTTP", port: 80 });
        const rule = dependsOnVia(
            preview(RULE, "r", {
                listenerArn: UNKNOWN_STRING,
                priority: UNKNOWN_NUMBER,
                actions: [{ type: UNKNOWN_STRING }, { type: "forward", targetGroupArn: UNKNOWN_STRING }],
            }),
            "listenerArn",
            listener,
        );
        assert.equal(checkStack(policy, [listener, rule]).length, 1);
        // …and a decided violation elsewhere in the stack does not hide behind another rule's unknowns
        const undecided = dependsOnVia(preview(RULE, "u", { actions: UNKNOWN_ARRAY }), "listenerArn", listener);
        assert.equal(checkStack(policy, [listener, rule, undecided]).length, 1);
    });

    it("unknown values that decide nothing are not needed: rules on an HTTPS listener pass", () => {
        const listener = preview(LISTENER, "l", {
            protocol: "HTTPS",
            port: 443,
            sslPolicy: UNKNOWN_STRING,
            certificateArn: UNKNOWN_STRING,
        });
        const rule = dependsOnVia(
            preview(RULE, "r", { listenerArn: UNKNOWN_STRING, actions: UNKNOWN_ARRAY, conditions: UNKNOWN_ARRAY }),
            "listenerArn",
            listener,
        );
        assert.deepEqual(checkStack(policy, [listener, rule]), []);
    });
});
