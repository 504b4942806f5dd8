import * as assert from "assert";
import { actionMatches, decidingSids, evaluate, resourceMatches, type PolicyRequest } from "../../../iam/evaluator/policy-evaluator";
import type { PolicyDocument, PolicyStatement } from "../../../iam/policy-document";

/** A document of these statements. */
const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({ Version: "2012-10-17", Statement });

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
        assert.ok(
            resourceMatches(
                "arn:aws:logs:*:*:log-group:aws-cloudtrail-logs*",
                "arn:aws:logs:eu-west-1:111111111111:log-group:aws-cloudtrail-logs-org:log-stream:x",
            ),
        );
        assert.ok(!resourceMatches("arn:aws:s3:::a.b", "arn:aws:s3:::aXb"));
    });

    it("denies implicitly when nothing allows", () => {
        assert.strictEqual(
            evaluate([doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" })], { action: "s3:PutObject", resource: "*" }),
            "ImplicitDeny",
        );
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
        const viaS3 = doc({
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: "*",
            Condition: { StringLike: { "kms:ViaService": "s3.*.amazonaws.com" } },
        });
        assert.strictEqual(
            evaluate([viaS3], { action: "kms:Decrypt", resource: "*", context: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } }),
            "Allow",
        );
        assert.strictEqual(
            evaluate([viaS3], { action: "kms:Decrypt", resource: "*", context: { "kms:ViaService": "ec2.eu-west-1.amazonaws.com" } }),
            "ImplicitDeny",
        );
        assert.strictEqual(evaluate([viaS3], { action: "kms:Decrypt", resource: "*" }), "ImplicitDeny");
        const notFromVpc = doc({
            Effect: "Deny",
            Action: "*",
            Resource: "*",
            Condition: { StringNotEquals: { "aws:SourceVpc": "vpc-1" } },
        });
        assert.strictEqual(evaluate([notFromVpc], { action: "s3:GetObject", resource: "*" }), "ExplicitDeny");
        assert.strictEqual(
            evaluate([notFromVpc], { action: "s3:GetObject", resource: "*", context: { "aws:SourceVpc": "vpc-1" } }),
            "ImplicitDeny",
        );
    });

    it("evaluates IfExists operators as true when the key is missing, and as their operator when it is there", () => {
        const inVpcs = doc({
            Effect: "Allow",
            Action: "*",
            Resource: "*",
            Condition: { StringLikeIfExists: { "aws:SourceVpc": "vpc-*" } },
        });
        assert.strictEqual(evaluate([inVpcs], { action: "s3:GetObject", resource: "*" }), "Allow");
        assert.strictEqual(evaluate([inVpcs], { action: "s3:GetObject", resource: "*", context: { "aws:SourceVpc": "vpc-1" } }), "Allow");
        assert.strictEqual(
            evaluate([inVpcs], { action: "s3:GetObject", resource: "*", context: { "aws:SourceVpc": "vpce-1" } }),
            "ImplicitDeny",
        );
    });

    it("compares Bool case-insensitively, NumericLessThan as numbers, ArnEquals with wildcards, StringEqualsIgnoreCase ignoring case", () => {
        const request = (context: Record<string, string>): PolicyRequest => ({ action: "s3:GetObject", resource: "*", context });
        const deny = (Condition: PolicyStatement["Condition"]): PolicyDocument[] => [
            doc({ Effect: "Deny", Action: "*", Resource: "*", Condition }),
        ];
        assert.strictEqual(
            evaluate(deny({ Bool: { "aws:SecureTransport": "false" } }), request({ "aws:SecureTransport": "FALSE" })),
            "ExplicitDeny",
        );
        assert.strictEqual(
            evaluate(deny({ Bool: { "aws:SecureTransport": false } }), request({ "aws:SecureTransport": "false" })),
            "ExplicitDeny",
            "a boolean value reads as its string",
        );
        assert.strictEqual(
            evaluate(deny({ NumericLessThan: { "s3:TlsVersion": "1.2" } }), request({ "s3:TlsVersion": "1.10" })),
            "ExplicitDeny",
            "1.10 is the number 1.1",
        );
        assert.strictEqual(
            evaluate(deny({ NumericLessThan: { "s3:TlsVersion": "1.2" } }), request({ "s3:TlsVersion": "1.2" })),
            "ImplicitDeny",
        );
        assert.strictEqual(
            evaluate(
                deny({ ArnEquals: { "aws:SourceArn": "arn:aws:cloudtrail:*:111111111111:trail/*" } }),
                request({ "aws:SourceArn": "arn:aws:cloudtrail:eu-west-1:111111111111:trail/t" }),
            ),
            "ExplicitDeny",
        );
        assert.strictEqual(
            evaluate(
                deny({ StringEqualsIgnoreCase: { "aws:ResourceTag/responder": "off" } }),
                request({ "aws:ResourceTag/responder": "OFF" }),
            ),
            "ExplicitDeny",
        );
        assert.strictEqual(
            evaluate(
                deny({ StringNotEqualsIgnoreCase: { "aws:ResourceTag/responder": "off" } }),
                request({ "aws:ResourceTag/responder": "OFF" }),
            ),
            "ImplicitDeny",
        );
    });

    it("ANDs operators and keys, ORs values, and reads condition keys case-insensitively", () => {
        const allow = doc({
            Effect: "Allow",
            Action: "s3:PutObject",
            Resource: "*",
            Condition: {
                StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": ["111111111111", "222222222222"] },
                ArnLike: { "aws:SourceArn": "arn:aws:cloudtrail:*" },
            },
        });
        const context = {
            "S3:X-AMZ-ACL": "bucket-owner-full-control",
            "aws:SourceAccount": "222222222222",
            "aws:SourceArn": "arn:aws:cloudtrail:eu-west-1:222222222222:trail/t",
        };
        assert.strictEqual(evaluate([allow], { action: "s3:PutObject", resource: "*", context }), "Allow");
        assert.strictEqual(
            evaluate([allow], { action: "s3:PutObject", resource: "*", context: { ...context, "aws:SourceAccount": "333333333333" } }),
            "ImplicitDeny",
        );
        assert.strictEqual(
            evaluate([allow], { action: "s3:PutObject", resource: "*", context: { ...context, "aws:SourceArn": "arn:aws:s3:::b" } }),
            "ImplicitDeny",
        );
    });

    it("reads resource-policy principals: *, an ARN, an account root for every principal of the account, a service", () => {
        const policy = doc(
            { Sid: "Everyone", Effect: "Allow", Principal: "*", Action: "s3:GetBucketLocation", Resource: "*" },
            {
                Sid: "Account",
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::111111111111:root" },
                Action: "s3:GetObject",
                Resource: "*",
            },
            {
                Sid: "Role",
                Effect: "Allow",
                Principal: { AWS: ["arn:aws:iam::222222222222:role/reader"] },
                Action: "s3:ListBucket",
                Resource: "*",
            },
            { Sid: "Service", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject", Resource: "*" },
        );
        const as = (principal: PolicyRequest["principal"], action: string): PolicyRequest => ({ principal, action, resource: "*" });
        assert.strictEqual(evaluate([policy], as({ service: "config.amazonaws.com" }, "s3:GetBucketLocation")), "Allow");
        assert.strictEqual(evaluate([policy], as({ arn: "arn:aws:iam::111111111111:role/any" }, "s3:GetObject")), "Allow");
        assert.strictEqual(evaluate([policy], as({ arn: "arn:aws:iam::222222222222:role/any" }, "s3:GetObject")), "ImplicitDeny");
        assert.strictEqual(evaluate([policy], as({ arn: "arn:aws:iam::222222222222:role/reader" }, "s3:ListBucket")), "Allow");
        assert.strictEqual(evaluate([policy], as({ arn: "arn:aws:iam::222222222222:role/other" }, "s3:ListBucket")), "ImplicitDeny");
        assert.strictEqual(evaluate([policy], as({ service: "cloudtrail.amazonaws.com" }, "s3:PutObject")), "Allow");
        assert.strictEqual(evaluate([policy], as({ arn: "arn:aws:iam::111111111111:root" }, "s3:PutObject")), "ImplicitDeny");
        assert.deepStrictEqual(decidingSids([policy], as({ arn: "arn:aws:iam::111111111111:role/any" }, "s3:GetObject")), ["Account"]);
    });

    it("reads a Federated principal as the identity provider that signed a web identity's token, and only that", () => {
        const github = "arn:aws:iam::999999999999:oidc-provider/token.actions.githubusercontent.com";
        const trust = doc({
            Effect: "Allow",
            Principal: { Federated: github },
            Action: "sts:AssumeRoleWithWebIdentity",
            Resource: "*",
            Condition: { StringEquals: { "aws:FederatedProvider": github } },
        });
        const assume = (principal: PolicyRequest["principal"]) =>
            evaluate([trust], { principal, action: "sts:AssumeRoleWithWebIdentity", resource: "*" }, { strict: true });
        assert.strictEqual(assume({ federated: github }), "Allow");
        assert.strictEqual(assume({ federated: "arn:aws:iam::999999999999:oidc-provider/accounts.google.com" }), "ImplicitDeny");
        assert.strictEqual(assume({ arn: "arn:aws:iam::999999999999:root" }), "ImplicitDeny");
        assert.strictEqual(assume({ service: "token.actions.githubusercontent.com" }), "ImplicitDeny");
    });

    it("fills in the request's context: over TLS 1.3, and the principal's ARN and whether it is a service, unless told", () => {
        const deny = doc(
            {
                Sid: "NoTls",
                Effect: "Deny",
                Principal: "*",
                Action: "*",
                Resource: "*",
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
            {
                Sid: "OldTls",
                Effect: "Deny",
                Principal: "*",
                Action: "*",
                Resource: "*",
                Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
            },
            {
                Sid: "NotService",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:PutObject",
                Resource: "*",
                Condition: { BoolIfExists: { "aws:PrincipalIsAWSService": "false" } },
            },
            {
                Sid: "NotBreakGlass",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:PutBucketPolicy",
                Resource: "*",
                Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass" } },
            },
        );
        const role = { arn: "arn:aws:iam::111111111111:role/app" };
        assert.strictEqual(evaluate([deny], { principal: role, action: "s3:GetObject", resource: "*" }), "ImplicitDeny");
        assert.deepStrictEqual(
            decidingSids([deny], { principal: role, action: "s3:GetObject", resource: "*", context: { "aws:SecureTransport": "false" } }),
            ["NoTls"],
        );
        assert.deepStrictEqual(
            decidingSids([deny], { principal: role, action: "s3:GetObject", resource: "*", context: { "s3:TlsVersion": "1.1" } }),
            ["OldTls"],
        );
        assert.strictEqual(evaluate([deny], { principal: role, action: "s3:PutObject", resource: "*" }), "ExplicitDeny");
        assert.strictEqual(
            evaluate([deny], { principal: { service: "cloudtrail.amazonaws.com" }, action: "s3:PutObject", resource: "*" }),
            "ImplicitDeny",
        );
        assert.strictEqual(evaluate([deny], { principal: role, action: "s3:PutBucketPolicy", resource: "*" }), "ExplicitDeny");
        assert.strictEqual(
            evaluate([deny], {
                principal: { arn: "arn:aws:iam::111111111111:role/BreakGlass" },
                action: "s3:PutBucketPolicy",
                resource: "*",
            }),
            "ImplicitDeny",
        );
    });

    it("reads a multi-valued key through ForAnyValue: any value matches; missing or empty is false", () => {
        const denyOwnerKey = [
            doc({ Effect: "Deny", Action: "*", Resource: "*", Condition: { "ForAnyValue:StringEquals": { "aws:TagKeys": ["owner"] } } }),
        ];
        const request = (tagKeys?: string[]): PolicyRequest => ({
            action: "ec2:DeleteTags",
            resource: "*",
            context: { "aws:TagKeys": tagKeys },
        });
        assert.strictEqual(evaluate(denyOwnerKey, request(["Name", "owner"])), "ExplicitDeny");
        assert.strictEqual(evaluate(denyOwnerKey, request(["Name", "Owner"])), "ImplicitDeny", "StringEquals is case-sensitive");
        assert.strictEqual(evaluate(denyOwnerKey, request([])), "ImplicitDeny");
        assert.strictEqual(evaluate(denyOwnerKey, request()), "ImplicitDeny");
    });

    it("reads Null as whether the key is missing from the request", () => {
        const denyTagged = [doc({ Effect: "Deny", Action: "*", Resource: "*", Condition: { Null: { "aws:RequestTag/owner": "false" } } })];
        assert.strictEqual(
            evaluate(denyTagged, { action: "lambda:CreateFunction", resource: "*", context: { "aws:RequestTag/owner": "x" } }),
            "ExplicitDeny",
        );
        assert.strictEqual(evaluate(denyTagged, { action: "lambda:CreateFunction", resource: "*" }), "ImplicitDeny");
        const denyUntagged = [doc({ Effect: "Deny", Action: "*", Resource: "*", Condition: { Null: { "aws:RequestTag/owner": true } } })];
        assert.strictEqual(evaluate(denyUntagged, { action: "lambda:CreateFunction", resource: "*" }), "ExplicitDeny");
    });

    it("answers Undecided, with strict throwing instead, for what it cannot read faithfully", () => {
        const request = { action: "s3:GetObject", resource: "*" };
        const asRole = { ...request, principal: { arn: "arn:aws:iam::111111111111:role/app" } };
        const cases: [PolicyDocument, PolicyRequest, RegExp][] = [
            [
                doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: { BinaryEquals: { "aws:x": "AA==" } } }),
                request,
                /BinaryEquals/,
            ],
            [
                doc({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::${aws:username}/*" }),
                request,
                /policy variable \$\{aws:username\}/,
            ],
            [doc({ Effect: "Allow", Action: "*" }), request, /Resource/],
            // A document read from elsewhere (a plan) may break the grammar the type states.
            [doc({ Effect: "allow", Action: "*", Resource: "*" } as unknown as PolicyStatement), request, /Effect/],
            [doc({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }), request, /needs a principal/],
            [
                doc({
                    Effect: "Allow",
                    Principal: { CanonicalUser: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" },
                    Action: "*",
                    Resource: "*",
                } as unknown as PolicyStatement),
                asRole,
                /CanonicalUser/,
            ],
        ];
        for (const [policy, req, reason] of cases) {
            assert.strictEqual(evaluate([policy], req), "Undecided", String(reason));
            assert.throws(() => evaluate([policy], req, { strict: true }), reason);
        }
    });

    it("never turns what it cannot read into a deny: an undecidable Deny next to an Allow is Undecided, next to nothing it is still a deny", () => {
        const unreadableDeny = doc({ Effect: "Deny", Action: "*", Resource: "*", Condition: { BinaryEquals: { "aws:x": "AA==" } } });
        const allow = doc({ Effect: "Allow", Action: "*", Resource: "*" });
        assert.strictEqual(evaluate([unreadableDeny, allow], { action: "s3:GetObject", resource: "*" }), "Undecided");
        assert.strictEqual(
            evaluate([unreadableDeny], { action: "s3:GetObject", resource: "*" }),
            "ImplicitDeny",
            "nothing allows either way",
        );
        const unreadableButFalse = doc({
            Effect: "Allow",
            Action: "*",
            Resource: "*",
            Condition: { BinaryEquals: { "aws:x": "AA==" }, StringEquals: { "aws:y": "1" } },
        });
        assert.strictEqual(
            evaluate([unreadableButFalse], { action: "s3:GetObject", resource: "*", context: { "aws:y": "2" } }),
            "ImplicitDeny",
            "a false block decides the AND",
        );
    });
});
