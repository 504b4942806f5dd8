import * as assert from "node:assert/strict";
import { bypassCorpus, type BypassCase } from "./bypass-corpus";
import { assertEvaluated, check, checkStack, policyNamed, resourcePolicy, stackPolicy, type PolicyResource } from "./harness";

// Runs every entry of the bypass corpus through the policy it names: the violating resources must
// be refused, their compliant twin must pass.

function refusals(entry: BypassCase, resources: PolicyResource[]): string[] {
    const policy = policyNamed(entry.policy);
    const config = entry.config ?? {};
    if ("validateStack" in policy) {
        return checkStack(stackPolicy(entry.policy), resources, config).map((violation) => violation.message);
    }
    return resources.flatMap((r) => check(resourcePolicy(entry.policy), r.type, r.props, config));
}

describe("bypass corpus: what was tried against the pack is refused, and its compliant twin passes", () => {
    for (const entry of bypassCorpus) {
        describe(`${entry.policy}: ${entry.title}`, () => {
            it("refuses the bypass", () => {
                const messages = refusals(entry, entry.violating());
                assertEvaluated(messages);
                assert.ok(messages.length > 0, "the bypass passed the policy");
            });
            it("accepts the compliant twin", () => {
                assert.deepEqual(refusals(entry, entry.compliant()), []);
            });
        });
    }
});
