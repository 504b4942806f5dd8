import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "../../offline-preview/errors";
import { checkOutputFile, OutputFiles } from "../../offline-preview/output-files";
import { tempDir } from "./cli-harness";

describe("offline preview output files", () => {
    it("accepts a new file in an existing directory, and an existing file, as absolute paths", () => {
        const dir = tempDir();
        const existing = path.join(dir, "plan.json");
        fs.writeFileSync(existing, "old");
        assert.equal(checkOutputFile("--json", path.join(dir, "new.json")), path.join(dir, "new.json"));
        assert.equal(checkOutputFile("--json", existing), existing);
    });

    it("refuses an empty path, a directory and a file in a missing directory, naming option, path and reason", () => {
        const dir = tempDir();
        const refusal = (file: string, reason: string) => (error: unknown) =>
            error instanceof UsageError &&
            error.message === `--json=${file}: expected the path of a file the preview can write, but ${reason}`;
        assert.throws(() => checkOutputFile("--json", ""), refusal("", "it is empty"));
        assert.throws(() => checkOutputFile("--json", dir), refusal(dir, "it is a directory"));
        const missing = path.join(dir, "nope", "plan.json");
        assert.throws(() => checkOutputFile("--json", missing), refusal(missing, `its directory ${path.dirname(missing)} does not exist`));
    });

    it("writes every file at once and leaves no temporary file", () => {
        const dir = tempDir();
        const files = new OutputFiles();
        files.add("--json", path.join(dir, "a.json"), "A");
        files.add("--outputs", path.join(dir, "b.json"), "B");
        assert.deepEqual(fs.readdirSync(dir), [], "nothing is written before writeAll");
        files.writeAll();
        assert.deepEqual(fs.readdirSync(dir).sort(), ["a.json", "b.json"]);
        assert.equal(fs.readFileSync(path.join(dir, "b.json"), "utf8"), "B");
    });

    it("writes none of them when one cannot be written, and says which in one line", () => {
        const dir = tempDir();
        const gone = path.join(dir, "gone");
        fs.mkdirSync(gone);
        const files = new OutputFiles();
        files.add("--json", path.join(dir, "a.json"), "A");
        files.add("--markdown", path.join(gone, "b.md"), "B");
        fs.rmdirSync(gone); // its directory disappears after the check, during the run
        assert.throws(
            () => files.writeAll(),
            (error: unknown) =>
                error instanceof UsageError &&
                error.message.startsWith(`--markdown=${path.join(gone, "b.md")}: could not be written (`) &&
                error.message.endsWith("); no output file was written") &&
                !error.message.includes("\n"),
        );
        assert.deepEqual(fs.readdirSync(dir), [], "the first file's temporary copy is removed and nothing is renamed");
    });
});
