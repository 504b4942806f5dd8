import * as assert from "assert";
import { pathBeyondDepth } from "../../validation/nesting-depth";

describe("nesting depth (validation/nesting-depth.ts)", () => {
    it("finds nothing within the limit: scalars are level 0, the root array or object level 1", () => {
        assert.strictEqual(pathBeyondDepth("text", 0), undefined);
        assert.strictEqual(pathBeyondDepth({ a: [1, { b: 2 }] }, 3), undefined);
    });

    it("names the path to the first array or object beyond the limit", () => {
        assert.deepStrictEqual(pathBeyondDepth({ a: [1, { b: 2 }] }, 2), ["a", 1]);
        assert.deepStrictEqual(pathBeyondDepth({ ok: {}, deep: { x: [[]] } }, 3), ["deep", "x", 0]);
        assert.deepStrictEqual(pathBeyondDepth([], 0), []);
    });

    it("measures a million levels without overflowing the stack", () => {
        let deep: unknown = [];
        for (let i = 0; i < 1_000_000; i++) {
            deep = [deep];
        }
        const path = pathBeyondDepth({ title: deep }, 32);
        assert.deepStrictEqual(path, ["title", ...Array<number>(31).fill(0)]);
    });
});
