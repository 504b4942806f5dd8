// stack-s3-bucket-encryption (stack policy): every bucket has a default-encryption configuration.
// Classic v7 declares it as a resource of its own (aws:s3/bucketServerSideEncryptionConfiguration,
// and its V2 alias) whose `bucket` depends on the bucket; the deprecated inline
// `serverSideEncryptionConfiguration` of a classic bucket counts too; aws-native carries
// `bucketEncryption` on the bucket. Only existence is judged here: whether the key is
// customer-managed is the encryption family's resource rule.

import { StackValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { label, propsOf, resourcesIn } from "../../readers/graph";
import { BUCKET_TYPES, ENCRYPTION_CONFIG_TYPES, inlineEncryption, NATIVE_BUCKET_TYPE } from "../../readers/stack-wide/s3";
import { guardStack } from "../guard";
import { bucketsWith } from "./buckets";
import { nist } from "../metadata";
import { REFERENCES, STACK_WIDE_DOCS, STACK_WIDE_TAGS } from "./metadata";

export const NAME = "stack-s3-bucket-encryption";

export const s3BucketEncryption: StackValidationPolicy = {
    name: NAME,
    displayName: "Every S3 bucket has default encryption configured",
    description:
        "Every S3 bucket of the stack (aws:s3/bucket:Bucket, aws:s3/bucketV2:BucketV2, aws-native:s3:Bucket) declares its default " +
        "server-side encryption: a BucketServerSideEncryptionConfiguration whose bucket depends on it (classic), or bucketEncryption on " +
        "the bucket (aws-native). Which key it uses is judged by the encryption family.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: nist("SC-28", "Protection of Information at Rest"),
    tags: [...STACK_WIDE_TAGS, "s3", "encryption", ...REFERENCES.bucketEncryption],
    remediationSteps:
        "Classic: `new aws.s3.BucketServerSideEncryptionConfiguration(name, { bucket: bucket.id, rules: [{ " +
        'applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }] })` in the ' +
        "same stack as the bucket. aws-native: set `bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: " +
        '{ sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }] }` on the bucket.',
    url: STACK_WIDE_DOCS.bucketEncryption,
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            for (const { bucket, companions } of bucketsWith(resourcesIn(args.resources), ENCRYPTION_CONFIG_TYPES, reading)) {
                if (companions.length > 0) {
                    continue;
                }
                const inline = inlineEncryption(bucket.type, propsOf(bucket), reading);
                if (inline === true) {
                    continue;
                }
                if (inline === UNKNOWN) {
                    reading.markUndecided();
                    continue;
                }
                report(
                    bucket.type === NATIVE_BUCKET_TYPE
                        ? `${label(bucket)} has no bucketEncryption: declare its default server-side encryption (SSE-KMS with a customer-managed key).`
                        : `${label(bucket)} has no default-encryption configuration: no aws:s3/bucketServerSideEncryptionConfiguration in this ` +
                              `stack depends on it. Declare one with bucket: <bucket>.id (SSE-KMS with a customer-managed key).`,
                    bucket.urn,
                );
            }
        },
        new Set([...BUCKET_TYPES, ...ENCRYPTION_CONFIG_TYPES]),
    ),
};
