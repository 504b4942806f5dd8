// The files a preview writes (--json, --markdown, --outputs, --timings): each path is checked before
// the run, so a typo fails in one line before minutes of work, and the files are written only once
// the run has completed, each to a temporary file beside it and renamed into place, so a failed run
// or a failed write leaves no file half-written and none of a set written without the others.

import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./errors";

/** The absolute path of an output file, or a one-line UsageError naming the option, the path and what was expected. */
export function checkOutputFile(option: string, file: string): string {
    const refuse = (reason: string): never => {
        throw new UsageError(`${option}=${file}: expected the path of a file the preview can write, ${reason}`);
    };
    if (file.trim() === "") {
        refuse("but it is empty");
    }
    const target = path.resolve(file);
    const existing = fs.statSync(target, { throwIfNoEntry: false });
    if (existing?.isDirectory()) {
        refuse("but it is a directory");
    }
    const dir = path.dirname(target);
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
        refuse(`but its directory ${dir} does not exist`);
    }
    try {
        fs.accessSync(existing === undefined ? dir : target, fs.constants.W_OK);
    } catch {
        refuse(existing === undefined ? `but its directory ${dir} is not writable` : "but it is not writable");
    }
    return target;
}

interface Pending {
    readonly option: string;
    readonly file: string;
    readonly content: string;
}

/** Output files gathered during a run and written together when it completes. */
export class OutputFiles {
    private readonly pending: Pending[] = [];

    /** Adds a file to write; `file` is a path `checkOutputFile` returned. */
    add(option: string, file: string, content: string): void {
        this.pending.push({ option, file, content });
    }

    /**
     * Writes every file: all to temporary files first, then each renamed into place. If any write
     * fails, the temporary files are removed and nothing is renamed.
     */
    writeAll(): void {
        const written: string[] = [];
        try {
            for (const { option, file, content } of this.pending) {
                const temporary = `${file}.${process.pid}.partial`;
                try {
                    fs.writeFileSync(temporary, content);
                } catch (err) {
                    throw new UsageError(
                        `${option}=${file}: could not be written (${(err as Error).message.split("\n")[0]}); no output file was written`,
                    );
                }
                written.push(temporary);
            }
        } catch (err) {
            written.forEach((temporary) => fs.rmSync(temporary, { force: true }));
            throw err;
        }
        this.pending.forEach(({ file }, i) => fs.renameSync(written[i], file));
    }
}
