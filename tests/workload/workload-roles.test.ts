import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { WorkloadRoles, type WorkloadRolesArgs } from "../../components/workload/workload-roles";
import {
    assumeSessionPolicy,
    ecsTasksTrustPolicy,
    sessionTrustPolicy,
    SHORTEST_MAX_SESSION_SECONDS,
} from "../../components/workload/workload-roles-policies";
import { evaluate } from "../../iam/evaluator/policy-evaluator";
import { awsResourcesThrough, decoded, only, RecordingMocks, valueOf } from "../network/recording-mocks";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";

const ACCOUNT = "111111111111";
const REGION = "eu-west-1";
const ARGS: WorkloadRolesArgs = { environment: "staging", application: "orders", accountId: ACCOUNT, region: REGION };

describe("WorkloadRoles", () => {
    let mocks: RecordingMocks;
    let roles: WorkloadRoles;
    before(async () => {
        mocks = RecordingMocks.install();
        const provider = new aws.Provider("env", { region: REGION, allowedAccountIds: [ACCOUNT] });
        roles = new WorkloadRoles("orders-roles", ARGS, { provider });
        await mocks.settled();
    });

    const TASK_ROLE = `arn:aws:iam::${ACCOUNT}:role/staging-orders-task`;
    const SESSION_ROLE = `arn:aws:iam::${ACCOUNT}:role/staging-orders-session`;

    it("creates the task, execution and session roles under the shared names; the task role's one policy assumes the session role", () => {
        const names = mocks.ofType("aws:iam/role:Role").map((r) => r.inputs.name);
        assert.deepStrictEqual(names, ["staging-orders-task", "staging-orders-execution", "staging-orders-session"]);
        const policies = mocks.registrations.filter((r) => /rolePolicy|policyAttachment|aws:iam\/policy:/i.test(r.type));
        assert.deepStrictEqual(
            policies.map((p) => [p.type, p.inputs.role]),
            [["aws:iam/rolePolicy:RolePolicy", "staging-orders-task"]],
        );
        assert.deepStrictEqual(decoded(policies[0].inputs.policy), assumeSessionPolicy(SESSION_ROLE));
        for (const role of mocks.ofType("aws:iam/role:Role")) {
            assert.strictEqual(role.inputs.inlinePolicies, undefined, role.name);
            assert.strictEqual(role.inputs.managedPolicyArns, undefined, role.name);
        }
    });

    it("leaves the task role nothing but the session role: no data, no other role (IAM evaluator)", () => {
        const policy = assumeSessionPolicy(SESSION_ROLE);
        const decide = (action: string, resource: string) => evaluate([policy], { action, resource }, { strict: true });
        assert.strictEqual(decide("sts:AssumeRole", SESSION_ROLE), "Allow");
        assert.strictEqual(decide("sts:AssumeRole", `arn:aws:iam::${ACCOUNT}:role/staging-fulfilment-session`), "ImplicitDeny");
        assert.strictEqual(decide("secretsmanager:GetSecretValue", "*"), "ImplicitDeny");
        assert.strictEqual(decide("kms:Decrypt", `arn:aws:kms:${REGION}:${ACCOUNT}:key/any`), "ImplicitDeny");
    });

    it("lets only the application's task role assume the session role (IAM evaluator)", () => {
        const session = mocks.ofType("aws:iam/role:Role").find((r) => r.inputs.name === "staging-orders-session");
        const policy = decoded(session?.inputs.assumeRolePolicy) as ReturnType<typeof sessionTrustPolicy>;
        assert.deepStrictEqual(policy, sessionTrustPolicy(TASK_ROLE));
        const trust = [{ ...policy, Statement: policy.Statement.map((s) => ({ ...s, Resource: SESSION_ROLE })) }];
        const assume = (principal: string) =>
            evaluate(trust, { principal: { arn: principal }, action: "sts:AssumeRole", resource: SESSION_ROLE }, { strict: true });
        assert.strictEqual(assume(TASK_ROLE), "Allow");
        assert.strictEqual(assume(`arn:aws:iam::${ACCOUNT}:role/staging-fulfilment-task`), "ImplicitDeny");
        assert.strictEqual(assume(`arn:aws:iam::${ACCOUNT}:root`), "ImplicitDeny");
        assert.strictEqual(assume("arn:aws:iam::222222222222:role/staging-orders-task"), "ImplicitDeny");
    });

    it("gives every role the shortest maximum session IAM allows", () => {
        assert.strictEqual(SHORTEST_MAX_SESSION_SECONDS, 3600);
        for (const role of mocks.ofType("aws:iam/role:Role")) {
            assert.strictEqual(role.inputs.maxSessionDuration, 3600, role.name);
        }
    });

    it("lets the task and execution roles be assumed by ECS tasks of this account and region only", () => {
        for (const role of mocks.ofType("aws:iam/role:Role").filter((r) => r.inputs.name !== "staging-orders-session")) {
            assert.deepStrictEqual(decoded(role.inputs.assumeRolePolicy), ecsTasksTrustPolicy(ACCOUNT, REGION), role.name);
        }
        // A trust policy's resource is the role itself: the evaluator reads it with that Resource.
        const role = `arn:aws:iam::${ACCOUNT}:role/staging-orders-task`;
        const policy = ecsTasksTrustPolicy(ACCOUNT, REGION);
        const trust = [{ ...policy, Statement: policy.Statement.map((s) => ({ ...s, Resource: role })) }];
        const assume = (service: string, sourceAccount: string, sourceArn: string) =>
            evaluate(
                trust,
                {
                    principal: { service },
                    action: "sts:AssumeRole",
                    resource: role,
                    context: { "aws:SourceAccount": sourceAccount, "aws:SourceArn": sourceArn },
                },
                { strict: true },
            );
        const ownTask = `arn:aws:ecs:${REGION}:${ACCOUNT}:task/staging-workloads/0123456789abcdef0123456789abcdef`;
        assert.strictEqual(assume("ecs-tasks.amazonaws.com", ACCOUNT, ownTask), "Allow");
        assert.strictEqual(
            assume("ecs-tasks.amazonaws.com", "222222222222", "arn:aws:ecs:eu-west-1:222222222222:task/c/0123"),
            "ImplicitDeny",
        );
        assert.strictEqual(assume("ecs-tasks.amazonaws.com", ACCOUNT, `arn:aws:ecs:us-east-1:${ACCOUNT}:task/c/0123`), "ImplicitDeny");
        assert.strictEqual(assume("lambda.amazonaws.com", ACCOUNT, ownTask), "ImplicitDeny");
    });

    it("declares the roles in the component, through the given provider, and outputs their names and ARNs", async () => {
        const component = only(mocks, "zero-trust:workload:WorkloadRoles");
        for (const resource of awsResourcesThrough(mocks, "env")) {
            assert.strictEqual(resource.parent, component.urn, resource.name);
        }
        assert.strictEqual(await valueOf(roles.sessionRoleName), "staging-orders-session");
        assert.match(await valueOf(roles.sessionRoleArn), /:role\/staging-orders-session$/);
        assert.strictEqual(await valueOf(roles.executionRoleName), "staging-orders-execution");
        assert.match(await valueOf(roles.taskRoleArn), /:role\/staging-orders-task$/);
        assert.match(await valueOf(roles.executionRoleArn), /:role\/staging-orders-execution$/);
    });

    const refusals: [Partial<WorkloadRolesArgs>, RegExp][] = [
        [{ environment: "Prod" }, /^WorkloadRoles: environment: key "Prod" is not a lowercase name/],
        [{ application: "orders_v2" }, /^WorkloadRoles: application: key "orders_v2" is not a lowercase name/],
        [{ accountId: "1111" }, /^WorkloadRoles: accountId: "1111" is not an AWS account id/],
        [{ region: "europe" }, /^WorkloadRoles: region: "europe" is not an AWS region code/],
    ];
    for (const [override, message] of refusals) {
        it(`refuses ${JSON.stringify(override)} before declaring anything`, async () => {
            await assertRefusedBeforeDeclaring(() => new WorkloadRoles("roles", { ...ARGS, ...override }), message);
        });
    }
});
