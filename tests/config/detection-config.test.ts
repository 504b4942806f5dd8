import * as assert from "assert";
import { assertRefusal } from "./config-refusal";
import * as path from "path";
import { readStackConfig } from "../../offline-preview/stack-config";
import { parseEnvironmentConfig, type RawConfig } from "../../stacks/config/load-environment-config";

// `zero-trust-aws:detection.alertSeverityThreshold` and `.findingsRetentionDays` (the findings
// pipeline), on top of the real staging stack config.

const ROOT = path.resolve(__dirname, "../..");

const SEVERITY_EXPECTED =
    "a GuardDuty severity from 1 to 10 (Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0): findings at or above it raise an alert";
const RETENTION_EXPECTED = "a whole number of days from 90 (GuardDuty itself keeps findings 90 days) to 3653";

/** The staging stack's config with this `zero-trust-aws:detection` object. */
function withDetection(detection: unknown): RawConfig {
    return { ...readStackConfig(ROOT, "staging").config, "zero-trust-aws:detection": JSON.stringify(detection) };
}

const detectionOf = (detection: unknown) => parseEnvironmentConfig(withDetection(detection), "staging").detection;

/** Asserts that parsing fails with exactly this one-line ConfigError. */
const assertRefused = (detection: unknown, key: string, value: unknown, expected: string) =>
    assertRefusal(() => parseEnvironmentConfig(withDetection(detection), "staging"), key, value, expected);

describe("config: detection.alertSeverityThreshold and detection.findingsRetentionDays", () => {
    describe("accepts", () => {
        it("defaults: alerts from severity 7 (High), findings kept 365 days", () => {
            const detection = detectionOf({});
            assert.deepStrictEqual([detection.alertSeverityThreshold, detection.findingsRetentionDays], [7, 365]);
        });

        it("any severity on GuardDuty's scale, fractional ones and both ends included", () => {
            for (const threshold of [1, 4, 5.5, 8.9, 9, 10]) {
                assert.strictEqual(detectionOf({ alertSeverityThreshold: threshold }).alertSeverityThreshold, threshold);
            }
        });

        it("a retention from 90 days to ten years, both ends included", () => {
            for (const days of [90, 400, 2557, 3653]) {
                assert.strictEqual(detectionOf({ findingsRetentionDays: days }).findingsRetentionDays, days);
            }
        });

        it("keeps the other detection settings' defaults when only these are set", () => {
            const detection = detectionOf({ alertSeverityThreshold: 8, findingsRetentionDays: 731 });
            assert.deepStrictEqual([detection.findingPublishingFrequency, detection.guardDutyFeatures.length], ["FIFTEEN_MINUTES", 6]);
        });
    });

    describe("refuses, naming key, value and what was expected", () => {
        it("a severity below GuardDuty's scale", () => {
            for (const threshold of [0, 0.9, -7]) {
                assertRefused(
                    { alertSeverityThreshold: threshold },
                    "zero-trust-aws:detection.alertSeverityThreshold",
                    threshold,
                    SEVERITY_EXPECTED,
                );
            }
        });

        it("a severity above GuardDuty's scale", () => {
            for (const threshold of [10.1, 70]) {
                assertRefused(
                    { alertSeverityThreshold: threshold },
                    "zero-trust-aws:detection.alertSeverityThreshold",
                    threshold,
                    SEVERITY_EXPECTED,
                );
            }
        });

        it("a severity that is not a number (a level name, a numeric string, null)", () => {
            for (const threshold of ["HIGH", "7", null]) {
                assertRefused(
                    { alertSeverityThreshold: threshold },
                    "zero-trust-aws:detection.alertSeverityThreshold",
                    threshold,
                    SEVERITY_EXPECTED,
                );
            }
        });

        it("a retention shorter than GuardDuty's own 90 days", () => {
            for (const days of [0, 30, 89]) {
                assertRefused({ findingsRetentionDays: days }, "zero-trust-aws:detection.findingsRetentionDays", days, RETENTION_EXPECTED);
            }
        });

        it("a retention longer than ten years", () => {
            assertRefused({ findingsRetentionDays: 3654 }, "zero-trust-aws:detection.findingsRetentionDays", 3654, RETENTION_EXPECTED);
        });

        it("a retention that is not a whole number of days", () => {
            for (const days of [365.5, "365", true]) {
                assertRefused({ findingsRetentionDays: days }, "zero-trust-aws:detection.findingsRetentionDays", days, RETENTION_EXPECTED);
            }
        });

        it("a misspelt key, naming the known ones", () => {
            assertRefused(
                { alertSeverity: 7 },
                "zero-trust-aws:detection.alertSeverity",
                7,
                "one of the keys detectorId, detectorIds, guardDutyFeatures, findingPublishingFrequency, alertSeverityThreshold, findingsRetentionDays, responder",
            );
        });
    });
});

describe("config: detection.detectorId and detection.responder", () => {
    const DETECTOR = "3ac7e1f09b2d4c58a6e0f1b2c3d4e5f6";
    const SEVERITY_OF_RESPONDER = SEVERITY_EXPECTED;

    it("adopts a detector by id and keeps the responder's defaults: dry run, severity 7, the opt-out tag, no reserved concurrency", () => {
        const detection = detectionOf({ detectorId: DETECTOR });
        assert.strictEqual(detection.detectorId, DETECTOR);
        assert.deepStrictEqual(detection.responder, { dryRun: true, severityThreshold: 7, optOutTagKey: "zero-trust:responder" });
        // A reservation fails in a new account (Lambda keeps 100 unreserved; new accounts may have a quota of 10).
        assert.strictEqual(detection.responder.reservedConcurrency, undefined);
    });

    it("defaults the responder's threshold to the alert rule's", () => {
        assert.strictEqual(detectionOf({ alertSeverityThreshold: 8.9 }).responder.severityThreshold, 8.9);
    });

    it("takes every responder setting", () => {
        const responder = { dryRun: false, severityThreshold: 8.5, optOutTagKey: "security/responder", reservedConcurrency: 20 };
        assert.deepStrictEqual(detectionOf({ responder }).responder, responder);
    });

    const refusals: [string, unknown, string, unknown, string][] = [
        [
            "a detector id that is not 32 lowercase letters or digits",
            { detectorId: "ABC" },
            "zero-trust-aws:detection.detectorId",
            "ABC",
            "a GuardDuty detector id: 32 lowercase letters or digits (aws guardduty list-detectors in the account and region)",
        ],
        [
            "protection plans next to an adopted detector",
            { detectorId: DETECTOR, guardDutyFeatures: ["S3_DATA_EVENTS"] },
            "zero-trust-aws:detection.guardDutyFeatures",
            ["S3_DATA_EVENTS"],
            "nothing with detectorId: the organisation's delegated GuardDuty administrator sets protection plans and publishing frequency for member accounts",
        ],
        [
            "a responder that is not an object",
            { responder: true },
            "zero-trust-aws:detection.responder",
            true,
            "an object with optional dryRun, severityThreshold, optOutTagKey, reservedConcurrency",
        ],
        [
            "an unknown responder key",
            { responder: { dryrun: false } },
            "zero-trust-aws:detection.responder.dryrun",
            false,
            "one of the keys dryRun, severityThreshold, optOutTagKey, reservedConcurrency (did you mean dryRun?)",
        ],
        [
            "a dry run that is not a boolean",
            { responder: { dryRun: "no" } },
            "zero-trust-aws:detection.responder.dryRun",
            "no",
            "true (log and report the plan, act on nothing) or false",
        ],
        [
            "a responder severity off GuardDuty's scale",
            { responder: { severityThreshold: 11 } },
            "zero-trust-aws:detection.responder.severityThreshold",
            11,
            SEVERITY_OF_RESPONDER,
        ],
        [
            "a responder severity below the alert rule's",
            { alertSeverityThreshold: 8, responder: { severityThreshold: 7 } },
            "zero-trust-aws:detection.responder.severityThreshold",
            7,
            "a severity at or above alertSeverityThreshold (8): the responder sees only the findings the alert rule forwards",
        ],
        [
            "an AWS-reserved opt-out tag key",
            { responder: { optOutTagKey: "aws:responder" } },
            "zero-trust-aws:detection.responder.optOutTagKey",
            "aws:responder",
            "a tag key of 1 to 128 letters, digits, spaces or _.:/=+-@ that does not start with aws:",
        ],
        [
            "a reserved concurrency of 0 or a fraction",
            { responder: { reservedConcurrency: 0 } },
            "zero-trust-aws:detection.responder.reservedConcurrency",
            0,
            "a whole number of concurrent executions from 1 to 100 reserved for the responder",
        ],
        [
            "a reserved concurrency above 100",
            { responder: { reservedConcurrency: 2.5 } },
            "zero-trust-aws:detection.responder.reservedConcurrency",
            2.5,
            "a whole number of concurrent executions from 1 to 100 reserved for the responder",
        ],
    ];
    for (const [what, detection, key, value, expected] of refusals) {
        it(`refuses ${what}`, () => assertRefused(detection, key, value, expected));
    }
});
