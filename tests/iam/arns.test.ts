// Every ARN and principal builder of iam/arns.ts: the exact shape it writes into a policy, and the
// pattern it yields when an argument is `*`.
import * as assert from "assert";
import {
    accountRoot,
    autoScalingServiceLinkedRole,
    bucketArn,
    cloudWatchAlarmArn,
    ec2Arn,
    ec2SnapshotArn,
    eventRuleArn,
    guardDutyDetectorArnPattern,
    logGroupArn,
    logGroupArnPattern,
    logsServicePrincipal,
    objectArn,
    permissionSetRoleArnPattern,
    rdsDbUserArn,
    roleArn,
    securityHubStandardArn,
    snsTopicArn,
    sqsQueueArn,
    trailArn,
    userArn,
    viaService,
} from "../../iam/arns";
import { resourceMatches } from "../../iam/evaluator/policy-evaluator";

const ACCOUNT = "111111111111";
const REGION = "eu-west-1";

describe("IAM ARN builders", () => {
    it("writes each ARN and principal in the form AWS documents", () => {
        const cases: [string, string][] = [
            [accountRoot(ACCOUNT), "arn:aws:iam::111111111111:root"],
            [roleArn(ACCOUNT, "deployer"), "arn:aws:iam::111111111111:role/deployer"],
            [roleArn(ACCOUNT, "app", "/workload/"), "arn:aws:iam::111111111111:role/workload/app"],
            [userArn(ACCOUNT, "alice"), "arn:aws:iam::111111111111:user/alice"],
            [
                autoScalingServiceLinkedRole(ACCOUNT),
                "arn:aws:iam::111111111111:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
            ],
            [
                permissionSetRoleArnPattern(ACCOUNT, "security-auditor"),
                "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_security-auditor_*",
            ],
            [viaService("s3", REGION), "s3.eu-west-1.amazonaws.com"],
            [logsServicePrincipal(REGION), "logs.eu-west-1.amazonaws.com"],
            [bucketArn("logs"), "arn:aws:s3:::logs"],
            [objectArn("logs", "AWSLogs/*"), "arn:aws:s3:::logs/AWSLogs/*"],
            [logGroupArn(REGION, ACCOUNT, "/zero-trust/prod/flow"), "arn:aws:logs:eu-west-1:111111111111:log-group:/zero-trust/prod/flow"],
            [logGroupArnPattern(REGION, ACCOUNT, "/zero-trust/prod/"), "arn:aws:logs:eu-west-1:111111111111:log-group:/zero-trust/prod/*"],
            [trailArn(REGION, ACCOUNT, "org-trail"), "arn:aws:cloudtrail:eu-west-1:111111111111:trail/org-trail"],
            [guardDutyDetectorArnPattern(REGION, ACCOUNT), "arn:aws:guardduty:eu-west-1:111111111111:detector/*"],
            [eventRuleArn(REGION, ACCOUNT, "alerts"), "arn:aws:events:eu-west-1:111111111111:rule/alerts"],
            [snsTopicArn(REGION, ACCOUNT, "alerts"), "arn:aws:sns:eu-west-1:111111111111:alerts"],
            [sqsQueueArn(REGION, ACCOUNT, "dlq"), "arn:aws:sqs:eu-west-1:111111111111:dlq"],
            [cloudWatchAlarmArn(REGION, ACCOUNT, "responder-errors"), "arn:aws:cloudwatch:eu-west-1:111111111111:alarm:responder-errors"],
            [ec2Arn(REGION, ACCOUNT, "instance", "i-0123456789abcdef0"), "arn:aws:ec2:eu-west-1:111111111111:instance/i-0123456789abcdef0"],
            [ec2SnapshotArn(REGION, "snap-0123456789abcdef0"), "arn:aws:ec2:eu-west-1::snapshot/snap-0123456789abcdef0"],
            [
                rdsDbUserArn(REGION, ACCOUNT, "cluster-ABCDEFGHIJKL0123456789MNOP", "orders_app"),
                "arn:aws:rds-db:eu-west-1:111111111111:dbuser:cluster-ABCDEFGHIJKL0123456789MNOP/orders_app",
            ],
            [
                securityHubStandardArn(REGION, "standards/cis-aws-foundations-benchmark/v/3.0.0"),
                "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
            ],
        ];
        for (const [built, expected] of cases) {
            assert.strictEqual(built, expected);
        }
    });

    it("yields a pattern that matches every account's (or region's) resource when given `*`", () => {
        const cases: [string, string, string][] = [
            [roleArn("*", "break-glass"), "arn:aws:iam::222222222222:role/break-glass", "arn:aws:iam::222222222222:role/evil-break-glass"],
            [roleArn("*", "*", "/workload/"), "arn:aws:iam::222222222222:role/workload/app", "arn:aws:iam::222222222222:role/platform/app"],
            [accountRoot("*"), "arn:aws:iam::222222222222:root", "arn:aws:iam::222222222222:role/root"],
            [
                eventRuleArn("*", "*", "alerts"),
                "arn:aws:events:us-east-1:222222222222:rule/alerts",
                "arn:aws:events:us-east-1:222222222222:rule/other",
            ],
            [
                ec2Arn("*", "*", "instance", "*"),
                "arn:aws:ec2:us-east-1:222222222222:instance/i-1",
                "arn:aws:ec2:us-east-1:222222222222:volume/vol-1",
            ],
            [
                trailArn("*", ACCOUNT, "*"),
                "arn:aws:cloudtrail:us-east-1:111111111111:trail/t",
                "arn:aws:cloudtrail:us-east-1:222222222222:trail/t",
            ],
        ];
        for (const [pattern, matched, unmatched] of cases) {
            assert.ok(resourceMatches(pattern, matched), `${pattern} matches ${matched}`);
            assert.ok(!resourceMatches(pattern, unmatched), `${pattern} does not match ${unmatched}`);
        }
    });
});
