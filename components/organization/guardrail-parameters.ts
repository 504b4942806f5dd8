/**
 * Validation of the values the guardrail SCPs are built from. Each check throws a one-line error
 * that names the parameter, shows the value and says what was expected, before any document exists.
 */

/** IAM role names: 1–64 characters of letters, digits and `+=,.@_-` (no path, no wildcard). */
const ROLE_NAME = /^[A-Za-z0-9+=,.@_-]{1,64}$/;

/** Region codes such as `eu-west-1`, `us-gov-west-1`, `ap-southeast-3`. */
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/**
 * An S3 bucket ARN in the commercial partition (the bucket itself, not an object key or a
 * wildcard). The documents' role and log ARNs are `arn:aws:…`, so another partition is refused
 * rather than half-supported.
 */
const BUCKET_ARN = /^arn:aws:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** A log group name, with `*` allowed as a wildcard (CloudWatch Logs names use `a-zA-Z0-9_-/.#`). */
const LOG_GROUP_PATTERN = /^[A-Za-z0-9_\-/.#*]{1,512}$/;

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** The role name, or a one-line error naming `parameter`. */
export function validRoleName(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !ROLE_NAME.test(value)) {
        throw new Error(`${parameter}: ${show(value)} is not an IAM role name (1-64 characters of A-Z a-z 0-9 + = , . @ _ -, no path or wildcard)`);
    }
    return value;
}

/** The optional role name (undefined stays undefined), or a one-line error naming `parameter`. */
export function validOptionalRoleName(parameter: string, value: unknown): string | undefined {
    return value === undefined ? undefined : validRoleName(parameter, value);
}

/** The regions, or a one-line error naming `parameter`: at least one, each a region code, no repeats. */
export function validRegions(parameter: string, value: unknown): readonly string[] {
    if (!Array.isArray(value) || value.length === 0) {
        throw new Error(`${parameter}: ${show(value)} is not a non-empty list of AWS region codes`);
    }
    for (const region of value as unknown[]) {
        if (typeof region !== "string" || !REGION.test(region)) {
            throw new Error(`${parameter}: ${show(region)} is not an AWS region code (like eu-west-1)`);
        }
    }
    const regions = value as string[];
    const repeated = regions.find((r, i) => regions.indexOf(r) !== i);
    if (repeated !== undefined) {
        throw new Error(`${parameter}: ${show(repeated)} is listed twice`);
    }
    return regions;
}

/** The bucket ARN, or a one-line error naming `parameter`. */
export function validBucketArn(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !BUCKET_ARN.test(value)) {
        throw new Error(`${parameter}: ${show(value)} is not an S3 bucket ARN (arn:aws:s3:::<bucket-name>, no key or wildcard)`);
    }
    return value;
}

/**
 * The log group name patterns, or a one-line error naming `parameter`: at least one; each a log
 * group name that may use `*`, but not one that is nothing but wildcards (that would be every group).
 */
export function validLogGroupPatterns(parameter: string, value: unknown): readonly string[] {
    if (!Array.isArray(value) || value.length === 0) {
        throw new Error(`${parameter}: ${show(value)} is not a non-empty list of log group name patterns`);
    }
    for (const pattern of value as unknown[]) {
        if (typeof pattern !== "string" || !LOG_GROUP_PATTERN.test(pattern) || /^\**$/.test(pattern)) {
            throw new Error(`${parameter}: ${show(pattern)} is not a log group name pattern (A-Z a-z 0-9 _ - / . # and * as wildcard, not only *)`);
        }
    }
    return value as string[];
}

/**
 * The ARN pattern `aws:PrincipalArn` has for a role of this name in any member account. Exact
 * name, path `/`: no wildcard around the name, so `evil-<name>` or `<name>-copy` never match.
 */
export function roleArnPattern(roleName: string): string {
    return `arn:aws:iam::*:role/${roleName}`;
}
