/**
 * Input the responder cannot work with (a malformed event, a bad setting): its message is one line
 * that names the key, the value and what was expected. The CLI turns it into exit code 2; the
 * Lambda fails the invocation with it, so the event ends in the dead-letter queue for a person.
 */
export class InputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "InputError";
    }
}

const SHOWN_LENGTH = 80;

// Control, format (bidirectional overrides, zero-width) and line or paragraph separator characters:
// escaped, so that a value cannot break the line or disguise what it says.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Text as an error line shows it: unprintable characters escaped, then cut to 80 characters. */
export function clipped(text: string): string {
    const escaped = text.replace(UNPRINTABLE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
    return escaped.length > SHOWN_LENGTH ? `${escaped.slice(0, SHOWN_LENGTH - 3)}...` : escaped;
}

/**
 * A value as it appears in an error line: JSON, cut short so the line stays readable. A string is
 * cut before it is quoted, so a value of megabytes costs no more than a short one.
 */
export function shown(value: unknown): string {
    if (value === undefined) {
        return "undefined";
    }
    if (typeof value === "string") {
        return clipped(JSON.stringify(value.length > SHOWN_LENGTH ? value.slice(0, SHOWN_LENGTH) : value));
    }
    // JSON.stringify gives undefined only for functions and symbols, which no JSON input holds.
    return clipped(JSON.stringify(value) ?? typeof value);
}
