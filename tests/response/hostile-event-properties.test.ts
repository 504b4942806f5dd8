import * as assert from "assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as fc from "fast-check";
import { InputError } from "../../responder/input-error";
import { planResponse } from "../../responder/planner";
import { ROLE_NAME, isBucketName } from "../../validation/aws-identifiers";
import { repoRoot, tempDir } from "../offline-preview/cli-harness";
import { ASSUMED_ROLE, EC2, FIXTURES, IAM_USER, NOW, PUBLIC_BUCKET, SETTINGS, fixture } from "./guardduty-events";
import { REMOVED, hostileEvent, nestedArrays, type HostileEvent } from "./hostile-events";

// Property tests at the responder's edge: GuardDuty events mutated from the valid fixtures, one
// field at a time, in every way the corpus (hostile-events.ts) names a class of. Run counts stay
// modest: the properties run in about a second, the CLI's in a few.

const PREFIX = "malformed GuardDuty event: ";
const INSTANCE = "detail.resource.instanceDetails";
const KEY = "detail.resource.accessKeyDetails";
const BUCKET = "detail.resource.s3BucketDetails[0]";

/** A field a playbook reads: which fixture carries it, and whether the event is refused without it. */
interface ActedOnField {
    readonly fixture: string;
    readonly at: string;
    readonly required: boolean;
}

const field = (fixtureName: string, at: string, required = true): ActedOnField => ({ fixture: fixtureName, at, required });

const ACTED_ON: readonly ActedOnField[] = [
    field(EC2, "account"),
    field(EC2, "region"),
    field(EC2, "detail.accountId"),
    field(EC2, "detail.region"),
    field(EC2, "detail.id"),
    field(EC2, "detail.type"),
    field(EC2, "detail.severity"),
    field(EC2, "detail.updatedAt"),
    field(EC2, "detail.resource.resourceType"),
    field(EC2, `${INSTANCE}.instanceId`),
    field(EC2, `${INSTANCE}.networkInterfaces[0].networkInterfaceId`),
    field(EC2, `${INSTANCE}.networkInterfaces[1].vpcId`),
    field(EC2, `${INSTANCE}.tags[0].key`),
    field(EC2, `${INSTANCE}.tags[1].value`, false),
    field(ASSUMED_ROLE, `${KEY}.userName`, false),
    field(ASSUMED_ROLE, `${KEY}.accessKeyId`, false),
    field(IAM_USER, `${KEY}.userName`, false),
    field(IAM_USER, `${KEY}.accessKeyId`, false),
    field(IAM_USER, `${KEY}.userType`),
    field(PUBLIC_BUCKET, `${BUCKET}.name`),
    field(PUBLIC_BUCKET, `${BUCKET}.arn`, false),
    field(PUBLIC_BUCKET, `${BUCKET}.tags[0].key`),
    field(PUBLIC_BUCKET, `${BUCKET}.tags[0].value`, false),
];

/** Characters no acted-on field allows: shell metacharacters, controls, separators, invisible ones. */
const FORBIDDEN = fc.constantFrom(";", "$(", "`", "\n", "\r", "|", ">", "\u0000", "\u2028", "\u202e", "\u200b", "*", "'", '"', "#", "%");

/**
 * A hostile value and the class it belongs to. Nesting goes up to `maxLevels`: deep enough to
 * overflow a recursive walk in process; the CLI's events are written by JSON.stringify, which
 * cannot write that deep (the CLI gets its 100,000 levels as text below).
 */
const hostileValue = (maxLevels: number): fc.Arbitrary<{ class: string; value: unknown }> =>
    fc.oneof(
        fc
            .tuple(fc.string({ maxLength: 20 }), FORBIDDEN, fc.string({ maxLength: 20 }))
            .map(([before, bad, after]) => ({ class: "forbidden character", value: `${before}${bad}${after}` })),
        // Longer than any identifier AWS allows (finding ids and tag values: 256), up to 2 MB.
        fc.integer({ min: 257, max: 2 * 1024 * 1024 }).map((length) => ({ class: "oversized", value: "a".repeat(length) })),
        fc.integer({ min: 33, max: maxLevels }).map((levels) => ({ class: "nesting depth", value: nestedArrays(levels) })),
        fc
            .oneof(
                fc.boolean(),
                fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
                fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })),
            )
            .map((value) => ({ class: "wrong type", value })),
    );

/** A mutated event: one acted-on field made hostile (or removed, where the event needs it). */
const hostileMutation = (maxLevels: number): fc.Arbitrary<HostileEvent> =>
    fc.oneof(
        fc.tuple(fc.constantFrom(...ACTED_ON), hostileValue(maxLevels)).map(([f, v]) => ({
            class: "oversized" as const,
            label: v.class,
            fixture: f.fixture,
            at: f.at,
            value: v.value,
        })),
        fc.constantFrom(...ACTED_ON.filter((f) => f.required)).map((f) => ({
            class: "missing field" as const,
            label: "removed",
            fixture: f.fixture,
            at: f.at,
            value: REMOVED,
        })),
        // The finding names another account or region than its envelope.
        fc
            .oneof(
                fc
                    .stringMatching(/^\d{12}$/)
                    .filter((a) => a !== "111111111111")
                    .map((a) => ({ at: "detail.accountId", value: a })),
                fc
                    .constantFrom("us-east-1", "eu-central-1", "ap-southeast-2", "us-gov-west-1", "cn-north-1")
                    .map((r) => ({ at: "detail.region", value: r })),
            )
            .map(({ at, value }) => ({ class: "envelope disagrees" as const, label: "disagreement", fixture: EC2, at, value })),
    );

function assertRefusedNaming(h: HostileEvent): void {
    let planned: unknown;
    try {
        planned = planResponse(hostileEvent(h), SETTINGS, NOW);
    } catch (error) {
        assert.ok(error instanceof InputError, `${h.at} (${h.label}): ${String(error)}`);
        assert.ok(error.message.startsWith(`${PREFIX}${h.at}`), `${h.at} (${h.label}) expected first in: ${error.message}`);
        assert.doesNotMatch(error.message, /[\n\r\u2028\u2029]/);
        assert.ok(error.message.length <= 400, error.message.slice(0, 120));
        return;
    }
    assert.fail(`${h.at} (${h.label}) planned: ${JSON.stringify(planned).slice(0, 200)}`);
}

const cli = path.join(repoRoot, "dist/responder/cli.js");

describe("hostile GuardDuty events, generated (fast-check)", () => {
    it("refuses any one acted-on field made hostile, removed, or disagreeing with the envelope, naming that field", () => {
        fc.assert(fc.property(hostileMutation(100_000), assertRefusedNaming), { numRuns: 300 });
    });

    it("the CLI: exit 2, one line on stderr naming the field, no trace, nothing planned on stdout", () => {
        if (!fs.existsSync(cli)) {
            throw new Error(`${cli} is missing: run \`npm run build\` (npm test does)`);
        }
        const dir = tempDir();
        fc.assert(
            fc.property(hostileMutation(2_000), (h) => {
                const file = path.join(dir, "event.json");
                fs.writeFileSync(file, JSON.stringify(hostileEvent(h)));
                const r = spawnSync(process.execPath, [cli, "--dry-run", file], { cwd: repoRoot, encoding: "utf8" });
                assert.strictEqual(r.status, 2, `${h.at} (${h.label}): ${r.stderr.slice(0, 300)}`);
                assert.strictEqual(r.stdout, "");
                assert.match(r.stderr, /^error: malformed GuardDuty event: [^\n]*\n$/);
                assert.doesNotMatch(r.stderr, /\bat .*\.js:\d+/, "no trace");
                assert.ok(r.stderr.startsWith(`error: ${PREFIX}${h.at}`), r.stderr.slice(0, 300));
            }),
            { numRuns: 8 },
        );
    });

    it("the CLI refuses 100,000 levels of nesting in one line (exit 2, no RangeError)", () => {
        const text = JSON.stringify({ ...fixture(EC2), extra: "@deep@" }).replace(
            '"@deep@"',
            `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
        );
        const file = path.join(tempDir(), "event.json");
        fs.writeFileSync(file, text);
        const r = spawnSync(process.execPath, [cli, "--dry-run", file], { cwd: repoRoot, encoding: "utf8" });
        assert.deepStrictEqual([r.status, r.stdout], [2, ""]);
        assert.match(
            r.stderr,
            /^error: malformed GuardDuty event: extra\[0\]\[0\][^\n]*: expected at most 32 levels of nested arrays and objects[^\n]*\n$/,
        );
    });

    it("plans the same actions when only fields no playbook reads change", () => {
        const unread = fc.record({
            file: fc.constantFrom(...FIXTURES),
            title: fc.string({ maxLength: 200 }),
            extra: fc.jsonValue({ maxDepth: 6 }),
            count: fc.integer(),
        });
        fc.assert(
            fc.property(unread, ({ file, title, extra, count }) => {
                const event = fixture(file);
                event.detail["title"] = title;
                event.detail["unknownField"] = extra;
                event.detail.resource["extra"] = extra;
                event.detail.service["count"] = count;
                assert.deepStrictEqual(planResponse(event, SETTINGS, NOW), planResponse(fixture(file), SETTINGS, NOW));
            }),
            { numRuns: 100 },
        );
    });

    it("acts on any role name, bucket name and tag value AWS allows, exactly as written", () => {
        const roleName = fc.stringMatching(ROLE_NAME).filter((name) => !/^(AWSServiceRoleFor|AWSReservedSSO_)/.test(name));
        const bucketName = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/).filter(isBucketName);
        // Letters of any script, digits, spaces and _.:/=+-@, as AWS allows in tag values.
        const tagValue = fc
            .string({ unit: fc.constantFrom(..."aZ09 _.:/=+-@äß漢"), maxLength: 256 })
            .filter((v) => v.trim().toLowerCase() !== "off");
        fc.assert(
            fc.property(roleName, bucketName, tagValue, (role, bucket, value) => {
                const assumed = fixture(ASSUMED_ROLE);
                (assumed.detail.resource["accessKeyDetails"] as Record<string, unknown>)["userName"] = role;
                assert.deepStrictEqual(
                    planResponse(assumed, SETTINGS, NOW).map((a) => `${a.action} ${a.target}`),
                    [`revoke-role-sessions ${role}`],
                );
                const opened = fixture(PUBLIC_BUCKET);
                const [details] = opened.detail.resource["s3BucketDetails"] as Record<string, unknown>[];
                Object.assign(details, { name: bucket, arn: `arn:aws:s3:::${bucket}`, tags: [{ key: "zero-trust:responder", value }] });
                assert.deepStrictEqual(
                    planResponse(opened, SETTINGS, NOW).map((a) => `${a.action} ${a.target}`),
                    [`block-bucket-public-access ${bucket}`],
                );
            }),
            { numRuns: 100 },
        );
    });
});
