/**
 * A small evaluator of IAM policies, written for the tests so that "break-glass cannot delete a
 * log" or "the security team can read but not delete audit logs" is decided by IAM's rules rather
 * than by looking for a statement. It reads identity-based policies (statements without
 * `Principal`, which apply to whoever makes the request) and resource-based policies (bucket and
 * key policies: statements with `Principal`, which apply when it names the request's principal),
 * each on its own or several together; no SCPs, boundaries or session policies:
 *
 * - a request is denied if any statement that applies to it denies it (explicit deny wins);
 * - otherwise allowed if any statement that applies allows it; otherwise denied implicitly;
 * - a statement applies when its `Principal` names the request's principal (if it has one), its
 *   `Action` matches (or its `NotAction` does not), its `Resource` matches (or its `NotResource`
 *   does not), and every condition holds;
 * - principals: `*`, `{AWS: …}` (`*`, an ARN, or an account root, which stands for every principal
 *   of its account) and `{Service: …}`;
 * - action names match case-insensitively, `*` any run of characters and `?` one character;
 *   resource ARNs match case-sensitively with the same wildcards, `*` crossing `:` and `/`.
 *
 * Conditions: the operators of `CONDITION_OPERATORS`, each also with `IfExists`, over
 * single-valued context keys, ANDed across operators and keys and ORed across values. A condition
 * key missing from the request makes an `IfExists` or negated (`…Not…`) operator true and the
 * others false. The request's context is filled in as a request over TLS 1.3
 * (`aws:SecureTransport`, `s3:TlsVersion`) and, for a request with a principal, with
 * `aws:PrincipalArn` and `aws:PrincipalIsAWSService`, unless the request gives them.
 *
 * Any other operator, a set (`ForAnyValue:`) form, `NotPrincipal`, another kind of principal, a
 * policy variable (`${…}`) or a malformed statement throws instead of guessing, so a test never
 * passes on a misread.
 */

import { listOf } from "./policy-reading";

type Element = string | readonly string[];

export interface Statement {
    readonly Sid?: string;
    readonly Effect: string;
    readonly Principal?: unknown;
    readonly NotPrincipal?: unknown;
    readonly Action?: Element;
    readonly NotAction?: Element;
    readonly Resource?: Element;
    readonly NotResource?: Element;
    readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface PolicyDocument {
    readonly Version?: string;
    readonly Statement: readonly Statement[];
}

export interface PolicyRequest {
    /** Who asks: an IAM principal ARN (role, root, user) or a service principal; needed by statements with a `Principal`. */
    readonly principal?: { readonly arn: string } | { readonly service: string };
    /** `service:Action`, in any case. */
    readonly action: string;
    /** The resource ARN the request is about (`*` for actions without resource-level permissions; in a key policy, the key). */
    readonly resource: string;
    /** Condition keys of the request (e.g. `kms:ViaService`); absent or undefined keys are missing from the request. */
    readonly context?: Readonly<Record<string, string | undefined>>;
}

export type Decision = "Allow" | "ExplicitDeny" | "ImplicitDeny";

const where = (s: Statement): string => `statement ${s.Sid ?? "?"}`;

/** A glob with `*` and `?` as a regular expression; case-insensitive for actions. */
function globRegExp(glob: string, caseInsensitive: boolean): RegExp {
    if (glob.includes("${")) {
        throw new Error(`policy variable in ${glob}: not supported by this evaluator`);
    }
    const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${body}$`, caseInsensitive ? "is" : "s");
}

export function actionMatches(pattern: string, action: string): boolean {
    return globRegExp(pattern, true).test(action);
}

/** IAM's matching of a resource ARN (and of `ArnLike` / `StringLike` values): case-sensitive, `*` any run, `?` one character. */
export function resourceMatches(pattern: string, resource: string): boolean {
    return globRegExp(pattern, false).test(resource);
}

/** Each operator as the positive comparison of one expected value with the request's value; negated operators invert it. */
const CONDITION_OPERATORS: Readonly<Record<string, (expected: string, actual: string) => boolean>> = {
    StringEquals: (e, a) => e === a,
    StringNotEquals: (e, a) => e === a,
    StringEqualsIgnoreCase: (e, a) => e.toLowerCase() === a.toLowerCase(),
    StringNotEqualsIgnoreCase: (e, a) => e.toLowerCase() === a.toLowerCase(),
    StringLike: (e, a) => resourceMatches(e, a),
    StringNotLike: (e, a) => resourceMatches(e, a),
    // ArnEquals and ArnLike are the same operator in IAM: both take wildcards.
    ArnEquals: (e, a) => resourceMatches(e, a),
    ArnNotEquals: (e, a) => resourceMatches(e, a),
    ArnLike: (e, a) => resourceMatches(e, a),
    ArnNotLike: (e, a) => resourceMatches(e, a),
    Bool: (e, a) => e.toLowerCase() === a.toLowerCase(),
    NumericLessThan: (e, a) => Number(a) < Number(e),
};

/** A condition's values as strings (booleans and numbers as IAM reads them). */
function conditionValues(s: Statement, key: string, values: unknown): string[] {
    return (Array.isArray(values) ? (values as unknown[]) : [values]).map((value) => {
        if (typeof value === "boolean" || typeof value === "number") {
            return String(value);
        }
        if (typeof value !== "string") {
            throw new Error(`${where(s)}: condition value of ${key} is not a string: ${JSON.stringify(value)}`);
        }
        if (value.includes("${")) {
            throw new Error(`policy variable in ${value}: not supported by this evaluator`);
        }
        return value;
    });
}

/** Whether every condition of the statement holds in this context (operators AND, keys AND, values OR). */
function conditionsHold(s: Statement, context: Readonly<Record<string, string | undefined>>): boolean {
    return Object.entries(s.Condition ?? {}).every(([operator, keys]) => {
        const ifExists = operator.endsWith("IfExists");
        const compare = CONDITION_OPERATORS[ifExists ? operator.slice(0, -"IfExists".length) : operator];
        if (compare === undefined) {
            throw new Error(`condition operator ${operator}: not supported by this evaluator`);
        }
        const negated = operator.includes("Not");
        return Object.entries(keys).every(([key, values]) => {
            const expected = conditionValues(s, key, values);
            const actual = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
            if (actual === undefined) {
                return ifExists || negated;
            }
            const matched = expected.some((e) => compare(e, actual));
            return negated ? !matched : matched;
        });
    });
}

/** The request's context with what IAM fills in itself, unless the request says otherwise. */
function contextOf(request: PolicyRequest): Readonly<Record<string, string | undefined>> {
    const principal = request.principal;
    return {
        "aws:SecureTransport": "true",
        "s3:TlsVersion": "1.3",
        ...(principal === undefined ? {} : "service" in principal ? { "aws:PrincipalIsAWSService": "true" } : { "aws:PrincipalIsAWSService": "false", "aws:PrincipalArn": principal.arn }),
        ...request.context,
    };
}

/** Whether a resource-based statement's `Principal` names the request's principal. */
function principalMatches(s: Statement, request: PolicyRequest): boolean {
    const principal = request.principal;
    if (principal === undefined) {
        throw new Error(`${where(s)} names a Principal: the request needs a principal`);
    }
    if (s.Principal === "*") {
        return true;
    }
    if (s.Principal === null || typeof s.Principal !== "object" || Object.keys(s.Principal).some((kind) => kind !== "AWS" && kind !== "Service")) {
        throw new Error(`${where(s)}: Principal ${JSON.stringify(s.Principal)} not supported by this evaluator`);
    }
    const named = s.Principal as { readonly AWS?: Element; readonly Service?: Element };
    if ("service" in principal) {
        return listOf(named.Service).includes(principal.service);
    }
    const account = /^arn:aws:iam::(\d{12}):/.exec(principal.arn)?.[1];
    return listOf(named.AWS).some((arn) => arn === "*" || arn === principal.arn || (account !== undefined && arn === `arn:aws:iam::${account}:root`));
}

/** Throws on a statement this evaluator cannot read faithfully (so a test never passes on a misread). */
function checkStatement(s: Statement): void {
    if (s.Effect !== "Allow" && s.Effect !== "Deny") {
        throw new Error(`${where(s)}: Effect ${String(s.Effect)}`);
    }
    if ((s.Action === undefined) === (s.NotAction === undefined)) {
        throw new Error(`${where(s)}: needs exactly one of Action and NotAction`);
    }
    if ((s.Resource === undefined) === (s.NotResource === undefined)) {
        throw new Error(`${where(s)}: needs exactly one of Resource and NotResource`);
    }
    if ("NotPrincipal" in s) {
        throw new Error(`${where(s)}: NotPrincipal not supported by this evaluator`);
    }
}

/** Whether the statement applies to the request. */
function statementApplies(s: Statement, request: PolicyRequest): boolean {
    checkStatement(s);
    if ("Principal" in s && !principalMatches(s, request)) {
        return false;
    }
    const actionHit = s.Action !== undefined ? listOf(s.Action).some((p) => actionMatches(p, request.action)) : !listOf(s.NotAction).some((p) => actionMatches(p, request.action));
    if (!actionHit) {
        return false;
    }
    const resourceHit =
        s.Resource !== undefined ? listOf(s.Resource).some((p) => resourceMatches(p, request.resource)) : !listOf(s.NotResource).some((p) => resourceMatches(p, request.resource));
    if (!resourceHit) {
        return false;
    }
    return conditionsHold(s, contextOf(request));
}

/** The statements of these policies that apply to the request. */
const applying = (policies: readonly PolicyDocument[], request: PolicyRequest): Statement[] => policies.flatMap((p) => p.Statement).filter((s) => statementApplies(s, request));

/** The decision of IAM over these policies for the request. */
export function evaluate(policies: readonly PolicyDocument[], request: PolicyRequest): Decision {
    const statements = applying(policies, request);
    if (statements.some((s) => s.Effect === "Deny")) {
        return "ExplicitDeny";
    }
    return statements.some((s) => s.Effect === "Allow") ? "Allow" : "ImplicitDeny";
}

/** The statements that decided an explicit deny or an allow, by Sid, for assertion messages. */
export function decidingSids(policies: readonly PolicyDocument[], request: PolicyRequest): string[] {
    const statements = applying(policies, request);
    const deny = statements.filter((s) => s.Effect === "Deny");
    return (deny.length > 0 ? deny : statements).map((s) => s.Sid ?? "(no Sid)");
}
