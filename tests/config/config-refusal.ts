// How the config tests check a refusal: parsing throws one ConfigError, in one line, naming the
// key, the value (shortened as the message shows it) and what was expected.
import * as assert from "assert";
import { ConfigError } from "../../stacks/config/config-error";

/** The ConfigError `parse` throws (fails if it parses, or throws anything else). */
export function refusal(parse: () => unknown): ConfigError {
    let thrown: unknown;
    try {
        parse();
    } catch (err) {
        thrown = err;
    }
    assert.ok(ConfigError.isConfigError(thrown) && thrown instanceof ConfigError, `expected a ConfigError, got ${String(thrown)}`);
    assert.ok(!thrown.message.includes("\n"), "one line");
    return thrown;
}

/** Asserts that `parse` fails with exactly this ConfigError. */
export function assertRefusal(parse: () => unknown, key: string, value: unknown, expected: string | RegExp): void {
    const thrown = refusal(parse);
    assert.strictEqual(thrown.key, key);
    assert.deepStrictEqual(thrown.value, value);
    if (typeof expected === "string") {
        assert.strictEqual(thrown.expected, expected);
    } else {
        assert.match(thrown.expected, expected);
    }
    const shown = value === undefined ? "(not set)" : JSON.stringify(value);
    assert.strictEqual(
        thrown.message,
        `invalid config ${key}=${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}: expected ${thrown.expected}`,
    );
}
