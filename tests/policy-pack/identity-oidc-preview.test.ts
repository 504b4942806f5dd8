// identity-oidc-trust-pinned through the gRPC path: the fixture's GitHub deploy role previewed
// offline with the real pack, once without a sub condition, once with `repo:*`, once pinned.

import { strict as assert } from "node:assert";
import { runCliAsync, type CliResult } from "../offline-preview/cli-harness";

const PROJECT = ["--project", "tests/fixtures/ci-oidc-trust-program"];
const FINDING = /- \[mandatory\] \[severity: critical\] identity-oidc-trust-pinned\s+\(aws:iam:Role deploy\)/;

describe("GitHub OIDC trusts through the offline preview's gRPC path", function () {
    this.timeout(300_000);
    let noSub: CliResult;
    let anyRepository: CliResult;
    let pinned: CliResult;

    before(async () => {
        [noSub, anyRepository, pinned] = await Promise.all(
            ["no-sub", "any-repository", "pinned"].map((stack) => runCliAsync([...PROJECT, "--stack", stack])),
        );
    });

    it("blocks a trust without a sub condition", () => {
        assert.equal(noSub.status, 1, noSub.stdout + noSub.stderr);
        assert.match(noSub.stdout, FINDING);
        assert.match(noSub.stdout, /:sub" does not name one repository/);
    });

    it("blocks a trust whose sub is repo:*", () => {
        assert.equal(anyRepository.status, 1, anyRepository.stdout + anyRepository.stderr);
        assert.match(anyRepository.stdout, FINDING);
    });

    it("passes the pinned twin: exit 0, every policy passed", () => {
        assert.equal(pinned.status, 0, pinned.stdout + pinned.stderr);
        assert.match(pinned.stdout, /all policies passed/);
    });
});
