// The workload tier's policies through the gRPC path: the fixture program written with every
// control off (stack violating) and on (stack compliant), previewed offline with the real pack.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { findingLine, runCliAsync, tempDir, type CliResult } from "../offline-preview/cli-harness";

const PROJECT = ["--project", "tests/fixtures/insecure-workload-program"];

describe("workload tier policies through the offline preview's gRPC path", function () {
    this.timeout(300_000);
    let violating: CliResult;
    let compliant: CliResult;
    let strict: CliResult;

    before(async () => {
        const config = path.join(tempDir(), "policy-config.json");
        fs.writeFileSync(
            config,
            JSON.stringify({ "tls-load-balancer-target-group": "mandatory", "workload-ecs-non-root-user": "mandatory" }),
        );
        [violating, compliant, strict] = await Promise.all([
            runCliAsync([...PROJECT, "--stack", "violating"]),
            runCliAsync([...PROJECT, "--stack", "compliant"]),
            runCliAsync([...PROJECT, "--stack", "violating", "--policy-config", config]),
        ]);
    });

    it("blocks the workload with its controls off, each policy naming the resource it caught", () => {
        assert.equal(violating.status, 1, violating.stdout + violating.stderr);
        const out = violating.stdout;
        assert.match(out, findingLine("mandatory", "workload-ecs-no-privileged-container", "aws:ecs:TaskDefinition orders"));
        assert.match(out, findingLine("mandatory", "workload-ecs-no-host-network", "aws:ecs:TaskDefinition orders"));
        assert.match(out, findingLine("mandatory", "workload-ecs-read-only-root-filesystem", "aws:ecs:TaskDefinition orders"));
        assert.match(out, findingLine("advisory", "workload-ecs-non-root-user", "aws:ecs:TaskDefinition orders"));
        assert.match(out, findingLine("mandatory", "ingress-ecs-service-public-ip", "aws:ecs:Service orders"));
        assert.match(out, findingLine("advisory", "tls-load-balancer-target-group", "aws:lb:TargetGroup orders"));
        assert.match(out, findingLine("mandatory", "tls-database-enforcing-parameter-group", "aws:rds:Cluster orders"));
    });

    it("passes the compliant twin: exit 0, every policy passed", () => {
        assert.equal(compliant.status, 0, compliant.stdout + compliant.stderr);
        assert.match(compliant.stdout, /all policies passed/);
    });

    it("the advisory rules block once the policy config makes them mandatory", () => {
        assert.equal(strict.status, 1, strict.stdout + strict.stderr);
        assert.match(strict.stdout, findingLine("mandatory", "tls-load-balancer-target-group", "aws:lb:TargetGroup orders"));
        assert.match(strict.stdout, findingLine("mandatory", "workload-ecs-non-root-user", "aws:ecs:TaskDefinition orders"));
    });
});
