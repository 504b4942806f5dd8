import { main } from "./cli";
import { ExitCode } from "./errors";

/** Errors whose message is the whole story: bad arguments, files or stack config. One line, no trace. */
const inputErrors = new Set(["UsageError", "ConfigError"]);

/**
 * Exits once standard output and error are flushed: into a pipe they are written asynchronously,
 * and a bare `process.exit` would cut a long report short. Exiting explicitly stops anything the
 * SDK's runtime may still hold open.
 */
function exitAfterFlush(code: number): void {
    process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

main(process.argv.slice(2)).then(
    (code) => exitAfterFlush(code),
    (err: unknown) => {
        const error = err instanceof Error ? err : new Error(String(err));
        if (inputErrors.has(error.name)) {
            console.error(`error: ${error.message}`);
        } else {
            const trace = error.stack?.includes("\n") ? error.stack : `${String(error)}\n(run again with --stack-traces for where it happened)`;
            console.error(`error: the offline preview failed: ${trace}`);
        }
        exitAfterFlush(ExitCode.badInputOrInternalError);
    },
);
