// The identity family's policy-document reader: every shape a document arrives in reads the same,
// condition operators and keys are normalised, "does this statement admit anyone?" is decided as
// documented, and malformed or partly unknown documents never throw nor read as a pass.

import { strict as assert } from "assert";
import fc from "fast-check";
import {
    admitsAnyone,
    conditionRestricts,
    coversAction,
    coversEveryResource,
    readPolicyDocument,
    Statement,
    wildcardMatches,
} from "../../policy-pack/readers/identity/policy-document";
import { Reading, UNKNOWN } from "../../policy-pack/readers/known";
import { malformedValue } from "./arbitraries";
import { UNKNOWN_STRING, unknownCheckingProxy } from "./harness";

function statements(document: unknown, reading = new Reading()): Statement[] {
    const read = readPolicyDocument(document, reading);
    if (read.kind !== "document") {
        throw new Error(`not a document: ${JSON.stringify(read)}`);
    }
    return read.statements.filter((s): s is Statement => s !== UNKNOWN);
}

function only(document: unknown): Statement {
    const all = statements(document);
    assert.equal(all.length, 1);
    return all[0];
}

const OPEN_TRUST = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }],
};

describe("identity: policy-document reader", () => {
    it("reads JSON text, objects, getPolicyDocument results and a single Statement object alike", () => {
        const text = JSON.stringify(OPEN_TRUST);
        const single = { Statement: OPEN_TRUST.Statement[0] };
        for (const form of [text, OPEN_TRUST, { json: text, id: "123" }, single, JSON.stringify(single)]) {
            const statement = only(form);
            assert.equal(statement.effect, "allow");
            assert.deepEqual(statement.principals, [{ kind: "AWS", values: ["*"] }]);
            assert.deepEqual(statement.actions, ["sts:AssumeRole"]);
        }
    });

    it("reads element names case-insensitively and principals as a string, list or map", () => {
        const statement = only({
            statement: [
                {
                    effect: "ALLOW",
                    principal: { aws: ["arn:aws:iam::111122223333:root"], service: "ecs-tasks.amazonaws.com", federated: "x" },
                    action: ["sts:AssumeRole", "sts:TagSession"],
                },
            ],
        });
        assert.equal(statement.effect, "allow");
        assert.deepEqual(statement.principals, [
            { kind: "AWS", values: ["arn:aws:iam::111122223333:root"] },
            { kind: "Service", values: ["ecs-tasks.amazonaws.com"] },
            { kind: "Federated", values: ["x"] },
        ]);
        assert.equal(only({ Statement: { Effect: "Allow", Principal: "*" } }).principals, "*");
        assert.deepEqual(only({ Statement: { Effect: "Allow", NotPrincipal: { CanonicalUser: "abc" } } }).notPrincipal, [
            { kind: "CanonicalUser", values: ["abc"] },
        ]);
    });

    it("normalises condition operators (IfExists, ForAllValues:, ForAnyValue:) and lowercases keys", () => {
        const statement = only({
            Statement: {
                Effect: "Allow",
                Condition: {
                    "ForAnyValue:StringLikeIfExists": { "Token.Actions.GithubUserContent.com:Sub": ["repo:a/b:*"] },
                    "forallvalues:StringEquals": { "aws:TagKeys": "x" },
                    Bool: { "aws:MultiFactorAuthPresent": true },
                },
            },
        });
        assert.deepEqual(statement.conditions, [
            {
                raw: "ForAnyValue:StringLikeIfExists",
                operator: "stringlike",
                ifExists: true,
                forAllValues: false,
                forAnyValue: true,
                key: "token.actions.githubusercontent.com:sub",
                values: ["repo:a/b:*"],
            },
            {
                raw: "forallvalues:StringEquals",
                operator: "stringequals",
                ifExists: false,
                forAllValues: true,
                forAnyValue: false,
                key: "aws:tagkeys",
                values: ["x"],
            },
            {
                raw: "Bool",
                operator: "bool",
                ifExists: false,
                forAllValues: false,
                forAnyValue: false,
                key: "aws:multifactorauthpresent",
                values: ["true"],
            },
        ]);
    });

    it("reads text that is not JSON and values that are no object as malformed, unknowns as unknown", () => {
        assert.equal(readPolicyDocument("{", new Reading()).kind, "malformed");
        assert.equal(readPolicyDocument(42, new Reading()).kind, "malformed");
        for (const text of ["42", "[]", '"text"', "null"]) {
            assert.equal(readPolicyDocument(text, new Reading()).kind, "malformed", text);
        }
        assert.equal(readPolicyDocument(UNKNOWN, new Reading()).kind, "unknown");
        const reading = new Reading();
        assert.equal(readPolicyDocument(reading.get(unknownCheckingProxy({ d: UNKNOWN_STRING }), "d"), reading).kind, "unknown");
        assert.equal(readPolicyDocument(unknownCheckingProxy({ Statement: UNKNOWN_STRING }), new Reading()).kind, "unknown");
        assert.deepEqual(readPolicyDocument({ Version: "2012-10-17" }, new Reading()), { kind: "document", statements: [] });
    });

    it("matches actions with IAM wildcards, and NotAction as everything it does not name", () => {
        assert.ok(wildcardMatches("sts:AssumeRole*", "sts:AssumeRoleWithWebIdentity"));
        assert.ok(wildcardMatches("STS:assume?ole", "sts:AssumeRole"));
        assert.ok(!wildcardMatches("sts:AssumeRole", "sts:AssumeRoleWithSAML"));
        assert.ok(wildcardMatches("*", ""));
        assert.equal(coversAction(only({ Statement: { Action: "sts:*" } }), "sts:AssumeRole"), true);
        assert.equal(coversAction(only({ Statement: { NotAction: "s3:*" } }), "sts:AssumeRole"), true);
        assert.equal(coversAction(only({ Statement: { NotAction: "sts:*" } }), "sts:AssumeRole"), false);
        assert.equal(coversAction(only({ Statement: { Action: "s3:GetObject" } }), "sts:AssumeRole"), false);
        assert.equal(coversEveryResource(only({ Statement: { Resource: ["arn:aws:s3:::b", "*"] } })), true);
        assert.equal(coversEveryResource(only({ Statement: { NotResource: "arn:aws:s3:::b" } })), true);
        assert.equal(coversEveryResource(only({ Statement: { Resource: "arn:aws:s3:::b/*" } })), false);
    });

    describe("admitsAnyone", () => {
        const open = (extra: object) => only({ Statement: { Effect: "Allow", Principal: "*", Action: "s3:GetObject", ...extra } });

        it("admits anyone for *, {AWS: *} and NotPrincipal without a condition", () => {
            assert.equal(admitsAnyone(open({})), true);
            assert.equal(admitsAnyone(open({ Principal: { AWS: ["arn:aws:iam::1:root", "*"] } })), true);
            assert.equal(admitsAnyone(only({ Statement: { Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::1:root" } } })), true);
        });

        it("does not for a named principal, a Deny, or a service principal", () => {
            assert.equal(admitsAnyone(open({ Principal: { AWS: "arn:aws:iam::111122223333:root" } })), false);
            assert.equal(admitsAnyone(open({ Effect: "Deny" })), false);
            assert.equal(admitsAnyone(open({ Principal: { Service: "*" } })), false);
        });

        for (const key of ["aws:PrincipalOrgID", "AWS:SourceAccount", "aws:sourcevpce", "aws:PrincipalAccount", "aws:SourceOrgID"]) {
            it(`a StringEquals on ${key} with a concrete value restricts it`, () => {
                assert.equal(admitsAnyone(open({ Condition: { StringEquals: { [key]: "o-abc123" } } })), false);
            });
        }

        it("ArnLike aws:SourceArn restricts; a wildcard value, IfExists, set operators and other keys do not", () => {
            assert.equal(admitsAnyone(open({ Condition: { ArnLike: { "aws:SourceArn": "arn:aws:sns:eu-west-1:1:t" } } })), false);
            assert.equal(admitsAnyone(open({ Condition: { StringLike: { "aws:PrincipalOrgID": "*" } } })), true);
            assert.equal(admitsAnyone(open({ Condition: { StringEquals: { "aws:PrincipalOrgID": ["o-1", "*"] } } })), true);
            assert.equal(admitsAnyone(open({ Condition: { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-1" } } })), true);
            assert.equal(admitsAnyone(open({ Condition: { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-1" } } })), true);
            assert.equal(admitsAnyone(open({ Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-1" } } })), true);
            assert.equal(admitsAnyone(open({ Condition: { StringEquals: { "aws:PrincipalTag/team": "a" } } })), true);
            assert.equal(admitsAnyone(open({ Condition: { StringEquals: { "aws:PrincipalOrgID": [] } } })), true);
        });

        it("is UNKNOWN, never false, when an unknown leaf decides", () => {
            const proxied = (document: object) => statements(unknownCheckingProxy(document))[0];
            const base = { Effect: "Allow", Principal: "*", Action: "s3:GetObject" };
            assert.equal(admitsAnyone(proxied({ Statement: { ...base, Effect: UNKNOWN_STRING } })), UNKNOWN);
            assert.equal(admitsAnyone(proxied({ Statement: { ...base, Principal: UNKNOWN_STRING } })), UNKNOWN);
            assert.equal(admitsAnyone(proxied({ Statement: { ...base, Principal: { AWS: [UNKNOWN_STRING] } } })), UNKNOWN);
            assert.equal(
                admitsAnyone(proxied({ Statement: { ...base, Condition: { StringEquals: { "aws:PrincipalOrgID": UNKNOWN_STRING } } } })),
                UNKNOWN,
            );
            assert.equal(admitsAnyone(proxied({ Statement: { ...base, Condition: { StringEquals: UNKNOWN_STRING } } })), UNKNOWN);
            assert.deepEqual(readPolicyDocument(unknownCheckingProxy({ Statement: [UNKNOWN_STRING] }), new Reading()), {
                kind: "document",
                statements: [UNKNOWN],
            });
            assert.equal(admitsAnyone(UNKNOWN), UNKNOWN);
        });

        it("conditionRestricts needs every value concrete", () => {
            const [condition] =
                (open({ Condition: { StringEquals: { "aws:SourceAccount": ["111122223333", ""] } } }).conditions as never[]) ?? [];
            assert.equal(conditionRestricts(condition), false);
        });
    });

    describe("properties", () => {
        const KEYS = [
            "Statement",
            "Effect",
            "Principal",
            "NotPrincipal",
            "AWS",
            "Federated",
            "Service",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Condition",
            "StringEquals",
            "StringLikeIfExists",
            "ForAnyValue:StringLike",
            "aws:PrincipalOrgID",
            "aws:SourceArn",
            "json",
        ];
        const SEEDS = [null, undefined, "", "*", "Allow", "Deny", "sts:AssumeRole", "o-1", "{", '{"Statement":null}', "[]", 0, true];
        const odd = malformedValue(SEEDS, KEYS);

        it("malformed documents never throw, as values or as JSON text", () => {
            fc.assert(
                fc.property(odd, fc.boolean(), (document, asText) => {
                    const value = asText ? JSON.stringify(document) : document;
                    const read = readPolicyDocument(value, new Reading());
                    if (read.kind === "document") {
                        for (const statement of read.statements) {
                            admitsAnyone(statement);
                            if (statement !== UNKNOWN) {
                                coversAction(statement, "sts:AssumeRole");
                                coversEveryResource(statement);
                            }
                        }
                    }
                }),
                { numRuns: 1000 },
            );
        });

        // Replaces the leaf at `path` of a JSON-ish value with the SDK's unknown sentinel.
        function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
            if (value !== null && typeof value === "object") {
                return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, Array.isArray(value) ? Number(k) : k]));
            }
            return [path];
        }
        function withUnknownAt(value: unknown, path: (string | number)[]): unknown {
            if (path.length === 0) {
                return UNKNOWN_STRING;
            }
            const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
            copy[path[0]] = withUnknownAt(copy[path[0]], path.slice(1));
            return copy;
        }

        it("an open statement with any one leaf unknown reads as open or UNKNOWN, never as closed", () => {
            const openStatement = fc.record({
                Effect: fc.constantFrom("Allow", "allow"),
                Principal: fc.constantFrom<unknown>("*", { AWS: "*" }, { AWS: ["arn:aws:iam::1:root", "*"] }),
                Action: fc.constantFrom<unknown>("s3:GetObject", ["sts:AssumeRole", "sts:TagSession"]),
                Condition: fc.constantFrom<unknown>(
                    {},
                    { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-1" } },
                    { StringEquals: { "aws:PrincipalOrgID": "*", "aws:PrincipalTag/x": "y" } },
                ),
            });
            fc.assert(
                fc.property(openStatement, fc.nat(), (statement, pick) => {
                    const document = { Statement: [statement] };
                    assert.equal(admitsAnyone(statements(document)[0]), true);
                    const all = leaves(document);
                    const changed = unknownCheckingProxy(withUnknownAt(document, all[pick % all.length]) as object);
                    const read = readPolicyDocument(changed, new Reading());
                    const verdict = read.kind === "document" ? admitsAnyone(read.statements[0]) : UNKNOWN;
                    assert.notEqual(verdict, false);
                }),
                { numRuns: 500 },
            );
        });
    });
});
