import * as assert from "assert";
import * as path from "path";
import { readStackConfig } from "../../offline-preview/stack-config";
import { ConfigError } from "../../stacks/config/config-error";
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
function assertRefused(detection: unknown, key: string, value: unknown, expected: string): void {
    let thrown: unknown;
    try {
        parseEnvironmentConfig(withDetection(detection), "staging");
    } catch (err) {
        thrown = err;
    }
    assert.ok(thrown instanceof ConfigError, `expected a ConfigError, got ${String(thrown)}`);
    assert.deepStrictEqual([thrown.key, thrown.value, thrown.expected], [key, value, expected]);
    assert.ok(!thrown.message.includes("\n"), "one line");
    assert.strictEqual(thrown.message, `invalid config ${key}=${typeof value === "string" ? value : JSON.stringify(value)}: expected ${expected}`);
}

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
                assertRefused({ alertSeverityThreshold: threshold }, "zero-trust-aws:detection.alertSeverityThreshold", threshold, SEVERITY_EXPECTED);
            }
        });

        it("a severity above GuardDuty's scale", () => {
            for (const threshold of [10.1, 70]) {
                assertRefused({ alertSeverityThreshold: threshold }, "zero-trust-aws:detection.alertSeverityThreshold", threshold, SEVERITY_EXPECTED);
            }
        });

        it("a severity that is not a number (a level name, a numeric string, null)", () => {
            for (const threshold of ["HIGH", "7", null]) {
                assertRefused({ alertSeverityThreshold: threshold }, "zero-trust-aws:detection.alertSeverityThreshold", threshold, SEVERITY_EXPECTED);
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
                "one of the keys detectorId, guardDutyFeatures, findingPublishingFrequency, alertSeverityThreshold, findingsRetentionDays",
            );
        });
    });
});
