import * as assert from "assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot, tempDir } from "../offline-preview/cli-harness";
import { managementPlan } from "./synthetic-plans";

const cli = path.join(repoRoot, "dist/access-matrix/main.js");

/** Runs the built tool as `npm run access` does (npm test builds it first). */
function runAccess(args: string[]) {
    assert.ok(fs.existsSync(cli), `${cli} is missing: run \`npm run build\` (npm test does)`);
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertOneLineError(r: ReturnType<typeof runAccess>, ...fragments: string[]): void {
    assert.strictEqual(r.status, 2, r.stderr);
    assert.strictEqual(r.stderr.trim().split("\n").length, 1, r.stderr);
    for (const fragment of fragments) {
        assert.ok(r.stderr.includes(fragment), `${JSON.stringify(fragment)} in ${r.stderr}`);
    }
}

describe("npm run access", () => {
    it("previews staging with its management stack, prints the matrix and exits 0: nothing unexpected", () => {
        const dir = tempDir();
        const json = path.join(dir, "cells.json");
        const r = runAccess(["--stack", "staging", "--json", json]);
        assert.strictEqual(r.status, 0, r.stdout + r.stderr);
        assert.match(r.stdout, /^Access matrix of stack staging: \d+ probes x \d+ principals/);
        assert.match(r.stdout, /No unexpected cell/);
        const cells = JSON.parse(fs.readFileSync(json, "utf8")) as {
            unexpected: number;
            cells: { principal: string; action: string; decision: string; unexpected: boolean }[];
        };
        assert.strictEqual(cells.unexpected, 0);
        assert.ok(
            cells.cells.some(
                (c) => c.principal === "developer@staging" && c.action === "lambda:UpdateFunctionCode" && c.decision === "ExplicitDeny",
            ),
        );
    });

    it("reads plans from files and exits 0 when every account sits under its guardrails, 1 when one does not", () => {
        const dir = tempDir();
        const placed = path.join(dir, "placed.json");
        const unplaced = path.join(dir, "unplaced.json");
        fs.writeFileSync(placed, JSON.stringify(managementPlan({ placed: true })));
        fs.writeFileSync(unplaced, JSON.stringify(managementPlan({ placed: false })));
        const clean = runAccess(["--plan", placed]);
        assert.strictEqual(clean.status, 0, clean.stdout + clean.stderr);
        assert.match(clean.stdout, /No unexpected cell/);
        assert.match(clean.stdout, /root@security .*; root\/security\)/);
        const open = runAccess(["--plan", unplaced]);
        assert.strictEqual(open.status, 1, open.stderr);
        assert.match(open.stdout, /root@security can leave the organisation/);
    });

    it("refuses bad input in one line with exit code 2", () => {
        const dir = tempDir();
        const environmentPlan = path.join(dir, "environment.json");
        fs.writeFileSync(environmentPlan, JSON.stringify({ config: { "zero-trust-aws:kind": "environment" }, steps: [] }));
        const broken = path.join(dir, "broken.json");
        fs.writeFileSync(broken, "{ nope");
        assertOneLineError(runAccess([]), "--stack");
        assertOneLineError(runAccess(["--stack", "staging", "--frobnicate"]), "frobnicate");
        assertOneLineError(runAccess(["--management-plan", environmentPlan]), "--management-plan=", "with --plan");
        assertOneLineError(runAccess(["--plan", environmentPlan]), "--management-plan", "management stack's plan");
        assertOneLineError(runAccess(["--plan", broken]), `--plan=${broken}`, "expected a plan");
        assertOneLineError(runAccess(["--stack", "nope"]), "--stack=nope");
    });
});
