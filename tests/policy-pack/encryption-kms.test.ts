// encryption-kms-key-rotation and encryption-kms-key-deletion-window, both providers, and their
// remediations (which may only strengthen).

import { strict as assert } from "assert";
import type { ResourceValidationArgs } from "../../policy-pack/node_modules/@pulumi/policy";
import { check, remediate, resourcePolicy, UNKNOWN_BOOLEAN, UNKNOWN_STRING } from "./harness";

const rotation = resourcePolicy("encryption-kms-key-rotation");
const window = resourcePolicy("encryption-kms-key-deletion-window");

const KEY = "aws:kms/key:Key";
const NATIVE_KEY = "aws-native:kms:Key";
const WINDOW_TYPES: [string, string][] = [
    [KEY, "deletionWindowInDays"],
    ["aws:kms/replicaKey:ReplicaKey", "deletionWindowInDays"],
    ["aws:kms/externalKey:ExternalKey", "deletionWindowInDays"],
    ["aws:kms/replicaExternalKey:ReplicaExternalKey", "deletionWindowInDays"],
    [NATIVE_KEY, "pendingWindowInDays"],
    ["aws-native:kms:ReplicaKey", "pendingWindowInDays"],
];

describe("encryption-kms-key-rotation", () => {
    for (const [type, spec] of [
        [KEY, "customerMasterKeySpec"],
        [NATIVE_KEY, "keySpec"],
    ] as const) {
        describe(type, () => {
            it("fails a symmetric key without rotation (unset, false, odd value)", () => {
                for (const props of [
                    {},
                    { enableKeyRotation: false },
                    { enableKeyRotation: "yes" },
                    { [spec]: "SYMMETRIC_DEFAULT" },
                    { keyUsage: "ENCRYPT_DECRYPT" },
                ]) {
                    const messages = check(rotation, type, props);
                    assert.equal(messages.length, 1, JSON.stringify(props));
                    assert.match(messages[0], /enableKeyRotation: true/);
                }
            });

            it("passes a symmetric key with rotation on", () => {
                assert.deepEqual(check(rotation, type, { enableKeyRotation: true }), []);
                assert.deepEqual(
                    check(rotation, type, { enableKeyRotation: true, [spec]: "SYMMETRIC_DEFAULT", rotationPeriodInDays: 365 }),
                    [],
                );
            });

            it("passes keys that cannot rotate automatically (asymmetric, HMAC, signing)", () => {
                for (const props of [
                    { [spec]: "RSA_2048" },
                    { [spec]: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" },
                    { [spec]: "ECC_NIST_P256", keyUsage: "SIGN_VERIFY" },
                    { keyUsage: "SIGN_VERIFY" },
                ]) {
                    assert.deepEqual(check(rotation, type, props), [], JSON.stringify(props));
                }
            });

            it("bounds the rotation period (default 365 days, configurable)", () => {
                assert.deepEqual(check(rotation, type, { enableKeyRotation: true, rotationPeriodInDays: 365 }), []);
                assert.equal(check(rotation, type, { enableKeyRotation: true, rotationPeriodInDays: 366 }).length, 1);
                assert.equal(check(rotation, type, { enableKeyRotation: true, rotationPeriodInDays: "730" }).length, 1);
                assert.deepEqual(
                    check(rotation, type, { enableKeyRotation: true, rotationPeriodInDays: 730 }, { maximumRotationPeriodDays: 730 }),
                    [],
                );
                assert.equal(
                    check(rotation, type, { enableKeyRotation: true, rotationPeriodInDays: 91 }, { maximumRotationPeriodDays: 90 }).length,
                    1,
                );
                assert.equal(check(rotation, type, { enableKeyRotation: true, rotationPeriodInDays: "yearly" }).length, 1);
            });
        });
    }

    it("passes keys in a custom key store (classic) and with imported material (aws-native)", () => {
        assert.deepEqual(check(rotation, KEY, { customKeyStoreId: "cks-1234567890abcdef0" }), []);
        assert.deepEqual(check(rotation, KEY, { xksKeyId: "external-key-1" }), []);
        assert.deepEqual(check(rotation, NATIVE_KEY, { origin: "EXTERNAL" }), []);
        assert.equal(check(rotation, NATIVE_KEY, { origin: "AWS_KMS" }).length, 1);
    });

    it("does not judge replicas, imported-material keys or other types (no rotation of their own)", () => {
        for (const type of [
            "aws:kms/replicaKey:ReplicaKey",
            "aws:kms/externalKey:ExternalKey",
            "aws-native:kms:ReplicaKey",
            "aws:kms/alias:Alias",
            "aws:s3/bucket:Bucket",
        ]) {
            assert.deepEqual(check(rotation, type, { enableKeyRotation: false }), [], type);
        }
    });

    describe("remediation", () => {
        it("turns rotation on for symmetric keys and keeps every other property", () => {
            const props = {
                description: "data",
                deletionWindowInDays: 30,
                policy: '{"Version":"2012-10-17"}',
                tags: { env: "prod" },
                enableKeyRotation: false,
            };
            const copy = structuredClone(props);
            assert.deepEqual(remediate(rotation, KEY, props), { ...copy, enableKeyRotation: true });
            assert.deepEqual(props, copy, "the input is not mutated");
            assert.deepEqual(remediate(rotation, NATIVE_KEY, { keySpec: "SYMMETRIC_DEFAULT", pendingWindowInDays: 30 }), {
                keySpec: "SYMMETRIC_DEFAULT",
                pendingWindowInDays: 30,
                enableKeyRotation: true,
            });
        });

        it("changes nothing when rotation is on, impossible or undecidable", () => {
            assert.equal(remediate(rotation, KEY, { enableKeyRotation: true }), undefined);
            assert.equal(remediate(rotation, KEY, { customerMasterKeySpec: "RSA_4096" }), undefined);
            assert.equal(remediate(rotation, KEY, { customKeyStoreId: "cks-1" }), undefined);
            assert.equal(remediate(rotation, NATIVE_KEY, { origin: "EXTERNAL" }), undefined);
            assert.equal(remediate(rotation, KEY, { customerMasterKeySpec: UNKNOWN_STRING }), undefined);
            assert.equal(remediate(rotation, KEY, { enableKeyRotation: UNKNOWN_BOOLEAN }), undefined);
            assert.equal(remediate(rotation, "aws:kms/replicaKey:ReplicaKey", {}), undefined);
            assert.equal(remediate(rotation, "aws:s3/bucket:Bucket", {}), undefined);
        });

        it("keeps values unknown during preview as the engine's sentinels", () => {
            const result = remediate(rotation, KEY, { description: UNKNOWN_STRING, policy: UNKNOWN_STRING, tags: { app: UNKNOWN_STRING } });
            assert.deepEqual(result, {
                description: UNKNOWN_STRING,
                policy: UNKNOWN_STRING,
                tags: { app: UNKNOWN_STRING },
                enableKeyRotation: true,
            });
        });

        it("after another remediation (a plain bag with sentinels) an unknown spec still blocks it", () => {
            const args = {
                type: KEY,
                props: { customerMasterKeySpec: UNKNOWN_STRING },
                getConfig: () => ({}),
            } as unknown as ResourceValidationArgs;
            assert.equal(rotation.remediateResource?.(args), undefined);
        });
    });
});

describe("encryption-kms-key-deletion-window", () => {
    for (const [type, property] of WINDOW_TYPES) {
        describe(type, () => {
            it("default minimum 30: 6, 7 and 29 days fail; 30 and unset pass", () => {
                for (const days of [6, 7, 29]) {
                    const messages = check(window, type, { [property]: days });
                    assert.equal(messages.length, 1, `${days}`);
                    assert.match(messages[0], new RegExp(`${property} is ${days} days`));
                }
                assert.deepEqual(check(window, type, { [property]: 30 }), []);
                assert.deepEqual(check(window, type, {}), []);
            });

            it("configured minimum 7: 6 fails; 7, 29 and 30 pass", () => {
                const config = { minimumDeletionWindowDays: 7 };
                assert.equal(check(window, type, { [property]: 6 }, config).length, 1);
                for (const days of [7, 29, 30]) {
                    assert.deepEqual(check(window, type, { [property]: days }, config), [], `${days}`);
                }
            });

            it("reads numbers as strings and fails values that are not a number of days", () => {
                assert.equal(check(window, type, { [property]: "7" }).length, 1);
                assert.deepEqual(check(window, type, { [property]: "30" }), []);
                assert.equal(check(window, type, { [property]: "thirty" }).length, 1);
                assert.equal(check(window, type, { [property]: 29.5 }).length, 1);
            });
        });
    }

    it("an out-of-range configured minimum falls back to 30", () => {
        assert.equal(check(window, KEY, { deletionWindowInDays: 29 }, { minimumDeletionWindowDays: 3 }).length, 1);
        assert.equal(check(window, KEY, { deletionWindowInDays: 29 }, { minimumDeletionWindowDays: "7" }).length, 1);
    });

    describe("remediation", () => {
        it("raises a short window to the minimum and keeps everything else", () => {
            assert.deepEqual(remediate(window, KEY, { description: "d", enableKeyRotation: true, deletionWindowInDays: 7 }), {
                description: "d",
                enableKeyRotation: true,
                deletionWindowInDays: 30,
            });
            assert.deepEqual(remediate(window, NATIVE_KEY, { pendingWindowInDays: "10" }, { minimumDeletionWindowDays: 14 }), {
                pendingWindowInDays: 14,
            });
        });

        it("never shortens a window, and leaves unset, unknown and odd values alone", () => {
            assert.equal(remediate(window, KEY, { deletionWindowInDays: 30 }), undefined);
            assert.equal(remediate(window, KEY, { deletionWindowInDays: 20 }, { minimumDeletionWindowDays: 14 }), undefined);
            assert.equal(remediate(window, KEY, {}), undefined);
            assert.equal(remediate(window, KEY, { deletionWindowInDays: UNKNOWN_STRING }), undefined);
            assert.equal(remediate(window, KEY, { deletionWindowInDays: "soon" }), undefined);
            assert.equal(remediate(window, "aws:s3/bucket:Bucket", { deletionWindowInDays: 7 }), undefined);
        });
    });
});
