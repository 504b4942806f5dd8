/**
 * The key prefix AWS Config delivers under (`<prefix>/AWSLogs/<account>/Config/…`): the Config
 * delivery bucket's policy admits it, and every account's delivery channel writes there, so config,
 * bucket and baseline refuse the same prefixes.
 */

import { fail } from "./argument-error";

/** An S3 key prefix of one or more path segments, no leading or trailing slash. */
const KEY_PREFIX = /^[A-Za-z0-9!_.*'()-]+(?:\/[A-Za-z0-9!_.*'()-]+)*$/;

export const CONFIG_KEY_PREFIX_EXPECTED =
    "an S3 key prefix (path segments of letters, digits and ! _ . * ' ( ) -, no leading or trailing slash, not AWSLogs, up to 200 characters)";

/** True for a prefix AWS Config can deliver under: path segments, up to 200 characters, not `AWSLogs` (AWS Config adds that itself). */
export function isConfigKeyPrefix(value: unknown): value is string {
    return typeof value === "string" && value.length <= 200 && KEY_PREFIX.test(value) && !/^AWSLogs(\/|$)/.test(value);
}

/** The AWS Config key prefix, or a one-line error naming `parameter`. */
export function validConfigKeyPrefix(parameter: string, value: unknown): string {
    if (!isConfigKeyPrefix(value)) {
        fail(parameter, value, CONFIG_KEY_PREFIX_EXPECTED);
    }
    return value;
}
