import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { UsageError } from "./errors";
import { policyIndexFile, type PolicyIndex } from "./policy-export";

const exportedPolicy = z.object({
    urn: z.string(),
    type: z.string(),
    kind: z.string(),
    policyName: z.string().optional(),
    policyType: z.enum(["IDENTITY_POLICY", "RESOURCE_POLICY", "SERVICE_CONTROL_POLICY"]),
    validatePolicyResourceType: z.string().optional(),
    publicAccessResourceType: z.string().optional(),
});

const policyIndex = z.object({
    stack: z.string(),
    // Each name becomes a path and a CLI argument: only the names the export writes.
    policies: z.record(z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*\.json$/), exportedPolicy),
    unwritten: z.array(exportedPolicy.extend({ reason: z.enum(["unknown", "secret", "invalid"]) })),
});

/** Reads the `index.json` of a `--policies-out` folder. */
export function readPolicyIndex(dir: string): PolicyIndex {
    const file = path.join(dir, policyIndexFile);
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new UsageError(
            `${file}: expected the index written by \`npm run preview -- --policies-out\` (${(err as Error).message.split("\n")[0]})`,
        );
    }
    const result = policyIndex.safeParse(parsed);
    if (!result.success) {
        const issue = result.error.issues[0];
        throw new UsageError(
            `${file}: ${issue?.path.join(".") ?? "(root)"}: ${issue?.message ?? "invalid"}; expected the index written by --policies-out`,
        );
    }
    return result.data;
}

/** One `aws` command line for one document. */
export interface AnalyzerCall {
    file: string;
    check: "validate-policy" | "check-no-public-access";
    /** The arguments of `aws`. */
    args: string[];
}

/**
 * `validate-policy` of every written document, and `check-no-public-access` of every resource
 * policy whose resource type that check supports. Documents go by `file://`, never inline, so
 * no document text is ever parsed by a shell.
 */
export function analyzerCalls(index: PolicyIndex, dir: string): AnalyzerCall[] {
    return Object.entries(index.policies).flatMap(([file, p]): AnalyzerCall[] => {
        const document = `file://${path.resolve(dir, file)}`;
        const validate: AnalyzerCall = {
            file,
            check: "validate-policy",
            args: [
                "accessanalyzer",
                "validate-policy",
                "--policy-type",
                p.policyType,
                "--policy-document",
                document,
                ...(p.validatePolicyResourceType ? ["--validate-policy-resource-type", p.validatePolicyResourceType] : []),
                "--output",
                "json",
            ],
        };
        if (p.publicAccessResourceType === undefined) {
            return [validate];
        }
        return [
            validate,
            {
                file,
                check: "check-no-public-access",
                args: [
                    "accessanalyzer",
                    "check-no-public-access",
                    "--policy-document",
                    document,
                    "--resource-type",
                    p.publicAccessResourceType,
                    "--output",
                    "json",
                ],
            },
        ];
    });
}

/** The finding types of validate-policy that fail the pull request; SUGGESTION and WARNING are reported only. */
const failingFindings = new Set(["ERROR", "SECURITY_WARNING"]);

interface Finding {
    findingType?: string;
    issueCode?: string;
    findingDetails?: string;
}

/** What in one command's JSON answer fails the pull request (empty: it passes) and what is only worth a note. */
export function judge(call: AnalyzerCall, answer: unknown): { failures: string[]; notes: string[] } {
    const out = { failures: [] as string[], notes: [] as string[] };
    if (call.check === "check-no-public-access") {
        const a = (answer ?? {}) as { result?: string; message?: string };
        if (a.result !== "PASS") {
            out.failures.push(`${call.file}: check-no-public-access ${a.result ?? "no result"}: ${a.message ?? "no message"}`);
        }
        return out;
    }
    const findings = (answer as { findings?: Finding[] } | null)?.findings;
    if (!Array.isArray(findings)) {
        out.failures.push(`${call.file}: validate-policy answered without findings[]`);
        return out;
    }
    for (const f of findings) {
        const line = `${call.file}: ${f.findingType ?? "?"} ${f.issueCode ?? ""}: ${f.findingDetails ?? ""}`;
        (failingFindings.has(f.findingType ?? "") ? out.failures : out.notes).push(line);
    }
    return out;
}

/** The AWS CLI, run with the arguments of one call. */
export type RunAws = (args: string[]) => { status: number | null; stdout: string; stderr: string };

/**
 * Runs every call of the export in `dir` and reports; `failed` when a document has an ERROR or
 * SECURITY_WARNING finding, may be public, could not be checked, or was invalid in the plan.
 * Unknown and secret documents cannot be checked here and are listed, not failed.
 */
export function runChecks(dir: string, runAws: RunAws): { lines: string[]; failed: boolean } {
    const index = readPolicyIndex(dir);
    const failures: string[] = [];
    const notes: string[] = [];
    const calls = analyzerCalls(index, dir);
    for (const call of calls) {
        const r = runAws(call.args);
        if (r.status !== 0) {
            failures.push(`${call.file}: aws ${call.check} failed (exit ${String(r.status)}): ${r.stderr.trim().split("\n")[0] ?? ""}`);
            continue;
        }
        let answer: unknown;
        try {
            answer = JSON.parse(r.stdout);
        } catch {
            failures.push(`${call.file}: aws ${call.check} answered with something that is not JSON`);
            continue;
        }
        const verdict = judge(call, answer);
        failures.push(...verdict.failures);
        notes.push(...verdict.notes);
    }
    for (const u of index.unwritten) {
        const what = `${u.urn} (${u.kind}${u.policyName === undefined ? "" : ` ${u.policyName}`})`;
        if (u.reason === "invalid") {
            failures.push(`${what}: not a JSON policy document in the plan`);
        } else {
            notes.push(`${what}: not checked, ${u.reason === "unknown" ? "unknown until deployment" : "a secret"}`);
        }
    }
    const lines = [
        `IAM Access Analyzer, stack ${index.stack}: ${Object.keys(index.policies).length} documents, ${calls.length} checks, ${failures.length} failure(s)`,
        ...failures.map((f) => `  FAIL ${f}`),
        ...notes.map((n) => `  note ${n}`),
    ];
    return { lines, failed: failures.length > 0 };
}
