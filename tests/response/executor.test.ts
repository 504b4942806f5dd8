import * as assert from "assert";
import {
    CreateSnapshotCommand,
    CreateTagsCommand,
    DescribeInstancesCommand,
    DescribeSnapshotsCommand,
    ModifyNetworkInterfaceAttributeCommand,
} from "@aws-sdk/client-ec2";
import {
    GetRolePolicyCommand,
    ListAccessKeysCommand,
    ListRoleTagsCommand,
    ListUserTagsCommand,
    PutRolePolicyCommand,
    UpdateAccessKeyCommand,
} from "@aws-sdk/client-iam";
import { GetBucketTaggingCommand, GetPublicAccessBlockCommand, PutPublicAccessBlockCommand } from "@aws-sdk/client-s3";
import { EXECUTOR_API_CALLS, executeActions, revokeOlderSessionsPolicy, type Outcome } from "../../responder/executor";
import { planResponse } from "../../responder/planner";
import { FakeAccount, MUTATING_COMMANDS, type FakeState } from "./fake-account";
import { ACCOUNT, FIXTURES, NOW, QUARANTINE_SG, SETTINGS, fixture } from "./guardduty-events";

const OPT_OUT = SETTINGS.optOutTagKey;
const APP_SG = "sg-0123456789abcdef0";
const BACKDOOR_FINDING = "a2c6f0e1b3d54f7a8c9e0d1f2a3b4c5d";

/** The account the fixtures' findings are about, as it is before the responder acts. */
function accountState(): FakeState {
    return {
        instances: {
            "i-0a1b2c3d4e5f60718": {
                tags: { Name: "orders-worker" },
                interfaces: { "eni-0aa11bb22cc33dd44": [APP_SG], "eni-0ee55ff66aa77bb88": [APP_SG, "sg-0aaaaaaaaaaaaaaaa"] },
                volumes: ["vol-0aaa1111bbbb2222c", "vol-0ddd3333eeee4444f"],
            },
            "i-0b2c3d4e5f6071829": {
                tags: { Name: "reports-batch" },
                interfaces: { "eni-0123abcd4567ef890": [APP_SG] },
                volumes: ["vol-0fff5555aaaa6666b"],
            },
        },
        snapshots: [],
        users: { "ci-deployer": { tags: { Team: "platform" }, keys: { AKIAX7Q2EXAMPLE7LONG: "Active", AKIAX7Q2EXAMPLE7SPAR: "Active" } } },
        roles: { "staging-orders-worker": { tags: {}, inlinePolicies: { "orders-access": '{"Version":"2012-10-17","Statement":[]}' } } },
        buckets: {
            "staging-orders-exports": { owner: ACCOUNT, tags: { Team: "orders" } },
            "staging-reports-public-share": {
                owner: ACCOUNT,
                tags: {},
                publicAccessBlock: {
                    BlockPublicAcls: true,
                    IgnorePublicAcls: true,
                    BlockPublicPolicy: false,
                    RestrictPublicBuckets: false,
                },
            },
            "staging-reports-archive": { owner: ACCOUNT, tags: { Team: "reports" } },
        },
    };
}

const planFor = (file: string, now = NOW) => planResponse(fixture(file), SETTINGS, now);
const statuses = (outcomes: readonly Outcome[]) => outcomes.map((o) => `${o.action} ${o.status}`);

describe("responder executor (aws-sdk-client-mock, in-memory account)", () => {
    let account: FakeAccount;
    beforeEach(() => {
        account = new FakeAccount(accountState());
    });
    const run = (file: string, now = NOW) => executeActions(planFor(file, now), account.clients, OPT_OUT);

    describe("isolate-instance, snapshot-volumes, tag-instance", () => {
        it("makes exactly these calls, with these inputs", async () => {
            const outcomes = await run("ec2-backdoor-cc-activity.json");
            assert.deepStrictEqual(statuses(outcomes), ["isolate-instance changed", "snapshot-volumes changed", "tag-instance changed"]);
            assert.deepStrictEqual(account.callNames(), [
                "DescribeInstancesCommand",
                "ModifyNetworkInterfaceAttributeCommand",
                "ModifyNetworkInterfaceAttributeCommand",
                "DescribeInstancesCommand",
                "DescribeSnapshotsCommand",
                "CreateSnapshotCommand",
                "CreateSnapshotCommand",
                "DescribeInstancesCommand",
                "CreateTagsCommand",
            ]);
            assert.deepStrictEqual(account.ec2.commandCalls(DescribeInstancesCommand).map((c) => c.args[0].input)[0], {
                InstanceIds: ["i-0a1b2c3d4e5f60718"],
            });
            assert.deepStrictEqual(
                account.ec2.commandCalls(ModifyNetworkInterfaceAttributeCommand).map((c) => c.args[0].input),
                [
                    { NetworkInterfaceId: "eni-0aa11bb22cc33dd44", Groups: [QUARANTINE_SG] },
                    { NetworkInterfaceId: "eni-0ee55ff66aa77bb88", Groups: [QUARANTINE_SG] },
                ],
            );
            assert.deepStrictEqual(
                account.ec2.commandCalls(DescribeSnapshotsCommand).map((c) => c.args[0].input),
                [
                    {
                        OwnerIds: ["self"],
                        Filters: [
                            { Name: "tag:zero-trust:guardduty-finding", Values: [BACKDOOR_FINDING] },
                            { Name: "volume-id", Values: ["vol-0aaa1111bbbb2222c", "vol-0ddd3333eeee4444f"] },
                        ],
                    },
                ],
            );
            assert.deepStrictEqual(
                account.ec2.commandCalls(CreateSnapshotCommand).map((c) => c.args[0].input),
                ["vol-0aaa1111bbbb2222c", "vol-0ddd3333eeee4444f"].map((volume) => ({
                    VolumeId: volume,
                    Description: `Forensic copy of ${volume} of i-0a1b2c3d4e5f60718 for GuardDuty finding ${BACKDOOR_FINDING}`,
                    TagSpecifications: [
                        { ResourceType: "snapshot", Tags: [{ Key: "zero-trust:guardduty-finding", Value: BACKDOOR_FINDING }] },
                    ],
                })),
            );
            assert.deepStrictEqual(
                account.ec2.commandCalls(CreateTagsCommand).map((c) => c.args[0].input),
                [
                    {
                        Resources: ["i-0a1b2c3d4e5f60718"],
                        Tags: [
                            { Key: "zero-trust:guardduty-finding", Value: BACKDOOR_FINDING },
                            { Key: "zero-trust:guardduty-finding-type", Value: "Backdoor:EC2/C&CActivity.B" },
                        ],
                    },
                ],
            );
            assert.deepStrictEqual(account.state.instances["i-0a1b2c3d4e5f60718"].interfaces, {
                "eni-0aa11bb22cc33dd44": [QUARANTINE_SG],
                "eni-0ee55ff66aa77bb88": [QUARANTINE_SG],
            });
        });

        it("leaves an interface alone that is already only in its quarantine group, and snapshots only volumes without one", async () => {
            account.state.instances["i-0a1b2c3d4e5f60718"].interfaces["eni-0aa11bb22cc33dd44"] = [QUARANTINE_SG];
            account.state.snapshots.push({
                SnapshotId: "snap-0earlier000000001",
                VolumeId: "vol-0aaa1111bbbb2222c",
                tags: { "zero-trust:guardduty-finding": BACKDOOR_FINDING },
            });
            await run("ec2-backdoor-cc-activity.json");
            assert.deepStrictEqual(
                account.ec2
                    .commandCalls(ModifyNetworkInterfaceAttributeCommand)
                    .map((c) => c.args[0].input)
                    .map((i) => i.NetworkInterfaceId),
                ["eni-0ee55ff66aa77bb88"],
            );
            assert.deepStrictEqual(
                account.ec2
                    .commandCalls(CreateSnapshotCommand)
                    .map((c) => c.args[0].input)
                    .map((i) => i.VolumeId),
                ["vol-0ddd3333eeee4444f"],
            );
        });

        it("still snapshots a volume whose only snapshot belongs to another finding", async () => {
            account.state.snapshots.push({
                SnapshotId: "snap-0other0000000001",
                VolumeId: "vol-0aaa1111bbbb2222c",
                tags: { "zero-trust:guardduty-finding": "another" },
            });
            await run("ec2-backdoor-cc-activity.json");
            assert.strictEqual(account.ec2.commandCalls(CreateSnapshotCommand).map((c) => c.args[0].input).length, 2);
        });

        it("skips an instance that no longer exists", async () => {
            delete account.state.instances["i-0a1b2c3d4e5f60718"];
            const outcomes = await run("ec2-backdoor-cc-activity.json");
            assert.deepStrictEqual(statuses(outcomes), ["isolate-instance skipped", "snapshot-volumes skipped", "tag-instance skipped"]);
            assert.match(outcomes[0].detail, /no longer exists/);
            assert.deepStrictEqual(account.mutatingCalls(), []);
        });
    });

    describe("deactivate-access-key", () => {
        it("reads the user's tags and keys, then sets only that key Inactive", async () => {
            const outcomes = await run("iam-exfiltration-anomalous-behavior.json");
            assert.deepStrictEqual(statuses(outcomes), ["deactivate-access-key changed"]);
            assert.deepStrictEqual(account.callNames(), ["ListUserTagsCommand", "ListAccessKeysCommand", "UpdateAccessKeyCommand"]);
            assert.deepStrictEqual(
                account.iam.commandCalls(ListUserTagsCommand).map((c) => c.args[0].input),
                [{ UserName: "ci-deployer" }],
            );
            assert.deepStrictEqual(
                account.iam.commandCalls(ListAccessKeysCommand).map((c) => c.args[0].input),
                [{ UserName: "ci-deployer" }],
            );
            assert.deepStrictEqual(
                account.iam.commandCalls(UpdateAccessKeyCommand).map((c) => c.args[0].input),
                [{ UserName: "ci-deployer", AccessKeyId: "AKIAX7Q2EXAMPLE7LONG", Status: "Inactive" }],
            );
            assert.deepStrictEqual(account.state.users["ci-deployer"].keys, {
                AKIAX7Q2EXAMPLE7LONG: "Inactive",
                AKIAX7Q2EXAMPLE7SPAR: "Active",
            });
        });

        it("skips a key or user that no longer exists", async () => {
            delete account.state.users["ci-deployer"].keys["AKIAX7Q2EXAMPLE7LONG"];
            assert.deepStrictEqual(statuses(await run("iam-exfiltration-anomalous-behavior.json")), ["deactivate-access-key skipped"]);
            delete account.state.users["ci-deployer"];
            assert.deepStrictEqual(statuses(await run("iam-exfiltration-anomalous-behavior.json")), ["deactivate-access-key skipped"]);
            assert.deepStrictEqual(account.mutatingCalls(), []);
        });
    });

    describe("revoke-role-sessions", () => {
        it("puts AWS's AWSRevokeOlderSessions policy: deny everything to sessions issued before now", async () => {
            const outcomes = await run("iam-instance-credential-exfiltration-outside-aws.json");
            assert.deepStrictEqual(statuses(outcomes), ["revoke-role-sessions changed"]);
            assert.deepStrictEqual(account.callNames(), ["ListRoleTagsCommand", "GetRolePolicyCommand", "PutRolePolicyCommand"]);
            assert.deepStrictEqual(
                account.iam.commandCalls(GetRolePolicyCommand).map((c) => c.args[0].input),
                [{ RoleName: "staging-orders-worker", PolicyName: "AWSRevokeOlderSessions" }],
            );
            const [put] = account.iam.commandCalls(PutRolePolicyCommand).map((c) => c.args[0].input);
            assert.deepStrictEqual([put.RoleName, put.PolicyName], ["staging-orders-worker", "AWSRevokeOlderSessions"]);
            assert.deepStrictEqual(JSON.parse(put.PolicyDocument ?? ""), {
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Deny",
                        Action: ["*"],
                        Resource: ["*"],
                        Condition: { DateLessThan: { "aws:TokenIssueTime": NOW.toISOString() } },
                    },
                ],
            });
            assert.deepStrictEqual(Object.keys(account.state.roles["staging-orders-worker"].inlinePolicies), [
                "orders-access",
                "AWSRevokeOlderSessions",
            ]);
        });

        it("changes nothing when the same finding comes again later: the revocation already covers its activity", async () => {
            await run("iam-instance-credential-exfiltration-outside-aws.json");
            account.resetHistory();
            const later = new Date(NOW.getTime() + 15 * 60_000);
            const outcomes = await run("iam-instance-credential-exfiltration-outside-aws.json", later);
            assert.deepStrictEqual(statuses(outcomes), ["revoke-role-sessions unchanged"]);
            assert.match(outcomes[0].detail, /already denies sessions issued before 2026-11-20T10:15:30\.000Z/);
            assert.deepStrictEqual(account.mutatingCalls(), []);
        });

        it("revokes again for activity seen after the last revocation", async () => {
            account.state.roles["staging-orders-worker"].inlinePolicies["AWSRevokeOlderSessions"] = JSON.stringify(
                revokeOlderSessionsPolicy("2026-11-20T09:00:00.000Z"),
            );
            assert.deepStrictEqual(statuses(await run("iam-instance-credential-exfiltration-outside-aws.json")), [
                "revoke-role-sessions changed",
            ]);
            assert.deepStrictEqual(account.mutatingCalls(), ["PutRolePolicyCommand"]);
        });

        it("never moves a newer revocation back", async () => {
            account.state.roles["staging-orders-worker"].inlinePolicies["AWSRevokeOlderSessions"] = JSON.stringify(
                revokeOlderSessionsPolicy("2026-11-21T00:00:00.000Z"),
            );
            const outcomes = await executeActions(
                planResponse(fixture("iam-instance-credential-exfiltration-outside-aws.json"), SETTINGS, NOW).map((a) => ({
                    ...a,
                    activitySeenAt: "2026-11-22T00:00:00.000Z",
                })),
                account.clients,
                OPT_OUT,
            );
            assert.deepStrictEqual(statuses(outcomes), ["revoke-role-sessions unchanged"]);
        });
    });

    describe("block-bucket-public-access", () => {
        it("reads tags and the current block (none), then turns all four settings on, expecting the account as owner", async () => {
            const outcomes = await run("s3-bucket-anonymous-access-granted.json");
            assert.deepStrictEqual(statuses(outcomes), ["block-bucket-public-access changed"]);
            assert.deepStrictEqual(account.callNames(), [
                "GetBucketTaggingCommand",
                "GetPublicAccessBlockCommand",
                "PutPublicAccessBlockCommand",
            ]);
            const bucket = { Bucket: "staging-orders-exports", ExpectedBucketOwner: ACCOUNT };
            assert.deepStrictEqual(
                account.s3.commandCalls(GetBucketTaggingCommand).map((c) => c.args[0].input),
                [bucket],
            );
            assert.deepStrictEqual(
                account.s3.commandCalls(GetPublicAccessBlockCommand).map((c) => c.args[0].input),
                [bucket],
            );
            assert.deepStrictEqual(
                account.s3.commandCalls(PutPublicAccessBlockCommand).map((c) => c.args[0].input),
                [
                    {
                        ...bucket,
                        PublicAccessBlockConfiguration: {
                            BlockPublicAcls: true,
                            IgnorePublicAcls: true,
                            BlockPublicPolicy: true,
                            RestrictPublicBuckets: true,
                        },
                    },
                ],
            );
        });

        it("completes a partial block, and works on a bucket without tags", async () => {
            const outcomes = await run("s3-bucket-public-access-granted.json");
            assert.deepStrictEqual(statuses(outcomes), ["block-bucket-public-access changed", "block-bucket-public-access changed"]);
            assert.deepStrictEqual(
                account.s3
                    .commandCalls(PutPublicAccessBlockCommand)
                    .map((c) => c.args[0].input)
                    .map((i) => i.Bucket),
                ["staging-reports-public-share", "staging-reports-archive"],
            );
        });
    });

    describe("idempotency: a second run of the same finding makes no mutating call", () => {
        const acting = FIXTURES.filter((file) => planFor(file).some((a) => a.action !== "notify"));

        it("covers the acting fixtures of every playbook", () => {
            assert.deepStrictEqual(acting, [
                "ec2-backdoor-cc-activity.json",
                "ec2-cryptocurrency-bitcointool-dns.json",
                "iam-exfiltration-anomalous-behavior.json",
                "iam-instance-credential-exfiltration-outside-aws.json",
                "s3-bucket-anonymous-access-granted.json",
                "s3-bucket-public-access-granted.json",
            ]);
        });

        for (const file of acting) {
            it(file, async () => {
                const first = await run(file);
                assert.ok(
                    first.some((o) => o.status === "changed"),
                    JSON.stringify(first),
                );
                assert.ok(account.mutatingCalls().length > 0);
                account.resetHistory();
                const second = await run(file);
                assert.deepStrictEqual(account.mutatingCalls(), [], file);
                assert.ok(
                    second.every((o) => o.status === "unchanged"),
                    JSON.stringify(second),
                );
            });
        }
    });

    describe("opt-out tag on the live resource (findings carry no tags for users, roles; tags change)", () => {
        const cases: [string, (s: FakeState) => void][] = [
            ["ec2-backdoor-cc-activity.json", (s) => (s.instances["i-0a1b2c3d4e5f60718"].tags[OPT_OUT] = "off")],
            ["iam-exfiltration-anomalous-behavior.json", (s) => (s.users["ci-deployer"].tags[OPT_OUT] = "OFF")],
            ["iam-instance-credential-exfiltration-outside-aws.json", (s) => (s.roles["staging-orders-worker"].tags[OPT_OUT] = "off")],
            ["s3-bucket-anonymous-access-granted.json", (s) => (s.buckets["staging-orders-exports"].tags[OPT_OUT] = "off")],
        ];
        for (const [file, optOut] of cases) {
            it(`${file}: every action skipped, nothing changed`, async () => {
                optOut(account.state);
                const outcomes = await run(file);
                assert.ok(
                    outcomes.every((o) => o.status === "skipped" && o.detail.includes(`opted out (tag ${OPT_OUT}=off)`)),
                    JSON.stringify(outcomes),
                );
                assert.deepStrictEqual(account.mutatingCalls(), []);
            });
        }
    });

    describe("partial failure", () => {
        it("records the failed action and still runs the others", async () => {
            account.ec2
                .on(ModifyNetworkInterfaceAttributeCommand)
                .rejects(Object.assign(new Error("You are not authorized to perform this operation."), { name: "UnauthorizedOperation" }));
            const outcomes = await run("ec2-backdoor-cc-activity.json");
            assert.deepStrictEqual(statuses(outcomes), ["isolate-instance failed", "snapshot-volumes changed", "tag-instance changed"]);
            assert.strictEqual(outcomes[0].detail, "UnauthorizedOperation: You are not authorized to perform this operation.");
            assert.strictEqual(account.ec2.commandCalls(CreateSnapshotCommand).map((c) => c.args[0].input).length, 2);
        });
    });

    describe("notify", () => {
        it("makes no call at all", async () => {
            const outcomes = await run("ec2-ssh-brute-force-target.json");
            assert.deepStrictEqual(statuses(outcomes), ["notify notified"]);
            assert.deepStrictEqual(account.callNames(), []);
        });
    });

    describe("EXECUTOR_API_CALLS", () => {
        it("lists exactly the calls the executor made across every fixture, and MUTATING_COMMANDS its writes", async () => {
            for (const file of FIXTURES) {
                await run(file);
            }
            const made = new Set(account.callNames().map((name) => name.replace(/Command$/, "")));
            const listed = new Set<string>([...EXECUTOR_API_CALLS.ec2, ...EXECUTOR_API_CALLS.iam, ...EXECUTOR_API_CALLS.s3]);
            assert.deepStrictEqual([...made].sort(), [...listed].sort());
            assert.ok(MUTATING_COMMANDS.every((command) => listed.has(command.replace(/Command$/, ""))));
            assert.ok(account.iam.commandCalls(ListRoleTagsCommand).map((c) => c.args[0].input).length > 0);
        });
    });
});
