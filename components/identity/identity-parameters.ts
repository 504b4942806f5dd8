import { fail } from "../../validation/argument-error";

/**
 * Validation of the values IAM Identity Center access is built from. Each check throws a one-line
 * error that names the argument, shows the value and says what was expected, before any resource
 * exists. Patterns follow the IAM Identity Center API reference (CreatePermissionSet,
 * CreateAccountAssignment); only the commercial `aws` partition is accepted, as in the rest of
 * the program's policy documents. Account ids, bucket names and resource-name keys are checked with
 * the shared checks of `validation/`.
 */

/** `arn:aws:sso:::instance/ssoins-<16 characters>` (the API's InstanceArn pattern, `aws` partition). */
const INSTANCE_ARN = /^arn:aws:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/;

/** An Identity Store principal id: a GUID, optionally prefixed with 10 hex digits and `-` (the API's PrincipalId pattern). */
const PRINCIPAL_ID = /^([0-9a-f]{10}-)?[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$/;

/** `PT<h>H`, `PT<m>M` or `PT<h>H<m>M`: the ISO-8601 durations a permission set session takes, in whole minutes. */
const SESSION_DURATION = /^PT(?:(\d+)H)?(?:(\d+)M)?$/;

/** Human sessions: 1 to 8 hours (DESIGN: "human sessions 1–8 h"). */
export const MIN_SESSION_MINUTES = 60;
export const MAX_SESSION_MINUTES = 8 * 60;

/** The instance ARN, or a one-line error naming `parameter`. */
export function validInstanceArn(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !INSTANCE_ARN.test(value)) {
        fail(parameter, value, "an IAM Identity Center instance ARN (arn:aws:sso:::instance/ssoins-<16 characters>)");
    }
    return value;
}

/** The Identity Store group id, or a one-line error naming `parameter`. */
export function validGroupId(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !PRINCIPAL_ID.test(value)) {
        fail(
            parameter,
            value,
            "an Identity Store group id (a GUID such as 9067a2f4-f0b1-70e8-1b2d-3c4d5e6f7a8b, optionally prefixed with 10 hex digits and -)",
        );
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
        fail(parameter, value, `a session duration from PT1H to ${upper} (ISO-8601 PT<hours>H<minutes>M)`);
    }
    return value as string;
}
