// Reading IAM policy documents: statements by Sid, and policy elements as lists.

/** A policy element (one string or a list of strings; absent is empty) as a list. */
export const listOf = (value: string | readonly string[] | undefined): readonly string[] =>
    value === undefined ? [] : typeof value === "string" ? [value] : value;

/** The one statement with this Sid (throws if absent or repeated). */
export function statement<S extends { readonly Sid?: string }>(policy: { readonly Statement: readonly S[] }, sid: string): S {
    const found = policy.Statement.filter((s) => s.Sid === sid);
    if (found.length !== 1) {
        throw new Error(`expected one statement ${sid}, found ${found.length} in ${policy.Statement.map((s) => s.Sid).join(", ")}`);
    }
    return found[0];
}

/** The principals of a statement as a flat list (`*` for a wildcard principal in any form). */
export function principalsOf(s: { readonly Principal?: unknown }): string[] {
    const principal = s.Principal;
    if (principal === "*") {
        return ["*"];
    }
    if (principal === null || typeof principal !== "object") {
        return [];
    }
    return Object.values(principal as Record<string, unknown>).flatMap((value) =>
        Array.isArray(value) ? value.map(String) : [String(value)],
    );
}

/** The actions of a statement as a list. */
export function actionsOf(s: { readonly Action?: unknown }): string[] {
    const action = s.Action;
    if (typeof action === "string") {
        return [action];
    }
    return Array.isArray(action) ? action.map(String) : [];
}

/** Statements whose principals include this one. */
export function statementsFor<S extends { readonly Principal?: unknown }>(
    policy: { readonly Statement: readonly S[] },
    principal: string,
): S[] {
    return policy.Statement.filter((s) => principalsOf(s).includes(principal));
}

/** Every action any statement allows this principal. */
export function actionsAllowed(
    policy: { readonly Statement: readonly { readonly Principal?: unknown; readonly Action?: unknown }[] },
    principal: string,
): string[] {
    return statementsFor(policy, principal).flatMap(actionsOf);
}
