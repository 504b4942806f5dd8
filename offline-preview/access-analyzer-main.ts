// Checks the policy documents of `npm run preview -- --policies-out <dir>` with IAM Access
// Analyzer through the AWS CLI and the caller's credentials (the pull-request job's OIDC role).
// Usage: node dist/offline-preview/access-analyzer-main.js <dir>
// Exit codes: 0 every check passed, 1 a finding that fails the pull request, 2 bad input.
import { spawnSync } from "node:child_process";
import { runChecks } from "./access-analyzer-checks";
import { ExitCode } from "./errors";

const [dir, ...extra] = process.argv.slice(2);
if (dir === undefined || extra.length > 0) {
    console.error("error: expected one argument, the folder written by `npm run preview -- --policies-out <dir>`");
    process.exit(ExitCode.badInputOrInternalError);
}
try {
    const { lines, failed } = runChecks(dir, (args) => {
        const r = spawnSync("aws", args, { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
        return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? String(r.error ?? "") };
    });
    console.log(lines.join("\n"));
    process.exitCode = failed ? ExitCode.mandatoryViolation : ExitCode.clean;
} catch (err) {
    console.error(`error: ${(err as Error).message}`);
    process.exitCode = ExitCode.badInputOrInternalError;
}
