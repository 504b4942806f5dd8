import * as assert from "assert";
import * as fs from "node:fs";
import * as path from "node:path";

// The Lambda bundle (responder/) and the shared rules (validation/) must not pull in the Pulumi
// program: the responder would ship the components layer, and the rules could not be shared.

const ROOT = path.resolve(__dirname, "../..");

/** The module specifiers a folder's TypeScript files import (import/export … from, require). */
function importsOf(folder: string): { file: string; specifier: string }[] {
    return fs
        .readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".ts"))
        .flatMap((file) => {
            const text = fs.readFileSync(path.join(ROOT, folder, file), "utf8");
            return [...text.matchAll(/(?:from|require\()\s*"([^"]+)"/g)].map((match) => ({ file: `${folder}/${file}`, specifier: match[1] }));
        });
}

describe("import boundaries", () => {
    it("validation/ imports nothing but its own modules", () => {
        const outside = importsOf("validation").filter(({ specifier }) => !specifier.startsWith("./"));
        assert.deepStrictEqual(outside, []);
    });

    it("responder/ imports nothing from components/ or stacks/, and nothing of Pulumi", () => {
        const imports = importsOf("responder");
        assert.ok(imports.some(({ specifier }) => specifier.startsWith("../validation/")), "the responder uses the shared rules");
        const forbidden = imports.filter(({ specifier }) => /^\.\.\/(components|stacks)\//.test(specifier) || specifier.startsWith("@pulumi/"));
        assert.deepStrictEqual(forbidden, []);
    });
});
