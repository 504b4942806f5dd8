import type { Placement } from "./mock-values";

/** An invoke the offline preview cannot answer honestly: it fails the run and names the call. */
export class UnansweredInvokeError extends Error {
    constructor(token: string, why: string) {
        super(`the offline preview cannot answer invoke ${token}: ${why}`);
        this.name = "UnansweredInvokeError";
    }
}

type Args = Record<string, unknown>;

/**
 * Answers a provider function call from what the stack already knows (the provider's region and
 * allowed account, i.e. stack config) or by computing it (IAM policy documents). Anything that
 * would need a live account is refused, loudly: a preview must not depend on one.
 */
export function answerInvoke(token: string, args: Args, where: Placement | undefined): Record<string, unknown> {
    switch (token) {
        case "aws:iam/getPolicyDocument:getPolicyDocument":
            return policyDocumentResult(args);
        case "aws:index/getRegion:getRegion":
            return { id: need(where, token).region, name: need(where, token).region, region: need(where, token).region };
        case "aws:index/getPartition:getPartition":
            return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
        case "aws:index/getCallerIdentity:getCallerIdentity": {
            const { accountId } = need(where, token);
            return { id: accountId, accountId, arn: `arn:aws:sts::${accountId}:assumed-role/offline-preview/offline`, userId: "OFFLINE" };
        }
        default:
            throw new UnansweredInvokeError(token, "it needs a live account; take the value from stack config instead");
    }
}

function need(where: Placement | undefined, token: string): Placement {
    if (where === undefined) {
        throw new UnansweredInvokeError(token, "no explicit provider with a region and allowedAccountIds was passed to it");
    }
    return where;
}

/** Computes what `aws.iam.getPolicyDocument` returns for the statements it is given. */
function policyDocumentResult(args: Args): Record<string, unknown> {
    const statements = Array.isArray(args["statements"]) ? (args["statements"] as Args[]) : [];
    const document = {
        Version: typeof args["version"] === "string" ? args["version"] : "2012-10-17",
        ...(typeof args["policyId"] === "string" ? { Id: args["policyId"] } : {}),
        Statement: statements.map(statementJson),
    };
    const json = JSON.stringify(document, undefined, 2);
    return { id: String(json.length), json, minifiedJson: JSON.stringify(document) };
}

function statementJson(s: Args): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (typeof s["sid"] === "string") {
        out["Sid"] = s["sid"];
    }
    out["Effect"] = typeof s["effect"] === "string" ? s["effect"] : "Allow";
    for (const [from, to] of [
        ["actions", "Action"],
        ["notActions", "NotAction"],
        ["resources", "Resource"],
        ["notResources", "NotResource"],
    ] as const) {
        const list = s[from];
        if (Array.isArray(list) && list.length > 0) {
            out[to] = list.length === 1 ? list[0] : list;
        }
    }
    for (const [from, to] of [
        ["principals", "Principal"],
        ["notPrincipals", "NotPrincipal"],
    ] as const) {
        const list = s[from];
        if (Array.isArray(list) && list.length > 0) {
            out[to] = principalsJson(list as Args[]);
        }
    }
    const conditions = s["conditions"];
    if (Array.isArray(conditions) && conditions.length > 0) {
        const byTest: Record<string, Record<string, unknown>> = {};
        for (const c of conditions as Args[]) {
            const test = String(c["test"]);
            const values = Array.isArray(c["values"]) ? c["values"] : [];
            (byTest[test] ??= {})[String(c["variable"])] = values.length === 1 ? values[0] : values;
        }
        out["Condition"] = byTest;
    }
    return out;
}

function principalsJson(principals: Args[]): unknown {
    if (principals.length === 1 && principals[0]?.["type"] === "*") {
        return "*";
    }
    const byType: Record<string, unknown> = {};
    for (const p of principals) {
        const ids = Array.isArray(p["identifiers"]) ? p["identifiers"] : [];
        byType[String(p["type"])] = ids.length === 1 ? ids[0] : ids;
    }
    return byType;
}
