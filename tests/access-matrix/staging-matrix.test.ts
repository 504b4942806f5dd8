import * as assert from "assert";
import * as path from "node:path";
import { accessMatrix, type AccessMatrix, type MatrixCell } from "../../access-matrix/access-matrix";
import { estateOf, type EstateView } from "../../access-matrix/estate";
import { PROBES } from "../../access-matrix/probes";
import { previewStackPlans, type StackPlans } from "../../access-matrix/stack-plans";
import type { PlanStep } from "../../offline-preview/plan";

const ROOT = path.resolve(__dirname, "../..");

/** The cell of the first row with this label whose target's name contains `what`, for the principal labelled so. */
function cell(matrix: AccessMatrix, label: string, what: string, principal: string): MatrixCell {
    const row = matrix.rows.findIndex((r) => r.label === label && r.target.what.includes(what));
    const column = matrix.principals.findIndex((p) => p.label === principal);
    assert.ok(row >= 0, `no row ${label}: ${what}`);
    assert.ok(column >= 0, `no principal ${principal}`);
    return matrix.cells[row][column];
}

const matrixOf = (view: EstateView): AccessMatrix => accessMatrix(view.estate, view.principals, view.organization);

describe("access matrix of the staging stack (with the management stack's SCPs, permission sets and archive)", () => {
    let plans: StackPlans;
    let view: EstateView;
    let matrix: AccessMatrix;
    before(async () => {
        plans = await previewStackPlans(ROOT, "staging");
        view = estateOf(plans.plan, plans.managementPlan);
        matrix = matrixOf(view);
    });

    it("covers every principal the stacks define or assign, and at least 40 tampering actions on the plan's ARNs", () => {
        const labels = matrix.principals.map((p) => p.label);
        for (const expected of ["developer@staging", "security-auditor@staging", "platform-admin@staging", "security-auditor@log-archive", "staging-responder-role@staging", "staging-network-flow-logs-role@staging", "staging-baseline-config-role@staging", "deployment@staging", "break-glass@staging", "root@staging", "organization-trail-role@management"]) {
            assert.ok(labels.includes(expected), `${expected} in ${labels.join(", ")}`);
        }
        assert.ok(!labels.some((l) => /^(root|deployment|break-glass)@management$/.test(l)), "no SCP binds the management account: only its plan roles are columns");
        const tamperActions = new Set(matrix.rows.filter((r) => r.kind === "tamper").map((r) => r.action));
        assert.ok(tamperActions.size >= 40, `${tamperActions.size} tampering actions`);
        assert.ok(matrix.rows.every((r) => r.target.arn === "*" || r.target.arn.startsWith("arn:aws:")), "concrete ARNs");
        assert.ok(PROBES.every((p) => matrix.rows.some((r) => r.label === p.label)), "every probe finds its resources in the plans");
    });

    it("denies deleting or overwriting audit log objects to every principal", () => {
        for (const label of ["delete an audit log object", "delete an audit log object version", "overwrite an audit log object", "bypass the archive's object lock"]) {
            const row = matrix.rows.findIndex((r) => r.label === label);
            assert.deepStrictEqual(matrix.cells[row].filter((c) => c.decision !== "ExplicitDeny" && c.decision !== "ImplicitDeny"), [], label);
        }
    });

    it("keeps the legitimate paths open: developers deploy their own function and security group, the auditor reads the archive, the responder isolates, the deployment role updates the stack", () => {
        assert.strictEqual(cell(matrix, "deploy an own function", "function", "developer@staging").decision, "Allow");
        assert.strictEqual(cell(matrix, "open an own security group", "security-group", "developer@staging").decision, "Allow");
        assert.strictEqual(cell(matrix, "read the audit archive", "log-archive", "security-auditor@log-archive").decision, "Allow");
        assert.strictEqual(cell(matrix, "isolate an instance (into quarantine)", "quarantine", "staging-responder-role@staging").decision, "Allow");
        assert.strictEqual(cell(matrix, "isolate an instance (move its interface)", "vpc", "staging-responder-role@staging").decision, "Allow");
        assert.strictEqual(cell(matrix, "deploy: update the responder's code", "responder", "deployment@staging").decision, "Allow");
        assert.strictEqual(cell(matrix, "deploy: update a key policy", "purpose-logs", "deployment@staging").decision, "Allow");
    });

    it("denies the responder's role, the auditor and the log roles the platform's own settings", () => {
        assert.strictEqual(cell(matrix, "update the responder's code", "responder", "staging-responder-role@staging").decision, "ImplicitDeny");
        assert.strictEqual(cell(matrix, "schedule key deletion", "purpose-logs", "security-auditor@staging").decision, "ExplicitDeny");
        assert.strictEqual(cell(matrix, "replace an endpoint policy", "endpoints-s3", "staging-network-flow-logs-role@staging").decision, "ImplicitDeny");
    });

    // The current tree's defects, as the matrix reports them (each an unexpected cell).
    it("reports the developer permission set able to take over the responder and the network (defect 3)", () => {
        for (const [label, what] of [
            ["update the responder's code", "responder"],
            ["replace an endpoint policy", "endpoints-s3"],
            ["open a platform security group", "sg-app"],
            ["delete exported findings", "findings"],
        ]) {
            const c = cell(matrix, label, what, "developer@staging");
            assert.deepStrictEqual([c.decision, c.unexpected], ["Allow", true], `${label}: ${what}`);
        }
        assert.deepStrictEqual([cell(matrix, "put an inline policy on a platform role", "flow-logs", "staging-responder-role@staging").unexpected], [true]);
    });

    it("reports the root user and other regions allowed while the staging account sits in no OU (defect 1), and denied once it is placed under the guardrails", () => {
        assert.deepStrictEqual([cell(matrix, "act as root (anything)", "account", "root@staging").decision, view.organization.placement("111111111111")], ["Allow", "root"]);
        assert.strictEqual(cell(matrix, "launch an instance in another region", "region", "developer@staging").decision, "Allow");
        const management = plans.managementPlan;
        assert.ok(management !== undefined);
        // The placement another work package adds: the account in workloads/non-prod, whose OU chain carries the guardrail SCPs.
        const nonProd = management.steps.find((s) => s.newState?.type === "aws:organizations/organizationalUnit:OrganizationalUnit" && s.newState.inputs.name === "non-prod")?.newState;
        assert.ok(nonProd !== undefined);
        const placement: PlanStep = {
            op: "create",
            urn: "urn:pulumi:management::zero-trust-aws::aws:organizations/account:Account::staging-account",
            newState: { urn: "urn:x", custom: true, type: "aws:organizations/account:Account", id: "111111111111", inputs: { name: "staging", parentId: nonProd.outputs?.id }, outputs: { id: "111111111111" } },
        };
        const placed = estateOf(plans.plan, { ...management, steps: [...management.steps, placement] });
        const after = matrixOf(placed);
        assert.strictEqual(placed.organization.placement("111111111111"), "root/workloads/non-prod");
        assert.strictEqual(cell(after, "act as root (anything)", "account", "root@staging").decision, "ExplicitDeny");
        assert.strictEqual(cell(after, "launch an instance in another region", "region", "developer@staging").decision, "ExplicitDeny");
        assert.strictEqual(cell(after, "leave the organisation", "organisation", "platform-admin@staging").decision, "ExplicitDeny");
        assert.strictEqual(cell(after, "stop AWS Config recording", "recorder", "platform-admin@staging").decision, "ExplicitDeny");
    });

    /** The staging matrix with one more SCP attached to the organisation's root. */
    function withRootScp(statements: unknown[]): AccessMatrix {
        const management = plans.managementPlan;
        assert.ok(management !== undefined);
        const added: PlanStep[] = [
            {
                op: "create",
                urn: "urn:x:policy",
                newState: { urn: "urn:x:policy", custom: true, type: "aws:organizations/policy:Policy", id: "p-added", outputs: { id: "p-added" }, inputs: { type: "SERVICE_CONTROL_POLICY", content: JSON.stringify({ Statement: statements }) } },
            },
            { op: "create", urn: "urn:x:root-attachment", newState: { urn: "urn:x:root-attachment", custom: true, type: "aws:organizations/policyAttachment:PolicyAttachment", inputs: { policyId: "p-added", targetId: "r-a1b2" }, outputs: {} } },
        ];
        return matrixOf(estateOf(plans.plan, { ...management, steps: [...management.steps, ...added] }));
    }

    it("evaluates ownership-tag guardrails on the plan's tags: an SCP denying changes to resources tagged by the provider turns the developer's cell to denied", () => {
        const after = withRootScp([
            { Sid: "PlatformOwned", Effect: "Deny", Action: "lambda:UpdateFunctionCode", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/ManagedBy": "pulumi" }, ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAccountAccessRole" } } },
        ]);
        assert.strictEqual(cell(after, "update the responder's code", "responder", "developer@staging").decision, "ExplicitDeny");
        assert.strictEqual(cell(after, "update an own function's code", "function", "developer@staging").decision, "Allow", "an untagged function stays the team's");
        assert.strictEqual(cell(after, "deploy: update the responder's code", "responder", "deployment@staging").decision, "Allow");
    });

    it("gives the plan's roles their tags as aws:PrincipalTag (their own over the provider's default tags)", () => {
        const after = withRootScp([{ Sid: "PlatformRolesOnly", Effect: "Deny", Action: "ec2:DescribeInstances", Resource: "*", Condition: { StringNotEqualsIfExists: { "aws:PrincipalTag/Environment": "staging" } } }]);
        assert.strictEqual(cell(after, "act as root (anything)", "account", "staging-responder-role@staging").decision, "Allow");
        assert.strictEqual(cell(after, "act as root (anything)", "account", "developer@staging").decision, "ExplicitDeny");
    });

    it("counts a cell it cannot decide as allowed, never as denied", () => {
        const unmodelled = view.principals.map((p) => (p.label === "security-auditor@staging" ? { ...p, identityPolicies: [...p.identityPolicies, { Statement: [{ Effect: "Allow", Action: "*", Resource: "*", Condition: { BinaryEquals: { "aws:x": "AA==" } } }] }] } : p));
        const after = accessMatrix(view.estate, unmodelled, view.organization);
        const c = cell(after, "update the responder's code", "responder", "security-auditor@staging");
        assert.deepStrictEqual([c.decision, c.unexpected], ["Undecided", true]);
        assert.match(c.reason, /BinaryEquals/);
    });
});
