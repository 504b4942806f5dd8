// Where a string is written in the stack's resources, for stack policies that must link resources
// which name each other by a literal id or name instead of by reference (no dependency then).
//
// A stack policy sees each resource's outputs, so a group created in an earlier update has a known
// id, and a resource that names that id as a literal (`vpcSecurityGroupIds: ["sg-0abc…"]`) is
// found here. A resource that is being created has no id yet, so no literal can name it.

import { PolicyResource } from "@pulumi/policy";
import { propsOf } from "./graph";
import { Reading, UNKNOWN } from "./known";

/** One place a string is written: the resource and the property key that holds it. */
export interface LiteralUse {
    resource: PolicyResource;
    /** The nearest property name above the value (`vpcSecurityGroupIds` for `vpcSecurityGroupIds[0]`). */
    key: string;
}

// Tags and descriptions name things but attach nothing, and the pack never reads them otherwise.
const SKIPPED_KEYS: ReadonlySet<string> = new Set(["tags", "tagsAll", "description"]);

// Bounds that keep one hostile resource from making the walk slow or deep.
const MAX_DEPTH = 32;
const MAX_VALUES_PER_RESOURCE = 20_000;
const MAX_LENGTH = 512;

export class LiteralReferences {
    private readonly uses = new Map<string, LiteralUse[]>();

    constructor(resources: readonly PolicyResource[], reading: Reading) {
        for (const resource of resources) {
            this.index(resource, reading);
        }
    }

    /** The uses of `value` (compared after trimming) whose key `accept` admits. */
    find(value: string, accept: (key: string) => boolean = () => true): LiteralUse[] {
        return (this.uses.get(value.trim()) ?? []).filter((use) => accept(use.key));
    }

    private index(resource: PolicyResource, reading: Reading): void {
        const pending: { value: unknown; key: string; depth: number }[] = [{ value: propsOf(resource), key: "", depth: 0 }];
        let budget = MAX_VALUES_PER_RESOURCE;
        while (pending.length > 0 && budget-- > 0) {
            const { value, key, depth } = pending.pop()!;
            if (typeof value === "string") {
                this.record(value, { resource, key });
                continue;
            }
            if (value === null || typeof value !== "object" || depth >= MAX_DEPTH) {
                continue;
            }
            if (Array.isArray(value)) {
                const elements = reading.elements(value);
                for (const element of elements === UNKNOWN ? [] : elements) {
                    pending.push({ value: element, key, depth: depth + 1 });
                }
                continue;
            }
            for (const child of Object.keys(value).filter((k) => !SKIPPED_KEYS.has(k))) {
                pending.push({ value: reading.get(value, child), key: child, depth: depth + 1 });
            }
        }
    }

    private record(raw: string, use: LiteralUse): void {
        const value = raw.trim();
        if (value === "" || value.length > MAX_LENGTH) {
            return;
        }
        const list = this.uses.get(value);
        if (list === undefined) {
            this.uses.set(value, [use]);
        } else if (!list.some((u) => u.resource.urn === use.resource.urn && u.key === use.key)) {
            list.push(use);
        }
    }
}
