// Generators shared by the pack's property tests: malformed property values and bags, built from
// a family's telling values (`seeds`) and property names (`keys`), nested a few levels deep.
import fc from "fast-check";

/** Any JSON-ish value, odd types included, with the family's seeds and keys mixed in. */
export function malformedValue(seeds: readonly unknown[], keys: readonly string[]): fc.Arbitrary<unknown> {
    return fc.letrec<{ value: unknown }>((tie) => ({
        value: fc.oneof(
            { depthSize: "small", withCrossShrink: true },
            fc.constantFrom(...seeds),
            fc.string(),
            fc.integer(),
            fc.double(),
            fc.boolean(),
            fc.array(tie("value"), { maxLength: 4 }),
            fc.dictionary(fc.constantFrom(...keys), tie("value"), { maxKeys: 6 }),
        ),
    })).value;
}

/** A property bag of malformed values under the family's keys, or anything at all. */
export function malformedProps(seeds: readonly unknown[], keys: readonly string[], maxKeys = 10): fc.Arbitrary<unknown> {
    return fc.oneof(fc.dictionary(fc.constantFrom(...keys), malformedValue(seeds, keys), { maxKeys }), fc.anything());
}
