import * as assert from "assert";
import { InputError } from "../../responder/input-error";
import {
    DEFAULT_OPT_OUT_TAG_KEY,
    DEFAULT_SEVERITY_THRESHOLD,
    SETTINGS_ENV,
    handlerSettingsFrom,
    plannerSettingsFrom,
} from "../../responder/settings";

const TOPIC = "arn:aws:sns:eu-west-1:111111111111:staging-guardduty-findings-alert-responder-outcomes";

describe("responder settings (environment variables)", () => {
    it("defaults: threshold 7, opt-out tag zero-trust:responder, no quarantine groups, no exempt roles", () => {
        assert.deepStrictEqual(plannerSettingsFrom({}), {
            severityThreshold: 7,
            optOutTagKey: "zero-trust:responder",
            quarantineSecurityGroups: {},
            exemptRoleNames: [],
        });
        assert.deepStrictEqual([DEFAULT_SEVERITY_THRESHOLD, DEFAULT_OPT_OUT_TAG_KEY], [7, "zero-trust:responder"]);
    });

    it("reads every variable the component sets", () => {
        const settings = handlerSettingsFrom({
            [SETTINGS_ENV.topicArn]: TOPIC,
            [SETTINGS_ENV.quarantineGroups]:
                '{"vpc-0a1b2c3d4e5f60718":"sg-0c0ffee0000000001","vpc-0123456789abcdef0":"sg-0123456789abcdef0"}',
            [SETTINGS_ENV.severityThreshold]: "8.5",
            [SETTINGS_ENV.optOutTagKey]: "security:auto-response",
            [SETTINGS_ENV.exemptRoles]: '["staging-guardduty-findings-alert-responder"]',
            [SETTINGS_ENV.dryRun]: "true",
        });
        assert.deepStrictEqual(settings, {
            topicArn: TOPIC,
            quarantineSecurityGroups: { "vpc-0a1b2c3d4e5f60718": "sg-0c0ffee0000000001", "vpc-0123456789abcdef0": "sg-0123456789abcdef0" },
            severityThreshold: 8.5,
            optOutTagKey: "security:auto-response",
            exemptRoleNames: ["staging-guardduty-findings-alert-responder"],
            dryRun: true,
        });
    });

    it("acts unless RESPONDER_DRY_RUN is exactly true", () => {
        assert.strictEqual(handlerSettingsFrom({ [SETTINGS_ENV.topicArn]: TOPIC }).dryRun, false);
        assert.strictEqual(handlerSettingsFrom({ [SETTINGS_ENV.topicArn]: TOPIC, [SETTINGS_ENV.dryRun]: "false" }).dryRun, false);
    });

    describe("refuses a bad value with one line naming the variable, the value and what was expected", () => {
        const cases: [string, Record<string, string>, RegExp][] = [
            [
                "threshold not a number",
                { RESPONDER_SEVERITY_THRESHOLD: "high" },
                /^invalid responder setting RESPONDER_SEVERITY_THRESHOLD="high": expected a GuardDuty severity from 1 to 10$/,
            ],
            [
                "threshold above 10",
                { RESPONDER_SEVERITY_THRESHOLD: "11" },
                /RESPONDER_SEVERITY_THRESHOLD="11": expected a GuardDuty severity from 1 to 10$/,
            ],
            ["threshold below 1", { RESPONDER_SEVERITY_THRESHOLD: "0.5" }, /RESPONDER_SEVERITY_THRESHOLD="0\.5"/],
            [
                "tag key reserved by AWS",
                { RESPONDER_OPT_OUT_TAG_KEY: "aws:responder" },
                /RESPONDER_OPT_OUT_TAG_KEY="aws:responder": expected a tag key of 1 to 128 letters, digits, spaces or _\.:\/=\+-@ that does not start with aws:$/,
            ],
            [
                "quarantine groups not JSON",
                { RESPONDER_QUARANTINE_GROUPS: "vpc-1=sg-1" },
                /RESPONDER_QUARANTINE_GROUPS="vpc-1=sg-1": expected a JSON object of VPC ids to security group ids/,
            ],
            [
                "quarantine groups a list",
                { RESPONDER_QUARANTINE_GROUPS: '["sg-0c0ffee0000000001"]' },
                /RESPONDER_QUARANTINE_GROUPS="\[\\"sg-0c0ffee0000000001\\"\]": expected a JSON object/,
            ],
            [
                "quarantine group not a group id",
                { RESPONDER_QUARANTINE_GROUPS: '{"vpc-0a1b2c3d4e5f60718":"quarantine"}' },
                /^invalid responder setting RESPONDER_QUARANTINE_GROUPS\["vpc-0a1b2c3d4e5f60718"\]="quarantine": expected a VPC id \(vpc-…\) mapped to a security group id \(sg-…\)$/,
            ],
            [
                "exempt roles not a list of names",
                { RESPONDER_EXEMPT_ROLES: '"responder"' },
                /RESPONDER_EXEMPT_ROLES="\\"responder\\"": expected a JSON array of IAM role names$/,
            ],
        ];
        for (const [label, env, message] of cases) {
            it(label, () => {
                assert.throws(
                    () => plannerSettingsFrom(env),
                    (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes("\n"),
                    label,
                );
            });
        }

        it("the Lambda without a topic ARN (or one of another partition, or not a topic name), or with a dry-run switch that is not true/false", () => {
            assert.throws(
                () => handlerSettingsFrom({}),
                /^InputError: invalid responder setting RESPONDER_TOPIC_ARN=undefined: expected the ARN of an SNS topic of the aws partition$/,
            );
            for (const arn of [TOPIC.replace("arn:aws:", "arn:aws-us-gov:"), `${TOPIC};id`, `${TOPIC}${"x".repeat(256)}`]) {
                assert.throws(
                    () => handlerSettingsFrom({ [SETTINGS_ENV.topicArn]: arn }),
                    /^InputError: invalid responder setting RESPONDER_TOPIC_ARN="arn:aws.*: expected the ARN of an SNS topic of the aws partition$/,
                    arn,
                );
            }
            assert.throws(
                () => handlerSettingsFrom({ [SETTINGS_ENV.topicArn]: TOPIC, [SETTINGS_ENV.dryRun]: "yes" }),
                /RESPONDER_DRY_RUN="yes": expected true or false$/,
            );
        });
    });
});
