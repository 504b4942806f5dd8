// Small readers shared by the TLS family: alternative spellings, tri-state booleans and text
// values that may be unknown during preview or of the wrong type. None of them throws.

import { isFalse, isTrue, Reading, Unknown, UNKNOWN } from "../known";

/** A value that is present but not of the expected type (fail closed on it). */
export const ODD: unique symbol = Symbol("malformed value");
export type Odd = typeof ODD;

/**
 * Reads the first of `keys` that holds a value (neither undefined nor null). Returns UNKNOWN as
 * soon as a key is unknown, so a known later spelling cannot hide an unknown earlier one.
 */
export function pick(reading: Reading, holder: unknown, ...keys: string[]): unknown {
    for (const key of keys) {
        const value = reading.get(holder, key);
        if (value === UNKNOWN) {
            return UNKNOWN;
        }
        if (value !== undefined && value !== null) {
            return value;
        }
    }
    return undefined;
}

/** An object block: objects as they are, the first element of an array (a one-item block list), else undefined. */
export function block(reading: Reading, value: unknown): unknown {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (Array.isArray(value)) {
        return value.length > 0 ? reading.get(value, 0) : undefined;
    }
    return value !== null && typeof value === "object" ? value : undefined;
}

/** A boolean: true/false (also "true"/"false"), undefined when absent, ODD for anything else. */
export function flag(value: unknown): boolean | undefined | Unknown | Odd {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null) {
        return undefined;
    }
    if (isTrue(value)) {
        return true;
    }
    if (isFalse(value)) {
        return false;
    }
    return ODD;
}

/** A trimmed string, undefined when absent or blank, ODD for non-strings. */
export function text(value: unknown): string | undefined | Unknown | Odd {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== "string") {
        return ODD;
    }
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
}

/** A value for messages: strings quoted, others as JSON-ish text, never throwing. */
export function show(value: unknown): string {
    if (value === UNKNOWN) {
        return "(unknown)";
    }
    if (value === ODD) {
        return "(malformed value)";
    }
    if (typeof value === "string") {
        return JSON.stringify(value);
    }
    try {
        const json = JSON.stringify(value);
        return json === undefined ? String(value) : json.length > 80 ? `${json.slice(0, 77)}...` : json;
    } catch {
        return "(unprintable value)";
    }
}
