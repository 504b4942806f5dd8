import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import type { Policy } from "../../policy-pack/node_modules/@pulumi/policy";
import { policyTypes } from "../../policy-pack/docs/policy-table";
import { resourceInputs, resourceProperties } from "../../policy-pack/docs/provider-schemas";
import { guardResource } from "../../policy-pack/policies/guard";
import { allPolicies } from "../../policy-pack/policies";
import { UNKNOWN } from "../../policy-pack/readers/known";
import { REPOSITORY } from "../architecture/import-graph";
import { readSeeds } from "./property-read-seeds";
import { packReads, propertiesNotInSdk, type Reads } from "./property-reads";

// A reader that names a property the provider does not define reads nothing, always: the rule it
// feeds passes every resource (a silent bypass). Every top-level property the pack reads, of
// every type it declares, must be one the pinned provider SDKs define for that type.

/** The literal keys the pack's sources pass to `reading.get` / `reading.list`, with a file naming each. */
function literalKeys(): Map<string, string> {
    const keys = new Map<string, string>();
    for (const folder of ["readers", "policies"]) {
        const root = path.join(REPOSITORY, "policy-pack", folder);
        // Exemptions read the tags the config names, of whatever type: not a property of a declared type.
        const files = fs
            .readdirSync(root, { recursive: true, encoding: "utf8" })
            .filter((f) => f.endsWith(".ts") && !f.startsWith("exemptions"));
        for (const file of files) {
            const visit = (node: ts.Node): void => {
                if (
                    ts.isCallExpression(node) &&
                    ts.isPropertyAccessExpression(node.expression) &&
                    ts.isIdentifier(node.expression.expression) &&
                    node.expression.expression.text === "reading" &&
                    ["get", "list"].includes(node.expression.name.text) &&
                    node.arguments.length > 1 &&
                    ts.isStringLiteral(node.arguments[1])
                ) {
                    keys.set(node.arguments[1].text, `policy-pack/${folder}/${file}`);
                }
                ts.forEachChild(node, visit);
            };
            visit(ts.createSourceFile(file, fs.readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, false));
        }
    }
    return keys;
}

describe("property names the pack reads exist in the provider SDKs", function () {
    this.timeout(120_000);
    let reads: Reads;
    let pairs: string[];
    before(() => {
        reads = packReads(allPolicies, readSeeds);
        pairs = [...reads.topLevel].flatMap(([type, keys]) => [...keys].map((key) => `${type} ${key}`));
    });

    it("reads the SDKs' type definitions (so the check below cannot pass on empty sets)", () => {
        assert.ok(resourceProperties("aws:ec2/instance:Instance")?.has("rootBlockDevice"));
        assert.ok(resourceProperties("aws:s3/bucketV2:BucketV2")?.has("serverSideEncryptionConfigurations"));
        assert.ok(resourceProperties("aws-native:rds:DbInstance")?.has("storageEncrypted"));
        assert.equal(resourceProperties("aws:ec2/instance:Instance")?.has("storageEncrypted"), false);
        assert.equal(resourceProperties("aws:no/such:Type"), undefined);
    });

    it("counts a class's outputs and id as readable (a stack policy sees outputs), but only inputs for the coverage report", () => {
        assert.ok(resourceProperties("aws-native:ec2:SecurityGroup")?.has("groupId"));
        assert.ok(resourceProperties("aws:ec2/securityGroup:SecurityGroup")?.has("id"));
        assert.equal(resourceInputs("aws-native:ec2:SecurityGroup")?.has("groupId"), false);
        assert.ok(resourceInputs("aws-native:ec2:SecurityGroup")?.has("securityGroupIngress"));
    });

    it("collects what every policy reads: at least one property of every type a resource policy declares, over two hundred pairs in all", () => {
        // (A stack policy may only follow dependencies to some of its types, as to the VPC of a flow log.)
        const declared = allPolicies.flatMap((policy) =>
            policyTypes(policy).kind === "resource" ? (policyTypes(policy).types ?? []) : [],
        );
        assert.deepEqual(
            [...new Set(declared)].filter((type) => (reads.topLevel.get(type)?.size ?? 0) === 0),
            [],
        );
        assert.ok(pairs.length > 200, `only ${pairs.length} (type, property) pairs were read`);
    });

    it("reaches every branch that reads a literal key (every key passed to reading.get/list was read in some run)", () => {
        const keys = literalKeys();
        assert.ok(keys.size > 50, `only ${keys.size} literal keys found`);
        assert.deepEqual(
            [...keys].filter(([key]) => !reads.anyDepth.has(key)).map(([key, file]) => `${key} (${file})`),
            [],
        );
    });

    it("no policy reads a top-level property that the pinned SDKs do not define for the type", () => {
        assert.deepEqual(propertiesNotInSdk(reads), []);
    });

    it("finds a misspelled property, also one read only down a branch", () => {
        const misspelled = {
            name: "test-misspelled-reader",
            description: "reads kmsKeyID (the SDK says kmsKeyId) once the volume is encrypted",
            enforcementLevel: "mandatory",
            validateResource: guardResource(
                "test-misspelled-reader",
                new Set(["aws:ebs/volume:Volume"]),
                (_args, props, report, reading) => {
                    const encrypted = reading.get(props, "encrypted");
                    if (encrypted !== UNKNOWN && encrypted === true && reading.get(props, "kmsKeyID") === undefined) {
                        report("no key");
                    }
                },
            ),
        } as Policy;
        assert.deepEqual(propertiesNotInSdk(packReads([misspelled])), ["aws:ebs/volume:Volume kmsKeyID"]);
    });
});
