// Reading exemptions from policy config (defensively: the pack must never throw) and matching a
// resource against them: by logical name (exact or glob), URN, or tag. Tags are read only when an
// exemption asks for one and the rest of it already matched, and a tag that is unknown during
// preview does not exempt (the resource is judged as if the exemption were not there).

import { Props, Reading, UNKNOWN } from "../../readers/known";
import { ConfigArgs, rawConfigOf } from "../config";
import { EXEMPTIONS_KEY } from "./schema";

export interface Exemption {
    /** Position in the policy's `exemptions` list (0-based), to tell entries apart in the report. */
    index: number;
    resourceName?: string;
    urn?: string;
    tag?: { key: string; value?: string };
    reason: string;
}

/** What an exemption is matched against. `props` may be the SDK's unknown-checking proxy. */
export interface Subject {
    urn: string;
    name: string;
    type: string;
    props: unknown;
}

function nonEmptyString(value: unknown): string | undefined {
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function readOne(raw: unknown, index: number): Exemption | undefined {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
        return undefined;
    }
    const entry = raw as Record<string, unknown>;
    const reason = nonEmptyString(entry.reason);
    if (reason === undefined) {
        return undefined;
    }
    const exemption: Exemption = { index, reason: reason.trim() };
    if (entry.resourceName !== undefined) {
        const name = nonEmptyString(entry.resourceName);
        if (name === undefined) {
            return undefined;
        }
        exemption.resourceName = name;
    }
    if (entry.urn !== undefined) {
        const urn = nonEmptyString(entry.urn);
        if (urn === undefined) {
            return undefined;
        }
        exemption.urn = urn;
    }
    if (entry.tag !== undefined) {
        const tag: unknown = entry.tag;
        const key = tag !== null && typeof tag === "object" ? nonEmptyString((tag as Record<string, unknown>).key) : undefined;
        const value: unknown = key === undefined ? undefined : (tag as Record<string, unknown>).value;
        if (key === undefined || (value !== undefined && typeof value !== "string")) {
            return undefined;
        }
        exemption.tag = value === undefined ? { key } : { key, value };
    }
    // An entry that names no resource exempts nothing (the schema rejects it as well).
    return exemption.resourceName === undefined && exemption.urn === undefined && exemption.tag === undefined ? undefined : exemption;
}

/** The valid exemptions of a policy's config; malformed entries (no reason, no selector) are ignored. */
export function readExemptions(config: unknown): Exemption[] {
    try {
        if (config === null || typeof config !== "object") {
            return [];
        }
        const list: unknown = (config as Record<string, unknown>)[EXEMPTIONS_KEY];
        if (!Array.isArray(list)) {
            return [];
        }
        return list.slice(0, 10_000).flatMap((raw: unknown, index) => readOne(raw, index) ?? []);
    } catch {
        return [];
    }
}

/** The exemptions of the policy whose validation args these are, never throwing. */
export function exemptionsFrom(args: ConfigArgs): Exemption[] {
    return readExemptions(rawConfigOf(args));
}

const globs = new Map<string, RegExp>();

/** Matches a glob (`*` any run, `?` one character, everything else literal) against the whole name. */
export function globMatches(glob: string, name: string): boolean {
    if (!glob.includes("*") && !glob.includes("?")) {
        return glob === name;
    }
    let re = globs.get(glob);
    if (re === undefined) {
        const source = glob
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, "[\\s\\S]*")
            .replace(/\?/g, "[\\s\\S]");
        re = new RegExp(`^${source}$`);
        if (globs.size < 1000) {
            globs.set(glob, re);
        }
    }
    return re.test(name);
}

/** The logical name: `name` when given, else the last part of the URN. */
export function logicalName(urn: string, name: string | undefined): string {
    if (typeof name === "string" && name !== "") {
        return name;
    }
    const at = urn.lastIndexOf("::");
    return at < 0 ? urn : urn.slice(at + 2);
}

type TagMatch = boolean | typeof UNKNOWN;

/**
 * Does the resource carry tag `key` (with `value`, when given)? Reads `tags` as the classic map
 * (`{ key: value }`) or the aws-native list (`[{ key, value }]`). UNKNOWN when the answer depends
 * on a value unknown during preview.
 */
export function hasTag(props: unknown, key: string, value: string | undefined, reading: Reading): TagMatch {
    const tags = reading.get(props, "tags");
    if (tags === UNKNOWN) {
        return UNKNOWN;
    }
    if (tags === null || typeof tags !== "object") {
        return false;
    }
    const valueMatches = (v: unknown): TagMatch => (v === UNKNOWN ? UNKNOWN : value === undefined ? v !== undefined : v === value);
    if (!Array.isArray(tags)) {
        const v = reading.get(tags, key);
        // Key-only: a present tag whose value is unknown is still present.
        return value === undefined && v === UNKNOWN ? true : valueMatches(v);
    }
    const entries = reading.elements(tags);
    if (entries === UNKNOWN) {
        return UNKNOWN;
    }
    let answer: TagMatch = false;
    for (const entry of entries) {
        if (entry === UNKNOWN) {
            answer = UNKNOWN;
            continue;
        }
        let k = reading.get(entry, "key");
        if (k === undefined) {
            k = reading.get(entry, "Key");
        }
        if (k === UNKNOWN) {
            answer = UNKNOWN;
            continue;
        }
        if (k !== key) {
            continue;
        }
        if (value === undefined) {
            return true;
        }
        let v = reading.get(entry, "value");
        if (v === undefined) {
            v = reading.get(entry, "Value");
        }
        const m = valueMatches(v);
        if (m === true) {
            return true;
        }
        if (m === UNKNOWN) {
            answer = UNKNOWN;
        }
    }
    return answer;
}

/** How an exemption matched, for the report: `resourceName "legacy-*"`, `tag owner=legacy`, … */
export function describeSelector(exemption: Exemption): string {
    const parts: string[] = [];
    if (exemption.resourceName !== undefined) {
        parts.push(`resourceName "${exemption.resourceName}"`);
    }
    if (exemption.urn !== undefined) {
        parts.push(`urn "${exemption.urn}"`);
    }
    if (exemption.tag !== undefined) {
        parts.push(exemption.tag.value === undefined ? `tag "${exemption.tag.key}"` : `tag "${exemption.tag.key}=${exemption.tag.value}"`);
    }
    return parts.join(" and ");
}

/**
 * The first exemption that covers the subject, or undefined. Never throws; a tag that is unknown
 * during preview does not match (and the unknown is not reported: this Reading is private).
 */
export function findExemption(exemptions: readonly Exemption[], subject: Subject): Exemption | undefined {
    if (exemptions.length === 0) {
        return undefined;
    }
    const name = logicalName(subject.urn, subject.name);
    const reading = new Reading();
    for (const exemption of exemptions) {
        try {
            if (exemption.urn !== undefined && exemption.urn !== subject.urn) {
                continue;
            }
            if (exemption.resourceName !== undefined && !globMatches(exemption.resourceName, name)) {
                continue;
            }
            if (exemption.tag !== undefined && hasTag(subject.props, exemption.tag.key, exemption.tag.value, reading) !== true) {
                continue;
            }
            return exemption;
        } catch {
            continue;
        }
    }
    return undefined;
}

/** The resource's props as a property bag. */
export function propsOf(value: unknown): Props {
    return value !== null && typeof value === "object" ? (value as Props) : {};
}
