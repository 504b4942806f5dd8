/**
 * An evaluator of IAM policies, following AWS's documented policy evaluation logic, so that "a
 * developer cannot update the responder's code" or "the security team can read but not delete
 * audit logs" is decided by IAM's rules rather than by looking for a statement.
 *
 * One set of policies (`evaluate`): identity-based statements (no `Principal`; they apply to
 * whoever asks) and resource-based ones (`Principal` or `NotPrincipal`; they apply when it names
 * the request's principal), each on its own or several together:
 * - a request is denied if any statement that applies to it denies it (explicit deny wins);
 * - otherwise allowed if any statement that applies allows it; otherwise denied implicitly;
 * - a statement applies when its principal matches, its `Action` matches (or `NotAction` does
 *   not), its `Resource` matches (or `NotResource` does not), and every condition holds.
 *
 * A whole request (`authorize`): the principal's identity policies, its permissions boundary, the
 * resource's policy (a key policy for KMS) and the SCPs of every level of the principal's account
 * (root, each OU, the account): an explicit deny in any of them wins; every SCP level must allow
 * (SCPs never bind the management account, service principals nor service-linked roles); then in the same account the
 * identity policy or a resource policy naming the principal allows; across accounts both must;
 * KMS needs the key policy, either naming the principal or delegating to its account (the account
 * root), and then the identity policy too; a boundary must also allow. The root user has every
 * identity permission but stays under SCPs and resource policies.
 *
 * Matching: actions case-insensitively, `*` any run and `?` one character; resource ARNs
 * case-sensitively with the same wildcards, `*` crossing `:` and `/`. Principals: `*`, `{AWS: …}`
 * (`*`, an ARN, an account id or root, which stands for every principal of its account),
 * `{Service: …}` and `{Federated: …}` (a web identity: the identity provider that signed its token). Conditions: every String, Arn, Numeric and Date operator, Bool, Null, IpAddress,
 * each with `IfExists` and the set forms `ForAnyValue:` / `ForAllValues:`; operators AND, keys AND,
 * values OR; a context value may be a list (a multi-valued key such as `aws:TagKeys`). Policy
 * variables (`${aws:PrincipalAccount}`) resolve from the request's context.
 *
 * What it cannot decide (another operator, a policy variable missing from the context, another
 * kind of principal, a malformed statement) makes the decision "Undecided" with the reason, never a
 * deny; with `strict` it throws instead, so a test never passes on a misread.
 */

import * as ipaddr from "ipaddr.js";
import type { OneOrMany, PolicyDocument, PolicyStatement } from "../policy-document";
import { listOf } from "./policy-reading";

/** A condition key's value in a request: one string, or a list for a multi-valued key (`aws:TagKeys`). */
export type ContextValue = string | readonly string[];
export type RequestContext = Readonly<Record<string, ContextValue | undefined>>;

/**
 * Who asks: an IAM principal ARN (role, root, user), a service principal, or a web identity
 * federated through an identity provider (its IAM provider ARN, e.g. GitHub Actions' OIDC provider).
 */
export type RequestPrincipal = { readonly arn: string } | { readonly service: string } | { readonly federated: string };

export interface PolicyRequest {
    /** Who asks; needed by statements with a `Principal`. */
    readonly principal?: RequestPrincipal;
    /** `service:Action`, in any case. */
    readonly action: string;
    /** The resource ARN the request is about (`*` for actions without resource-level permissions; in a key policy, the key). */
    readonly resource: string;
    /** Condition keys of the request (e.g. `kms:ViaService`); absent or undefined keys are missing from the request. */
    readonly context?: RequestContext;
}

export type Decision = "Allow" | "ExplicitDeny" | "ImplicitDeny" | "Undecided";

export interface EvaluationOptions {
    /** Throw on what cannot be decided instead of answering "Undecided" (for tests). */
    readonly strict?: boolean;
}

/** A truth value that may be unknown: `true`, `false`, or why it cannot be decided. */
type Truth = boolean | { readonly undecided: string };

const undecided = (reason: string): Truth => ({ undecided: reason });
const isUndecided = (t: Truth): t is { readonly undecided: string } => typeof t === "object";

/** Kleene AND: false wins, then unknown. */
function all(truths: Iterable<Truth>): Truth {
    let unknown: Truth | undefined;
    for (const t of truths) {
        if (t === false) {
            return false;
        }
        if (isUndecided(t)) {
            unknown ??= t;
        }
    }
    return unknown ?? true;
}

const not = (t: Truth): Truth => (isUndecided(t) ? t : !t);

/** Kleene OR: true wins, then unknown. */
const any = (truths: Iterable<Truth>): Truth => not(all([...truths].map(not)));

const where = (s: PolicyStatement): string => `statement ${s.Sid ?? "?"}`;

// Policies are read thousands of times by the access matrix: each glob compiles once.
const globCache = new Map<string, RegExp>();

/** A glob with `*` and `?` as a regular expression; case-insensitive for actions. */
function globRegExp(glob: string, caseInsensitive: boolean): RegExp {
    const cacheKey = `${caseInsensitive ? "i" : "s"}${glob}`;
    let compiled = globCache.get(cacheKey);
    if (compiled === undefined) {
        const body = glob
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".");
        compiled = new RegExp(`^${body}$`, caseInsensitive ? "is" : "s");
        globCache.set(cacheKey, compiled);
    }
    return compiled;
}

export function actionMatches(pattern: string, action: string): boolean {
    return globRegExp(pattern, true).test(action);
}

/** IAM's matching of a resource ARN (and of `ArnLike` / `StringLike` values): case-sensitive, `*` any run, `?` one character. */
export function resourceMatches(pattern: string, resource: string): boolean {
    return globRegExp(pattern, false).test(resource);
}

/** The context value of a key (condition keys are case-insensitive; tag keys keep their case after the slash). */
function contextValue(context: RequestContext, key: string): readonly string[] | undefined {
    const exact = context[key];
    const found = exact !== undefined ? exact : Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    return found === undefined ? undefined : typeof found === "string" ? [found] : found;
}

/** Replaces `${key}` policy variables from the context; unknown when one is missing or multi-valued. */
function substituteVariables(text: string, context: RequestContext): string | { readonly undecided: string } {
    if (!text.includes("${")) {
        return text;
    }
    let missing: string | undefined;
    const replaced = text.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
        if (name === "*" || name === "?" || name === "$") {
            // IAM's escapes for a literal character in a policy.
            return name === "$" ? "$" : `\\${name}`;
        }
        const value = contextValue(context, name);
        if (value === undefined || value.length !== 1) {
            missing ??= name;
            return "";
        }
        return value[0];
    });
    return missing === undefined ? replaced : { undecided: `policy variable \${${missing}} in ${text}: not in the request's context` };
}

/** A glob after policy variables, with IAM's escaped `*` / `?` taken literally. */
function globMatches(pattern: string, value: string, context: RequestContext, caseInsensitive: boolean): Truth {
    const substituted = substituteVariables(pattern, context);
    if (typeof substituted !== "string") {
        return substituted;
    }
    if (!substituted.includes("\\")) {
        return globRegExp(substituted, caseInsensitive).test(value);
    }
    const body = substituted
        .split(/(\\[*?])/)
        .map((part) =>
            part === "\\*" || part === "\\?"
                ? `\\${part[1]}`
                : part
                      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
                      .replace(/\*/g, ".*")
                      .replace(/\?/g, "."),
        )
        .join("");
    return new RegExp(`^${body}$`, caseInsensitive ? "is" : "s").test(value);
}

type Comparison = (expected: string, actual: string, context: RequestContext) => Truth;

const numberOf = (text: string): number | undefined => (text.trim() === "" || Number.isNaN(Number(text)) ? undefined : Number(text));
/** A date as IAM reads it: ISO 8601 or epoch seconds. */
const dateOf = (text: string): number | undefined =>
    /^\d+$/.test(text) ? Number(text) * 1000 : Number.isNaN(Date.parse(text)) ? undefined : Date.parse(text);

function ordered(read: (text: string) => number | undefined, holds: (actual: number, expected: number) => boolean): Comparison {
    return (e, a) => {
        const [expected, actual] = [read(e), read(a)];
        return expected === undefined || actual === undefined ? undecided(`cannot compare ${a} with ${e}`) : holds(actual, expected);
    };
}

function ipMatches(expected: string, actual: string): Truth {
    try {
        const address = ipaddr.parse(actual);
        const range = expected.includes("/")
            ? ipaddr.parseCIDR(expected)
            : ([ipaddr.parse(expected), address.kind() === "ipv4" ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number]);
        return address.kind() === range[0].kind() && address.match(range);
    } catch {
        return undecided(`cannot read ${actual} or ${expected} as an IP address or range`);
    }
}

/** Each operator as the positive comparison of one expected value with one request value; negated operators invert it. */
const COMPARISONS: Readonly<Record<string, Comparison>> = {
    StringEquals: (e, a, c) => {
        const s = substituteVariables(e, c);
        return typeof s === "string" ? s === a : s;
    },
    StringEqualsIgnoreCase: (e, a, c) => {
        const s = substituteVariables(e, c);
        return typeof s === "string" ? s.toLowerCase() === a.toLowerCase() : s;
    },
    StringLike: (e, a, c) => globMatches(e, a, c, false),
    // ArnEquals and ArnLike are the same operator in IAM: both take wildcards.
    ArnEquals: (e, a, c) => globMatches(e, a, c, false),
    ArnLike: (e, a, c) => globMatches(e, a, c, false),
    Bool: (e, a) => e.toLowerCase() === a.toLowerCase(),
    NumericEquals: ordered(numberOf, (a, e) => a === e),
    NumericLessThan: ordered(numberOf, (a, e) => a < e),
    NumericLessThanEquals: ordered(numberOf, (a, e) => a <= e),
    NumericGreaterThan: ordered(numberOf, (a, e) => a > e),
    NumericGreaterThanEquals: ordered(numberOf, (a, e) => a >= e),
    DateEquals: ordered(dateOf, (a, e) => a === e),
    DateLessThan: ordered(dateOf, (a, e) => a < e),
    DateLessThanEquals: ordered(dateOf, (a, e) => a <= e),
    DateGreaterThan: ordered(dateOf, (a, e) => a > e),
    DateGreaterThanEquals: ordered(dateOf, (a, e) => a >= e),
    IpAddress: (e, a) => ipMatches(e, a),
};

/** The negated operators, by the positive comparison they invert. */
const NEGATIONS: Readonly<Record<string, string>> = {
    StringNotEquals: "StringEquals",
    StringNotEqualsIgnoreCase: "StringEqualsIgnoreCase",
    StringNotLike: "StringLike",
    ArnNotEquals: "ArnEquals",
    ArnNotLike: "ArnLike",
    NumericNotEquals: "NumericEquals",
    DateNotEquals: "DateEquals",
    NotIpAddress: "IpAddress",
};

/** A condition's values as strings (booleans and numbers as IAM reads them). */
function conditionValues(s: PolicyStatement, key: string, values: unknown): string[] | { readonly undecided: string } {
    const list = Array.isArray(values) ? (values as unknown[]) : [values];
    const strings: string[] = [];
    for (const value of list) {
        if (typeof value === "boolean" || typeof value === "number") {
            strings.push(String(value));
        } else if (typeof value === "string") {
            strings.push(value);
        } else {
            return { undecided: `${where(s)}: condition value of ${key} is not a string: ${JSON.stringify(value)}` };
        }
    }
    return strings;
}

/** One operator block (`{ "StringEquals": { key: values, … } }`) of a statement in this context. */
function operatorHolds(s: PolicyStatement, operator: string, keys: Readonly<Record<string, unknown>>, context: RequestContext): Truth {
    const set = /^(ForAnyValue|ForAllValues):(.*)$/.exec(operator);
    const base = set === null ? operator : set[2];
    const ifExists = base.endsWith("IfExists");
    const name = ifExists ? base.slice(0, -"IfExists".length) : base;
    const negated = name in NEGATIONS;
    const compare = name === "Null" ? undefined : COMPARISONS[negated ? NEGATIONS[name] : name];
    if (name !== "Null" && compare === undefined) {
        return undecided(`condition operator ${operator} (${where(s)}): not supported by this evaluator`);
    }
    return all(
        Object.entries(keys).map(([key, values]): Truth => {
            const expected = conditionValues(s, key, values);
            if (!Array.isArray(expected)) {
                return expected;
            }
            const actual = contextValue(context, key);
            if (compare === undefined) {
                // Null: "true" holds when the key is missing, "false" when it is there.
                return any(expected.map((e) => (e.toLowerCase() === "true") === (actual === undefined || actual.length === 0)));
            }
            if (actual === undefined || actual.length === 0) {
                // A missing key: IfExists and negated operators hold, ForAllValues holds vacuously, the rest do not.
                return ifExists || (set === null && negated) || set?.[1] === "ForAllValues";
            }
            const matchesSome = (a: string): Truth => any(expected.map((e) => compare(e, a, context)));
            if (set?.[1] === "ForAllValues") {
                return all(actual.map((a) => (negated ? not(matchesSome(a)) : matchesSome(a))));
            }
            if (set?.[1] === "ForAnyValue") {
                return any(actual.map((a) => (negated ? not(matchesSome(a)) : matchesSome(a))));
            }
            // A single-valued operator over several values: any of them for a positive one, none for a negated one.
            const hit = any(actual.map(matchesSome));
            return negated ? not(hit) : hit;
        }),
    );
}

/** Whether every condition of the statement holds in this context (operators AND, keys AND, values OR). */
function conditionsHold(s: PolicyStatement, context: RequestContext): Truth {
    return all(Object.entries(s.Condition ?? {}).map(([operator, keys]) => operatorHolds(s, operator, keys, context)));
}

/** The account a principal ARN belongs to. */
export const accountOf = (arn: string): string | undefined => /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1];

/** How a `Principal` element names the request's principal: directly, through its account, or not. */
type PrincipalMatch = "direct" | "account" | false | { readonly undecided: string };

function principalMatch(s: PolicyStatement, element: unknown, principal: RequestPrincipal): PrincipalMatch {
    if (element === "*") {
        return "direct";
    }
    if (
        element === null ||
        typeof element !== "object" ||
        Object.keys(element).some((kind) => kind !== "AWS" && kind !== "Service" && kind !== "Federated")
    ) {
        return { undecided: `${where(s)}: Principal ${JSON.stringify(element)} not supported by this evaluator` };
    }
    const named = element as {
        readonly AWS?: OneOrMany<string>;
        readonly Service?: OneOrMany<string>;
        readonly Federated?: OneOrMany<string>;
    };
    if ("service" in principal) {
        return listOf(named.Service).includes(principal.service) ? "direct" : false;
    }
    if ("federated" in principal) {
        return listOf(named.Federated).includes(principal.federated) ? "direct" : false;
    }
    const aws = listOf(named.AWS);
    if (aws.some((arn) => arn === "*" || arn === principal.arn)) {
        return "direct";
    }
    const account = accountOf(principal.arn);
    return account !== undefined && aws.some((arn) => arn === account || arn === `arn:aws:iam::${account}:root`) ? "account" : false;
}

/** Whether a statement names the request's principal (`Principal`), or does not exclude it (`NotPrincipal`). */
function statementPrincipal(s: PolicyStatement, request: PolicyRequest): PrincipalMatch {
    const hasPrincipal = "Principal" in s;
    const hasNotPrincipal = "NotPrincipal" in s;
    if (!hasPrincipal && !hasNotPrincipal) {
        return "direct";
    }
    const principal = request.principal;
    if (principal === undefined) {
        return { undecided: `${where(s)} names a Principal: the request needs a principal` };
    }
    if (hasPrincipal && hasNotPrincipal) {
        return { undecided: `${where(s)}: both Principal and NotPrincipal` };
    }
    if (hasPrincipal) {
        return principalMatch(s, s.Principal, principal);
    }
    const excluded = principalMatch(s, s.NotPrincipal, principal);
    return typeof excluded === "object" ? excluded : excluded === false ? "direct" : false;
}

/** A statement this evaluator cannot read faithfully, or undefined. */
function malformed(s: PolicyStatement): string | undefined {
    if (s.Effect !== "Allow" && s.Effect !== "Deny") {
        return `${where(s)}: Effect ${String(s.Effect)}`;
    }
    if ((s.Action === undefined) === (s.NotAction === undefined)) {
        return `${where(s)}: needs exactly one of Action and NotAction`;
    }
    if ((s.Resource === undefined) === (s.NotResource === undefined)) {
        return `${where(s)}: needs exactly one of Resource and NotResource`;
    }
    return undefined;
}

/** Whether the statement applies to the request, and whether it named the principal directly or through its account. */
function statementApplies(
    s: PolicyStatement,
    request: PolicyRequest,
    context: RequestContext,
): { readonly applies: Truth; readonly through: "direct" | "account" } {
    const problem = malformed(s);
    if (problem !== undefined) {
        return { applies: undecided(problem), through: "direct" };
    }
    const actionHit =
        s.Action !== undefined
            ? listOf(s.Action).some((p) => actionMatches(p, request.action))
            : !listOf(s.NotAction).some((p) => actionMatches(p, request.action));
    if (!actionHit) {
        return { applies: false, through: "direct" };
    }
    const principal = statementPrincipal(s, request);
    if (principal === false) {
        return { applies: false, through: "direct" };
    }
    const resourceHit =
        s.Resource !== undefined
            ? any(listOf(s.Resource).map((p) => globMatches(p, request.resource, context, false)))
            : not(any(listOf(s.NotResource).map((p) => globMatches(p, request.resource, context, false))));
    const applies = all([
        typeof principal === "object" ? principal : true,
        resourceHit,
        resourceHit === false ? false : conditionsHold(s, context),
    ]);
    return { applies, through: typeof principal === "string" ? principal : "direct" };
}

/** The request's context with what IAM fills in itself, unless the request says otherwise. */
function contextOf(request: PolicyRequest): RequestContext {
    const principal = request.principal;
    const account = principal !== undefined && "arn" in principal ? accountOf(principal.arn) : undefined;
    return {
        "aws:SecureTransport": "true",
        "s3:TlsVersion": "1.3",
        ...(principal === undefined
            ? {}
            : "service" in principal
              ? { "aws:PrincipalIsAWSService": "true", "aws:PrincipalServiceName": principal.service }
              : "federated" in principal
                ? { "aws:PrincipalIsAWSService": "false", "aws:FederatedProvider": principal.federated }
                : {
                      "aws:PrincipalIsAWSService": "false",
                      "aws:PrincipalArn": principal.arn,
                      ...(account === undefined ? {} : { "aws:PrincipalAccount": account }),
                  }),
        ...request.context,
    };
}

/** What a set of policies says about a request: whether a statement denies, allows directly, allows through the account. */
export interface Verdict {
    readonly deny: Truth;
    readonly allow: Truth;
    /** Allowed by a statement naming the principal's account (root) rather than the principal. */
    readonly allowThroughAccount: Truth;
    /** Sids of the statements that surely apply, denies first. */
    readonly sids: readonly string[];
}

function verdictOf(policies: readonly PolicyDocument[], request: PolicyRequest): Verdict {
    const context = contextOf(request);
    const deny: Truth[] = [];
    const allow: Truth[] = [];
    const allowThroughAccount: Truth[] = [];
    const denySids: string[] = [];
    const allowSids: string[] = [];
    for (const s of policies.flatMap((p) => p.Statement)) {
        const { applies, through } = statementApplies(s, request, context);
        if (applies === false) {
            continue;
        }
        if (s.Effect === "Deny") {
            deny.push(applies);
        } else {
            (through === "account" ? allowThroughAccount : allow).push(applies);
        }
        if (applies === true) {
            (s.Effect === "Deny" ? denySids : allowSids).push(s.Sid ?? "(no Sid)");
        }
    }
    return {
        deny: any(deny),
        allow: any(allow),
        allowThroughAccount: any(allowThroughAccount),
        sids: denySids.length > 0 ? denySids : allowSids,
    };
}

function decide(deny: Truth, allow: Truth, options: EvaluationOptions): { readonly decision: Decision; readonly reason?: string } {
    if (deny === true) {
        return { decision: "ExplicitDeny" };
    }
    if (allow === false) {
        return { decision: "ImplicitDeny" };
    }
    const unknown = isUndecided(deny) ? deny : isUndecided(allow) ? allow : undefined;
    if (unknown === undefined) {
        return { decision: "Allow" };
    }
    if (options.strict === true) {
        throw new Error(unknown.undecided);
    }
    return { decision: "Undecided", reason: unknown.undecided };
}

/** The decision of IAM over these policies for the request (a statement naming an account counts as naming its principals). */
export function evaluate(policies: readonly PolicyDocument[], request: PolicyRequest, options: EvaluationOptions = {}): Decision {
    const v = verdictOf(policies, request);
    return decide(v.deny, any([v.allow, v.allowThroughAccount]), options).decision;
}

/** The statements that decided an explicit deny or an allow, by Sid, for assertion messages. */
export function decidingSids(policies: readonly PolicyDocument[], request: PolicyRequest): string[] {
    return [...verdictOf(policies, request).sids];
}

/** Everything that bears on one principal's request. */
export interface AuthorizationInput {
    /** The principal's identity policies (inline and managed); ignored for the root user and services. */
    readonly identityPolicies?: readonly PolicyDocument[];
    /** The principal's permissions boundary, if it has one. */
    readonly boundary?: PolicyDocument;
    /** The resource's own policy (bucket, topic, queue, function, endpoint, key policy). */
    readonly resourcePolicy?: PolicyDocument;
    /** The account that owns the resource (default: the principal's). */
    readonly resourceAccount?: string;
    /** The SCPs of each level of the principal's account (root, each OU, the account); absent where SCPs do not apply. */
    readonly serviceControlPolicies?: readonly (readonly PolicyDocument[])[];
    /** KMS: the key policy must allow, directly or by delegating to the account. */
    readonly keyPolicy?: boolean;
}

export interface Authorization {
    readonly decision: Decision;
    /** Which policy decided, or why it could not be decided. */
    readonly reason: string;
}

/** The decision of IAM for a whole request, following AWS's policy evaluation logic (see the top of this file). */
export function authorize(
    request: PolicyRequest & { readonly principal: RequestPrincipal },
    input: AuthorizationInput,
    options: EvaluationOptions = {},
): Authorization {
    const principal = request.principal;
    // A service or a web identity: no identity policies and no SCPs; the resource's policy (a role's trust) decides.
    const isService = !("arn" in principal);
    const isRoot = !isService && /:root$/.test(principal.arn);
    const principalAccount = isService ? undefined : accountOf(principal.arn);
    const sameAccount = input.resourceAccount === undefined || input.resourceAccount === principalAccount;

    // SCPs bind neither service principals nor service-linked roles.
    const scpLevels = isService || /:role\/aws-service-role\//.test(principal.arn) ? [] : (input.serviceControlPolicies ?? []);
    const scps = scpLevels.map((level) => verdictOf(level, request));
    const identity = isService || isRoot ? undefined : verdictOf(input.identityPolicies ?? [], request);
    const boundary = input.boundary === undefined || isService || isRoot ? undefined : verdictOf([input.boundary], request);
    const resource = input.resourcePolicy === undefined ? undefined : verdictOf([input.resourcePolicy], request);

    const layers: [string, Verdict | undefined][] = [
        ...scps.map((v, i): [string, Verdict] => [`SCP level ${i + 1}`, v]),
        ["identity policy", identity],
        ["permissions boundary", boundary],
        [input.keyPolicy === true ? "key policy" : "resource policy", resource],
    ];
    const denying = layers.find(([, v]) => v?.deny === true);
    if (denying !== undefined) {
        return { decision: "ExplicitDeny", reason: `${denying[0]}: ${denying[1]?.sids.join(", ")}` };
    }
    const deny = any(layers.map(([, v]) => v?.deny ?? false));

    const scpBlocking = scps.findIndex((v) => v.allow === false);
    if (scpBlocking >= 0) {
        return { decision: "ImplicitDeny", reason: `SCP level ${scpBlocking + 1} allows nothing of it` };
    }
    const identityAllows: Truth = isRoot ? true : identity === undefined ? false : identity.allow;
    const direct: Truth = resource?.allow ?? false;
    const throughAccount: Truth = resource?.allowThroughAccount ?? false;
    const granted: Truth = isService
        ? direct
        : sameAccount && input.keyPolicy !== true
          ? any([direct, identityAllows])
          : sameAccount
            ? any([direct, all([throughAccount, identityAllows])])
            : all([any([direct, throughAccount]), identityAllows]);
    const allow = all([...scps.map((v) => v.allow), granted, boundary?.allow ?? true]);
    const { decision, reason } = decide(deny, allow, options);
    if (reason !== undefined) {
        return { decision, reason };
    }
    if (decision === "Allow") {
        const by =
            direct === true ? (input.keyPolicy === true ? "key policy" : "resource policy") : isRoot ? "root user" : "identity policy";
        return { decision, reason: `allowed by the ${by}` };
    }
    const missing =
        boundary?.allow === false
            ? "the permissions boundary"
            : input.keyPolicy === true && throughAccount !== true && direct !== true
              ? "the key policy"
              : "any policy";
    return { decision, reason: `not allowed by ${missing}` };
}
