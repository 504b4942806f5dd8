// One normalised reader of IAM policy documents, for every policy that judges one (trust, identity
// and resource policies). A document arrives as JSON text, as an object (the SDK's proxy during
// preview, where any leaf may be unknown), or as an `aws.iam.getPolicyDocument` result (an object
// whose `json` is the document's text). Read defensively: `Statement` is an object or an array,
// `Principal` "*", a list or a map (AWS, Service, Federated, CanonicalUser), `Action`/`Resource`
// and condition values a string or a list; element names, condition operators and condition keys
// are matched case-insensitively, as IAM does. Nothing here throws on odd input; a leaf unknown
// during preview stays UNKNOWN, so a judge can answer "undecided" rather than "passes".

import { Reading, Unknown, UNKNOWN } from "../known";

export type Tri = boolean | Unknown;

/** A list read from a document: UNKNOWN as a whole, or elements of which any may be UNKNOWN. */
export type Values = readonly (string | Unknown)[] | Unknown;

/** One principal block entry: `{"AWS": [...]}` gives kind "AWS". */
export interface PrincipalEntry {
    kind: string;
    values: Values;
}

/** `"*"`, or the entries of a principal map; undefined when the statement has none. */
export type Principals = "*" | readonly PrincipalEntry[] | undefined | Unknown;

/** One test of a condition block: `"ForAnyValue:StringLikeIfExists": {"Key": [...]}`. */
export interface Condition {
    /** The operator as written. */
    raw: string;
    /** The base operator, lowercased, without set prefix and IfExists suffix: "stringlike". */
    operator: string;
    ifExists: boolean;
    forAllValues: boolean;
    forAnyValue: boolean;
    /** The condition key, lowercased (IAM matches keys case-insensitively); UNKNOWN when the operator's block is. */
    key: string | Unknown;
    values: Values;
}

export interface Statement {
    sid: string | undefined;
    /** "allow" or "deny" (lowercased), another string when malformed, undefined when missing. */
    effect: string | undefined | Unknown;
    principals: Principals;
    notPrincipal: Principals;
    actions: Values | undefined;
    notActions: Values | undefined;
    resources: Values | undefined;
    notResources: Values | undefined;
    conditions: readonly Condition[] | Unknown;
}

export type PolicyDocument =
    { kind: "document"; statements: readonly (Statement | Unknown)[] } | { kind: "unknown" } | { kind: "malformed"; why: string };

/** `holder[name]`, matching the key case-insensitively when there is no exact match. */
export function field(holder: unknown, name: string, reading: Reading): unknown {
    if (holder === null || typeof holder !== "object" || Array.isArray(holder)) {
        return undefined;
    }
    const exact = reading.get(holder, name);
    if (exact !== undefined) {
        return exact;
    }
    const lower = name.toLowerCase();
    const key = keysOf(holder).find((k) => k.toLowerCase() === lower);
    return key === undefined ? undefined : reading.get(holder, key);
}

/** The own keys of an object (none for anything else). */
export function keysOf(holder: unknown): string[] {
    return holder !== null && typeof holder === "object" && !Array.isArray(holder) ? Object.keys(holder) : [];
}

/** Parses JSON text; objects pass through; UNKNOWN stays UNKNOWN; anything else (text that is not a JSON object too) is undefined. */
export function parseDocument(value: unknown): unknown {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    let parsed = value;
    if (typeof value === "string") {
        try {
            parsed = JSON.parse(value) as unknown;
        } catch {
            return undefined;
        }
    }
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : undefined;
}

/** Scalars as IAM reads them (condition values may be booleans or numbers); anything else is dropped. */
function scalar(value: unknown): string | Unknown | undefined {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (typeof value === "string") {
        return value.trim();
    }
    return typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

function valuesOf(value: unknown, reading: Reading): Values {
    const elements = reading.elements(value);
    if (elements === UNKNOWN) {
        return UNKNOWN;
    }
    return elements.map((e) => scalar(e)).filter((e): e is string | Unknown => e !== undefined);
}

function optionalValues(holder: unknown, name: string, reading: Reading): Values | undefined {
    const value = field(holder, name, reading);
    return value === undefined || value === null ? undefined : valuesOf(value, reading);
}

const PRINCIPAL_KINDS = ["AWS", "Service", "Federated", "CanonicalUser"];

function principalsOf(holder: unknown, name: string, reading: Reading): Principals {
    const value = field(holder, name, reading);
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value === "string" && value.trim() === "*") {
        return "*";
    }
    if (typeof value !== "object" || Array.isArray(value)) {
        // IAM accepts only "*" or a map; a bare ARN or list is read as AWS principals.
        return [{ kind: "AWS", values: valuesOf(value, reading) }];
    }
    return keysOf(value).map((key) => ({
        kind: PRINCIPAL_KINDS.find((k) => k.toLowerCase() === key.trim().toLowerCase()) ?? key,
        values: valuesOf(reading.get(value, key), reading),
    }));
}

function conditionOf(raw: string, key: string | Unknown, values: Values): Condition {
    let operator = raw.trim().toLowerCase();
    const forAllValues = operator.startsWith("forallvalues:");
    const forAnyValue = operator.startsWith("foranyvalue:");
    if (forAllValues || forAnyValue) {
        operator = operator.slice(operator.indexOf(":") + 1);
    }
    const ifExists = operator.endsWith("ifexists");
    if (ifExists) {
        operator = operator.slice(0, -"ifexists".length);
    }
    return { raw, operator, ifExists, forAllValues, forAnyValue, key: key === UNKNOWN ? UNKNOWN : key.trim().toLowerCase(), values };
}

function conditionsOf(statement: unknown, reading: Reading): readonly Condition[] | Unknown {
    const block = field(statement, "Condition", reading);
    if (block === UNKNOWN) {
        return UNKNOWN;
    }
    const conditions: Condition[] = [];
    for (const raw of keysOf(block)) {
        const tests = reading.get(block, raw);
        if (tests === UNKNOWN) {
            conditions.push(conditionOf(raw, UNKNOWN, UNKNOWN));
            continue;
        }
        for (const key of keysOf(tests)) {
            conditions.push(conditionOf(raw, key, valuesOf(reading.get(tests, key), reading)));
        }
    }
    return conditions;
}

function statementOf(value: unknown, reading: Reading): Statement | Unknown {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    const effect = field(value, "Effect", reading);
    const sid = field(value, "Sid", reading);
    return {
        sid: typeof sid === "string" ? sid : undefined,
        effect: effect === UNKNOWN ? UNKNOWN : typeof effect === "string" ? effect.trim().toLowerCase() : undefined,
        principals: principalsOf(value, "Principal", reading),
        notPrincipal: principalsOf(value, "NotPrincipal", reading),
        actions: optionalValues(value, "Action", reading),
        notActions: optionalValues(value, "NotAction", reading),
        resources: optionalValues(value, "Resource", reading),
        notResources: optionalValues(value, "NotResource", reading),
        conditions: conditionsOf(value, reading),
    };
}

/**
 * Reads a policy document: JSON text, an object, or a `getPolicyDocument` result (`{ json }`).
 * UNKNOWN (or an unknown `Statement`) reads as "unknown"; text that is not JSON, or a value that
 * is no object, as "malformed".
 */
export function readPolicyDocument(value: unknown, reading: Reading): PolicyDocument {
    let parsed = parseDocument(value);
    if (parsed !== UNKNOWN && parsed !== undefined && field(parsed, "Statement", reading) === undefined) {
        const json = field(parsed, "json", reading);
        if (json !== undefined) {
            parsed = parseDocument(json);
        }
    }
    if (parsed === UNKNOWN) {
        return { kind: "unknown" };
    }
    if (parsed === undefined) {
        return { kind: "malformed", why: "it is not a JSON policy document" };
    }
    const statements = reading.elements(field(parsed, "Statement", reading));
    if (statements === UNKNOWN) {
        return { kind: "unknown" };
    }
    return { kind: "document", statements: statements.map((s) => statementOf(s, reading)) };
}

// ---- matching ---------------------------------------------------------------------------------

/** IAM's wildcard match (`*` any run, `?` one character), case-insensitive; linear, no regex. */
export function wildcardMatches(pattern: string, text: string): boolean {
    const p = pattern.toLowerCase();
    const t = text.toLowerCase();
    let pi = 0;
    let ti = 0;
    let star = -1;
    let mark = 0;
    while (ti < t.length) {
        if (pi < p.length && (p[pi] === "?" || p[pi] === t[ti])) {
            pi++;
            ti++;
        } else if (pi < p.length && p[pi] === "*") {
            star = pi++;
            mark = ti;
        } else if (star >= 0) {
            pi = star + 1;
            ti = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.length && p[pi] === "*") {
        pi++;
    }
    return pi === p.length;
}

/** Some value satisfies `test`: true; none but some are unknown: UNKNOWN; else false. */
export function anyValue(values: Values | undefined, test: (value: string) => boolean): Tri {
    if (values === undefined) {
        return false;
    }
    if (values === UNKNOWN) {
        return UNKNOWN;
    }
    if (values.some((v) => v !== UNKNOWN && test(v))) {
        return true;
    }
    return values.some((v) => v === UNKNOWN) ? UNKNOWN : false;
}

function not(value: Tri): Tri {
    return value === UNKNOWN ? UNKNOWN : !value;
}

/** Whether the statement's Action (or NotAction) covers `action`, e.g. "sts:AssumeRole". */
export function coversAction(statement: Statement, action: string): Tri {
    if (statement.notActions !== undefined) {
        return not(anyValue(statement.notActions, (pattern) => wildcardMatches(pattern, action)));
    }
    return anyValue(statement.actions, (pattern) => wildcardMatches(pattern, action));
}

/**
 * Whether the statement's Resource covers `*`, or its NotResource leaves all but a few named
 * resources (only a NotResource of `*` excludes everything).
 */
export function coversEveryResource(statement: Statement): Tri {
    if (statement.notResources !== undefined) {
        return not(anyValue(statement.notResources, (pattern) => pattern === "*"));
    }
    return anyValue(statement.resources, (pattern) => pattern === "*");
}

/** Whether the statement's effect is Allow (UNKNOWN when the effect is unknown). */
export function isAllow(statement: Statement): Tri {
    return statement.effect === UNKNOWN ? UNKNOWN : statement.effect === "allow";
}

/** Whether a principal block names everyone: `"*"` or `{"AWS": "*"}`. */
export function principalIsAnyone(principals: Principals): Tri {
    if (principals === UNKNOWN) {
        return UNKNOWN;
    }
    if (principals === undefined) {
        return false;
    }
    if (principals === "*") {
        return true;
    }
    let unknown = false;
    for (const entry of principals) {
        if (entry.kind !== "AWS") {
            continue;
        }
        const anyone = anyValue(entry.values, (v) => v === "*");
        if (anyone === true) {
            return true;
        }
        unknown ||= anyone === UNKNOWN;
    }
    return unknown ? UNKNOWN : false;
}

/** The values of a principal block's entries of one kind (AWS, Service, Federated, CanonicalUser). */
export function principalsOfKind(principals: Principals, kind: string): Values {
    if (principals === UNKNOWN) {
        return UNKNOWN;
    }
    if (principals === undefined || principals === "*") {
        return [];
    }
    const out: (string | Unknown)[] = [];
    for (const entry of principals.filter((e) => e.kind === kind)) {
        if (entry.values === UNKNOWN) {
            return UNKNOWN;
        }
        out.push(...entry.values);
    }
    return out;
}

/** The conditions of a statement on one key (case-insensitive); UNKNOWN when some key is unknown. */
export function conditionsOn(statement: Statement, key: string): readonly Condition[] | Unknown {
    if (statement.conditions === UNKNOWN || statement.conditions.some((c) => c.key === UNKNOWN)) {
        return UNKNOWN;
    }
    const lower = key.toLowerCase();
    return statement.conditions.filter((c) => c.key === lower);
}

/**
 * Condition keys that tie a request to the owner's organisation, account, source resource or
 * network: a statement open to everyone is closed again by one of them.
 */
export const RESTRICTING_KEYS: readonly string[] = [
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalAccount",
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceVpce",
    "aws:SourceVpc",
    "aws:SourceOrgID",
    // The older spelling of aws:SourceAccount that SNS still writes into every topic's default policy.
    "aws:SourceOwner",
];

const RESTRICTING_OPERATORS = new Set(["stringequals", "stringlike", "arnequals", "arnlike"]);

/** A value that matches anything (`*`, `?*`, …) restricts nothing. */
function isAllWildcard(value: string): boolean {
    return /^[*?]*$/.test(value) && value.includes("*");
}

/**
 * Whether a condition restricts a statement to the owner's scope: a positive string or ARN
 * match on a restricting key with concrete values. IfExists variants do not restrict (a request
 * without the key passes), nor do set operators (ForAllValues matches a request without the key;
 * AWS advises against both on these single-valued keys), nor a value that is itself a wildcard.
 */
export function conditionRestricts(condition: Condition): Tri {
    if (condition.key === UNKNOWN) {
        return UNKNOWN;
    }
    const key = condition.key;
    if (!RESTRICTING_KEYS.some((k) => k.toLowerCase() === key)) {
        return false;
    }
    if (!RESTRICTING_OPERATORS.has(condition.operator) || condition.ifExists || condition.forAllValues || condition.forAnyValue) {
        return false;
    }
    if (condition.values === UNKNOWN || condition.values.some((v) => v === UNKNOWN)) {
        return UNKNOWN;
    }
    const values = condition.values as readonly string[];
    return values.length > 0 && values.every((v) => v !== "" && !isAllWildcard(v));
}

/** Whether some condition of the statement restricts it (see conditionRestricts). */
export function hasRestrictingCondition(statement: Statement): Tri {
    if (statement.conditions === UNKNOWN) {
        return UNKNOWN;
    }
    let unknown = false;
    for (const condition of statement.conditions) {
        const restricts = conditionRestricts(condition);
        if (restricts === true) {
            return true;
        }
        unknown ||= restricts === UNKNOWN;
    }
    return unknown ? UNKNOWN : false;
}

/**
 * Does this statement admit anyone? An Allow to `"*"`, `{"AWS": "*"}` or through NotPrincipal
 * (everyone but the named), with no restricting condition. UNKNOWN when an unknown leaf could
 * change the answer.
 */
export function admitsAnyone(statement: Statement | Unknown): Tri {
    if (statement === UNKNOWN) {
        return UNKNOWN;
    }
    const allow = isAllow(statement);
    if (allow === false) {
        return false;
    }
    const open =
        statement.notPrincipal !== undefined
            ? statement.notPrincipal === UNKNOWN
                ? UNKNOWN
                : true
            : principalIsAnyone(statement.principals);
    if (open === false) {
        return false;
    }
    const restricted = hasRestrictingCondition(statement);
    if (restricted === true) {
        return false;
    }
    return allow === UNKNOWN || open === UNKNOWN || restricted === UNKNOWN ? UNKNOWN : true;
}
