import * as assert from "assert";
import { evaluate, type RequestContext } from "../../../iam/evaluator/policy-evaluator";
import type { PolicyDocument, PolicyStatement } from "../../../iam/policy-document";

/** A Deny of everything under this condition: ExplicitDeny when it holds, ImplicitDeny when not. */
const denyWhen = (Condition: PolicyStatement["Condition"]): PolicyDocument[] => [
    { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "*", Resource: "*", Condition }] },
];
/** The same Deny next to an Allow of everything: Undecided when the condition cannot be read. */
const denyWhenOrAllow = (Condition: PolicyStatement["Condition"]): PolicyDocument[] => [
    ...denyWhen(Condition),
    { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
];
const holds = (Condition: PolicyStatement["Condition"], context: RequestContext): boolean => {
    const decision = evaluate(denyWhen(Condition), { action: "s3:GetObject", resource: "*", context }, { strict: true });
    return decision === "ExplicitDeny";
};

describe("IAM evaluator: condition operators", () => {
    it("compares Numeric* as numbers and Date* as ISO dates or epoch seconds", () => {
        assert.ok(holds({ NumericEquals: { "k:n": "10" } }, { "k:n": "10.0" }));
        assert.ok(holds({ NumericNotEquals: { "k:n": "10" } }, { "k:n": "9" }));
        assert.ok(holds({ NumericLessThanEquals: { "k:n": 10 } }, { "k:n": "10" }));
        assert.ok(!holds({ NumericGreaterThan: { "k:n": "10" } }, { "k:n": "10" }));
        assert.ok(holds({ NumericGreaterThanEquals: { "k:n": "10" } }, { "k:n": "11" }));
        assert.ok(holds({ DateGreaterThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } }, { "aws:CurrentTime": "2026-12-03T09:00:00Z" }));
        assert.ok(
            holds({ DateLessThan: { "aws:CurrentTime": "1600000000" } }, { "aws:CurrentTime": "2020-01-01T00:00:00Z" }),
            "epoch seconds",
        );
        assert.ok(!holds({ DateEquals: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } }, { "aws:CurrentTime": "2020-01-01T00:00:01Z" }));
        assert.ok(holds({ DateNotEquals: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } }, { "aws:CurrentTime": "2020-01-01T00:00:01Z" }));
        assert.strictEqual(
            evaluate(denyWhenOrAllow({ NumericLessThan: { "k:n": "ten" } }), { action: "a:b", resource: "*", context: { "k:n": "1" } }),
            "Undecided",
        );
    });

    it("reads Null as whether the key is missing, and IpAddress / NotIpAddress over CIDR ranges", () => {
        assert.ok(holds({ Null: { "aws:SourceVpc": "true" } }, {}));
        assert.ok(!holds({ Null: { "aws:SourceVpc": "true" } }, { "aws:SourceVpc": "vpc-1" }));
        assert.ok(holds({ Null: { "aws:SourceVpc": false } }, { "aws:SourceVpc": "vpc-1" }));
        assert.ok(holds({ IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, { "aws:SourceIp": "10.1.2.3" }));
        assert.ok(!holds({ IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "192.168.0.1"] } }, { "aws:SourceIp": "192.168.0.2" }));
        assert.ok(holds({ NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, { "aws:SourceIp": "11.0.0.1" }));
        assert.ok(!holds({ IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, { "aws:SourceIp": "2001:db8::1" }), "another address family");
        assert.strictEqual(
            evaluate(denyWhenOrAllow({ IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }), {
                action: "a:b",
                resource: "*",
                context: { "aws:SourceIp": "vpc" },
            }),
            "Undecided",
        );
    });

    it("reads ForAnyValue and ForAllValues over multi-valued keys (aws:TagKeys), missing keys as IAM does", () => {
        const tagKeys = (...keys: string[]): RequestContext => ({ "aws:TagKeys": keys });
        assert.ok(holds({ "ForAnyValue:StringEquals": { "aws:TagKeys": "owner" } }, tagKeys("env", "owner")));
        assert.ok(!holds({ "ForAnyValue:StringEquals": { "aws:TagKeys": "owner" } }, tagKeys("env")));
        assert.ok(!holds({ "ForAnyValue:StringEquals": { "aws:TagKeys": "owner" } }, {}), "ForAnyValue is false without the key");
        assert.ok(holds({ "ForAllValues:StringLike": { "aws:TagKeys": ["team-*", "env"] } }, tagKeys("team-a", "env")));
        assert.ok(!holds({ "ForAllValues:StringLike": { "aws:TagKeys": ["team-*", "env"] } }, tagKeys("team-a", "owner")));
        assert.ok(holds({ "ForAllValues:StringEquals": { "aws:TagKeys": "env" } }, {}), "ForAllValues holds vacuously without the key");
        assert.ok(holds({ "ForAnyValue:StringNotEquals": { "aws:TagKeys": "env" } }, tagKeys("env", "owner")), "some value is not env");
        assert.ok(
            !holds({ "ForAllValues:StringNotEquals": { "aws:TagKeys": "env" } }, tagKeys("env", "owner")),
            "not every value differs from env",
        );
        assert.ok(holds({ "ForAnyValue:StringEqualsIfExists": { "aws:TagKeys": "owner" } }, {}), "IfExists with the set form");
    });

    it("reads a single-valued operator over a list as any value matching, a negated one as none matching", () => {
        assert.ok(holds({ StringEquals: { "aws:TagKeys": "owner" } }, { "aws:TagKeys": ["env", "owner"] }));
        assert.ok(!holds({ StringNotEquals: { "aws:TagKeys": "owner" } }, { "aws:TagKeys": ["env", "owner"] }));
    });

    it("resolves policy variables from the context, and IAM's escapes as literal characters", () => {
        const ownAccount: PolicyDocument[] = [
            {
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::logs-${aws:PrincipalAccount}/*" }],
            },
        ];
        const principal = { arn: "arn:aws:iam::111111111111:role/app" };
        assert.strictEqual(
            evaluate(ownAccount, { principal, action: "s3:GetObject", resource: "arn:aws:s3:::logs-111111111111/a" }, { strict: true }),
            "Allow",
        );
        assert.strictEqual(
            evaluate(ownAccount, { principal, action: "s3:GetObject", resource: "arn:aws:s3:::logs-222222222222/a" }, { strict: true }),
            "ImplicitDeny",
        );
        assert.ok(
            holds(
                { StringEquals: { "aws:ResourceTag/owner": "${aws:PrincipalTag/team}" } },
                { "aws:ResourceTag/owner": "blue", "aws:PrincipalTag/team": "blue" },
            ),
        );
        assert.ok(holds({ StringLike: { "s3:prefix": "literal${*}" } }, { "s3:prefix": "literal*" }));
        assert.ok(!holds({ StringLike: { "s3:prefix": "literal${*}" } }, { "s3:prefix": "literalX" }));
    });

    it("reads NotPrincipal as every principal but the named ones", () => {
        const policy: PolicyDocument[] = [
            {
                Version: "2012-10-17",
                Statement: [
                    { Effect: "Deny", NotPrincipal: { AWS: "arn:aws:iam::111111111111:role/break-glass" }, Action: "*", Resource: "*" },
                ],
            },
        ];
        const as = (arn: string) => evaluate(policy, { principal: { arn }, action: "s3:DeleteBucket", resource: "*" }, { strict: true });
        assert.strictEqual(as("arn:aws:iam::111111111111:role/app"), "ExplicitDeny");
        assert.strictEqual(as("arn:aws:iam::111111111111:role/break-glass"), "ImplicitDeny");
    });
});
