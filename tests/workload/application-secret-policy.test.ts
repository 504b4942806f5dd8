import * as assert from "assert";
import { applicationSecretPolicy, ROTATION_ACTIONS, SECRET_VALUE_READ } from "../../components/workload/application-secret-policy";
import { workloadRoleArn } from "../../components/workload/workload-names";
import { roleArn } from "../../iam/arns";
import { authorize, type Decision, type RequestContext } from "../../iam/evaluator/policy-evaluator";
import { policyDocument } from "../../iam/policy-document";

const ACCOUNT = "111111111111";
const SECRET = `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:staging/orders/payment-provider-token-AbCdEf`;
const TASK = workloadRoleArn(ACCOUNT, "staging", "orders", "task");
const EXECUTION = workloadRoleArn(ACCOUNT, "staging", "orders", "execution");
const ROTATION = roleArn(ACCOUNT, "orders-rotate-token");
const ENDPOINT = "vpce-0a1b2c3d4e5f60718";
const THROUGH_ENDPOINT: RequestContext = { "aws:SourceVpce": ENDPOINT };

const policy = applicationSecretPolicy({ readerRoleArns: [TASK, EXECUTION], rotationRoleArn: ROTATION, endpointId: ENDPOINT });

/** Everything in Secrets Manager and more, as a broad identity policy of the account grants it. */
const SECRETS_MANAGER_ALL = policyDocument([{ Effect: "Allow", Action: "secretsmanager:*", Resource: "*" }]);
const ADMINISTRATOR = policyDocument([{ Effect: "Allow", Action: "*", Resource: "*" }]);

/** IAM's decision for a principal of the account with these identity policies, the secret's policy in place. */
function decision(principal: string, action: string, context: RequestContext, identityPolicies = [SECRETS_MANAGER_ALL]): Decision {
    return authorize(
        { principal: { arn: principal }, action, resource: SECRET, context },
        { identityPolicies, resourcePolicy: policy },
        { strict: true },
    ).decision;
}

describe("application secret policy (as data, decided by the IAM evaluator)", () => {
    it("lets the application's roles read the value through the VPC endpoint, by the secret's policy alone", () => {
        for (const reader of [TASK, EXECUTION]) {
            assert.strictEqual(decision(reader, SECRET_VALUE_READ, THROUGH_ENDPOINT, []), "Allow", reader);
        }
    });

    it("denies the application's roles the value outside the endpoint: from the internet or through another endpoint", () => {
        for (const context of [{}, { "aws:SourceVpce": "vpce-0ffffffffffffffff" }]) {
            assert.strictEqual(decision(TASK, SECRET_VALUE_READ, context), "ExplicitDeny", JSON.stringify(context));
        }
    });

    it("denies the value to any other role of the account, even with secretsmanager:* or * and through the endpoint", () => {
        const other = roleArn(ACCOUNT, "staging-fulfilment-task");
        assert.strictEqual(decision(other, SECRET_VALUE_READ, THROUGH_ENDPOINT), "ExplicitDeny");
        assert.strictEqual(decision(other, SECRET_VALUE_READ, THROUGH_ENDPOINT, [ADMINISTRATOR]), "ExplicitDeny");
        assert.strictEqual(decision(`arn:aws:iam::${ACCOUNT}:root`, SECRET_VALUE_READ, THROUGH_ENDPOINT), "ExplicitDeny", "the root user");
    });

    it("denies the value to a role of another account and to AWS services", () => {
        assert.strictEqual(decision(roleArn("222222222222", "staging-orders-task"), SECRET_VALUE_READ, THROUGH_ENDPOINT), "ExplicitDeny");
        const service = authorize(
            { principal: { service: "lambda.amazonaws.com" }, action: SECRET_VALUE_READ, resource: SECRET, context: THROUGH_ENDPOINT },
            { resourcePolicy: policy },
            { strict: true },
        );
        assert.strictEqual(service.decision, "ExplicitDeny");
    });

    it("lets the rotation function's role do every step of a rotation through the endpoint, and read nothing outside it", () => {
        for (const action of ROTATION_ACTIONS) {
            assert.strictEqual(decision(ROTATION, action, THROUGH_ENDPOINT, []), "Allow", action);
        }
        assert.strictEqual(decision(ROTATION, SECRET_VALUE_READ, {}), "ExplicitDeny");
        assert.strictEqual(decision(ROTATION, "secretsmanager:PutSecretValue", {}, []), "ImplicitDeny", "no grant outside the endpoint");
    });

    it("grants the application's roles reading only: no writing, no policy change, no deletion", () => {
        for (const action of ["secretsmanager:PutSecretValue", "secretsmanager:PutResourcePolicy", "secretsmanager:DeleteSecret"]) {
            assert.strictEqual(decision(TASK, action, THROUGH_ENDPOINT, []), "ImplicitDeny", action);
        }
    });

    it("never locks the deploying administrator out of managing the secret (what Pulumi calls), only out of its value", () => {
        const deployer = roleArn(ACCOUNT, "platform-deployer");
        for (const action of [
            "secretsmanager:CreateSecret",
            "secretsmanager:DescribeSecret",
            "secretsmanager:GetResourcePolicy",
            "secretsmanager:PutResourcePolicy",
            "secretsmanager:RotateSecret",
            "secretsmanager:TagResource",
            "secretsmanager:DeleteSecret",
        ]) {
            assert.strictEqual(decision(deployer, action, {}, [ADMINISTRATOR]), "Allow", action);
        }
        assert.strictEqual(decision(deployer, SECRET_VALUE_READ, {}, [ADMINISTRATOR]), "ExplicitDeny");
    });

    it("allows only named roles (nothing BlockPublicPolicy would call public): Principal * appears in denies only", () => {
        for (const statement of policy.Statement) {
            assert.ok(statement.Effect === "Deny" || statement.Principal !== "*", statement.Sid);
        }
        assert.deepStrictEqual(
            policy.Statement.filter((s) => s.Effect === "Allow").map((s) => s.Principal),
            [{ AWS: [TASK, EXECUTION] }, { AWS: ROTATION }],
        );
    });
});
