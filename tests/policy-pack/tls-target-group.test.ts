// tls-load-balancer-target-group: target groups behind an HTTPS listener (or a rule on one) must
// re-encrypt, with HTTPS health checks. Both providers, linked by dependency or by literal ARN.

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

const policy = stackPolicy("tls-load-balancer-target-group");

const CLASSIC_GROUP = "aws:lb/targetGroup:TargetGroup";
const NATIVE_GROUP = "aws-native:elasticloadbalancingv2:TargetGroup";
const TLS = "ELBSecurityPolicy-TLS13-1-2-2021-06";

const group = (type: string, protocol: string | undefined, health?: string, name = "tg", extra: Record<string, unknown> = {}) =>
    resource(type, name, {
        port: 8443,
        targetType: "ip",
        ...(protocol === undefined ? {} : { protocol }),
        ...(type === CLASSIC_GROUP
            ? { healthCheck: { path: "/healthz", ...(health === undefined ? {} : { protocol: health }) } }
            : health === undefined
              ? {}
              : { healthCheckProtocol: health }),
        ...extra,
    });

const listener = (native: boolean, protocol: string, name = "https") =>
    resource(native ? "aws-native:elasticloadbalancingv2:Listener" : "aws:lb/listener:Listener", name, {
        protocol,
        port: protocol === "HTTPS" ? 443 : 80,
        sslPolicy: protocol === "HTTPS" ? TLS : undefined,
        defaultActions: [{ type: "forward", targetGroupArn: "(output)" }],
    });

/** A listener forwarding to the target group by reference. */
function forwarded(native: boolean, protocol: string, target: PolicyResource): PolicyResource[] {
    return [target, dependsOnVia(listener(native, protocol), "defaultActions", target)];
}

describe("tls-load-balancer-target-group", () => {
    it("is advisory by default (configurable to mandatory through the pack's enforcement levels)", () => {
        assert.equal(policy.enforcementLevel, "advisory");
    });

    for (const [native, type] of [
        [false, CLASSIC_GROUP],
        [true, NATIVE_GROUP],
    ] as const) {
        it(`${type}: an HTTP target group behind an HTTPS listener is reported on the target group`, () => {
            const target = group(type, "HTTP");
            const found = checkStack(policy, forwarded(native, "HTTPS", target));
            assert.equal(found.length, 1);
            assert.equal(found[0].urn, target.urn);
            assert.match(found[0].message, /ends TLS, and forwards the decrypted requests to its targets over plain HTTP/);
        });

        it(`${type}: HTTPS with HTTPS health checks passes; an HTTP or unset health check protocol is reported; disabled checks pass`, () => {
            assert.deepEqual(checkStack(policy, forwarded(native, "HTTPS", group(type, "HTTPS", "https"))), []);
            assert.match(
                checkStack(policy, forwarded(native, "HTTPS", group(type, "HTTPS", "HTTP")))[0].message,
                /health-checks its targets over "HTTP"/,
            );
            assert.match(
                checkStack(policy, forwarded(native, "HTTPS", group(type, "HTTPS")))[0].message,
                /default of an unset health check protocol/,
            );
            const disabled = native ? { healthCheckEnabled: false } : { healthCheck: { enabled: false } };
            assert.deepEqual(checkStack(policy, forwarded(native, "HTTPS", group(type, "HTTPS", undefined, "tg", disabled))), []);
        });

        it(`${type}: behind a plain HTTP listener, or with no forwarder, or without a protocol (Lambda), it is not this policy's to judge`, () => {
            assert.deepEqual(checkStack(policy, forwarded(native, "HTTP", group(type, "HTTP"))), []);
            assert.deepEqual(checkStack(policy, [group(type, "HTTP")]), []);
            assert.deepEqual(checkStack(policy, forwarded(native, "HTTPS", group(type, undefined))), []);
        });
    }

    it("a rule on an HTTPS listener is a forwarder; a rule on an HTTP listener is not (tls-load-balancer-listener-rule judges it)", () => {
        for (const listenerProtocol of ["HTTPS", "HTTP"]) {
            const target = group(CLASSIC_GROUP, "HTTP");
            const https = resource("aws:lb/listener:Listener", "l", {
                protocol: listenerProtocol,
                port: 443,
                defaultActions: [{ type: "fixed-response" }],
            });
            const rule = dependsOnVia(
                dependsOnVia(
                    resource("aws:lb/listenerRule:ListenerRule", "r", { actions: [{ type: "forward", targetGroupArn: "(output)" }] }),
                    "listenerArn",
                    https,
                ),
                "actions",
                target,
            );
            assert.equal(checkStack(policy, [target, https, rule]).length, listenerProtocol === "HTTPS" ? 1 : 0, listenerProtocol);
        }
    });

    it("a rule on a listener of another stack counts as HTTPS only when trustedListenerArns lists it", () => {
        const arn = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/edge/0123456789abcdef/fedcba9876543210";
        const target = group(NATIVE_GROUP, "HTTP");
        const rule = dependsOnVia(
            resource("aws-native:elasticloadbalancingv2:ListenerRule", "r", { listenerArn: arn, actions: [{ type: "forward" }] }),
            "actions",
            target,
        );
        assert.deepEqual(checkStack(policy, [target, rule]), []);
        assert.equal(checkStack(policy, [target, rule], { trustedListenerArns: [arn] }).length, 1);
    });

    it("links by the target group's ARN written as a literal in forward blocks of either spelling", () => {
        const arn = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/orders/0123456789abcdef";
        const classic = resource(CLASSIC_GROUP, "classic", { protocol: "HTTP", arn });
        const native = resource(NATIVE_GROUP, "native", { protocol: "HTTP", targetGroupArn: `${arn}2` });
        const viaForward = resource("aws:lb/listener:Listener", "a", {
            protocol: "HTTPS",
            defaultActions: [{ type: "forward", forward: { targetGroups: [{ arn }] } }],
        });
        const viaConfig = resource("aws-native:elasticloadbalancingv2:Listener", "b", {
            protocol: "HTTPS",
            defaultActions: [{ type: "forward", forwardConfig: { targetGroups: [{ targetGroupArn: `${arn}2` }] } }],
        });
        assert.deepEqual(
            checkStack(policy, [classic, native, viaForward, viaConfig]).map((v) => v.urn),
            [classic.urn, native.urn],
        );
    });

    it("preview: an unknown target group protocol, or an unknown listener protocol before an HTTP group, is undecided", () => {
        const unknownGroup = resource(CLASSIC_GROUP, "tg", unknownCheckingProxy({ protocol: UNKNOWN_STRING }));
        assert.throws(() => checkStack(policy, forwarded(false, "HTTPS", unknownGroup)), isUnknownValueError);
        const target = group(CLASSIC_GROUP, "HTTP");
        const unknownListener = dependsOnVia(
            resource("aws:lb/listener:Listener", "l", unknownCheckingProxy({ protocol: UNKNOWN_STRING })),
            "defaultActions",
            target,
        );
        assert.throws(() => checkStack(policy, [target, unknownListener]), isUnknownValueError);
        // A known violation is still reported beside an undecided target group.
        const bad = group(NATIVE_GROUP, "HTTP", undefined, "bad");
        const found = checkStack(policy, [...forwarded(false, "HTTPS", unknownGroup), ...forwarded(true, "HTTPS", bad)]);
        assert.deepEqual(
            found.map((v) => v.urn),
            [bad.urn],
        );
    });
});
