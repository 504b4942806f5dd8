import * as assert from "node:assert/strict";
import { propertyPath, valueAt } from "../../validation/property-paths";

describe("property paths", () => {
    it("names a path with dots and indices, below a base key when given", () => {
        assert.equal(propertyPath(["detail", "resource", "tags", 0, "key"]), "detail.resource.tags[0].key");
        assert.equal(propertyPath([0, "name"]), "[0].name");
        assert.equal(propertyPath([]), "");
        assert.equal(propertyPath(["subnets", 2], "zero-trust-aws:network"), "zero-trust-aws:network.subnets[2]");
    });

    it("reads the value at a path, and undefined where the path leaves the objects", () => {
        const root = { a: [{ b: "x" }], n: null };
        assert.equal(valueAt(root, ["a", 0, "b"]), "x");
        assert.equal(valueAt(root, ["a", 1, "b"]), undefined);
        assert.equal(valueAt(root, ["n", "b"]), undefined);
        assert.equal(valueAt(root, []), root);
    });
});
