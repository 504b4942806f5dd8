// The bucket baseline: default encryption and public access block, both providers.

import { strict as assert } from "assert";
import {
    checkStack,
    dependsOnVia,
    isUnknownValueError,
    PolicyResource,
    resource,
    stackPolicy,
    UNKNOWN_ARRAY,
    UNKNOWN_BOOLEAN,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const encryption = stackPolicy("stack-s3-bucket-encryption");
const publicAccess = stackPolicy("stack-s3-bucket-public-access-block");

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const NATIVE_BUCKET = "aws-native:s3:Bucket";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const SSE_V2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ACCOUNT_PAB = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";

const ALL_ON = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
const KMS_RULES = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:key" }, bucketKeyEnabled: true }];
const NATIVE_ENCRYPTION = {
    serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:key" } }],
};

function companion(type: string, name: string, bucket: PolicyResource, props: Record<string, unknown>): PolicyResource {
    return dependsOnVia(resource(type, name, { bucket: "b", ...props }), "bucket", bucket);
}

describe("stack-s3-bucket-encryption", () => {
    it("classic: passes with a linked encryption configuration (and its V2 alias), fails without", () => {
        for (const bucketType of [BUCKET, BUCKET_V2]) {
            const bucket = resource(bucketType, "data", {});
            assert.deepEqual(checkStack(encryption, [bucket, companion(SSE, "sse", bucket, { rules: KMS_RULES })]), []);
            assert.deepEqual(checkStack(encryption, [bucket, companion(SSE_V2, "sse", bucket, { rules: KMS_RULES })]), []);
            const found = checkStack(encryption, [bucket]);
            assert.equal(found.length, 1);
            assert.equal(found[0].urn, bucket.urn);
            assert.match(found[0].message, /no default-encryption configuration/);
        }
    });

    it("classic: the configuration of another bucket does not count", () => {
        const a = resource(BUCKET, "a");
        const b = resource(BUCKET, "b");
        const found = checkStack(encryption, [a, b, companion(SSE, "sse-b", b, { rules: KMS_RULES })]);
        assert.deepEqual(
            found.map((f) => f.urn),
            [a.urn],
        );
    });

    it("classic: the deprecated inline serverSideEncryptionConfiguration counts", () => {
        const bucket = resource(BUCKET, "data", {
            serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } },
        });
        assert.deepEqual(checkStack(encryption, [bucket]), []);
        assert.equal(checkStack(encryption, [resource(BUCKET, "data", { serverSideEncryptionConfiguration: {} })]).length, 1);
    });

    it("classic: BucketV2's deprecated inline serverSideEncryptionConfigurations (its own spelling: a list of { rules }) counts", () => {
        const rules = [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "AES256" }] }];
        assert.deepEqual(checkStack(encryption, [resource(BUCKET_V2, "data", { serverSideEncryptionConfigurations: [{ rules }] })]), []);
        assert.equal(
            checkStack(encryption, [resource(BUCKET_V2, "data", { serverSideEncryptionConfigurations: [{ rules: [] }] })]).length,
            1,
        );
        assert.equal(
            checkStack(encryption, [resource(BUCKET_V2, "data", { serverSideEncryptionConfiguration: { rule: rules[0] } })]).length,
            1,
        );
        const unsure = resource(BUCKET_V2, "data", unknownCheckingProxy({ serverSideEncryptionConfigurations: UNKNOWN_ARRAY }));
        assert.throws(() => checkStack(encryption, [unsure]), isUnknownValueError);
    });

    it("classic: links a companion that names the bucket by its literal name", () => {
        const bucket = resource(BUCKET, "data", { bucket: "acme-data" });
        assert.deepEqual(checkStack(encryption, [bucket, resource(SSE, "sse", { bucket: "acme-data", rules: KMS_RULES })]), []);
        assert.equal(checkStack(encryption, [bucket, resource(SSE, "sse", { bucket: "acme-other", rules: KMS_RULES })]).length, 1);
    });

    it("aws-native: bucketEncryption on the bucket passes; none or an empty list fails", () => {
        assert.deepEqual(checkStack(encryption, [resource(NATIVE_BUCKET, "data", { bucketEncryption: NATIVE_ENCRYPTION })]), []);
        assert.match(checkStack(encryption, [resource(NATIVE_BUCKET, "data", {})])[0].message, /no bucketEncryption/);
        assert.equal(
            checkStack(encryption, [resource(NATIVE_BUCKET, "data", { bucketEncryption: { serverSideEncryptionConfiguration: [] } })])
                .length,
            1,
        );
    });

    it("preview: unknown inline encryption is undecided; a known missing one is still reported", () => {
        const unsure = resource(NATIVE_BUCKET, "unsure", unknownCheckingProxy({ bucketEncryption: UNKNOWN_OBJECT }));
        assert.throws(() => checkStack(encryption, [unsure]), isUnknownValueError);
        const missing = resource(NATIVE_BUCKET, "missing", {});
        assert.deepEqual(
            checkStack(encryption, [unsure, missing]).map((f) => f.urn),
            [missing.urn],
        );
        const bucket = resource(BUCKET, "data", unknownCheckingProxy({ bucket: UNKNOWN_STRING }));
        const sse = dependsOnVia(
            resource(SSE, "sse", unknownCheckingProxy({ bucket: UNKNOWN_STRING, rules: KMS_RULES })),
            "bucket",
            bucket,
        );
        assert.deepEqual(checkStack(encryption, [bucket, sse]), []);
    });

    it("ignores stacks without buckets", () => {
        assert.deepEqual(checkStack(encryption, [resource("aws:ec2/vpc:Vpc", "v"), resource(SSE, "orphan", { bucket: "x" })]), []);
    });
});

describe("stack-s3-bucket-public-access-block", () => {
    it("classic: a linked block with all four settings passes; any setting off or unset fails", () => {
        const bucket = resource(BUCKET, "data");
        assert.deepEqual(checkStack(publicAccess, [bucket, companion(PAB, "pab", bucket, ALL_ON)]), []);
        for (const setting of Object.keys(ALL_ON)) {
            for (const value of [false, undefined, "yes"]) {
                const found = checkStack(publicAccess, [bucket, companion(PAB, "pab", bucket, { ...ALL_ON, [setting]: value })]);
                assert.equal(found.length, 1, `${setting}=${String(value)}`);
                assert.match(found[0].message, new RegExp(`leaves ${setting} off`));
            }
        }
    });

    it("classic: no block at all fails on the bucket", () => {
        const bucket = resource(BUCKET_V2, "data");
        const found = checkStack(publicAccess, [bucket]);
        assert.equal(found.length, 1);
        assert.equal(found[0].urn, bucket.urn);
        assert.match(found[0].message, /has no public access block/);
    });

    it("an account-level block with all four on satisfies every bucket, unless configured otherwise", () => {
        const bucket = resource(BUCKET, "data");
        const nativeBucket = resource(NATIVE_BUCKET, "native");
        const account = resource(ACCOUNT_PAB, "account", ALL_ON);
        assert.deepEqual(checkStack(publicAccess, [bucket, nativeBucket, account]), []);
        assert.equal(checkStack(publicAccess, [bucket, nativeBucket, account], { accountLevelBlockSatisfies: false }).length, 2);
        const weakAccount = resource(ACCOUNT_PAB, "account", { ...ALL_ON, restrictPublicBuckets: false });
        assert.equal(checkStack(publicAccess, [bucket, weakAccount]).length, 1);
    });

    it("aws-native: publicAccessBlockConfiguration on the bucket", () => {
        assert.deepEqual(checkStack(publicAccess, [resource(NATIVE_BUCKET, "data", { publicAccessBlockConfiguration: ALL_ON })]), []);
        const weak = checkStack(publicAccess, [
            resource(NATIVE_BUCKET, "data", { publicAccessBlockConfiguration: { ...ALL_ON, blockPublicPolicy: false } }),
        ]);
        assert.equal(weak.length, 1);
        assert.match(weak[0].message, /publicAccessBlockConfiguration leaves blockPublicPolicy off/);
        assert.match(checkStack(publicAccess, [resource(NATIVE_BUCKET, "data", {})])[0].message, /sets no publicAccessBlockConfiguration/);
    });

    it("mixes providers: a classic block on a native bucket", () => {
        const bucket = resource(NATIVE_BUCKET, "data");
        assert.deepEqual(checkStack(publicAccess, [bucket, companion(PAB, "pab", bucket, ALL_ON)]), []);
    });

    it("preview: an unknown setting is undecided; a known-off setting is reported despite unknowns", () => {
        const bucket = resource(BUCKET, "data");
        const unsure = companion(PAB, "pab", bucket, {});
        unsure.props = unknownCheckingProxy({ bucket: UNKNOWN_STRING, ...ALL_ON, ignorePublicAcls: UNKNOWN_BOOLEAN });
        assert.throws(() => checkStack(publicAccess, [bucket, unsure]), isUnknownValueError);
        const off = companion(PAB, "pab", bucket, {});
        off.props = unknownCheckingProxy({ bucket: UNKNOWN_STRING, ...ALL_ON, ignorePublicAcls: UNKNOWN_BOOLEAN, blockPublicAcls: false });
        assert.equal(checkStack(publicAccess, [bucket, off]).length, 1);
    });
});
