import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { policyTypes } from "../../policy-pack/docs/policy-table";
import { type Provider, providerResources } from "../../policy-pack/docs/provider-schemas";
import { allPolicies } from "../../policy-pack/policies";

// A rule keyed on a type token the provider does not define never matches a real resource: a
// silent bypass. Every token the pack names (in code or in a comment describing what a reader
// reads) must be one the pinned provider SDKs register, read from their own classes.

const REPOSITORY = path.resolve(__dirname, "..", "..");
const TOKEN = /\baws(?:-native)?:[A-Za-z0-9]+(?:\/[A-Za-z0-9]+)?:[A-Z][A-Za-z0-9]*\b/g;

/** The type tokens a provider package registers: each resource class's `__pulumiType`. */
function registeredTypes(provider: Provider): Set<string> {
    return new Set([...providerResources().values()].filter((r) => r.provider === provider).map((r) => r.type));
}

function filesUnder(folder: string, suffix: string): string[] {
    return fs
        .readdirSync(folder, { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(suffix) && !file.split(path.sep).includes("node_modules"))
        .map((file) => path.join(folder, file));
}

/** Every token named in the pack's readers and policies, with the first file naming it. */
function tokensNamedByThePack(): Map<string, string> {
    const named = new Map<string, string>();
    for (const folder of ["readers", "policies"]) {
        for (const file of filesUnder(path.join(REPOSITORY, "policy-pack", folder), ".ts")) {
            for (const [token] of fs.readFileSync(file, "utf8").matchAll(TOKEN)) {
                if (!named.has(token)) {
                    named.set(token, path.relative(REPOSITORY, file));
                }
            }
        }
    }
    return named;
}

describe("type tokens the pack names exist in the provider SDKs", () => {
    const named = tokensNamedByThePack();
    const registered = { aws: registeredTypes("aws"), "aws-native": registeredTypes("aws-native") };

    it("reads the registered types of both providers (so the checks below cannot pass on empty sets)", () => {
        assert.ok(registered.aws.has("aws:s3/bucket:Bucket"), "@pulumi/aws registers aws:s3/bucket:Bucket");
        assert.ok(registered["aws-native"].has("aws-native:s3:Bucket"), "@pulumi/aws-native registers aws-native:s3:Bucket");
        assert.ok(registered.aws.size > 1000 && registered["aws-native"].size > 500);
    });

    it("every type a policy declares is named in the pack's sources, and seen by this scan", () => {
        const declared = allPolicies.flatMap((policy) => policyTypes(policy).types ?? []);
        assert.ok(declared.length > 50);
        assert.deepEqual(
            declared.filter((type) => !named.has(type)),
            [],
        );
    });

    it("no reader or policy names an @pulumi/aws or @pulumi/aws-native type token the pinned SDKs do not define", () => {
        const unknown = [...named]
            .filter(([token]) => !registered[token.startsWith("aws-native:") ? "aws-native" : "aws"].has(token))
            .map(([token, file]) => `${token} (${file})`);
        assert.deepEqual(unknown, []);
    });
});
