/** Paths into parsed input (a zod issue's path), as one-line errors name them: `detail.resource.tags[0].key`. */

/** `base.a[0].b` for the path `["a", 0, "b"]` below `base` (none: the path alone, `a[0].b`). */
export function propertyPath(path: readonly PropertyKey[], base = ""): string {
    return path.reduce<string>(
        (text, step) => (typeof step === "number" ? `${text}[${step}]` : text === "" ? String(step) : `${text}.${String(step)}`),
        base,
    );
}

/** The value at `path` in `root`, or undefined where the path leaves the objects. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
    return path.reduce<unknown>(
        (node, step) => (node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[step] : undefined),
        root,
    );
}
