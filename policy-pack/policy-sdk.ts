// What the pack relies on from @pulumi/policy (1.21) beyond its documented policy API, in one
// module, so that an SDK upgrade fails in one named place: tests/policy-pack/policy-sdk.test.ts
// checks every assumption below against the installed SDK, one test per assumption. Two of them
// need no code here: the SDK's server turns its own UnknownValueError, rethrown by a policy, into
// the "can't run during preview" advisory (readers/known.ts relies on it), and it sends a
// remediation's result back as returned, unknown sentinels included (policies/remediation.ts).

import { types } from "util";

/** The JSON schema type of one config property (exported by the SDK's `schema` module, not its index). */
export type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

// ---- unknown values during preview ------------------------------------------------------------

/**
 * Whether a read threw because the value is unknown during preview. The SDK's proxy throws its
 * `UnknownValueError`, a class it does not export, so the error is recognised by its
 * constructor's name (the pack's own previewView error is named the same way).
 */
export function isUnknownValueError(error: unknown): error is Error {
    return error instanceof Error && error.constructor.name === "UnknownValueError";
}

/** Named like the SDK's error, so that isUnknownValueError (and the readers) treat it the same. */
class UnknownValueError extends Error {}

/** An error the readers take for a read of a value unknown during preview. */
export function unknownValueError(message: string): Error {
    return new UnknownValueError(message);
}

/** The sentinels by which the engine marks values unknown during preview (the SDK's `unknown*Value`). */
const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

export function isUnknownSentinel(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** The SDK's proxy answers these keys with true / its target (`isSpecialProxy`, `getSpecialProxyTarget`). */
const IS_SPECIAL_PROXY = "__isSpecialProxy";
const SPECIAL_PROXY_TARGET = "__getSpecialProxyTarget";

/** The object behind the SDK's unknown-checking proxy, or the value itself when it is no such proxy. */
export function proxyTarget(value: object): unknown {
    const bag = value as Record<string, unknown>;
    return types.isProxy(bag) && bag[IS_SPECIAL_PROXY] === true ? bag[SPECIAL_PROXY_TARGET] : value;
}

// ---- stack runs and stack tags ----------------------------------------------------------------

/** Stands for the run when the SDK passes no stack tags object (direct calls in tools). */
const NO_STACK = {};

/**
 * What tells one stack run from the next: the `args.stackTags` object itself. The SDK replaces
 * that frozen object on every `configureStack` (once per stack the engine configures) and hands
 * the same one to every `analyze` and `analyzeStack` in between.
 */
export function runOf(stackTags: unknown): object {
    return stackTags !== null && (typeof stackTags === "object" || typeof stackTags === "function") ? stackTags : NO_STACK;
}

/** A stack tag's value. The SDK hands a frozen read-only view of a Map (get/has/…), not a Map. */
export function stackTagValue(stackTags: unknown, name: string): string | undefined {
    try {
        const get: unknown = stackTags !== null && typeof stackTags === "object" ? (stackTags as { get?: unknown }).get : undefined;
        if (typeof get === "function") {
            const value: unknown = (get as (key: string) => unknown).call(stackTags, name);
            return typeof value === "string" ? value : undefined;
        }
    } catch {
        // An odd tags object is the same as no tags.
    }
    return undefined;
}

/**
 * The stack's name. The SDK gives a stack policy no stack name (the engine sends one to
 * `configureStack`, which keeps only the tags), so it is read from the resources' URNs
 * (`urn:pulumi:<stack>::<project>::…`), the root stack resource's first. Undefined if none parses.
 */
export function stackNameOf(resources: readonly { type: string; urn: string }[]): string | undefined {
    const root = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    for (const resource of root === undefined ? resources : [root, ...resources]) {
        const match = /^urn:pulumi:([^:]+)::/.exec(resource.urn);
        if (match !== null && match[1].length > 0) {
            return match[1];
        }
    }
    return undefined;
}
