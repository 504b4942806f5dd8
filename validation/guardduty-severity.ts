/** GuardDuty's severity scale, from which alerts and the responder act (config, components, the Lambda). */

import { fail } from "./argument-error";

/** GuardDuty's severity scale: Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0. */
export const GUARDDUTY_SEVERITY = { min: 1, max: 10, high: 7 } as const;

export const GUARDDUTY_SEVERITY_EXPECTED = `a GuardDuty severity from ${GUARDDUTY_SEVERITY.min} to ${GUARDDUTY_SEVERITY.max}`;

/** True for a severity on GuardDuty's scale. */
export function isGuardDutySeverity(value: unknown): value is number {
    return typeof value === "number" && value >= GUARDDUTY_SEVERITY.min && value <= GUARDDUTY_SEVERITY.max;
}

/** The severity, or a one-line error naming `parameter`. */
export function validGuardDutySeverity(parameter: string, value: unknown): number {
    if (!isGuardDutySeverity(value)) {
        fail(parameter, value, GUARDDUTY_SEVERITY_EXPECTED);
    }
    return value;
}
