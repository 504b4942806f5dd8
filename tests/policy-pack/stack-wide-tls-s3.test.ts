// tls-s3-bucket-policy-denies-insecure-transport: bucket policies that deny plain HTTP.

import { strict as assert } from "assert";
import {
    checkStack,
    dependsOnVia,
    isUnknownValueError,
    PolicyResource,
    resource,
    stackPolicy,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const policy = stackPolicy("tls-s3-bucket-policy-denies-insecure-transport");

const BUCKET = "aws:s3/bucket:Bucket";
const NATIVE_BUCKET = "aws-native:s3:Bucket";
const POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const NATIVE_POLICY = "aws-native:s3:BucketPolicy";

const denyHttp = {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
};
const allowRead = {
    Effect: "Allow",
    Principal: { AWS: "arn:aws:iam::111111111111:root" },
    Action: "s3:GetObject",
    Resource: "arn:aws:s3:::acme-data/*",
};

function doc(...statements: unknown[]): Record<string, unknown> {
    return { Version: "2012-10-17", Statement: statements };
}

function classicPolicy(bucket: PolicyResource, policyValue: unknown): PolicyResource {
    return dependsOnVia(resource(POLICY, "policy", { bucket: "acme-data", policy: policyValue }), "bucket", bucket);
}

function nativePolicy(bucket: PolicyResource, policyDocument: unknown): PolicyResource {
    return dependsOnVia(resource(NATIVE_POLICY, "policy", { bucket: "acme-data", policyDocument }), "bucket", bucket);
}

function verdict(statement: unknown, config: object = {}): number {
    const bucket = resource(BUCKET, "data");
    return checkStack(policy, [bucket, classicPolicy(bucket, JSON.stringify(doc(allowRead, statement)))], config).length;
}

describe("tls-s3-bucket-policy-denies-insecure-transport", () => {
    it("classic: passes a JSON-text policy with the SecureTransport deny, as text or as an object", () => {
        const bucket = resource(BUCKET, "data");
        assert.deepEqual(checkStack(policy, [bucket, classicPolicy(bucket, JSON.stringify(doc(allowRead, denyHttp)))]), []);
        assert.deepEqual(checkStack(policy, [bucket, classicPolicy(bucket, doc(denyHttp))]), []);
        assert.deepEqual(checkStack(policy, [bucket, classicPolicy(bucket, { Statement: denyHttp })]), [], "Statement as a single object");
    });

    it("classic: fails a bucket without any policy, and one whose policy only allows", () => {
        const bucket = resource(BUCKET, "data");
        const none = checkStack(policy, [bucket]);
        assert.equal(none.length, 1);
        assert.equal(none[0].urn, bucket.urn);
        assert.match(none[0].message, /has no bucket policy/);
        assert.match(
            checkStack(policy, [bucket, classicPolicy(bucket, JSON.stringify(doc(allowRead)))])[0].message,
            /no statement that denies/,
        );
    });

    it("classic: the inline policy of a bucket counts", () => {
        assert.deepEqual(checkStack(policy, [resource(BUCKET, "data", { policy: JSON.stringify(doc(denyHttp)) })]), []);
        assert.equal(checkStack(policy, [resource(BUCKET, "data", { policy: JSON.stringify(doc(allowRead)) })]).length, 1);
    });

    it("aws-native: policyDocument object on a BucketPolicy linked through bucket", () => {
        const bucket = resource(NATIVE_BUCKET, "data");
        assert.deepEqual(checkStack(policy, [bucket, nativePolicy(bucket, doc(denyHttp))]), []);
        assert.equal(checkStack(policy, [bucket, nativePolicy(bucket, doc(allowRead))]).length, 1);
        assert.equal(checkStack(policy, [bucket]).length, 1);
    });

    it("a policy attached to another bucket does not count", () => {
        const a = resource(BUCKET, "a");
        const b = resource(NATIVE_BUCKET, "b");
        assert.deepEqual(
            checkStack(policy, [a, b, nativePolicy(b, doc(denyHttp))]).map((f) => f.urn),
            [a.urn],
        );
    });

    it("reads spellings IAM accepts: arrays, boolean false, case of keys and operators, Principal {AWS: *}, Action *", () => {
        assert.equal(verdict({ ...denyHttp, Action: ["s3:GetObject", "S3:*"] }), 0);
        assert.equal(verdict({ ...denyHttp, Action: "*" }), 0);
        assert.equal(verdict({ ...denyHttp, Principal: { AWS: ["*"] } }), 0);
        assert.equal(verdict({ ...denyHttp, Condition: { bool: { "AWS:SECURETRANSPORT": false } } }), 0);
        assert.equal(verdict({ ...denyHttp, Condition: { BoolIfExists: { "aws:SecureTransport": ["false"] } } }), 0);
        assert.equal(
            verdict({
                effect: "deny",
                principal: "*",
                action: "s3:*",
                resource: "arn:aws:s3:::acme-data/*",
                condition: denyHttp.Condition,
            }),
            0,
        );
        assert.equal(verdict({ ...denyHttp, Resource: "*" }), 0);
    });

    it("does not count a deny that is narrower than all of S3 for everyone on the objects", () => {
        assert.equal(verdict({ ...denyHttp, Effect: "Allow" }), 1);
        assert.equal(verdict({ ...denyHttp, Principal: { AWS: "arn:aws:iam::111111111111:root" } }), 1);
        assert.equal(verdict({ ...denyHttp, Action: ["s3:GetObject", "s3:PutObject"] }), 1);
        assert.equal(verdict({ ...denyHttp, Resource: "arn:aws:s3:::acme-data" }), 1, "bucket only, not its objects");
        assert.equal(verdict({ ...denyHttp, Condition: { Bool: { "aws:SecureTransport": "true" } } }), 1);
        assert.equal(
            verdict({
                ...denyHttp,
                Condition: { Bool: { "aws:SecureTransport": "false" }, StringEquals: { "aws:PrincipalAccount": "1" } },
            }),
            1,
        );
        assert.equal(verdict({ ...denyHttp, Condition: { Bool: { "aws:SecureTransport": "false", "aws:ViaAWSService": "false" } } }), 1);
        assert.equal(verdict({ ...denyHttp, NotPrincipal: { AWS: "arn:aws:iam::1:root" } }), 1);
        assert.equal(verdict({ ...denyHttp, Condition: undefined }), 1);
        const message = checkStack(policy, [
            resource(BUCKET, "d", { policy: JSON.stringify(doc({ ...denyHttp, Action: "s3:GetObject" })) }),
        ])[0].message;
        assert.match(message, /Action is not "s3:\*"/);
    });

    it("TLS version form: NumericLessThanIfExists counts; plain NumericLessThan only when configured", () => {
        const ifExists = { ...denyHttp, Condition: { NumericLessThanIfExists: { "s3:TlsVersion": "1.2" } } };
        const plain = { ...denyHttp, Condition: { NumericLessThan: { "s3:TlsVersion": 1.2 } } };
        assert.equal(verdict(ifExists), 0);
        assert.equal(verdict(plain), 1);
        assert.equal(verdict(plain, { acceptTlsVersionDenyAlone: true }), 0);
        assert.equal(
            verdict({ ...denyHttp, Condition: { NumericLessThanIfExists: { "s3:TlsVersion": "1.1" } } }),
            1,
            "1.1 still allows TLS 1.1",
        );
        assert.equal(verdict({ ...denyHttp, Condition: { NumericLessThanIfExists: { "s3:TlsVersion": "1.3" } } }), 0);
    });

    it("fails a policy that is not JSON", () => {
        const bucket = resource(BUCKET, "data");
        assert.match(checkStack(policy, [bucket, classicPolicy(bucket, "{not json")])[0].message, /not a JSON policy document/);
    });

    it("preview: unknown policy text is undecided; a known bad bucket is reported alongside", () => {
        const bucket = resource(BUCKET, "data");
        const unknownPolicy = dependsOnVia(
            resource(POLICY, "p", unknownCheckingProxy({ bucket: UNKNOWN_STRING, policy: UNKNOWN_STRING })),
            "bucket",
            bucket,
        );
        assert.throws(() => checkStack(policy, [bucket, unknownPolicy]), isUnknownValueError);
        const bare = resource(BUCKET, "bare");
        assert.deepEqual(
            checkStack(policy, [bucket, unknownPolicy, bare]).map((f) => f.urn),
            [bare.urn],
        );
    });

    it("preview: an aws-native document with an unknown Resource is undecided unless another part already fails", () => {
        const bucket = resource(NATIVE_BUCKET, "data");
        const unknownResource = nativePolicy(bucket, {});
        unknownResource.props = unknownCheckingProxy({
            bucket: UNKNOWN_STRING,
            policyDocument: doc({ ...denyHttp, Resource: [UNKNOWN_STRING] }),
        });
        assert.throws(() => checkStack(policy, [bucket, unknownResource]), isUnknownValueError);
        const wrongAction = nativePolicy(bucket, {});
        wrongAction.props = unknownCheckingProxy({
            bucket: UNKNOWN_STRING,
            policyDocument: doc({ ...denyHttp, Action: "s3:GetObject", Resource: [UNKNOWN_STRING] }),
        });
        assert.equal(checkStack(policy, [bucket, wrongAction]).length, 1);
        const known = nativePolicy(bucket, {});
        known.props = unknownCheckingProxy({
            bucket: UNKNOWN_STRING,
            policyDocument: doc({ ...denyHttp, Resource: [UNKNOWN_STRING, "arn:aws:s3:::acme-data/*"] }),
        });
        assert.deepEqual(checkStack(policy, [bucket, known]), []);
    });
});
