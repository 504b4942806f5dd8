// `npm run docs` (from the project root): writes the policy table, generated from allPolicies,
// and the "Not yet covered" report (coverage-report.ts) into policy-pack/README.md between their
// markers. `--check` writes nothing and exits 1 when the README is out of date (for CI;
// tests/policy-pack/readme.test.ts and coverage-report.test.ts check the same).

import * as fs from "fs";
import * as path from "path";
import { allPolicies } from "../policies";
import { coverageReport, REPORT_END, REPORT_START, uncoveredTypes } from "./coverage-report";
import { sectionIn, withSection } from "./markers";
import { NOT_YET_COVERED } from "./not-yet-covered";
import { policyTable, tableIn, withPolicyTable } from "./policy-table";

const readmePath = path.join(__dirname, "..", "README.md");
const readme = fs.readFileSync(readmePath, "utf8");
const table = policyTable(allPolicies);
const report = coverageReport(uncoveredTypes(allPolicies), NOT_YET_COVERED);

if (process.argv.includes("--check")) {
    if (tableIn(readme) !== table || sectionIn(readme, REPORT_START, REPORT_END) !== report) {
        console.error("policy-pack/README.md: the policy table or the not-yet-covered report is out of date; run npm run docs");
        process.exit(1);
    }
    console.log("policy-pack/README.md: the policy table and the not-yet-covered report are up to date");
} else {
    const updated = withSection(withPolicyTable(readme, table), REPORT_START, REPORT_END, report);
    if (updated !== readme) {
        fs.writeFileSync(readmePath, updated);
    }
    console.log(
        `policy-pack/README.md: policy table of ${allPolicies.length} policies and not-yet-covered report ${updated === readme ? "already up to date" : "written"}`,
    );
}
