import { ExitCode, exitAfterFlush } from "../offline-preview/errors";
import { main } from "./cli";

/** Bad input (arguments, plan files, stack config) is one line and exit code 2; anything else keeps its trace. */
const inputErrors = new Set(["UsageError", "ConfigError"]);

main(process.argv.slice(2)).then(
    (code) => exitAfterFlush(code),
    (err: unknown) => {
        const error = err instanceof Error ? err : new Error(String(err));
        console.error(
            inputErrors.has(error.name) ? `error: ${error.message}` : `error: the access matrix failed: ${error.stack ?? String(error)}`,
        );
        exitAfterFlush(ExitCode.badInputOrInternalError);
    },
);
