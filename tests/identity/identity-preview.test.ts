import * as assert from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli, tempDir } from "../offline-preview/cli-harness";

interface PlanStep {
    op: string;
    urn: string;
    newState: { type: string; provider?: string; dependencies?: string[]; inputs: Record<string, unknown> };
}

/** The logical name at the end of a URN. */
const nameOf = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);

describe("identity fixture through the offline preview and the real policy pack", () => {
    const project = ["--project", "tests/fixtures/identity-program", "--stack", "test"];

    it("exits 0 with every policy of zero-trust-guardrails passing", () => {
        const r = runCli(project);
        assert.strictEqual(r.status, 0, r.stdout + r.stderr);
        assert.match(r.stdout, /all policies passed/);
        assert.match(r.stdout, /19\s+to create/);
    });

    describe("its plan (--json)", () => {
        let steps: PlanStep[];
        before(() => {
            const plan = path.join(tempDir(), "identity-plan.json");
            const r = runCli([...project, "--json", plan]);
            assert.strictEqual(r.status, 0, r.stdout + r.stderr);
            steps = (JSON.parse(fs.readFileSync(plan, "utf8")) as { steps: PlanStep[] }).steps;
        });

        it("declares every Identity Center resource through the management provider", () => {
            const sso = steps.filter((s) => s.newState.type.startsWith("aws:ssoadmin/"));
            assert.strictEqual(sso.length, 16);
            for (const s of sso) {
                assert.match(s.newState.provider ?? "", /::pulumi:providers:aws::management::/, nameOf(s.urn));
            }
        });

        it("creates the platform-admin assignment only after AdministratorAccess, itself after the inline Deny", () => {
            const dependencies = (name: string): string[] =>
                (steps.find((s) => nameOf(s.urn) === name)?.newState.dependencies ?? []).map(nameOf);
            assert.ok(
                dependencies("identity-platform-admin-prod-a1b2c3d4e5-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b").includes(
                    "identity-platform-admin-administrator-access",
                ),
            );
            assert.ok(dependencies("identity-platform-admin-administrator-access").includes("identity-platform-admin-inline"));
        });
    });
});
