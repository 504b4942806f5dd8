/** How long CloudWatch Logs keeps a log group's events: the flow logs', the trail's. */

import { fail } from "./argument-error";

/** Retention periods CloudWatch Logs accepts (PutRetentionPolicy); 0 / "never expire" is refused on purpose. */
export const LOG_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export const LOG_RETENTION_EXPECTED = `a CloudWatch Logs retention (${LOG_RETENTION_DAYS.join(", ")} days)`;

/** True for a number of days CloudWatch Logs accepts as a retention. */
export function isLogRetentionDays(days: unknown): days is number {
    return typeof days === "number" && (LOG_RETENTION_DAYS as readonly number[]).includes(days);
}

/** The retention in days, or a one-line error naming `parameter`. */
export function validLogRetentionDays(parameter: string, value: unknown): number {
    if (!isLogRetentionDays(value)) {
        fail(parameter, value, LOG_RETENTION_EXPECTED);
    }
    return value;
}
