/**
 * A small evaluator of identity-based IAM policies, written for the tests so that "the security
 * team can read but not delete audit logs" is decided by IAM's rules rather than by looking for a
 * statement. It follows the IAM policy evaluation logic for the identity policies of one principal
 * (no resource policies, SCPs, boundaries or session policies):
 *
 * - a request is denied if any statement that applies to it denies it (explicit deny wins);
 * - otherwise allowed if any statement that applies allows it; otherwise denied implicitly;
 * - a statement applies when its `Action` matches (or its `NotAction` does not), its `Resource`
 *   matches (or its `NotResource` does not), and every condition holds;
 * - action names match case-insensitively, `*` any run of characters and `?` one character;
 *   resource ARNs match case-sensitively with the same wildcards, `*` crossing `:` and `/`.
 *
 * Conditions: the operators below, over single-valued context keys; a condition key missing from
 * the request makes a positive operator false and a negated one (`…Not…`) true, as IAM does
 * without `IfExists`. Any other operator, an `IfExists` or set (`ForAnyValue:`) form, a policy
 * variable (`${…}`) or a malformed statement throws instead of guessing. The statements the
 * audit-log assertions depend on (the Deny statements and the managed-policy models) have no
 * conditions; the conditional Allows in the documents (KMS through a service) are evaluated here.
 */

export interface Statement {
    readonly Sid?: string;
    readonly Effect: string;
    readonly Action?: string | readonly string[];
    readonly NotAction?: string | readonly string[];
    readonly Resource?: string | readonly string[];
    readonly NotResource?: string | readonly string[];
    readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | boolean | readonly string[]>>>>;
}

export interface PolicyDocument {
    readonly Version?: string;
    readonly Statement: readonly Statement[];
}

export interface Request {
    /** `service:Action`, in any case. */
    readonly action: string;
    /** The resource ARN the request is about (`*` for actions without resource-level permissions). */
    readonly resource: string;
    /** Condition keys of the request (e.g. `kms:ViaService`); absent keys are missing from the request. */
    readonly context?: Readonly<Record<string, string>>;
}

export type Decision = "Allow" | "ExplicitDeny" | "ImplicitDeny";

const list = (value: string | readonly string[]): readonly string[] => (typeof value === "string" ? [value] : value);

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

export function resourceMatches(pattern: string, resource: string): boolean {
    return globRegExp(pattern, false).test(resource);
}

const CONDITION_OPERATORS: Readonly<Record<string, (expected: string, actual: string) => boolean>> = {
    StringEquals: (e, a) => e === a,
    StringNotEquals: (e, a) => e === a,
    StringEqualsIgnoreCase: (e, a) => e.toLowerCase() === a.toLowerCase(),
    StringNotEqualsIgnoreCase: (e, a) => e.toLowerCase() === a.toLowerCase(),
    StringLike: (e, a) => resourceMatches(e, a),
    StringNotLike: (e, a) => resourceMatches(e, a),
    ArnEquals: (e, a) => e === a,
    ArnNotEquals: (e, a) => e === a,
    ArnLike: (e, a) => resourceMatches(e, a),
    ArnNotLike: (e, a) => resourceMatches(e, a),
    Bool: (e, a) => e.toLowerCase() === a.toLowerCase(),
};

/** Whether every condition of the block holds for the request (operators AND, keys AND, values OR). */
function conditionsHold(condition: NonNullable<Statement["Condition"]>, context: Readonly<Record<string, string>>): boolean {
    return Object.entries(condition).every(([operator, keys]) => {
        const compare = CONDITION_OPERATORS[operator];
        if (compare === undefined) {
            throw new Error(`condition operator ${operator}: not supported by this evaluator`);
        }
        const negated = operator.includes("Not");
        return Object.entries(keys).every(([key, values]) => {
            const actual = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
            if (actual === undefined) {
                return negated;
            }
            const matched = (typeof values === "boolean" ? [String(values)] : list(values)).some((expected) => compare(expected, actual));
            return negated ? !matched : matched;
        });
    });
}

/** Throws on a statement this evaluator cannot read faithfully (so a test never passes on a misread). */
function checkStatement(s: Statement): void {
    if (s.Effect !== "Allow" && s.Effect !== "Deny") {
        throw new Error(`statement ${s.Sid ?? "?"}: Effect ${String(s.Effect)}`);
    }
    if ((s.Action === undefined) === (s.NotAction === undefined)) {
        throw new Error(`statement ${s.Sid ?? "?"}: needs exactly one of Action and NotAction`);
    }
    if ((s.Resource === undefined) === (s.NotResource === undefined)) {
        throw new Error(`statement ${s.Sid ?? "?"}: needs exactly one of Resource and NotResource`);
    }
    if ("Principal" in s || "NotPrincipal" in s) {
        throw new Error(`statement ${s.Sid ?? "?"}: Principal in an identity-based policy`);
    }
}

/** Whether the statement applies to the request. */
export function statementApplies(s: Statement, request: Request): boolean {
    checkStatement(s);
    const actionHit = s.Action !== undefined ? list(s.Action).some((p) => actionMatches(p, request.action)) : !list(s.NotAction ?? []).some((p) => actionMatches(p, request.action));
    if (!actionHit) {
        return false;
    }
    const resourceHit =
        s.Resource !== undefined ? list(s.Resource).some((p) => resourceMatches(p, request.resource)) : !list(s.NotResource ?? []).some((p) => resourceMatches(p, request.resource));
    if (!resourceHit) {
        return false;
    }
    return s.Condition === undefined || conditionsHold(s.Condition, request.context ?? {});
}

/** The decision of IAM over these identity policies for the request. */
export function evaluate(policies: readonly PolicyDocument[], request: Request): Decision {
    const applying = policies.flatMap((p) => p.Statement).filter((s) => statementApplies(s, request));
    if (applying.some((s) => s.Effect === "Deny")) {
        return "ExplicitDeny";
    }
    return applying.some((s) => s.Effect === "Allow") ? "Allow" : "ImplicitDeny";
}

/** The statements that decided an explicit deny or an allow, by Sid, for assertion messages. */
export function decidingSids(policies: readonly PolicyDocument[], request: Request): string[] {
    const applying = policies.flatMap((p) => p.Statement).filter((s) => statementApplies(s, request));
    const deny = applying.filter((s) => s.Effect === "Deny");
    return (deny.length > 0 ? deny : applying).map((s) => s.Sid ?? "(no Sid)");
}
