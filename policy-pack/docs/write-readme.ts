// `npm run docs` (from the project root): writes the policy table, generated from allPolicies,
// into policy-pack/README.md between its markers. `--check` writes nothing and exits 1 when the
// README is out of date (for CI; tests/policy-pack/readme.test.ts checks the same).

import * as fs from "fs";
import * as path from "path";
import { allPolicies } from "../policies";
import { policyTable, tableIn, withPolicyTable } from "./policy-table";

const readmePath = path.join(__dirname, "..", "README.md");
const readme = fs.readFileSync(readmePath, "utf8");
const table = policyTable(allPolicies);

if (process.argv.includes("--check")) {
    if (tableIn(readme) !== table) {
        console.error("policy-pack/README.md: the policy table is out of date; run npm run docs");
        process.exit(1);
    }
    console.log("policy-pack/README.md: the policy table is up to date");
} else {
    const updated = withPolicyTable(readme, table);
    if (updated !== readme) {
        fs.writeFileSync(readmePath, updated);
    }
    console.log(
        `policy-pack/README.md: policy table of ${allPolicies.length} policies ${updated === readme ? "already up to date" : "written"}`,
    );
}
