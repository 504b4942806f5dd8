// The stack config reference (docs/config-reference.md) is generated from the zod schemas
// (tools/docs/config-reference.ts); this fails when a config key has no description and when the
// rendering rules break (tests/docs/generated-docs.test.ts checks the committed document).

import { strict as assert } from "assert";
import { z } from "zod";
import { configRows, configSection, typeOf, type StackKindReference } from "../../tools/docs/config-reference";
import { projectDefaults, STACK_KINDS } from "../../tools/docs/generated-docs";

/** A small stack kind exercising every rule: nesting, lists of objects, records, defaults. */
const sample: StackKindReference = {
    heading: "Sample",
    intro: "A sample stack.",
    configKeys: ["aws:region", "sample:network", "sample:retentionDays", "sample:owner", "sample:identity"],
    schema: z.object({
        region: z.string().meta({ description: "home region" }),
        network: z.object({
            ports: z.array(z.number().int().min(1).max(65535)).min(1).default([443]).meta({ description: "ports" }),
            mode: z.enum(["one", "many"]).optional().meta({ description: "mode", defaultText: "one per zone" }),
        }),
        retentionDays: z.number().int().default(7).meta({ description: "days" }),
        owner: z.record(z.string(), z.string()).optional().meta({ description: "tags" }),
        identity: z
            .object({
                instance: z.string().meta({ description: "instance" }),
                assignments: z
                    .array(z.object({ group: z.string().meta({ description: "group" }), label: z.string().optional() }))
                    .meta({ description: "who" }),
            })
            .optional(),
    }),
};

describe("config reference", () => {
    it("describes every key of every kind of stack", () => {
        for (const kind of STACK_KINDS) {
            const rows = configRows(kind, {});
            assert.ok(rows.length > 30, kind.heading);
            const undescribed = rows.filter((row) => row.description === undefined || row.description.trim() === "").map((row) => row.key);
            assert.deepEqual(undescribed, [], `${kind.heading}: add .meta({ description }) to these fields`);
        }
    });

    it("lists every config key the stacks read, under its full key", () => {
        for (const kind of STACK_KINDS) {
            const rows = configRows(kind, {}).map((row) => row.key);
            for (const key of kind.configKeys) {
                assert.ok(
                    rows.some((row) => row === key || row.startsWith(`${key}.`)),
                    `${kind.heading}: ${key}`,
                );
            }
        }
    });

    it("breaks objects into fields, lists of objects into their items' fields, and says what is required where", () => {
        const rows = configRows(sample, { "sample:retentionDays": 30 });
        assert.deepEqual(
            rows.map((row) => [row.key, row.type, row.default]),
            [
                ["aws:region", "string", "— (required)"],
                ["sample:network.ports", "(integer, 1–65535)[], non-empty", "`[443]`"],
                ["sample:network.mode", "`one` | `many`", "one per zone"],
                ["sample:retentionDays", "integer", "`30` (Pulumi.yaml)"],
                ["sample:owner", "{string: string}", "—"],
                ["sample:identity.instance", "string", "— (required in `sample:identity`)"],
                ["sample:identity.assignments", "{group, label?}[]", "— (required in `sample:identity`)"],
                ["sample:identity.assignments[].group", "string", "— (required in `sample:identity.assignments[]`)"],
                ["sample:identity.assignments[].label", "string", "—"],
            ],
        );
        assert.equal(rows.find((row) => row.key === "sample:identity.assignments[].label")?.description, undefined);
    });

    it("escapes the table's column separator inside cells", () => {
        const section = configSection(sample, {});
        assert.ok(section.includes("| `sample:network.mode` | `one` \\| `many` | one per zone | mode |"), section);
    });

    it("refuses a schema field that no config key (or more than one) names", () => {
        assert.throws(() => configRows({ ...sample, configKeys: ["aws:region"] }, {}), /schema field network has 0 config keys/);
        assert.throws(
            () => configRows({ ...sample, configKeys: [...sample.configKeys, "other:network"] }, {}),
            /schema field network has 2 config keys/,
        );
    });

    it("takes project defaults from Pulumi.yaml under the project's namespace", () => {
        assert.deepEqual(
            projectDefaults(
                "config:\n  pulumi:disable-default-providers: ['*']\n  flowLogRetentionDays:\n    type: integer\n    default: 365\n",
            ),
            {
                "zero-trust-aws:flowLogRetentionDays": 365,
            },
        );
    });

    it("states numeric bounds, leaving out the ones zod adds to every integer", () => {
        assert.equal(typeOf({ type: "integer", minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }), "integer");
        assert.equal(typeOf({ type: "number", maximum: 10 }), "number, ≤ 10");
        assert.equal(typeOf({ type: "array", items: { type: "string" }, minItems: 2 }), "string[], ≥ 2 items");
    });
});
