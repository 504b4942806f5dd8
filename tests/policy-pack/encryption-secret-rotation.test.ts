import { strict as assert } from "assert";
import { scheduleInterval } from "../../policy-pack/readers/encryption/rotation-schedule";
import {
    checkStack,
    dependsOnVia,
    isUnknownValueError,
    resource,
    stackPolicy,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

// encryption-secret-rotation: every Secrets Manager secret of the stack has a rotation, often enough.

const policy = stackPolicy("encryption-secret-rotation");
const SECRET = "aws:secretsmanager/secret:Secret";
const NATIVE_SECRET = "aws-native:secretsmanager:Secret";
const ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";
const SCHEDULE = "aws-native:secretsmanager:RotationSchedule";
const ARN = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:orders/token-AbCdEf";
const LAMBDA = "arn:aws:lambda:eu-west-1:111111111111:function:rotate";

const names = (found: { urn?: string }[]) => found.map((f) => f.urn?.split("::").pop());
const rotation = (type: string, name: string, rules: unknown, secretId: unknown = "x") =>
    resource(type, name, { secretId, rotationLambdaArn: LAMBDA, rotationRules: rules });

describe("encryption-secret-rotation", () => {
    it("refuses a secret that no rotation names, in both providers", () => {
        const found = checkStack(policy, [resource(SECRET, "token", { kmsKeyId: "k" }), resource(NATIVE_SECRET, "native", {})]);
        assert.deepEqual(names(found), ["token", "native"]);
        assert.match(
            found[0].message,
            /Secret aws:secretsmanager\/secret:Secret "token" has no rotation: no SecretRotation or RotationSchedule in this stack names it. Rotate it at least every 90 days/,
        );
    });

    it("passes a secret rotated by reference within the maximum, and refuses a longer period on the rotation", () => {
        const secret = resource(SECRET, "token");
        const ok = dependsOnVia(rotation(ROTATION, "ok", { automaticallyAfterDays: 30 }), "secretId", secret);
        assert.deepEqual(checkStack(policy, [secret, ok]), []);
        const slow = dependsOnVia(rotation(ROTATION, "slow", { automaticallyAfterDays: 180 }), "secretId", secret);
        const found = checkStack(policy, [secret, slow]);
        assert.deepEqual(names(found), ["slow"]);
        assert.match(found[0].message, /rotates secret .* only every 180 days; rotate it at least every 90 days/);
        assert.deepEqual(checkStack(policy, [secret, slow], { maximumSecretRotationDays: 365 }), [], "the maximum is configurable");
    });

    it("links rotations by the secret's ARN or name written as a literal (aws-native: awsId)", () => {
        assert.deepEqual(
            checkStack(policy, [resource(SECRET, "token", { arn: ARN }), rotation(ROTATION, "r", { automaticallyAfterDays: 7 }, ARN)]),
            [],
        );
        assert.deepEqual(
            checkStack(policy, [
                resource(NATIVE_SECRET, "n", { awsId: ARN, name: "orders/token" }),
                rotation(SCHEDULE, "r", { scheduleExpression: "rate(30 days)" }, "orders/token"),
            ]),
            [],
        );
        assert.deepEqual(
            names(
                checkStack(policy, [
                    resource(SECRET, "token", { arn: ARN }),
                    rotation(ROTATION, "r", { automaticallyAfterDays: 7 }, `${ARN}-other`),
                ]),
            ),
            ["token"],
        );
    });

    it("refuses a rotation without a schedule, or with one it cannot bound", () => {
        const secret = resource(NATIVE_SECRET, "s");
        for (const [rules, why] of [
            [undefined, /no rotationRules/],
            [{ duration: "2h" }, /neither automaticallyAfterDays nor scheduleExpression/],
            [{ scheduleExpression: "cron(0 8 1 1 ? *)" }, /runs only in some months or years/],
            [{ scheduleExpression: "every day" }, /neither a rate\(\.\.\.\) nor a cron/],
        ] as const) {
            const found = checkStack(policy, [secret, dependsOnVia(rotation(SCHEDULE, "r", rules), "secretId", secret)]);
            assert.equal(found.length, 1, JSON.stringify(rules));
            assert.match(found[0].message, why);
        }
    });

    it("leaves a rotation of a secret of another stack alone", () => {
        assert.deepEqual(checkStack(policy, [rotation(ROTATION, "r", { automaticallyAfterDays: 400 }, ARN)]), []);
    });

    it("under preview: an unknown schedule, or a rotation whose secret is unknown, is undecided", () => {
        const secret = resource(SECRET, "token");
        assert.throws(
            () =>
                checkStack(policy, [
                    secret,
                    dependsOnVia(unknownCheckingProxy(rotation(ROTATION, "r", UNKNOWN_OBJECT)), "secretId", secret),
                ]),
            isUnknownValueError,
        );
        assert.throws(
            () =>
                checkStack(policy, [secret, unknownCheckingProxy(rotation(ROTATION, "r", { automaticallyAfterDays: 30 }, UNKNOWN_STRING))]),
            isUnknownValueError,
        );
    });
});

describe("rotation schedule intervals", () => {
    it("reads rate expressions in days and hours", () => {
        assert.deepEqual(scheduleInterval("rate(30 days)"), { days: 30 });
        assert.deepEqual(scheduleInterval("rate(1 day)"), { days: 1 });
        assert.deepEqual(scheduleInterval("rate(12 hours)"), { days: 0.5 });
        assert.ok("unbounded" in scheduleInterval("rate(2 weeks)"));
    });

    it("bounds cron expressions: daily, weekly, monthly; not when months or years are restricted", () => {
        assert.deepEqual(scheduleInterval("cron(0 4 * * ? *)"), { days: 1 });
        assert.deepEqual(scheduleInterval("cron(0 4 ? * MON-FRI *)"), { days: 7 });
        assert.deepEqual(scheduleInterval("cron(0 4 1 * ? *)"), { days: 31 });
        assert.deepEqual(scheduleInterval("cron(0 4 ? * 2#1 *)"), { days: 31 });
        assert.ok("unbounded" in scheduleInterval("cron(0 4 1 */6 ? *)"));
        assert.ok("unbounded" in scheduleInterval("cron(0 4 1 * ? 2027)"));
        assert.ok("unbounded" in scheduleInterval("cron(0 4 1 *)"));
    });
});
