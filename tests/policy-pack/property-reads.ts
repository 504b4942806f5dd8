// Which top-level properties does the pack read, of which resource type? Found by running every
// policy (validation and remediation) over each type it declares, with property bags that record
// every key read and answer with values chosen to drive the readers down their branches: absent,
// null, booleans, numbers, every short string literal of the pack's sources, unknown during
// preview, and objects and lists holding those. The search starts from bags where every key holds
// the same value and, whenever a run reads a key no run read before, tries every value on each key
// that run read (the readers' branches hang on one value at a time: a flag, an engine, a
// protocol), until nothing new is read.

import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import type * as sdk from "../../policy-pack/node_modules/@pulumi/policy";
import { policyTypes } from "../../policy-pack/docs/policy-table";
import { resourceProperties } from "../../policy-pack/docs/provider-schemas";
import { unknownValueError } from "../../policy-pack/policy-sdk";
import { closure, importGraph, REPOSITORY } from "../architecture/import-graph";
import { resource } from "./harness";

/** What a key holds in one run. `object`: every key of it holds `inner`; `list`: one element, `inner`. */
export type Shape =
    | { kind: "absent" }
    | { kind: "plain"; value: string | number | boolean | null }
    | { kind: "unknown" }
    | { kind: "object"; inner: Shape }
    | { kind: "list"; inner: Shape };

/** Keys the JavaScript runtime and the policy SDK's proxy protocol read: not property names. */
const PROTOCOL_KEYS = new Set(["toJSON", "then", "constructor", "valueOf", "toString", "__isSpecialProxy", "__getSpecialProxyTarget"]);

const PACK = importGraph(["policy-pack"]);
const literalsByFile = new Map<string, string[]>();

/** The short string literals of one source file (repository-relative path). */
function stringLiterals(file: string): string[] {
    const cached = literalsByFile.get(file);
    if (cached !== undefined) {
        return cached;
    }
    const literals = new Set<string>();
    const visit = (node: ts.Node): void => {
        if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /^[\w.:/*-]{1,40}$/.test(node.text)) {
            literals.add(node.text);
        }
        ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(file, fs.readFileSync(path.join(REPOSITORY, file), "utf8"), ts.ScriptTarget.Latest, false));
    literalsByFile.set(file, [...literals]);
    return [...literals];
}

/**
 * The values a policy's branches compare with: the short string literals of the files that
 * define it (those naming it) and of every pack file they import.
 */
export function policyStringLiterals(policy: sdk.Policy): string[] {
    const defining = [...PACK.keys()].filter(
        (file) => file.startsWith("policy-pack/policies/") && stringLiterals(file).includes(policy.name),
    );
    return [...new Set([...closure(PACK, defining)].flatMap(stringLiterals))].sort();
}

const ABSENT: Shape = { kind: "absent" };
const plain = (value: string | number | boolean | null): Shape => ({ kind: "plain", value });
const object = (inner: Shape): Shape => ({ kind: "object", inner });
const list = (inner: Shape): Shape => ({ kind: "list", inner });

/** The values every key may hold: `uniform` for whole bags, `keyed` for one key at a time. */
export interface ValuePool {
    uniform: readonly Shape[];
    keyed: readonly Shape[];
}

export function valuePool(strings: readonly string[]): ValuePool {
    const leaves: Shape[] = [
        ABSENT,
        { kind: "unknown" },
        ...[null, true, false, "true", "false", 0, 1, 80, 443, "", "0.0.0.0/0", "::/0"].map(plain),
    ];
    const uniform = [...leaves, ...leaves.flatMap((leaf) => [object(leaf), list(leaf), list(object(leaf)), object(object(leaf))])];
    return { uniform, keyed: [...uniform, ...strings.map(plain)] };
}

/** One run's bags: each key holds `fallback` unless `assigned` says otherwise (keys `type\0key`). */
interface State {
    /** ABSENT: the value the template wrote (nothing, for a bare template). */
    fallback: Shape;
    assigned: ReadonlyMap<string, Shape>;
}

/** Top-level reads by type, and every key read at any depth (for the completeness check). */
export interface Reads {
    topLevel: Map<string, Set<string>>;
    anyDepth: Set<string>;
}

class Recorder {
    readonly reads: Reads = { topLevel: new Map(), anyDepth: new Set() };
    /** `type\0key` of the top-level keys the current run read. */
    run = new Set<string>();

    /** Records that `key` of a `type` was read (a property, or the dependencies through one). */
    read(type: string, key: string): string {
        const id = `${type}\0${key}`;
        this.run.add(id);
        this.reads.anyDepth.add(key);
        this.reads.topLevel.set(type, (this.reads.topLevel.get(type) ?? new Set<string>()).add(key));
        return id;
    }

    bag(type: string, written: Record<string, unknown>, state: State): Record<string, unknown> {
        return new Proxy(written, {
            get: (target, key) => {
                if (typeof key !== "string" || PROTOCOL_KEYS.has(key)) {
                    return Reflect.get(target, key) as unknown;
                }
                const shape = state.assigned.get(this.read(type, key)) ?? state.fallback;
                return shape === ABSENT ? this.nested(Reflect.get<Record<string, unknown>, string>(target, key)) : this.value(shape);
            },
        });
    }

    /** A value as written (a seed's), recording the keys read below the top level too. */
    private nested(value: unknown): unknown {
        if (typeof value !== "object" || value === null) {
            return value;
        }
        return new Proxy(value, {
            get: (target, key) => {
                if (typeof key === "string" && !PROTOCOL_KEYS.has(key) && !Array.isArray(target)) {
                    this.reads.anyDepth.add(key);
                }
                return this.nested(Reflect.get(target, key));
            },
        });
    }

    /**
     * A `propertyDependencies` map that records which properties a policy follows; a property it
     * does not hold leads to `viaAnyProperty` (nothing, when undefined).
     */
    dependencies(
        type: string,
        map: Record<string, sdk.PolicyResource[]>,
        viaAnyProperty?: sdk.PolicyResource[],
    ): Record<string, sdk.PolicyResource[]> {
        return new Proxy(map, {
            get: (target, key) => {
                if (typeof key !== "string" || key === ANY_PROPERTY) {
                    return Reflect.get(target, key) as unknown;
                }
                this.read(type, key);
                return key in target ? target[key] : viaAnyProperty;
            },
        });
    }

    private value(shape: Shape): unknown {
        switch (shape.kind) {
            case "absent":
                return undefined;
            case "plain":
                return shape.value;
            case "unknown":
                throw unknownValueError("unknown during preview");
            case "object":
                return new Proxy(
                    {},
                    {
                        get: (target, key) => {
                            if (typeof key !== "string" || PROTOCOL_KEYS.has(key)) {
                                return Reflect.get(target, key) as unknown;
                            }
                            this.reads.anyDepth.add(key);
                            return this.value(shape.inner);
                        },
                    },
                );
            case "list":
                return new Proxy([undefined], {
                    get: (target, key) => (key === "0" ? this.value(shape.inner) : (Reflect.get(target, key) as unknown)),
                });
        }
    }
}

/** The key under which a bare template's resources depend on each other through every property. */
const ANY_PROPERTY = "\0any property";

/** How a run's resources depend on each other. */
type Links =
    /** As the template says (seeds). */
    | "as-written"
    /** Each on all the others, through every property (as references make them). */
    | "all"
    /** Not at all (as literal ids and names leave them). */
    | "none";

/** One bare resource per type, in a stack named like an environment (prod), which some policies need. */
function bareTemplate(types: readonly string[]): sdk.PolicyResource[] {
    return types.map((type, i) => ({ ...resource(type, `r${i}`), urn: `urn:pulumi:prod::zero-trust::${type}::r${i}` }));
}

/** The template's resources for one run: recording bags, dependencies linked as `links` says. */
function stackOf(template: readonly sdk.PolicyResource[], links: Links, state: State, recorder: Recorder): sdk.PolicyResource[] {
    const run = template.map((r) => ({ ...r, props: recorder.bag(r.type, (r.props ?? {}) as Record<string, unknown>, state) }));
    const byUrn = new Map(run.map((r) => [r.urn, r] as const));
    const local = (list: readonly sdk.PolicyResource[]): sdk.PolicyResource[] => list.map((d) => byUrn.get(d.urn) ?? d);
    run.forEach((r, i) => {
        const others = run.filter((other) => other !== r);
        const written = template[i].propertyDependencies ?? {};
        const map: Record<string, sdk.PolicyResource[]> =
            links === "all"
                ? { [ANY_PROPERTY]: others }
                : links === "none"
                  ? {}
                  : Object.fromEntries(Object.entries(written).map(([key, list]) => [key, local(list)]));
        r.dependencies = links === "all" ? others : links === "none" ? [] : local(template[i].dependencies ?? []);
        r.propertyDependencies = recorder.dependencies(r.type, map, links === "all" ? others : undefined);
    });
    return run;
}

function validationArgs(subject: sdk.PolicyResource): sdk.ResourceValidationArgs {
    return {
        ...subject,
        stackTags: new Map<string, string>(),
        getConfig: <T extends object>() => ({}) as T,
        notApplicable: (): never => {
            throw new Error("notApplicable");
        },
    } as unknown as sdk.ResourceValidationArgs;
}

/** Runs the policy once: a resource policy on each resource (validations and remediation), a stack policy on them all. */
function runOnce(policy: sdk.Policy, resources: sdk.PolicyResource[]): void {
    const ignore = (): void => undefined;
    try {
        if ("validateStack" in policy) {
            const args = { resources, stackTags: new Map<string, string>(), getConfig: () => ({}) } as unknown as sdk.StackValidationArgs;
            void (policy as sdk.StackValidationPolicy).validateStack(args, ignore);
            return;
        }
        const resourcePolicy = policy as sdk.ResourceValidationPolicy;
        for (const subject of resources) {
            for (const validate of ([] as sdk.ResourceValidation[]).concat(resourcePolicy.validateResource ?? [])) {
                void validate(validationArgs(subject), ignore);
            }
            void resourcePolicy.remediateResource?.(validationArgs(subject));
        }
    } catch {
        // The guard turns exceptions into violations and rethrows unknowns: only the reads matter here.
    }
}

/** Explores one policy over a template (see the file's comment), adding what it reads to the recorder. */
function explore(policy: sdk.Policy, template: readonly sdk.PolicyResource[], links: Links, pool: ValuePool, recorder: Recorder): void {
    const seen = new Set<string>();
    const queue: State[] = (links === "as-written" ? [ABSENT] : pool.uniform).map((fallback) => ({ fallback, assigned: new Map() }));
    for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
        recorder.run = new Set();
        runOnce(policy, stackOf(template, links, state, recorder));
        const fresh = [...recorder.run].filter((id) => !seen.has(id));
        fresh.forEach((id) => seen.add(id));
        if (state.fallback !== ABSENT) {
            continue;
        }
        for (const id of fresh) {
            for (const shape of pool.keyed) {
                queue.push({ fallback: ABSENT, assigned: new Map([...state.assigned, [id, shape]]) });
            }
        }
    }
}

/** Resources written to drive a policy past a gate the search cannot open alone (see property-read-seeds.ts). */
export interface ReadSeed {
    policy: string;
    resources: () => sdk.PolicyResource[];
}

/**
 * Every policy's top-level reads by type: over the types it declares (policies that declare none
 * are skipped), and from each seed naming it.
 */
export function packReads(policies: readonly sdk.Policy[], seeds: readonly ReadSeed[] = []): Reads {
    const recorder = new Recorder();
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0; // thousands of unknown-value errors: their traces are never read
    try {
        for (const policy of policies) {
            const { kind, types } = policyTypes(policy);
            const pool = valuePool(policyStringLiterals(policy));
            if (kind === "stack") {
                (["all", "none"] as const).forEach((links) => explore(policy, bareTemplate(types ?? []), links, pool, recorder));
            } else {
                (types ?? []).forEach((type) => explore(policy, bareTemplate([type]), "none", pool, recorder));
            }
            for (const seed of seeds.filter((s) => s.policy === policy.name)) {
                explore(policy, seed.resources(), "as-written", pool, recorder);
            }
        }
    } finally {
        Error.stackTraceLimit = limit;
    }
    return recorder.reads;
}

/** `type property` for every top-level read the pinned SDKs do not define for that type. */
export function propertiesNotInSdk(reads: Reads): string[] {
    return [...reads.topLevel].flatMap(([type, keys]) =>
        [...keys].filter((key) => resourceProperties(type)?.has(key) !== true).map((key) => `${type} ${key}`),
    );
}
