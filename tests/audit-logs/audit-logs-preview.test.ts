// The log archive, AWS Config's delivery bucket and the organisation trail through the offline preview and the repository's real
// policy pack (started and called over gRPC as the engine does): the fixture program declares both
// components through two explicit providers, as the management stack does. Needs `npm run build`.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Plan, PlanResourceState } from "../../offline-preview/plan";
import { runCli, tempDir } from "../offline-preview/cli-harness";

const PROJECT = ["--project", "tests/fixtures/audit-logs-program", "--stack", "test"];

/** Resources the fixture declares: the stack, two providers, three components and their 36 resources. */
const RESOURCES = 42;

function states(plan: Plan): PlanResourceState[] {
    return plan.steps.map((s) => s.newState).filter((s): s is PlanResourceState => s !== undefined);
}

describe("audit logs through the offline preview and the real policy pack", function () {
    this.timeout(180_000);

    for (const view of ["up", "preview"] as const) {
        it(`passes every policy with exit 0 in the ${view} view`, () => {
            const r = runCli([...PROJECT, "--view", view]);
            assert.equal(r.status, 0, r.stdout + r.stderr);
            assert.match(r.stdout, new RegExp(`\\b${RESOURCES}\\s+to create`));
            assert.match(r.stdout, /Policies: zero-trust-guardrails@\S+ \(\d+ policies\)\s+all policies passed/);
            assert.doesNotMatch(r.stdout, /\[(mandatory|advisory)\]/);
        });
    }

    it("plans each account's resources through its own provider, and the stateful ones protected", () => {
        const file = path.join(tempDir(), "audit-logs.json");
        const r = runCli([...PROJECT, "--json", file]);
        assert.equal(r.status, 0, r.stdout + r.stderr);
        const all = states(JSON.parse(fs.readFileSync(file, "utf8")) as Plan);
        assert.equal(all.length, RESOURCES);
        const providerOf = (name: string): string => {
            const provider = all.find((s) => s.type === "pulumi:providers:aws" && s.urn.endsWith(`::${name}`));
            assert.ok(provider, name);
            return provider.urn;
        };
        const [management, logArchive] = [providerOf("management"), providerOf("log-archive")];
        const trailComponent = all.find((s) => s.type === "zero-trust:audit-logs:OrganizationTrail");
        const archiveComponents = all
            .filter((s) => s.type === "zero-trust:audit-logs:LogArchive" || s.type === "zero-trust:audit-logs:ConfigDeliveryBucket")
            .map((s) => s.urn);
        assert.ok(trailComponent && archiveComponents.length === 2);
        for (const state of all.filter((s) => s.type.startsWith("aws:"))) {
            const expected =
                state.parent === trailComponent.urn
                    ? management
                    : archiveComponents.includes(String(state.parent))
                      ? logArchive
                      : "a component parent";
            assert.ok(String(state.provider).startsWith(`${expected}::`), `${state.urn}: ${String(state.provider)}`);
        }
        const protectedTypes = all
            .filter((s) => s.protect === true)
            .map((s) => s.type)
            .sort();
        assert.deepEqual(protectedTypes, [
            "aws:cloudtrail/trail:Trail",
            "aws:cloudwatch/logGroup:LogGroup",
            "aws:kms/key:Key",
            "aws:kms/key:Key",
            "aws:kms/key:Key",
            "aws:kms/key:Key",
            "aws:s3/bucket:Bucket",
            "aws:s3/bucket:Bucket",
            "aws:s3/bucket:Bucket",
        ]);
    });
});
