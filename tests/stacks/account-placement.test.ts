// The union of the three stacks' plans, read as an AWS reviewer would: every account the estate
// knows (the management stack's security and log-archive accounts, each environment's account,
// adopted or created) sits in an OU whose chain up to the root carries every guardrail SCP. An
// account left outside an OU is under no guardrail at all.
import * as assert from "assert";
import { GUARDRAIL_POLICY_NAMES } from "../../components/organization/service-control-policies";
import { recordedNamed, type RecordingMocks, type Registration } from "../network/recording-mocks";
import { runStack, valueOf } from "./stack-harness";

const T = {
    account: "aws:organizations/account:Account",
    ou: "aws:organizations/organizationalUnit:OrganizationalUnit",
    policy: "aws:organizations/policy:Policy",
    attachment: "aws:organizations/policyAttachment:PolicyAttachment",
} as const;

/** Account id → the OU (or root) id a plan places it under. */
function placements(mocks: RecordingMocks): Map<string, string> {
    return new Map(
        mocks
            .ofType(T.account)
            .map((a) => [recordedNamed(mocks, a.name).options.importId ?? String(a.outputs.id), String(a.inputs.parentId)]),
    );
}

/**
 * For each account, what is wrong with its place: not placed by any plan, or an OU chain that lacks
 * some guardrail SCP (by policy name). Empty when every account is under every guardrail.
 */
function placementProblems(
    management: RecordingMocks,
    environmentPlans: readonly RecordingMocks[],
    accountIds: readonly string[],
    detached: (attachment: Registration) => boolean = () => false,
): string[] {
    const parentOf = new Map(management.ofType(T.ou).map((ou) => [ou.id, String(ou.inputs.parentId)]));
    const policyName = new Map(management.ofType(T.policy).map((p) => [p.id, String(p.inputs.name)]));
    const attached = new Map<string, string[]>();
    for (const a of management.ofType(T.attachment).filter((attachment) => !detached(attachment))) {
        attached.set(String(a.inputs.targetId), [
            ...(attached.get(String(a.inputs.targetId)) ?? []),
            policyName.get(String(a.inputs.policyId)) ?? "?",
        ]);
    }
    const placed = new Map([...placements(management), ...environmentPlans.flatMap((plan) => [...placements(plan)])]);
    return accountIds.flatMap((accountId) => {
        const ou = placed.get(accountId);
        if (ou === undefined) {
            return [`${accountId}: in no OU`];
        }
        const policies = new Set<string>();
        for (let target: string | undefined = ou; target !== undefined; target = parentOf.get(target)) {
            (attached.get(target) ?? []).forEach((name) => policies.add(name));
        }
        const missing = GUARDRAIL_POLICY_NAMES.map((name) => `zero-trust-${name}`).filter((name) => !policies.has(name));
        return missing.length === 0 ? [] : [`${accountId} (in ${ou}): without ${missing.join(", ")}`];
    });
}

describe("every account under its guardrails (management, staging and prod plans together)", () => {
    let management: RecordingMocks;
    let environments: RecordingMocks[];
    let accountIds: string[];
    before(async () => {
        const run = await runStack("management");
        assert.strictEqual(run.error, undefined);
        management = run.mocks;
        // One at a time: a run installs the process-wide mocks.
        const runs = [await runStack("staging"), await runStack("prod")];
        environments = runs.map((r) => r.mocks);
        const environmentAccounts = await Promise.all(
            runs.map((r) => {
                assert.ok(r.outputs !== undefined, String(r.error));
                return valueOf(r.outputs.accountId);
            }),
        );
        accountIds = ["333333333333", "444444444444", ...environmentAccounts.map(String)];
    });

    it("places the security, log-archive, staging and prod accounts each in an OU that carries, with its parents, all five guardrail SCPs", () => {
        assert.deepStrictEqual(accountIds, ["333333333333", "444444444444", "111111111111", "222222222222"]);
        assert.deepStrictEqual(placementProblems(management, environments, accountIds), []);
    });

    it("would find an account the management stack no longer lists outside every OU (defect 1 of the issue)", async () => {
        const run = await runStack("management", {
            "zero-trust-aws:accounts": JSON.stringify({
                securityAccountId: "333333333333",
                securityAccountEmail: "aws+security@example.com",
                logArchiveAccountId: "444444444444",
                logArchiveAccountEmail: "aws+log-archive@example.com",
            }),
        });
        assert.deepStrictEqual(placementProblems(run.mocks, environments, accountIds), [
            "111111111111: in no OU",
            "222222222222: in no OU",
        ]);
    });

    it("would find an account whose OU chain lacks a guardrail", () => {
        const security = management.named("organization-security").id;
        const auditLogsOnSecurity = (a: Registration): boolean => a.inputs.targetId === security && a.name.includes("audit-logs");
        assert.deepStrictEqual(placementProblems(management, environments, accountIds, auditLogsOnSecurity), [
            `333333333333 (in ${security}): without zero-trust-audit-logs-and-keys`,
            `444444444444 (in ${security}): without zero-trust-audit-logs-and-keys`,
        ]);
        const rootFence = (a: Registration): boolean => a.name.includes("platform-resources");
        assert.strictEqual(placementProblems(management, environments, accountIds, rootFence).length, 4);
    });
});
