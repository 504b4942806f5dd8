import { main } from "./cli";
import { ExitCode } from "./errors";

/** Errors whose message is the whole story: bad arguments, files or stack config. One line, no trace. */
const inputErrors = new Set(["UsageError", "ConfigError"]);

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
        const error = err instanceof Error ? err : new Error(String(err));
        if (inputErrors.has(error.name)) {
            console.error(`error: ${error.message}`);
        } else {
            console.error(`error: the offline preview failed: ${error.stack ?? error.message}`);
        }
        process.exit(ExitCode.badInputOrInternalError);
    },
);
