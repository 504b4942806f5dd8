import * as assert from "assert";
import * as path from "node:path";
import { accessMatrix, type AccessMatrix, type MatrixCell } from "../../access-matrix/access-matrix";
import { estateOf, type EstateView } from "../../access-matrix/estate";
import { PROBES } from "../../access-matrix/probes";
import { previewStackPlans, type StackPlans } from "../../access-matrix/stack-plans";
import { platformResourceStatements } from "../../components/organization/platform-ownership";
import type { Plan, PlanStep } from "../../offline-preview/plan";
import type { PolicyDocument } from "../../iam/policy-document";

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

const denied = (c: MatrixCell): boolean => c.decision === "ExplicitDeny" || c.decision === "ImplicitDeny";

/** Sids of the platform fence's statements (components/organization/platform-ownership.ts). */
const FENCE_SIDS = new Set<string | undefined>(platformResourceStatements("zero-trust-log-archive-o-a1b2c3d4e5").map((s) => s.Sid));

/** The management plan as it was before the platform fence: no `platform-resources` SCP, no fence in the permission sets. */
function withoutPlatformFence(management: Plan): Plan {
    const steps = management.steps.flatMap((step): PlanStep[] => {
        const state = step.newState;
        if (state?.type === "aws:organizations/policy:Policy" && String(state.inputs.content).includes("DenyChangingPlatformResources")) {
            return [];
        }
        if (state?.type === "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy") {
            const policy = JSON.parse(String(state.inputs.inlinePolicy)) as { Statement: { Sid?: string }[] };
            const inlinePolicy = JSON.stringify({ ...policy, Statement: policy.Statement.filter((s) => !FENCE_SIDS.has(s.Sid)) });
            return [{ ...step, newState: { ...state, inputs: { ...state.inputs, inlinePolicy } } }];
        }
        return [step];
    });
    return { ...management, steps };
}

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
        for (const expected of [
            "developer@staging",
            "security-auditor@staging",
            "platform-admin@staging",
            "security-auditor@log-archive",
            "staging-responder-role@staging",
            "staging-network-flow-logs-role@staging",
            "staging-baseline-config-role@staging",
            "deployment@staging",
            "break-glass@staging",
            "root@staging",
            "organization-trail-role@management",
        ]) {
            assert.ok(labels.includes(expected), `${expected} in ${labels.join(", ")}`);
        }
        assert.ok(
            !labels.some((l) => /^(root|deployment|break-glass)@management$/.test(l)),
            "no SCP binds the management account: only its plan roles are columns",
        );
        const tamperActions = new Set(matrix.rows.filter((r) => r.kind === "tamper").map((r) => r.action));
        assert.ok(tamperActions.size >= 40, `${tamperActions.size} tampering actions`);
        assert.ok(
            matrix.rows.every((r) => r.target.arn === "*" || r.target.arn.startsWith("arn:aws:")),
            "concrete ARNs",
        );
        assert.ok(
            PROBES.every((p) => matrix.rows.some((r) => r.label === p.label)),
            "every probe finds its resources in the plans",
        );
    });

    it("denies deleting or overwriting audit log objects to every principal", () => {
        for (const label of [
            "delete an audit log object",
            "delete an audit log object version",
            "overwrite an audit log object",
            "bypass the archive's object lock",
        ]) {
            const row = matrix.rows.findIndex((r) => r.label === label);
            assert.deepStrictEqual(
                matrix.cells[row].filter((c) => c.decision !== "ExplicitDeny" && c.decision !== "ImplicitDeny"),
                [],
                label,
            );
        }
    });

    it("keeps the legitimate paths open: developers deploy their own function and security group, the auditor reads the archive, the responder isolates, the deployment role updates the stack", () => {
        assert.strictEqual(cell(matrix, "deploy an own function", "function", "developer@staging").decision, "Allow");
        assert.strictEqual(cell(matrix, "open an own security group", "security-group", "developer@staging").decision, "Allow");
        assert.strictEqual(cell(matrix, "read the audit archive", "log-archive", "security-auditor@log-archive").decision, "Allow");
        // Each watched region's responder isolates there, and only there.
        for (const label of ["isolate an instance (into quarantine)", "isolate an instance (move its interface)"]) {
            const rows = matrix.rows.flatMap((r, i) => (r.label === label ? [i] : []));
            assert.deepStrictEqual(
                [...new Set(rows.map((i) => matrix.rows[i].target.region))].sort(),
                ["eu-central-1", "eu-west-1"],
                label,
            );
            for (const i of rows) {
                const allowed = matrix.principals
                    .filter((p, j) => /responder/.test(p.label) && matrix.cells[i][j].decision === "Allow")
                    .map((p) => p.label);
                const expected =
                    matrix.rows[i].target.region === "eu-west-1"
                        ? "staging-responder-role@staging"
                        : "staging-responder-eu-central-1-role@staging";
                assert.deepStrictEqual(allowed, [expected], `${label}: ${matrix.rows[i].target.what}`);
            }
        }
        assert.strictEqual(cell(matrix, "deploy: update the responder's code", "responder", "deployment@staging").decision, "Allow");
        assert.strictEqual(cell(matrix, "deploy: update a key policy", "purpose-logs", "deployment@staging").decision, "Allow");
    });

    it("denies the responder's role, the auditor and the log roles the platform's own settings", () => {
        for (const [label, what, principal] of [
            ["update the responder's code", "responder", "staging-responder-role@staging"],
            ["schedule key deletion", "purpose-logs", "security-auditor@staging"],
            ["replace an endpoint policy", "endpoints-s3", "staging-network-flow-logs-role@staging"],
            ["put an inline policy on a platform role", "flow-logs", "staging-responder-role@staging"],
        ]) {
            const c = cell(matrix, label, what, principal);
            assert.deepStrictEqual([denied(c), c.unexpected], [true, false], `${principal}: ${label}: ${what} (${c.decision})`);
        }
    });

    it("finds nothing unexpected in the staging estate: every tampering probe denied to whoever must not have it, every legitimate path open", () => {
        const unexpected = matrix.rows.flatMap((row, r) =>
            matrix.cells[r].flatMap((c, p) =>
                c.unexpected ? [`${matrix.principals[p].label}: ${row.label}: ${row.target.what} (${c.decision})`] : [],
            ),
        );
        assert.deepStrictEqual(unexpected, []);
    });

    /** Defect 3's probes: the developer taking over the responder, the network and the findings. */
    const DEVELOPER_TAKEOVER: readonly (readonly [string, string])[] = [
        ["update the responder's code", "responder"],
        ["replace an endpoint policy", "endpoints-s3"],
        ["open a platform security group", "sg-app"],
        ["delete exported findings", "findings"],
        ["detach the quarantine group from an instance", "quarantine"],
    ];

    it("denies the developer the responder, the network and the exported findings, and would allow them without the platform fence (defect 3)", () => {
        for (const [label, what] of DEVELOPER_TAKEOVER) {
            assert.strictEqual(cell(matrix, label, what, "developer@staging").decision, "ExplicitDeny", `${label}: ${what}`);
        }
        const management = plans.managementPlan;
        assert.ok(management !== undefined);
        const unfenced = matrixOf(estateOf(plans.plan, withoutPlatformFence(management)));
        for (const [label, what] of DEVELOPER_TAKEOVER) {
            const c = cell(unfenced, label, what, "developer@staging");
            assert.deepStrictEqual([c.decision, c.unexpected], ["Allow", true], `${label}: ${what} without the fence`);
        }
    });

    it("denies the root user and other regions since the staging account sits under the guardrails, and would allow them were it in no OU (defect 1)", () => {
        assert.strictEqual(view.organization.placement("111111111111"), "root/workloads/non-prod");
        assert.strictEqual(cell(matrix, "act as root (anything)", "account", "root@staging").decision, "ExplicitDeny");
        assert.strictEqual(cell(matrix, "launch an instance in another region", "region", "developer@staging").decision, "ExplicitDeny");
        assert.strictEqual(cell(matrix, "leave the organisation", "organisation", "platform-admin@staging").decision, "ExplicitDeny");
        assert.strictEqual(cell(matrix, "stop AWS Config recording", "recorder", "platform-admin@staging").decision, "ExplicitDeny");
        const management = plans.managementPlan;
        assert.ok(management !== undefined);
        const unplaced = estateOf(plans.plan, {
            ...management,
            steps: management.steps.filter((s) => s.newState?.type !== "aws:organizations/account:Account"),
        });
        const after = matrixOf(unplaced);
        assert.strictEqual(unplaced.organization.placement("111111111111"), "root");
        for (const [label, what, principal] of [
            ["act as root (anything)", "account", "root@staging"],
            ["launch an instance in another region", "region", "developer@staging"],
            ["leave the organisation", "organisation", "platform-admin@staging"],
            ["stop AWS Config recording", "recorder", "platform-admin@staging"],
        ]) {
            const c = cell(after, label, what, principal);
            assert.deepStrictEqual([c.decision, c.unexpected], ["Allow", true], `${principal}: ${label} with the account in no OU`);
        }
    });

    /** The staging matrix with one more SCP attached to the organisation's root. */
    function withRootScp(statements: unknown[]): AccessMatrix {
        const management = plans.managementPlan;
        assert.ok(management !== undefined);
        const added: PlanStep[] = [
            {
                op: "create",
                urn: "urn:x:policy",
                newState: {
                    urn: "urn:x:policy",
                    custom: true,
                    type: "aws:organizations/policy:Policy",
                    id: "p-added",
                    outputs: { id: "p-added" },
                    inputs: { type: "SERVICE_CONTROL_POLICY", content: JSON.stringify({ Statement: statements }) },
                },
            },
            {
                op: "create",
                urn: "urn:x:root-attachment",
                newState: {
                    urn: "urn:x:root-attachment",
                    custom: true,
                    type: "aws:organizations/policyAttachment:PolicyAttachment",
                    inputs: { policyId: "p-added", targetId: "r-a1b2" },
                    outputs: {},
                },
            },
        ];
        return matrixOf(estateOf(plans.plan, { ...management, steps: [...management.steps, ...added] }));
    }

    it("evaluates ownership-tag guardrails on the plan's tags: an SCP denying changes to resources tagged by the provider turns the developer's cell to denied", () => {
        const after = withRootScp([
            {
                Sid: "PlatformOwned",
                Effect: "Deny",
                Action: "lambda:UpdateFunctionCode",
                Resource: "*",
                Condition: {
                    StringEquals: { "aws:ResourceTag/ManagedBy": "pulumi" },
                    ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAccountAccessRole" },
                },
            },
        ]);
        assert.strictEqual(cell(after, "update the responder's code", "responder", "developer@staging").decision, "ExplicitDeny");
        assert.strictEqual(
            cell(after, "update an own function's code", "function", "developer@staging").decision,
            "Allow",
            "an untagged function stays the team's",
        );
        assert.strictEqual(cell(after, "deploy: update the responder's code", "responder", "deployment@staging").decision, "Allow");
    });

    it("gives the plan's roles their tags as aws:PrincipalTag (their own over the provider's default tags)", () => {
        const after = withRootScp([
            {
                Sid: "PlatformRolesOnly",
                Effect: "Deny",
                Action: "ec2:DescribeInstances",
                Resource: "*",
                Condition: { StringNotEqualsIfExists: { "aws:PrincipalTag/Environment": "staging" } },
            },
        ]);
        assert.strictEqual(cell(after, "act as root (anything)", "account", "staging-responder-role@staging").decision, "Allow");
        assert.strictEqual(cell(after, "act as root (anything)", "account", "developer@staging").decision, "ExplicitDeny");
    });

    it("counts a cell it cannot decide as allowed, never as denied", () => {
        // Without the guardrails (accounts in no OU, no fence), some tampering cell of a staging role is
        // denied only because nothing allows it, in its own account and not on a key (so no resource
        // policy has to allow it too): an unreadable Allow is then all that decides it.
        const management = plans.managementPlan;
        assert.ok(management !== undefined);
        const bare = estateOf(
            plans.plan,
            withoutPlatformFence({
                ...management,
                steps: management.steps.filter((s) => s.newState?.type !== "aws:organizations/account:Account"),
            }),
        );
        const before = matrixOf(bare);
        const found = before.rows
            .flatMap((r, i) => before.principals.map((p, j) => ({ r, i, p, j })))
            .find(
                ({ r, i, p, j }) =>
                    r.kind === "tamper" &&
                    !r.action.startsWith("kms:") &&
                    p.arn.includes(":111111111111:role/") &&
                    r.target.arn.includes(":111111111111:") &&
                    before.cells[i][j].decision === "ImplicitDeny",
            );
        assert.ok(found !== undefined, "a tampering probe some staging role is implicitly denied");
        const unreadableAllow: PolicyDocument = {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "*", Resource: "*", Condition: { BinaryEquals: { "aws:x": "AA==" } } }],
        };
        const unmodelled = bare.principals.map((p) =>
            p.label === found.p.label ? { ...p, identityPolicies: [...p.identityPolicies, unreadableAllow] } : p,
        );
        const c = accessMatrix(bare.estate, unmodelled, bare.organization).cells[found.i][found.j];
        assert.deepStrictEqual([c.decision, c.unexpected], ["Undecided", true], `${found.p.label}: ${found.r.label}`);
        assert.match(c.reason, /BinaryEquals/);
    });
});
