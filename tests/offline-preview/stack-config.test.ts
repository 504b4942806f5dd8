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

    describe("refuses in one line what the Pulumi CLI would read otherwise than meant", () => {
        const cases: [what: string, projectFile: string, stackFile: string, message: RegExp][] = [
            [
                "a misspelled key of Pulumi.yaml",
                "name: demo\nruntme: nodejs\n",
                "config: {}\n",
                /Pulumi\.yaml: key runtme: expected one of name, runtime, .* \(did you mean runtime\?\)$/,
            ],
            [
                "a misspelled top-level key of the stack file",
                "name: demo\n",
                "confg: {}\n",
                /Pulumi\.dev\.yaml: key confg: expected one of config, secretsprovider, encryptedkey, encryptionsalt, environment \(did you mean config\?\)$/,
            ],
            [
                "an empty stack file",
                "name: demo\n",
                "",
                /Pulumi\.dev\.yaml: expected the settings of stack dev \(a mapping of config, .*\), found an empty file$/,
            ],
            ["a stack file that is a list", "name: demo\n", "- a\n", /found a list$/],
            ["a stack file that is a scalar", "name: demo\n", "'8443'\n", /found the value '8443'$/],
            ["a project file that is a list", "- name\n", "config: {}\n", /Pulumi\.yaml: expected the Pulumi project file .*found a list$/],
            [
                "a config: that is no mapping",
                "name: demo\n",
                "config: 5\n",
                /Pulumi\.dev\.yaml: config=5: expected a mapping of config keys to values$/,
            ],
            [
                "a key written twice",
                "name: demo\n",
                "config:\n  demo:a: 1\n  demo:a: 2\n",
                /Pulumi\.dev\.yaml: key demo:a \(line 3\) is written twice in one mapping: expected each key once$/,
            ],
            [
                "a key with and without the project namespace",
                "name: demo\n",
                "config:\n  demo:net: {}\n  net: {}\n",
                /config\.net: expected one spelling of the key demo:net, but it is written both as demo:net and as net$/,
            ],
            [
                "the same in the project's defaults",
                "name: demo\nconfig:\n  net: 1\n  demo:net: 2\n",
                "config: {}\n",
                /Pulumi\.yaml: config\.demo:net: expected one spelling of the key demo:net/,
            ],
            [
                "a CloudFormation tag",
                "name: demo\n",
                "config:\n  demo:vpc: !GetAtt Vpc.Id\n",
                /config\.demo:vpc=!GetAtt Vpc\.Id: expected a plain value, not the tag !GetAtt/,
            ],
            [
                "a tag in a list in an object",
                "name: demo\n",
                "config:\n  demo:n:\n    ids: [a, !Ref b]\n",
                /config\.demo:n\.ids\[1\]=!Ref b: expected a plain value/,
            ],
            ["an infinity", "name: demo\n", "config:\n  demo:n: {port: -.inf}\n", /config\.demo:n\.port=-\.inf: expected a finite number/],
            ["a NaN", "name: demo\n", "config:\n  demo:n: .NaN\n", /config\.demo:n=\.NaN: expected a finite number/],
            [
                "a number too large for a double",
                "name: demo\n",
                "config:\n  demo:n: [1e309]\n",
                /config\.demo:n\[0\]=1e309: expected a finite number/,
            ],
        ];
        for (const [what, projectFile, stackFile, message] of cases) {
            it(what, () => {
                const dir = project({ "Pulumi.yaml": projectFile, "Pulumi.dev.yaml": stackFile });
                assert.throws(
                    () => readStackConfig(dir, "dev"),
                    (e: Error) => e.name === "UsageError" && !e.message.includes("\n") && message.test(e.message),
                );
            });
        }

        it("refuses a folder without Pulumi.yaml, naming the folder", () => {
            const dir = tempDir();
            assert.throws(
                () => readStackConfig(dir, "dev"),
                /^UsageError: --project=.*: expected a Pulumi project folder, but .*Pulumi\.yaml does not exist$/,
            );
        });
    });

    it("lists the repository's stacks", () => {
        assert.deepEqual(listStacks(repoRoot), ["management", "prod", "staging"]);
    });
});
