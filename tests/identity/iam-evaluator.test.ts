import * as assert from "assert";
import { actionMatches, evaluate, resourceMatches, type PolicyDocument, type Statement } from "./iam-evaluator";

/** A document of these statements. */
const doc = (...Statement: Statement[]): PolicyDocument => ({ Version: "2012-10-17", Statement });

describe("the test IAM evaluator (so the audit-log assertions rest on a checked reading of IAM)", () => {
    it("matches actions case-insensitively, with * for any run and ? for one character", () => {
        assert.ok(actionMatches("s3:Get*", "S3:GETOBJECT"));
        assert.ok(actionMatches("s3:get*", "s3:GetObject"));
        assert.ok(actionMatches("*", "kms:ScheduleKeyDeletion"));
        assert.ok(actionMatches("s3:?etObject", "s3:GetObject"));
        assert.ok(!actionMatches("s3:?etObject", "s3:GGetObject"));
        assert.ok(!actionMatches("s3:Get*", "s3:PutObject"));
        assert.ok(!actionMatches("s3:GetObject", "s3:GetObjectVersion"), "no implicit prefix match");
        assert.ok(!actionMatches("s3:GetObject", "xs3:GetObject"), "anchored at the start");
    });

    it("matches resources case-sensitively, * crossing : and /, and dots taken literally", () => {
        assert.ok(resourceMatches("arn:aws:s3:::logs/*", "arn:aws:s3:::logs/AWSLogs/111111111111/CloudTrail/x.json.gz"));
        assert.ok(!resourceMatches("arn:aws:s3:::logs/*", "arn:aws:s3:::logs"), "the objects pattern is not the bucket");
        assert.ok(!resourceMatches("arn:aws:s3:::logs", "arn:aws:s3:::logs-copy"));
        assert.ok(!resourceMatches("arn:aws:s3:::Logs/*", "arn:aws:s3:::logs/a"), "ARNs are case-sensitive");
        assert.ok(resourceMatches("arn:aws:logs:*:*:log-group:aws-cloudtrail-logs*", "arn:aws:logs:eu-west-1:111111111111:log-group:aws-cloudtrail-logs-org:log-stream:x"));
        assert.ok(!resourceMatches("arn:aws:s3:::a.b", "arn:aws:s3:::aXb"));
    });

    it("denies implicitly when nothing allows", () => {
        assert.strictEqual(evaluate([doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" })], { action: "s3:PutObject", resource: "*" }), "ImplicitDeny");
        assert.strictEqual(evaluate([], { action: "s3:GetObject", resource: "*" }), "ImplicitDeny");
    });

    it("lets an explicit Deny win over any Allow, whichever document and order they come in", () => {
        const allow = doc({ Effect: "Allow", Action: "*", Resource: "*" });
        const deny = doc({ Effect: "Deny", Action: "s3:DeleteObject", Resource: "arn:aws:s3:::logs/*" });
        const request = { action: "s3:DeleteObject", resource: "arn:aws:s3:::logs/a" };
        assert.strictEqual(evaluate([allow, deny], request), "ExplicitDeny");
        assert.strictEqual(evaluate([deny, allow], request), "ExplicitDeny");
        assert.strictEqual(evaluate([allow, deny], { action: "s3:DeleteObject", resource: "arn:aws:s3:::other/a" }), "Allow");
    });

    it("reads NotAction and NotResource as everything but the listed ones", () => {
        const policy = doc(
            { Effect: "Allow", NotAction: "iam:*", Resource: "*" },
            { Effect: "Deny", Action: "s3:*", NotResource: "arn:aws:s3:::public/*" },
        );
        assert.strictEqual(evaluate([policy], { action: "iam:CreateUser", resource: "*" }), "ImplicitDeny");
        assert.strictEqual(evaluate([policy], { action: "ec2:RunInstances", resource: "*" }), "Allow");
        assert.strictEqual(evaluate([policy], { action: "s3:GetObject", resource: "arn:aws:s3:::public/a" }), "Allow");
        assert.strictEqual(evaluate([policy], { action: "s3:GetObject", resource: "arn:aws:s3:::private/a" }), "ExplicitDeny");
    });

    it("evaluates StringLike conditions, false when the key is missing, and negated operators true when it is", () => {
        const viaS3 = doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*", Condition: { StringLike: { "kms:ViaService": "s3.*.amazonaws.com" } } });
        assert.strictEqual(evaluate([viaS3], { action: "kms:Decrypt", resource: "*", context: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } }), "Allow");
        assert.strictEqual(evaluate([viaS3], { action: "kms:Decrypt", resource: "*", context: { "kms:ViaService": "ec2.eu-west-1.amazonaws.com" } }), "ImplicitDeny");
        assert.strictEqual(evaluate([viaS3], { action: "kms:Decrypt", resource: "*" }), "ImplicitDeny");
        const notFromVpc = doc({ Effect: "Deny", Action: "*", Resource: "*", Condition: { StringNotEquals: { "aws:SourceVpc": "vpc-1" } } });
        assert.strictEqual(evaluate([notFromVpc], { action: "s3:GetObject", resource: "*" }), "ExplicitDeny");
        assert.strictEqual(evaluate([notFromVpc], { action: "s3:GetObject", resource: "*", context: { "aws:SourceVpc": "vpc-1" } }), "ImplicitDeny");
    });

    it("refuses what it cannot read faithfully instead of guessing", () => {
        const request = { action: "s3:GetObject", resource: "*" };
        assert.throws(() => evaluate([doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: { DateGreaterThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } } })], request), /DateGreaterThan/);
        assert.throws(() => evaluate([doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: { StringLikeIfExists: { "aws:SourceVpc": "vpc-*" } } })], request), /IfExists/);
        assert.throws(() => evaluate([doc({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::${aws:username}/*" })], request), /policy variable/);
        assert.throws(() => evaluate([doc({ Effect: "Allow", Action: "*" })], request), /Resource/);
        assert.throws(() => evaluate([doc({ Effect: "allow", Action: "*", Resource: "*" })], request), /Effect/);
    });
});
