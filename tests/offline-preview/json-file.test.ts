import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { MAX_JSON_DEPTH, readJsonFile } from "../../offline-preview/json-file";
import { pathBeyondDepth } from "../../validation/nesting-depth";
import { tempDir } from "./cli-harness";

describe("JSON files the preview reads", () => {
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
        assert.equal(pathBeyondDepth(read(atLimit), MAX_JSON_DEPTH), undefined);
        assert.notEqual(pathBeyondDepth(read(atLimit), MAX_JSON_DEPTH - 1), undefined, "the file at the limit is the deepest accepted");
        assert.throws(
            () => read(`[${atLimit}]`),
            /^Error: refused: it nests more than the 256 levels of arrays and objects a JSON file read here may \(below \[0\]\[0\]\)$/,
        );
        assert.throws(
            () => read(`{"x": ${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}}`),
            /\(below x\[0\]\)$/,
            "a million levels, without recursion",
        );
        assert.throws(() => read("{"), /^Error: refused: /);
        assert.throws(() => read(undefined), /^Error: refused: it cannot be read \(ENOENT\)$/);
    });
});
