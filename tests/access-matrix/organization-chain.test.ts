import * as assert from "assert";
import { FULL_AWS_ACCESS, organizationChain } from "../../access-matrix/organization-chain";
import { planResources } from "../../access-matrix/plan-resources";
import { GUARDRAIL_STATEMENTS, MANAGEMENT_ACCOUNT, managementPlan, SECURITY_ACCOUNT, step } from "./synthetic-plans";

const chainOf = (plan: ReturnType<typeof managementPlan>) => organizationChain(plan, planResources(plan));
const sids = (levels: readonly (readonly { Statement: readonly { Sid?: string }[] }[])[]) =>
    levels.map((level) => level.flatMap((p) => p.Statement.map((s) => s.Sid)));

describe("access matrix: each account's SCP chain, from the management plan", () => {
    it("gives an account in no OU only the root's policies (FullAWSAccess) and its own level", () => {
        const chain = chainOf(managementPlan({ placed: false }));
        assert.deepStrictEqual(sids(chain.scpLevels(SECURITY_ACCOUNT)), [["FullAWSAccess"], ["FullAWSAccess"]]);
        assert.strictEqual(chain.placement(SECURITY_ACCOUNT), "root");
    });

    it("puts an account placed by an organizations/account resource under every level down to it, each with FullAWSAccess and what is attached", () => {
        const chain = chainOf(managementPlan({ placed: true }));
        assert.deepStrictEqual(sids(chain.scpLevels(SECURITY_ACCOUNT)), [
            ["FullAWSAccess"],
            ["FullAWSAccess", ...GUARDRAIL_STATEMENTS.map((s) => s.Sid)],
            ["FullAWSAccess"],
        ]);
        assert.strictEqual(chain.placement(SECURITY_ACCOUNT), "root/security");
        assert.strictEqual(chain.scpLevels(SECURITY_ACCOUNT)[0][0], FULL_AWS_ACCESS);
    });

    it("follows nested OUs, reads policies attached to the account itself, and never binds the management account", () => {
        const plan = managementPlan({
            placed: false,
            extraSteps: [
                step(
                    "aws:organizations/organizationalUnit:OrganizationalUnit",
                    "ou-child",
                    { name: "non-prod", parentId: "ou-sec" },
                    { id: "ou-child" },
                ),
                step("aws:organizations/account:Account", "staging", { name: "staging", parentId: "ou-child" }, { id: "111111111111" }),
                step(
                    "aws:organizations/policy:Policy",
                    "scp-own",
                    {
                        type: "SERVICE_CONTROL_POLICY",
                        content: JSON.stringify({ Statement: [{ Sid: "Own", Effect: "Deny", Action: "s3:*", Resource: "*" }] }),
                    },
                    { id: "p-own" },
                ),
                step("aws:organizations/policyAttachment:PolicyAttachment", "attach-own", { policyId: "p-own", targetId: "111111111111" }),
            ],
        });
        const chain = chainOf(plan);
        assert.deepStrictEqual(
            sids(chain.scpLevels("111111111111")).map((level) => level.length),
            [1, 1 + GUARDRAIL_STATEMENTS.length, 1, 2],
        );
        assert.strictEqual(chain.placement("111111111111"), "root/security/non-prod");
        assert.deepStrictEqual(chain.scpLevels(MANAGEMENT_ACCOUNT), []);
        assert.match(chain.placement(MANAGEMENT_ACCOUNT), /no SCP applies/);
    });
});
