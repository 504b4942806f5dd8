// Registry of encryption readers by Pulumi type token, for both providers.

import { CLASSIC_STORE_READERS } from "./stores-classic";
import { NATIVE_STORE_READERS } from "./stores-native";
import { StoreReader } from "./store-encryption";

export type { StoreEncryption, StoreReader, Encrypted, KeyKind } from "./store-encryption";
export { classifyKeyReference, describeValue } from "./key-references";
export type { KeyClassification } from "./key-references";
export { KMS_KEY_READERS, ROTATABLE_KEY_TYPES, AWS_DEFAULT_DELETION_WINDOW, AWS_DEFAULT_ROTATION_PERIOD } from "./kms-keys";
export type { KmsKeyReader, RotationView, Capability, DeletionWindowView } from "./kms-keys";
export { readRotationInterval, SECRET_IDENTITIES, SECRET_ROTATION_TYPES } from "./secret-rotations";
export type { RotationInterval } from "./rotation-schedule";

export const ALL_STORE_READERS: readonly StoreReader[] = [...CLASSIC_STORE_READERS, ...NATIVE_STORE_READERS];

/** Store readers by type token (every store type the encryption family covers, both providers). */
export const STORE_READERS: ReadonlyMap<string, StoreReader> = new Map(
    ALL_STORE_READERS.flatMap((reader) => reader.types.map((type) => [type, reader] as const)),
);

/** The short store names users can list in `allowAwsManagedKeysFor` / `allowAwsOwnedKeysFor`. */
export const STORE_NAMES: readonly string[] = [...new Set(ALL_STORE_READERS.map((reader) => reader.store))].sort();
