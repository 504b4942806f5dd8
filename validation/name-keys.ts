/**
 * Keys that become part of resource names (environment, OU, VPC, application keys): lowercase, so
 * a name derived from one is valid for every AWS resource it names.
 */

import { show } from "./argument-error";

/** A lowercase key that becomes part of resource names: a-z 0-9 -, up to 63 characters, starting with a letter or digit. */
export const LOWERCASE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A key that names resources, or a one-line error naming `parameter`. */
export function validNameKey(parameter: string, value: unknown): string {
    if (typeof value !== "string" || !LOWERCASE_NAME.test(value)) {
        throw new Error(
            `${parameter}: key ${show(value)} is not a lowercase name (a-z 0-9 -, up to 63 characters, starting with a letter or digit)`,
        );
    }
    return value;
}
