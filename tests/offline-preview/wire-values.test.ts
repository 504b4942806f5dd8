import { strict as assert } from "node:assert";
import type { WireValue } from "../../offline-preview/recorded-resource";
import { containsUnknown, displayValue, plainValue, UNKNOWN } from "../../offline-preview/wire-values";

const secret = (value: WireValue): WireValue => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });
const ref = (urn: string, id?: string): WireValue => ({
    "4dabf18193072939515e22adb298388d": "5cf8f73096256a8f31e491e813e4eb8e",
    urn,
    ...(id ? { id } : {}),
});

describe("values in their wire form", () => {
    it("unwraps secrets for programs and policies, masks them for plans", () => {
        const wire: WireValue = { password: secret("hunter2"), nested: [{ token: secret({ a: 1 }) }] };
        assert.deepEqual(plainValue(wire), { password: "hunter2", nested: [{ token: { a: 1 } }] });
        assert.deepEqual(displayValue(wire), { password: "[secret]", nested: [{ token: "[secret]" }] });
    });

    it("turns resource references into their id, or URN for components", () => {
        assert.equal(plainValue(ref("urn:a", "sg-1")), "sg-1");
        assert.equal(plainValue(ref("urn:component")), "urn:component");
    });

    it("finds unknowns anywhere in a value", () => {
        assert.equal(containsUnknown({ a: [1, { b: UNKNOWN }] }), true);
        assert.equal(containsUnknown({ a: [1, { b: "known" }] }), false);
    });
});
