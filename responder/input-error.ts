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

/** A value as it appears in an error line: JSON, cut short so the line stays readable. */
export function shown(value: unknown): string {
    if (value === undefined) {
        return "undefined";
    }
    // JSON.stringify gives undefined only for functions and symbols, which no JSON input holds.
    const text = JSON.stringify(value) ?? typeof value;
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
