/**
 * Near misses: the one place that decides whether an unknown name is a typo of a known one, for
 * every refusal of an unknown key (stack config, its namespaces, Pulumi.yaml, the stack file,
 * policy config) and for the namespaces that are refused as misspellings.
 *
 * The distance is optimal string alignment (Levenshtein plus the swap of two neighbours, so `asw`
 * is one edit from `aws`), case-insensitive. A name is a near miss of a known one when it is at
 * most `nearMissDistance(known)` edits away: one for names of up to four characters (two would
 * make `tls` a near miss of `aws`), two for longer ones.
 */

/** Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`, ignoring case. */
export function editDistance(a: string, b: string): number {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    // rows[i][j]: distance between the first i characters of s and the first j of t.
    const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
    for (let j = 1; j <= t.length; j++) {
        rows[0][j] = j;
    }
    for (let i = 1; i <= s.length; i++) {
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
                rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
            }
        }
    }
    return rows[s.length][t.length];
}

/** How many edits away from `known` a name may be and still count as its misspelling. */
export function nearMissDistance(known: string): number {
    return known.length <= 4 ? 1 : 2;
}

/** The known name `name` is a misspelling of (the closest; the first listed on a tie), if any. */
export function nearMiss(name: string, known: Iterable<string>): string | undefined {
    let best: { name: string; distance: number } | undefined;
    for (const candidate of known) {
        const distance = editDistance(name, candidate);
        if (candidate !== name && distance <= nearMissDistance(candidate) && (best === undefined || distance < best.distance)) {
            best = { name: candidate, distance };
        }
    }
    return best?.name;
}

/** ` (did you mean <known>?)` for a near miss of one of `known`, else the empty string: to end a one-line refusal. */
export function didYouMean(name: string, known: Iterable<string>): string {
    const match = nearMiss(name, known);
    return match === undefined ? "" : ` (did you mean ${match}?)`;
}
