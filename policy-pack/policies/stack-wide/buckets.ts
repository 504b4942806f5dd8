// Buckets and their companions: which encryption configurations, public access blocks and bucket
// policies belong to which bucket of the stack. A companion belongs to the bucket its `bucket`
// property depends on (provider-agnostic: a classic companion may complete an aws-native bucket).
// A companion that names its bucket by a literal name (no dependency) is matched by that name
// when the bucket's own name is known.

import { PolicyResource } from "@pulumi/policy";
import { Reading } from "../../readers/known";
import { linkedThrough, propsOf } from "../../readers/graph";
import { BUCKET_LINK_PROPERTY, BUCKET_TYPES, bucketName, companionBucketName } from "../../readers/stack-wide/s3";

export interface BucketWith {
    bucket: PolicyResource;
    companions: PolicyResource[];
}

/** Every bucket of the stack with its companions of the given types. */
export function bucketsWith(resources: readonly PolicyResource[], companionTypes: ReadonlySet<string>, reading: Reading): BucketWith[] {
    const buckets = resources.filter((r) => BUCKET_TYPES.has(r.type)).map((bucket) => ({ bucket, companions: [] as PolicyResource[] }));
    if (buckets.length === 0) {
        return buckets;
    }
    let names: Map<string, BucketWith[]> | undefined;
    for (const companion of resources) {
        if (!companionTypes.has(companion.type)) {
            continue;
        }
        const linked = linkedThrough(companion, [BUCKET_LINK_PROPERTY], BUCKET_TYPES);
        if (linked.length > 0) {
            for (const target of linked) {
                buckets.find((b) => b.bucket.urn === target.urn)?.companions.push(companion);
            }
            continue;
        }
        const name = companionBucketName(propsOf(companion), reading);
        if (name === undefined) {
            continue;
        }
        names ??= namesOf(buckets, reading);
        for (const entry of names.get(name) ?? []) {
            entry.companions.push(companion);
        }
    }
    return buckets;
}

function namesOf(buckets: readonly BucketWith[], reading: Reading): Map<string, BucketWith[]> {
    const map = new Map<string, BucketWith[]>();
    for (const entry of buckets) {
        const name = bucketName(entry.bucket.type, propsOf(entry.bucket), reading);
        if (name !== undefined) {
            map.set(name, [...(map.get(name) ?? []), entry]);
        }
    }
    return map;
}
