// ISO-8601 durations as IAM Identity Center takes a permission set's session length: hours and
// minutes only (PT8H, PT1H30M, PT90M). Days, weeks, seconds, fractions and signs are refused by
// the parse rather than guessed at: a duration the pack cannot read cannot be shown to be short.

/** A parsed duration in minutes, or why the text is not one. */
export type SessionDurationParse = { minutes: number } | { problem: string };

const HOURS_MINUTES = /^PT(?:(\d+)H)?(?:(\d+)M)?$/;

/** Parses `PT<hours>H<minutes>M` (either part may be left out, not both). Never throws. */
export function parseSessionDuration(value: string): SessionDurationParse {
    const match = HOURS_MINUTES.exec(value);
    if (match === null || (match[1] === undefined && match[2] === undefined)) {
        return {
            problem: `${JSON.stringify(value)} is not an ISO-8601 duration in hours and minutes (PT<hours>H<minutes>M, e.g. PT8H or PT1H30M)`,
        };
    }
    // Digits only, so Number() cannot fail; a very long run of digits is a very long session.
    return { minutes: Number(match[1] ?? "0") * 60 + Number(match[2] ?? "0") };
}

/** Minutes as the ISO-8601 duration AWS writes: PT8H, PT1H30M, PT45M. */
export function formatSessionDuration(minutes: number): string {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return `PT${hours > 0 ? `${hours}H` : ""}${rest > 0 || hours === 0 ? `${rest}M` : ""}`;
}
