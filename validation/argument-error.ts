/**
 * One way to refuse an argument: every check returns the value it was given or throws a one-line
 * error `<parameter>: <value> is not <what was expected>`, before anything is declared. A
 * component that names itself in its errors passes `<Component>: <parameter>` as the parameter.
 *
 * The components, the config schemas (stacks/config) and the responder's Lambda bundle
 * (responder/) all use this folder, so nothing in `validation/` imports anything: keep it that way.
 */

/** A value as an error message shows it: JSON where it can be, providers by package. */
export function show(value: unknown): string {
    if (value !== null && typeof value === "object") {
        const getPackage = (value as { getPackage?: unknown }).getPackage;
        if (typeof getPackage === "function") {
            const pkg = String(getPackage.call(value));
            return pkg === "aws" ? "an aws.Provider" : `a ${pkg} provider`;
        }
    }
    try {
        return JSON.stringify(value) ?? String(value);
    } catch {
        return String(value);
    }
}

/**
 * A refused argument: `<parameter>: <value> is not <expected>`, one line. Its parts stay readable,
 * so stack config can refuse a value by a component's own rule and say what it expects.
 */
export class ArgumentError extends Error {
    constructor(
        readonly parameter: string,
        readonly value: unknown,
        readonly expected: string,
    ) {
        super(`${parameter}: ${show(value)} is not ${expected}`);
        this.name = "ArgumentError";
    }
}

/** Throws the ArgumentError `<parameter>: <value> is not <expected>`. */
export function fail(parameter: string, value: unknown, expected: string): never {
    throw new ArgumentError(parameter, value, expected);
}

/** The string if `pattern` matches it whole, or a one-line error naming `parameter`. */
export function validMatching(parameter: string, value: unknown, pattern: RegExp, expected: string): string {
    if (typeof value !== "string" || !pattern.test(value)) {
        fail(parameter, value, expected);
    }
    return value;
}

/**
 * The provider a component declares its resources through, or a one-line error naming `parameter`
 * (`<parameter>: undefined is missing; expected <expected> (default providers are disabled)`):
 * default providers are disabled project-wide, so without one nothing could be created.
 * `isProvider` (say `aws.Provider.isInstance`: this module imports nothing) also refuses a value
 * given that is no such provider; without it, any value given will do.
 */
export function validProvider<P>(
    parameter: string,
    value: unknown,
    expected: string,
    isProvider: (value: unknown) => value is P = (_value): _value is P => true,
): P {
    if (value === undefined || !isProvider(value)) {
        throw new Error(
            `${parameter}: ${show(value)}${value === undefined ? " is missing" : ""}; expected ${expected} (default providers are disabled)`,
        );
    }
    return value;
}

/** The list if it has at least one element, or a one-line error naming `parameter`. */
export function validNonEmptyList(parameter: string, value: unknown, expected: string): unknown[] {
    if (!Array.isArray(value) || value.length === 0) {
        fail(parameter, value, expected);
    }
    return value as unknown[];
}

/** The values if none is listed twice, or `<parameter>: <value> is listed twice`. */
export function refuseRepeats<T>(parameter: string, values: readonly T[]): readonly T[] {
    const repeated = values.find((v, i) => values.indexOf(v) !== i);
    if (repeated !== undefined) {
        throw new Error(`${parameter}: ${show(repeated)} is listed twice`);
    }
    return values;
}

/**
 * Checks a value that may only be known at deployment (a `pulumi.Input`): a plain value must pass
 * `check`; an output or a promise is left to AWS.
 */
export function checkWhenKnown(parameter: string, value: unknown, check: (parameter: string, value: unknown) => unknown): void {
    if (value === null || typeof value !== "object") {
        check(parameter, value);
    }
}

/** One of `allowed` (`fallback`, if given, when undefined), or a one-line error naming `parameter`. */
export function validChoice<T extends string>(parameter: string, value: unknown, allowed: readonly T[], fallback?: T): T {
    if (value === undefined && fallback !== undefined) {
        return fallback;
    }
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
        fail(parameter, value, `one of ${allowed.join(", ")}`);
    }
    return value as T;
}

/** A whole number from `min` to `max` (of `unit`, days unless said), or a one-line error naming `parameter`. */
export function validWholeNumber(parameter: string, value: unknown, min: number, max: number, unit = "days"): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        fail(parameter, value, `a whole number of ${unit} from ${min} to ${max}`);
    }
    return value;
}

/** A whole number of at least 1 (of `unit`), or a one-line error naming `parameter`. */
export function validPositiveWholeNumber(parameter: string, value: unknown, unit: string): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
        fail(parameter, value, `a positive whole number of ${unit}`);
    }
    return value;
}
