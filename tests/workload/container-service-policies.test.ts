import * as assert from "assert";
import {
    APPLICATION_KEY_ACTIONS,
    executionRolePolicy,
    IMAGE_PULL_ACTIONS,
    sessionRolePolicy,
    type ContainerServicePolicyFacts,
} from "../../components/workload/container-service-policies";
import { evaluate, type ContextValue } from "../../iam/evaluator/policy-evaluator";
import { listOf } from "../../iam/evaluator/policy-reading";
import type { PolicyDocument } from "../../iam/policy-document";

const ACCOUNT = "111111111111";
const REGION = "eu-west-1";
const REPOSITORY = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/orders`;
const WRITER_REPOSITORY = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/aws-session-profile`;
const LOG_GROUP = "/zero-trust/staging/workloads/orders";
const SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:staging/orders/payment-provider-token-AbC123`;
const OTHER_SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:staging/fulfilment/api-token-XyZ789`;
const APPLICATION_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b7c1e2d-3f4a-4b5c-8d6e-7f8091a2b3c4`;
const SECRETS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1c8d2f3e-4a5b-4c6d-9e7f-8091a2b3c4d5`;
const OTHER_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/2d9e3a4f-5b6c-4d7e-8f90-91a2b3c4d5e6`;
const DB_USER = `arn:aws:rds-db:${REGION}:${ACCOUNT}:dbuser:cluster-ABCDEFGHIJKLMNOPQRSTUVWXY1/orders`;
const SECRETS_MANAGER = `secretsmanager.${REGION}.amazonaws.com`;

const FACTS: ContainerServicePolicyFacts<string> = {
    accountId: ACCOUNT,
    region: REGION,
    repositoryArns: [REPOSITORY, WRITER_REPOSITORY],
    logGroupName: LOG_GROUP,
    secretArns: [SECRET],
    secretsKeyArn: SECRETS_KEY,
    applicationKeyArn: APPLICATION_KEY,
    sessionRoleStatements: [{ Sid: "ConnectToDatabase", Effect: "Allow", Action: "rds-db:connect", Resource: DB_USER }],
};

const session = sessionRolePolicy(FACTS);
const execution = executionRolePolicy(FACTS);

const decide = (policy: PolicyDocument, action: string, resource: string, context: Record<string, ContextValue> = {}) =>
    evaluate([policy], { action, resource, context }, { strict: true });

describe("container service policies (as data, through the IAM evaluator)", () => {
    describe("the session role", () => {
        it("can use its application key for envelope encryption, and nothing administrative", () => {
            for (const action of APPLICATION_KEY_ACTIONS) {
                assert.strictEqual(decide(session, action, APPLICATION_KEY), "Allow", action);
            }
            for (const action of ["kms:ScheduleKeyDeletion", "kms:PutKeyPolicy", "kms:CreateGrant", "kms:DisableKey"]) {
                assert.strictEqual(decide(session, action, APPLICATION_KEY), "ImplicitDeny", action);
            }
        });

        it("can read its own secrets and decrypt them through Secrets Manager only", () => {
            assert.strictEqual(decide(session, "secretsmanager:GetSecretValue", SECRET), "Allow");
            assert.strictEqual(decide(session, "secretsmanager:DescribeSecret", SECRET), "Allow");
            assert.strictEqual(decide(session, "kms:Decrypt", SECRETS_KEY, { "kms:ViaService": SECRETS_MANAGER }), "Allow");
            assert.strictEqual(decide(session, "kms:Decrypt", SECRETS_KEY), "ImplicitDeny");
            assert.strictEqual(
                decide(session, "kms:Decrypt", SECRETS_KEY, { "kms:ViaService": `s3.${REGION}.amazonaws.com` }),
                "ImplicitDeny",
            );
            assert.strictEqual(decide(session, "secretsmanager:PutSecretValue", SECRET), "ImplicitDeny");
            assert.strictEqual(decide(session, "secretsmanager:DeleteSecret", SECRET), "ImplicitDeny");
        });

        it("can NOT read another application's secret, use another key, or act outside its grants", () => {
            assert.strictEqual(decide(session, "secretsmanager:GetSecretValue", OTHER_SECRET), "ImplicitDeny");
            assert.strictEqual(decide(session, "kms:Decrypt", OTHER_KEY), "ImplicitDeny");
            assert.strictEqual(decide(session, "kms:Decrypt", OTHER_KEY, { "kms:ViaService": SECRETS_MANAGER }), "ImplicitDeny");
            assert.strictEqual(decide(session, "s3:GetObject", "arn:aws:s3:::any-bucket/any-key"), "ImplicitDeny");
            assert.strictEqual(decide(session, "iam:PassRole", `arn:aws:iam::${ACCOUNT}:role/staging-orders-task`), "ImplicitDeny");
            assert.strictEqual(decide(session, "ssmmessages:CreateControlChannel", "*"), "ImplicitDeny");
            assert.strictEqual(decide(session, "sts:AssumeRole", `arn:aws:iam::${ACCOUNT}:role/any`), "ImplicitDeny");
        });

        it("carries the statements other components grant it, after its own", () => {
            assert.strictEqual(decide(session, "rds-db:connect", DB_USER), "Allow");
            assert.deepStrictEqual(session.Statement.at(-1), FACTS.sessionRoleStatements[0]);
        });

        it("has no secrets statements when the application has no secrets (IAM refuses an empty Resource)", () => {
            const bare = sessionRolePolicy({ ...FACTS, secretArns: [], sessionRoleStatements: [] });
            assert.deepStrictEqual(
                bare.Statement.map((s) => s.Sid),
                ["UseApplicationKey"],
            );
        });
    });

    describe("the execution role", () => {
        it("pulls the task's images (the application's, the session-profile writer's) from their repositories only", () => {
            for (const action of IMAGE_PULL_ACTIONS) {
                assert.strictEqual(decide(execution, action, REPOSITORY), "Allow", action);
                assert.strictEqual(decide(execution, action, WRITER_REPOSITORY), "Allow", action);
                assert.strictEqual(decide(execution, action, `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/fulfilment`), "ImplicitDeny");
            }
            assert.strictEqual(decide(execution, "ecr:GetAuthorizationToken", "*"), "Allow");
            assert.strictEqual(decide(execution, "ecr:PutImage", REPOSITORY), "ImplicitDeny");
        });

        it("writes its own log group only", () => {
            const stream = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${LOG_GROUP}:log-stream:orders/orders/abc`;
            assert.strictEqual(decide(execution, "logs:PutLogEvents", stream), "Allow");
            assert.strictEqual(decide(execution, "logs:CreateLogStream", stream), "Allow");
            const other = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/zero-trust/staging/workloads/fulfilment:log-stream:x`;
            assert.strictEqual(decide(execution, "logs:PutLogEvents", other), "ImplicitDeny");
            assert.strictEqual(
                decide(execution, "logs:DeleteLogGroup", `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${LOG_GROUP}`),
                "ImplicitDeny",
            );
        });

        it("reads the secrets it injects, decrypting through Secrets Manager only, and uses no other key", () => {
            assert.strictEqual(decide(execution, "secretsmanager:GetSecretValue", SECRET), "Allow");
            assert.strictEqual(decide(execution, "secretsmanager:GetSecretValue", OTHER_SECRET), "ImplicitDeny");
            assert.strictEqual(decide(execution, "kms:Decrypt", SECRETS_KEY, { "kms:ViaService": SECRETS_MANAGER }), "Allow");
            assert.strictEqual(decide(execution, "kms:Decrypt", SECRETS_KEY), "ImplicitDeny");
            assert.strictEqual(decide(execution, "kms:Decrypt", APPLICATION_KEY, { "kms:ViaService": SECRETS_MANAGER }), "ImplicitDeny");
        });

        it("has Resource * only for the registry token, and no wildcard action", () => {
            for (const policy of [execution, session]) {
                for (const s of policy.Statement) {
                    assert.ok(
                        listOf(s.Action).every((a) => !a.includes("*")),
                        `${s.Sid}`,
                    );
                    if (listOf(s.Resource).includes("*")) {
                        assert.strictEqual(s.Sid, "GetRegistryToken");
                    }
                }
            }
        });
    });
});
