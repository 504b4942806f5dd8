// The stack config reference (docs/config-reference.md), generated from the zod schemas in
// stacks/config: every key a stack reads, its type, its default and its description (each field's
// `.meta({ description })`), so the reference cannot drift from what the program accepts.
// tests/docs/config-reference.test.ts fails when the committed document differs.

import { z } from "zod";
import { cell, literal } from "./markdown";

/** A JSON Schema node as `z.toJSONSchema` writes it, with the project's own meta keys. */
interface SchemaNode {
    readonly type?: string;
    readonly enum?: readonly unknown[];
    readonly properties?: Readonly<Record<string, SchemaNode>>;
    readonly required?: readonly string[];
    readonly additionalProperties?: SchemaNode | boolean;
    readonly items?: SchemaNode;
    readonly default?: unknown;
    readonly description?: string;
    /** A default the schema cannot state as a value (it comes from elsewhere: the stack name, another key). */
    readonly defaultText?: string;
    readonly minimum?: number;
    readonly maximum?: number;
    readonly minItems?: number;
    readonly maxItems?: number;
}

/** One kind of stack: its schema and the full config key of each of its top-level fields. */
export interface StackKindReference {
    readonly heading: string;
    /** Markdown between the heading and the table. */
    readonly intro: string;
    readonly schema: z.ZodType;
    /** Full config keys (`aws:region`, `zero-trust-aws:network`, …); field `f` is the key ending in `:f`. */
    readonly configKeys: readonly string[];
}

/** One row of the reference: a key that holds a value (objects are broken down into their fields). */
export interface ConfigRow {
    readonly key: string;
    readonly type: string;
    readonly default: string;
    readonly description: string | undefined;
}

/** Project-level defaults from Pulumi.yaml's `config:` section, by full config key. */
export type ProjectDefaults = Readonly<Record<string, unknown>>;

// zod writes these bounds for every integer; they say nothing a reader needs.
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

/** Bounds as text: `1–6`, `≥ 90`, `≤ 10`, or "" when there are none. */
function range(min: number | undefined, max: number | undefined): string {
    const low = min !== undefined && min > -UNBOUNDED ? min : undefined;
    const high = max !== undefined && max < UNBOUNDED ? max : undefined;
    if (low !== undefined && high !== undefined) {
        return `${low}–${high}`;
    }
    return low !== undefined ? `≥ ${low}` : high !== undefined ? `≤ ${high}` : "";
}

function bounded(type: string, bounds: string): string {
    return bounds === "" ? type : `${type}, ${bounds}`;
}

function isRecord(node: SchemaNode): boolean {
    return node.type === "object" && node.properties === undefined && typeof node.additionalProperties === "object";
}

/** The type column: enums by value, arrays by item, objects by their fields, numbers with their bounds. */
export function typeOf(node: SchemaNode): string {
    if (node.enum !== undefined) {
        return node.enum.map((value) => `\`${String(value)}\``).join(" | ");
    }
    switch (node.type) {
        case "array": {
            const item = node.items === undefined ? "any" : typeOf(node.items);
            // Parentheses where the item type has parts of its own (`a` | `b`; integer, 1–65535).
            const list = !item.startsWith("{") && (item.includes(" | ") || item.includes(", ")) ? `(${item})[]` : `${item}[]`;
            const items = range(node.minItems, node.maxItems);
            return bounded(list, items === "≥ 1" ? "non-empty" : items === "" ? "" : `${items} items`);
        }
        case "object": {
            if (isRecord(node)) {
                return `{string: ${typeOf(node.additionalProperties as SchemaNode)}}`;
            }
            const required = new Set(node.required ?? []);
            const fields = Object.keys(node.properties ?? {}).map((name) => (required.has(name) ? name : `${name}?`));
            return `{${fields.join(", ")}}`;
        }
        case "integer":
        case "number":
            return bounded(node.type, range(node.minimum, node.maximum));
        default:
            return node.type ?? "any";
    }
}

/** Where a field sits: its full key, and the nearest object above it that a stack may leave out. */
interface Context {
    readonly key: string;
    readonly optionalParent: string | undefined;
}

function defaultOf(node: SchemaNode, required: boolean, context: Context, projectDefault: unknown): string {
    if (projectDefault !== undefined) {
        return `\`${literal(projectDefault)}\` (Pulumi.yaml)`;
    }
    if (node.defaultText !== undefined) {
        return node.defaultText;
    }
    if (node.default !== undefined) {
        return `\`${literal(node.default)}\``;
    }
    if (!required) {
        return "—";
    }
    return context.optionalParent === undefined ? "— (required)" : `— (required in \`${context.optionalParent}\`)`;
}

function rowsOf(node: SchemaNode, required: boolean, context: Context, projectDefaults: ProjectDefaults): ConfigRow[] {
    if (node.type === "object" && node.properties !== undefined) {
        const optional = !required && node.default === undefined;
        return fieldRows(
            node,
            { key: context.key, optionalParent: context.optionalParent ?? (optional ? context.key : undefined) },
            projectDefaults,
        );
    }
    const row: ConfigRow = {
        key: context.key,
        type: typeOf(node),
        default: defaultOf(node, required, context, projectDefaults[context.key]),
        description: node.description,
    };
    const item = node.type === "array" ? node.items : undefined;
    if (item?.type === "object" && item.properties !== undefined) {
        // A list of objects: the list itself, then each field of an item.
        return [row, ...fieldRows(item, { key: `${context.key}[]`, optionalParent: `${context.key}[]` }, projectDefaults)];
    }
    return [row];
}

function fieldRows(node: SchemaNode, context: Context, projectDefaults: ProjectDefaults): ConfigRow[] {
    const required = new Set(node.required ?? []);
    return Object.entries(node.properties ?? {}).flatMap(([name, child]) =>
        rowsOf(child, required.has(name), { key: `${context.key}.${name}`, optionalParent: context.optionalParent }, projectDefaults),
    );
}

/** The config key of a top-level schema field. */
function configKeyOf(kind: StackKindReference, field: string): string {
    const keys = kind.configKeys.filter((key) => key.endsWith(`:${field}`));
    if (keys.length !== 1) {
        throw new Error(`${kind.heading}: schema field ${field} has ${keys.length} config keys (${keys.join(", ")}), expected exactly one`);
    }
    return keys[0];
}

/** Every row of one kind of stack, in schema order. */
export function configRows(kind: StackKindReference, projectDefaults: ProjectDefaults): ConfigRow[] {
    const root = z.toJSONSchema(kind.schema, { io: "input", unrepresentable: "any" }) as SchemaNode;
    const required = new Set(root.required ?? []);
    return Object.entries(root.properties ?? {}).flatMap(([field, node]) =>
        rowsOf(node, required.has(field), { key: configKeyOf(kind, field), optionalParent: undefined }, projectDefaults),
    );
}

/** The reference section of one kind of stack: heading, intro and table. */
export function configSection(kind: StackKindReference, projectDefaults: ProjectDefaults): string {
    const rows = configRows(kind, projectDefaults).map(
        (row) => `| \`${row.key}\` | ${cell(row.type)} | ${cell(row.default)} | ${cell(row.description ?? "")} |`,
    );
    return [`## ${kind.heading}`, "", kind.intro, "", "| key | type | default | meaning |", "|---|---|---|---|", ...rows].join("\n");
}
