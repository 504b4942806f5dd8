import * as assert from "assert";
import { validPositiveWholeNumber, validWholeNumber } from "../../validation/argument-error";
import { GUARDDUTY_SEVERITY, isGuardDutySeverity } from "../../validation/guardduty-severity";
import { validLogGroupName, validLogGroupNamePrefix } from "../../validation/log-groups";
import { isLogRetentionDays, LOG_RETENTION_DAYS } from "../../validation/log-retention";
import { isPort } from "../../validation/ports";
import { isConfigKeyPrefix } from "../../validation/s3-key-prefixes";
import { isTagKey, isTagValue } from "../../validation/tag-keys";

// The rules config, components and the responder share, at their edges. Their one-line errors are
// asserted where they are used (the components' and the config's tests).

describe("shared rules", () => {
    it("tag keys: 1 to 128 of AWS's characters (any script), never under aws: in any case", () => {
        assert.deepStrictEqual(["zero-trust:responder", "k".repeat(128), "Kostenstelle ä", "a b_c.d:e/f=g+h-i@j"].map(isTagKey), [
            true,
            true,
            true,
            true,
        ]);
        assert.deepStrictEqual(["", "k".repeat(129), "aws:responder", "AWS:x", "key!"].map(isTagKey), [false, false, false, false, false]);
    });

    it("tag values: empty to 256 of the same characters", () => {
        assert.deepStrictEqual(["", "v".repeat(256), "v".repeat(257), "a;b"].map(isTagValue), [true, true, false, false]);
    });

    it("log retention: exactly CloudWatch Logs' periods, never 0 (never expire)", () => {
        assert.ok(LOG_RETENTION_DAYS.every(isLogRetentionDays));
        assert.deepStrictEqual([0, 2, 365.5, 3654, "365"].map(isLogRetentionDays), [false, false, false, false, false]);
    });

    it("GuardDuty severity: 1 to 10 inclusive, High from 7", () => {
        assert.deepStrictEqual([1, 7, 10, 0.9, 10.1, Number.NaN].map(isGuardDutySeverity), [true, true, true, false, false, false]);
        assert.strictEqual(GUARDDUTY_SEVERITY.high, 7);
    });

    it("ports: whole numbers from 1 to 65535", () => {
        assert.deepStrictEqual([1, 65535, 0, 65536, 80.5, "80"].map(isPort), [true, true, false, false, false, false]);
    });

    it("AWS Config key prefixes: path segments, up to 200 characters, not AWSLogs", () => {
        assert.deepStrictEqual(["config", "org/config", "p".repeat(200), "AWSLogsArchive"].map(isConfigKeyPrefix), [
            true,
            true,
            true,
            true,
        ]);
        assert.deepStrictEqual(["", "config/", "/config", "a//b", "p".repeat(201), "AWSLogs", "AWSLogs/x"].map(isConfigKeyPrefix), [
            false,
            false,
            false,
            false,
            false,
            false,
            false,
        ]);
    });

    it("log group names and prefixes: CloudWatch Logs' characters; a prefix starts and ends with /", () => {
        assert.strictEqual(validLogGroupName("n", "/zero-trust/prod/vpc-flow-logs/net"), "/zero-trust/prod/vpc-flow-logs/net");
        assert.throws(() => validLogGroupName("n", "/a b"), /^ArgumentError: n: "\/a b" is not a log group name/);
        assert.throws(
            () => validLogGroupName("n", "/other/x", "/zero-trust/"),
            /^ArgumentError: n: "\/other\/x" is not a log group name \(.*, under \/zero-trust\/\)$/,
        );
        assert.strictEqual(validLogGroupNamePrefix("p", "/zero-trust/prod/"), "/zero-trust/prod/");
        for (const prefix of ["/zero-trust/prod", "zero-trust/", "/", "//", "/zero trust/"]) {
            assert.throws(() => validLogGroupNamePrefix("p", prefix), /^ArgumentError: p: .* is not a log group name prefix/, prefix);
        }
    });

    it("whole numbers: within their range, or a positive count", () => {
        assert.strictEqual(validWholeNumber("d", 30, 7, 30), 30);
        assert.throws(() => validWholeNumber("d", 6, 7, 30), /^ArgumentError: d: 6 is not a whole number of days from 7 to 30$/);
        assert.throws(
            () => validWholeNumber("n", 2.5, 1, 5, "items"),
            /^ArgumentError: n: 2\.5 is not a whole number of items from 1 to 5$/,
        );
        assert.strictEqual(validPositiveWholeNumber("c", 1, "executions"), 1);
        assert.throws(
            () => validPositiveWholeNumber("c", 0, "executions"),
            /^ArgumentError: c: 0 is not a positive whole number of executions$/,
        );
    });
});
