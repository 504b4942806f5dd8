import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { coverageReport, REPORT_END, REPORT_START, uncoveredTypes, type UncoveredType } from "../../policy-pack/docs/coverage-report";
import { sectionIn } from "../../policy-pack/docs/markers";
import { NOT_YET_COVERED } from "../../policy-pack/docs/not-yet-covered";
import { allPolicies } from "../../policy-pack/policies";

// The README's "Not yet covered" report: the stores, ingress points and TLS endpoints of both
// providers that no policy reads, each with its reason, so the gap is visible and shrinks as
// coverage grows.

describe("not-yet-covered report", function () {
    this.timeout(120_000);
    let uncovered: UncoveredType[];
    before(() => {
        uncovered = uncoveredTypes(allPolicies);
    });

    it("finds stores, ingress and TLS types by their properties, in both providers, and leaves out the types a policy declares", () => {
        const everything = new Map(uncoveredTypes([]).map((entry) => [entry.type, entry.properties] as const));
        assert.deepEqual(everything.get("aws:rds/instance:Instance")?.includes("kmsKeyId"), true);
        assert.deepEqual(everything.get("aws-native:ec2:SecurityGroup")?.includes("securityGroupIngress"), true);
        assert.deepEqual(everything.get("aws:lb/listener:Listener")?.includes("sslPolicy"), true);
        assert.equal(everything.has("aws:ec2/vpc:Vpc"), false, "cidrBlock (a VPC's own range) is no indicator");
        const listed = new Set(uncovered.map((entry) => entry.type));
        assert.equal(listed.has("aws:rds/instance:Instance"), false);
        assert.ok(
            uncovered.some((entry) => entry.type.startsWith("aws-native:")) && uncovered.some((entry) => entry.type.startsWith("aws:")),
        );
        assert.ok(uncovered.length > 100, `only ${uncovered.length} types listed`);
    });

    it("every listed type has a reason", () => {
        assert.deepEqual(
            uncovered.filter((entry) => (NOT_YET_COVERED[entry.type] ?? "").trim() === "").map((entry) => entry.type),
            [],
        );
    });

    it("every reason names a type that is still listed (delete the reason when a policy reads the type)", () => {
        const listed = new Set(uncovered.map((entry) => entry.type));
        assert.deepEqual(
            Object.keys(NOT_YET_COVERED).filter((type) => !listed.has(type)),
            [],
        );
    });

    it("a reason says why, not when: no plans, issues or to-dos", () => {
        assert.deepEqual(
            Object.entries(NOT_YET_COVERED).filter(([, reason]) => /\b(planned|issue|todo|tbd|later)\b/i.test(reason)),
            [],
        );
    });

    it("groups the report by service and shows each type's properties and reason", () => {
        const sample: UncoveredType[] = [
            { type: "aws:a/x:X", service: "a", properties: ["kmsKeyId"] },
            { type: "aws:a/y:Y", service: "a", properties: ["sslPolicy"] },
            { type: "aws:b/z:Z", service: "b", properties: ["ingress"] },
        ];
        const rows = coverageReport(sample, { "aws:a/x:X": "why x" }).split("\n").slice(4);
        assert.deepEqual(rows, [
            "| **a** | `aws:a/x:X` | `kmsKeyId` | why x |",
            "|  | `aws:a/y:Y` | `sslPolicy` | (no reason) |",
            "| **b** | `aws:b/z:Z` | `ingress` | (no reason) |",
        ]);
    });

    it("the pack README publishes the current report (npm run docs writes it)", () => {
        const readme = fs.readFileSync(path.join(__dirname, "../../policy-pack/README.md"), "utf8");
        const published = sectionIn(readme, REPORT_START, REPORT_END);
        assert.ok(published !== undefined, "policy-pack/README.md lacks the not-yet-covered markers");
        assert.ok(
            published === coverageReport(uncovered, NOT_YET_COVERED),
            "policy-pack/README.md: the report is out of date; run npm run docs",
        );
    });
});
