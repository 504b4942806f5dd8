/**
 * The components' argument checks: the patterns of the AWS values components take, and the checks
 * built on them. Components validate their arguments before declaring anything (themselves
 * included); every check returns the value it was given or throws a one-line error
 * `<parameter>: <value> is not <what was expected>`. A component that names itself in its errors
 * passes `<Component>: <parameter>` as the parameter.
 *
 * Only the commercial `aws` partition is accepted: the ARNs, service principals and policy
 * documents the components build are `arn:aws:…`, so GovCloud, China and the isolated partitions
 * are refused rather than half-supported.
 *
 * The config schemas (stacks/config) and the responder's Lambda bundle (responder/) use the same
 * patterns, so this module imports nothing: keep it that way.
 */

// Parts of the patterns below (regular-expression source), so that each rule is written once.
const ACCOUNT = String.raw`\d{12}`;
const REGION_CODE = String.raw`(?:af|ap|ca|eu|il|me|mx|sa|us)-(?:central|north|south|east|west|northeast|northwest|southeast|southwest)-\d{1,2}`;
const ROLE_NAME_CHARACTER = "[A-Za-z0-9+=,.@_-]";
const ROLE_RESOURCE = String.raw`role\/(?:${ROLE_NAME_CHARACTER}+\/)*${ROLE_NAME_CHARACTER}{1,64}`;
const BUCKET = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";
const KEY_ID = "(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})";

const whole = (source: string): RegExp => new RegExp(`^${source}$`);

/** An AWS account id: exactly 12 digits. */
export const ACCOUNT_ID = whole(ACCOUNT);

/**
 * A region of the commercial `aws` partition: an area and a direction AWS uses, and a number
 * (`eu-west-1`, `ap-southeast-3`, `il-central-1`). The config schemas use it too.
 */
export const REGION = whole(REGION_CODE);

/** An AWS Organizations id: `o-` and 10 to 32 lowercase letters or digits. */
export const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;

/** An IAM role name: 1–64 characters of letters, digits and `+=,.@_-` (no path, no wildcard). */
export const ROLE_NAME = whole(`${ROLE_NAME_CHARACTER}{1,64}`);

/** An IAM role ARN (any path), no wildcard; the first group is the account id. */
export const ROLE_ARN = whole(`arn:aws:iam::(${ACCOUNT}):${ROLE_RESOURCE}`);

/** An account root (`arn:aws:iam::<id>:root`) or a role ARN, no wildcard: what a bucket or key policy can name as a principal. */
export const ROOT_OR_ROLE_ARN = whole(`arn:aws:iam::${ACCOUNT}:(?:root|${ROLE_RESOURCE})`);

/** A KMS key ARN (not an alias: another account's key is named by its full ARN). */
export const KEY_ARN = whole(String.raw`arn:aws:kms:${REGION_CODE}:${ACCOUNT}:key\/${KEY_ID}`);

/**
 * The shape of an S3 bucket name: 3-63 characters of a-z 0-9 . -, starting and ending with a letter
 * or digit. `isBucketName` adds the rules a pattern cannot say plainly (no `..`, not an IP address).
 */
export const BUCKET_NAME_SHAPE = whole(BUCKET);
const BUCKET_ARN_PREFIX = "arn:aws:s3:::";
const IPV4_SHAPE = /^\d+\.\d+\.\d+\.\d+$/;

/** A lowercase key that becomes part of resource names: a-z 0-9 -, up to 63 characters, starting with a letter or digit. */
export const LOWERCASE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A log group name, with `*` allowed as a wildcard (CloudWatch Logs names use `a-zA-Z0-9_-/.#`). */
const LOG_GROUP_PATTERN = /^[A-Za-z0-9_\-/.#*]{1,512}$/;

/** A value as an error message shows it: JSON where it can be, providers by package. */
export function show(value: unknown): string {
    if (value !== null && typeof value === "object") {
        const getPackage = (value as { getPackage?: unknown }).getPackage;
        if (typeof getPackage === "function") {
            const pkg = String(getPackage.call(value));
            return pkg === "aws" ? "an aws.Provider" : `a ${pkg} provider`;
        }
    }
    try {
        return JSON.stringify(value) ?? String(value);
    } catch {
        return String(value);
    }
}

/**
 * A refused argument: `<parameter>: <value> is not <expected>`, one line. Its parts stay readable,
 * so stack config can refuse a value by a component's own rule and say what it expects.
 */
export class ArgumentError extends Error {
    constructor(
        readonly parameter: string,
        readonly value: unknown,
        readonly expected: string,
    ) {
        super(`${parameter}: ${show(value)} is not ${expected}`);
        this.name = "ArgumentError";
    }
}

/** Throws the ArgumentError `<parameter>: <value> is not <expected>`. */
export function fail(parameter: string, value: unknown, expected: string): never {
    throw new ArgumentError(parameter, value, expected);
}

/** The string if `pattern` matches it whole, or a one-line error naming `parameter`. */
export function validMatching(parameter: string, value: unknown, pattern: RegExp, expected: string): string {
    if (typeof value !== "string" || !pattern.test(value)) {
        fail(parameter, value, expected);
    }
    return value;
}

/**
 * The provider a component declares its resources through, or a one-line error naming `parameter`
 * (`<parameter>: undefined is missing; expected <expected> (default providers are disabled)`):
 * default providers are disabled project-wide, so without one nothing could be created.
 * `isProvider` (say `aws.Provider.isInstance`: this module imports nothing) also refuses a value
 * given that is no such provider; without it, any value given will do.
 */
export function validProvider<P>(parameter: string, value: unknown, expected: string, isProvider: (value: unknown) => value is P = (_value): _value is P => true): P {
    if (value === undefined || !isProvider(value)) {
        throw new Error(`${parameter}: ${show(value)}${value === undefined ? " is missing" : ""}; expected ${expected} (default providers are disabled)`);
    }
    return value;
}

/** The list if it has at least one element, or a one-line error naming `parameter`. */
export function validNonEmptyList(parameter: string, value: unknown, expected: string): unknown[] {
    if (!Array.isArray(value) || value.length === 0) {
        fail(parameter, value, expected);
    }
    return value as unknown[];
}

/** The values if none is listed twice, or `<parameter>: <value> is listed twice`. */
export function refuseRepeats<T>(parameter: string, values: readonly T[]): readonly T[] {
    const repeated = values.find((v, i) => values.indexOf(v) !== i);
    if (repeated !== undefined) {
        throw new Error(`${parameter}: ${show(repeated)} is listed twice`);
    }
    return values;
}

/**
 * Checks a value that may only be known at deployment (a `pulumi.Input`): a plain value must pass
 * `check`; an output or a promise is left to AWS.
 */
export function checkWhenKnown(parameter: string, value: unknown, check: (parameter: string, value: unknown) => unknown): void {
    if (value === null || typeof value !== "object") {
        check(parameter, value);
    }
}

/** One of `allowed` (`fallback`, if given, when undefined), or a one-line error naming `parameter`. */
export function validChoice<T extends string>(parameter: string, value: unknown, allowed: readonly T[], fallback?: T): T {
    if (value === undefined && fallback !== undefined) {
        return fallback;
    }
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
        fail(parameter, value, `one of ${allowed.join(", ")}`);
    }
    return value as T;
}

/** A 12-digit account id, or a one-line error naming `parameter`. */
export function validAccountId(parameter: string, value: unknown): string {
    return validMatching(parameter, value, ACCOUNT_ID, "an AWS account id (12 digits, as a string)");
}

/** A region code of the aws partition, or a one-line error naming `parameter`. */
export function validRegion(parameter: string, value: unknown): string {
    return validMatching(parameter, value, REGION, "an AWS region code of the aws partition (like eu-west-1)");
}

/** The regions, or a one-line error naming `parameter`: at least one, each a region of the aws partition, no repeats. */
export function validRegions(parameter: string, value: unknown): readonly string[] {
    const regions = validNonEmptyList(parameter, value, "a non-empty list of AWS region codes");
    return refuseRepeats(parameter, regions.map((region) => validRegion(parameter, region)));
}

/** An AWS Organizations id, or a one-line error naming `parameter`. */
export function validOrganizationId(parameter: string, value: unknown): string {
    return validMatching(parameter, value, ORGANIZATION_ID, "an AWS Organizations id (o- followed by 10 to 32 lowercase letters or digits)");
}

/** The role name, or a one-line error naming `parameter`. */
export function validRoleName(parameter: string, value: unknown): string {
    return validMatching(parameter, value, ROLE_NAME, "an IAM role name (1-64 characters of A-Z a-z 0-9 + = , . @ _ -, no path or wildcard)");
}

/** The optional role name (undefined stays undefined), or a one-line error naming `parameter`. */
export function validOptionalRoleName(parameter: string, value: unknown): string | undefined {
    return value === undefined ? undefined : validRoleName(parameter, value);
}

/** 3–63 characters of lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, no `..`, not an IP address. */
function isBucketName(value: string): boolean {
    return BUCKET_NAME_SHAPE.test(value) && !value.includes("..") && !IPV4_SHAPE.test(value);
}

/** The S3 bucket name, or a one-line error naming `parameter`. */
export function validBucketName(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !isBucketName(value)) {
        fail(parameter, value, "an S3 bucket name (3-63 characters of a-z 0-9 . -, starting and ending with a letter or digit)");
    }
    return value;
}

/** The ARN of a bucket itself (not an object key or a wildcard), or a one-line error naming `parameter`. */
export function validBucketArn(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !value.startsWith(BUCKET_ARN_PREFIX) || !isBucketName(value.slice(BUCKET_ARN_PREFIX.length))) {
        fail(parameter, value, "an S3 bucket ARN (arn:aws:s3:::<bucket-name>, no key or wildcard)");
    }
    return value;
}

/** The KMS key ARN, or a one-line error naming `parameter`. */
export function validKeyArn(parameter: string, value: unknown): string {
    return validMatching(parameter, value, KEY_ARN, "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>; not an alias or key id)");
}

/** A key that names resources, or a one-line error naming `parameter`. */
export function validNameKey(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !LOWERCASE_NAME.test(value)) {
        throw new Error(`${parameter}: key ${show(value)} is not a lowercase name (a-z 0-9 -, up to 63 characters, starting with a letter or digit)`);
    }
    return value;
}

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
