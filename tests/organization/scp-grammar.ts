/**
 * An independent check of SCP documents against the IAM JSON policy grammar as SCPs use it, written
 * for the tests (the component has no validator of its own to grade itself with). Returns every
 * problem found, so a failing assertion shows all of them.
 */

/** Condition operators of the IAM policy grammar (before an `IfExists` suffix or a set prefix). */
export const IAM_CONDITION_OPERATORS: ReadonlySet<string> = new Set([
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
    "Bool",
    "BinaryEquals",
    "IpAddress",
    "NotIpAddress",
    "ArnEquals",
    "ArnLike",
    "ArnNotEquals",
    "ArnNotLike",
    "Null",
]);

const STATEMENT_KEYS = new Set(["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition"]);
const ACTION = /^(\*|[a-z0-9-]+:[A-Za-z0-9*]+)$/;
const SID = /^[A-Za-z0-9]+$/;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** The operator without its `ForAllValues:`/`ForAnyValue:` prefix and `IfExists` suffix, if it is an IAM operator. */
function knownOperator(operator: string): boolean {
    const bare = operator.replace(/^(ForAllValues|ForAnyValue):/, "").replace(/IfExists$/, "");
    return IAM_CONDITION_OPERATORS.has(bare) && !(bare === "Null" && operator.endsWith("IfExists"));
}

/** Problems with a string-or-list element (`Action`, `Resource`, …): empty, not strings, repeats. */
function listProblems(where: string, value: unknown, pattern?: RegExp): string[] {
    const items = typeof value === "string" ? [value] : value;
    if (!Array.isArray(items)) {
        return [`${where} is neither a string nor a list`];
    }
    if (items.length === 0) {
        return [`${where} is an empty list`];
    }
    const problems: string[] = [];
    items.forEach((item: unknown, i) => {
        if (typeof item !== "string" || item.length === 0) {
            problems.push(`${where}[${i}] is not a non-empty string`);
        } else if (pattern !== undefined && !pattern.test(item)) {
            problems.push(`${where}[${i}] ${item} is not of the form service:Action`);
        } else if (items.indexOf(item) !== i) {
            problems.push(`${where}[${i}] ${item} is repeated`);
        }
    });
    return problems;
}

function conditionProblems(where: string, condition: unknown): string[] {
    if (!isObject(condition) || Object.keys(condition).length === 0) {
        return [`${where} is not a non-empty object`];
    }
    const problems: string[] = [];
    for (const [operator, keys] of Object.entries(condition)) {
        if (!knownOperator(operator)) {
            problems.push(`${where}: ${operator} is not an IAM condition operator`);
        }
        if (!isObject(keys) || Object.keys(keys).length === 0) {
            problems.push(`${where}.${operator} is not a non-empty object`);
            continue;
        }
        for (const [key, value] of Object.entries(keys)) {
            if (!/^[A-Za-z0-9-]+:[A-Za-z0-9_-]+(\/[A-Za-z0-9 _.:/=+@-]+)?$/.test(key)) {
                problems.push(`${where}.${operator}: ${key} is not a condition key`);
            }
            if (typeof value === "boolean") {
                continue;
            }
            problems.push(...listProblems(`${where}.${operator}.${key}`, value));
        }
    }
    return problems;
}

/** Every way the value fails to be a valid SCP document; empty when it is one. */
export function scpProblems(document: unknown): string[] {
    if (!isObject(document)) {
        return ["document is not an object"];
    }
    const problems: string[] = [];
    const extra = Object.keys(document).filter((k) => k !== "Version" && k !== "Statement" && k !== "Id");
    if (extra.length > 0) {
        problems.push(`document has unknown elements ${extra.join(", ")}`);
    }
    if (document.Version !== "2012-10-17") {
        problems.push(`Version is ${JSON.stringify(document.Version)}, not 2012-10-17`);
    }
    const statements = document.Statement;
    if (!Array.isArray(statements) || statements.length === 0) {
        return [...problems, "Statement is not a non-empty list"];
    }
    const sids: unknown[] = [];
    statements.forEach((statement: unknown, i) => {
        const where = `Statement[${i}]`;
        if (!isObject(statement)) {
            problems.push(`${where} is not an object`);
            return;
        }
        for (const key of Object.keys(statement).filter((k) => !STATEMENT_KEYS.has(k))) {
            problems.push(`${where} has ${key}, which an SCP statement may not have`);
        }
        if (statement.Sid !== undefined) {
            if (typeof statement.Sid !== "string" || !SID.test(statement.Sid)) {
                problems.push(`${where}.Sid ${JSON.stringify(statement.Sid)} is not alphanumeric`);
            } else if (sids.includes(statement.Sid)) {
                problems.push(`${where}.Sid ${statement.Sid} is repeated`);
            }
            sids.push(statement.Sid);
        }
        if (statement.Effect !== "Allow" && statement.Effect !== "Deny") {
            problems.push(`${where}.Effect is ${JSON.stringify(statement.Effect)}, not Allow or Deny`);
        }
        const hasAction = statement.Action !== undefined;
        const hasNotAction = statement.NotAction !== undefined;
        if (hasAction === hasNotAction) {
            problems.push(`${where} must have exactly one of Action and NotAction`);
        }
        if (hasAction) problems.push(...listProblems(`${where}.Action`, statement.Action, ACTION));
        if (hasNotAction) problems.push(...listProblems(`${where}.NotAction`, statement.NotAction, ACTION));
        if ((statement.Resource === undefined) === (statement.NotResource === undefined)) {
            problems.push(`${where} must have exactly one of Resource and NotResource`);
        }
        if (statement.Resource !== undefined) problems.push(...listProblems(`${where}.Resource`, statement.Resource));
        if (statement.NotResource !== undefined) problems.push(...listProblems(`${where}.NotResource`, statement.NotResource));
        if (statement.Condition !== undefined) problems.push(...conditionProblems(`${where}.Condition`, statement.Condition));
    });
    return problems;
}
