import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "../../offline-preview/errors";
import { readPlan } from "../../offline-preview/plan";
import { tempDir } from "./cli-harness";

/** A --diff base plan file holding `content`. */
function planFile(content: unknown): string {
    const file = path.join(tempDir(), "base.json");
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
}

function refusal(file: string, detail: string): (error: unknown) => boolean {
    return (error) =>
        error instanceof UsageError &&
        error.message === `--diff=${file}: expected a plan written by \`pulumi preview --json\` or \`--json\` (${detail})`;
}

describe("reading a --diff base plan", () => {
    it("reads a plan's steps, and a `pulumi preview --json` of no changes (a changeSummary, no steps) as an empty plan", () => {
        const step = { op: "create", urn: "urn:a", newState: { urn: "urn:a", type: "aws:s3/bucket:Bucket", custom: true, inputs: {} } };
        assert.deepEqual(readPlan(planFile({ steps: [step] })).steps, [step]);
        assert.deepEqual(readPlan(planFile({ changeSummary: { same: 12 } })).steps, []);
    });

    it("refuses what is not a plan, in one line naming the file and what is wrong", () => {
        const cases: [unknown, string][] = [
            [{ format_version: "1.2", resource_changes: [] }, "a plan has steps[] or a changeSummary"],
            [{ steps: null }, "steps: Invalid input: expected array, received null"],
            [
                { steps: [{ op: "create", urn: "urn:a", newState: { urn: "urn:a", inputs: {} } }] },
                "steps[0].newState.type: Invalid input: expected string, received undefined",
            ],
            [{ steps: [null] }, "steps[0]: Invalid input: expected object, received null"],
            [[], "Invalid input: expected object, received array"],
        ];
        for (const [content, detail] of cases) {
            const file = planFile(content);
            assert.throws(() => readPlan(file), refusal(file, detail), JSON.stringify(content));
        }
        const broken = planFile("{ not json");
        assert.throws(
            () => readPlan(broken),
            (error: unknown) =>
                error instanceof UsageError &&
                error.message.startsWith(`--diff=${broken}: expected a plan`) &&
                !error.message.includes("\n"),
        );
    });
});
