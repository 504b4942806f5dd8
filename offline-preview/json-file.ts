import * as fs from "node:fs";
import { pathBeyondDepth } from "../validation/nesting-depth";
import { propertyPath } from "../validation/property-paths";

/**
 * How deep a JSON file the preview reads (a base plan, policy config, package.json) may nest.
 * Real plans nest a few dozen levels (a policy document in a resource's inputs); code that walks
 * a value recursively (comparing inputs, encoding policy config for the pack) would overflow the
 * stack thousands of levels down, so a file nested deeper than this is refused right after parsing
 * (JSON.parse itself does not recurse).
 */
export const MAX_JSON_DEPTH = 256;

/**
 * The JSON value in `file`. A file that cannot be read, is not JSON or nests deeper than
 * MAX_JSON_DEPTH goes to `refuse` with the reason, in one line.
 */
export function readJsonFile(file: string, refuse: (reason: string) => never): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        return refuse(`it cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    let value: unknown;
    try {
        value = JSON.parse(text) as unknown;
    } catch (err) {
        return refuse((err as Error).message.split("\n")[0]);
    }
    const tooDeep = pathBeyondDepth(value, MAX_JSON_DEPTH);
    if (tooDeep !== undefined) {
        // The path runs hundreds of steps deep: its first two say where.
        refuse(
            `it nests more than the ${MAX_JSON_DEPTH} levels of arrays and objects a JSON file read here may (below ${propertyPath(tooDeep.slice(0, 2)) || "the top"})`,
        );
    }
    return value;
}
