// stack-s3-bucket-public-access-block (stack policy): every bucket has a public access block with
// all four settings on. Classic: an aws:s3/bucketPublicAccessBlock whose `bucket` depends on the
// bucket; aws-native: `publicAccessBlockConfiguration` on the bucket. An account-level block
// (aws:s3/accountPublicAccessBlock) declared in the same stack with all four on satisfies every
// bucket of the stack (config `accountLevelBlockSatisfies`, default true): S3 applies the stricter
// of the account and bucket settings. Unset settings are off.
//
// S3 turns Block Public Access on for new buckets by default since April 2023, but anyone allowed
// s3:PutBucketPublicAccessBlock can turn it off later; declared in the stack, `pulumi up` (and
// refresh) puts it back and the intent is reviewable.

import { StackValidationPolicy } from "@pulumi/policy";
import { Reading, UNKNOWN, Unknown } from "../../readers/known";
import { label, propsOf, resourcesIn } from "../../readers/graph";
import {
    ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPES,
    BLOCK_SETTINGS,
    BlockView,
    BUCKET_PUBLIC_ACCESS_BLOCK_TYPES,
    BUCKET_TYPES,
    inlinePublicAccessBlock,
    readPublicAccessBlock,
} from "../../readers/stack-wide/s3";
import { guardStack } from "../guard";
import { cis } from "../metadata";
import { bucketsWith } from "./buckets";
import { REFERENCES, STACK_WIDE_DOCS, STACK_WIDE_TAGS } from "./metadata";
import { stackWideSettings } from "./settings";

export const NAME = "stack-s3-bucket-public-access-block";

/** All four on: true; some known off: the list of those; else UNKNOWN. */
function judgeBlock(block: BlockView): true | string[] | Unknown {
    const off = BLOCK_SETTINGS.filter((s) => block[s] === false);
    if (off.length > 0) {
        return off;
    }
    return BLOCK_SETTINGS.some((s) => block[s] === UNKNOWN) ? UNKNOWN : true;
}

function accountBlocks(resources: ReturnType<typeof resourcesIn>, reading: Reading): { ok: boolean; undecided: boolean } {
    let undecided = false;
    for (const resource of resources) {
        if (!ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPES.has(resource.type)) {
            continue;
        }
        const view = readPublicAccessBlock(resource.type, propsOf(resource), reading);
        const verdict = view === undefined ? [] : judgeBlock(view);
        if (verdict === true) {
            return { ok: true, undecided: false };
        }
        undecided ||= verdict === UNKNOWN;
    }
    return { ok: false, undecided };
}

export const s3BucketPublicAccessBlock: StackValidationPolicy = {
    name: NAME,
    displayName: "Every S3 bucket blocks public access",
    description:
        "Every S3 bucket of the stack has a public access block with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and " +
        "restrictPublicBuckets all true: a BucketPublicAccessBlock whose bucket depends on it (classic), publicAccessBlockConfiguration " +
        "on the bucket (aws-native), or an AccountPublicAccessBlock with all four true in the same stack.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: cis("2.1.4", "Ensure that S3 Buckets are configured with 'Block public access (bucket settings)'"),
    tags: [...STACK_WIDE_TAGS, "s3", "public-access", ...REFERENCES.bucketPublicAccess],
    remediationSteps:
        "Classic: `new aws.s3.BucketPublicAccessBlock(name, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, " +
        "ignorePublicAcls: true, restrictPublicBuckets: true })` in the same stack as the bucket (or one " +
        "aws.s3.AccountPublicAccessBlock with all four true). aws-native: set `publicAccessBlockConfiguration` with all four true on " +
        "the bucket. Serve public content through CloudFront with origin access control instead of a public bucket.",
    url: STACK_WIDE_DOCS.bucketPublicAccess,
    configSchema: stackWideSettings.schema("accountLevelBlockSatisfies"),
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            const settings = stackWideSettings.from(args);
            const resources = resourcesIn(args.resources);
            const buckets = bucketsWith(resources, BUCKET_PUBLIC_ACCESS_BLOCK_TYPES, reading);
            if (buckets.length === 0) {
                return;
            }
            const account = settings.accountLevelBlockSatisfies ? accountBlocks(resources, reading) : { ok: false, undecided: false };
            if (account.ok) {
                return;
            }
            for (const { bucket, companions } of buckets) {
                const blocks: { where: string; block: BlockView | Unknown }[] = companions.flatMap((c) => {
                    const view = readPublicAccessBlock(c.type, propsOf(c), reading);
                    return view === undefined ? [] : [{ where: label(c), block: view }];
                });
                const inline = inlinePublicAccessBlock(bucket.type, propsOf(bucket), reading);
                if (inline !== undefined) {
                    blocks.push({ where: "its publicAccessBlockConfiguration", block: inline });
                }
                let undecided = account.undecided;
                const weak: string[] = [];
                let ok = false;
                for (const { where, block } of blocks) {
                    const verdict = block === UNKNOWN ? UNKNOWN : judgeBlock(block);
                    if (verdict === true) {
                        ok = true;
                        break;
                    }
                    if (verdict === UNKNOWN) {
                        undecided = true;
                    } else {
                        weak.push(`${where} leaves ${verdict.join(", ")} off`);
                    }
                }
                if (ok) {
                    continue;
                }
                if (undecided) {
                    reading.markUndecided();
                    continue;
                }
                report(
                    weak.length > 0
                        ? `${label(bucket)} does not block public access: ${weak.join("; ")}. Set all four settings to true.`
                        : `${label(bucket)} has no public access block: no aws:s3/bucketPublicAccessBlock in this stack depends on it` +
                              (bucket.type === "aws-native:s3:Bucket" ? " and it sets no publicAccessBlockConfiguration" : "") +
                              (settings.accountLevelBlockSatisfies
                                  ? ", and the stack declares no account-level block with all four settings on"
                                  : "") +
                              ". Block public ACLs and policies with all four settings true.",
                    bucket.urn,
                );
            }
        },
        new Set([...BUCKET_TYPES, ...BUCKET_PUBLIC_ACCESS_BLOCK_TYPES, ...ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPES]),
    ),
};
