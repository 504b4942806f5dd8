import { z } from "zod";
import { FINDING_PUBLISHING_FREQUENCIES, GUARDDUTY_FEATURES } from "../../components/detection/guardduty-features";
import { DEFAULT_OPT_OUT_TAG_KEY } from "../../responder/settings";
import { GUARDDUTY_DETECTOR_ID } from "../../validation/aws-identifiers";
import { GUARDDUTY_SEVERITY, GUARDDUTY_SEVERITY_EXPECTED } from "../../validation/guardduty-severity";
import { isTagKey, TAG_KEY_EXPECTED } from "../../validation/tag-keys";
import { noRepeats, REGION, REGION_EXPECTED, strictObjectError } from "./schema-helpers";

// `zero-trust-aws:detection`: the GuardDuty detector (components/detection/guardduty-detector.ts)
// and its findings pipeline (components/detection/findings-pipeline.ts). Every message is the
// "expected …" half of a ConfigError.

/**
 * How long exported findings may be kept. At least GuardDuty's own 90 days (a shorter export would
 * keep less history than the console); at most ten years.
 */
export const FINDINGS_RETENTION_DAYS = { min: 90, max: 3653, default: 365 } as const;

const DETECTION_KEYS = [
    "detectorId",
    "detectorIds",
    "guardDutyFeatures",
    "findingPublishingFrequency",
    "alertSeverityThreshold",
    "findingsRetentionDays",
    "responder",
] as const;

/** What the delegated administrator sets for an adopted detector, and members cannot change. */
const ADMINISTRATOR_KEYS = ["guardDutyFeatures", "findingPublishingFrequency"] as const;

const DETECTOR_ID_EXPECTED =
    "a GuardDuty detector id: 32 lowercase letters or digits (aws guardduty list-detectors in the account and region)";

const detectorId = z.string({ error: DETECTOR_ID_EXPECTED }).regex(GUARDDUTY_DETECTOR_ID, { error: DETECTOR_ID_EXPECTED });

/**
 * `detection.detectorIds`: the detectors the delegated administrator enabled in the environment's
 * other watched regions (one per region), by region; `detectorId` is the home region's.
 */
const detectorIdsSchema = z
    .record(z.string(), detectorId, { error: "an object of region → GuardDuty detector id (the other watched regions)" })
    .superRefine((ids, ctx) => {
        const values = Object.values(ids);
        for (const [region, id] of Object.entries(ids)) {
            if (!REGION.test(region)) {
                ctx.addIssue({ code: "custom", path: [region], params: { value: region }, message: REGION_EXPECTED });
            } else if (values.indexOf(id) !== values.lastIndexOf(id)) {
                ctx.addIssue({
                    code: "custom",
                    path: [region],
                    message: `a detector id no other region has (${id} is listed twice; a detector belongs to one region)`,
                });
            }
        }
    });

const guardDutyFeatureList = `GuardDuty protection plans from ${GUARDDUTY_FEATURES.join(", ")}`;

const SEVERITY_EXPECTED = `${GUARDDUTY_SEVERITY_EXPECTED} (Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0): findings at or above it raise an alert`;

const RETENTION_EXPECTED = `a whole number of days from ${FINDINGS_RETENTION_DAYS.min} (GuardDuty itself keeps findings 90 days) to ${FINDINGS_RETENTION_DAYS.max}`;

const RESPONDER_KEYS = ["dryRun", "severityThreshold", "optOutTagKey", "reservedConcurrency"] as const;
const CONCURRENCY_EXPECTED = "a whole number of concurrent executions from 1 to 100 reserved for the responder";

/**
 * `detection.responder`: the automated responder (components/response). Dry-run by default: it logs
 * and reports what it would do until someone has reviewed its plans and switched it on.
 */
const responderSchema = z
    .strictObject(
        {
            dryRun: z.boolean({ error: "true (log and report the plan, act on nothing) or false" }).default(true).meta({
                description:
                    "log and report the plan, act on nothing; staging sets false, prod keeps the dry run until its plans have been reviewed",
            }),
            // Default: the alert rule's threshold, so the responder acts on every finding it hears of.
            severityThreshold: z
                .number({ error: SEVERITY_EXPECTED })
                .min(GUARDDUTY_SEVERITY.min, { error: SEVERITY_EXPECTED })
                .max(GUARDDUTY_SEVERITY.max, { error: SEVERITY_EXPECTED })
                .optional()
                .meta({
                    description: "findings at or above it get playbook actions (the rest: notify); not below alertSeverityThreshold",
                    defaultText: "detection.alertSeverityThreshold",
                }),
            optOutTagKey: z
                .string({ error: TAG_KEY_EXPECTED })
                .refine(isTagKey, { error: TAG_KEY_EXPECTED })
                .default(DEFAULT_OPT_OUT_TAG_KEY)
                .meta({ description: "resources tagged `<key>=off` (any case) are never touched" }),
            // None by default: Lambda keeps 100 of an account's concurrency unreserved, and a new account's
            // quota can be as low as 10, so any reservation would fail the deployment there.
            reservedConcurrency: z
                .number({ error: CONCURRENCY_EXPECTED })
                .int({ error: CONCURRENCY_EXPECTED })
                .min(1, { error: CONCURRENCY_EXPECTED })
                .max(100, { error: CONCURRENCY_EXPECTED })
                .optional()
                .meta({
                    description:
                        "concurrent executions reserved for (and capping) the responder function. Lambda refuses a reservation that leaves the account fewer than " +
                        '100 unreserved executions, and a new account\'s quota is often 10: raise the quota (Service Quotas, "Concurrent executions") before setting it',
                }),
        },
        {
            error: strictObjectError(
                RESPONDER_KEYS,
                "an object with optional dryRun, severityThreshold, optOutTagKey, reservedConcurrency",
            ),
        },
    )
    .prefault({});

const detectionObject = z
    .strictObject(
        {
            detectorId: detectorId.optional().meta({
                description:
                    "e.g. `3ac7e1f09b2d4c58a6e0f1b2c3d4e5f6`: the detector the organisation's delegated administrator enabled in the account, adopted; " +
                    "guardDutyFeatures and findingPublishingFrequency are then refused (the administrator sets them). Without it, the stack creates a detector",
            }),
            detectorIds: detectorIdsSchema.optional().meta({
                description:
                    "region → detector id, e.g. `{eu-central-1: 7d2e…}`: with detectorId, the detector the delegated administrator enabled in each other " +
                    "watched region (required for each; refused for a region that is not watched or for the home region)",
            }),
            guardDutyFeatures: z
                .array(z.enum(GUARDDUTY_FEATURES, { error: `a GuardDuty protection plan: ${GUARDDUTY_FEATURES.join(", ")}` }), {
                    error: `a non-empty list of ${guardDutyFeatureList}`,
                })
                .min(1, { error: `a non-empty list of ${guardDutyFeatureList} (omit the key for all of them)` })
                .superRefine(noRepeats("a protection plan"))
                .default([...GUARDDUTY_FEATURES])
                .meta({
                    description:
                        "GuardDuty protection plans to enable, no repeats; plans not listed are declared DISABLED, since AWS would otherwise enable them. " +
                        "RUNTIME_MONITORING includes GuardDuty-managed agents for EKS, ECS Fargate and EC2",
                }),
            findingPublishingFrequency: z
                .enum(FINDING_PUBLISHING_FREQUENCIES, { error: `one of ${FINDING_PUBLISHING_FREQUENCIES.join(", ")}` })
                .default("FIFTEEN_MINUTES")
                .meta({ description: "how often GuardDuty publishes updates of recurring findings (to EventBridge)" }),
            alertSeverityThreshold: z
                .number({ error: SEVERITY_EXPECTED })
                .min(GUARDDUTY_SEVERITY.min, { error: SEVERITY_EXPECTED })
                .max(GUARDDUTY_SEVERITY.max, { error: SEVERITY_EXPECTED })
                .default(GUARDDUTY_SEVERITY.high)
                .meta({
                    description:
                        "findings of this GuardDuty severity or more go to the alerts topic (Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0)",
                }),
            findingsRetentionDays: z
                .number({ error: RETENTION_EXPECTED })
                .int({ error: RETENTION_EXPECTED })
                .min(FINDINGS_RETENTION_DAYS.min, { error: RETENTION_EXPECTED })
                .max(FINDINGS_RETENTION_DAYS.max, { error: RETENTION_EXPECTED })
                .default(FINDINGS_RETENTION_DAYS.default)
                .meta({
                    description:
                        "days an exported finding stays in the findings bucket (a replaced or deleted one 90 days more); at least GuardDuty's own 90; prod: 731",
                }),
            responder: responderSchema,
        },
        {
            error: strictObjectError(
                DETECTION_KEYS,
                "an object with optional detectorId, detectorIds, guardDutyFeatures, findingPublishingFrequency, alertSeverityThreshold, findingsRetentionDays, responder",
            ),
        },
    )
    .superRefine((detection, ctx) => {
        // Adopting in some regions and creating in others would contradict the organisation's auto-enable.
        if (detection.detectorIds !== undefined && detection.detectorId === undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["detectorIds"],
                message: "nothing without detectorId (the home region's detector is adopted too, or none is)",
            });
        }
        // The responder hears only what the alert rule forwards: a lower threshold would be a promise it cannot keep.
        const { severityThreshold } = detection.responder;
        if (severityThreshold !== undefined && severityThreshold < detection.alertSeverityThreshold) {
            ctx.addIssue({
                code: "custom",
                path: ["responder", "severityThreshold"],
                message: `a severity at or above alertSeverityThreshold (${detection.alertSeverityThreshold}): the responder sees only the findings the alert rule forwards`,
            });
        }
    })
    .transform((detection) => ({
        ...detection,
        responder: { ...detection.responder, severityThreshold: detection.responder.severityThreshold ?? detection.alertSeverityThreshold },
    }))
    // Absent: every protection plan, 15-minute publishing, alerts from High (7), a year of findings.
    .prefault({});

/**
 * With `detectorId` (the detector GuardDuty's delegated administrator enabled in the account, which
 * the stack adopts), protection plans and publishing frequency are the administrator's: setting them
 * here would be silently ignored by AWS, so it is refused.
 */
export const detectionSchema = z.preprocess((value, ctx) => {
    if (value !== null && typeof value === "object" && "detectorId" in value) {
        for (const key of ADMINISTRATOR_KEYS.filter((k) => k in value)) {
            ctx.addIssue({
                code: "custom",
                path: [key],
                input: (value as Record<string, unknown>)[key],
                message:
                    "nothing with detectorId: the organisation's delegated GuardDuty administrator sets protection plans and publishing frequency for member accounts",
            });
        }
    }
    return value;
}, detectionObject);

export type DetectionConfig = z.infer<typeof detectionSchema>;
