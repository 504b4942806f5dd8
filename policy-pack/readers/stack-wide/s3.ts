// S3 buckets and the resources that complete them, both providers.
//
// Classic @pulumi/aws v7 moved most bucket settings to resources of their own that name the bucket
// in `bucket` (its name, usually `bucket.id`/`bucket.bucket`, unknown during preview):
//   aws:s3/bucket:Bucket    { bucket?, serverSideEncryptionConfiguration?: { rule: {…} } (deprecated inline), policy?: string | object }
//   aws:s3/bucketV2:BucketV2 (v7 keeps it as a type of its own)
//       { bucket?, serverSideEncryptionConfigurations?: [{ rules: [{…}] }] (deprecated inline), policy?: string }
//   aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration (and …V2)  { bucket, rules[] }
//   aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock   { bucket, blockPublicAcls?, blockPublicPolicy?, ignorePublicAcls?, restrictPublicBuckets? }
//   aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock { accountId?, the same four settings }
//   aws:s3/bucketPolicy:BucketPolicy                         { bucket, policy: string | object }
// aws-native keeps encryption and the public access block on the bucket:
//   aws-native:s3:Bucket        { bucketName?, bucketEncryption?: { serverSideEncryptionConfiguration[] }, publicAccessBlockConfiguration?: {…four…} }
//   aws-native:s3:BucketPolicy  { bucket, policyDocument: object (or JSON text) }
// Unset public-access-block settings are false (the API's and CloudFormation's default).

import { isTrue, Props, Reading, Unknown, UNKNOWN } from "../known";

const CLASSIC_BUCKET_V2_TYPE = "aws:s3/bucketV2:BucketV2";
export const CLASSIC_BUCKET_TYPES: ReadonlySet<string> = new Set(["aws:s3/bucket:Bucket", CLASSIC_BUCKET_V2_TYPE]);
export const NATIVE_BUCKET_TYPE = "aws-native:s3:Bucket";
export const BUCKET_TYPES: ReadonlySet<string> = new Set([...CLASSIC_BUCKET_TYPES, NATIVE_BUCKET_TYPE]);

export const ENCRYPTION_CONFIG_TYPES: ReadonlySet<string> = new Set([
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
]);
export const BUCKET_PUBLIC_ACCESS_BLOCK_TYPES: ReadonlySet<string> = new Set(["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"]);
export const ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPES: ReadonlySet<string> = new Set(["aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"]);
export const CLASSIC_BUCKET_POLICY_TYPE = "aws:s3/bucketPolicy:BucketPolicy";
export const NATIVE_BUCKET_POLICY_TYPE = "aws-native:s3:BucketPolicy";
export const BUCKET_POLICY_TYPES: ReadonlySet<string> = new Set([CLASSIC_BUCKET_POLICY_TYPE, NATIVE_BUCKET_POLICY_TYPE]);

/** The property of every companion resource that names its bucket. */
export const BUCKET_LINK_PROPERTY = "bucket";

/** The four public-access-block settings. */
export const BLOCK_SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
export type BlockSetting = (typeof BLOCK_SETTINGS)[number];

/** A public access block: each setting true, false (also when unset) or UNKNOWN. */
export type BlockView = Record<BlockSetting, boolean | Unknown>;

function readBlock(holder: unknown, reading: Reading): BlockView {
    const view = {} as BlockView;
    for (const setting of BLOCK_SETTINGS) {
        const value = reading.get(holder, setting);
        view[setting] = value === UNKNOWN ? UNKNOWN : isTrue(value);
    }
    return view;
}

function isObject(value: unknown): boolean {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The bucket's own name when it is known (classic `bucket`, aws-native `bucketName`). */
export function bucketName(type: string, props: Props, reading: Reading): string | undefined {
    const key = CLASSIC_BUCKET_TYPES.has(type) ? "bucket" : type === NATIVE_BUCKET_TYPE ? "bucketName" : undefined;
    if (key === undefined) {
        return undefined;
    }
    const value = reading.get(props, key);
    return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** The bucket name a companion resource names, when it is a known string. */
export function companionBucketName(props: Props, reading: Reading): string | undefined {
    const value = reading.get(props, BUCKET_LINK_PROPERTY);
    return typeof value === "string" && value.length > 0 ? value : undefined;
}

/**
 * Whether the bucket itself carries a default-encryption configuration: aws-native
 * `bucketEncryption.serverSideEncryptionConfiguration[]`, classic inline (deprecated)
 * `serverSideEncryptionConfiguration.rule` (Bucket) or `serverSideEncryptionConfigurations[].rules[]`
 * (BucketV2). Undefined for other types.
 */
export function inlineEncryption(type: string, props: Props, reading: Reading): boolean | Unknown | undefined {
    if (type === CLASSIC_BUCKET_V2_TYPE) {
        const configs = reading.list(props, "serverSideEncryptionConfigurations");
        const rules: (unknown[] | Unknown)[] =
            configs === UNKNOWN ? [UNKNOWN] : configs.map((config) => (config === UNKNOWN ? UNKNOWN : reading.list(config, "rules")));
        return rules.some((r) => r !== UNKNOWN && r.length > 0) ? true : rules.includes(UNKNOWN) ? UNKNOWN : false;
    }
    if (CLASSIC_BUCKET_TYPES.has(type)) {
        const config = reading.get(props, "serverSideEncryptionConfiguration");
        if (config === UNKNOWN) {
            return UNKNOWN;
        }
        const rule = reading.get(config, "rule");
        return rule === UNKNOWN ? UNKNOWN : isObject(rule) || (Array.isArray(rule) && rule.length > 0);
    }
    if (type === NATIVE_BUCKET_TYPE) {
        const encryption = reading.get(props, "bucketEncryption");
        if (encryption === UNKNOWN) {
            return UNKNOWN;
        }
        const rules = reading.list(encryption, "serverSideEncryptionConfiguration");
        return rules === UNKNOWN ? UNKNOWN : rules.length > 0;
    }
    return undefined;
}

/** The bucket's own public access block (aws-native `publicAccessBlockConfiguration`); UNKNOWN; undefined if none. */
export function inlinePublicAccessBlock(type: string, props: Props, reading: Reading): BlockView | Unknown | undefined {
    if (type !== NATIVE_BUCKET_TYPE) {
        return undefined;
    }
    const block = reading.get(props, "publicAccessBlockConfiguration");
    if (block === UNKNOWN) {
        return UNKNOWN;
    }
    return isObject(block) ? readBlock(block, reading) : undefined;
}

/** A classic bucket-level or account-level public access block resource; undefined for other types. */
export function readPublicAccessBlock(type: string, props: Props, reading: Reading): BlockView | undefined {
    return BUCKET_PUBLIC_ACCESS_BLOCK_TYPES.has(type) || ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPES.has(type)
        ? readBlock(props, reading)
        : undefined;
}

/** The policy document on a classic bucket (`policy`, inline); UNKNOWN; undefined when there is none. */
export function inlineBucketPolicy(type: string, props: Props, reading: Reading): unknown {
    if (!CLASSIC_BUCKET_TYPES.has(type)) {
        return undefined;
    }
    const policy = reading.get(props, "policy");
    return policy === null || policy === "" ? undefined : policy;
}

/** The policy document of a bucket policy resource (string or object, possibly UNKNOWN); undefined for other types. */
export function bucketPolicyDocument(type: string, props: Props, reading: Reading): unknown {
    if (type === CLASSIC_BUCKET_POLICY_TYPE) {
        return reading.get(props, "policy");
    }
    if (type === NATIVE_BUCKET_POLICY_TYPE) {
        return reading.get(props, "policyDocument");
    }
    return undefined;
}
