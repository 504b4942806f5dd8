import * as assert from "assert";
import { clipped, shown } from "../../responder/input-error";

describe("responder error lines (shown, clipped)", () => {
    it("shows values as JSON, cut to 80 characters", () => {
        assert.strictEqual(shown("high"), '"high"');
        assert.strictEqual(shown({ Name: "x" }), '{"Name":"x"}');
        assert.strictEqual(shown(undefined), "undefined");
        assert.strictEqual(shown("a".repeat(200)), `"${"a".repeat(76)}...`);
    });

    it("cuts a string of megabytes before quoting it", () => {
        assert.strictEqual(shown("m".repeat(8 * 1024 * 1024)).length, 80);
    });

    it("escapes what could break the line or disguise it: separators, controls, bidirectional overrides", () => {
        assert.strictEqual(shown("a\u2028b\u2029c"), '"a\\u{2028}b\\u{2029}c"');
        assert.strictEqual(clipped("orders\u202eworker\u0085"), "orders\\u{202e}worker\\u{85}");
        assert.strictEqual(shown("a\nb"), '"a\\nb"');
    });
});
