// Does a bucket policy deny requests that do not use TLS? Read defensively: the document is JSON
// text or an object (the SDK's proxy during preview, where any leaf may be unknown), `Statement` an
// object or an array, `Action`/`Resource`/condition values a string or an array; element names and
// condition operators and keys are matched case-insensitively.
//
// A statement counts when it is
//   Effect Deny, Principal "*" (or {"AWS": "*"}), Action "s3:*" or "*",
//   Resource covering the bucket's objects ("…/*", or any ARN pattern ending in "*", or "*"),
//   no NotPrincipal / NotAction / NotResource, and
//   exactly one condition, one of
//     Bool | BoolIfExists                          aws:SecureTransport  "false"
//     NumericLessThanIfExists                      s3:TlsVersion        ≥ 1.2   (plain HTTP has no TLS version: IfExists denies it)
//     NumericLessThan                              s3:TlsVersion        ≥ 1.2   only with `acceptTlsVersionDenyAlone`:
//       a plain HTTP request carries no s3:TlsVersion, a Numeric condition on a missing key does
//       not match, so this form alone leaves plain HTTP allowed.
// A further condition in the same statement narrows the deny (conditions are ANDed), so such a
// statement does not count.

import { field, keysOf, parseDocument } from "../identity/policy-document";
import { Reading, Unknown, UNKNOWN } from "../known";

export interface TransportOptions {
    /** Count `NumericLessThan s3:TlsVersion ≥ 1.2` (without IfExists) as a TLS-only deny. */
    acceptTlsVersionDenyAlone: boolean;
}

export type TransportVerdict = { kind: "denies-insecure"; form: string } | { kind: "allows-insecure"; why: string } | { kind: "undecided" };

type Tri = boolean | Unknown;

function lowerTrim(value: unknown): string | undefined {
    return typeof value === "string" ? value.trim().toLowerCase() : undefined;
}

/** Some element satisfies `test`: true; none but some are unknown: UNKNOWN; else false. */
function anyOf(values: unknown[] | Unknown, test: (value: unknown) => boolean): Tri {
    if (values === UNKNOWN) {
        return UNKNOWN;
    }
    if (values.some((v) => v !== UNKNOWN && test(v))) {
        return true;
    }
    return values.some((v) => v === UNKNOWN) ? UNKNOWN : false;
}

function principalIsEveryone(statement: unknown, reading: Reading): Tri {
    const principal = field(statement, "Principal", reading);
    if (principal === UNKNOWN) {
        return UNKNOWN;
    }
    if (typeof principal === "string") {
        return principal.trim() === "*";
    }
    return anyOf(reading.elements(field(principal, "AWS", reading)), (v) => typeof v === "string" && v.trim() === "*");
}

function actionIsAllOfS3(statement: unknown, reading: Reading): Tri {
    return anyOf(reading.elements(field(statement, "Action", reading)), (v) => ["*", "s3:*"].includes(lowerTrim(v) ?? ""));
}

function resourceCoversObjects(statement: unknown, reading: Reading): Tri {
    return anyOf(reading.elements(field(statement, "Resource", reading)), (v) => typeof v === "string" && v.trim().endsWith("*"));
}

type ConditionForm =
    { kind: "secure-transport" | "tls-version-if-exists" | "tls-version"; text: string } | { kind: "other"; text: string } | Unknown;

function numberOf(value: unknown): number | undefined {
    const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value.trim()) : NaN;
    return Number.isFinite(n) ? n : undefined;
}

/** The transport condition of a statement, if its Condition is exactly one transport test. */
function conditionForm(statement: unknown, reading: Reading): ConditionForm | undefined {
    const condition = field(statement, "Condition", reading);
    if (condition === UNKNOWN) {
        return UNKNOWN;
    }
    const operators = keysOf(condition);
    if (operators.length !== 1) {
        return operators.length === 0 ? undefined : { kind: "other", text: `${operators.length} condition operators` };
    }
    const operator = operators[0];
    const tests = reading.get(condition, operator);
    if (tests === UNKNOWN) {
        return UNKNOWN;
    }
    const keys = keysOf(tests);
    if (keys.length !== 1) {
        return { kind: "other", text: `${operator} with ${keys.length} keys` };
    }
    const key = keys[0];
    const values = reading.elements(reading.get(tests, key));
    if (values === UNKNOWN || values.some((v) => v === UNKNOWN)) {
        return UNKNOWN;
    }
    const op = operator.toLowerCase();
    const k = key.toLowerCase();
    const text = `${operator} ${key} ${JSON.stringify(values)}`;
    if ((op === "bool" || op === "boolifexists") && k === "aws:securetransport") {
        return values.some((v) => v === false || lowerTrim(v) === "false") ? { kind: "secure-transport", text } : { kind: "other", text };
    }
    if ((op === "numericlessthan" || op === "numericlessthanifexists") && k === "s3:tlsversion") {
        const highest = Math.max(...values.map((v) => numberOf(v) ?? -Infinity));
        if (highest < 1.2) {
            return { kind: "other", text };
        }
        return { kind: op === "numericlessthan" ? "tls-version" : "tls-version-if-exists", text };
    }
    return { kind: "other", text };
}

type StatementVerdict = { kind: "denies"; form: string } | { kind: "no"; why?: string } | { kind: "undecided" };

function judgeStatement(statement: unknown, options: TransportOptions, reading: Reading): StatementVerdict {
    if (statement === UNKNOWN) {
        return { kind: "undecided" };
    }
    const effect = field(statement, "Effect", reading);
    if (effect === UNKNOWN) {
        return { kind: "undecided" };
    }
    if (lowerTrim(effect) !== "deny") {
        return { kind: "no" };
    }
    const form = conditionForm(statement, reading);
    if (form === undefined) {
        return { kind: "no" };
    }
    if (form !== UNKNOWN && form.kind === "other") {
        return { kind: "no" };
    }
    const problems: string[] = [];
    let undecided = form === UNKNOWN;
    for (const negated of ["NotPrincipal", "NotAction", "NotResource"]) {
        const value = field(statement, negated, reading);
        if (value === UNKNOWN) {
            undecided = true;
        } else if (value !== undefined) {
            problems.push(`it uses ${negated}`);
        }
    }
    const checks: [Tri, string][] = [
        [principalIsEveryone(statement, reading), `its Principal is not "*"`],
        [actionIsAllOfS3(statement, reading), `its Action is not "s3:*"`],
        [resourceCoversObjects(statement, reading), `its Resource does not cover the bucket's objects ("arn:aws:s3:::<bucket>/*")`],
    ];
    for (const [verdict, problem] of checks) {
        if (verdict === UNKNOWN) {
            undecided = true;
        } else if (!verdict) {
            problems.push(problem);
        }
    }
    if (form !== UNKNOWN && form.kind === "tls-version" && !options.acceptTlsVersionDenyAlone) {
        problems.push(
            `its condition ${form.text} does not match plain-HTTP requests, which carry no s3:TlsVersion (use NumericLessThanIfExists, or add a Bool aws:SecureTransport "false" deny)`,
        );
    }
    if (problems.length > 0) {
        return { kind: "no", why: problems.join(", ") };
    }
    if (undecided || form === UNKNOWN) {
        return { kind: "undecided" };
    }
    return { kind: "denies", form: form.text };
}

/** Judges a bucket policy document (JSON text or object, possibly UNKNOWN). */
export function judgeTransport(document: unknown, options: TransportOptions, reading: Reading): TransportVerdict {
    const parsed = parseDocument(document);
    if (parsed === UNKNOWN) {
        return { kind: "undecided" };
    }
    if (parsed === undefined) {
        return { kind: "allows-insecure", why: "its policy is not a JSON policy document" };
    }
    const statements = reading.elements(field(parsed, "Statement", reading));
    if (statements === UNKNOWN) {
        return { kind: "undecided" };
    }
    const near: string[] = [];
    let undecided = false;
    for (const statement of statements) {
        const verdict = judgeStatement(statement, options, reading);
        if (verdict.kind === "denies") {
            return { kind: "denies-insecure", form: verdict.form };
        }
        if (verdict.kind === "undecided") {
            undecided = true;
        } else if (verdict.why !== undefined) {
            near.push(verdict.why);
        }
    }
    if (undecided) {
        return { kind: "undecided" };
    }
    return {
        kind: "allows-insecure",
        why:
            near.length > 0
                ? `its transport deny does not count: ${near.join("; ")}`
                : `it has no statement that denies s3:* to every principal when aws:SecureTransport is "false"`,
    };
}
