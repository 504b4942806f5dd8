// Reading resource properties that may be unknown (during preview) or malformed.
//
// The policy SDK hands policies a proxy over the resource's properties; reading a value that is
// unknown during preview throws the SDK's `UnknownValueError`, which the SDK turns into an advisory
// "can't run policy during preview". Letting the first unknown abort the whole policy would hide
// violations that are already certain from the known values, so readers go through `Reading`:
// it catches the unknown, remembers it, and returns `UNKNOWN`. A policy that finds no violation
// but could not decide because of an unknown re-throws the remembered error (`settle`), so the
// SDK reports the usual advisory. Every other oddity (nulls, wrong types, arrays where objects are
// expected) is handled by the helpers below without throwing.

import { isUnknownValueError } from "../policy-sdk";

/** Marks a value that is not known yet (preview). */
export const UNKNOWN: unique symbol = Symbol("unknown during preview");
export type Unknown = typeof UNKNOWN;

/** A property bag as it arrives: a plain object (or the SDK's proxy over one). */
export type Props = Record<string, unknown>;

/** One policy evaluation's view of unknown values. */
export class Reading {
    private firstUnknown: Error | undefined = undefined;
    private undecided = false;

    /**
     * Reads `holder[key]`. Returns UNKNOWN if the value is unknown during preview, undefined if the
     * holder is not an object. Never throws for unknowns or for non-object holders.
     */
    get(holder: unknown, key: string | number): unknown {
        if (holder === null || typeof holder !== "object") {
            return undefined;
        }
        try {
            return (holder as Record<string | number, unknown>)[key];
        } catch (error) {
            if (isUnknownValueError(error)) {
                this.firstUnknown ??= error;
                return UNKNOWN;
            }
            throw error;
        }
    }

    /**
     * Reads `holder[key]` as a list: an array's elements (each read through `get`, so an unknown
     * element is UNKNOWN), a single non-array value as a one-element list, nothing as an empty
     * list. Returns UNKNOWN if the whole list is unknown.
     */
    list(holder: unknown, key: string | number): unknown[] | Unknown {
        const value = this.get(holder, key);
        return this.elements(value);
    }

    /** The elements of a value read as a list (see `list`). */
    elements(value: unknown): unknown[] | Unknown {
        if (value === UNKNOWN) {
            return UNKNOWN;
        }
        if (value === undefined || value === null) {
            return [];
        }
        if (!Array.isArray(value)) {
            return [value];
        }
        const length = typeof value.length === "number" ? Math.min(value.length, 100_000) : 0;
        const out: unknown[] = [];
        for (let i = 0; i < length; i++) {
            out.push(this.get(value, i));
        }
        return out;
    }

    /** Records that a decision depended on an unknown value. */
    markUndecided(): void {
        this.undecided = true;
    }

    /** True when some decision depended on an unknown value. */
    get isUndecided(): boolean {
        return this.undecided;
    }

    /**
     * Call at the end of a policy: if nothing was reported but a decision depended on an unknown
     * value, re-throw the SDK's unknown-value error so the SDK reports "can't run during preview".
     */
    settle(reported: boolean): void {
        if (!reported && this.undecided && this.firstUnknown !== undefined) {
            throw this.firstUnknown;
        }
    }
}

/** Reads a string; undefined for any other type. */
export function asString(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

/** True for `true` and the string "true" (any case). */
export function isTrue(value: unknown): boolean {
    return value === true || (typeof value === "string" && value.trim().toLowerCase() === "true");
}

/** True for `false` and the string "false" (any case). */
export function isFalse(value: unknown): boolean {
    return value === false || (typeof value === "string" && value.trim().toLowerCase() === "false");
}
