import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { allPolicies } from "../../policy-pack/policies";
import { FRAMEWORKS, TAG } from "../../policy-pack/policies/metadata";

const packDir = path.join(__dirname, "../../policy-pack");
const ADVISORY = new Set(["exemptions-in-use", "tls-load-balancer-target-group", "workload-ecs-non-root-user"]);

describe("policy-pack metadata", () => {
    it("is a publishable package with exact pins and an entry the engine can require", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as {
            name: string;
            version: string;
            private?: boolean;
            main: string;
            dependencies: Record<string, string>;
        };
        assert.equal(pkg.name, "zero-trust-guardrails");
        assert.equal(pkg.private, undefined);
        assert.ok(/^\d+\.\d+\.\d+$/.test(pkg.version));
        assert.ok(fs.existsSync(path.join(packDir, pkg.main)));
        assert.deepEqual(pkg.dependencies, { "@pulumi/policy": "1.21.0", "@pulumi/pulumi": "3.248.0", "ipaddr.js": "2.5.0" });
        assert.ok(fs.existsSync(path.join(packDir, "package-lock.json")));
        assert.match(fs.readFileSync(path.join(packDir, "PulumiPolicy.yaml"), "utf8"), /runtime: nodejs/);
    });

    it("describes every family it enforces, not only ingress (the description Pulumi Cloud shows)", () => {
        const description = fs.readFileSync(path.join(packDir, "PulumiPolicy.yaml"), "utf8").replace(/\s+/g, " ");
        for (const family of [
            /no ingress from the whole internet/,
            /TLS 1\.2 or newer/,
            /customer-managed KMS keys/,
            /stack-wide controls/,
            /hardened workloads/,
            /identity as the perimeter/,
        ]) {
            assert.match(description, family);
        }
    });

    it("every policy carries name, description, severity, framework, tags, remediation and a doc URL", () => {
        const names = new Set<string>();
        for (const policy of allPolicies) {
            assert.match(policy.name, /^(ingress|tls|encryption|stack|workload|identity|exemptions)-[a-z0-9]+(-[a-z0-9]+)*$/, policy.name);
            assert.ok(!names.has(policy.name), `duplicate ${policy.name}`);
            names.add(policy.name);
            assert.ok(policy.description.length > 40, policy.name);
            // Advisory: the list of exemptions in use (it must never block), and the two rules the pack
            // cannot always prove from the stack (an image's USER, TLS in the targets).
            assert.equal(policy.enforcementLevel, ADVISORY.has(policy.name) ? "advisory" : "mandatory", policy.name);
            assert.ok(policy.severity !== undefined, policy.name);
            assert.ok(
                policy.framework?.name && policy.framework.version && policy.framework.reference && policy.framework.specification,
                policy.name,
            );
            assert.ok(
                (policy.tags ?? []).some((t) => t.startsWith("nist-800-53-r5:")),
                policy.name,
            );
            assert.ok(
                (policy.tags ?? []).some((t) => t.startsWith("pci-dss-v4.0:")),
                policy.name,
            );
            assert.ok((policy.remediationSteps ?? "").length > 40, policy.name);
            assert.match(policy.url ?? "", /^https:\/\/docs\.aws\.amazon\.com\//, policy.name);
        }
    });

    it("spells each framework one way, so Pulumi Cloud's compliance view groups its policies under one framework", () => {
        const canonical = FRAMEWORKS.map((f) => `${f.name} ${f.version}`);
        for (const policy of allPolicies) {
            assert.ok(
                canonical.includes(`${policy.framework?.name} ${policy.framework?.version}`),
                `${policy.name}: ${policy.framework?.name} ${policy.framework?.version}`,
            );
        }
    });

    it("tags each control with the one prefix of its framework's TAG helper", () => {
        const prefixes = Object.values(TAG).map((tag) => tag("x").slice(0, -"x".length));
        // `store:<name>` names the data store a tag filter selects, not a control.
        for (const policy of allPolicies) {
            for (const tag of (policy.tags ?? []).filter((t) => t.includes(":") && !t.startsWith("store:"))) {
                assert.ok(
                    prefixes.some((p) => tag.startsWith(p)),
                    `${policy.name}: ${tag} is not spelt by a TAG helper`,
                );
            }
        }
    });

    it("config schemas have defaults and never declare enforcementLevel (the SDK forbids it)", () => {
        for (const policy of allPolicies) {
            for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
                assert.notEqual(key, "enforcementLevel");
                assert.ok(typeof schema === "object" && schema.default !== undefined && schema.description, `${policy.name}.${key}`);
            }
        }
    });
});
