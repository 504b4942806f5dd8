/**
 * Tags: stack tags (config), the responder's opt-out tag key (config, component and the Lambda's
 * settings) and the tags a GuardDuty finding reports follow AWS's rules for tags, written here once.
 *
 * AWS's rule (Tagging AWS Resources user guide, "Tag naming limits and requirements"; the tagging
 * APIs' pattern `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`): keys of 1-128 and values of 0-256 Unicode
 * characters, letters, digits, spaces and `_.:/=+-@`; `aws:` starts only the tags AWS sets itself.
 */

import { fail } from "./argument-error";

/**
 * Characters AWS allows in tag keys and values: letters, spaces, digits and `_.:/=+-@`. AWS's
 * pattern says `\p{Z}`, which also holds the line and paragraph separators (U+2028, U+2029); only
 * space separators (`\p{Zs}`) are taken, so a tag read from a finding cannot break a log line.
 */
const TAG_CHARACTER = String.raw`[\p{L}\p{Zs}\p{N}_.:/=+\-@]`;

/** Any tag key AWS stores, its own `aws:` tags included (a finding reports those too). */
export const TAG_KEY = new RegExp(`^${TAG_CHARACTER}{1,128}$`, "u");

/** A tag value AWS stores. */
export const TAG_VALUE = new RegExp(`^${TAG_CHARACTER}{0,256}$`, "u");

export const TAG_KEY_EXPECTED = "a tag key of 1 to 128 letters, digits, spaces or _.:/=+-@ that does not start with aws:";
export const STORED_TAG_KEY_EXPECTED = "a tag key of 1 to 128 letters, digits, spaces or _.:/=+-@";
export const TAG_VALUE_EXPECTED = "a tag value of at most 256 letters, digits, spaces or _.:/=+-@";

/** A tag key AWS accepts for a user's tag: 1–128 of letters, spaces, digits and `_.:/=+-@`, not starting with `aws:` (AWS reserves it). */
export function isTagKey(key: string): boolean {
    return TAG_KEY.test(key) && !key.toLowerCase().startsWith("aws:");
}

/** A tag value AWS accepts: up to 256 of letters, spaces, digits and `_.:/=+-@`. */
export function isTagValue(value: string): boolean {
    return TAG_VALUE.test(value);
}

/** The tag key, or a one-line error naming `parameter`. */
export function validTagKey(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !isTagKey(value)) {
        fail(parameter, value, TAG_KEY_EXPECTED);
    }
    return value;
}
