import * as assert from "assert";
import { ModifyNetworkInterfaceAttributeCommand } from "@aws-sdk/client-ec2";
import { PublishCommand } from "@aws-sdk/client-sns";
import type { ResponseReport } from "../../responder/executor";
import { respond } from "../../responder/handler";
import { InputError } from "../../responder/input-error";
import { planResponse } from "../../responder/planner";
import type { HandlerSettings } from "../../responder/settings";
import { FakeAccount } from "./fake-account";
import { NOW, SETTINGS, edited, fixture } from "./guardduty-events";

const TOPIC = "arn:aws:sns:eu-west-1:111111111111:staging-guardduty-findings-alert-responder-outcomes";
const ACTING: HandlerSettings = { ...SETTINGS, topicArn: TOPIC, dryRun: false };
const DRY_RUN: HandlerSettings = { ...ACTING, dryRun: true };

function account(): FakeAccount {
    return new FakeAccount({
        instances: {
            "i-0a1b2c3d4e5f60718": {
                tags: {},
                interfaces: { "eni-0aa11bb22cc33dd44": ["sg-0123456789abcdef0"], "eni-0ee55ff66aa77bb88": ["sg-0123456789abcdef0"] },
                volumes: ["vol-0aaa1111bbbb2222c"],
            },
        },
        snapshots: [],
        users: {},
        roles: {},
        buckets: {},
    });
}

/** The messages published, parsed. */
function published(fake: FakeAccount): { TopicArn?: string; Subject?: string; Message?: string }[] {
    return fake.sns.commandCalls(PublishCommand).map((call) => call.args[0].input);
}

// The handler's console.log of plan and report is what CloudWatch Logs keeps; silenced here.
function quietly<T>(run: () => Promise<T>): Promise<T> {
    const log = console.log;
    console.log = () => undefined;
    return run().finally(() => (console.log = log));
}

describe("responder handler (respond)", () => {
    it("acts, then publishes one report with every outcome to the topic", async () => {
        const fake = account();
        const report = (await quietly(() =>
            respond(fixture("ec2-backdoor-cc-activity.json"), ACTING, fake.clients, NOW),
        )) as ResponseReport;
        assert.deepStrictEqual(
            report.outcomes.map((o) => `${o.action} ${o.status}`),
            ["isolate-instance changed", "snapshot-volumes changed", "tag-instance changed"],
        );
        const messages = published(fake);
        assert.strictEqual(messages.length, 1);
        assert.strictEqual(messages[0].TopicArn, TOPIC);
        assert.strictEqual(messages[0].Subject, "GuardDuty response (3 changed): Backdoor:EC2/C&CActivity.B");
        assert.deepStrictEqual(JSON.parse(messages[0].Message ?? ""), {
            findingId: "a2c6f0e1b3d54f7a8c9e0d1f2a3b4c5d",
            findingType: "Backdoor:EC2/C&CActivity.B",
            severity: 8,
            accountId: "111111111111",
            region: "eu-west-1",
            outcomes: report.outcomes,
        });
    });

    it("publishes the notify-only outcome of a finding it does not act on", async () => {
        const fake = account();
        await quietly(() => respond(fixture("ec2-ssh-brute-force-target.json"), ACTING, fake.clients, NOW));
        const [message] = published(fake);
        assert.match(message.Message ?? "", /"status": "notified"/);
        assert.deepStrictEqual(fake.mutatingCalls(), []);
    });

    it("fails the invocation when any action failed, after the others ran and every outcome was published", async () => {
        const fake = account();
        fake.ec2
            .on(ModifyNetworkInterfaceAttributeCommand)
            .rejects(Object.assign(new Error("Rate exceeded"), { name: "RequestLimitExceeded" }));
        await assert.rejects(
            quietly(() => respond(fixture("ec2-backdoor-cc-activity.json"), ACTING, fake.clients, NOW)),
            /^Error: 1 of 3 response actions failed for finding a2c6f0e1b3d54f7a8c9e0d1f2a3b4c5d: isolate-instance i-0a1b2c3d4e5f60718: RequestLimitExceeded: Rate exceeded$/,
        );
        // The first interface's move was attempted and refused; snapshot and tags still happened.
        assert.deepStrictEqual(fake.mutatingCalls(), [
            "ModifyNetworkInterfaceAttributeCommand",
            "CreateSnapshotCommand",
            "CreateTagsCommand",
        ]);
        const [message] = published(fake);
        assert.strictEqual(message.Subject, "GuardDuty response (1 FAILED): Backdoor:EC2/C&CActivity.B");
        assert.deepStrictEqual(
            (JSON.parse(message.Message ?? "") as ResponseReport).outcomes.map((o) => o.status),
            ["failed", "changed", "changed"],
        );
    });

    it("fails when the report cannot be published, so the event is retried", async () => {
        const fake = account();
        fake.sns.on(PublishCommand).rejects(Object.assign(new Error("KMS key disabled"), { name: "KMSDisabledException" }));
        await assert.rejects(
            quietly(() => respond(fixture("ec2-ssh-brute-force-target.json"), ACTING, fake.clients, NOW)),
            /KMS key disabled/,
        );
    });

    it("dry run: returns and logs the plan, and makes no AWS call at all (not even SNS)", async () => {
        const fake = account();
        const logged: string[] = [];
        const log = console.log;
        console.log = (line: string) => logged.push(line);
        let result;
        try {
            result = await respond(fixture("ec2-backdoor-cc-activity.json"), DRY_RUN, fake.clients, NOW);
        } finally {
            console.log = log;
        }
        const plan = planResponse(fixture("ec2-backdoor-cc-activity.json"), SETTINGS, NOW);
        assert.deepStrictEqual(result, { dryRun: true, findingId: "a2c6f0e1b3d54f7a8c9e0d1f2a3b4c5d", actions: plan });
        assert.deepStrictEqual(fake.callNames(), []);
        assert.deepStrictEqual(JSON.parse(logged[0]), { plan, findingId: "a2c6f0e1b3d54f7a8c9e0d1f2a3b4c5d", dryRun: true });
    });

    it("a malformed event: tells the topic, then fails with the one-line error (dry run: fails without telling)", async () => {
        const malformed = edited("ec2-backdoor-cc-activity.json", (e) => (e.detail.severity = "high" as unknown as number));
        const fake = account();
        await assert.rejects(
            respond(malformed, ACTING, fake.clients, NOW),
            (e: unknown) => e instanceof InputError && /detail\.severity="high"/.test(e.message),
        );
        const [message] = published(fake);
        assert.strictEqual(message.Subject, "GuardDuty response (FAILED): unreadable event");
        assert.match(
            message.Message ?? "",
            /^malformed GuardDuty event: detail\.severity="high": expected a GuardDuty severity from 1 to 10$/,
        );
        const dry = account();
        await assert.rejects(respond(malformed, DRY_RUN, dry.clients, NOW), InputError);
        assert.deepStrictEqual(dry.callNames(), []);
    });
});
