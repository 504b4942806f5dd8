// tls-s3-bucket-policy-denies-insecure-transport (stack policy): the S3 row of the TLS family.
// Every bucket has a bucket policy that denies every principal all of s3:* on its objects when the
// request does not use TLS (Bool aws:SecureTransport "false", or NumericLessThanIfExists
// s3:TlsVersion 1.2; see readers/stack-wide/transport-policy.ts for exactly what counts).
// Policies: classic aws:s3/bucketPolicy:BucketPolicy (`policy`, JSON text or object) and aws-native
// aws-native:s3:BucketPolicy (`policyDocument`) whose `bucket` depends on the bucket, and the
// inline `policy` of a classic bucket. It is a stack policy because a bucket and its policy are
// separate resources; it lives with the stack-wide bucket rules that link them, under the TLS
// family's name so that it is configured and reported with the TLS rules.

import { StackValidationPolicy } from "@pulumi/policy";
import { label, propsOf, resourcesIn } from "../../readers/graph";
import { BUCKET_POLICY_TYPES, BUCKET_TYPES, bucketPolicyDocument, inlineBucketPolicy } from "../../readers/stack-wide/s3";
import { judgeTransport } from "../../readers/stack-wide/transport-policy";
import { guardStack } from "../guard";
import { cis } from "../metadata";
import { bucketsWith } from "./buckets";
import { REFERENCES, STACK_WIDE_DOCS } from "./metadata";
import { stackWideSettings } from "./settings";

export const NAME = "tls-s3-bucket-policy-denies-insecure-transport";

export const tlsS3BucketPolicy: StackValidationPolicy = {
    name: NAME,
    displayName: "Every S3 bucket denies requests without TLS",
    description:
        "Every S3 bucket of the stack has a bucket policy (aws:s3/bucketPolicy:BucketPolicy, aws-native:s3:BucketPolicy, or a classic " +
        "bucket's inline policy) with a Deny statement for Principal \"*\" on s3:* over the bucket's objects when aws:SecureTransport is " +
        '"false" (or s3:TlsVersion is below 1.2, IfExists).',
    enforcementLevel: "mandatory",
    severity: "high",
    framework: cis("2.1.1", "Ensure S3 Bucket Policy is set to deny HTTP requests"),
    tags: ["zero-trust", "tls", "s3", "stack-wide", ...REFERENCES.bucketTls],
    remediationSteps:
        'Attach a bucket policy in the same stack (bucket: <bucket>.id) with the statement { Sid: "DenyInsecureTransport", Effect: ' +
        '"Deny", Principal: "*", Action: "s3:*", Resource: [<bucket ARN>, "<bucket ARN>/*"], Condition: { Bool: { ' +
        '"aws:SecureTransport": "false" } } }; optionally a second one denying NumericLessThan s3:TlsVersion 1.2. Keep every other ' +
        "condition out of these statements: conditions are ANDed and would narrow the deny.",
    url: STACK_WIDE_DOCS.bucketTls,
    configSchema: stackWideSettings.schema("acceptTlsVersionDenyAlone"),
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            const settings = stackWideSettings.from(args);
            for (const { bucket, companions } of bucketsWith(resourcesIn(args.resources), BUCKET_POLICY_TYPES, reading)) {
                const documents: { where: string; document: unknown }[] = companions.map((c) => ({
                    where: label(c),
                    document: bucketPolicyDocument(c.type, propsOf(c), reading),
                }));
                const inline = inlineBucketPolicy(bucket.type, propsOf(bucket), reading);
                if (inline !== undefined) {
                    documents.push({ where: "its inline policy", document: inline });
                }
                if (documents.length === 0) {
                    report(
                        `${label(bucket)} has no bucket policy: no aws:s3/bucketPolicy or aws-native:s3:BucketPolicy in this stack depends on it, so ` +
                            `it accepts plain-HTTP requests. Attach a policy that denies s3:* when aws:SecureTransport is "false".`,
                        bucket.urn,
                    );
                    continue;
                }
                let ok = false;
                let undecided = false;
                const why: string[] = [];
                for (const { where, document } of documents) {
                    const verdict = judgeTransport(document, { acceptTlsVersionDenyAlone: settings.acceptTlsVersionDenyAlone }, reading);
                    if (verdict.kind === "denies-insecure") {
                        ok = true;
                        break;
                    }
                    if (verdict.kind === "undecided") {
                        undecided = true;
                    } else {
                        why.push(`${where}: ${verdict.why}`);
                    }
                }
                if (ok) {
                    continue;
                }
                if (undecided) {
                    reading.markUndecided();
                    continue;
                }
                report(`${label(bucket)} accepts requests without TLS: ${why.join("; ")}.`, bucket.urn);
            }
        },
        new Set([...BUCKET_TYPES, ...BUCKET_POLICY_TYPES]),
    ),
};
