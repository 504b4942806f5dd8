// Property tests of identity-resource-policy-public: malformed documents and permissions never make
// it throw (a throw stops every preview in the organisation), an open statement is caught wherever
// it stands among closed ones however its keys are spelt, and only an Allow can open a policy.

import { strict as assert } from "assert";
import fc from "fast-check";
import { LAMBDA_PERMISSION_TYPES, RESOURCE_POLICY_LOCATIONS } from "../../policy-pack/readers/identity/resource-policies";
import { malformedProps, malformedValue } from "./arbitraries";
import { assertEvaluated, check, checkUnderPreview, resourcePolicy, UNKNOWN_OBJECT, UNKNOWN_STRING } from "./harness";

const policy = resourcePolicy("identity-resource-policy-public");
const LOCATIONS = [...RESOURCE_POLICY_LOCATIONS].map(([type, where]) => [type, where.property] as const);

const KEYS = [
    "Version",
    "Statement",
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "AWS",
    "Service",
    "Action",
    "Resource",
    "Condition",
    "StringEquals",
    "StringLikeIfExists",
    "ForAllValues:StringEquals",
    "ArnLike",
    "aws:PrincipalOrgID",
    "aws:SourceArn",
    "json",
];
const SEEDS: readonly unknown[] = [
    null,
    undefined,
    "",
    "*",
    "Allow",
    "allow",
    "Deny",
    "o-a1b2c3d4e5",
    "111111111111",
    "{",
    "[]",
    '{"Statement":null}',
    '{"Statement":{"Effect":"Allow","Principal":"*"}}',
    UNKNOWN_STRING,
    UNKNOWN_OBJECT,
];
const oddValue = malformedValue(SEEDS, KEYS);
/** Statements made of the document's own element names holding odd values. */
const oddStatement = fc.dictionary(fc.constantFrom(...KEYS), oddValue, { maxKeys: 6 });
/** Odd values, and documents whose statements are odd (random values seldom nest that deep). */
const oddDocument = fc.oneof(
    oddValue,
    fc.record({ Statement: fc.oneof(oddStatement, fc.array(oddStatement, { maxLength: 4 })) }),
    fc.record({ json: oddValue.map((value) => JSON.stringify(value) ?? "") }),
);

const run = (type: string, props: unknown) => checkUnderPreview(policy, type, props);

const closed = fc.constantFrom<Record<string, unknown>>(
    { Effect: "Deny", Principal: "*", Action: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
    { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*" },
    { Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:PutObject" },
    { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } },
    {
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: "sqs:SendMessage",
        Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:sns:eu-west-1:111111111111:t" } },
    },
);

const open = fc.constantFrom<Record<string, unknown>>(
    { Effect: "Allow", Principal: "*", Action: "*" },
    { Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:GetObject" },
    { Effect: "Allow", Principal: { AWS: ["111111111111", "*"] }, Action: "sns:Publish" },
    { Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:Decrypt" },
    { Effect: "Allow", Principal: "*", Action: "*", Condition: { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } },
    { Effect: "Allow", Principal: "*", Action: "*", Condition: { StringLike: { "aws:SourceAccount": "*" } } },
);

/** The statement with its element names in another case (IAM reads them case-insensitively). */
function respelled(statement: Record<string, unknown>, upper: boolean): Record<string, unknown> {
    return Object.fromEntries(Object.entries(statement).map(([k, v]) => [upper ? k.toUpperCase() : k.toLowerCase(), v]));
}

describe("identity-resource-policy-public: properties", () => {
    it("malformed documents in every location, and malformed property bags of every type, never throw (only the preview advisory may escape)", () => {
        const documents = fc
            .tuple(fc.constantFrom(...LOCATIONS), oddDocument, fc.boolean())
            .map(
                ([[type, property], document, asText]) =>
                    [type, { [property]: asText ? (JSON.stringify(document) ?? "") : document }] as const,
            );
        const bags = fc.tuple(
            fc.constantFrom(...LAMBDA_PERMISSION_TYPES, ...RESOURCE_POLICY_LOCATIONS.keys()),
            malformedProps(SEEDS, ["principal", "sourceArn", "sourceAccount", "principalOrgId", "statementId", "policy", "keyPolicy"]),
        );
        fc.assert(
            fc.property(fc.oneof(documents, bags), ([type, props]) => {
                const found = run(type, props);
                if (found !== "advisory") {
                    assertEvaluated(found);
                }
            }),
            { numRuns: 1500 },
        );
    });

    it("an open statement is caught at any position among closed ones, spelt in any case; the closed ones alone pass", () => {
        fc.assert(
            fc.property(
                fc.constantFrom(...LOCATIONS),
                fc.array(closed, { maxLength: 4 }),
                open,
                fc.nat(),
                fc.constantFrom(undefined, true, false),
                ([type, property], others, bad, at, upper) => {
                    const encode = (statements: Record<string, unknown>[]) => {
                        const document = { Version: "2012-10-17", Statement: statements };
                        return { [property]: type.startsWith("aws-native:") ? document : JSON.stringify(document) };
                    };
                    assert.deepEqual(check(policy, type, encode(others)), []);
                    const statements = [...others];
                    const index = at % (others.length + 1);
                    statements.splice(index, 0, upper === undefined ? bad : respelled(bad, upper));
                    const messages = check(policy, type, encode(statements));
                    assert.equal(messages.length, 1);
                    assert.match(messages[0], new RegExp(`Statement\\[${index}\\]`));
                },
            ),
            { numRuns: 500 },
        );
    });

    it("only an Allow opens a policy: a document that says allow nowhere is never reported as open", () => {
        fc.assert(
            fc.property(fc.constantFrom(...LOCATIONS), oddDocument, ([type, property], document) => {
                const found = run(type, { [property]: document });
                if (found === "advisory") {
                    return;
                }
                const open = found.filter((m) => m.includes("lets anyone in"));
                if (open.length > 0) {
                    assert.match(JSON.stringify(document), /allow/i);
                }
            }),
            { numRuns: 1000 },
        );
    });
});
