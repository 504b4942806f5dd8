import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { MAX_JSON_DEPTH, nestingDepth, readJsonFile } from "../../offline-preview/json-file";
import { tempDir } from "./cli-harness";

describe("JSON files the preview reads", () => {
    it("measures nesting without counting brackets inside strings, escaped quotes included", () => {
        assert.equal(nestingDepth("1"), 0);
        assert.equal(nestingDepth('{"a": [1, {"b": []}]}'), 4);
        assert.equal(nestingDepth('{"a": "[[[[{{{{"}'), 1);
        assert.equal(nestingDepth('{"a": "\\"[[[["}'), 1);
        assert.equal(nestingDepth("[".repeat(1_000_000)), 1_000_000, "without recursion");
    });

    it("reads JSON, and refuses a file it cannot read, that is no JSON or nests too deep", () => {
        const dir = tempDir();
        const read = (text: string | undefined) => {
            const file = path.join(dir, "f.json");
            fs.rmSync(file, { force: true });
            if (text !== undefined) {
                fs.writeFileSync(file, text);
            }
            return readJsonFile(file, (reason) => {
                throw new Error(`refused: ${reason}`);
            });
        };
        const atLimit = `${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`;
        assert.equal(nestingDepth(JSON.stringify(read(atLimit))), MAX_JSON_DEPTH);
        assert.throws(
            () => read(`[${atLimit}]`),
            /^Error: refused: it nests 257 levels deep, more than the 256 a JSON file read here may$/,
        );
        assert.throws(() => read("{"), /^Error: refused: /);
        assert.throws(() => read(undefined), /^Error: refused: it cannot be read \(ENOENT\)$/);
    });
});
