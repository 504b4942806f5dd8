import type { KeyPolicyDocument, KeyPolicyStatement } from "../../components/encryption/key-policy";

/** The principals of a statement as a flat list (`*` for a wildcard principal in any form). */
export function principalsOf(statement: KeyPolicyStatement | Record<string, unknown>): string[] {
    const principal = (statement as { Principal?: unknown }).Principal;
    if (principal === "*") {
        return ["*"];
    }
    if (principal === null || typeof principal !== "object") {
        return [];
    }
    return Object.values(principal as Record<string, unknown>).flatMap((value) => (Array.isArray(value) ? value.map(String) : [String(value)]));
}

/** The actions of a statement as a list. */
export function actionsOf(statement: KeyPolicyStatement | Record<string, unknown>): string[] {
    const action = (statement as { Action?: unknown }).Action;
    if (typeof action === "string") {
        return [action];
    }
    return Array.isArray(action) ? action.map(String) : [];
}

/** The statement with this Sid (throws if absent). */
export function statement(policy: KeyPolicyDocument, sid: string): KeyPolicyStatement {
    const found = policy.Statement.find((s) => s.Sid === sid);
    if (found === undefined) {
        throw new Error(`no statement ${sid} in ${policy.Statement.map((s) => s.Sid).join(", ")}`);
    }
    return found;
}

/** Statements whose principals include this one. */
export function statementsFor(policy: KeyPolicyDocument, principal: string): KeyPolicyStatement[] {
    return policy.Statement.filter((s) => principalsOf(s).includes(principal));
}

/** Every action any statement allows this principal. */
export function actionsAllowed(policy: KeyPolicyDocument, principal: string): string[] {
    return statementsFor(policy, principal).flatMap(actionsOf);
}

/**
 * IAM's ArnLike for one value: `*` matches any run of characters, `?` one character, everything
 * else literally, over the whole ARN.
 */
export function arnLike(pattern: string, arn: string): boolean {
    const source = pattern
        .split("")
        .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\/]/g, "\\$&")))
        .join("");
    return new RegExp(`^${source}$`).test(arn);
}
