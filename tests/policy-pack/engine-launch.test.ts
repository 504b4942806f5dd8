// The pack started exactly as the Pulumi engine starts it — `node <pack>/node_modules/@pulumi/pulumi/
// cmd/run-policy-pack <engine> <pack>` with cwd = pack dir, which type-checks index.ts with
// ts-node and prints the port of its Analyzer gRPC service — and spoken to over that service.

import { strict as assert } from "assert";
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import { announcedPort, policyPackRunnerArgs } from "../../offline-preview/pulumi-sdk-internals";
import { allPolicies } from "../../policy-pack/policies";
// The pack's own copies: the generated client must share its grpc-js and protobuf with them.
import * as grpc from "../../policy-pack/node_modules/@grpc/grpc-js";
import { AnalyzerClient } from "../../policy-pack/node_modules/@pulumi/pulumi/proto/analyzer_grpc_pb";
import {
    AnalyzeRequest,
    AnalyzerResourceOptions,
    AnalyzeResponse,
    AnalyzerInfo,
    EnforcementLevel,
    PolicySeverity,
} from "../../policy-pack/node_modules/@pulumi/pulumi/proto/analyzer_pb";
/* eslint-disable @typescript-eslint/no-require-imports */
const { Empty } =
    require("../../policy-pack/node_modules/google-protobuf/google/protobuf/empty_pb") as typeof import("google-protobuf/google/protobuf/empty_pb");
const { Struct } =
    require("../../policy-pack/node_modules/google-protobuf/google/protobuf/struct_pb") as typeof import("google-protobuf/google/protobuf/struct_pb");
/* eslint-enable @typescript-eslint/no-require-imports */

const packDir = path.join(__dirname, "../../policy-pack");

function analyze(client: AnalyzerClient, type: string, properties: Record<string, unknown>): Promise<AnalyzeResponse> {
    const req = new AnalyzeRequest();
    req.setType(type);
    req.setName("subject");
    req.setUrn(`urn:pulumi:test::zero-trust::${type}::subject`);
    req.setProperties(Struct.fromJavaScript(properties as Parameters<typeof Struct.fromJavaScript>[0]));
    req.setOptions(new AnalyzerResourceOptions());
    return new Promise((resolve, reject) => client.analyze(req, (err, res) => (err ? reject(err) : resolve(res))));
}

function analyzerInfo(client: AnalyzerClient): Promise<AnalyzerInfo> {
    return new Promise((resolve, reject) => client.getAnalyzerInfo(new Empty(), (err, res) => (err ? reject(err) : resolve(res))));
}

describe("policy-pack launched as the engine launches it", function () {
    this.timeout(120_000);
    let child: ChildProcess | undefined;
    let client: AnalyzerClient;

    before(async () => {
        const started = Date.now();
        const proc = spawn(process.execPath, policyPackRunnerArgs(packDir), { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
        child = proc;
        let stderr = "";
        proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        const port = await new Promise<number>((resolve, reject) => {
            let stdout = "";
            proc.stdout.on("data", (d: Buffer) => {
                stdout += d.toString();
                const announced = announcedPort(stdout);
                if (announced !== undefined) {
                    resolve(announced);
                }
            });
            proc.on("exit", (code) => reject(new Error(`pack exited with ${code}: ${stderr}`)));
        });
        console.log(`      (pack served on port ${port} after ${Date.now() - started} ms)`);
        client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    });

    after(() => {
        child?.kill();
    });

    it("describes itself: name, policies and their metadata", async () => {
        const info = await analyzerInfo(client);
        assert.equal(info.getName(), "zero-trust-guardrails");
        assert.equal(info.getVersion(), "0.1.0");
        for (const family of [
            /no ingress from the whole internet/,
            /TLS 1\.2 or newer/,
            /customer-managed KMS keys/,
            /stack-wide controls/,
        ]) {
            assert.match(info.getDescription(), family);
        }
        const names = info.getPoliciesList().map((p) => p.getName());
        assert.deepEqual(
            names,
            allPolicies.map((p) => p.name),
        );
        assert.deepEqual(names.slice(0, 4), [
            "ingress-no-internet-security-group",
            "ingress-no-internet-nacl",
            "ingress-no-internet-prefix-list",
            "ingress-public-only-via-load-balancer",
        ]);
        assert.equal(names[names.length - 1], "exemptions-in-use");
        const sg = info.getPoliciesList()[0];
        assert.equal(sg.getFramework()?.getReference(), "5.2");
        assert.ok(sg.getRemediationSteps().length > 0);
        assert.match(sg.getUrl(), /^https:\/\/docs.aws.amazon.com/);
        assert.equal(sg.getSeverity(), PolicySeverity.POLICY_SEVERITY_CRITICAL);
    });

    it("analyzes resources: a violation is mandatory, an unknown is advisory, the rest pass", async () => {
        const open = await analyze(client, "aws:ec2/securityGroup:SecurityGroup", {
            ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] }],
        });
        const diagnostics = open.getDiagnosticsList();
        assert.equal(diagnostics.length, 1);
        assert.equal(diagnostics[0].getPolicyname(), "ingress-no-internet-security-group");
        assert.equal(diagnostics[0].getEnforcementlevel(), EnforcementLevel.MANDATORY);
        assert.match(diagnostics[0].getMessage(), /together cover 0\.0\.0\.0\/0/);

        const unknown = await analyze(client, "aws-native:ec2:SecurityGroupIngress", {
            ipProtocol: "tcp",
            fromPort: 5432,
            toPort: 5432,
            cidrIp: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
        });
        assert.equal(unknown.getDiagnosticsList().length, 1);
        assert.equal(unknown.getDiagnosticsList()[0].getEnforcementlevel(), EnforcementLevel.ADVISORY);
        assert.match(unknown.getDiagnosticsList()[0].getMessage(), /can't run policy/);

        const fine = await analyze(client, "aws:s3/bucket:Bucket", { bucket: "x" });
        assert.equal(fine.getDiagnosticsList().length, 0);
    });
});
