// Generated sections of the README sit between an HTML comment pair of markers; these splice a
// section in and read it back.

/** The document with the text between `start` and `end` replaced; throws when the markers are missing. */
export function withSection(document: string, start: string, end: string, text: string): string {
    const from = document.indexOf(start);
    const to = document.indexOf(end);
    if (from < 0 || to < from) {
        throw new Error(`README.md has no ${start} … ${end} markers`);
    }
    return `${document.slice(0, from + start.length)}\n${text}\n${document.slice(to)}`;
}

/** The text currently between the markers (undefined when they are missing). */
export function sectionIn(document: string, start: string, end: string): string | undefined {
    const from = document.indexOf(start);
    const to = document.indexOf(end);
    return from < 0 || to < from ? undefined : document.slice(from + start.length, to).trim();
}
