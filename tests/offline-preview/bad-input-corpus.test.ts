// The corpus of bad input: one table, every entry one refusal of the real CLI (spawned as
// `npm run preview` runs it) with exit code 2, one line on stderr naming what it names here, no
// stack trace, and no output file written. `BAD_INPUT_CORPUS.length` is the count of tries.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { assertOneLineError, repoRoot, runCliAsync, tempDir, type CliResult } from "./cli-harness";

/** The classes of bad input issue 16 lists; every one has entries below. */
const CLASSES = [
    "unknown key",
    "duplicate spelling",
    "value shown as written",
    "policy config",
    "project files",
    "base plan",
    "output path",
    "command line",
] as const;

interface Entry {
    readonly class: (typeof CLASSES)[number];
    readonly what: string;
    /** The arguments after `--json <plan>` (for output paths, after `--outputs <file>`), given a fresh folder. */
    readonly args: (dir: string) => string[];
    /** What the one line must name: the file or key, the value as written, what was expected. */
    readonly mentions: readonly string[];
}

const stagingText = fs.readFileSync(path.join(repoRoot, "Pulumi.staging.yaml"), "utf8");

/** A project running this repository's program, with `Pulumi.yaml` and the stack file `edited` as given. */
function project(dir: string, stackFile: string, projectFile = fs.readFileSync(path.join(repoRoot, "Pulumi.yaml"), "utf8")): string[] {
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), projectFile);
    fs.copyFileSync(path.join(repoRoot, "Pulumi.management.yaml"), path.join(dir, "Pulumi.management.yaml"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "edited", main: path.join(repoRoot, "stacks/index.ts") }));
    fs.writeFileSync(path.join(dir, "Pulumi.edited.yaml"), stackFile);
    return ["--project", dir, "--stack", "edited"];
}

/** Staging's stack file with one line replaced (the line must exist), or a line added under `config:`. */
const staging = (find: RegExp | undefined, replacement: string): string => {
    if (find === undefined) {
        return `${stagingText.trimEnd()}\n${replacement}\n`;
    }
    assert.match(stagingText, find);
    return stagingText.replace(find, replacement);
};

/** A file in `dir` with this text; its path. */
const file = (dir: string, name: string, text: string): string => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
};

/** A small fixture program, so that a refusal that needs the pack's schemas comes quickly. */
const fixture = ["--project", path.join(repoRoot, "tests/fixtures/open-ingress-program"), "--stack", "test"];
const policyConfig = (dir: string, text: string) => [...fixture, "--policy-config", file(dir, "policy-config.json", text)];
const basePlan = (dir: string, text: string) => [...fixture, "--skip-policy-pack", "--diff", file(dir, "base.json", text)];
const deep = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;

export const BAD_INPUT_CORPUS: readonly Entry[] = [
    // Keys nothing reads, at every level of every file, with the key meant.
    ...[
        [
            "a misspelled key of the project",
            "  zero-trust-aws:netwrok: {}",
            ['zero-trust-aws:netwrok="{}"', "did you mean zero-trust-aws:network?"],
        ],
        ["an unknown key of the project", "  zero-trust-aws:colour: blue", ['zero-trust-aws:colour="blue"', "a key this project reads"]],
        [
            "a misspelled project namespace",
            "  zero-trust-awss:appPort: 1",
            ["zero-trust-awss:appPort", "did you mean zero-trust-aws:appPort?"],
        ],
        ["a misspelled provider namespace", "  asw:region: eu-west-1", ['asw:region="eu-west-1"', "did you mean aws:region?"]],
        ["a misspelled key of the aws namespace", "  aws:regoin: eu-west-1", ["aws:regoin", "did you mean aws:region?"]],
    ].map(([what, line, mentions]): Entry => ({
        class: "unknown key",
        what: what as string,
        args: (dir) => project(dir, staging(undefined, line as string)),
        mentions: mentions as string[],
    })),
    {
        class: "unknown key",
        what: "a misspelled nested key",
        args: (dir) => project(dir, staging(/natGateways: single/, "natGateway: single")),
        mentions: ['zero-trust-aws:network.natGateway="single"', "did you mean natGateways?"],
    },
    {
        class: "unknown key",
        what: "a misspelled key of Pulumi.yaml",
        args: (dir) => project(dir, stagingText, "name: zero-trust-aws\nruntme: nodejs\n"),
        mentions: ["Pulumi.yaml", "key runtme", "did you mean runtime?"],
    },
    {
        class: "unknown key",
        what: "a misspelled top-level key of the stack file",
        args: (dir) => project(dir, stagingText.replace(/^config:/m, "confg:")),
        mentions: ["Pulumi.edited.yaml", "key confg", "did you mean config?"],
    },
    // One key, two spellings; keys JavaScript reserves.
    {
        class: "duplicate spelling",
        what: "a key with and without the project namespace",
        args: (dir) => project(dir, staging(undefined, "  network: {}")),
        mentions: ["Pulumi.edited.yaml", "config.network", "one spelling of the key zero-trust-aws:network", "both"],
    },
    {
        class: "duplicate spelling",
        what: "a key written twice",
        args: (dir) => project(dir, staging(undefined, "  zero-trust-aws:tags: {}")),
        mentions: ["key zero-trust-aws:tags", "written twice"],
    },
    ...["__proto__", "constructor", "prototype"].map((reserved): Entry => ({
        class: "duplicate spelling",
        what: `a ${reserved} tag key`,
        args: (dir) => project(dir, staging(/^ {2}zero-trust-aws:tags:\n/m, `  zero-trust-aws:tags:\n    ${reserved}: x\n`)),
        mentions: [`zero-trust-aws:tags.${reserved}="x"`, "JavaScript reserves"],
    })),
    // Values as they were written.
    {
        class: "value shown as written",
        what: "a port written as a string",
        args: (dir) => project(dir, staging(/appPort: 8443/, 'appPort: "8443"')),
        mentions: ['zero-trust-aws:network.appPort="8443"', "an integer port"],
    },
    ...[".inf", "-.inf", ".nan", "1e309"].map((value): Entry => ({
        class: "value shown as written",
        what: `the number ${value}`,
        args: (dir) => project(dir, staging(/appPort: 8443/, `appPort: ${value}`)),
        mentions: [`config.zero-trust-aws:network.appPort=${value}`, "a finite number"],
    })),
    ...[
        ["an empty stack file", "", "found an empty file"],
        ["a stack file that is a list", "- config\n", "found a list"],
        ["a stack file that is a scalar", "42\n", "found the value 42"],
        ["a config: that is a list", "config: [a]\n", 'config=["a"]: expected a mapping'],
    ].map(([what, text, mention]): Entry => ({
        class: "value shown as written",
        what,
        args: (dir) => project(dir, text),
        mentions: ["Pulumi.edited.yaml", mention],
    })),
    ...["!Ref", "!GetAtt", "!Sub"].map((tag): Entry => ({
        class: "value shown as written",
        what: `the YAML tag ${tag}`,
        args: (dir) => project(dir, staging(/vpcCidr: 10\.20\.0\.0\/16/, `vpcCidr: ${tag} VpcCidr`)),
        mentions: [`config.zero-trust-aws:network.vpcCidr=${tag} VpcCidr`, `not the tag ${tag}`],
    })),
    // Policy config, checked against the pack's own schemas.
    ...[
        ["null", "null", ["found null"]],
        ["a list", "[]", ["found a list"]],
        ["a policy given a number", '{"ingress-no-internet-security-group": 5}', ["ingress-no-internet-security-group=5"]],
        [
            "an unknown policy",
            '{"ingress-no-internet-security-groups": "advisory"}',
            ['ingress-no-internet-security-groups="advisory"', "did you mean ingress-no-internet-security-group?"],
        ],
        [
            "an unknown enforcement level",
            '{"encryption-kms-key-rotation": {"enforcementLevel": "strict"}}',
            ['encryption-kms-key-rotation.enforcementLevel="strict"', "one of advisory, mandatory, disabled, remediate"],
        ],
        [
            "a setting of the wrong type",
            '{"encryption-kms-key-rotation": {"maximumRotationPeriodDays": "365"}}',
            ['encryption-kms-key-rotation.maximumRotationPeriodDays="365"', "expected number"],
        ],
        [
            "an unknown setting",
            '{"encryption-kms-key-rotation": {"maximumRotationPeriodDay": 400}}',
            ["encryption-kms-key-rotation.maximumRotationPeriodDay=400", "did you mean maximumRotationPeriodDays?"],
        ],
        [
            "an unknown key in an exemption",
            '{"encryption-kms-key-rotation": {"exemptions": [{"resourcename": "k", "reason": "r"}]}}',
            ['exemptions[0].resourcename="k"', "did you mean resourceName?"],
        ],
    ].map(([what, text, mentions]): Entry => ({
        class: "policy config",
        what: `policy config: ${what as string}`,
        args: (dir) => policyConfig(dir, text as string),
        mentions: ["--policy-config=", ...(mentions as string[])],
    })),
    // The project's own files.
    ...[
        ["a malformed package.json", '{"main": ', "expected the project's package.json, a JSON object"],
        ["a package.json that is a list", "[]", "found a list"],
        ["a package.json whose main is no path", '{"main": 5}', "key main=5: expected the path of the program's entry module"],
    ].map(([what, text, mention]): Entry => ({
        class: "project files",
        what,
        args: (dir) => {
            const args = project(dir, stagingText);
            fs.writeFileSync(path.join(dir, "package.json"), text);
            return args;
        },
        mentions: ["package.json", mention],
    })),
    {
        class: "project files",
        what: "a project without Pulumi.yaml",
        args: (dir) => {
            const args = project(dir, stagingText);
            fs.rmSync(path.join(dir, "Pulumi.yaml"));
            return args;
        },
        mentions: ["--project=", "expected a Pulumi project folder", "Pulumi.yaml does not exist"],
    },
    {
        class: "project files",
        what: "a Pulumi.yaml without a name",
        args: (dir) => project(dir, stagingText, "runtime: nodejs\n"),
        mentions: ["Pulumi.yaml", "key name=undefined", "the project name"],
    },
    // --diff base plans (validated as plans on main; nesting depth here).
    ...[
        ["not JSON", "{ not json", ["--diff="]],
        ["a JSON document that is no plan", '{"format_version": "1.2", "resource_changes": []}', ["steps[] or a changeSummary"]],
        ["null steps", '{"steps": null}', ["steps"]],
        ["a step without a type", '{"steps": [{"op": "create", "urn": "u", "newState": {"urn": "u"}}]}', ["steps[0].newState.type"]],
        ["a plan nested 100,000 levels deep", `{"steps": [], "x": ${deep(100_000)}}`, ["more than the 256 levels", "(below x[0])"]],
    ].map(([what, text, mentions]): Entry => ({
        class: "base plan",
        what: `a base plan: ${what as string}`,
        args: (dir) => basePlan(dir, text as string),
        mentions: ["--diff=", ...(mentions as string[])],
    })),
    // Output paths (checked before the run on main).
    ...[
        ["a --json file in a missing folder", (dir: string) => ["--json", path.join(dir, "missing", "plan.json")], "does not exist"],
        ["a --markdown path that is a folder", (dir: string) => ["--markdown", dir], "is a directory"],
        ["an empty --timings path", () => ["--timings", ""], "is empty"],
    ].map(([what, args, mention]): Entry => ({
        class: "output path",
        what: what as string,
        args: (dir) => [...fixture, "--skip-policy-pack", ...(args as (dir: string) => string[])(dir)],
        mentions: [mention as string],
    })),
    // The command line.
    ...[
        ["an unknown option", ["--stack", "staging", "--frobnicate"], ["frobnicate", "--help"]],
        ["an unknown view", ["--stack", "staging", "--view", "later"], ["--view=later", "up or preview"]],
        ["an unknown stack", ["--stack", "qa"], ["--stack=qa", "management, prod, staging"]],
        ["a stack name with a path in it", ["--stack", "../etc"], ['--stack="../etc"', "a stack name"]],
        ["a malformed --stack-outputs", ["--stack", "staging", "--stack-outputs", "nonsense"], ["--stack-outputs=nonsense"]],
    ].map(([what, args, mentions]): Entry => ({
        class: "command line",
        what: what as string,
        args: () => args as string[],
        mentions: mentions as string[],
    })),
];

/** Runs the entries a few at a time (each is a process that mostly waits on loading). */
async function runAll(entries: readonly Entry[], concurrency: number): Promise<{ result: CliResult; written: string[] }[]> {
    const results: { result: CliResult; written: string[] }[] = [];
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < entries.length; i = next++) {
            const dir = tempDir();
            const out = tempDir();
            const output =
                entries[i].class === "output path"
                    ? ["--outputs", path.join(out, "outputs.json")]
                    : ["--json", path.join(out, "plan.json")];
            const result = await runCliAsync([...output, ...entries[i].args(dir)]);
            results[i] = { result, written: fs.readdirSync(out) };
        }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return results;
}

describe(`bad input corpus (${BAD_INPUT_CORPUS.length} tries)`, function () {
    this.timeout(600_000);
    let results: { result: CliResult; written: string[] }[];

    before(async () => {
        results = await runAll(BAD_INPUT_CORPUS, 3);
    });

    it("covers every class of bad input", () => {
        assert.deepEqual(
            CLASSES.filter((c) => !BAD_INPUT_CORPUS.some((e) => e.class === c)),
            [],
        );
    });

    BAD_INPUT_CORPUS.forEach((entry, i) => {
        it(`refuses ${entry.what} (${entry.class}): exit 2, one line naming it, no trace, no file written`, () => {
            const { result, written } = results[i];
            assertOneLineError(result, ...entry.mentions);
            assert.match(result.stderr, /^error: /);
            assert.deepEqual(written, [], "no output file is written");
        });
    });
});
