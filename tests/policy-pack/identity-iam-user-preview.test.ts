// The identity family's users and sessions through the gRPC path: the fixture program with an IAM
// user holding an access key, a 12-hour role and a 12-hour permission set (stack violating), and
// its corrected twin without the user (stack compliant), previewed offline with the real pack.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { findingLine, runCliAsync, tempDir, type CliResult } from "../offline-preview/cli-harness";

const PROJECT = ["--project", "tests/fixtures/iam-user-program"];

const finding = (policy: string, resource: string) => findingLine("mandatory", policy, resource);

describe("identity users and sessions through the offline preview's gRPC path", function () {
    this.timeout(300_000);
    let violating: CliResult;
    let compliant: CliResult;
    let breakGlass: CliResult;

    before(async () => {
        // The same user named as break-glass: the user passes, its access key still does not.
        const config = path.join(tempDir(), "policy-config.json");
        fs.writeFileSync(config, JSON.stringify({ "identity-no-iam-users": { breakGlassUserNames: ["deployer"] } }));
        [violating, compliant, breakGlass] = await Promise.all([
            runCliAsync([...PROJECT, "--stack", "violating"]),
            runCliAsync([...PROJECT, "--stack", "compliant"]),
            runCliAsync([...PROJECT, "--stack", "violating", "--policy-config", config]),
        ]);
    });

    it("blocks the IAM user and its access key, the 12-hour role and the 12-hour permission set (exit 1)", () => {
        assert.equal(violating.status, 1, violating.stdout + violating.stderr);
        assert.match(violating.stdout, finding("identity-no-iam-users", "aws:iam:User deployer"));
        assert.match(violating.stdout, finding("identity-no-iam-users", "aws:iam:AccessKey deployer"));
        assert.match(violating.stdout, finding("identity-role-session-duration", "aws:iam:Role deployer"));
        assert.match(violating.stdout, finding("identity-permission-set-session-duration", "aws:ssoadmin:PermissionSet operator"));
    });

    it("passes the corrected twin: no user, one-hour role sessions, eight-hour permission set (exit 0)", () => {
        assert.equal(compliant.status, 0, compliant.stdout + compliant.stderr);
        assert.match(compliant.stdout, /all policies passed/);
    });

    it("a break-glass user passes through the policy config, and its access key is still refused", () => {
        assert.equal(breakGlass.status, 1, breakGlass.stdout + breakGlass.stderr);
        assert.doesNotMatch(breakGlass.stdout, finding("identity-no-iam-users", "aws:iam:User deployer"));
        assert.match(breakGlass.stdout, finding("identity-no-iam-users", "aws:iam:AccessKey deployer"));
        assert.match(breakGlass.stdout, /"deployer" is not in breakGlassUsersWithAccessKeys/);
    });
});
