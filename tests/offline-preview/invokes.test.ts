import { strict as assert } from "node:assert";
import { answerInvoke } from "../../offline-preview/invokes";

const where = { region: "eu-west-1", accountId: "111111111111" };

describe("invokes answered offline", () => {
    it("computes an IAM policy document from its statements", () => {
        const result = answerInvoke(
            "aws:iam/getPolicyDocument:getPolicyDocument",
            {
                statements: [
                    {
                        sid: "OrgOnly",
                        effect: "Allow",
                        actions: ["s3:GetObject"],
                        resources: ["arn:aws:s3:::logs/*"],
                        principals: [{ type: "AWS", identifiers: ["*"] }],
                        conditions: [{ test: "StringEquals", variable: "aws:PrincipalOrgID", values: ["o-a1b2c3d4e5"] }],
                    },
                ],
            },
            undefined,
        );
        assert.deepEqual(JSON.parse(String(result["json"])), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "OrgOnly",
                    Effect: "Allow",
                    Action: "s3:GetObject",
                    Resource: "arn:aws:s3:::logs/*",
                    Principal: { AWS: "*" },
                    Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
                },
            ],
        });
        assert.equal(result["minifiedJson"], JSON.stringify(JSON.parse(String(result["json"]))));
    });

    it("answers region and caller identity from the provider's config, not from AWS", () => {
        assert.equal(answerInvoke("aws:index/getRegion:getRegion", {}, where)["name"], "eu-west-1");
        assert.equal(answerInvoke("aws:index/getCallerIdentity:getCallerIdentity", {}, where)["accountId"], "111111111111");
        assert.throws(() => answerInvoke("aws:index/getCallerIdentity:getCallerIdentity", {}, undefined), /no explicit provider/);
    });

    it("fails loudly, naming the invoke, for anything that needs a live account", () => {
        assert.throws(
            () => answerInvoke("aws:ec2/getAmi:getAmi", { mostRecent: true }, where),
            (e: Error) =>
                e.name === "UnansweredInvokeError" && e.message.includes("aws:ec2/getAmi:getAmi") && e.message.includes("stack config"),
        );
    });
});
