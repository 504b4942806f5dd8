import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors";

/**
 * The command line's `--options` as `node:util` parses them, strictly (no unknown option, no
 * positional argument); a refusal is one line that points at `--help`, exit code 2. Shared by the
 * offline preview and the tools built on it.
 */
export function parseCommandLine<const T extends NonNullable<ParseArgsConfig["options"]>>(argv: readonly string[], options: T) {
    try {
        return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
    } catch (err) {
        throw new UsageError(`${(err as Error).message.split("\n")[0]} (see --help)`);
    }
}
