import { fail, refuseRepeats } from "../../validation/argument-error";

/**
 * GuardDuty protection plans this program manages, by their detector feature names
 * (API `DetectorFeatureConfiguration.Name`). `EKS_RUNTIME_MONITORING` is left out on purpose:
 * `RUNTIME_MONITORING` supersedes it, and AWS refuses a detector that is given both.
 */
export const GUARDDUTY_FEATURES = [
    "S3_DATA_EVENTS",
    "EKS_AUDIT_LOGS",
    "EBS_MALWARE_PROTECTION",
    "RDS_LOGIN_EVENTS",
    "RUNTIME_MONITORING",
    "LAMBDA_NETWORK_LOGS",
] as const;

/** A GuardDuty protection plan (detector feature name). */
export type GuardDutyFeature = (typeof GUARDDUTY_FEATURES)[number];

/**
 * Agent management of Runtime Monitoring (API `DetectorAdditionalConfiguration.Name`): GuardDuty
 * installs and updates its security agent on EKS (add-on), ECS Fargate and EC2 by itself.
 */
export const RUNTIME_MONITORING_AGENT_MANAGEMENT = [
    "EKS_ADDON_MANAGEMENT",
    "ECS_FARGATE_AGENT_MANAGEMENT",
    "EC2_AGENT_MANAGEMENT",
] as const;

/** How often GuardDuty publishes updates of recurring findings to EventBridge (and S3 exports). */
export const FINDING_PUBLISHING_FREQUENCIES = ["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"] as const;

/** A finding publishing frequency GuardDuty accepts. */
export type FindingPublishingFrequency = (typeof FINDING_PUBLISHING_FREQUENCIES)[number];

/** The protection plans (each one of `GUARDDUTY_FEATURES`, none twice), or a one-line error naming `parameter`. */
export function validGuardDutyFeatures(parameter: string, value: unknown): readonly GuardDutyFeature[] {
    if (!Array.isArray(value)) {
        fail(parameter, value, `a list of GuardDuty protection plans (${GUARDDUTY_FEATURES.join(", ")})`);
    }
    for (const feature of value as unknown[]) {
        if (typeof feature !== "string" || !(GUARDDUTY_FEATURES as readonly string[]).includes(feature)) {
            fail(parameter, feature, `a GuardDuty protection plan (expected one of ${GUARDDUTY_FEATURES.join(", ")})`);
        }
    }
    return refuseRepeats(parameter, value as readonly GuardDutyFeature[]);
}
