// `--policies-out`: every policy document of a plan as one JSON file, and the index that tells IAM
// Access Analyzer what each is. Checked on the three real stacks' plans and on hand-made ones.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Plan, PlanResourceState } from "../../offline-preview/plan";
import { policyDocumentTypes } from "../../offline-preview/policy-document-types";
import { findPolicies, policyIndexFile, type PolicyIndex } from "../../offline-preview/policy-export";
import { UNKNOWN } from "../../offline-preview/wire-values";
import { assertOneLineError, runCli, tempDir } from "./cli-harness";

const stacks = ["management", "staging", "prod"];

/** Input names that hold a policy document on some AWS resource type. */
const policyInputNames = new Set([
    "policy",
    "assumeRolePolicy",
    "inlinePolicies",
    "inlinePolicy",
    "content",
    "policyDocument",
    "accessPolicies",
    "resourcePolicy",
]);

/** A JSON string or an object with `Statement`: a policy document, whatever the input is called. */
function looksLikePolicy(value: unknown): boolean {
    let v = value;
    if (typeof v === "string" && v.trimStart().startsWith("{")) {
        try {
            v = JSON.parse(v);
        } catch {
            return false;
        }
    }
    return v !== null && typeof v === "object" && !Array.isArray(v) && "Statement" in v;
}

const statesOf = (plan: Plan): PlanResourceState[] =>
    plan.steps.map((s) => s.newState).filter((s): s is PlanResourceState => s !== undefined);
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;
const document = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] };

function planOf(...states: { name: string; type: string; inputs: Record<string, unknown> }[]): Plan {
    return {
        steps: states.map(({ name, type, inputs }) => {
            const urn = `urn:pulumi:s::p::${type}::${name}`;
            return { op: "create", urn, newState: { urn, custom: true, type, inputs } };
        }),
    };
}

describe("policy export (--policies-out)", () => {
    describe("the three stacks' plans", () => {
        const runs = new Map<string, { plan: Plan; dir: string; index: PolicyIndex; stdout: string }>();

        before(() => {
            for (const stack of stacks) {
                const work = tempDir();
                const dir = path.join(work, "policies");
                const planFile = path.join(work, "plan.json");
                const r = runCli(["--stack", stack, "--skip-policy-pack", "--json", planFile, "--policies-out", dir]);
                assert.equal(r.status, 0, r.stdout + r.stderr);
                runs.set(stack, {
                    plan: readJson<Plan>(planFile),
                    dir,
                    index: readJson<PolicyIndex>(path.join(dir, policyIndexFile)),
                    stdout: r.stdout,
                });
            }
        });

        for (const stack of stacks) {
            it(`${stack}: every policy-like input of every resource is exported by the table, and every document is known`, () => {
                const { plan, index } = runs.get(stack) ?? assert.fail();
                const entries = [...Object.values(index.policies), ...index.unwritten];
                let expected = 0;
                for (const state of statesOf(plan)) {
                    for (const [input, value] of Object.entries(state.inputs)) {
                        if (value === null || value === undefined || !(policyInputNames.has(input) || looksLikePolicy(value))) {
                            continue;
                        }
                        const row = policyDocumentTypes.find((r) => r.type === state.type && r.input === input);
                        assert.ok(row, `the table misses ${state.type} input ${input} (${state.urn})`);
                        const count = row.holds === "named-documents" && Array.isArray(value) ? value.length : 1;
                        expected += count;
                        assert.equal(
                            entries.filter((e) => e.urn === state.urn && e.kind === row.kind).length,
                            count,
                            `${state.urn} ${input} is exported`,
                        );
                    }
                }
                assert.equal(entries.length, expected, "nothing but the plan's documents");
                assert.deepEqual(index.unwritten, [], "in the up view every document is known, none secret or invalid");
                assert.equal(index.stack, stack);
            });

            it(`${stack}: one valid policy file per index entry, with Version and Statement, nothing else in the folder`, () => {
                const { dir, index, stdout } = runs.get(stack) ?? assert.fail();
                const files = Object.keys(index.policies);
                assert.deepEqual(fs.readdirSync(dir).sort(), [...files, policyIndexFile].sort());
                assert.equal(new Set(files.map((f) => f.toLowerCase())).size, files.length, "names unique, also where case does not count");
                for (const file of files) {
                    assert.match(file, /^[A-Za-z0-9._-]+\.[a-z-]+(\.[A-Za-z0-9._-]+)?\.json$/);
                    const doc = readJson<Record<string, unknown>>(path.join(dir, file));
                    assert.equal(doc["Version"], "2012-10-17", `${file} has Version 2012-10-17`);
                    assert.ok(Array.isArray(doc["Statement"]) && doc["Statement"].length > 0, `${file} has statements`);
                }
                assert.match(stdout, new RegExp(`Policy documents written to .*: ${files.length} files, 0 not written`));
            });
        }

        it("together hold every kind the estate relies on: SCPs, permission sets, keys, buckets, topics, queues, endpoints, trust and inline policies", () => {
            const kinds = new Set(
                [...runs.values()].flatMap(({ index }) => Object.values(index.policies).map((p) => `${p.type} ${p.kind}`)),
            );
            for (const expected of [
                "aws:organizations/policy:Policy service-control-policy",
                "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy permission-set-policy",
                "aws:kms/key:Key key-policy",
                "aws:kms/replicaKey:ReplicaKey key-policy",
                "aws:s3/bucketPolicy:BucketPolicy bucket-policy",
                "aws:sns/topicPolicy:TopicPolicy topic-policy",
                "aws:sqs/queuePolicy:QueuePolicy queue-policy",
                "aws:ec2/vpcEndpoint:VpcEndpoint endpoint-policy",
                "aws:iam/role:Role trust-policy",
                "aws:iam/rolePolicy:RolePolicy inline-policy",
            ]) {
                assert.ok(kinds.has(expected), `${expected} exported`);
            }
            const scp = Object.values(runs.get("management")?.index.policies ?? {}).find((p) => p.kind === "service-control-policy");
            assert.equal(scp?.policyType, "SERVICE_CONTROL_POLICY");
        });

        it("with --view preview lists the documents built from unknown ARNs in the index and writes none of them half", () => {
            const dir = path.join(tempDir(), "policies");
            const r = runCli(["--stack", "staging", "--view", "preview", "--skip-policy-pack", "--policies-out", dir]);
            assert.equal(r.status, 0, r.stderr);
            const index = readJson<PolicyIndex>(path.join(dir, policyIndexFile));
            assert.ok(index.unwritten.length > 0, "some policies name ARNs that a preview does not know");
            assert.ok(index.unwritten.every((u) => u.reason === "unknown"));
            const written = new Set(Object.values(index.policies).map((p) => p.urn));
            for (const u of index.unwritten) {
                assert.ok(!written.has(u.urn), `${u.urn} is not written`);
            }
            for (const file of fs.readdirSync(dir)) {
                assert.ok(!fs.readFileSync(path.join(dir, file), "utf8").includes(UNKNOWN), `${file} holds no unknown`);
            }
            assert.equal(fs.readdirSync(dir).length, Object.keys(index.policies).length + 1);
        });
    });

    describe("the type table", () => {
        it("every row exports from a resource of its type: files named <resource>.<kind>.json, with its Access Analyzer settings", () => {
            const plan = planOf(
                ...policyDocumentTypes.map((row, i) => ({
                    name: `r${i}`,
                    type: row.type,
                    inputs: {
                        [row.input]:
                            row.holds === "named-documents"
                                ? [{ name: "only", policy: JSON.stringify(document) }]
                                : JSON.stringify(document),
                    },
                })),
            );
            const found = findPolicies(plan);
            assert.equal(found.length, policyDocumentTypes.length);
            policyDocumentTypes.forEach((row, i) => {
                const f = found[i];
                assert.equal(f.file, row.holds === "named-documents" ? `r${i}.${row.kind}.only.json` : `r${i}.${row.kind}.json`);
                assert.equal(f.entry.policyType, row.policyType);
                assert.equal(f.entry.validatePolicyResourceType, row.validateResourceType);
                assert.equal(f.entry.publicAccessResourceType, row.publicAccessResourceType);
                assert.deepEqual(f.parsed, { document });
            });
        });

        it("uses only the resource types that validate-policy and check-no-public-access accept", () => {
            // ValidatePolicy and CheckNoPublicAccess API references (IAM Access Analyzer): the valid values.
            const validateTypes = [
                "AWS::S3::Bucket",
                "AWS::S3::AccessPoint",
                "AWS::S3::MultiRegionAccessPoint",
                "AWS::S3ObjectLambda::AccessPoint",
                "AWS::IAM::AssumeRolePolicyDocument",
                "AWS::DynamoDB::Table",
            ];
            const publicAccessTypes = [
                "AWS::DynamoDB::Table",
                "AWS::DynamoDB::Stream",
                "AWS::EFS::FileSystem",
                "AWS::OpenSearchService::Domain",
                "AWS::Kinesis::Stream",
                "AWS::Kinesis::StreamConsumer",
                "AWS::KMS::Key",
                "AWS::Lambda::Function",
                "AWS::S3::Bucket",
                "AWS::S3::AccessPoint",
                "AWS::S3Express::DirectoryBucket",
                "AWS::S3::Glacier",
                "AWS::S3Outposts::Bucket",
                "AWS::S3Outposts::AccessPoint",
                "AWS::SecretsManager::Secret",
                "AWS::SNS::Topic",
                "AWS::SQS::Queue",
                "AWS::IAM::AssumeRolePolicyDocument",
                "AWS::S3Tables::TableBucket",
                "AWS::ApiGateway::RestApi",
                "AWS::CodeArtifact::Domain",
                "AWS::Backup::BackupVault",
                "AWS::CloudTrail::Dashboard",
                "AWS::CloudTrail::EventDataStore",
                "AWS::S3Tables::Table",
                "AWS::S3Express::AccessPoint",
            ];
            for (const row of policyDocumentTypes) {
                if (row.validateResourceType !== undefined) {
                    assert.ok(validateTypes.includes(row.validateResourceType), `${row.type}: ${row.validateResourceType}`);
                    assert.equal(row.policyType, "RESOURCE_POLICY", "a resource type only goes with a resource policy");
                }
                if (row.publicAccessResourceType !== undefined) {
                    assert.ok(publicAccessTypes.includes(row.publicAccessResourceType), `${row.type}: ${row.publicAccessResourceType}`);
                }
            }
        });

        it("exports an organization policy only when it is an SCP (the provider's default type), not a tag or backup policy", () => {
            const scp = "aws:organizations/policy:Policy";
            const found = findPolicies(
                planOf(
                    { name: "explicit", type: scp, inputs: { content: JSON.stringify(document), type: "SERVICE_CONTROL_POLICY" } },
                    { name: "default", type: scp, inputs: { content: JSON.stringify(document) } },
                    { name: "tags", type: scp, inputs: { content: '{"tags":{}}', type: "TAG_POLICY" } },
                ),
            );
            assert.deepEqual(
                found.map((f) => f.file),
                ["explicit.service-control-policy.json", "default.service-control-policy.json"],
            );
        });
    });

    describe("documents that cannot be written", () => {
        const key = "aws:kms/key:Key";

        it("takes documents as JSON strings or objects; lists unknown, secret and non-JSON ones with the reason", () => {
            const found = findPolicies(
                planOf(
                    { name: "string", type: key, inputs: { policy: JSON.stringify(document) } },
                    { name: "object", type: key, inputs: { policy: document } },
                    { name: "unknown", type: key, inputs: { policy: UNKNOWN } },
                    {
                        name: "unknown-inside",
                        type: key,
                        inputs: { policy: { ...document, Statement: [{ Effect: "Allow", Resource: UNKNOWN }] } },
                    },
                    { name: "secret", type: key, inputs: { policy: "[secret]" } },
                    { name: "not-json", type: key, inputs: { policy: "{ Statement" } },
                    { name: "no-statement", type: key, inputs: { policy: '{"Version":"2012-10-17"}' } },
                    { name: "none", type: key, inputs: {} },
                ),
            );
            assert.deepEqual(
                found.map((f) => [f.file.split(".")[0], "document" in f.parsed ? "document" : f.parsed.reason]),
                [
                    ["string", "document"],
                    ["object", "document"],
                    ["unknown", "unknown"],
                    ["unknown-inside", "unknown"],
                    ["secret", "secret"],
                    ["not-json", "invalid"],
                    ["no-statement", "invalid"],
                ],
            );
        });

        it("splits a role's inlinePolicies into one file each, named by the policy; a list that is unknown or secret as a whole is listed once", () => {
            const role = "aws:iam/role:Role";
            const found = findPolicies(
                planOf(
                    {
                        name: "app",
                        type: role,
                        inputs: {
                            assumeRolePolicy: document,
                            inlinePolicies: [
                                { name: "read", policy: JSON.stringify(document) },
                                { name: "write/all", policy: UNKNOWN },
                            ],
                        },
                    },
                    { name: "later", type: role, inputs: { inlinePolicies: UNKNOWN } },
                    { name: "hidden", type: role, inputs: { inlinePolicies: "[secret]" } },
                ),
            );
            assert.deepEqual(
                found.map((f) => [
                    f.file,
                    f.entry.kind,
                    f.entry.policyName,
                    f.entry.policyType,
                    "reason" in f.parsed ? f.parsed.reason : "document",
                ]),
                [
                    ["app.trust-policy.json", "trust-policy", undefined, "RESOURCE_POLICY", "document"],
                    ["app.inline-policy.read.json", "inline-policy", "read", "IDENTITY_POLICY", "document"],
                    ["app.inline-policy.write_all.json", "inline-policy", "write/all", "IDENTITY_POLICY", "unknown"],
                    ["later.inline-policy.json", "inline-policy", undefined, "IDENTITY_POLICY", "unknown"],
                    ["hidden.inline-policy.json", "inline-policy", undefined, "IDENTITY_POLICY", "secret"],
                ],
            );
        });

        it("keeps file names unique and filesystem-safe: clashing names get -2, -3, also where only case differs", () => {
            const found = findPolicies(
                planOf(
                    { name: "a/b", type: key, inputs: { policy: document } },
                    { name: "a:b", type: key, inputs: { policy: document } },
                    { name: "A_B", type: key, inputs: { policy: document } },
                ),
            );
            assert.deepEqual(
                found.map((f) => f.file),
                ["a_b.key-policy.json", "a_b.key-policy-2.json", "A_B.key-policy-3.json"],
            );
        });
    });

    describe("bad --policies-out values", () => {
        it("refuses a file, a folder with files in it and an empty path, with one line and exit 2, before previewing", () => {
            const dir = tempDir();
            const file = path.join(dir, "a-file");
            fs.writeFileSync(file, "x");
            assertOneLineError(runCli(["--stack", "staging", "--policies-out", file]), `--policies-out=${file}`, "but it is a file");
            assertOneLineError(
                runCli(["--stack", "staging", "--policies-out", dir]),
                `--policies-out=${dir}`,
                "new or empty directory",
                "a-file",
            );
            assertOneLineError(runCli(["--stack", "staging", "--policies-out", ""]), "--policies-out", "new or empty directory");
            assert.deepEqual(fs.readdirSync(dir), ["a-file"], "nothing written");
        });
    });
});
