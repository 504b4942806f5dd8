// `npm run docs` (from the project root): writes every generated document of tools/docs/generated-docs.ts
// (tests/docs/generated-docs.test.ts fails while a committed one is out of date).

import * as fs from "fs";
import * as path from "path";
import { GENERATED_DOCS, ROOT } from "./generated-docs";

for (const doc of GENERATED_DOCS) {
    const file = path.join(ROOT, doc.path);
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const updated = doc.render(current);
    if (updated !== current) {
        fs.writeFileSync(file, updated);
    }
    console.log(`${doc.path}: ${updated === current ? "up to date" : "written"}`);
}
