// Reading a Markdown file's relative links and the anchors its headings get, so a test can check
// that every link of the repository's documentation resolves inside the repository.

/** A link as written: the target path (empty for a same-file anchor) and the anchor, if any. */
export interface MarkdownLink {
    readonly line: number;
    readonly path: string;
    readonly anchor: string | undefined;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The text outside fenced code blocks and inline code spans, line by line (blanked, so line numbers stay). */
function proseLines(markdown: string): string[] {
    let fenced = false;
    return markdown.split("\n").map((line) => {
        if (/^\s*(```|~~~)/.test(line)) {
            fenced = !fenced;
            return "";
        }
        return fenced ? "" : line.replace(/`[^`]*`/g, "");
    });
}

/** Every relative link target: inline links `[text](target)`, images and reference definitions `[x]: target`. */
export function relativeLinks(markdown: string): MarkdownLink[] {
    const links: MarkdownLink[] = [];
    proseLines(markdown).forEach((text, index) => {
        const targets = [
            ...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g),
            ...text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g),
        ].map((m) => m[1]);
        for (const target of targets) {
            if (SCHEME.test(target)) {
                continue;
            }
            const hash = target.indexOf("#");
            links.push({
                line: index + 1,
                path: decodeURI(hash < 0 ? target : target.slice(0, hash)),
                anchor: hash < 0 ? undefined : decodeURI(target.slice(hash + 1)),
            });
        }
    });
    return links;
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
    return heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .replace(/\s/g, "-");
}

/** The anchors of a document's headings (`#`…`######` outside code), repeated ones numbered as GitHub does. */
export function headingAnchors(markdown: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    let fenced = false;
    for (const line of markdown.split("\n")) {
        if (/^\s*(```|~~~)/.test(line)) {
            fenced = !fenced;
            continue;
        }
        const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
        if (heading !== null) {
            const base = slug(heading[1]);
            const count = seen.get(base) ?? 0;
            seen.set(base, count + 1);
            anchors.add(count === 0 ? base : `${base}-${count}`);
        }
    }
    return anchors;
}
