import * as pulumi from "@pulumi/pulumi";
import { show } from "../../validation/argument-error";

/**
 * A stack config value that the program refuses. Its message is one line naming the key, the
 * value and what was expected. It is a `RunError`, so `pulumi up` prints the message without a
 * stack trace; the offline preview turns it into exit code 2.
 */
export class ConfigError extends pulumi.RunError {
    constructor(
        readonly key: string,
        readonly value: unknown,
        readonly expected: string,
    ) {
        super(`invalid config ${key}=${ConfigError.show(value)}: expected ${expected}`);
        this.name = "ConfigError";
    }

    /** True for a ConfigError from any copy of this module (tests and tools may load their own). */
    static isConfigError(err: unknown): err is ConfigError {
        return err instanceof Error && err.name === "ConfigError";
    }

    private static show(value: unknown): string {
        if (value === undefined) {
            return "(not set)";
        }
        // As JSON, so a string shows its quotes ("8443" is not the number 8443).
        const text = show(value);
        return text.length > 80 ? `${text.slice(0, 77)}...` : text;
    }
}
