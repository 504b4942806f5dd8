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
// puts such a bag behind a proxy that raises an error named like the SDK's `UnknownValueError`
// (policy-sdk.ts), so the readers (through `Reading`) see UNKNOWN either way.

import { isUnknownSentinel, proxyTarget, unknownValueError } from "../policy-sdk";

/** The raw input bag behind the SDK's proxy (or the bag itself); undefined if it is not an object. */
export function rawProps(props: unknown): Record<string, unknown> | undefined {
    if (props === null || typeof props !== "object" || Array.isArray(props)) {
        return undefined;
    }
    const target = proxyTarget(props);
    return target !== null && typeof target === "object" && !Array.isArray(target) ? (target as Record<string, unknown>) : undefined;
}

/** A read-only view of a raw bag whose sentinel values throw an unknown-value error when read. */
export function previewView(raw: Record<string, unknown>): Record<string, unknown> {
    const wrap = (value: unknown): unknown =>
        value !== null && typeof value === "object"
            ? new Proxy(value, {
                  get(target, key) {
                      const field: unknown = Reflect.get(target, key) as unknown;
                      if (isUnknownSentinel(field)) {
                          throw unknownValueError(`${String(key)} is unknown during preview`);
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
