// tls-load-balancer-listener's remediation: an allowed TLS 1.2+ policy in place of a weak or
// missing one, a plain HTTP listener turned into a redirect to HTTPS; never anything looser.
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { check, remediate, resourcePolicy } from "./harness";

const policy = resourcePolicy("tls-load-balancer-listener");
const CLASSIC = "aws:lb/listener:Listener";
const NATIVE = "aws-native:elasticloadbalancingv2:Listener";
const RECOMMENDED = "ELBSecurityPolicy-TLS13-1-2-2021-06";
const forward = [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/app/0123" }];
const https = {
    loadBalancerArn: "arn:lb",
    port: 443,
    protocol: "HTTPS",
    certificateArn: "arn:aws:acm:eu-west-1:111111111111:certificate/x",
    defaultActions: forward,
};

describe("tls-load-balancer-listener remediation", () => {
    it("sets the recommended TLS 1.2+ policy in place of a missing or weak one, keeping every other input", () => {
        for (const type of [CLASSIC, "aws:alb/listener:Listener", NATIVE]) {
            for (const before of [
                { ...https },
                { ...https, sslPolicy: "ELBSecurityPolicy-2016-08" },
                { ...https, protocol: "TLS", sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" },
            ]) {
                const after = remediate(policy, type, before);
                assert.deepEqual(after, { ...before, sslPolicy: RECOMMENDED }, type);
                assert.deepEqual(check(policy, type, after), [], "the remediated listener passes");
            }
        }
    });

    it("leaves an allowed policy alone, and uses the first allowed policy when the allow-list drops the recommended one", () => {
        assert.equal(remediate(policy, CLASSIC, { ...https, sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" }), undefined);
        const config = { allowedSslPolicies: ["ELBSecurityPolicy-TLS13-1-3-2021-06"] };
        assert.equal(
            remediate(policy, CLASSIC, { ...https, sslPolicy: RECOMMENDED }, config)?.["sslPolicy"],
            "ELBSecurityPolicy-TLS13-1-3-2021-06",
        );
    });

    it("turns a plain HTTP listener into a permanent redirect to HTTPS, in each provider's shape", () => {
        const http = { loadBalancerArn: "arn:lb", port: 80, protocol: "HTTP", defaultActions: forward };
        assert.deepEqual(remediate(policy, CLASSIC, http), {
            ...http,
            defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
        });
        const native = remediate(policy, NATIVE, http);
        assert.deepEqual(native?.["defaultActions"], [
            { type: "redirect", redirectConfig: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
        ]);
        assert.deepEqual(check(policy, NATIVE, native), []);
        const redirecting = {
            ...http,
            defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
        };
        assert.equal(remediate(policy, CLASSIC, redirecting), undefined, "already a redirect to HTTPS");
    });

    it("does nothing when the deciding value is unknown during preview, or for other types", () => {
        const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        assert.equal(remediate(policy, CLASSIC, { ...https, sslPolicy: unknown }), undefined);
        assert.equal(remediate(policy, CLASSIC, { ...https, protocol: unknown }), undefined);
        assert.equal(remediate(policy, CLASSIC, { port: 80, protocol: "HTTP", defaultActions: unknown }), undefined);
        assert.equal(remediate(policy, "aws:ec2/securityGroup:SecurityGroup", { ...https }), undefined);
    });

    it("never loosens: a remediated listener keeps every other input and has no violation it did not have before", () => {
        const listener = fc.record(
            {
                protocol: fc.constantFrom("HTTPS", "TLS", "HTTP", "TCP", "https", undefined),
                port: fc.constantFrom(80, 443, 8443, undefined),
                sslPolicy: fc.constantFrom(
                    undefined,
                    "ELBSecurityPolicy-2016-08",
                    "ELBSecurityPolicy-TLS-1-0-2015-04",
                    RECOMMENDED,
                    "ELBSecurityPolicy-FS-1-2-Res-2020-10",
                    "made-up",
                ),
                defaultActions: fc.constantFrom(
                    forward,
                    [],
                    [{ type: "redirect", redirect: { protocol: "HTTP" } }],
                    [{ type: "fixed-response" }],
                ),
                certificateArn: fc.constantFrom(undefined, "arn:aws:acm:eu-west-1:111111111111:certificate/x"),
                extra: fc.jsonValue(),
            },
            { requiredKeys: [] },
        );
        fc.assert(
            fc.property(listener, fc.constantFrom(CLASSIC, NATIVE), (props, type) => {
                const after = remediate(policy, type, props);
                if (after === undefined) {
                    return;
                }
                for (const [key, value] of Object.entries(props)) {
                    if (key !== "sslPolicy" && key !== "defaultActions") {
                        assert.deepEqual(after[key], value, `${key} is kept`);
                    }
                }
                assert.ok(check(policy, type, after).length <= check(policy, type, props).length);
            }),
            { numRuns: 500 },
        );
    });
});
