// What a separate rule or entry resource adds to (a security group, a prefix list), for stack
// policies that judge the target as a whole. A rule names its target by reference (the engine then
// reports a property dependency on it) or by a literal id or name written in the program; both are
// followed. A literal that names no resource of the stack still identifies one target, so rules
// that write the same literal are judged together.

import { PolicyResource } from "@pulumi/policy";
import { linkedThrough, propsOf } from "./graph";
import { Reading, UNKNOWN } from "./known";

/** How the permissions of a resource attach to their target. */
export type Attachment =
    /** The resource IS the target (inline rules or entries). */
    | { kind: "inline" }
    /** A separate resource; `targetProperties` hold the id (or name) of the target it adds to. */
    | { kind: "separate"; targetProperties: readonly string[] };

/** The properties that hold a target's own id or name once it exists (outputs a stack policy sees). */
export interface Identity {
    /** Properties holding its id (`id`, aws-native `groupId`, …). */
    ids: readonly string[];
    /** Properties holding its name (`name`, aws-native `groupName`, …). */
    names: readonly string[];
}

export type AttachmentTarget =
    /** A resource of this stack. */
    | { kind: "declared"; resource: PolicyResource }
    /** A target named by a literal that is no resource of this stack. */
    | { kind: "literal"; value: string }
    /** Nothing names a target: the property is unknown during preview (an output of another
     *  resource, without a dependency on a target) or missing. */
    | { kind: "unlinked" };

/** The known, non-empty string values of `keys` on a resource. */
export function identityValues(resource: PolicyResource, keys: readonly string[], reading: Reading): string[] {
    return keys.flatMap((key) => {
        const value = reading.get(propsOf(resource), key);
        return typeof value === "string" && value.trim() !== "" ? [value.trim()] : [];
    });
}

/** The targets of one kind (security groups, prefix lists) in a stack, by their known ids and names. */
export class AttachmentTargets {
    private readonly types: ReadonlySet<string>;
    private readonly byIdentity = new Map<string, PolicyResource>();

    constructor(
        resources: readonly PolicyResource[],
        private readonly identities: ReadonlyMap<string, Identity>,
        reading: Reading,
    ) {
        this.types = new Set(identities.keys());
        for (const resource of resources) {
            const identity = identities.get(resource.type);
            for (const value of identity === undefined ? [] : identityValues(resource, [...identity.ids, ...identity.names], reading)) {
                this.byIdentity.set(value, resource);
            }
        }
    }

    /** The known ids (not names) of a target resource. */
    idsOf(target: PolicyResource, reading: Reading): string[] {
        return identityValues(target, this.identities.get(target.type)?.ids ?? [], reading);
    }

    /** The known names of a target resource. */
    namesOf(target: PolicyResource, reading: Reading): string[] {
        return identityValues(target, this.identities.get(target.type)?.names ?? [], reading);
    }

    /** What `resource` adds to: itself when inline, else the targets its `targetProperties` name. */
    of(resource: PolicyResource, attachment: Attachment, reading: Reading): AttachmentTarget[] {
        if (attachment.kind === "inline") {
            return [{ kind: "declared", resource }];
        }
        const linked = linkedThrough(resource, attachment.targetProperties, this.types);
        if (linked.length > 0) {
            return linked.map((target) => ({ kind: "declared", resource: target }));
        }
        const targets: AttachmentTarget[] = [];
        for (const property of attachment.targetProperties) {
            const value = reading.get(propsOf(resource), property);
            if (value === UNKNOWN) {
                targets.push({ kind: "unlinked" });
            } else if (typeof value === "string" && value.trim() !== "") {
                const declared = this.byIdentity.get(value.trim());
                targets.push(declared === undefined ? { kind: "literal", value: value.trim() } : { kind: "declared", resource: declared });
            }
        }
        return targets.length > 0 ? targets : [{ kind: "unlinked" }];
    }
}

/** A stable key per target, so resources that add to the same target are judged together. */
function targetKey(target: Exclude<AttachmentTarget, { kind: "unlinked" }>): string {
    return target.kind === "declared" ? `urn:${target.resource.urn}` : `literal:${target.value}`;
}

/** What one resource adds to its target(s): the reader's view of it. */
export interface Contribution<V> {
    resource: PolicyResource;
    view: V;
}

/** Everything the stack adds to one target. */
export interface Gathered<V> {
    target: Exclude<AttachmentTarget, { kind: "unlinked" }>;
    contributions: Contribution<V>[];
}

export interface GatheredStack<V> {
    byTarget: Gathered<V>[];
    /** Contributions that name no target (unknown during preview, or missing): they could add to any target. */
    unattributed: Contribution<V>[];
}

/**
 * Gathers, per target, the views of every resource that adds to it. `readerOf` returns undefined
 * for types that add nothing, and `read` undefined for a resource that adds nothing.
 */
export function gatherByTarget<V>(
    resources: readonly PolicyResource[],
    targets: AttachmentTargets,
    readerOf: (type: string) => { attachment: Attachment; read(resource: PolicyResource): V | undefined } | undefined,
    reading: Reading,
): GatheredStack<V> {
    const byKey = new Map<string, Gathered<V>>();
    const unattributed: Contribution<V>[] = [];
    for (const resource of resources) {
        const reader = readerOf(resource.type);
        const view = reader?.read(resource);
        if (reader === undefined || view === undefined) {
            continue;
        }
        for (const target of targets.of(resource, reader.attachment, reading)) {
            if (target.kind === "unlinked") {
                unattributed.push({ resource, view });
                continue;
            }
            const key = targetKey(target);
            const gathered = byKey.get(key) ?? { target, contributions: [] };
            gathered.contributions.push({ resource, view });
            byKey.set(key, gathered);
        }
    }
    return { byTarget: [...byKey.values()], unattributed };
}
