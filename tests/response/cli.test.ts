import * as assert from "assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ResponseAction } from "../../responder/actions";
import { planResponse } from "../../responder/planner";
import { plannerSettingsFrom } from "../../responder/settings";
import { repoRoot, tempDir } from "../offline-preview/cli-harness";
import { EVENTS_DIR, FIXTURES, QUARANTINE_SG, VPC, edited } from "./guardduty-events";

const cli = path.join(repoRoot, "dist/responder/cli.js");

/** The environment the Lambda would have: a quarantine group for the fixtures' VPC. */
const LAMBDA_ENV = { RESPONDER_QUARANTINE_GROUPS: JSON.stringify({ [VPC]: QUARANTINE_SG }), RESPONDER_SEVERITY_THRESHOLD: "7" };

/** Runs the built CLI as `npm run respond` does (npm test builds it first). */
function respond(args: string[], env: Record<string, string> = LAMBDA_ENV) {
    if (!fs.existsSync(cli)) {
        throw new Error(`${cli} is missing: run \`npm run build\` (npm test does)`);
    }
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("RESPONDER_")));
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: "utf8", env: { ...inherited, ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixturePath = (file: string) => path.join(EVENTS_DIR, file);

function writeEvent(event: unknown): string {
    const file = path.join(tempDir(), "event.json");
    fs.writeFileSync(file, JSON.stringify(event));
    return file;
}

describe("npm run respond -- --dry-run <event.json>", () => {
    it("prints, as a JSON array on stdout, exactly the planner's actions for every fixture (exit 0, nothing on stderr)", () => {
        for (const file of FIXTURES) {
            const before = new Date();
            const r = respond(["--dry-run", fixturePath(file)]);
            const after = new Date();
            assert.deepStrictEqual([r.status, r.stderr], [0, ""], file);
            const printed = JSON.parse(r.stdout) as ResponseAction[];
            // Only a revocation depends on the time it is planned at: plan with the time the CLI used.
            const revokeAt = printed.find((a) => a.action === "revoke-role-sessions");
            const now = revokeAt?.action === "revoke-role-sessions" ? new Date(revokeAt.issuedBefore) : before;
            assert.ok(now >= before && now <= after, `${file}: planned at ${now.toISOString()}`);
            const expected = planResponse(JSON.parse(fs.readFileSync(fixturePath(file), "utf8")), plannerSettingsFrom(LAMBDA_ENV), now);
            assert.deepStrictEqual(printed, expected, file);
        }
    });

    it("plans with the Lambda's settings from the same environment variables", () => {
        const withoutGroups = JSON.parse(
            respond(["--dry-run", fixturePath("ec2-backdoor-cc-activity.json")], {}).stdout,
        ) as ResponseAction[];
        assert.deepStrictEqual(
            withoutGroups.map((a) => a.action),
            ["notify", "snapshot-volumes", "tag-instance"],
        );
        assert.match(withoutGroups[0].reason, /no quarantine security group is configured for vpc-0a1b2c3d4e5f60718/);
        const lowSeverity = fixturePath("ec2-ssh-brute-force-target.json");
        assert.deepStrictEqual(
            (JSON.parse(respond(["--dry-run", lowSeverity]).stdout) as ResponseAction[]).map((a) => a.action),
            ["notify"],
        );
        const lowered = JSON.parse(
            respond(["--dry-run", lowSeverity], { ...LAMBDA_ENV, RESPONDER_SEVERITY_THRESHOLD: "1" }).stdout,
        ) as ResponseAction[];
        assert.deepStrictEqual(
            lowered.map((a) => a.action),
            ["isolate-instance", "snapshot-volumes", "tag-instance"],
        );
    });

    describe("exit 2 and one line on stderr, nothing on stdout", () => {
        const malformed = writeEvent(edited("ec2-backdoor-cc-activity.json", (e) => delete e.detail.resource["resourceType"]));
        const notJson = path.join(tempDir(), "event.json");
        fs.writeFileSync(notJson, "{ not json");
        const cases: [string, string[], Record<string, string> | undefined, RegExp][] = [
            [
                "a malformed event",
                ["--dry-run", malformed],
                undefined,
                /^error: malformed GuardDuty event: detail\.resource\.resourceType is missing: expected a resource type \(Instance, AccessKey, S3Bucket, …: 1-64 letters or digits\)$/,
            ],
            ["a file that is not JSON", ["--dry-run", notJson], undefined, /^error: .*event\.json: expected a JSON event: /],
            ["a missing file", ["--dry-run", "no-such-event.json"], undefined, /^error: cannot read no-such-event\.json: ENOENT/],
            [
                "no arguments",
                [],
                undefined,
                /^error: --dry-run is required \(the CLI only plans, it never acts\); usage: npm run respond -- --dry-run <event\.json>$/,
            ],
            ["no --dry-run", [fixturePath("ec2-backdoor-cc-activity.json")], undefined, /^error: --dry-run is required/],
            [
                "two events",
                ["--dry-run", fixturePath("ec2-backdoor-cc-activity.json"), fixturePath("ec2-ssh-brute-force-target.json")],
                undefined,
                /^error: expected one event file, got 2; usage: /,
            ],
            [
                "an unknown option",
                ["--dry-run", "--apply", fixturePath("ec2-backdoor-cc-activity.json")],
                undefined,
                /^error: unknown option --apply; usage: /,
            ],
            [
                "a bad setting",
                ["--dry-run", fixturePath("ec2-backdoor-cc-activity.json")],
                { RESPONDER_SEVERITY_THRESHOLD: "high" },
                /^error: invalid responder setting RESPONDER_SEVERITY_THRESHOLD="high": expected a GuardDuty severity from 1 to 10$/,
            ],
        ];
        for (const [label, args, env, message] of cases) {
            it(label, () => {
                const r = respond(args, env);
                assert.strictEqual(r.status, 2, `${label}: ${r.stderr}`);
                assert.strictEqual(r.stdout, "");
                assert.match(r.stderr, /^[^\n]*\n$/, "one line");
                assert.match(r.stderr.trimEnd(), message);
            });
        }
    });
});
