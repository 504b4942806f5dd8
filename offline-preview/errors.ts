/**
 * Bad input to the offline preview (arguments, project or stack files, a plan file): reported as
 * one line and exit code 2, like a ConfigError from the program itself.
 */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

/** Exit codes of the offline preview, also read by CI and the pull-request workflow. */
export const ExitCode = {
    clean: 0,
    mandatoryViolation: 1,
    badInputOrInternalError: 2,
} as const;

/**
 * Exits once standard output and error are flushed: into a pipe they are written asynchronously,
 * and a bare `process.exit` would cut a long report short. Exiting explicitly stops anything the
 * SDK's runtime may still hold open.
 */
export function exitAfterFlush(code: number): void {
    process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}
