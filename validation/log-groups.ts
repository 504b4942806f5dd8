/**
 * CloudWatch Logs group names: the environment's prefix its log groups live under (its logs key
 * serves that prefix only), and the name patterns guardrails protect.
 */

import { fail, validNonEmptyList } from "./argument-error";

/** A log group name, with `*` allowed as a wildcard (CloudWatch Logs names use `a-zA-Z0-9_-/.#`). */
const LOG_GROUP_PATTERN = /^[A-Za-z0-9_\-/.#*]{1,512}$/;

/** A log group name: 1-512 of `a-zA-Z0-9_-/.#`. */
const LOG_GROUP_NAME = /^[A-Za-z0-9_\-/.#]{1,512}$/;

/** A log group name prefix: one or more path segments of log group name characters, between slashes. */
const LOG_GROUP_NAME_PREFIX = /^\/(?:[A-Za-z0-9_.#-]+\/)+$/;

/**
 * The log group name patterns, or a one-line error naming `parameter`: at least one; each a log
 * group name that may use `*`, but not one that is nothing but wildcards (that would be every group).
 */
export function validLogGroupPatterns(parameter: string, value: unknown): readonly string[] {
    const patterns = validNonEmptyList(parameter, value, "a non-empty list of log group name patterns");
    for (const pattern of patterns) {
        if (typeof pattern !== "string" || !LOG_GROUP_PATTERN.test(pattern) || /^\**$/.test(pattern)) {
            fail(parameter, pattern, "a log group name pattern (A-Z a-z 0-9 _ - / . # and * as wildcard, not only *)");
        }
    }
    return patterns as string[];
}

/** The log group name prefix (`/zero-trust/prod/`), or a one-line error naming `parameter`. */
export function validLogGroupNamePrefix(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !LOG_GROUP_NAME_PREFIX.test(value)) {
        fail(
            parameter,
            value,
            "a log group name prefix that starts and ends with / (segments of A-Z a-z 0-9 _ . # -, like /zero-trust/prod/)",
        );
    }
    return value;
}

/** The log group name, or a one-line error naming `parameter`; `prefix`, if given, must start it. */
export function validLogGroupName(parameter: string, value: unknown, prefix = ""): string {
    if (typeof value !== "string" || !LOG_GROUP_NAME.test(value) || !value.startsWith(prefix)) {
        fail(parameter, value, `a log group name (1-512 of A-Z a-z 0-9 _ - / . #${prefix === "" ? "" : `, under ${prefix}`})`);
    }
    return value;
}
