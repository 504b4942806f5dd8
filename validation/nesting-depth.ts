/**
 * How deep parsed input nests, measured without recursion: input nested thousands of levels deep
 * would overflow the stack of whatever walks it recursively next (JSON.stringify, a validator), so
 * it is measured, and refused, first.
 */

interface Visit {
    readonly value: unknown;
    readonly depth: number;
    readonly key?: PropertyKey;
    readonly parent?: Visit;
}

function pathTo(visit: Visit): PropertyKey[] {
    const path: PropertyKey[] = [];
    for (let v: Visit | undefined = visit; v?.key !== undefined; v = v.parent) {
        path.unshift(v.key);
    }
    return path;
}

/**
 * The path to the first array or object in `root` that sits deeper than `maxDepth` levels of
 * arrays and objects (`root` itself, if one, is level 1), or undefined when none does. The walk keeps its
 * own stack, so any depth is measured without overflowing the call stack.
 */
export function pathBeyondDepth(root: unknown, maxDepth: number): PropertyKey[] | undefined {
    const pending: Visit[] = [{ value: root, depth: 1 }];
    for (let visit = pending.pop(); visit !== undefined; visit = pending.pop()) {
        const { value, depth } = visit;
        if (value === null || typeof value !== "object") {
            continue;
        }
        if (depth > maxDepth) {
            return pathTo(visit);
        }
        const entries: [PropertyKey, unknown][] = Array.isArray(value)
            ? value.map((item, index): [number, unknown] => [index, item])
            : Object.entries(value);
        for (const [key, child] of entries) {
            pending.push({ value: child, depth: depth + 1, key, parent: visit });
        }
    }
    return undefined;
}
