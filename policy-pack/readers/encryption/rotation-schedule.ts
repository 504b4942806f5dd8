// How long a Secrets Manager rotation schedule may leave a secret unrotated, from its rules:
// `automaticallyAfterDays` (1-1000) or a `scheduleExpression`, `rate(N days)`, `rate(N hours)` or
// `cron(minutes hours day-of-month month day-of-week year)` (AWS takes one or the other).
//
// A cron expression is bounded from its fields: every day (day-of-month and day-of-week both `*` or
// `?`), every week (a plain day-of-week), else every month, provided month and year are `*` or `?`.
// A cron restricted to some months or years is not bounded by this reading: it may skip most of a
// year, or stop.

/** The longest gap between rotations in days, or why it cannot be bounded. */
export type RotationInterval = { days: number } | { unbounded: string };

const ANY = new Set(["*", "?"]);

function rateInterval(body: string): RotationInterval {
    const match = /^(\d{1,4})\s+(day|days|hour|hours)$/i.exec(body.trim());
    if (match === null) {
        return { unbounded: `rate(${body}) is not rate(N days) or rate(N hours)` };
    }
    const value = Number(match[1]);
    return { days: match[2].toLowerCase().startsWith("day") ? value : value / 24 };
}

function cronInterval(body: string): RotationInterval {
    const fields = body.trim().split(/\s+/);
    if (fields.length !== 6) {
        return { unbounded: `cron(${body}) does not have the six fields minutes, hours, day-of-month, month, day-of-week, year` };
    }
    const [, , dayOfMonth, month, dayOfWeek, year] = fields;
    if (!ANY.has(month) || !ANY.has(year)) {
        return { unbounded: `cron(${body}) runs only in some months or years` };
    }
    if (ANY.has(dayOfMonth) && ANY.has(dayOfWeek)) {
        return { days: 1 };
    }
    // A plain day-of-week list or range recurs weekly; `#` (nth weekday) and `L` (last) monthly.
    if (!ANY.has(dayOfWeek) && !/[#L]/i.test(dayOfWeek)) {
        return { days: 7 };
    }
    return { days: 31 };
}

/** The interval of a schedule expression. */
export function scheduleInterval(expression: string): RotationInterval {
    const match = /^\s*(rate|cron)\((.*)\)\s*$/i.exec(expression);
    if (match === null) {
        return { unbounded: `${JSON.stringify(expression)} is neither a rate(...) nor a cron(...) expression` };
    }
    return match[1].toLowerCase() === "rate" ? rateInterval(match[2]) : cronInterval(match[2]);
}
