import * as assert from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Plan, PlanResourceState } from "../../offline-preview/plan";
import { runCli, tempDir } from "../offline-preview/cli-harness";

describe("offline preview of the responder fixture (tests/fixtures/responder-program) with the real policy pack", () => {
    let run: ReturnType<typeof runCli>;
    let plan: Plan;
    before(() => {
        const file = path.join(tempDir(), "responder-plan.json");
        run = runCli(["--project", "tests/fixtures/responder-program", "--stack", "test", "--json", file]);
        plan = JSON.parse(fs.readFileSync(file, "utf8")) as Plan;
    });

    it("exits 0: every mandatory policy passes (customer-managed keys on the log group, topic and queue; no internet ingress)", () => {
        assert.strictEqual(run.status, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /all policies passed/);
    });

    it("previews the responder's resources next to the key ring, VPC, detector and findings pipeline", () => {
        const types = plan.steps
            .map((s) => s.newState)
            .filter((s): s is PlanResourceState => s !== undefined)
            .map((s) => s.type);
        for (const type of [
            "zero-trust:response:AutomatedResponder",
            "aws:lambda/function:Function",
            "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
            "aws:lambda/permission:Permission",
            "aws:sqs/queue:Queue",
            "aws:sqs/queuePolicy:QueuePolicy",
            "aws:iam/rolePolicy:RolePolicy",
            "aws:cloudwatch/metricAlarm:MetricAlarm",
            "zero-trust:encryption:KeyRing",
            "zero-trust:network:ThreeTierVpc",
            "zero-trust:detection:FindingsPipeline",
        ]) {
            assert.ok(types.includes(type), type);
        }
        assert.strictEqual(
            types.filter((t) => t === "aws:cloudwatch/eventTarget:EventTarget").length,
            2,
            "the alert rule targets the topic and the responder",
        );
    });
});
