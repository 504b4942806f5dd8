import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { listStacks, readStackConfig, SECRET_PLACEHOLDER } from "../../offline-preview/stack-config";
import { repoRoot, tempDir } from "./cli-harness";

function project(files: Record<string, string>): string {
    const dir = tempDir();
    for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

describe("stack config as the Pulumi CLI reads it", () => {
    it("applies project defaults, {value:} objects and plain values, lets the stack win, and namespaces bare keys", () => {
        const dir = project({
            "Pulumi.yaml": [
                "name: demo",
                "runtime: nodejs",
                "config:",
                "  aws:region: us-east-1",
                "  retention:",
                "    type: integer",
                "    default: 365",
                "  labels:",
                "    value: {team: platform}",
                "  zones:",
                "    type: array",
                "    items: {type: string}",
                "    default: [a, b]",
            ].join("\n"),
            "Pulumi.dev.yaml": "config:\n  aws:region: eu-west-1\n  demo:size: 3\n  net: {cidr: 10.0.0.0/16}\n",
        });
        const c = readStackConfig(dir, "dev");
        assert.equal(c.project, "demo");
        assert.deepEqual(c.config, {
            "aws:region": "eu-west-1",
            "demo:retention": "365",
            "demo:labels": '{"team":"platform"}',
            "demo:zones": '["a","b"]',
            "demo:size": "3",
            "demo:net": '{"cidr":"10.0.0.0/16"}',
        });
        assert.deepEqual(c.secretKeys, []);
    });

    it("never decrypts secure: values; they become a placeholder and a secret key", () => {
        const dir = project({
            "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
            "Pulumi.dev.yaml": "config:\n  demo:dbPassword:\n    secure: v1:AAAAbase64cipher\n",
        });
        const c = readStackConfig(dir, "dev");
        assert.equal(c.config["demo:dbPassword"], SECRET_PLACEHOLDER);
        assert.deepEqual(c.secretKeys, ["demo:dbPassword"]);
        assert.ok(!JSON.stringify(c).includes("AAAAbase64cipher"));
    });

    it("refuses an unknown stack naming the stacks there are, and a bad stack name", () => {
        assert.throws(
            () => readStackConfig(repoRoot, "qa"),
            (e: Error) =>
                e.name === "UsageError" && /--stack=qa: expected one of the project's stacks \(management, prod, staging\)/.test(e.message),
        );
        assert.throws(() => readStackConfig(repoRoot, "../etc"), /expected a stack name/);
    });

    it("refuses YAML that does not parse and a project without a name", () => {
        const bad = project({ "Pulumi.yaml": "name: demo\nruntime: nodejs\n", "Pulumi.dev.yaml": "config: [unclosed\n" });
        assert.throws(() => readStackConfig(bad, "dev"), /Pulumi\.dev\.yaml: expected valid YAML/);
        const nameless = project({ "Pulumi.yaml": "runtime: nodejs\n", "Pulumi.dev.yaml": "config: {}\n" });
        assert.throws(() => readStackConfig(nameless, "dev"), /key name=undefined: expected the project name/);
    });

    it("lists the repository's stacks", () => {
        assert.deepEqual(listStacks(repoRoot), ["management", "prod", "staging"]);
    });
});
