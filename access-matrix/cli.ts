import * as fs from "node:fs";
import * as path from "node:path";
import { parseCommandLine } from "../offline-preview/command-line";
import { UsageError } from "../offline-preview/errors";
import { accessMatrix } from "./access-matrix";
import { estateOf } from "./estate";
import { matrixJson, renderMatrix } from "./render";
import { previewStackPlans, readStackPlans } from "./stack-plans";

const usage = `usage: npm run access -- --stack <name> [options]

Evaluates who can tamper with the platform: every principal the stacks define or assign (each
permission set in each account, the stack's roles, the deployment and break-glass roles, the root
user) against the tampering probes and the legitimate paths, with a real IAM policy evaluator
(identity policies, permission sets, boundaries, resource and key policies, the SCPs of the
account's OU chain), on the concrete resources of the plan.

  --stack <name>               stack to evaluate (previewed offline, with the management stack it references)
  --plan <file>                read the stack's plan instead (\`pulumi preview --json\` or \`npm run preview -- --json\`)
  --management-plan <file>     with --plan: the management stack's plan (SCPs, permission sets, the archive)
  --json <file>                also write every cell as JSON
  --project <dir>              Pulumi project folder (default: the current folder)

Exit codes: 0 nothing unexpected, 1 a tampering probe allowed (or undecided) for a principal that
must not have it, or a legitimate path denied, 2 bad input.`;

/** Runs the matrix; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
    const v = parseCommandLine(argv, {
        stack: { type: "string" },
        plan: { type: "string" },
        "management-plan": { type: "string" },
        json: { type: "string" },
        project: { type: "string", default: "." },
        help: { type: "boolean", short: "h" },
    });
    if (v.help === true) {
        console.log(usage);
        return 0;
    }
    if (v["management-plan"] !== undefined && v.plan === undefined) {
        throw new UsageError(`--management-plan=${v["management-plan"]}: expected with --plan <file>`);
    }
    if (v.stack === undefined && v.plan === undefined) {
        throw new UsageError("--stack: expected the name of a stack to evaluate, or --plan <file> (see --help)");
    }
    const jsonFile = v.json === undefined ? undefined : path.resolve(v.json);
    const plans =
        v.plan !== undefined
            ? readStackPlans(v.plan, v["management-plan"])
            : await previewStackPlans(path.resolve(v.project), v.stack ?? "");
    const name = v.stack ?? path.basename(v.plan ?? "", ".json");
    const view = estateOf(plans.plan, plans.managementPlan);
    const matrix = accessMatrix(view.estate, view.principals, view.organization);
    console.log(renderMatrix(name, matrix, (account) => view.organization.placement(account)));
    if (jsonFile !== undefined) {
        fs.writeFileSync(jsonFile, `${JSON.stringify(matrixJson(name, matrix), undefined, 2)}\n`);
    }
    return matrix.unexpected === 0 ? 0 : 1;
}
