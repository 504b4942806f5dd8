import { strict as assert } from "node:assert";
import type { Plan } from "../../offline-preview/plan";
import { diffPlans, renderMarkdown } from "../../offline-preview/plan-diff";
import type { PolicyResult } from "../../offline-preview/policy-results";

const urn = (name: string): string => `urn:pulumi:s::p::aws:ec2/securityGroup:SecurityGroup::${name}`;
const step = (name: string, inputs: Record<string, unknown>): Plan["steps"][number] => ({
    op: "create",
    urn: urn(name),
    newState: { urn: urn(name), custom: true, type: "aws:ec2/securityGroup:SecurityGroup", inputs },
});

describe("plan diff and pull-request Markdown", () => {
    const base: Plan = { steps: [step("kept", { a: 1 }), step("changed", { a: 1, b: [1] }), step("gone", {})] };
    const head: Plan = { steps: [step("kept", { a: 1 }), step("changed", { a: 2, b: [1], c: "x" }), step("new", {})] };

    it("matches resources by URN and lists changed input keys", () => {
        const d = diffPlans(base, head);
        assert.deepEqual(
            d.added.map((s) => s.urn),
            [urn("new")],
        );
        assert.deepEqual(
            d.removed.map((s) => s.urn),
            [urn("gone")],
        );
        assert.deepEqual(
            d.changed.map((c) => [c.after.urn, c.keys]),
            [[urn("changed"), ["a", "c"]]],
        );
        assert.equal(d.unchanged, 1);
    });

    it("renders counts, sections and policy results, escaping table cells", () => {
        const violation: PolicyResult = {
            policyPackName: "zero-trust-guardrails",
            policyPackVersion: "0.1.0",
            policyName: "ingress-no-internet",
            description: "d",
            message: "open | to the world\nport 22",
            enforcementLevel: "mandatory",
            severity: "critical",
            urn: urn("new"),
        };
        const md = renderMarkdown("prod", diffPlans(base, head), [violation]);
        assert.match(md, /:x: \*\*1 mandatory policy violation\(s\)\*\*/);
        assert.match(md, /\*\*\+1\*\* to add, \*\*~1\*\* to change, \*\*-1\*\* to remove, 1 unchanged/);
        assert.match(md, /\| mandatory \| critical \| `ingress-no-internet` \| `new` \| open \\\| to the world<br>port 22 \|/);
        assert.match(md, /\| ~ \| `aws:ec2:SecurityGroup` \| `changed` \| a, c \|/);
        assert.match(md, /\| - \| `aws:ec2:SecurityGroup` \| `gone` \|/);
        assert.doesNotMatch(renderMarkdown("prod", diffPlans(base, base), []), /<details/, "no empty sections");
    });
});
