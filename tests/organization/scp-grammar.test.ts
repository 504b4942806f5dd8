import * as assert from "assert";
import { scpProblems } from "./scp-grammar";

/** A valid document to break one element at a time. */
const valid = (): Record<string, unknown> => ({
    Version: "2012-10-17",
    Statement: [
        {
            Sid: "DenyThing",
            Effect: "Deny",
            Action: ["s3:DeleteObject"],
            Resource: "*",
            Condition: {
                ArnNotLike: { "aws:PrincipalArn": ["arn:aws:iam::*:role/BreakGlass"] },
                Null: { "ec2:Attribute/HttpTokens": false },
            },
        },
    ],
});

/** The valid document with the first statement changed. */
function withStatement(change: (statement: Record<string, unknown>) => void): Record<string, unknown> {
    const document = valid();
    change((document.Statement as Record<string, unknown>[])[0]);
    return document;
}

describe("scp-grammar (the tests' own IAM policy checker)", () => {
    it("accepts a valid SCP document", () => {
        assert.deepStrictEqual(scpProblems(valid()), []);
    });

    const broken: [string, unknown, RegExp][] = [
        ["another version", { ...valid(), Version: "2008-10-17" }, /Version/],
        ["no statements", { ...valid(), Statement: [] }, /Statement is not a non-empty list/],
        ["an unknown top-level element", { ...valid(), Principal: "*" }, /unknown elements Principal/],
        ["a Principal in a statement", withStatement((s) => (s.Principal = "*")), /has Principal/],
        ["an effect other than Allow or Deny", withStatement((s) => (s.Effect = "Block")), /Effect/],
        ["neither Action nor NotAction", withStatement((s) => delete s.Action), /exactly one of Action and NotAction/],
        ["both Action and NotAction", withStatement((s) => (s.NotAction = "iam:*")), /exactly one of Action and NotAction/],
        ["no Resource", withStatement((s) => delete s.Resource), /exactly one of Resource and NotResource/],
        ["an empty action list", withStatement((s) => (s.Action = [])), /Action is an empty list/],
        ["an action without a service", withStatement((s) => (s.Action = ["DeleteObject"])), /not of the form service:Action/],
        ["a repeated action", withStatement((s) => (s.Action = ["s3:DeleteObject", "s3:DeleteObject"])), /repeated/],
        ["a Sid that is not alphanumeric", withStatement((s) => (s.Sid = "deny-thing")), /not alphanumeric/],
        [
            "an unknown condition operator",
            withStatement((s) => (s.Condition = { ArnNotMatch: { "aws:PrincipalArn": "x" } })),
            /not an IAM condition operator/,
        ],
        [
            "an empty condition value list",
            withStatement((s) => (s.Condition = { StringEquals: { "aws:RequestedRegion": [] } })),
            /empty list/,
        ],
        ["NullIfExists", withStatement((s) => (s.Condition = { NullIfExists: { "aws:TagKeys": false } })), /not an IAM condition operator/],
    ];
    for (const [what, document, problem] of broken) {
        it(`rejects a document with ${what}`, () => {
            const problems = scpProblems(document);
            assert.ok(
                problems.some((p) => problem.test(p)),
                `expected a problem matching ${problem}, got ${JSON.stringify(problems)}`,
            );
        });
    }

    it("accepts IfExists and set-operator forms", () => {
        const document = withStatement(
            (s) =>
                (s.Condition = {
                    StringNotEqualsIfExists: { "aws:RequestedRegion": "eu-west-1" },
                    "ForAnyValue:StringLike": { "aws:TagKeys": ["a*"] },
                }),
        );
        assert.deepStrictEqual(scpProblems(document), []);
    });
});
