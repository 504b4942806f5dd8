import * as pulumi from "@pulumi/pulumi";
import { main } from "./cli";
import { ExitCode, exitAfterFlush } from "./errors";

/** Errors whose message is the whole story: bad arguments, files or stack config. One line, no trace. */
const inputErrors = new Set(["UsageError", "ConfigError"]);

/**
 * Whether the message is the whole story: bad input, or a program's `RunError` (which the Pulumi
 * CLI, too, prints without a trace; the SDK may prefix it with the input it was meant for).
 */
const isOneLiner = (error: Error): boolean => inputErrors.has(error.name) || pulumi.RunError.isInstance(error);

main(process.argv.slice(2)).then(
    (code) => exitAfterFlush(code),
    (err: unknown) => {
        const error = err instanceof Error ? err : new Error(String(err));
        if (isOneLiner(error)) {
            // The SDK prefixes the same error once per resource that awaited it; once says it.
            console.error(`error: ${error.message.replace(/^(error serializing property "[^"]*": )+/, "$1")}`);
        } else {
            const trace = error.stack?.includes("\n")
                ? error.stack
                : `${String(error)}\n(run again with --stack-traces for where it happened)`;
            console.error(`error: the offline preview failed: ${trace}`);
        }
        exitAfterFlush(ExitCode.badInputOrInternalError);
    },
);
