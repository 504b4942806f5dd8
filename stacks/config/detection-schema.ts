import { z } from "zod";
import { FINDING_PUBLISHING_FREQUENCIES, GUARDDUTY_FEATURES } from "../../components/detection/guardduty-features";
import { noRepeats, strictObjectError } from "./schema-helpers";

// `zero-trust-aws:detection`: the GuardDuty detector (components/detection/guardduty-detector.ts)
// and its findings pipeline (components/detection/findings-pipeline.ts). Every message is the
// "expected …" half of a ConfigError.

/** GuardDuty's severity scale: Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0. */
export const GUARDDUTY_SEVERITY = { min: 1, max: 10, high: 7 } as const;

/**
 * How long exported findings may be kept. At least GuardDuty's own 90 days (a shorter export would
 * keep less history than the console); at most ten years.
 */
export const FINDINGS_RETENTION_DAYS = { min: 90, max: 3653, default: 365 } as const;

const DETECTION_KEYS = ["guardDutyFeatures", "findingPublishingFrequency", "alertSeverityThreshold", "findingsRetentionDays"] as const;

const guardDutyFeatureList = `GuardDuty protection plans from ${GUARDDUTY_FEATURES.join(", ")}`;

const SEVERITY_EXPECTED =
    `a GuardDuty severity from ${GUARDDUTY_SEVERITY.min} to ${GUARDDUTY_SEVERITY.max} ` +
    "(Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0): findings at or above it raise an alert";

const RETENTION_EXPECTED =
    `a whole number of days from ${FINDINGS_RETENTION_DAYS.min} (GuardDuty itself keeps findings 90 days) to ${FINDINGS_RETENTION_DAYS.max}`;

export const detectionSchema = z
    .strictObject(
        {
            guardDutyFeatures: z
                .array(z.enum(GUARDDUTY_FEATURES, { error: `a GuardDuty protection plan: ${GUARDDUTY_FEATURES.join(", ")}` }), {
                    error: `a non-empty list of ${guardDutyFeatureList}`,
                })
                .min(1, { error: `a non-empty list of ${guardDutyFeatureList} (omit the key for all of them)` })
                .superRefine(noRepeats("a protection plan"))
                .default([...GUARDDUTY_FEATURES]),
            findingPublishingFrequency: z
                .enum(FINDING_PUBLISHING_FREQUENCIES, { error: `one of ${FINDING_PUBLISHING_FREQUENCIES.join(", ")}` })
                .default("FIFTEEN_MINUTES"),
            alertSeverityThreshold: z
                .number({ error: SEVERITY_EXPECTED })
                .min(GUARDDUTY_SEVERITY.min, { error: SEVERITY_EXPECTED })
                .max(GUARDDUTY_SEVERITY.max, { error: SEVERITY_EXPECTED })
                .default(GUARDDUTY_SEVERITY.high),
            findingsRetentionDays: z
                .number({ error: RETENTION_EXPECTED })
                .int({ error: RETENTION_EXPECTED })
                .min(FINDINGS_RETENTION_DAYS.min, { error: RETENTION_EXPECTED })
                .max(FINDINGS_RETENTION_DAYS.max, { error: RETENTION_EXPECTED })
                .default(FINDINGS_RETENTION_DAYS.default),
        },
        {
            error: strictObjectError(
                DETECTION_KEYS,
                "an object with optional guardDutyFeatures, findingPublishingFrequency, alertSeverityThreshold, findingsRetentionDays",
            ),
        },
    )
    // Absent: every protection plan, 15-minute publishing, alerts from High (7), a year of findings.
    .prefault({});

export type DetectionConfig = z.infer<typeof detectionSchema>;
