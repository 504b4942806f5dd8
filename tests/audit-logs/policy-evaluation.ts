// A small evaluator of resource policies (bucket and key policies) for the tests: enough of IAM's
// logic to ask "would AWS allow this request under this policy alone?" so that tests state
// decisions ("break-glass cannot delete a log") rather than only the shape of statements.
//
// Covered: Principal "*", {AWS: [...]} (an account root stands for every principal of its account),
// {Service: ...}; Action and Resource globs (`*`, `?`); the condition operators the audit-log
// policies use (String*, Arn*, Bool, Numeric*, each with IfExists), ANDed across operators and
// keys, ORed across values; an explicit Deny wins over any Allow; no matching Allow is an implicit
// deny. Not covered (not used here): NotPrincipal, NotAction, NotResource, policy variables.

export interface PolicyRequest {
    /** An IAM principal ARN (role, root, user) or a service principal. */
    readonly principal: { readonly arn: string } | { readonly service: string };
    readonly action: string;
    /** The resource ARN; `*` in key policies means the key itself. */
    readonly resource: string;
    /** Request context; aws:PrincipalArn, aws:PrincipalIsAWSService, aws:SecureTransport and s3:TlsVersion are filled in unless given. */
    readonly context?: Readonly<Record<string, string | undefined>>;
}

export type Decision = "allow" | "explicit-deny" | "implicit-deny";

interface Statement {
    Sid?: string;
    Effect: string;
    Principal?: unknown;
    Action?: unknown;
    Resource?: unknown;
    Condition?: Record<string, Record<string, unknown>>;
}

/** A policy element as a list of strings (an element is a string or a list of strings). */
const list = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));

/** IAM's glob over the whole value: `*` any run of characters, `?` one character. */
export function globMatches(pattern: string, value: string, caseInsensitive = false): boolean {
    const source = pattern
        .split("")
        .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\/]/g, "\\$&")))
        .join("");
    return new RegExp(`^${source}$`, caseInsensitive ? "i" : "").test(value);
}

function principalMatches(principal: unknown, request: PolicyRequest): boolean {
    if (principal === "*") {
        return true;
    }
    if (principal === null || typeof principal !== "object") {
        return false;
    }
    const p = principal as { AWS?: unknown; Service?: unknown };
    if ("service" in request.principal) {
        return list(p.Service).includes(request.principal.service);
    }
    const arn = request.principal.arn;
    const account = /^arn:aws:iam::(\d{12}):/.exec(arn)?.[1];
    return list(p.AWS).some((named) => named === "*" || named === arn || (account !== undefined && named === `arn:aws:iam::${account}:root`));
}

function contextOf(request: PolicyRequest): Record<string, string | undefined> {
    const isService = "service" in request.principal;
    return {
        "aws:SecureTransport": "true",
        "s3:TlsVersion": "1.3",
        "aws:PrincipalIsAWSService": isService ? "true" : "false",
        ...(isService ? {} : { "aws:PrincipalArn": request.principal.arn }),
        ...request.context,
    };
}

function conditionHolds(operator: string, key: string, expected: string[], context: Record<string, string | undefined>): boolean {
    const ifExists = operator.endsWith("IfExists");
    const op = ifExists ? operator.slice(0, -"IfExists".length) : operator;
    const actual = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    const negated = /Not/.test(op) && op !== "Null";
    if (actual === undefined) {
        // A missing key: IfExists and negated operators match, the others do not.
        return ifExists || negated;
    }
    switch (op) {
        case "StringEquals":
            return expected.includes(actual);
        case "StringNotEquals":
            return !expected.includes(actual);
        case "StringLike":
            return expected.some((e) => globMatches(e, actual));
        case "StringNotLike":
            return !expected.some((e) => globMatches(e, actual));
        case "ArnEquals":
        case "ArnLike":
            return expected.some((e) => globMatches(e, actual));
        case "ArnNotEquals":
        case "ArnNotLike":
            return !expected.some((e) => globMatches(e, actual));
        case "Bool":
            return expected.some((e) => e.toLowerCase() === actual.toLowerCase());
        case "NumericLessThan":
            return expected.some((e) => Number(actual) < Number(e));
        default:
            throw new Error(`the test evaluator does not know the condition operator ${operator}`);
    }
}

function statementMatches(statement: Statement, request: PolicyRequest): boolean {
    const context = contextOf(request);
    const resources = list(statement.Resource);
    return (
        principalMatches(statement.Principal, request) &&
        list(statement.Action).some((a) => globMatches(a, request.action, true)) &&
        resources.some((r) => r === "*" || globMatches(r, request.resource)) &&
        Object.entries(statement.Condition ?? {}).every(([operator, tests]) =>
            Object.entries(tests).every(([key, values]) => conditionHolds(operator, key, list(values), context)),
        )
    );
}

/** What the policy alone decides for the request. */
export function decide(policy: { Statement: readonly unknown[] }, request: PolicyRequest): Decision {
    const matching = (policy.Statement as Statement[]).filter((s) => statementMatches(s, request));
    if (matching.some((s) => s.Effect === "Deny")) {
        return "explicit-deny";
    }
    return matching.some((s) => s.Effect === "Allow") ? "allow" : "implicit-deny";
}

/** The Sids of the statements that match the request (for messages). */
export function matchingSids(policy: { Statement: readonly unknown[] }, request: PolicyRequest): string[] {
    return (policy.Statement as Statement[]).filter((s) => statementMatches(s, request)).map((s) => s.Sid ?? "(no Sid)");
}
