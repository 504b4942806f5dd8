// `npm run docs` (from the project root): writes every generated document of tools/docs/generated-docs.ts.
// `--check` writes nothing and exits 1 when one is out of date.

import * as fs from "fs";
import * as path from "path";
import { GENERATED_DOCS, ROOT } from "./generated-docs";

const check = process.argv.includes("--check");
let stale = 0;
for (const doc of GENERATED_DOCS) {
    const file = path.join(ROOT, doc.path);
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const updated = doc.render(current);
    if (updated === current) {
        console.log(`${doc.path}: up to date`);
    } else if (check) {
        console.error(`${doc.path}: out of date; run npm run docs`);
        stale++;
    } else {
        fs.writeFileSync(file, updated);
        console.log(`${doc.path}: written`);
    }
}
process.exitCode = stale > 0 ? 1 : 0;
