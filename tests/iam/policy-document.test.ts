// The one document model: what policyDocument writes, and that a builder's document is what the
// evaluator reads (no conversion between them).
import * as assert from "assert";
import { alertTopicPolicy } from "../../components/detection/findings-policies";
import { evaluate } from "../../iam/evaluator/policy-evaluator";
import { policyDocument, type IdentityPolicyStatement } from "../../iam/policy-document";

describe("IAM policy document", () => {
    it("writes Version 2012-10-17 first, then the statements in the order given (the order AWS stores and diffs)", () => {
        const statements: IdentityPolicyStatement[] = [
            { Sid: "B", Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" },
            { Sid: "A", Effect: "Allow", Action: ["s3:GetObject"], Resource: "*" },
        ];
        assert.strictEqual(
            JSON.stringify(policyDocument(statements)),
            '{"Version":"2012-10-17","Statement":[{"Sid":"B","Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"},{"Sid":"A","Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}]}',
        );
    });

    it("is what the evaluator reads: a component's document is evaluated as built", () => {
        const topic = "arn:aws:sns:eu-west-1:111111111111:alerts";
        const rule = "arn:aws:events:eu-west-1:111111111111:rule/alerts";
        const policy = alertTopicPolicy({ topicArn: topic, ruleArn: rule, accountId: "111111111111" });
        const byRule = {
            principal: { service: "events.amazonaws.com" },
            action: "sns:Publish",
            resource: topic,
            context: { "aws:SourceArn": rule, "aws:SourceAccount": "111111111111" },
        };
        assert.strictEqual(evaluate([policy], byRule, { strict: true }), "Allow");
        assert.strictEqual(
            evaluate([policy], { ...byRule, principal: { arn: "arn:aws:iam::111111111111:role/app" }, context: {} }, { strict: true }),
            "ExplicitDeny",
        );
    });
});
