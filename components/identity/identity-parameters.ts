/**
 * Validation of the values IAM Identity Center access is built from. Each check throws a one-line
 * error that names the argument, shows the value and says what was expected, before any resource
 * exists. Patterns follow the IAM Identity Center API reference (CreatePermissionSet,
 * CreateAccountAssignment); only the commercial `aws` partition is accepted, as in the rest of
 * the program's policy documents.
 */

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** `arn:aws:sso:::instance/ssoins-<16 characters>` (the API's InstanceArn pattern, `aws` partition). */
const INSTANCE_ARN = /^arn:aws:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/;

/** An Identity Store principal id: a GUID, optionally prefixed with 10 hex digits and `-` (the API's PrincipalId pattern). */
const PRINCIPAL_ID = /^([0-9a-f]{10}-)?[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$/;

/** Account ids are exactly 12 digits. */
const ACCOUNT_ID = /^\d{12}$/;

/** Keys that become parts of resource names. */
const NAME_KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** `PT<h>H`, `PT<m>M` or `PT<h>H<m>M`: the ISO-8601 durations a permission set session takes, in whole minutes. */
const SESSION_DURATION = /^PT(?:(\d+)H)?(?:(\d+)M)?$/;

/** Human sessions: 1 to 8 hours (DESIGN: "human sessions 1–8 h"). */
export const MIN_SESSION_MINUTES = 60;
export const MAX_SESSION_MINUTES = 8 * 60;

/** The instance ARN, or a one-line error naming `parameter`. */
export function validInstanceArn(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !INSTANCE_ARN.test(value)) {
        throw new Error(`${parameter}: ${show(value)} is not an IAM Identity Center instance ARN (arn:aws:sso:::instance/ssoins-<16 characters>)`);
    }
    return value;
}

/** The Identity Store group id, or a one-line error naming `parameter`. */
export function validGroupId(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !PRINCIPAL_ID.test(value)) {
        throw new Error(`${parameter}: ${show(value)} is not an Identity Store group id (a GUID such as 9067a2f4-f0b1-70e8-1b2d-3c4d5e6f7a8b, optionally prefixed with 10 hex digits and -)`);
    }
    return value;
}

/** A plain account id must be 12 digits; an output (an account created in the same run) is checked by AWS. */
export function checkAccountId(parameter: string, value: unknown): void {
    if (typeof value === "string" && !ACCOUNT_ID.test(value)) {
        throw new Error(`${parameter}: ${show(value)} is not an AWS account id (12 digits)`);
    }
    if (typeof value !== "string" && (value === null || typeof value !== "object")) {
        throw new Error(`${parameter}: ${show(value)} is not an AWS account id (12 digits)`);
    }
}

/** A key that names resources, or a one-line error naming `parameter`. */
export function validNameKey(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !NAME_KEY.test(value)) {
        throw new Error(`${parameter}: key ${show(value)} is not a lowercase name (a-z 0-9 -, up to 63 characters, starting with a letter or digit)`);
    }
    return value;
}

/** Minutes of an ISO-8601 session duration of the form `PT<h>H<m>M`, or undefined if it has another form. */
export function sessionMinutes(value: string): number | undefined {
    const match = SESSION_DURATION.exec(value);
    if (match === null || (match[1] === undefined && match[2] === undefined)) {
        return undefined;
    }
    return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

/** The session duration if it lies between `PT1H` and `maxMinutes`, or a one-line error naming `parameter`. */
export function validSessionDuration(parameter: string, value: unknown, maxMinutes: number): string {
    const minutes = typeof value === "string" ? sessionMinutes(value) : undefined;
    const upper = `PT${Math.floor(maxMinutes / 60)}H${maxMinutes % 60 === 0 ? "" : `${maxMinutes % 60}M`}`;
    if (minutes === undefined || minutes < MIN_SESSION_MINUTES || minutes > maxMinutes) {
        throw new Error(`${parameter}: ${show(value)} is not a session duration from PT1H to ${upper} (ISO-8601 PT<hours>H<minutes>M)`);
    }
    return value as string;
}

/**
 * The S3 bucket name, or a one-line error naming `parameter`: 3–63 characters of lowercase letters,
 * digits, dots and hyphens, starting and ending with a letter or digit, no `..`, not an IP address.
 */
export function validBucketName(parameter: string, value: unknown): string {
    if (
        typeof value !== "string" ||
        !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value) ||
        value.includes("..") ||
        /^\d+\.\d+\.\d+\.\d+$/.test(value)
    ) {
        throw new Error(`${parameter}: ${show(value)} is not an S3 bucket name (3-63 characters of a-z 0-9 . -, starting and ending with a letter or digit)`);
    }
    return value;
}
