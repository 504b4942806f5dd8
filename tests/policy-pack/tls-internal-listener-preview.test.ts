// tls-internal-listener-client-certificates through the gRPC path: the fixture program's internal
// listeners without client-certificate verification (stack violating) and with it (stack
// compliant), both providers, previewed offline with the real pack; its legacy listener, reached
// only through API Gateway's VPC link, passes in both.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { runCliAsync, tempDir, type CliResult } from "../offline-preview/cli-harness";

const PROJECT = ["--project", "tests/fixtures/internal-listener-program"];
const POLICY = "tls-internal-listener-client-certificates";

/** The report line of a finding: level, policy and the resource it names. */
const finding = (level: string, resource: string) => new RegExp(`- \\[${level}\\] \\[severity: high\\] ${POLICY}\\s+\\(${resource}\\)`);

describe(`${POLICY} through the offline preview's gRPC path`, function () {
    this.timeout(300_000);
    let violating: CliResult;
    let compliant: CliResult;
    let advisory: CliResult;

    before(async () => {
        const config = path.join(tempDir(), "policy-config.json");
        fs.writeFileSync(config, JSON.stringify({ [POLICY]: "advisory" }));
        [violating, compliant, advisory] = await Promise.all([
            runCliAsync([...PROJECT, "--stack", "violating"]),
            runCliAsync([...PROJECT, "--stack", "compliant"]),
            runCliAsync([...PROJECT, "--stack", "violating", "--policy-config", config]),
        ]);
    });

    it("blocks internal listeners that do not verify client certificates, both providers, and not the VPC link's listener", () => {
        assert.equal(violating.status, 1, violating.stdout + violating.stderr);
        assert.match(violating.stdout, finding("mandatory", "aws:lb:Listener orders"));
        assert.match(violating.stdout, finding("mandatory", "aws-native:elasticloadbalancingv2:Listener payments"));
        assert.match(violating.stdout, /passes client certificates through unverified/);
        assert.match(violating.stdout, /2 mandatory violation\(s\)/);
        assert.doesNotMatch(violating.stdout, /Listener legacy\)/);
    });

    it("passes the compliant twin: exit 0, every policy passed", () => {
        assert.equal(compliant.status, 0, compliant.stdout + compliant.stderr);
        assert.match(compliant.stdout, /all policies passed/);
    });

    it("an organisation that sets it advisory is told, not blocked", () => {
        assert.equal(advisory.status, 0, advisory.stdout + advisory.stderr);
        assert.match(advisory.stdout, finding("advisory", "aws:lb:Listener orders"));
        assert.match(advisory.stdout, finding("advisory", "aws-native:elasticloadbalancingv2:Listener payments"));
    });
});
