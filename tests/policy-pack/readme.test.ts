// The pack README's policy table is generated from the policies (policy-pack/docs/policy-table.ts);
// this fails when the committed README differs from what the code says.

import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { policyTable, policyTypes, tableIn, withPolicyTable } from "../../policy-pack/docs/policy-table";
import { allPolicies } from "../../policy-pack/policies";

const readme = fs.readFileSync(path.join(__dirname, "../../policy-pack/README.md"), "utf8");

describe("policy-pack README", () => {
    it("holds the policy table generated from allPolicies", () => {
        const committed = tableIn(readme);
        assert.ok(committed !== undefined, "README.md lacks the <!-- policy-table:start --> / <!-- policy-table:end --> markers");
        assert.ok(committed === policyTable(allPolicies), "policy-pack/README.md: the policy table is out of date; run npm run docs");
    });

    it("lists every policy with its family, severity, default enforcement and config keys", () => {
        const table = policyTable(allPolicies);
        for (const policy of allPolicies) {
            const row = table.split("\n").find((line) => line.startsWith(`| \`${policy.name}\` |`));
            assert.ok(row !== undefined, policy.name);
            assert.ok(row.includes(` | ${policy.severity} | ${policy.enforcementLevel ?? "mandatory"} | `), policy.name);
            for (const key of Object.keys(policy.configSchema?.properties ?? {})) {
                assert.ok(row.includes(`\`${key}\``), `${policy.name}: ${key}`);
            }
        }
    });

    it("lists the resource types each guarded resource policy declares, per provider", () => {
        const sg = allPolicies.find((p) => p.name === "ingress-no-internet-security-group");
        assert.ok(sg !== undefined);
        const { kind, types } = policyTypes(sg);
        assert.equal(kind, "resource");
        assert.ok(types?.includes("aws:ec2/securityGroup:SecurityGroup") && types.includes("aws-native:ec2:SecurityGroup"));
        const lb = allPolicies.find((p) => p.name === "ingress-public-only-via-load-balancer");
        assert.ok(lb !== undefined && policyTypes(lb).types?.includes("aws:lb/loadBalancer:LoadBalancer"));
    });

    it("documents publishing, enabling with a policy group, and a config with exemptions", () => {
        assert.match(readme, /pulumi policy publish/);
        assert.match(readme, /pulumi policy enable <org>\/zero-trust-guardrails latest --policy-group <group> --config config\.json/);
        const example = /```json\n([\s\S]*?)\n```/.exec(readme.slice(readme.indexOf("## Publish and enable")));
        assert.ok(example !== null, "no config example");
        const config = JSON.parse(example[1]) as Record<string, { exemptions?: { reason?: string }[] } | string>;
        const exemptions = Object.values(config).flatMap((c) => (typeof c === "object" ? (c.exemptions ?? []) : []));
        assert.ok(exemptions.length > 0 && exemptions.every((e) => typeof e.reason === "string" && e.reason.length > 0));
        for (const name of Object.keys(config)) {
            assert.ok(
                allPolicies.some((p) => p.name === name),
                `config example names an unknown policy ${name}`,
            );
        }
    });

    it("splices a table between the markers and nothing else", () => {
        const doc = "intro\n<!-- policy-table:start -->\nold\n<!-- policy-table:end -->\noutro\n";
        assert.equal(withPolicyTable(doc, "| new |"), "intro\n<!-- policy-table:start -->\n| new |\n<!-- policy-table:end -->\noutro\n");
        assert.throws(() => withPolicyTable("no markers", "x"));
    });
});
