// The normalised "store encryption" view that every store reader produces and the rule judges.
//
// A store (volume, bucket, table, queue, …) is read into one or more views, one per place where
// data rests (an instance's root and each EBS device; a table and each replica region). Readers
// know property names and AWS defaults per service; the rule knows nothing about providers.

import { isFalse, isTrue, Props, Reading, UNKNOWN } from "../known";
import { classifyKeyReference, describeValue, KeyKind } from "./key-references";

export type { KeyKind } from "./key-references";

export type Encrypted = "yes" | "no" | "unknown";

export interface StoreEncryption {
    /** Where the data rests, for messages: `storage`, `rootBlockDevice`, `replicas[1] (eu-west-1)`. */
    origin: string;
    /** Is it encrypted at rest? `unknown` only when a value that decides it is unknown (preview). */
    encrypted: Encrypted;
    /** The kind of key that encrypts it (`none` when not encrypted). */
    keyKind: KeyKind;
    /** The key as written, when one is named. */
    keyRef?: string;
    /** Why the reader concluded this (the property, or the AWS default that applies). */
    note: string;
}

export interface StoreReader {
    /** Short store name used in config (`allowAwsManagedKeysFor`) and messages: `rds`, `sqs`. */
    store: string;
    /** What the resource is, for messages: `RDS DB instance`. */
    label: string;
    /** Pulumi type tokens this reader understands. */
    types: readonly string[];
    /** The resource's views; empty when this resource declares nothing to judge (see readers). */
    read(props: Props, reading: Reading): StoreEncryption[];
}

/** What the service uses when the store names no key, or is not encrypted at all. */
export interface Fallback {
    encrypted: "yes" | "no";
    keyKind: KeyKind;
    note: string;
}

export const notEncrypted = (note: string): Fallback => ({ encrypted: "no", keyKind: "none", note });
export const awsManaged = (note: string): Fallback => ({ encrypted: "yes", keyKind: "aws-managed", note });
export const awsOwned = (note: string): Fallback => ({ encrypted: "yes", keyKind: "aws-owned", note });

export function unknownView(origin: string, note: string): StoreEncryption {
    return { origin, encrypted: "unknown", keyKind: "unknown", note };
}

function fallbackView(origin: string, fallback: Fallback): StoreEncryption {
    return { origin, encrypted: fallback.encrypted, keyKind: fallback.keyKind, note: fallback.note };
}

/**
 * A store that is encrypted whenever it is (or always): the key property decides the kind; when
 * no key is named, `ifNoKey` says what the service does.
 */
export function keyView(reading: Reading, origin: string, holder: unknown, keyProperty: string, ifNoKey: Fallback): StoreEncryption {
    const value = reading.get(holder, keyProperty);
    const key = classifyKeyReference(value);
    switch (key.kind) {
        case "none":
            return fallbackView(origin, ifNoKey);
        case "unknown":
            return { origin, encrypted: "yes", keyKind: "unknown", note: `${keyProperty} is the output of a key created in this run` };
        case "unrecognised":
            return {
                origin,
                encrypted: "yes",
                keyKind: "unrecognised",
                keyRef: key.ref,
                note: `${keyProperty} ${key.ref ?? ""} is not a KMS key id, key ARN or alias`,
            };
        default:
            return { origin, encrypted: "yes", keyKind: key.kind, keyRef: key.ref, note: `${keyProperty} ${key.ref ?? ""}` };
    }
}

/**
 * A store with an on/off switch (`encrypted`, `storageEncrypted`, `enabled`, …): on means `ifOn`
 * (what the service then uses, or a view read from the key); an unset switch means `ifUnset` (the
 * service's documented default, or "on"); a value that is neither true nor false fails closed as
 * "not encrypted".
 */
export function switchView(
    reading: Reading,
    origin: string,
    holder: unknown,
    flagProperty: string,
    ifOn: Fallback | (() => StoreEncryption),
    ifUnset: Fallback | "on",
): StoreEncryption {
    const flag = reading.get(holder, flagProperty);
    if (flag === UNKNOWN) {
        return unknownView(origin, `${flagProperty} is unknown`);
    }
    if (isTrue(flag) || ((flag === undefined || flag === null) && ifUnset === "on")) {
        return typeof ifOn === "function" ? ifOn() : fallbackView(origin, ifOn);
    }
    if (flag === undefined || flag === null) {
        return fallbackView(origin, ifUnset as Fallback);
    }
    if (isFalse(flag)) {
        return fallbackView(origin, notEncrypted(`${flagProperty} is false`));
    }
    return fallbackView(origin, notEncrypted(`${flagProperty} is ${describeValue(flag)}, not true`));
}

/**
 * A store with an on/off flag and a key property: on (or unset, when `ifUnset` is "key") the key
 * decides; see `switchView`.
 */
export function flagView(
    reading: Reading,
    origin: string,
    holder: unknown,
    flagProperty: string,
    keyProperty: string,
    ifUnset: Fallback | "key",
    ifNoKey: Fallback,
): StoreEncryption {
    return switchView(
        reading,
        origin,
        holder,
        flagProperty,
        () => keyView(reading, origin, holder, keyProperty, ifNoKey),
        ifUnset === "key" ? "on" : ifUnset,
    );
}

/** True when a property holds a value (set, or unknown during preview); "" and null are unset. */
export function isSet(reading: Reading, holder: unknown, property: string): boolean {
    const value = reading.get(holder, property);
    return value === UNKNOWN || (value !== undefined && value !== null && value !== "" && value !== false);
}

/** Reads the first of several property names that holds a value (for tolerant readers). */
export function firstSet(reading: Reading, holder: unknown, properties: readonly string[]): unknown {
    for (const property of properties) {
        const value = reading.get(holder, property);
        if (value !== undefined && value !== null) {
            return value;
        }
    }
    return undefined;
}

/** `"name"` of a list element for messages (` (eu-west-1)`, ` (/dev/sdf)`), or nothing. */
export function labelOf(reading: Reading, element: unknown, property: string): string {
    const value = reading.get(element, property);
    return typeof value === "string" && value.length > 0 && value.length <= 64 ? ` (${value})` : "";
}
