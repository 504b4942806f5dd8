// Property tests at the edges of the offline preview: a valid stack file mutated one key at a time,
// and malformed base plans. They run in process through the functions the CLI runs, in its order
// (readStackConfig, then the program's refuseUnreadKeys and parseEnvironmentConfig; readPlan, then
// diffPlans), so a run takes milliseconds; the bad-input corpus spawns the real CLI for each class.
// Every outcome is either accepted or one of the errors the CLI prints as one line with exit code 2
// (UsageError, ConfigError), never anything else; mutations that break the file must be refused.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as fc from "fast-check";
import { isMap, isScalar, parseDocument, Scalar, type Document, type Pair, type YAMLMap } from "yaml";
import { readPlan, type Plan } from "../../offline-preview/plan";
import { diffPlans } from "../../offline-preview/plan-diff";
import { readStackConfig } from "../../offline-preview/stack-config";
import { parseEnvironmentConfig } from "../../stacks/config/load-environment-config";
import { refuseUnreadKeys } from "../../stacks/config/unread-keys";
import { repoRoot, tempDir } from "./cli-harness";

const RUNS = 60;
const stagingText = fs.readFileSync(path.join(repoRoot, "Pulumi.staging.yaml"), "utf8");

/** What the CLI would do with an error: exit 2 with its one-line message, or (anything else) fail with a trace. */
function outcome(run: () => unknown): "accepted" | "refused" {
    try {
        run();
        return "accepted";
    } catch (err) {
        assert.ok(
            err instanceof Error && ["UsageError", "ConfigError"].includes(err.name),
            `a one-line refusal expected, got ${String(err)}`,
        );
        assert.doesNotMatch(err.message, /\n/, "one line");
        return "refused";
    }
}

/** The preview of an environment stack with this stack file, up to the first resource: the CLI's reader, then the program's checks. */
function previewConfig(stackFile: string): "accepted" | "refused" {
    const dir = tempDir();
    fs.copyFileSync(path.join(repoRoot, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.writeFileSync(path.join(dir, "Pulumi.edited.yaml"), stackFile);
    return outcome(() => {
        const { config } = readStackConfig(dir, "edited");
        refuseUnreadKeys(config);
        parseEnvironmentConfig(config, "edited");
    });
}

/** Every key of the stack file's config, with the map holding it (top level first). */
function pairsOf(doc: Document): { pair: Pair; map: YAMLMap }[] {
    const found: { pair: Pair; map: YAMLMap }[] = [];
    const visit = (map: YAMLMap) => {
        for (const pair of map.items) {
            found.push({ pair, map });
            if (isMap(pair.value)) {
                visit(pair.value);
            }
        }
    };
    visit(doc.get("config") as YAMLMap);
    return found;
}

/** One edit of a key: a character inserted, deleted or replaced. */
const oneEdit = fc.record({ kind: fc.constantFrom("insert", "delete", "replace"), at: fc.nat(), char: fc.constantFrom(..."abcxyz-_:.0") });
const applyEdit = (key: string, { kind, at, char }: { kind: string; at: number; char: string }): string => {
    const i = at % (key.length + (kind === "insert" ? 1 : 0));
    return kind === "insert"
        ? key.slice(0, i) + char + key.slice(i)
        : key.slice(0, i) + (kind === "replace" ? char : "") + key.slice(i + 1);
};

/** A mutation of one key of the stack file; `target` picks the key. */
const mutation: fc.Arbitrary<{ label: string; mutate: (doc: Document) => boolean }> = fc.oneof(
    // A key renamed by one edit: refused unless the key is free-form (a tag key) or the edit changed nothing.
    fc.record({ target: fc.nat(), edit: oneEdit }).map(({ target, edit }) => ({
        label: `rename key #${target} by ${edit.kind} ${JSON.stringify(edit.char)}`,
        mutate: (doc: Document) => {
            const pairs = pairsOf(doc);
            const { pair, map } = pairs[target % pairs.length];
            const key = String((pair.key as Scalar).value);
            const renamed = applyEdit(key, edit);
            const freeForm = map !== doc.get("config") && doc.getIn(["config", "zero-trust-aws:tags"]) === map;
            (pair.key as Scalar).value = renamed;
            return renamed !== key && !freeForm && !map.items.some((p) => p !== pair && String((p.key as Scalar).value) === renamed);
        },
    })),
    // A value replaced by one of another type: accepted or refused in one line (a top-level string stays a string to Pulumi).
    fc
        .record({
            target: fc.nat(),
            value: fc.oneof(
                fc.integer(),
                fc.boolean(),
                fc.constant(null),
                fc.string({ maxLength: 8 }),
                fc.array(fc.integer(), { maxLength: 2 }),
            ),
        })
        .map(({ target, value }) => ({
            label: `key #${target} set to ${JSON.stringify(value)}`,
            mutate: (doc: Document) => {
                const pairs = pairsOf(doc);
                pairs[target % pairs.length].pair.value = doc.createNode(value);
                return false;
            },
        })),
    // An unknown key added at the top level or in the network object: always refused.
    fc.record({ name: fc.stringMatching(/^[a-z][A-Za-z0-9]{0,12}$/), nested: fc.boolean() }).map(({ name, nested }) => ({
        label: `unknown key ${name} added ${nested ? "to the network" : "at the top level"}`,
        mutate: (doc: Document) => {
            const network = doc.getIn(["config", "zero-trust-aws:network"]) as YAMLMap;
            const map = nested ? network : (doc.get("config") as YAMLMap);
            const key = nested ? `${name}X` : `zero-trust-aws:${name}X`; // the X keeps it off every known key
            map.set(key, "x");
            return true;
        },
    })),
    // A YAML tag on a value, a number no JSON can carry, a bare spelling beside a namespaced one: always refused.
    fc.record({ target: fc.nat(), tag: fc.constantFrom("!Ref", "!GetAtt", "!Sub", "!ImportValue") }).map(({ target, tag }) => ({
        label: `tag ${tag} on the value of key #${target}`,
        mutate: (doc: Document) => {
            const pairs = pairsOf(doc).filter(({ pair }) => isScalar(pair.value));
            (pairs[target % pairs.length].pair.value as Scalar).tag = tag;
            return true;
        },
    })),
    fc.record({ target: fc.nat(), value: fc.constantFrom(Infinity, -Infinity, NaN) }).map(({ target, value }) => ({
        label: `key #${target} set to ${value}`,
        mutate: (doc: Document) => {
            const pairs = pairsOf(doc);
            pairs[target % pairs.length].pair.value = new Scalar(value);
            return true;
        },
    })),
    fc.nat().map((target) => ({
        label: `top-level key #${target} written again without its namespace`,
        mutate: (doc: Document) => {
            const config = doc.get("config") as YAMLMap;
            const keys = config.items.map((p) => String((p.key as Scalar).value)).filter((k) => k.startsWith("zero-trust-aws:"));
            const key = keys[target % keys.length];
            config.set(key.slice("zero-trust-aws:".length), config.get(key));
            return true;
        },
    })),
);

describe("property: a valid stack file mutated one key at a time", () => {
    it("the unmutated file is accepted", () => {
        assert.equal(previewConfig(stagingText), "accepted");
    });

    it(`is accepted or refused in one line, and refused whenever the mutation breaks it (${RUNS} runs)`, () => {
        fc.assert(
            fc.property(mutation, ({ mutate }) => {
                const doc = parseDocument(stagingText);
                const mustRefuse = mutate(doc);
                const result = previewConfig(doc.toString());
                if (mustRefuse) {
                    assert.equal(result, "refused");
                }
            }),
            { numRuns: RUNS },
        );
    });
});

/** Arbitrary JSON, including what is no plan: nulls, lists, steps of the wrong shape. */
const json = fc.jsonValue({ maxDepth: 4 });
const step = fc.record(
    {
        op: fc.oneof(fc.constantFrom("create", "update", "delete"), json),
        urn: fc.oneof(fc.string(), json),
        newState: fc.oneof(json, fc.record({ urn: fc.string(), type: fc.oneof(fc.string(), json), inputs: json })),
    },
    { requiredKeys: [] },
);
const basePlanText = fc.oneof(
    json.map((value) => JSON.stringify(value)),
    fc.record({ steps: fc.oneof(fc.array(step, { maxLength: 3 }), json) }, { requiredKeys: [] }).map((plan) => JSON.stringify(plan)),
    fc.integer({ min: 257, max: 5000 }).map((depth) => `{"steps":[],"deep":${"[".repeat(depth)}${"]".repeat(depth)}}`),
    fc.string({ maxLength: 20 }),
);

describe("property: malformed base plans", () => {
    const head: Plan = {
        steps: [
            {
                op: "create",
                urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::b",
                newState: {
                    urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::b",
                    custom: true,
                    type: "aws:s3/bucket:Bucket",
                    inputs: { a: [1] },
                },
            },
        ],
    };

    it(`are read as a plan the diff can use, or refused in one line (${RUNS} runs)`, () => {
        const dir = tempDir();
        fc.assert(
            fc.property(basePlanText, (text) => {
                const file = path.join(dir, "base.json");
                fs.writeFileSync(file, text);
                outcome(() => diffPlans(readPlan(file), head));
            }),
            { numRuns: RUNS },
        );
    });
});
