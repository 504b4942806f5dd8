// The pull-request job's IAM Access Analyzer step: the `aws` command lines built from index.json,
// what in the answers fails the pull request, and the script end to end with a stand-in `aws`.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { analyzerCalls, judge, readPolicyIndex, runChecks, type RunAws } from "../../offline-preview/access-analyzer-checks";
import type { PolicyIndex } from "../../offline-preview/policy-export";
import { repoRoot, tempDir } from "./cli-harness";

const document = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] };
const urn = (name: string): string => `urn:pulumi:staging::zero-trust-aws::aws:x/y:Y::${name}`;

const index: PolicyIndex = {
    stack: "staging",
    policies: {
        "archive.bucket-policy.json": {
            urn: urn("archive"),
            type: "aws:s3/bucketPolicy:BucketPolicy",
            kind: "bucket-policy",
            policyType: "RESOURCE_POLICY",
            validatePolicyResourceType: "AWS::S3::Bucket",
            publicAccessResourceType: "AWS::S3::Bucket",
        },
        "logs.key-policy.json": {
            urn: urn("logs"),
            type: "aws:kms/key:Key",
            kind: "key-policy",
            policyType: "RESOURCE_POLICY",
            publicAccessResourceType: "AWS::KMS::Key",
        },
        "s3.endpoint-policy.json": {
            urn: urn("s3"),
            type: "aws:ec2/vpcEndpoint:VpcEndpoint",
            kind: "endpoint-policy",
            policyType: "RESOURCE_POLICY",
        },
        "guardrails.service-control-policy.json": {
            urn: urn("guardrails"),
            type: "aws:organizations/policy:Policy",
            kind: "service-control-policy",
            policyType: "SERVICE_CONTROL_POLICY",
        },
        "responder.trust-policy.json": {
            urn: urn("responder"),
            type: "aws:iam/role:Role",
            kind: "trust-policy",
            policyType: "RESOURCE_POLICY",
            validatePolicyResourceType: "AWS::IAM::AssumeRolePolicyDocument",
            publicAccessResourceType: "AWS::IAM::AssumeRolePolicyDocument",
        },
    },
    unwritten: [
        {
            urn: urn("topic"),
            type: "aws:sns/topicPolicy:TopicPolicy",
            kind: "topic-policy",
            policyType: "RESOURCE_POLICY",
            publicAccessResourceType: "AWS::SNS::Topic",
            reason: "unknown",
        },
    ],
};

/** A folder holding only `index.json`. */
function indexDir(idx: PolicyIndex): string {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "index.json"), JSON.stringify(idx));
    return dir;
}

/** A folder as `--policies-out` writes it: the index and a document per entry. */
function exportDir(idx: PolicyIndex = index): string {
    const dir = indexDir(idx);
    for (const file of Object.keys(idx.policies)) {
        fs.writeFileSync(path.join(dir, file), JSON.stringify(document));
    }
    return dir;
}

/** A stand-in for the AWS CLI: every check passes unless `answers` says otherwise for a file. */
function fakeAws(
    answers: Record<string, { validate?: unknown; publicAccess?: unknown; status?: number }> = {},
): RunAws & { calls: string[][] } {
    const calls: string[][] = [];
    const run = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
        calls.push(args);
        const file = path.basename(args[args.indexOf("--policy-document") + 1] ?? "");
        const a = answers[file] ?? {};
        if (a.status !== undefined) {
            return {
                status: a.status,
                stdout: "",
                stderr: "An error occurred (AccessDeniedException) when calling the ValidatePolicy operation\nmore",
            };
        }
        const answer =
            args[1] === "validate-policy"
                ? (a.validate ?? { findings: [] })
                : (a.publicAccess ?? { result: "PASS", message: "no public access" });
        return { status: 0, stdout: JSON.stringify(answer), stderr: "" };
    };
    return Object.assign(run, { calls });
}

describe("IAM Access Analyzer checks of the exported policies", () => {
    it("validates every document with its policy type, and the resource type where Access Analyzer takes one", () => {
        const dir = "/work/policies";
        const calls = analyzerCalls(index, dir).filter((c) => c.check === "validate-policy");
        assert.deepEqual(
            calls.map((c) => c.args),
            [
                [
                    "accessanalyzer",
                    "validate-policy",
                    "--policy-type",
                    "RESOURCE_POLICY",
                    "--policy-document",
                    "file:///work/policies/archive.bucket-policy.json",
                    "--validate-policy-resource-type",
                    "AWS::S3::Bucket",
                    "--output",
                    "json",
                ],
                [
                    "accessanalyzer",
                    "validate-policy",
                    "--policy-type",
                    "RESOURCE_POLICY",
                    "--policy-document",
                    "file:///work/policies/logs.key-policy.json",
                    "--output",
                    "json",
                ],
                [
                    "accessanalyzer",
                    "validate-policy",
                    "--policy-type",
                    "RESOURCE_POLICY",
                    "--policy-document",
                    "file:///work/policies/s3.endpoint-policy.json",
                    "--output",
                    "json",
                ],
                [
                    "accessanalyzer",
                    "validate-policy",
                    "--policy-type",
                    "SERVICE_CONTROL_POLICY",
                    "--policy-document",
                    "file:///work/policies/guardrails.service-control-policy.json",
                    "--output",
                    "json",
                ],
                [
                    "accessanalyzer",
                    "validate-policy",
                    "--policy-type",
                    "RESOURCE_POLICY",
                    "--policy-document",
                    "file:///work/policies/responder.trust-policy.json",
                    "--validate-policy-resource-type",
                    "AWS::IAM::AssumeRolePolicyDocument",
                    "--output",
                    "json",
                ],
            ],
        );
    });

    it("checks public access of each resource policy whose type check-no-public-access supports, and no other", () => {
        const calls = analyzerCalls(index, "/work/policies").filter((c) => c.check === "check-no-public-access");
        assert.deepEqual(
            calls.map((c) => [c.file, c.args[c.args.indexOf("--resource-type") + 1]]),
            [
                ["archive.bucket-policy.json", "AWS::S3::Bucket"],
                ["logs.key-policy.json", "AWS::KMS::Key"],
                ["responder.trust-policy.json", "AWS::IAM::AssumeRolePolicyDocument"],
            ],
        );
    });

    it("fails on ERROR and SECURITY_WARNING findings and on a public verdict; WARNING and SUGGESTION are only noted", () => {
        const validate = analyzerCalls(index, "/d")[0];
        const finding = (findingType: string): unknown => ({ findings: [{ findingType, issueCode: "CODE", findingDetails: "details" }] });
        for (const type of ["ERROR", "SECURITY_WARNING"]) {
            assert.deepEqual(judge(validate, finding(type)), {
                failures: [`archive.bucket-policy.json: ${type} CODE: details`],
                notes: [],
            });
        }
        for (const type of ["WARNING", "SUGGESTION"]) {
            assert.deepEqual(judge(validate, finding(type)), {
                failures: [],
                notes: [`archive.bucket-policy.json: ${type} CODE: details`],
            });
        }
        assert.deepEqual(judge(validate, {}).failures, ["archive.bucket-policy.json: validate-policy answered without findings[]"]);
        const publicCheck = analyzerCalls(index, "/d")[1];
        assert.deepEqual(judge(publicCheck, { result: "PASS" }).failures, []);
        assert.deepEqual(judge(publicCheck, { result: "FAIL", message: "grants public access" }).failures, [
            "archive.bucket-policy.json: check-no-public-access FAIL: grants public access",
        ]);
    });

    it("runs every call; a failing command, a finding or an invalid document fails, an unknown one is noted", () => {
        const dir = exportDir();
        let aws = fakeAws();
        let result = runChecks(dir, aws);
        assert.equal(result.failed, false, result.lines.join("\n"));
        assert.equal(aws.calls.length, 8, "5 validations, 3 public-access checks");
        assert.match(result.lines[0] ?? "", /stack staging: 5 documents, 8 checks, 0 failure\(s\)/);
        assert.ok(result.lines.some((l) => l.includes(`note ${urn("topic")} (topic-policy): not checked, unknown until deployment`)));

        aws = fakeAws({
            "logs.key-policy.json": { publicAccess: { result: "FAIL", message: "public" } },
            "s3.endpoint-policy.json": { status: 254 },
        });
        result = runChecks(dir, aws);
        assert.equal(result.failed, true);
        assert.ok(result.lines.includes("  FAIL logs.key-policy.json: check-no-public-access FAIL: public"));
        assert.ok(
            result.lines.includes(
                "  FAIL s3.endpoint-policy.json: aws validate-policy failed (exit 254): An error occurred (AccessDeniedException) when calling the ValidatePolicy operation",
            ),
        );

        const invalid = exportDir({ ...index, unwritten: [{ ...index.unwritten[0], reason: "invalid" }] });
        result = runChecks(invalid, fakeAws());
        assert.equal(result.failed, true);
        assert.ok(result.lines.includes(`  FAIL ${urn("topic")} (topic-policy): not a JSON policy document in the plan`));
    });

    it("refuses an index that is missing, not JSON, or names a file outside its folder", () => {
        assert.throws(() => readPolicyIndex(tempDir()), {
            name: "UsageError",
            message: /index\.json: expected the index written by `npm run preview -- --policies-out`/,
        });
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, "index.json"), "{");
        assert.throws(() => readPolicyIndex(dir), { name: "UsageError" });
        for (const file of ["../escape.json", "sub/dir.json", ".hidden.json", "no-suffix"]) {
            const bad = indexDir({ ...index, policies: { [file]: index.policies["logs.key-policy.json"] } });
            assert.throws(() => readPolicyIndex(bad), { name: "UsageError", message: /index\.json: policies\./ }, file);
        }
        const badType = indexDir({
            ...index,
            policies: { "x.json": { ...index.policies["logs.key-policy.json"], policyType: "MANAGED" as "IDENTITY_POLICY" } },
        });
        assert.throws(() => readPolicyIndex(badType), { name: "UsageError", message: /policyType/ });
    });

    describe("the script the pull-request job runs", () => {
        const script = path.join(repoRoot, "dist/offline-preview/access-analyzer-main.js");

        /** Runs the script with a stand-in `aws` first on the PATH that answers `validate` to every validate-policy. */
        function runScript(args: string[], validate: unknown): { status: number | null; stdout: string; stderr: string } {
            const bin = tempDir();
            fs.writeFileSync(
                path.join(bin, "aws"),
                `#!/bin/sh\nif [ "$2" = validate-policy ]; then echo '${JSON.stringify(validate)}'; else echo '{"result":"PASS"}'; fi\n`,
                { mode: 0o755 },
            );
            const r = spawnSync(process.execPath, [script, ...args], {
                encoding: "utf8",
                env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` },
            });
            return { status: r.status, stdout: r.stdout, stderr: r.stderr };
        }

        it("exits 0 when every check passes, 1 on a security warning, 2 on bad input", () => {
            const dir = exportDir();
            let r = runScript([dir], { findings: [] });
            assert.equal(r.status, 0, r.stdout + r.stderr);
            assert.match(r.stdout, /0 failure\(s\)/);
            r = runScript([dir], {
                findings: [{ findingType: "SECURITY_WARNING", issueCode: "PASS_ROLE_WITH_STAR_IN_RESOURCE", findingDetails: "d" }],
            });
            assert.equal(r.status, 1, r.stdout + r.stderr);
            assert.match(r.stdout, /FAIL archive\.bucket-policy\.json: SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE/);
            for (const args of [[], [dir, "extra"], [tempDir()]]) {
                r = runScript(args, { findings: [] });
                assert.equal(r.status, 2, r.stderr);
                assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
            }
        });
    });
});
