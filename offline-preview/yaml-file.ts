// The project and stack files as YAML, read strictly: whatever the Pulumi CLI would read otherwise
// than it was meant (a key written twice, a tag such as CloudFormation's `!Ref`, a number no JSON
// can carry, a file that is no mapping, a top-level key no one reads) is refused in one line that
// names the file, the key and the value as written, before the program runs.

import * as fs from "node:fs";
import * as path from "node:path";
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import { didYouMean } from "../validation/did-you-mean";
import { propertyPath } from "../validation/property-paths";
import { UsageError } from "./errors";

/** The tags of YAML's core schema (`!!str`, `!!int`, …): anything else is a tag nothing here resolves. */
const CORE_TAG_PREFIX = "tag:yaml.org,2002:";

/** A YAML file's top-level mapping, with the file's name for messages and the text of each value as written. */
export interface YamlMapping {
    /** The file as messages name it (relative to where the command runs). */
    readonly file: string;
    readonly values: Record<string, unknown>;
}

/**
 * Reads `file` as a YAML mapping whose keys are among `knownKeys`; `what` says what the file
 * holds ("the Pulumi project file"). Anything else is a one-line UsageError.
 */
export function readYamlMapping(file: string, what: string, knownKeys: readonly string[]): YamlMapping {
    const name = path.relative(process.cwd(), file) || file;
    const refuse = (detail: string): never => {
        throw new UsageError(`${name}: ${detail}`);
    };
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        return refuse(`expected ${what}, but it cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    // Silent: the yaml library would print its warnings on several lines; they are refused below instead.
    const doc = parseDocument(text, { logLevel: "silent", uniqueKeys: true });
    const [error] = doc.errors;
    if (error !== undefined) {
        const line = error.linePos?.[0].line ?? "?";
        return error.code === "DUPLICATE_KEY"
            ? refuse(`key ${duplicateKey(text, error.pos[0])} (line ${line}) is written twice in one mapping: expected each key once`)
            : refuse(`expected valid YAML (${error.message.split("\n")[0]})`);
    }
    checkNodes(doc, text, refuse);
    const [warning] = doc.warnings;
    if (warning !== undefined) {
        refuse(`expected plain YAML (${warning.message.split("\n")[0]})`);
    }
    const root = doc.contents;
    if (!isMap(root)) {
        const found = root === null ? "an empty file" : isSeq(root) ? "a list" : `the value ${text.slice(root.range[0], root.range[1])}`;
        return refuse(`expected ${what} (a mapping of ${knownKeys.join(", ")}), found ${found}`);
    }
    let values: unknown;
    try {
        values = doc.toJS();
    } catch (err) {
        return refuse(`expected valid YAML (${(err as Error).message.split("\n")[0]})`);
    }
    const mapping = values as Record<string, unknown>;
    for (const key of Object.keys(mapping)) {
        if (!knownKeys.includes(key)) {
            refuse(`key ${key}: expected one of ${knownKeys.join(", ")}${didYouMean(key, knownKeys)}`);
        }
    }
    return { file: name, values: mapping };
}

/** The key written at `offset` (the yaml library points at its first character). */
function duplicateKey(text: string, offset: number): string {
    // Up to the colon that ends the key (one followed by a space or a line end; `ns:key` has one inside).
    return /^(.*?):(?:\s|$)/m.exec(text.slice(offset))?.[1].trim() ?? "";
}

/**
 * Refuses a node that YAML would read otherwise than JSON, which is what config becomes: a tag
 * outside YAML's core schema (resolved as a plain string with a warning) and a number that is not
 * finite (`.inf`, `.nan`, `1e309`, which JSON would turn into null). Walks with a work list, so
 * nesting depth cannot overflow the stack.
 */
function checkNodes(doc: Document, text: string, refuse: (detail: string) => never): void {
    const pending: { node: Node | null; path: PropertyKey[] }[] = [{ node: doc.contents, path: [] }];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const { node, path: at } = next;
        if (node === null || isAlias(node)) {
            continue; // an alias's target is checked where it is written
        }
        const written = node.range === undefined || node.range === null ? "" : text.slice(node.range[0], node.range[1]).trim();
        const key = propertyPath(at) || "the document";
        if (node.tag !== undefined && !node.tag.startsWith(CORE_TAG_PREFIX)) {
            refuse(
                `${key}=${node.tag} ${written}: expected a plain value, not the tag ${node.tag} (Pulumi config has no tags; nothing resolves it)`,
            );
        }
        if (isScalar(node) && typeof node.value === "number" && !Number.isFinite(node.value)) {
            refuse(`${key}=${written}: expected a finite number (config reaches the program as JSON, which has no infinity or NaN)`);
        }
        const children: { node: Node | null; path: PropertyKey[] }[] = [];
        if (isMap<Node, Node | null>(node)) {
            for (const pair of node.items) {
                const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
                children.push({ node: pair.key, path: at }, { node: pair.value, path: [...at, name] });
            }
        } else if (isSeq<Node | null>(node)) {
            node.items.forEach((item, index) => children.push({ node: item, path: [...at, index] }));
        }
        // Reversed onto the work list, so nodes are checked in the order they are written.
        pending.push(...children.reverse());
    }
}
