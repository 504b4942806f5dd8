import * as assert from "assert";
import * as fc from "fast-check";
import { authorize, evaluate, type AuthorizationInput } from "../../../iam/evaluator/policy-evaluator";
import type { PolicyDocument, PolicyStatement } from "../../../iam/policy-document";

const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({ Version: "2012-10-17", Statement });
const allowAll = doc({ Effect: "Allow", Action: "*", Resource: "*" });
const role = { arn: "arn:aws:iam::111111111111:role/app" };
const bucket = "arn:aws:s3:::data/x";
const key = "arn:aws:kms:eu-west-1:111111111111:key/k";
const request = (action: string, resource = bucket, principal: { arn: string } | { service: string } = role) => ({
    principal,
    action,
    resource,
});
const decision = (action: string, input: AuthorizationInput, resource = bucket, principal: { arn: string } | { service: string } = role) =>
    authorize(request(action, resource, principal), input, { strict: true }).decision;

describe("IAM evaluator: a whole request (identity, boundary, resource policy, SCPs)", () => {
    it("needs every SCP level to allow, and lets a deny at any level win", () => {
        const identityPolicies = [allowAll];
        assert.strictEqual(decision("s3:GetObject", { identityPolicies, serviceControlPolicies: [[allowAll], [allowAll]] }), "Allow");
        assert.strictEqual(
            decision("s3:GetObject", { identityPolicies, serviceControlPolicies: [[allowAll], []] }),
            "ImplicitDeny",
            "an OU without FullAWSAccess",
        );
        const denyS3 = doc({ Effect: "Deny", Action: "s3:*", Resource: "*" });
        assert.strictEqual(
            decision("s3:GetObject", { identityPolicies, serviceControlPolicies: [[allowAll], [allowAll, denyS3]] }),
            "ExplicitDeny",
        );
        assert.strictEqual(
            decision("s3:GetObject", { identityPolicies, serviceControlPolicies: [] }),
            "Allow",
            "the management account: no SCP applies",
        );
    });

    it("does not apply SCPs to service principals, and lets them in only through a resource policy", () => {
        const deny = [[doc({ Effect: "Deny", Action: "*", Resource: "*" })]];
        const service = { service: "cloudtrail.amazonaws.com" };
        const bucketPolicy = doc({
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: "arn:aws:s3:::data/*",
        });
        assert.strictEqual(
            decision("s3:PutObject", { serviceControlPolicies: deny, resourcePolicy: bucketPolicy }, bucket, service),
            "Allow",
        );
        assert.strictEqual(decision("s3:PutObject", { serviceControlPolicies: deny }, bucket, service), "ImplicitDeny");
    });

    it("does not apply SCPs to service-linked roles", () => {
        const linked = { arn: "arn:aws:iam::111111111111:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling" };
        const denyAll = [[doc({ Effect: "Deny", Action: "*", Resource: "*" })]];
        assert.strictEqual(
            decision("kms:CreateGrant", { identityPolicies: [allowAll], serviceControlPolicies: denyAll }, "*", linked),
            "Allow",
        );
        assert.strictEqual(
            decision("kms:CreateGrant", { identityPolicies: [allowAll], serviceControlPolicies: denyAll }, "*"),
            "ExplicitDeny",
        );
    });

    it("gives the root user every identity permission but keeps it under SCPs and resource policies", () => {
        const root = { arn: "arn:aws:iam::111111111111:root" };
        assert.strictEqual(decision("ec2:RunInstances", {}, "*", root), "Allow");
        const denyRoot = doc({
            Effect: "Deny",
            Action: "*",
            Resource: "*",
            Condition: { StringLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } },
        });
        assert.strictEqual(decision("ec2:RunInstances", { serviceControlPolicies: [[allowAll, denyRoot]] }, "*", root), "ExplicitDeny");
    });

    it("within an account, allows through the identity policy or a resource policy naming the principal; across accounts needs both", () => {
        const bucketPolicy = doc({
            Effect: "Allow",
            Principal: { AWS: role.arn },
            Action: "s3:GetObject",
            Resource: "arn:aws:s3:::data/*",
        });
        assert.strictEqual(decision("s3:GetObject", { resourcePolicy: bucketPolicy, resourceAccount: "111111111111" }), "Allow");
        assert.strictEqual(decision("s3:GetObject", { identityPolicies: [allowAll], resourceAccount: "111111111111" }), "Allow");
        assert.strictEqual(decision("s3:GetObject", { resourcePolicy: bucketPolicy, resourceAccount: "222222222222" }), "ImplicitDeny");
        assert.strictEqual(decision("s3:GetObject", { identityPolicies: [allowAll], resourceAccount: "222222222222" }), "ImplicitDeny");
        assert.strictEqual(
            decision("s3:GetObject", { identityPolicies: [allowAll], resourcePolicy: bucketPolicy, resourceAccount: "222222222222" }),
            "Allow",
        );
    });

    it("needs the key policy for KMS: naming the principal, or delegating to its account and then the identity policy", () => {
        const delegating = doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" });
        const naming = doc({ Effect: "Allow", Principal: { AWS: role.arn }, Action: "kms:Decrypt", Resource: "*" });
        assert.strictEqual(
            decision("kms:ScheduleKeyDeletion", { identityPolicies: [allowAll], keyPolicy: true }, key),
            "ImplicitDeny",
            "no key policy at all",
        );
        assert.strictEqual(
            decision("kms:ScheduleKeyDeletion", { identityPolicies: [allowAll], resourcePolicy: naming, keyPolicy: true }, key),
            "ImplicitDeny",
        );
        assert.strictEqual(decision("kms:Decrypt", { resourcePolicy: naming, keyPolicy: true }, key), "Allow");
        assert.strictEqual(
            decision("kms:ScheduleKeyDeletion", { resourcePolicy: delegating, keyPolicy: true }, key),
            "ImplicitDeny",
            "delegation alone grants nothing",
        );
        assert.strictEqual(
            decision("kms:ScheduleKeyDeletion", { identityPolicies: [allowAll], resourcePolicy: delegating, keyPolicy: true }, key),
            "Allow",
        );
    });

    it("needs the permissions boundary to allow too", () => {
        const boundary = doc({ Effect: "Allow", Action: "s3:Get*", Resource: "*" });
        assert.strictEqual(decision("s3:GetObject", { identityPolicies: [allowAll], boundary }), "Allow");
        assert.strictEqual(decision("s3:PutObject", { identityPolicies: [allowAll], boundary }), "ImplicitDeny");
    });

    it("answers Undecided, with the reason, where a policy it cannot read could change the outcome", () => {
        const unreadable = doc({
            Sid: "Odd",
            Effect: "Deny",
            Action: "*",
            Resource: "*",
            Condition: { BinaryEquals: { "aws:x": "AA==" } },
        });
        const result = authorize(request("s3:GetObject"), {
            identityPolicies: [allowAll],
            serviceControlPolicies: [[allowAll, unreadable]],
        });
        assert.deepStrictEqual(result, {
            decision: "Undecided",
            reason: "condition operator BinaryEquals (statement Odd): not supported by this evaluator",
        });
        assert.throws(
            () =>
                authorize(
                    request("s3:GetObject"),
                    { identityPolicies: [allowAll], serviceControlPolicies: [[allowAll, unreadable]] },
                    { strict: true },
                ),
            /BinaryEquals/,
        );
    });

    describe("properties", () => {
        const actions = fc.constantFrom("s3:GetObject", "s3:DeleteObject", "kms:Decrypt", "ec2:RunInstances", "iam:CreateUser");
        const patterns = fc.constantFrom("*", "s3:*", "s3:Get*", "kms:*", "ec2:RunInstances", "iam:*", "?3:*");
        const statementOf = (effect: "Allow" | "Deny") =>
            fc.record({
                Effect: fc.constant(effect),
                Action: fc.array(patterns, { minLength: 1, maxLength: 3 }),
                Resource: fc.constantFrom("*", "arn:aws:s3:::data/*", bucket),
            });
        const policy = fc
            .array(fc.oneof(statementOf("Allow"), statementOf("Deny")), { maxLength: 4 })
            .map((Statement): PolicyDocument => ({ Version: "2012-10-17", Statement }));

        it("an applying Deny always wins, wherever it is added", () => {
            fc.assert(
                fc.property(policy, policy, actions, fc.nat(3), (identity, scp, action, where) => {
                    const deny = doc({ Effect: "Deny", Action: action, Resource: "*" });
                    const input: AuthorizationInput = {
                        identityPolicies: where === 0 ? [identity, deny] : [identity],
                        serviceControlPolicies: [where === 1 ? [scp, deny] : [scp]],
                        resourcePolicy:
                            where === 2
                                ? { Version: "2012-10-17", Statement: deny.Statement.map((s) => ({ ...s, Principal: "*" as const })) }
                                : undefined,
                        boundary: where === 3 ? deny : undefined,
                    };
                    return decision(action, input) === "ExplicitDeny";
                }),
            );
        });

        it("adding a Deny statement never turns a denied request into an allowed one", () => {
            fc.assert(
                fc.property(policy, statementOf("Deny"), actions, (identity, extra, action) => {
                    const before = evaluate([identity], request(action));
                    const after = evaluate([identity, { Version: "2012-10-17", Statement: [extra] }], request(action));
                    return before === "Allow" || after !== "Allow";
                }),
            );
        });

        it("adding an SCP level never allows more", () => {
            fc.assert(
                fc.property(policy, policy, actions, (identity, scp, action) => {
                    const without = decision(action, { identityPolicies: [identity] });
                    const withScp = decision(action, { identityPolicies: [identity], serviceControlPolicies: [[scp]] });
                    return without === "Allow" || withScp !== "Allow";
                }),
            );
        });
    });
});
