// The offline preview end to end, as `npm run preview` runs it: the real program or a fixture,
// the real policy pack over gRPC, exit codes, the report, the plan file and the Markdown diff.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Plan, PlanResourceState } from "../../offline-preview/plan";
import { UNKNOWN } from "../../offline-preview/wire-values";
import { assertOneLineError, environmentProject, repoRoot, runCli, tempDir } from "./cli-harness";

function readPlan(file: string): Plan {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Plan;
}

function states(plan: Plan): PlanResourceState[] {
    return plan.steps.map((s) => s.newState).filter((s): s is PlanResourceState => s !== undefined);
}

describe("offline preview CLI", () => {
    let stagingPlanFile: string;
    let stagingRun: ReturnType<typeof runCli>;

    before(() => {
        stagingPlanFile = path.join(tempDir(), "staging.json");
        stagingRun = runCli(["--stack", "staging", "--json", stagingPlanFile]);
    });

    it("previews staging from its real config: exit 0, a tree by component, counts and a clean pack", () => {
        assert.equal(stagingRun.status, 0, stagingRun.stdout + stagingRun.stderr);
        const out = stagingRun.stdout;
        assert.match(out, /Previewing stack staging of project zero-trust-aws offline/);
        assert.match(out, /pulumi:pulumi:Stack\s+zero-trust-aws-staging/);
        assert.match(out, /[├└]─ zero-trust:network:ThreeTierVpc\s+staging-network/);
        assert.match(out, /│  [├└]─ aws:ec2:Vpc/, "the VPC is drawn under its component");
        assert.match(out, /Resources by type:[\s\S]*\d+\s+aws:ec2:Subnet/);
        assert.match(out, /Resources by region \(of the AWS provider each goes through\):\n\s+\d+  eu-west-1\n\s+\d+  eu-central-1\n/);
        assert.match(out, /Policies: zero-trust-guardrails@v\d+\.\d+\.\d+ \(\d+ policies\)\n\s+all policies passed/);
    });

    it("writes a plan in the shape of `pulumi preview --json`, with parents, providers and property dependencies", () => {
        const plan = readPlan(stagingPlanFile);
        const all = states(plan);
        // A first deployment: the stack reference is read, the administrator-enabled detectors (one per watched region) imported, the rest created.
        const [read, imported, ...created] = ["read", "import", "create"].map((op) => plan.steps.filter((s) => s.op === op));
        assert.deepEqual(
            read.map((s) => s.newState?.type),
            ["pulumi:pulumi:StackReference"],
        );
        assert.deepEqual(
            imported.map((s) => [s.newState?.type, s.newState?.importID]),
            [
                ["aws:guardduty/detector:Detector", "3ac7e1f09b2d4c58a6e0f1b2c3d4e5f6"],
                ["aws:guardduty/detector:Detector", "7d2e9f4a1c6b4e08a3f5d0c1b2e3f4a5"],
            ],
        );
        assert.deepEqual(plan.changeSummary, { read: 1, import: 2, create: created[0].length });
        const stack = all.find((s) => s.type === "pulumi:pulumi:Stack");
        assert.ok(stack && stack.parent === undefined);
        assert.ok(
            all.filter((s) => s !== stack).every((s) => s.parent !== undefined && plan.steps.some((p) => p.urn === s.parent)),
            "every resource has a recorded parent",
        );
        const providers = all.filter((s) => s.type === "pulumi:providers:aws");
        assert.deepEqual(
            providers.map((p) => p.inputs["region"]),
            ["eu-west-1", "eu-central-1"],
            "the environment's provider and its twin in the other watched region",
        );
        const providerRefs = providers.map((p) => `${p.urn}::${p.id ?? ""}`);
        const awsResources = all.filter((s) => s.custom && s.type.startsWith("aws:"));
        assert.ok(awsResources.length > 50);
        assert.deepEqual(
            awsResources.filter((s) => !providerRefs.includes(s.provider ?? "")).map((s) => s.urn),
            [],
            "every AWS resource goes through one of the environment's explicit providers",
        );
        const vpc = all.find((s) => s.type === "aws:ec2/vpc:Vpc");
        const subnet = all.find((s) => s.type === "aws:ec2/subnet:Subnet");
        assert.ok(vpc && subnet);
        assert.deepEqual(subnet.propertyDependencies?.["vpcId"], [vpc.urn]);
        assert.ok(subnet.dependencies?.includes(vpc.urn));
        assert.match(String(subnet.inputs["vpcId"]), /^vpc-[0-9a-f]{17}$/, "ids look like AWS ids");
        const key = all.find((s) => s.type === "aws:kms/key:Key");
        assert.equal(key?.protect, true, "resource options (protect) are recorded");
        assert.match(
            String(key?.outputs?.["arn"]),
            /^arn:aws:kms:eu-west-1:111111111111:key\/[0-9a-f-]{36}$/,
            "ARNs use the provider's region and account",
        );
        assert.equal(plan.config?.["aws:region"], "eu-west-1");
        assert.ok(Array.isArray(plan.policyResults));
    });

    it("writes prod's plan with --json as well", () => {
        const file = path.join(tempDir(), "prod.json");
        const r = runCli(["--stack", "prod", "--json", file]);
        assert.equal(r.status, 0, r.stdout + r.stderr);
        const nat = states(readPlan(file)).filter((s) => s.type === "aws:ec2/natGateway:NatGateway");
        assert.equal(nat.length, 3, "prod runs one NAT gateway per AZ");
    });

    it("blocks a program that opens SSH to the internet: a mandatory violation through the gRPC path, exit 1", () => {
        const r = runCli(["--project", "tests/fixtures/open-ingress-program", "--stack", "test"]);
        assert.equal(r.status, 1, r.stdout + r.stderr);
        assert.match(
            r.stdout,
            /- \[mandatory\] \[severity: (high|critical)\] ingress-[a-z-]+\s+\(aws:vpc:SecurityGroupIngressRule ssh-from-anywhere\)/,
        );
        assert.match(r.stdout, /0\.0\.0\.0\/0/);
    });

    it("remediates through the gRPC remediate call when policies are set to remediate, and deploys the fixed inputs", () => {
        const args = ["--project", "tests/fixtures/weak-tls-program", "--stack", "test"];
        let r = runCli(args);
        assert.equal(r.status, 1, r.stdout + r.stderr);
        assert.match(r.stdout, /2 mandatory violation\(s\), 0 advisory finding\(s\), 0 remediation\(s\)/);
        const dir = tempDir();
        const config = path.join(dir, "policy-config.json");
        fs.writeFileSync(
            config,
            JSON.stringify({ "tls-load-balancer-listener": "remediate", "encryption-kms-key-rotation": { enforcementLevel: "remediate" } }),
        );
        const planFile = path.join(dir, "plan.json");
        r = runCli([...args, "--policy-config", config, "--json", planFile]);
        assert.equal(r.status, 0, r.stdout + r.stderr);
        assert.match(r.stdout, /0 mandatory violation\(s\), 0 advisory finding\(s\), 2 remediation\(s\)/);
        assert.match(r.stdout, /- \[remediate\] .* tls-load-balancer-listener\s+\(aws:lb:Listener weak-https\)/);
        const all = states(readPlan(planFile));
        assert.equal(all.find((s) => s.type === "aws:lb/listener:Listener")?.inputs["sslPolicy"], "ELBSecurityPolicy-TLS13-1-2-2021-06");
        assert.equal(all.find((s) => s.type === "aws:kms/key:Key")?.inputs["enableKeyRotation"], true);
    });

    describe("stack references", () => {
        const project = ["--project", "tests/fixtures/stack-reference-program"];

        it("answers a reference to a stack of the same project from that stack's own offline preview", () => {
            const file = path.join(tempDir(), "consumer.json");
            const r = runCli([...project, "--stack", "consumer", "--json", file]);
            assert.equal(r.status, 0, r.stdout + r.stderr);
            const plan = readPlan(file);
            assert.deepEqual(plan.changeSummary, { create: 3, read: 1 });
            const reference = plan.steps.find((s) => s.op === "read");
            assert.equal(reference?.newState?.type, "pulumi:pulumi:StackReference");
            assert.equal(
                states(plan).find((s) => s.type === "aws:iam/role:Role")?.inputs["description"],
                "reads org-log-archive-333333333333",
            );
        });

        it("answers it from an outputs file with --stack-outputs, and writes a stack's outputs with --outputs", () => {
            const dir = tempDir();
            const outputs = path.join(dir, "producer.json");
            assert.equal(runCli([...project, "--stack", "producer", "--outputs", outputs, "--skip-policy-pack"]).status, 0);
            assert.deepEqual(JSON.parse(fs.readFileSync(outputs, "utf8")), { logBucket: "org-log-archive-333333333333" });
            fs.writeFileSync(outputs, JSON.stringify({ logBucket: "from-a-file" }));
            const file = path.join(dir, "consumer.json");
            const r = runCli([
                ...project,
                "--stack",
                "consumer",
                "--stack-outputs",
                `acme/ref-fixture/producer=${outputs}`,
                "--json",
                file,
            ]);
            assert.equal(r.status, 0, r.stderr);
            assert.equal(states(readPlan(file)).find((s) => s.type === "aws:iam/role:Role")?.inputs["description"], "reads from-a-file");
        });

        it("refuses a reference cycle and a reference it cannot answer, with one line and exit 2", () => {
            assertOneLineError(runCli([...project, "--stack", "loop-a"]), "expected no cycle, but loop-a -> loop-b -> loop-a");
            assertOneLineError(
                runCli([...project, "--stack", "foreign"]),
                "stack reference acme/other-project/prod",
                "--stack-outputs acme/other-project/prod=<outputs.json>",
            );
            assertOneLineError(runCli([...project, "--stack", "consumer", "--stack-outputs", "nonsense"]), "--stack-outputs=nonsense");
        });
    });

    it("refuses bad stack config with one line naming key and value, exit 2, and writes no plan", () => {
        const cases: [string, (c: Record<string, unknown>) => void, string[]][] = [
            [
                "a /99 CIDR",
                (c) => {
                    (c["zero-trust-aws:network"] as Record<string, unknown>)["vpcCidr"] = "10.20.0.0/99";
                },
                ["zero-trust-aws:network.vpcCidr", "10.20.0.0/99"],
            ],
            [
                "an unknown NAT strategy",
                (c) => {
                    (c["zero-trust-aws:network"] as Record<string, unknown>)["natGateways"] = "two";
                },
                ["zero-trust-aws:network.natGateways", "two"],
            ],
            [
                "an AZ outside the region",
                (c) => {
                    (c["zero-trust-aws:network"] as Record<string, unknown>)["availabilityZones"] = ["eu-west-1a", "us-east-1b"];
                },
                ["zero-trust-aws:network.availabilityZones", "us-east-1b"],
            ],
        ];
        for (const [what, edit, mentions] of cases) {
            const project = environmentProject(edit);
            const plan = path.join(project, "plan.json");
            const r = runCli(["--project", project, "--stack", "edited", "--json", plan]);
            assertOneLineError(r, ...mentions);
            assert.ok(!fs.existsSync(plan), `no plan is written for ${what}`);
        }
    });

    it("refuses an output path it could not write before the run, in one line, and writes no other output", () => {
        const dir = tempDir();
        const outputs = path.join(dir, "outputs.json");
        const cases: [string, string, string][] = [
            ["--json", path.join(dir, "missing", "plan.json"), "does not exist"],
            ["--markdown", dir, "is a directory"],
            ["--timings", "", "is empty"],
        ];
        for (const [option, file, reason] of cases) {
            const r = runCli(["--stack", "staging", "--outputs", outputs, option, file]);
            assertOneLineError(r, `${option}=${file}`, reason);
            assert.doesNotMatch(r.stdout, /Duration|passed/, "refused before the run");
            assert.ok(!fs.existsSync(outputs), `no --outputs file is written when ${option} is refused`);
        }
        assert.deepEqual(fs.readdirSync(dir), [], "nothing half-written is left behind");
    });

    it("refuses an unknown stack, a missing --stack and a bad flag with one line and exit 2", () => {
        assertOneLineError(runCli(["--stack", "nope"]), "--stack=nope", "prod, staging");
        assertOneLineError(runCli([]), "--stack");
        assertOneLineError(runCli(["--stack", "staging", "--view", "later"]), "--view=later", "up or preview");
        assertOneLineError(runCli(["--stack", "staging", "--frobnicate"]), "frobnicate");
    });

    it("reports a bug in the program as an internal error, exit 2, with its trace on request", () => {
        const args = ["--project", "tests/fixtures/failing-program", "--stack", "test"];
        let r = runCli(args);
        assert.equal(r.status, 2, r.stderr);
        assert.match(
            r.stderr,
            /^error: the offline preview failed: TypeError: ports missing from the program's settings\n\(run again with --stack-traces/,
        );
        r = runCli([...args, "--stack-traces"]);
        assert.equal(r.status, 2, r.stderr);
        assert.match(r.stderr, /TypeError: ports missing[^\n]*\n\s+at readPorts \(.*failing-program/);
    });

    it("refuses a base plan that is not a plan", () => {
        const bad = path.join(tempDir(), "bad.json");
        fs.writeFileSync(bad, "{ not json");
        assertOneLineError(runCli(["--stack", "staging", "--diff", bad]), `--diff=${bad}`);
    });

    it("writes a Markdown summary against a base plan: everything added against an empty base, nothing against itself", () => {
        const dir = tempDir();
        const empty = path.join(dir, "empty.json");
        fs.writeFileSync(empty, JSON.stringify({ steps: [] }));
        const md = path.join(dir, "out.md");
        const count = readPlan(stagingPlanFile).steps.length;
        let r = runCli(["--stack", "staging", "--diff", empty, "--markdown", md]);
        assert.equal(r.status, 0, r.stderr);
        let text = fs.readFileSync(md, "utf8");
        assert.match(text, /### Offline preview of stack `staging`/);
        assert.match(text, /no mandatory policy violations/);
        assert.ok(text.includes(`**+${count}** to add, **~0** to change, **-0** to remove`), text.slice(0, 400));
        r = runCli(["--stack", "staging", "--diff", stagingPlanFile, "--markdown", md]);
        assert.equal(r.status, 0, r.stderr);
        text = fs.readFileSync(md, "utf8");
        assert.ok(text.includes(`**+0** to add, **~0** to change, **-0** to remove, ${count} unchanged`), text.slice(0, 400));
    });

    it("shows what `pulumi preview` sees with --view preview: ids and computed values unknown", () => {
        const file = path.join(tempDir(), "preview.json");
        const r = runCli(["--stack", "staging", "--view", "preview", "--json", file]);
        assert.equal(r.status, 0, r.stdout + r.stderr);
        assert.match(r.stdout, /ids, ARNs and computed attributes unknown/);
        const all = states(readPlan(file));
        const vpc = all.find((s) => s.type === "aws:ec2/vpc:Vpc");
        const subnet = all.find((s) => s.type === "aws:ec2/subnet:Subnet");
        assert.equal(vpc?.id, undefined);
        assert.equal(subnet?.inputs["vpcId"], UNKNOWN);
    });

    it("writes its whole report into a pipe, however long (over 1,000 resources)", () => {
        const r = runCli(["--project", "bench/fleet-project", "--stack", "bench"]);
        assert.equal(r.status, 0, r.stderr);
        assert.ok(r.stdout.length > 64 * 1024, "longer than a pipe buffer (64 KiB)");
        assert.match(r.stdout, /all policies passed\n\nDuration: [\d.]+s for \d{4} resources/);
    });

    it("keeps output paths relative to where it was run, not to the project", () => {
        const dir = tempDir();
        const r = runCli(
            ["--project", path.join(repoRoot, "tests/fixtures/open-ingress-program"), "--stack", "test", "--json", "fixture-plan.json"],
            dir,
        );
        assert.equal(r.status, 1, r.stderr);
        assert.ok(fs.existsSync(path.join(dir, "fixture-plan.json")));
    });
});
