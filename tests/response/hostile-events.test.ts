import * as assert from "assert";
import { PublishCommand } from "@aws-sdk/client-sns";
import { respond } from "../../responder/handler";
import { InputError } from "../../responder/input-error";
import { planResponse } from "../../responder/planner";
import type { HandlerSettings } from "../../responder/settings";
import { FakeAccount } from "./fake-account";
import { ASSUMED_ROLE, EC2, NOW, SETTINGS, fixture } from "./guardduty-events";
import { HOSTILE_EVENTS, HOSTILE_EVENT_CLASSES, hostileEvent, nestedArrays, pathKeys, type HostileEvent } from "./hostile-events";

const PREFIX = "malformed GuardDuty event: ";

/** Longest refusal line: a value of megabytes is never echoed. */
const MAX_LINE = 400;

/** The refusal of an event by the planner, or a failure saying what it planned instead. */
function refusal(event: unknown): string {
    try {
        const actions = planResponse(event, SETTINGS, NOW);
        assert.fail(`planned instead of refusing: ${JSON.stringify(actions).slice(0, 200)}`);
    } catch (error) {
        assert.ok(error instanceof InputError, `an InputError expected, got ${String(error)}`);
        return error.message;
    }
}

/** One line that names the field, at most MAX_LINE characters, in the entry's wording if it has one. */
function assertNamesField(message: string, h: HostileEvent): void {
    const field = h.names ?? (h.at === "event" ? "event" : h.at);
    assert.doesNotMatch(message, /[\n\r\u2028\u2029]/, "one line");
    assert.ok(message.length <= MAX_LINE, `${message.length} characters: ${message.slice(0, 120)}…`);
    assert.ok(message.startsWith(`${PREFIX}${field}`), `${JSON.stringify(field)} expected first in: ${message}`);
    assert.match(message.slice(PREFIX.length + field.length), /^(=| is missing|\[|\.|:)/, message);
    if (h.message !== undefined) {
        assert.match(message, h.message);
    }
}

describe(`hostile GuardDuty events: a corpus of ${HOSTILE_EVENTS.length}, each refused in one line naming its field`, () => {
    it("covers every class", () => {
        const counts = HOSTILE_EVENT_CLASSES.map((c) => `${c}: ${HOSTILE_EVENTS.filter((h) => h.class === c).length}`);
        assert.deepStrictEqual(
            counts.filter((c) => c.endsWith(": 0")),
            [],
            counts.join(", "),
        );
    });

    it("edits fixtures that plan without refusal before the edit", () => {
        for (const file of new Set(HOSTILE_EVENTS.map((h) => h.fixture))) {
            assert.doesNotThrow(() => planResponse(fixture(file), SETTINGS, NOW), file);
        }
    });

    for (const h of HOSTILE_EVENTS) {
        it(`${h.class}: ${h.label}`, () => {
            assertNamesField(refusal(hostileEvent(h)), h);
        });
    }

    it("the handler refuses every one the same way: tells the topic in that one line, calls nothing else, fails", async () => {
        const topicArn = "arn:aws:sns:eu-west-1:111111111111:staging-guardduty-findings-alert-responder-outcomes";
        const settings: HandlerSettings = { ...SETTINGS, topicArn, dryRun: false };
        for (const h of HOSTILE_EVENTS) {
            const fake = new FakeAccount({ instances: {}, snapshots: [], users: {}, roles: {}, buckets: {} });
            const error: unknown = await respond(hostileEvent(h), settings, fake.clients, NOW).then(
                () => assert.fail(`${h.label}: acted instead of refusing`),
                (e: unknown) => e,
            );
            assert.ok(error instanceof InputError, `${h.label}: ${String(error)}`);
            assertNamesField(error.message, h);
            assert.deepStrictEqual(fake.callNames(), ["PublishCommand"], h.label);
            assert.strictEqual(fake.sns.commandCalls(PublishCommand)[0].args[0].input.Message, error.message, h.label);
        }
    });

    it("accepts what the corpus refuses one step further: 32 levels of nesting, a 64-character role name, a 256-character tag value", () => {
        const compliant: HostileEvent[] = [
            { class: "nesting depth", label: "32 levels", fixture: EC2, at: "detail.title", value: nestedArrays(30) },
            {
                class: "oversized",
                label: "64 characters",
                fixture: ASSUMED_ROLE,
                at: "detail.resource.accessKeyDetails.userName",
                value: "r".repeat(64),
            },
            {
                class: "oversized",
                label: "256 characters",
                fixture: EC2,
                at: "detail.resource.instanceDetails.tags[0].value",
                value: "v".repeat(256),
            },
        ];
        for (const h of compliant) {
            assert.ok(planResponse(hostileEvent(h), SETTINGS, NOW).length > 0, h.label);
        }
    });

    it("reads an entry's path as the refusal writes it", () => {
        assert.deepStrictEqual(pathKeys("detail.resource.instanceDetails.networkInterfaces[1].vpcId"), [
            "detail",
            "resource",
            "instanceDetails",
            "networkInterfaces",
            1,
            "vpcId",
        ]);
    });
});
