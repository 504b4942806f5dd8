import * as assert from "assert";
import { alertRuleName, alertTopicName, findingsBucketName } from "../../components/detection/detection-names";
import { alertTopicPolicy, findingsAlertPattern, findingsBucketPolicy } from "../../components/detection/findings-policies";
import { resourceMatches } from "../../iam/evaluator/policy-evaluator";
import { listOf, statement } from "../../iam/evaluator/policy-reading";

const ACCOUNT = "111111111111";
const BUCKET = "staging-guardduty-111111111111-eu-west-1";
const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;
const KEY = "arn:aws:kms:eu-west-1:111111111111:key/0b7e3c9a-1d2f-4e5a-8b6c-7d8e9f0a1b2c";
const DETECTOR = "arn:aws:guardduty:eu-west-1:111111111111:detector/12abc34d567e8fa901bc2d34e56789f0";
const TOPIC = "arn:aws:sns:eu-west-1:111111111111:staging-security-alerts";
const RULE = "arn:aws:events:eu-west-1:111111111111:rule/staging-guardduty-findings-alert";

const bucketPolicy = findingsBucketPolicy({ bucketName: BUCKET, accountId: ACCOUNT, region: "eu-west-1", findingsKeyArn: KEY });
const topicPolicy = alertTopicPolicy({ topicArn: TOPIC, ruleArn: RULE, accountId: ACCOUNT });

describe("findings pipeline policies (as data)", () => {
    describe("names", () => {
        it("names the bucket after environment, account and region, within S3's 63 characters even at the longest", () => {
            assert.strictEqual(findingsBucketName("staging", ACCOUNT, "eu-west-1"), BUCKET);
            const longest = findingsBucketName("a".repeat(24), ACCOUNT, "ap-southeast-12");
            assert.ok(longest.length <= 63 && /^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(longest), longest);
        });

        it("names the rule and the topic after the environment, within EventBridge's 64 characters", () => {
            assert.deepStrictEqual(
                [alertRuleName("prod"), alertTopicName("prod")],
                ["prod-guardduty-findings-alert", "prod-security-alerts"],
            );
            assert.ok(alertRuleName("a".repeat(24)).length <= 64);
        });
    });

    describe("the findings bucket's policy", () => {
        it("is a 2012-10-17 document of exactly these statements", () => {
            assert.strictEqual(bucketPolicy.Version, "2012-10-17");
            assert.deepStrictEqual(
                bucketPolicy.Statement.map((s) => `${s.Effect} ${s.Sid}`),
                [
                    "Allow GuardDutyGetsBucketLocation",
                    "Allow GuardDutyPutsFindings",
                    "Deny DenyUploadsNotEncryptedWithKms",
                    "Deny DenyUploadsWithAnotherKey",
                    "Deny DenyInsecureTransport",
                ],
            );
        });

        it("lets GuardDuty get the bucket's location and put objects, nothing more, only for this account's detector in this region", () => {
            const fromDetector = {
                StringEquals: { "aws:SourceAccount": ACCOUNT },
                ArnLike: { "aws:SourceArn": "arn:aws:guardduty:eu-west-1:111111111111:detector/*" },
            };
            assert.deepStrictEqual(statement(bucketPolicy, "GuardDutyGetsBucketLocation"), {
                Sid: "GuardDutyGetsBucketLocation",
                Effect: "Allow",
                Principal: { Service: "guardduty.amazonaws.com" },
                Action: "s3:GetBucketLocation",
                Resource: BUCKET_ARN,
                Condition: fromDetector,
            });
            assert.deepStrictEqual(statement(bucketPolicy, "GuardDutyPutsFindings"), {
                Sid: "GuardDutyPutsFindings",
                Effect: "Allow",
                Principal: { Service: "guardduty.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: `${BUCKET_ARN}/*`,
                Condition: fromDetector,
            });
        });

        it("allows nothing to anyone else, and never to a wildcard principal", () => {
            const allows = bucketPolicy.Statement.filter((s) => s.Effect === "Allow");
            assert.deepStrictEqual(
                allows.map((s) => s.Principal),
                [{ Service: "guardduty.amazonaws.com" }, { Service: "guardduty.amazonaws.com" }],
            );
            assert.deepStrictEqual(
                allows.flatMap((s) => listOf(s.Action)),
                ["s3:GetBucketLocation", "s3:PutObject"],
            );
        });

        it("the detector pattern admits the environment's detector and no other account's or region's", () => {
            const pattern = String(statement(bucketPolicy, "GuardDutyPutsFindings").Condition?.ArnLike?.["aws:SourceArn"]);
            assert.ok(resourceMatches(pattern, DETECTOR));
            assert.ok(!resourceMatches(pattern, DETECTOR.replace("111111111111", "222222222222")));
            assert.ok(!resourceMatches(pattern, DETECTOR.replace("eu-west-1", "us-east-1")));
        });

        it("denies to everyone any upload that is not SSE-KMS (a missing header included)", () => {
            assert.deepStrictEqual(statement(bucketPolicy, "DenyUploadsNotEncryptedWithKms"), {
                Sid: "DenyUploadsNotEncryptedWithKms",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:PutObject",
                Resource: `${BUCKET_ARN}/*`,
                Condition: { StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms" } },
            });
        });

        it("denies to everyone any upload that names another key than the findings key", () => {
            assert.deepStrictEqual(statement(bucketPolicy, "DenyUploadsWithAnotherKey"), {
                Sid: "DenyUploadsWithAnotherKey",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:PutObject",
                Resource: `${BUCKET_ARN}/*`,
                Condition: { StringNotEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": KEY } },
            });
        });

        it("denies every request without TLS, to everyone, on the bucket and its objects (the policy pack's form)", () => {
            assert.deepStrictEqual(statement(bucketPolicy, "DenyInsecureTransport"), {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [BUCKET_ARN, `${BUCKET_ARN}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            });
        });

        it("follows the bucket, account, region and key it is given", () => {
            const other = findingsBucketPolicy({ bucketName: "b", accountId: "222222222222", region: "us-east-1", findingsKeyArn: "k" });
            const text = JSON.stringify(other);
            assert.ok(!text.includes(ACCOUNT) && !text.includes("eu-west-1") && !text.includes(BUCKET), text);
            assert.deepStrictEqual(statement(other, "DenyInsecureTransport").Resource, ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]);
            assert.strictEqual(
                statement(other, "GuardDutyPutsFindings").Condition?.ArnLike?.["aws:SourceArn"],
                "arn:aws:guardduty:us-east-1:222222222222:detector/*",
            );
            assert.strictEqual(
                statement(other, "DenyUploadsWithAnotherKey").Condition?.StringNotEquals?.[
                    "s3:x-amz-server-side-encryption-aws-kms-key-id"
                ],
                "k",
            );
        });
    });

    describe("the alerts topic's policy", () => {
        it("lets EventBridge publish only on behalf of the alert rule of this account", () => {
            assert.deepStrictEqual(statement(topicPolicy, "EventBridgeRulePublishes"), {
                Sid: "EventBridgeRulePublishes",
                Effect: "Allow",
                Principal: { Service: "events.amazonaws.com" },
                Action: "sns:Publish",
                Resource: TOPIC,
                Condition: { ArnEquals: { "aws:SourceArn": RULE }, StringEquals: { "aws:SourceAccount": ACCOUNT } },
            });
        });

        it("denies publishing to everyone whose request does not come from the rule (IAM principals of the account included)", () => {
            assert.deepStrictEqual(statement(topicPolicy, "DenyPublishFromAnyoneElse"), {
                Sid: "DenyPublishFromAnyoneElse",
                Effect: "Deny",
                Principal: "*",
                Action: "sns:Publish",
                Resource: TOPIC,
                Condition: { ArnNotEquals: { "aws:SourceArn": RULE } },
            });
        });

        it("has no other statement: subscribing and managing stay with IAM in the account", () => {
            assert.deepStrictEqual(
                topicPolicy.Statement.map((s) => s.Sid),
                ["EventBridgeRulePublishes", "DenyPublishFromAnyoneElse"],
            );
            assert.strictEqual(topicPolicy.Version, "2012-10-17");
        });
    });

    describe("the alert rule's event pattern", () => {
        it("matches GuardDuty findings whose severity is at or above the threshold, by a numeric filter", () => {
            assert.deepStrictEqual(findingsAlertPattern(7), {
                source: ["aws.guardduty"],
                "detail-type": ["GuardDuty Finding"],
                detail: { severity: [{ numeric: [">=", 7] }] },
            });
        });

        it("carries the threshold it is given, fractional ones included", () => {
            assert.deepStrictEqual(findingsAlertPattern(4.5).detail, { severity: [{ numeric: [">=", 4.5] }] });
            assert.deepStrictEqual(findingsAlertPattern(9).detail, { severity: [{ numeric: [">=", 9] }] });
        });
    });
});
