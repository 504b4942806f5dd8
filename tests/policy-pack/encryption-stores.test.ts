// encryption-at-rest-customer-managed-key: every covered store type of both providers, failing and
// passing; key-reference boundaries; per-store config.

import { strict as assert } from "assert";
import { STORE_TYPES } from "../../policy-pack/policies/encryption/customer-managed-key";
import { classifyKeyReference } from "../../policy-pack/readers/encryption";
import { assertEvaluated, check, resourcePolicy } from "./harness";
import { AWS_ALIAS, AWS_ALIAS_ARN, CMK_ALIAS, CMK_ALIAS_ARN, CMK_ARN, CMK_ID, MRK_ID, STORE_CASES } from "./encryption-fixtures";

const policy = resourcePolicy("encryption-at-rest-customer-managed-key");

describe("encryption-at-rest-customer-managed-key", () => {
    it("covers exactly the store types that have test cases, both providers", () => {
        assert.deepEqual([...STORE_TYPES].sort(), Object.keys(STORE_CASES).sort());
        assert.ok([...STORE_TYPES].some((t) => t.startsWith("aws-native:")));
        assert.ok([...STORE_TYPES].filter((t) => t.startsWith("aws-native:")).length >= 21);
    });

    for (const [type, cases] of Object.entries(STORE_CASES)) {
        describe(type, () => {
            cases.pass.forEach((props, i) => {
                it(`passes case ${i + 1}`, () => assert.deepEqual(check(policy, type, props), []));
            });
            cases.fail.forEach(({ props, why }, i) => {
                it(`fails case ${i + 1} (${why.source})`, () => {
                    const messages = check(policy, type, props);
                    assert.ok(messages.length >= 1, `expected a violation for ${JSON.stringify(props)}`);
                    assert.ok(
                        messages.some((m) => why.test(m)),
                        messages.join("\n"),
                    );
                    assertEvaluated(messages);
                });
            });
        });
    }

    it("leaves unrelated types and other clouds untouched", () => {
        assert.deepEqual(check(policy, "aws:ec2/vpc:Vpc", { cidrBlock: "10.0.0.0/16" }), []);
        assert.deepEqual(check(policy, "gcp:storage/bucket:Bucket", { encryption: null }), []);
        assert.deepEqual(check(policy, "aws:kms/key:Key", {}), []);
    });

    describe("key references", () => {
        const cases: [unknown, string][] = [
            [CMK_ARN, "customer-managed"],
            [CMK_ID, "customer-managed"],
            [CMK_ALIAS, "customer-managed"],
            [CMK_ALIAS_ARN, "customer-managed"],
            [MRK_ID, "customer-managed"],
            [` ${CMK_ARN} `, "customer-managed"],
            ["arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "customer-managed"],
            ["arn:aws-cn:kms:cn-north-1:111122223333:alias/app", "customer-managed"],
            ["alias/awsome-app", "customer-managed"],
            ["alias/aws-app", "customer-managed"],
            [AWS_ALIAS("s3"), "aws-managed"],
            [AWS_ALIAS_ARN("rds"), "aws-managed"],
            ["ALIAS/AWS/s3", "aws-managed"],
            ["arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/ebs", "aws-managed"],
            ["", "none"],
            [undefined, "none"],
            [null, "none"],
            ["my-key", "unrecognised"],
            ["arn:aws:s3:::bucket", "unrecognised"],
            ["key/1234abcd-12ab-34cd-56ef-1234567890ab", "unrecognised"],
            [42, "unrecognised"],
            [{ arn: CMK_ARN }, "unrecognised"],
            [[CMK_ARN], "unrecognised"],
        ];
        for (const [value, kind] of cases) {
            it(`${JSON.stringify(value)} is ${kind}`, () => assert.equal(classifyKeyReference(value).kind, kind));
        }

        it("an AWS-managed alias fails and the same store with a key of one's own passes (boundary)", () => {
            const topic = "aws:sns/topic:Topic";
            assert.equal(check(policy, topic, { kmsMasterKeyId: "alias/aws/sns" }).length, 1);
            assert.equal(check(policy, topic, { kmsMasterKeyId: "alias/aws-sns" }).length, 0);
            assert.equal(check(policy, topic, { kmsMasterKeyId: "alias/awssns" }).length, 0);
            assert.equal(check(policy, topic, { kmsMasterKeyId: 12 }).length, 1);
        });
    });

    describe("config", () => {
        const queue = "aws:sqs/queue:Queue";
        const nativeQueue = "aws-native:sqs:Queue";
        const rds = "aws:rds/instance:Instance";

        it("allowAwsManagedKeys lets AWS-managed keys pass everywhere, but not AWS-owned keys or no encryption", () => {
            const config = { allowAwsManagedKeys: true };
            assert.deepEqual(check(policy, rds, { storageEncrypted: true }, config), []);
            assert.deepEqual(check(policy, queue, { kmsMasterKeyId: AWS_ALIAS("sqs") }, config), []);
            assert.equal(check(policy, queue, {}, config).length, 1);
            assert.equal(check(policy, rds, {}, config).length, 1);
            assert.equal(check(policy, queue, { sqsManagedSseEnabled: false }, config).length, 1);
        });

        it("allowAwsOwnedKeys lets AWS-owned keys pass, but not AWS-managed ones", () => {
            const config = { allowAwsOwnedKeys: true };
            assert.deepEqual(check(policy, queue, {}, config), []);
            assert.equal(check(policy, queue, { kmsMasterKeyId: AWS_ALIAS("sqs") }, config).length, 1);
            assert.equal(check(policy, queue, { sqsManagedSseEnabled: false }, config).length, 1);
        });

        it("per-store lists relax one store by name (both providers) or by type token", () => {
            assert.deepEqual(check(policy, queue, {}, { allowAwsOwnedKeysFor: ["sqs"] }), []);
            assert.deepEqual(check(policy, nativeQueue, {}, { allowAwsOwnedKeysFor: ["sqs"] }), []);
            assert.deepEqual(check(policy, nativeQueue, {}, { allowAwsOwnedKeysFor: [nativeQueue] }), []);
            assert.equal(check(policy, queue, {}, { allowAwsOwnedKeysFor: [nativeQueue] }).length, 1);
            assert.equal(check(policy, rds, { storageEncrypted: true }, { allowAwsManagedKeysFor: ["sqs"] }).length, 1);
            assert.deepEqual(check(policy, rds, { storageEncrypted: true }, { allowAwsManagedKeysFor: ["rds"] }), []);
            assert.equal(check(policy, queue, {}, { allowAwsManagedKeysFor: ["sqs"] }).length, 1, "managed does not imply owned");
        });

        it("DAX, which takes no customer-managed key, passes only where AWS-owned keys are allowed, and only when encrypted", () => {
            const dax = "aws:dax/cluster:Cluster";
            const encrypted = { serverSideEncryption: { enabled: true } };
            assert.deepEqual(check(policy, dax, encrypted, { allowAwsOwnedKeysFor: ["dax"] }), []);
            assert.deepEqual(check(policy, dax, encrypted, { allowAwsOwnedKeys: true }), []);
            assert.equal(check(policy, dax, encrypted, { allowAwsManagedKeysFor: ["dax"] }).length, 1);
            assert.equal(check(policy, dax, {}, { allowAwsOwnedKeysFor: ["dax"] }).length, 1);
        });

        it("names the new stores to relax: Lambda environment variables and SSM SecureStrings on their AWS-managed keys", () => {
            const fn = { environment: { variables: { A: "b" } } };
            assert.deepEqual(check(policy, "aws:lambda/function:Function", fn, { allowAwsManagedKeysFor: ["lambda"] }), []);
            assert.deepEqual(check(policy, "aws-native:lambda:Function", fn, { allowAwsManagedKeysFor: ["lambda"] }), []);
            assert.deepEqual(
                check(policy, "aws:ssm/parameter:Parameter", { type: "SecureString" }, { allowAwsManagedKeysFor: ["ssm"] }),
                [],
            );
            assert.equal(
                check(policy, "aws:ssm/parameter:Parameter", { type: "SecureString" }, { allowAwsOwnedKeysFor: ["ssm"] }).length,
                1,
            );
        });

        it("odd config values fall back to the strict defaults", () => {
            for (const config of [
                { allowAwsManagedKeys: "true" },
                { allowAwsManagedKeysFor: "rds" },
                { allowAwsManagedKeysFor: [1, null] },
                [],
                null,
            ]) {
                assert.equal(check(policy, rds, { storageEncrypted: true }, config as object).length, 1, JSON.stringify(config));
            }
        });

        it("names the store to relax in the message", () => {
            const [message] = check(policy, queue, {});
            assert.match(message, /SQS queue: messages is encrypted with an AWS-owned key.*SSE-SQS.*allowAwsOwnedKeysFor \["sqs"\]/);
        });
    });
});
