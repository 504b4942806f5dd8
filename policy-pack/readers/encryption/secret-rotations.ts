// Secrets Manager secrets and the rotation schedules that name them, both providers.
//
//   aws:secretsmanager/secret:Secret                     id / arn (the ARN), name
//   aws-native:secretsmanager:Secret                     id / awsId (the ARN), name
//   aws:secretsmanager/secretRotation:SecretRotation     secretId, rotationRules { automaticallyAfterDays | scheduleExpression }
//   aws-native:secretsmanager:RotationSchedule           secretId, rotationRules { automaticallyAfterDays | scheduleExpression }
//
// A secret's rotation is a separate resource: `secretId` takes the secret's ARN or name, by
// reference or as a literal.

import { Identity } from "../attachments";
import { Props, Reading, Unknown, UNKNOWN } from "../known";
import { RotationInterval, scheduleInterval } from "./rotation-schedule";

export const SECRET_IDENTITIES: ReadonlyMap<string, Identity> = new Map([
    ["aws:secretsmanager/secret:Secret", { ids: ["id", "arn"], names: ["name"] }],
    ["aws-native:secretsmanager:Secret", { ids: ["id", "awsId"], names: ["name"] }],
]);

export const SECRET_ROTATION_TYPES: ReadonlySet<string> = new Set([
    "aws:secretsmanager/secretRotation:SecretRotation",
    "aws-native:secretsmanager:RotationSchedule",
]);

/** The longest gap a rotation resource leaves between rotations; UNKNOWN during preview. */
export function readRotationInterval(props: Props, reading: Reading): RotationInterval | Unknown {
    const rules = reading.get(props, "rotationRules");
    if (rules === UNKNOWN) {
        return UNKNOWN;
    }
    if (rules === undefined || rules === null) {
        return { unbounded: "it has no rotationRules, so no schedule" };
    }
    const days = reading.get(rules, "automaticallyAfterDays");
    if (days === UNKNOWN) {
        return UNKNOWN;
    }
    const count = typeof days === "string" && days.trim() !== "" ? Number(days) : days;
    if (typeof count === "number" && Number.isFinite(count) && count > 0) {
        return { days: count };
    }
    const expression = reading.get(rules, "scheduleExpression");
    if (expression === UNKNOWN) {
        return UNKNOWN;
    }
    if (typeof expression === "string" && expression.trim() !== "") {
        return scheduleInterval(expression);
    }
    return { unbounded: "its rotationRules set neither automaticallyAfterDays nor scheduleExpression" };
}
