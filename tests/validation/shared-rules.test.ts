import * as assert from "assert";
import { validPositiveWholeNumber, validWholeNumber } from "../../validation/argument-error";
import {
    ACCESS_KEY_ID,
    INSTANCE_ID,
    NETWORK_INTERFACE_ID,
    ROLE_NAME,
    SECURITY_GROUP_ID,
    SNS_TOPIC_ARN,
    USER_NAME,
    VPC_ID,
    isBucketName,
} from "../../validation/aws-identifiers";
import { FINDING_ID, FINDING_TYPE, RESOURCE_TYPE, USER_TYPE } from "../../validation/guardduty-findings";
import { GUARDDUTY_SEVERITY, isGuardDutySeverity } from "../../validation/guardduty-severity";
import { validLogGroupName, validLogGroupNamePrefix } from "../../validation/log-groups";
import { isLogRetentionDays, LOG_RETENTION_DAYS } from "../../validation/log-retention";
import { isPort } from "../../validation/ports";
import { isConfigKeyPrefix } from "../../validation/s3-key-prefixes";
import { TAG_KEY, isTagKey, isTagValue } from "../../validation/tag-keys";

/** The values `pattern` refuses, and those it accepts: each asserted empty, so a failure names the value. */
const refusedBy = (pattern: RegExp, values: string[]) => values.filter((value) => !pattern.test(value));
const acceptedBy = (pattern: RegExp, values: string[]) => values.filter((value) => pattern.test(value));

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

    it("tag keys as AWS stores them (a finding reports its own aws: tags): the same characters and length, aws: allowed", () => {
        assert.deepStrictEqual(refusedBy(TAG_KEY, ["aws:cloudformation:stack-name", "k".repeat(128)]), []);
        assert.deepStrictEqual(acceptedBy(TAG_KEY, ["", "k".repeat(129), "Team*", "a\nb"]), []);
    });

    it("IAM role and user names: 1 to 64 of letters, digits and +=,.@_- (ASCII only)", () => {
        for (const pattern of [ROLE_NAME, USER_NAME]) {
            assert.deepStrictEqual(refusedBy(pattern, ["a", "r".repeat(64), "ci+deploy=x,y.z@e_f-g"]), []);
            assert.deepStrictEqual(acceptedBy(pattern, ["", "r".repeat(65), "a b", "a;b", "a/b", "örders", "a$(id)"]), []);
        }
    });

    it("access key ids: 16 to 128 letters, digits or _", () => {
        assert.deepStrictEqual(refusedBy(ACCESS_KEY_ID, ["AKIAX7Q2EXAMPLE7LONG", "A".repeat(16), "A".repeat(128)]), []);
        assert.deepStrictEqual(acceptedBy(ACCESS_KEY_ID, ["A".repeat(15), "A".repeat(129), "AKIA-X7Q2-EXAMPLE7"]), []);
    });

    it("EC2 ids: the prefix and exactly 8 or 17 lowercase hexadecimal digits", () => {
        for (const [pattern, prefix] of [
            [INSTANCE_ID, "i-"],
            [NETWORK_INTERFACE_ID, "eni-"],
            [VPC_ID, "vpc-"],
            [SECURITY_GROUP_ID, "sg-"],
        ] as const) {
            const ids = (suffixes: string[]) => suffixes.map((suffix) => prefix + suffix);
            assert.deepStrictEqual(refusedBy(pattern, ids(["0a1b2c3d", "0a1b2c3d4e5f60718"])), []);
            assert.deepStrictEqual(
                acceptedBy(pattern, ids(["0a1b2c3", "0a1b2c3d4", "0a1b2c3d4e5f6071", "0a1b2c3d4e5f607189", "0A1B2C3D"])),
                [],
            );
        }
    });

    it("S3 bucket names: no prefix or suffix S3 reserves", () => {
        assert.deepStrictEqual(
            ["staging-orders-exports", "xn-bucket", "my-s3alias-data"].filter((name) => !isBucketName(name)),
            [],
        );
        const reserved = [
            "xn--bucket",
            "sthree-bucket",
            "amzn-s3-demo-bucket",
            "data-s3alias",
            "data--ol-s3",
            "data.mrap",
            "data--x-s3",
            "data--table-s3",
        ];
        assert.deepStrictEqual(reserved.filter(isBucketName), []);
    });

    it("SNS topic ARNs: the aws partition, a region, an account and a topic name of 1 to 256 of A-Z a-z 0-9 _ -", () => {
        const arn = "arn:aws:sns:eu-west-1:111111111111:staging-outcomes";
        const topic = (name: string) => arn.replace("staging-outcomes", name);
        assert.deepStrictEqual(refusedBy(SNS_TOPIC_ARN, [arn, topic("t".repeat(256))]), []);
        assert.deepStrictEqual(
            acceptedBy(SNS_TOPIC_ARN, [arn.replace("aws:", "aws-cn:"), `${arn}.fifo`, `${arn};x`, topic("t".repeat(257))]),
            [],
        );
    });

    it("GuardDuty finding ids, types, resource and user types", () => {
        assert.deepStrictEqual(refusedBy(FINDING_ID, ["a2c6f0e1b3d54f7a8c9e0d1f2a3b4c5d", "i".repeat(256)]), []);
        assert.deepStrictEqual(acceptedBy(FINDING_ID, ["", "i".repeat(257), "a b", "a\nb"]), []);
        assert.deepStrictEqual(
            refusedBy(FINDING_TYPE, [
                "Backdoor:EC2/C&CActivity.B!DNS",
                "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
            ]),
            [],
        );
        assert.deepStrictEqual(
            acceptedBy(FINDING_TYPE, ["Backdoor", "Backdoor:EC2/C&C;id", "Backdoor:EC2/$(id)", `Backdoor:EC2/${"C".repeat(88)}`]),
            [],
        );
        assert.deepStrictEqual(refusedBy(RESOURCE_TYPE, ["Instance", "S3Bucket"]), []);
        assert.deepStrictEqual(acceptedBy(RESOURCE_TYPE, ["Instance\n", "r".repeat(65)]), []);
        assert.deepStrictEqual([refusedBy(USER_TYPE, ["AssumedRole"]), acceptedBy(USER_TYPE, ["IAMUser;id"])], [[], []]);
    });

    it("tag values: empty to 256 of the same characters", () => {
        assert.deepStrictEqual(["", "v".repeat(256), "v".repeat(257), "a;b"].map(isTagValue), [true, true, false, false]);
    });

    it("tags: spaces, but no line or paragraph separator that would break a log line", () => {
        assert.deepStrictEqual(["a b", "a\u00a0b", "a\u2028b", "a\u2029b"].map(isTagValue), [true, true, false, false]);
        assert.deepStrictEqual(["a\u2028b", "a\u2029b"].map(isTagKey), [false, false]);
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
