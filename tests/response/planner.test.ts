import * as assert from "assert";
import { FINDING_ID_TAG, FINDING_TYPE_TAG, type ResponseAction } from "../../responder/actions";
import { PUBLIC_BUCKET_FINDING_TYPES, planResponse } from "../../responder/planner";
import {
    ACCOUNT,
    ASSUMED_ROLE,
    EC2,
    FIXTURES,
    IAM_USER,
    NOW,
    QUARANTINE_SG,
    SETTINGS,
    VPC,
    accessKeyDetails,
    edited,
    fixture,
    instanceDetails,
    type EventJson,
} from "./guardduty-events";

const plan = (event: unknown, settings = SETTINGS) => planResponse(event, settings, NOW);

/** `action target` of every action, the shape most tests compare. */
const summary = (actions: readonly ResponseAction[]) => actions.map((a) => `${a.action} ${a.target}`);

const withSeverity = (name: string, severity: number) => edited(name, (e) => (e.detail.severity = severity));

describe("responder planner", () => {
    describe("each fixture (default settings: threshold 7, a quarantine group for the fixtures' VPC)", () => {
        const expected: Record<string, string[]> = {
            "ec2-backdoor-cc-activity.json": [
                "isolate-instance i-0a1b2c3d4e5f60718",
                "snapshot-volumes i-0a1b2c3d4e5f60718",
                "tag-instance i-0a1b2c3d4e5f60718",
            ],
            "ec2-cryptocurrency-bitcointool-dns.json": [
                "isolate-instance i-0b2c3d4e5f6071829",
                "snapshot-volumes i-0b2c3d4e5f6071829",
                "tag-instance i-0b2c3d4e5f6071829",
            ],
            "ec2-ssh-brute-force-target.json": ["notify i-0c3d4e5f607182930"],
            "iam-credential-access-anomalous-behavior.json": ["notify AKIAX7Q2EXAMPLE9ANLY"],
            "iam-exfiltration-anomalous-behavior.json": ["deactivate-access-key AKIAX7Q2EXAMPLE7LONG"],
            "iam-instance-credential-exfiltration-outside-aws.json": ["revoke-role-sessions staging-orders-worker"],
            "iam-root-credential-usage.json": ["notify Root"],
            "s3-bucket-anonymous-access-granted.json": ["block-bucket-public-access staging-orders-exports"],
            "s3-bucket-block-public-access-disabled.json": ["notify staging-orders-exports"],
            "s3-bucket-public-access-granted.json": [
                "block-bucket-public-access staging-reports-public-share",
                "block-bucket-public-access staging-reports-archive",
            ],
            "s3-malicious-ip-caller-discovery.json": ["notify staging-orders-exports"],
        };

        it("covers every fixture file", () => {
            assert.deepStrictEqual(Object.keys(expected).sort(), FIXTURES);
        });

        for (const [file, actions] of Object.entries(expected)) {
            it(`${file}: ${actions.join(", ")}`, () => {
                assert.deepStrictEqual(summary(plan(fixture(file))), actions);
            });
        }

        it("gives every action its action, target, finding id and a reason that names the finding type, severity and id", () => {
            for (const file of FIXTURES) {
                const event = fixture(file);
                for (const a of plan(event)) {
                    assert.ok(a.target !== "" && a.findingId === event.detail["id"], `${file} ${a.action}`);
                    assert.ok(
                        a.reason.startsWith(
                            `${String(event.detail["type"])} (severity ${String(event.detail["severity"])}, finding ${a.findingId}): `,
                        ),
                        a.reason,
                    );
                }
            }
        });

        it("is pure: the same event plans the same actions, and the event is not changed", () => {
            for (const file of FIXTURES) {
                const event = fixture(file);
                const first = plan(event);
                assert.deepStrictEqual(plan(event), first, file);
                assert.deepStrictEqual(event, fixture(file), file);
            }
        });
    });

    describe("a compromised instance", () => {
        it("moves each network interface of the finding into its VPC's quarantine group, snapshots, and tags with finding id and type", () => {
            const [isolate, snapshot, tag] = plan(fixture(EC2));
            assert.deepStrictEqual(isolate, {
                action: "isolate-instance",
                target: "i-0a1b2c3d4e5f60718",
                findingId: "a2c6f0e1b3d54f7a8c9e0d1f2a3b4c5d",
                networkInterfaces: [
                    { networkInterfaceId: "eni-0aa11bb22cc33dd44", vpcId: VPC, quarantineSecurityGroupId: QUARANTINE_SG },
                    { networkInterfaceId: "eni-0ee55ff66aa77bb88", vpcId: VPC, quarantineSecurityGroupId: QUARANTINE_SG },
                ],
                reason: isolate.reason,
            });
            assert.deepStrictEqual(snapshot, {
                action: "snapshot-volumes",
                target: "i-0a1b2c3d4e5f60718",
                findingId: "a2c6f0e1b3d54f7a8c9e0d1f2a3b4c5d",
                reason: snapshot.reason,
            });
            assert.deepStrictEqual(tag, {
                action: "tag-instance",
                target: "i-0a1b2c3d4e5f60718",
                findingId: "a2c6f0e1b3d54f7a8c9e0d1f2a3b4c5d",
                tags: { [FINDING_ID_TAG]: "a2c6f0e1b3d54f7a8c9e0d1f2a3b4c5d", [FINDING_TYPE_TAG]: "Backdoor:EC2/C&CActivity.B" },
                reason: tag.reason,
            });
        });

        it("notifies instead of isolating when the VPC has no quarantine group, and still snapshots and tags", () => {
            const actions = plan(fixture(EC2), {
                ...SETTINGS,
                quarantineSecurityGroups: { "vpc-0ffffffffffffffff": "sg-0ffffffffffffffff" },
            });
            assert.deepStrictEqual(summary(actions), [
                "notify i-0a1b2c3d4e5f60718",
                "snapshot-volumes i-0a1b2c3d4e5f60718",
                "tag-instance i-0a1b2c3d4e5f60718",
            ]);
            assert.match(
                actions[0].reason,
                /no quarantine security group is configured for vpc-0a1b2c3d4e5f60718: isolate instance i-0a1b2c3d4e5f60718 manually/,
            );
        });

        it("notifies instead of isolating when the finding lists no network interface", () => {
            const actions = plan(edited(EC2, (e) => (instanceDetails(e).networkInterfaces = [])));
            assert.deepStrictEqual(summary(actions), [
                "notify i-0a1b2c3d4e5f60718",
                "snapshot-volumes i-0a1b2c3d4e5f60718",
                "tag-instance i-0a1b2c3d4e5f60718",
            ]);
        });

        it("acts on runtime and malware findings on an instance too (the resource type decides, not the type's family)", () => {
            const event = edited(EC2, (e) => (e.detail["type"] = "CryptoCurrency:Runtime/BitcoinTool.B"));
            assert.deepStrictEqual(
                summary(plan(event)).map((s) => s.split(" ")[0]),
                ["isolate-instance", "snapshot-volumes", "tag-instance"],
            );
        });
    });

    describe("severity threshold", () => {
        const acts = (event: EventJson, threshold = 7) =>
            plan(event, { ...SETTINGS, severityThreshold: threshold }).some((a) => a.action !== "notify");

        it("acts from 7 up (GuardDuty High), notifies below", () => {
            for (const [severity, acting] of [
                [1, false],
                [6.9, false],
                [6.99, false],
                [7, true],
                [7.0, true],
                [8.9, true],
                [10, true],
            ] as const) {
                assert.strictEqual(acts(withSeverity(EC2, severity)), acting, `severity ${severity}`);
            }
        });

        it("reads 7.0 written in the event as 7 (JSON has one number type)", () => {
            const event = JSON.parse(JSON.stringify(fixture(EC2)).replace('"severity":8', '"severity":7.0')) as EventJson;
            assert.strictEqual(event.detail.severity, 7);
            assert.ok(acts(event));
        });

        it("follows a configured threshold, for every playbook", () => {
            for (const file of [EC2, ASSUMED_ROLE, IAM_USER, "s3-bucket-anonymous-access-granted.json"]) {
                assert.ok(!acts(withSeverity(file, 8.4), 8.5), `${file} 8.4`);
                assert.ok(acts(withSeverity(file, 8.5), 8.5), `${file} 8.5`);
            }
        });

        it("says why below the threshold: the severity and the threshold", () => {
            const [notify] = plan(withSeverity(EC2, 6.9));
            assert.strictEqual(notify.action, "notify");
            assert.match(notify.reason, /severity 6\.9 is below the response threshold 7: nothing is changed$/);
        });

        it("blocks a bucket whose low-severity finding reaches a lowered threshold", () => {
            assert.deepStrictEqual(
                summary(plan(fixture("s3-bucket-block-public-access-disabled.json"), { ...SETTINGS, severityThreshold: 1 })),
                ["block-bucket-public-access staging-orders-exports"],
            );
        });
    });

    describe("archived and sample findings", () => {
        it("only notifies for an archived finding, whatever its severity and type", () => {
            for (const file of [EC2, ASSUMED_ROLE, IAM_USER, "s3-bucket-public-access-granted.json"]) {
                const actions = plan(edited(file, (e) => (e.detail.service["archived"] = true)));
                assert.strictEqual(actions.length, 1, file);
                assert.strictEqual(actions[0].action, "notify", file);
                assert.match(actions[0].reason, /the finding is archived/);
            }
        });

        it("only notifies for a sample finding (GuardDuty CreateSampleFindings)", () => {
            const actions = plan(
                edited(EC2, (e) => (e.detail.service["additionalInfo"] = { sample: true, type: "default", value: '{"sample":true}' })),
            );
            assert.deepStrictEqual(summary(actions), ["notify i-0a1b2c3d4e5f60718"]);
            assert.match(actions[0].reason, /sample finding/);
        });

        it("acts when archived is false or absent", () => {
            assert.strictEqual(plan(edited(EC2, (e) => delete e.detail.service["archived"]))[0].action, "isolate-instance");
        });
    });

    describe("opt-out tag", () => {
        const tagged = (key: string, value: string) => edited(EC2, (e) => instanceDetails(e).tags.push({ key, value }));

        it("never touches an instance tagged zero-trust:responder=off (any case): one notify says so", () => {
            for (const value of ["off", "OFF", " Off "]) {
                const actions = plan(tagged("zero-trust:responder", value));
                assert.deepStrictEqual(summary(actions), ["notify i-0a1b2c3d4e5f60718"], value);
                assert.match(actions[0].reason, /opted out \(tag zero-trust:responder=off\)/);
            }
        });

        it("acts when the tag has another value or another key", () => {
            for (const [key, value] of [
                ["zero-trust:responder", "on"],
                ["zero-trust:responder", ""],
                ["responder", "off"],
            ]) {
                assert.strictEqual(plan(tagged(key, value))[0].action, "isolate-instance", `${key}=${value}`);
            }
        });

        it("follows a configured tag key", () => {
            const settings = { ...SETTINGS, optOutTagKey: "security:auto-response" };
            assert.strictEqual(plan(tagged("security:auto-response", "off"), settings)[0].action, "notify");
            assert.strictEqual(plan(tagged("zero-trust:responder", "off"), settings)[0].action, "isolate-instance");
        });

        it("skips an opted-out bucket and still blocks the others of the finding", () => {
            const event = edited("s3-bucket-public-access-granted.json", (e) => {
                const [first] = e.detail.resource["s3BucketDetails"] as { tags: { key: string; value: string }[] }[];
                first.tags.push({ key: "zero-trust:responder", value: "off" });
            });
            assert.deepStrictEqual(summary(plan(event)), [
                "notify staging-reports-public-share",
                "block-bucket-public-access staging-reports-archive",
            ]);
        });
    });

    describe("credentials", () => {
        it("deactivates an IAM user's long-term key (AKIA), naming the user", () => {
            const [deactivate] = plan(fixture(IAM_USER));
            assert.deepStrictEqual(deactivate, {
                action: "deactivate-access-key",
                target: "AKIAX7Q2EXAMPLE7LONG",
                userName: "ci-deployer",
                findingId: "e5a7c9e1b3d54f7a9c1e3b5d7f9a1c3e",
                reason: deactivate.reason,
            });
        });

        it("revokes an assumed role's sessions issued before now, remembering when the finding last saw the activity", () => {
            const [revoke] = plan(fixture(ASSUMED_ROLE));
            assert.deepStrictEqual(revoke, {
                action: "revoke-role-sessions",
                target: "staging-orders-worker",
                policyName: "AWSRevokeOlderSessions",
                issuedBefore: NOW.toISOString(),
                activitySeenAt: "2026-11-20T10:03:20.000Z",
                findingId: "d4f6a8c0e2b44d6f8a0c2e4b6d8f0a2c",
                reason: revoke.reason,
            });
        });

        it("uses the finding's updatedAt when the service gives no eventLastSeen", () => {
            const [revoke] = plan(edited(ASSUMED_ROLE, (e) => delete e.detail.service["eventLastSeen"]));
            assert.strictEqual(revoke.action === "revoke-role-sessions" && revoke.activitySeenAt, "2026-11-20T10:12:47.530Z");
        });

        it("never tries to deactivate temporary keys (ASIA…): an assumed role is revoked, an IAM user's session token only notifies", () => {
            const temporaryUserKey = edited(IAM_USER, (e) => (accessKeyDetails(e)["accessKeyId"] = "ASIAX7Q2EXAMPLE3SESS"));
            assert.deepStrictEqual(summary(plan(temporaryUserKey)), ["notify ASIAX7Q2EXAMPLE3SESS"]);
            const plans = [...FIXTURES.map((f) => plan(withSeverity(f, 9))), plan(temporaryUserKey), plan(fixture(ASSUMED_ROLE))];
            for (const a of plans.flat()) {
                assert.ok(!(a.action === "deactivate-access-key" && !a.target.startsWith("AKIA")), JSON.stringify(a));
            }
        });

        it("does not revoke the sessions of service-linked, IAM Identity Center or exempt roles", () => {
            for (const role of [
                "AWSServiceRoleForAutoScaling",
                "AWSReservedSSO_AdministratorAccess_0123456789abcdef",
                "staging-guardduty-findings-alert-responder",
            ]) {
                const event = edited(ASSUMED_ROLE, (e) => (accessKeyDetails(e)["userName"] = role));
                const actions = plan(event, { ...SETTINGS, exemptRoleNames: ["staging-guardduty-findings-alert-responder"] });
                assert.deepStrictEqual(summary(actions), [`notify ${role}`], role);
            }
        });

        it("compares exempt role names regardless of case, as IAM does", () => {
            const event = edited(ASSUMED_ROLE, (e) => (accessKeyDetails(e)["userName"] = "Staging-GuardDuty-Findings-Alert-Responder"));
            const actions = plan(event, { ...SETTINGS, exemptRoleNames: ["staging-guardduty-findings-alert-responder"] });
            assert.deepStrictEqual(summary(actions), ["notify Staging-GuardDuty-Findings-Alert-Responder"]);
            assert.notDeepStrictEqual(summary(plan(event)), summary(actions), "without the exemption its sessions are revoked");
        });

        it("only notifies for root, federated users and principals it does not know", () => {
            for (const userType of ["Root", "FederatedUser", "AWSAccount"]) {
                const event = edited(IAM_USER, (e) => (accessKeyDetails(e)["userType"] = userType));
                const actions = plan(event);
                assert.deepStrictEqual(
                    actions.map((a) => a.action),
                    ["notify"],
                    userType,
                );
                assert.match(actions[0].reason, new RegExp(`credentials of a ${userType} principal are not changed automatically`));
            }
            assert.deepStrictEqual(
                plan(withSeverity("iam-root-credential-usage.json", 8)).map((a) => a.action),
                ["notify"],
            );
        });

        it("notifies when the finding names no user or role", () => {
            assert.strictEqual(plan(edited(IAM_USER, (e) => delete accessKeyDetails(e)["userName"]))[0].action, "notify");
            assert.strictEqual(plan(edited(ASSUMED_ROLE, (e) => delete accessKeyDetails(e)["userName"]))[0].action, "notify");
        });

        it("applies the credential playbooks to IAMUser finding types only: S3 findings with an access key only notify", () => {
            assert.deepStrictEqual(summary(plan(fixture("s3-malicious-ip-caller-discovery.json"))), ["notify staging-orders-exports"]);
            const s3Type = edited(IAM_USER, (e) => (e.detail["type"] = "Exfiltration:S3/AnomalousBehavior"));
            assert.deepStrictEqual(summary(plan(s3Type)), ["notify AKIAX7Q2EXAMPLE7LONG"]);
        });
    });

    describe("buckets made public", () => {
        it("blocks public access on each bucket of the three public-bucket finding types, expecting the finding's account as owner", () => {
            assert.deepStrictEqual(
                [...PUBLIC_BUCKET_FINDING_TYPES],
                [
                    "Policy:S3/BucketBlockPublicAccessDisabled",
                    "Policy:S3/BucketAnonymousAccessGranted",
                    "Policy:S3/BucketPublicAccessGranted",
                ],
            );
            for (const type of PUBLIC_BUCKET_FINDING_TYPES) {
                const [block] = plan(edited("s3-bucket-anonymous-access-granted.json", (e) => (e.detail["type"] = type)));
                assert.deepStrictEqual(block, {
                    action: "block-bucket-public-access",
                    target: "staging-orders-exports",
                    expectedBucketOwner: ACCOUNT,
                    findingId: "c9e1a3c5f7b94d1e3a5c7e9a1d3f5b7c",
                    reason: block.reason,
                });
            }
        });

        it("never deactivates the key of the caller who opened the bucket (the finding's resource is that AccessKey)", () => {
            const actions = plan(fixture("s3-bucket-anonymous-access-granted.json"));
            assert.ok(
                actions.every((a) => a.action === "block-bucket-public-access"),
                JSON.stringify(actions),
            );
        });

        it("only notifies for the account-level public access finding (not a bucket's)", () => {
            const event = edited(
                "s3-bucket-anonymous-access-granted.json",
                (e) => (e.detail["type"] = "Policy:S3/AccountBlockPublicAccessDisabled"),
            );
            assert.deepStrictEqual(summary(plan(event)), ["notify staging-orders-exports"]);
        });
    });

    // Malformed and hostile events: tests/response/hostile-events.ts, one table, refused in one line.
});
