// Classifying a KMS key reference as written on a store (`kmsKeyId`, `kmsMasterKeyId`, `kmsKeyArn`, …).
//
// KMS accepts four spellings of a key: a key id (`1234abcd-…` or a multi-Region `mrk-…`), a key
// ARN, an alias name (`alias/…`) and an alias ARN. Aliases under `alias/aws/` are reserved for
// AWS-managed keys (`alias/aws/s3`, `alias/aws/rds`, …): a store that names one is encrypted with
// an AWS-managed key. Every other well-formed reference names a key of an account, i.e. a
// customer-managed key (a bare key id or key ARN of an AWS-managed key cannot be told apart from
// the text; nobody writes those by hand, and the reserved alias is how AWS-managed keys are named).
//
// A reference that is unknown during preview comes from an output of a resource created in the
// same run: a `kms.Key`'s `arn`/`keyId` or a `kms.Alias`'s `arn` (invokes such as
// `kms.getAlias({ name: "alias/aws/s3" })` are resolved during preview, so they are known). AWS
// does not let anyone create an alias under `alias/aws/`, so such a key is customer-managed: the
// rule treats `unknown` as customer-managed and does not hold the preview up.

import { UNKNOWN } from "../known";

export type KeyKind =
    /** A key of an account (key id, key ARN, alias of one's own). */
    | "customer-managed"
    /** An AWS-managed key (`alias/aws/<service>`), or the service's default when none is named. */
    | "aws-managed"
    /** A key AWS owns and manages in its own accounts (SSE-S3, DynamoDB's and SQS's defaults, …). */
    | "aws-owned"
    /** No key at all: the store is not encrypted. */
    | "none"
    /** Unknown during preview: the output of a key or alias created in this run. */
    | "unknown"
    /** A value that is not a KMS key reference (wrong type, garbage): fails closed. */
    | "unrecognised";

const PARTITION_ARN = String.raw`arn:aws(?:-[a-z]+)*:kms:[a-z0-9-]*:\d{12}:`;
const AWS_MANAGED_ALIAS = new RegExp(String.raw`^(?:${PARTITION_ARN})?alias/aws/`, "i");
const KEY_ID = String.raw`(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})`;
const CUSTOMER_KEY = new RegExp(String.raw`^(?:${KEY_ID}|${PARTITION_ARN}key/${KEY_ID}|(?:${PARTITION_ARN})?alias/[A-Za-z0-9/_:-]+)$`, "i");

export interface KeyClassification {
    kind: KeyKind;
    /** The reference as written (trimmed), when it is a string. */
    ref?: string;
}

/**
 * Classifies a key reference value. `undefined`, `null` and the empty string are "no key named"
 * (`none`); the caller decides what the service then uses.
 */
export function classifyKeyReference(value: unknown): KeyClassification {
    if (value === UNKNOWN) {
        return { kind: "unknown" };
    }
    if (value === undefined || value === null) {
        return { kind: "none" };
    }
    if (typeof value !== "string") {
        return { kind: "unrecognised", ref: describeValue(value) };
    }
    const ref = value.trim();
    if (ref === "") {
        return { kind: "none" };
    }
    if (AWS_MANAGED_ALIAS.test(ref)) {
        return { kind: "aws-managed", ref };
    }
    if (CUSTOMER_KEY.test(ref)) {
        return { kind: "customer-managed", ref };
    }
    return { kind: "unrecognised", ref };
}

/** A short, safe rendering of any value for messages. */
export function describeValue(value: unknown): string {
    if (typeof value === "string") {
        return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
    }
    if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean") {
        return String(value);
    }
    return Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : typeof value;
}
