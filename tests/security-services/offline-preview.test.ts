// The fixture program (two providers, the component) through the real offline preview and the
// repository's real policy pack, as `npm run preview -- --project … --stack test` runs it.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Plan, PlanResourceState } from "../../offline-preview/plan";
import { runCli, tempDir } from "../offline-preview/cli-harness";

const PROJECT = "tests/fixtures/security-services-program";

describe("security services fixture through the offline preview and the policy pack", () => {
    let run: ReturnType<typeof runCli>;
    let plan: Plan;
    let outputs: Record<string, unknown>;
    before(() => {
        const dir = tempDir();
        const planFile = path.join(dir, "plan.json");
        const outputsFile = path.join(dir, "outputs.json");
        run = runCli(["--project", PROJECT, "--stack", "test", "--json", planFile, "--outputs", outputsFile]);
        plan = JSON.parse(fs.readFileSync(planFile, "utf8")) as Plan;
        outputs = JSON.parse(fs.readFileSync(outputsFile, "utf8")) as Record<string, unknown>;
    });

    it("exits 0 with every policy passing", () => {
        assert.equal(run.status, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /Policies: zero-trust-guardrails@v\d+\.\d+\.\d+ \(\d+ policies\)\n\s+all policies passed/);
        assert.match(run.stdout, /\b29\s+to create\b/);
    });

    it("also exits 0 with every policy passing when computed values stay unknown, as `pulumi preview` sees them", () => {
        const r = runCli(["--project", PROJECT, "--stack", "test", "--view", "preview"]);
        assert.equal(r.status, 0, r.stdout + r.stderr);
        assert.match(r.stdout, /all policies passed/);
    });

    it("sends every AWS resource through one of the fixture's two providers", () => {
        const states = plan.steps.map((s) => s.newState).filter((s): s is PlanResourceState => s !== undefined);
        const providerRefs = new Set(states.filter((s) => s.type === "pulumi:providers:aws").map((s) => `${s.urn}::${s.id}`));
        assert.equal(providerRefs.size, 2);
        const resources = states.filter((s) => s.custom && s.type.startsWith("aws:"));
        assert.equal(resources.length, 21);
        for (const r of resources) {
            assert.ok(r.provider !== undefined && providerRefs.has(r.provider), `${r.type} ${r.urn}`);
        }
    });

    it("outputs the security account's detector, aggregator, analyzer and the delegated administrator", () => {
        assert.equal(outputs["delegatedAdminAccountId"], "222222222222");
        assert.match(String(outputs["guardDutyDetectorId"]), /\S/);
        assert.match(String(outputs["securityHubAggregatorArn"]), /^arn:aws:securityhub:eu-west-1:222222222222:/);
        assert.match(String(outputs["organizationAnalyzerArn"]), /^arn:aws:[a-z-]+:eu-west-1:222222222222:/);
    });
});
