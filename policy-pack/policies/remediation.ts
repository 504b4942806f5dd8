// Helpers for remediations that only ever strengthen a resource.
//
// A remediation returns the resource's complete new inputs: whatever it leaves out is dropped. So
// it starts from the raw inputs the engine sent (behind the SDK's unknown-checking proxy, with
// values unknown during preview still as the engine's sentinel strings), copies every property
// unchanged, and sets only the one it fixes. The SDK serialises the result back, sentinels and
// secrets included, so nothing unknown or secret is lost.
//
// Remediations run one after another on the same resource and a later one receives the previous
// one's plain result, where unknown values are sentinel strings, not proxy traps. `previewView`
// puts such a bag behind a proxy that raises an error named like the SDK's `UnknownValueError`,
// so the readers (through `Reading`) see UNKNOWN either way.

import { types } from "util";

/** The sentinels by which the engine marks values unknown during preview (Pulumi's wire format). */
const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** The SDK's proxy answers these keys with true / its target (policy SDK `proxy.ts`). */
const IS_SPECIAL_PROXY = "__isSpecialProxy";
const SPECIAL_PROXY_TARGET = "__getSpecialProxyTarget";

/** Named like the SDK's error so `Reading` treats a read of it as "unknown during preview". */
class UnknownValueError extends Error {}

export function isUnknownSentinel(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** The raw input bag behind the SDK's proxy (or the bag itself); undefined if it is not an object. */
export function rawProps(props: unknown): Record<string, unknown> | undefined {
    if (props === null || typeof props !== "object" || Array.isArray(props)) {
        return undefined;
    }
    const bag = props as Record<string, unknown>;
    if (types.isProxy(bag) && bag[IS_SPECIAL_PROXY] === true) {
        const target = bag[SPECIAL_PROXY_TARGET];
        return target !== null && typeof target === "object" && !Array.isArray(target) ? (target as Record<string, unknown>) : undefined;
    }
    return bag;
}

/** A read-only view of a raw bag whose sentinel values throw an unknown-value error when read. */
export function previewView(raw: Record<string, unknown>): Record<string, unknown> {
    const wrap = (value: unknown): unknown =>
        value !== null && typeof value === "object"
            ? new Proxy(value, {
                  get(target, key) {
                      const field: unknown = Reflect.get(target, key) as unknown;
                      if (isUnknownSentinel(field)) {
                          throw new UnknownValueError(`${String(key)} is unknown during preview`);
                      }
                      const descriptor = Object.getOwnPropertyDescriptor(target, key);
                      return descriptor && descriptor.configurable === false && descriptor.writable === false ? field : wrap(field);
                  },
              })
            : value;
    return wrap(raw) as Record<string, unknown>;
}

/** The inputs with one property set, everything else exactly as it was. */
export function withProperty(raw: Record<string, unknown>, property: string, value: unknown): Record<string, unknown> {
    return { ...raw, [property]: value };
}

/** A whole number of days from a number or a numeric string; undefined for anything else. */
export function wholeDays(value: unknown): number | undefined {
    if (typeof value === "number") {
        return Number.isInteger(value) ? value : undefined;
    }
    if (typeof value === "string" && /^\s*\d{1,6}\s*$/.test(value)) {
        return Number(value.trim());
    }
    return undefined;
}
