// Small readers shared by the TLS family: alternative spellings, tri-state booleans and text
// values that may be unknown during preview or of the wrong type. None of them throws.

import { readInteger } from "../../network/protocols";
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

type Text = string | undefined | Unknown | Odd;

/** A scalar as text: numbers and booleans as written, strings trimmed (see text). */
function valueText(value: unknown): Text {
    if (typeof value === "number" || typeof value === "boolean") {
        return String(value);
    }
    return text(value);
}

/**
 * A list of named values as providers write parameters and policy attributes: an array of
 * { name, value } (also parameterName/parameterValue), or an object { <name>: <value> }, or either
 * as JSON text. Values by lower-case name (every occurrence); UNKNOWN when the whole list is
 * unknown; someNameUnknown when an entry's name could not be read (unknown during preview).
 */
export function namedValues(reading: Reading, raw: unknown): { map: Map<string, Text[]> | Unknown; someNameUnknown: boolean } {
    if (raw === UNKNOWN) {
        return { map: UNKNOWN, someNameUnknown: false };
    }
    const map = new Map<string, Text[]>();
    const add = (name: string, value: Text) => {
        const key = name.trim().toLowerCase();
        map.set(key, [...(map.get(key) ?? []), value]);
    };
    let someNameUnknown = false;
    let value = raw;
    if (typeof value === "string") {
        try {
            value = JSON.parse(value) as unknown;
        } catch {
            return { map, someNameUnknown };
        }
    }
    if (Array.isArray(value)) {
        const items = reading.elements(value);
        if (items === UNKNOWN) {
            return { map: UNKNOWN, someNameUnknown };
        }
        for (const item of items) {
            if (item === UNKNOWN) {
                someNameUnknown = true;
                continue;
            }
            const name = text(pick(reading, item, "name", "parameterName", "ParameterName"));
            if (name === UNKNOWN) {
                someNameUnknown = true;
            } else if (typeof name === "string") {
                add(name, valueText(pick(reading, item, "value", "parameterValue", "ParameterValue")));
            }
        }
    } else if (value !== null && typeof value === "object") {
        for (const key of Object.keys(value)) {
            add(key, valueText(reading.get(value, key)));
        }
    }
    return { map, someNameUnknown };
}

/** A port: a whole number (also as text), undefined when absent, ODD for anything else. */
export function port(value: unknown): number | undefined | Unknown | Odd {
    return value === UNKNOWN ? UNKNOWN : value === undefined || value === null ? undefined : (readInteger(value) ?? ODD);
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
