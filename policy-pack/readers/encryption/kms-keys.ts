// Readers for KMS keys, both providers: can the key rotate automatically, does it, how often, and
// how long is its deletion window.
//
//   aws:kms/key:Key              enableKeyRotation, rotationPeriodInDays, customerMasterKeySpec,
//                                keyUsage, customKeyStoreId, xksKeyId, deletionWindowInDays
//   aws:kms/replicaKey:ReplicaKey, aws:kms/externalKey:ExternalKey,
//   aws:kms/replicaExternalKey:ReplicaExternalKey                       deletionWindowInDays
//   aws-native:kms:Key           enableKeyRotation, rotationPeriodInDays, keySpec, keyUsage,
//                                origin, pendingWindowInDays
//   aws-native:kms:ReplicaKey    pendingWindowInDays
//
// Automatic rotation exists only for symmetric encryption keys (key spec SYMMETRIC_DEFAULT, the
// default) whose key material KMS generates: not for asymmetric or HMAC keys, keys with imported
// material (origin EXTERNAL, ExternalKey) or keys in a custom key store. A replica key shares its
// primary's rotation setting, so only primaries are judged for rotation.

import { Props, Reading, UNKNOWN, Unknown } from "../known";

export type Capability =
    /** The key can rotate automatically. */
    | { kind: "rotatable" }
    /** The key cannot rotate automatically (why). */
    | { kind: "not-rotatable"; why: string }
    /** Unknown during preview whether it can. */
    | { kind: "unknown" };

export interface RotationView {
    /** `enableKeyRotation` (true only for true or "true"). */
    enabled: boolean | Unknown;
    /** `rotationPeriodInDays` as written (undefined: AWS's default, 365 days). */
    periodDays: unknown;
    /** Whether the key can rotate at all; read lazily, only when rotation is off. */
    capability: () => Capability;
}

export interface DeletionWindowView {
    /** The deletion window as written (undefined: AWS's default, 30 days). */
    days: unknown;
    property: string;
}

export interface KmsKeyReader {
    types: readonly string[];
    /** Undefined for replicas and imported-material keys: they have no rotation of their own. */
    rotation?: (props: Props, reading: Reading) => RotationView;
    deletionWindow: (props: Props, reading: Reading) => DeletionWindowView;
}

/** The AWS default waiting period before a scheduled key deletion, in days. */
export const AWS_DEFAULT_DELETION_WINDOW = 30;

/** The AWS default automatic rotation period, in days. */
export const AWS_DEFAULT_ROTATION_PERIOD = 365;

function upper(value: unknown): string | undefined {
    return typeof value === "string" ? value.trim().toUpperCase() : undefined;
}

function isPresent(value: unknown): boolean {
    return value !== undefined && value !== null && value !== "";
}

/** Can a key of this spec, usage (and origin / key store, `extra`) rotate automatically? */
function capabilityOf(reading: Reading, props: Props, specProperty: string, extra: () => string | undefined | Unknown): Capability {
    const spec = reading.get(props, specProperty);
    if (spec !== UNKNOWN && isPresent(spec) && upper(spec) !== "SYMMETRIC_DEFAULT") {
        return {
            kind: "not-rotatable",
            why: `${specProperty} is ${typeof spec === "string" ? spec : "not SYMMETRIC_DEFAULT"}: only symmetric encryption keys rotate automatically`,
        };
    }
    const usage = reading.get(props, "keyUsage");
    if (usage !== UNKNOWN && isPresent(usage) && upper(usage) !== "ENCRYPT_DECRYPT") {
        return {
            kind: "not-rotatable",
            why: `keyUsage is ${typeof usage === "string" ? usage : "not ENCRYPT_DECRYPT"}: only symmetric encryption keys rotate automatically`,
        };
    }
    const other = extra();
    if (other !== undefined && other !== UNKNOWN) {
        return { kind: "not-rotatable", why: other };
    }
    return spec === UNKNOWN || usage === UNKNOWN || other === UNKNOWN ? { kind: "unknown" } : { kind: "rotatable" };
}

function rotationOf(reading: Reading, props: Props, specProperty: string, extra: () => string | undefined | Unknown): RotationView {
    const enabled = reading.get(props, "enableKeyRotation");
    return {
        enabled:
            enabled === UNKNOWN ? UNKNOWN : enabled === true || (typeof enabled === "string" && enabled.trim().toLowerCase() === "true"),
        periodDays: enabled === true || enabled === "true" ? reading.get(props, "rotationPeriodInDays") : undefined,
        capability: () => capabilityOf(reading, props, specProperty, extra),
    };
}

const windowOf =
    (property: string) =>
    (props: Props, reading: Reading): DeletionWindowView => ({ days: reading.get(props, property), property });

export const classicKey: KmsKeyReader = {
    types: ["aws:kms/key:Key"],
    rotation: (props, reading) =>
        rotationOf(reading, props, "customerMasterKeySpec", () => {
            for (const property of ["customKeyStoreId", "xksKeyId"]) {
                const value = reading.get(props, property);
                if (value === UNKNOWN) {
                    return UNKNOWN;
                }
                if (isPresent(value)) {
                    return `${property} is set: keys in a custom key store do not rotate automatically`;
                }
            }
            return undefined;
        }),
    deletionWindow: windowOf("deletionWindowInDays"),
};

export const classicReplicaOrExternalKey: KmsKeyReader = {
    types: ["aws:kms/replicaKey:ReplicaKey", "aws:kms/externalKey:ExternalKey", "aws:kms/replicaExternalKey:ReplicaExternalKey"],
    deletionWindow: windowOf("deletionWindowInDays"),
};

export const nativeKey: KmsKeyReader = {
    types: ["aws-native:kms:Key"],
    rotation: (props, reading) =>
        rotationOf(reading, props, "keySpec", () => {
            const origin = reading.get(props, "origin");
            if (origin === UNKNOWN) {
                return UNKNOWN;
            }
            return isPresent(origin) && upper(origin) !== "AWS_KMS"
                ? `origin is ${typeof origin === "string" ? origin : "not AWS_KMS"}: keys with imported or external key material do not rotate automatically`
                : undefined;
        }),
    deletionWindow: windowOf("pendingWindowInDays"),
};

export const nativeReplicaKey: KmsKeyReader = {
    types: ["aws-native:kms:ReplicaKey"],
    deletionWindow: windowOf("pendingWindowInDays"),
};

export const KMS_KEY_READERS: ReadonlyMap<string, KmsKeyReader> = new Map(
    [classicKey, classicReplicaOrExternalKey, nativeKey, nativeReplicaKey].flatMap((reader) =>
        reader.types.map((type) => [type, reader] as const),
    ),
);

/** Key types that can rotate automatically (the rotation policy's scope). */
export const ROTATABLE_KEY_TYPES: ReadonlySet<string> = new Set([...classicKey.types, ...nativeKey.types]);
