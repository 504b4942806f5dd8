/**
 * Secrets Manager's own limits on what a workload's secret is named and how often it rotates,
 * shared by the application secrets component and the stack config that declares the secrets.
 */

import { fail, validWholeNumber } from "./argument-error";
import { LOWERCASE_NAME } from "./name-keys";

/** Days between rotations: Secrets Manager's range for `AutomaticallyAfterDays` (API RotationRulesType). */
export const ROTATION_DAYS = { min: 1, max: 1000 } as const;

/**
 * Secrets Manager appends `-` and six characters to a secret's name in its ARN, and a name that
 * already ends so is mistaken for that suffix when the secret is looked up by partial ARN (AWS API:
 * CreateSecret, Name).
 */
const LOOKS_LIKE_ARN_SUFFIX = /-[A-Za-z0-9]{6}$/;

/**
 * A secret's key within its application: a lowercase name (the secret is `<env>/<app>/<key>`) that
 * does not end in `-` and six characters.
 */
export function validSecretKey(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !LOWERCASE_NAME.test(value) || LOOKS_LIKE_ARN_SUFFIX.test(value)) {
        fail(
            parameter,
            value,
            "a secret key (a-z 0-9 -, up to 63 characters, starting with a letter or digit, not ending in - and six characters, which Secrets Manager's ARN suffix looks like)",
        );
    }
    return value;
}

/** Days between rotations from 1 to 1000, or a one-line error naming `parameter`. */
export function validRotationDays(parameter: string, value: unknown): number {
    return validWholeNumber(parameter, value, ROTATION_DAYS.min, ROTATION_DAYS.max);
}
