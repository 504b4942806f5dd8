import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { KeyRing, type KeyRingArgs } from "../../components/encryption/key-ring";
import { applicationKeyPolicy, purposeKeyPolicy } from "../../components/encryption/key-policy";
import { KEY_PURPOSES } from "../../components/encryption/key-purposes";
import { awsResourcesThrough, oncePerVariant, RecordingMocks, type Registration } from "../network/recording-mocks";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";

const ACCOUNT = "111111111111";
const ADMINS = [`arn:aws:iam::${ACCOUNT}:role/OrganizationAccountAccessRole`, `arn:aws:iam::${ACCOUNT}:role/break-glass`];
const ORDERS = [`arn:aws:iam::${ACCOUNT}:role/orders-service`];
const PAYMENTS = [`arn:aws:iam::${ACCOUNT}:role/payments`, `arn:aws:iam::${ACCOUNT}:role/payments-batch`];
const PREFIX = "/zero-trust/staging/";
const RULE = "staging-guardduty-findings-alert";
const TOPIC = "staging-security-alerts";
const BINDINGS = { logGroupNamePrefix: PREFIX, alertRuleName: RULE, alertTopicName: TOPIC };

const T = {
    key: "aws:kms/key:Key",
    replica: "aws:kms/replicaKey:ReplicaKey",
    alias: "aws:kms/alias:Alias",
} as const;

/** What the test varies; providers are made inside each build, under its own monitor. */
interface Variant {
    replicaRegions?: string[];
    alertRuleName?: string;
    alertTopicName?: string;
    deletionWindowInDays?: number;
    applications?: KeyRingArgs["applications"];
}

/** Builds the key ring under a fresh recording monitor (one build per variant, shared by tests). */
const build = oncePerVariant(async (variant: Variant = {}): Promise<RecordingMocks> => {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("env", { region: "eu-west-1", allowedAccountIds: [ACCOUNT] });
    const replicaRegions = (variant.replicaRegions ?? []).map((region) => ({
        region,
        provider: new aws.Provider(`env-${region}`, { region, allowedAccountIds: [ACCOUNT] }),
    }));
    new KeyRing(
        "keys",
        {
            environment: "staging",
            region: "eu-west-1",
            accountId: ACCOUNT,
            applications: variant.applications ?? [
                { name: "orders", keyUsers: ORDERS },
                { name: "payments", keyUsers: PAYMENTS },
            ],
            keyAdministrators: ADMINS,
            deletionWindowInDays: variant.deletionWindowInDays ?? 30,
            logGroupNamePrefix: PREFIX,
            alertRuleName: variant.alertRuleName ?? RULE,
            alertTopicName: variant.alertTopicName ?? TOPIC,
            replicaRegions,
        },
        { provider },
    );
    return mocks.settled();
});

const REPLICATED: Variant = { replicaRegions: ["eu-central-1", "us-east-1"] };
const KEY_NAMES = ["keys-app-orders", "keys-app-payments", ...KEY_PURPOSES.map((purpose) => `keys-purpose-${purpose}`)];
const policyOf = (r: Registration): unknown => JSON.parse(r.inputs.policy as string);

describe("KeyRing", () => {
    describe("primary keys", () => {
        let mocks: RecordingMocks;
        before(async () => {
            mocks = await build();
        });

        it("creates one key per application and one per purpose (logs, volumes, secrets, data, findings, alerts), nothing else", () => {
            assert.deepStrictEqual(
                mocks.ofType(T.key).map((k) => k.name),
                KEY_NAMES,
            );
            assert.deepStrictEqual(KEY_PURPOSES, ["logs", "volumes", "secrets", "data", "findings", "alerts"]);
            assert.deepStrictEqual(mocks.ofType(T.replica), []);
        });

        it("makes every key a rotating symmetric encryption key with the configured deletion window", () => {
            for (const key of mocks.ofType(T.key)) {
                assert.deepStrictEqual(
                    [key.inputs.enableKeyRotation, key.inputs.keyUsage, key.inputs.customerMasterKeySpec, key.inputs.deletionWindowInDays],
                    [true, "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT", 30],
                    key.name,
                );
                assert.strictEqual(key.inputs.rotationPeriodInDays, undefined, "AWS's yearly default");
            }
        });

        it("follows a shorter configured deletion window", async () => {
            const short = await build({ deletionWindowInDays: 7 });
            assert.deepStrictEqual(
                short.ofType(T.key).map((k) => k.inputs.deletionWindowInDays),
                KEY_NAMES.map(() => 7),
            );
        });

        it("makes single-Region keys when there are no replica regions", () => {
            assert.deepStrictEqual(
                mocks.ofType(T.key).map((k) => k.inputs.multiRegion),
                KEY_NAMES.map(() => false),
            );
        });

        it("aliases application keys alias/<env>/<app> and purpose keys alias/<env>/purpose/<purpose>, each on its key", () => {
            const aliases = mocks.ofType(T.alias);
            assert.deepStrictEqual(
                aliases.map((a) => [a.name, a.inputs.name, a.inputs.targetKeyId]),
                [
                    ["keys-app-orders-alias", "alias/staging/orders", mocks.named("keys-app-orders").outputs.keyId],
                    ["keys-app-payments-alias", "alias/staging/payments", mocks.named("keys-app-payments").outputs.keyId],
                    ...KEY_PURPOSES.map((p) => [
                        `keys-purpose-${p}-alias`,
                        `alias/staging/purpose/${p}`,
                        mocks.named(`keys-purpose-${p}`).outputs.keyId,
                    ]),
                ],
            );
            assert.ok(aliases.every((a) => /^[0-9a-f-]{36}$/.test(String(a.inputs.targetKeyId))));
        });

        it("keeps application and purpose aliases apart even for an application named like a purpose", async () => {
            const clash = await build({ applications: [{ name: "logs", keyUsers: ORDERS }] });
            const names = clash.ofType(T.alias).map((a) => a.inputs.name);
            assert.deepStrictEqual(names, ["alias/staging/logs", ...KEY_PURPOSES.map((p) => `alias/staging/purpose/${p}`)]);
            assert.strictEqual(new Set(names).size, names.length);
        });

        it("writes each key's policy from the key-policy functions (administrators, users, services)", () => {
            const scope = { accountId: ACCOUNT, region: "eu-west-1", administrators: ADMINS };
            assert.deepStrictEqual(policyOf(mocks.named("keys-app-orders")), applicationKeyPolicy(scope, ORDERS));
            assert.deepStrictEqual(policyOf(mocks.named("keys-app-payments")), applicationKeyPolicy(scope, PAYMENTS));
            for (const purpose of KEY_PURPOSES) {
                assert.deepStrictEqual(
                    policyOf(mocks.named(`keys-purpose-${purpose}`)),
                    purposeKeyPolicy(scope, purpose, BINDINGS),
                    purpose,
                );
            }
        });

        it("never bypasses KMS's policy lockout safety check", () => {
            assert.ok(mocks.ofType(T.key).every((k) => k.inputs.bypassPolicyLockoutSafetyCheck === undefined));
        });

        it("protects every key, and nothing else", () => {
            assert.deepStrictEqual(
                mocks.registrations.filter((r) => r.protect).map((r) => r.name),
                KEY_NAMES,
            );
        });

        it("declares every key and alias through the environment's provider", () => {
            assert.strictEqual(awsResourcesThrough(mocks, "env").length, KEY_NAMES.length * 2);
        });

        it("describes and tags each key after the environment and what it serves", () => {
            assert.deepStrictEqual(
                mocks.ofType(T.key).map((k) => [k.tags["Name"], k.inputs.description]),
                [
                    ["staging-kms-app-orders", "staging: key of the orders application"],
                    ["staging-kms-app-payments", "staging: key of the payments application"],
                    ["staging-kms-purpose-logs", "staging: encrypts CloudWatch Logs log groups"],
                    ["staging-kms-purpose-volumes", "staging: encrypts EBS volumes and snapshots"],
                    ["staging-kms-purpose-secrets", "staging: encrypts Secrets Manager secrets"],
                    ["staging-kms-purpose-data", "staging: encrypts data stores (RDS, S3, DynamoDB)"],
                    ["staging-kms-purpose-findings", "staging: encrypts exported GuardDuty findings (S3)"],
                    ["staging-kms-purpose-alerts", "staging: encrypts security alert notifications (SNS)"],
                ],
            );
        });

        it("is a zero-trust:encryption:KeyRing whose children are named after it and parented under it", () => {
            const ring = mocks.named("keys");
            assert.strictEqual(ring.type, "zero-trust:encryption:KeyRing");
            for (const resource of mocks.registrations.filter((r) => r.type.startsWith("aws:kms/"))) {
                assert.strictEqual(resource.parent, ring.urn, resource.name);
                assert.match(resource.name, /^keys-/);
            }
        });

        it("exposes the key ARNs by application and by purpose, and the logs key", () => {
            const outputs = mocks.named("keys").outputs as {
                keyArns: { applications: Record<string, string>; purposes: Record<string, string> };
                replicaKeyArns: Record<string, unknown>;
                logsKeyArn: string;
            };
            assert.deepStrictEqual(outputs.keyArns, {
                applications: {
                    orders: mocks.named("keys-app-orders").outputs.arn,
                    payments: mocks.named("keys-app-payments").outputs.arn,
                },
                purposes: Object.fromEntries(KEY_PURPOSES.map((p) => [p, mocks.named(`keys-purpose-${p}`).outputs.arn])),
            });
            assert.strictEqual(outputs.logsKeyArn, mocks.named("keys-purpose-logs").outputs.arn);
            assert.match(outputs.logsKeyArn, /^arn:aws:kms:eu-west-1:111111111111:key\//);
            assert.deepStrictEqual(outputs.replicaKeyArns, {});
        });

        it("binds the alerts key to the rule and topic names it is given", async () => {
            const other = await build({ alertRuleName: "other-rule", alertTopicName: "other-topic" });
            const condition = (
                policyOf(other.named("keys-purpose-alerts")) as { Statement: { Condition?: Record<string, Record<string, string>> }[] }
            ).Statement[2].Condition;
            assert.deepStrictEqual(
                [condition?.["ArnEquals"]?.["aws:SourceArn"], condition?.["StringEquals"]?.["kms:EncryptionContext:aws:sns:topicArn"]],
                ["arn:aws:events:eu-west-1:111111111111:rule/other-rule", "arn:aws:sns:eu-west-1:111111111111:other-topic"],
            );
        });

        it("with no applications, keeps the six purpose keys", async () => {
            const none = await build({ applications: [] });
            assert.deepStrictEqual(
                none.ofType(T.key).map((k) => k.name),
                KEY_PURPOSES.map((p) => `keys-purpose-${p}`),
            );
        });
    });

    describe("replicas", () => {
        let mocks: RecordingMocks;
        before(async () => {
            mocks = await build(REPLICATED);
        });
        const replicasIn = (region: string) => mocks.ofType(T.replica).filter((r) => r.name.endsWith(`-${region}`));

        it("makes the primary keys multi-Region keys", () => {
            assert.deepStrictEqual(
                mocks.ofType(T.key).map((k) => k.inputs.multiRegion),
                KEY_NAMES.map(() => true),
            );
        });

        it("replicates every key into every replica region, once", () => {
            assert.strictEqual(mocks.ofType(T.replica).length, KEY_NAMES.length * 2);
            for (const region of REPLICATED.replicaRegions ?? []) {
                assert.deepStrictEqual(
                    replicasIn(region).map((r) => r.name),
                    KEY_NAMES.map((name) => `${name}-${region}`),
                );
                for (const name of KEY_NAMES) {
                    const replica = mocks.named(`${name}-${region}`);
                    assert.strictEqual(replica.inputs.primaryKeyArn, mocks.named(name).outputs.arn);
                    assert.deepStrictEqual(replica.propertyDependencies["primaryKeyArn"], [mocks.named(name).urn]);
                }
            }
        });

        it("creates each region's replicas and aliases through that region's provider, and nothing else through it", () => {
            for (const region of REPLICATED.replicaRegions ?? []) {
                const reference = mocks.providerReference(`env-${region}`);
                const through = mocks.registrations.filter((r) => r.provider === reference);
                assert.deepStrictEqual(
                    through.map((r) => r.name).sort(),
                    KEY_NAMES.flatMap((name) => [`${name}-${region}`, `${name}-${region}-alias`]).sort(),
                );
                for (const replica of replicasIn(region)) {
                    assert.match(String(replica.outputs.arn), new RegExp(`^arn:aws:kms:${region}:111111111111:`), "placed in the region");
                }
            }
            const primary = mocks.providerReference("env");
            assert.deepStrictEqual(
                mocks.registrations
                    .filter((r) => r.provider === primary)
                    .map((r) => r.type)
                    .sort(),
                [...KEY_NAMES.map(() => T.alias), ...KEY_NAMES.map(() => T.key)],
            );
        });

        it("gives replicas the deletion window, the description and the tags of their primary, and protects them", () => {
            for (const replica of mocks.ofType(T.replica)) {
                const primary = mocks.named(replica.name.replace(/-(eu-central-1|us-east-1)$/, ""));
                assert.deepStrictEqual(
                    [
                        replica.inputs.deletionWindowInDays,
                        replica.inputs.description,
                        replica.tags,
                        replica.inputs.enabled,
                        replica.protect,
                    ],
                    [30, primary.inputs.description, primary.tags, true, true],
                    replica.name,
                );
            }
        });

        it("gives each replica its own region's key policy", () => {
            const scope = { accountId: ACCOUNT, region: "us-east-1", administrators: ADMINS };
            assert.deepStrictEqual(policyOf(mocks.named("keys-purpose-logs-us-east-1")), purposeKeyPolicy(scope, "logs", BINDINGS));
            assert.deepStrictEqual(policyOf(mocks.named("keys-app-orders-us-east-1")), applicationKeyPolicy(scope, ORDERS));
            assert.ok(!String(mocks.named("keys-purpose-volumes-eu-central-1").inputs.policy).includes("eu-west-1"));
        });

        it("aliases each replica in its region with its primary's alias", () => {
            for (const region of REPLICATED.replicaRegions ?? []) {
                for (const name of KEY_NAMES) {
                    const alias = mocks.named(`${name}-${region}-alias`);
                    assert.deepStrictEqual(
                        [alias.inputs.name, alias.inputs.targetKeyId],
                        [mocks.named(`${name}-alias`).inputs.name, mocks.named(`${name}-${region}`).outputs.keyId],
                    );
                }
            }
        });

        it("protects every primary and every replica key, and nothing else", () => {
            const keys = [...mocks.ofType(T.key), ...mocks.ofType(T.replica)].map((r) => r.name).sort();
            assert.strictEqual(keys.length, KEY_NAMES.length * 3);
            assert.deepStrictEqual(
                mocks.registrations
                    .filter((r) => r.protect)
                    .map((r) => r.name)
                    .sort(),
                keys,
            );
        });

        it("exposes the replica ARNs by region, application and purpose", () => {
            const outputs = mocks.named("keys").outputs as {
                replicaKeyArns: Record<string, { applications: Record<string, string>; purposes: Record<string, string> }>;
            };
            assert.deepStrictEqual(Object.keys(outputs.replicaKeyArns), ["eu-central-1", "us-east-1"]);
            for (const region of ["eu-central-1", "us-east-1"]) {
                assert.deepStrictEqual(outputs.replicaKeyArns[region], {
                    applications: {
                        orders: mocks.named(`keys-app-orders-${region}`).outputs.arn,
                        payments: mocks.named(`keys-app-payments-${region}`).outputs.arn,
                    },
                    purposes: Object.fromEntries(KEY_PURPOSES.map((p) => [p, mocks.named(`keys-purpose-${p}-${region}`).outputs.arn])),
                });
            }
        });
    });

    describe("refuses arguments that config validation should have caught", () => {
        const args = (overrides: Partial<KeyRingArgs>): KeyRingArgs => ({
            environment: "staging",
            region: "eu-west-1",
            accountId: ACCOUNT,
            applications: [],
            keyAdministrators: ADMINS,
            deletionWindowInDays: 30,
            logGroupNamePrefix: PREFIX,
            alertRuleName: RULE,
            alertTopicName: TOPIC,
            replicaRegions: [],
            ...overrides,
        });
        const replica = (region: string) => ({ region, provider: new aws.Provider(`replica-${region}`, { region }) });
        const cases: [string, () => Partial<KeyRingArgs>, RegExp][] = [
            [
                "a replica in the primary region",
                () => ({ replicaRegions: [replica("eu-west-1")] }),
                /^KeyRing: replicaRegions: "eu-west-1" is not a region other than the primary region eu-west-1$/,
            ],
            [
                "a replica region twice",
                () => ({ replicaRegions: [replica("us-east-1"), replica("us-east-1")] }),
                /^KeyRing: replicaRegions: "us-east-1" is listed twice$/,
            ],
            [
                "a replica region that is no region",
                () => ({ replicaRegions: [replica("mars-1")] }),
                /^KeyRing: replicaRegions\[0\]\.region: "mars-1" is not an AWS region code/,
            ],
            ...["/zero-trust/staging", "zero-trust/staging/", "/", "/zero-trust/*/"].map(
                (prefix): [string, () => Partial<KeyRingArgs>, RegExp] => [
                    `the log-group prefix ${prefix}`,
                    () => ({ logGroupNamePrefix: prefix }),
                    /^KeyRing: logGroupNamePrefix: ".*" is not a log group name prefix that starts and ends with \//,
                ],
            ),
            [
                "an alert rule name with a slash",
                () => ({ alertRuleName: "rule/with-slash" }),
                /^KeyRing: alertRuleName: "rule\/with-slash" is not an EventBridge rule name/,
            ],
            [
                "an alert rule name over 64 characters",
                () => ({ alertRuleName: "r".repeat(65) }),
                /^KeyRing: alertRuleName: "r{65}" is not an EventBridge rule name/,
            ],
            [
                "a FIFO topic name",
                () => ({ alertTopicName: "topic.fifo" }),
                /^KeyRing: alertTopicName: "topic\.fifo" is not a standard SNS topic name/,
            ],
            [
                "an application listed twice",
                () => ({
                    applications: [
                        { name: "orders", keyUsers: ORDERS },
                        { name: "orders", keyUsers: ORDERS },
                    ],
                }),
                /^KeyRing: applications: "orders" is listed twice$/,
            ],
            [
                "an application name that is no lowercase key",
                () => ({ applications: [{ name: "Orders", keyUsers: ORDERS }] }),
                /^KeyRing: applications\[0\]\.name: key "Orders" is not a lowercase name/,
            ],
        ];
        for (const [label, overrides, message] of cases) {
            it(`${label}, declaring nothing`, () => assertRefusedBeforeDeclaring(() => new KeyRing("refused", args(overrides())), message));
        }
    });
});
