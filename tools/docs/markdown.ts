// Small pieces of Markdown the generated documents share.

/** Text safe inside a table cell: the column separator escaped, line breaks flattened. */
export function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A value as YAML flow style writes it (`[a, b]`, `{k: v}`), for default columns. */
export function literal(value: unknown): string {
    if (Array.isArray(value)) {
        return `[${value.map(literal).join(", ")}]`;
    }
    if (value !== null && typeof value === "object") {
        return `{${Object.entries(value)
            .map(([k, v]) => `${k}: ${literal(v)}`)
            .join(", ")}}`;
    }
    return String(value);
}

const start = (name: string): string => `<!-- generated:${name}:start -->`;
const end = (name: string): string => `<!-- generated:${name}:end -->`;

/** The document with the section `name` (between its generated markers) replaced; throws when the markers are missing. */
export function withSection(doc: string, name: string, content: string): string {
    const from = doc.indexOf(start(name));
    const to = doc.indexOf(end(name));
    if (from < 0 || to < from) {
        throw new Error(`no ${start(name)} … ${end(name)} markers`);
    }
    return `${doc.slice(0, from + start(name).length)}\n${content}\n${doc.slice(to)}`;
}
