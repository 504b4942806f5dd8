import * as fs from "node:fs";

/**
 * How deep a JSON file the preview reads (a base plan, policy config, package.json) may nest.
 * Real plans nest a few dozen levels (a policy document in a resource's inputs); code that walks
 * a value recursively (comparing inputs, encoding policy config for the pack) would overflow the
 * stack thousands of levels down, so a file nested deeper than this is refused before it is parsed.
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
    const depth = nestingDepth(text);
    if (depth > MAX_JSON_DEPTH) {
        refuse(`it nests ${depth} levels deep, more than the ${MAX_JSON_DEPTH} a JSON file read here may`);
    }
    try {
        return JSON.parse(text) as unknown;
    } catch (err) {
        return refuse((err as Error).message.split("\n")[0]);
    }
}

/** The deepest nesting of `[` and `{` in JSON text, brackets inside strings not counted; it never recurses. */
export function nestingDepth(text: string): number {
    let depth = 0;
    let deepest = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === "\\") {
                i++; // the escaped character, which may be a quote
            } else if (c === '"') {
                inString = false;
            }
        } else if (c === '"') {
            inString = true;
        } else if (c === "[" || c === "{") {
            depth++;
            deepest = Math.max(deepest, depth);
        } else if (c === "]" || c === "}") {
            depth--;
        }
    }
    return deepest;
}
