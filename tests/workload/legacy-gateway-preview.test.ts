// The gateway as a program (tests/fixtures/legacy-gateway-program) through the real offline preview
// and the repository's real policy pack over its gRPC interface, in both views.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { runCliAsync, tempDir, type CliResult } from "../offline-preview/cli-harness";

const PROJECT = "tests/fixtures/legacy-gateway-program";

describe("legacy gateway fixture through the offline preview and the policy pack", () => {
    let up: CliResult;
    let preview: CliResult;
    let outputs: Record<string, unknown>;
    before(async () => {
        const outputsFile = path.join(tempDir(), "outputs.json");
        [up, preview] = await Promise.all([
            runCliAsync(["--project", PROJECT, "--stack", "test", "--outputs", outputsFile]),
            runCliAsync(["--project", PROJECT, "--stack", "test", "--view", "preview"]),
        ]);
        outputs = JSON.parse(fs.readFileSync(outputsFile, "utf8")) as Record<string, unknown>;
    });

    it("exits 0 with every policy passing, the gateway's ten AWS resources planned", () => {
        assert.equal(up.status, 0, up.stdout + up.stderr);
        assert.match(up.stdout, /Policies: zero-trust-guardrails@v\d+\.\d+\.\d+ \(\d+ policies\)\n\s+all policies passed/);
        assert.match(up.stdout, /\b13\s+to create\b/);
        assert.match(up.stdout, /\b10\s+eu-west-1\b/);
    });

    it("also exits 0 with every policy passing when computed values stay unknown, as `pulumi preview` sees them", () => {
        assert.equal(preview.status, 0, preview.stdout + preview.stderr);
        assert.match(preview.stdout, /all policies passed/);
    });

    it("outputs the custom domain's URL, its regional target, the API id and the $default stage's ARN", () => {
        assert.deepEqual([outputs["apiEndpoint"], outputs["apiId"]], ["https://timesheets.staging.example.com", "staging-timesheets"]);
        assert.match(String(outputs["stageArn"]), /^arn:aws:[a-z0-9]+:eu-west-1:111111111111:.*\$default$/);
        assert.match(String(outputs["domainNameTarget"]), /^d-[0-9a-f]{10}\.execute-api\.eu-west-1\.amazonaws\.com$/);
    });
});
