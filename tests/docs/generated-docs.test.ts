// Every document `npm run docs` generates (tools/docs/generated-docs.ts) must be committed as the
// code says it; and the control catalogue's tables must cover every policy of the pack.

import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { policyTypes } from "../../policy-pack/docs/policy-table";
import { allPolicies } from "../../policy-pack/policies";
import { CONTROL_FAMILIES, familySection, withControlTables } from "../../tools/docs/control-catalogue";
import { GENERATED_DOCS, ROOT } from "../../tools/docs/generated-docs";
import { withSection } from "../../tools/docs/markdown";

describe("generated documents", () => {
    for (const doc of GENERATED_DOCS) {
        it(`${doc.path} is up to date (run npm run docs)`, () => {
            const committed = fs.readFileSync(path.join(ROOT, doc.path), "utf8");
            assert.ok(committed === doc.render(committed), `${doc.path} is out of date; run npm run docs`);
        });
    }
});

describe("control catalogue tables", () => {
    it("put every policy of the pack in exactly one family", () => {
        for (const policy of allPolicies) {
            const families = CONTROL_FAMILIES.filter((family) => policy.name.startsWith(family.prefix));
            assert.equal(families.length, 1, `${policy.name}: ${families.map((f) => f.prefix).join(", ") || "no family"}`);
        }
    });

    it("list each policy with its default enforcement and the types it reads", () => {
        const sections = CONTROL_FAMILIES.map((family) => familySection(family)).join("\n");
        for (const policy of allPolicies) {
            const row = sections.split("\n").find((line) => line.startsWith(`| \`${policy.name}\` |`));
            assert.ok(row !== undefined, policy.name);
            assert.ok(row.includes(` | ${policy.enforcementLevel ?? "mandatory"} | `), policy.name);
            for (const type of policyTypes(policy).types ?? []) {
                assert.ok(row.includes(`\`${type}\``), `${policy.name}: ${type}`);
            }
        }
    });

    it("mark the policies that can remediate, and list each family's settings with their defaults once", () => {
        const tls = familySection(CONTROL_FAMILIES.find((family) => family.prefix === "tls-")!);
        assert.match(tls, /\| `tls-load-balancer-listener` \|[^\n]*\| mandatory \| yes \|/);
        assert.match(tls, /\| `tls-msk-in-transit` \|[^\n]*\| mandatory \| — \|/);
        assert.match(tls, /\| `plaintextPassthroughPorts` \| `tls-load-balancer-listener`(, `[a-z-]+`)* \| `\[\]` \|/);
        assert.ok(!tls.includes("| `exemptions` |"), "exemptions are described once, not per family");
        const ingress = familySection(CONTROL_FAMILIES.find((family) => family.prefix === "ingress-")!);
        assert.equal(ingress.split("\n").filter((line) => line.startsWith("| `publicPorts` |")).length, 1);
    });

    it("refuse a document without a family's markers, and a family with no policy", () => {
        assert.throws(() => withControlTables("# Controls\n"), /no <!-- generated:controls-ingress:start -->/);
        assert.throws(() => familySection({ section: "x", prefix: "nothing-" }), /no policy of the pack starts with nothing-/);
    });

    it("splice a generated section between its markers and leave the rest alone", () => {
        const doc = "intro\n<!-- generated:a:start -->\nold\n<!-- generated:a:end -->\noutro\n";
        assert.equal(withSection(doc, "a", "new"), "intro\n<!-- generated:a:start -->\nnew\n<!-- generated:a:end -->\noutro\n");
        assert.throws(() => withSection(doc, "b", "new"), /no <!-- generated:b:start -->/);
    });
});
