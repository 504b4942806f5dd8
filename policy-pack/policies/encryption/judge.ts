// Judging a normalised store-encryption view. Provider-free.
//
// - not encrypted: always a violation;
// - a customer-managed key: passes; a key unknown during preview counts as one (it can only be
//   the output of a key or alias created in this run, and no one can create an `alias/aws/…`);
// - an AWS-managed or AWS-owned key: a violation unless the config allows that kind for this
//   store (all stores, or listed by store name or type token);
// - a value that is not a KMS key reference: a violation (fail closed);
// - undecidable (a deciding value unknown during preview): undecided.

import { StoreEncryption, StoreReader } from "../../readers/encryption";
import { EncryptionSettings } from "./settings";

export type StoreVerdict = { kind: "pass" } | { kind: "fail"; reason: string } | { kind: "undecided" };

function listed(names: ReadonlySet<string>, reader: StoreReader, type: string): boolean {
    return names.has(reader.store) || names.has(type);
}

export function allowsAwsManaged(settings: EncryptionSettings, reader: StoreReader, type: string): boolean {
    return settings.allowAwsManagedKeys || listed(settings.allowAwsManagedKeysFor, reader, type);
}

export function allowsAwsOwned(settings: EncryptionSettings, reader: StoreReader, type: string): boolean {
    return settings.allowAwsOwnedKeys || listed(settings.allowAwsOwnedKeysFor, reader, type);
}

export function judgeStore(view: StoreEncryption, reader: StoreReader, type: string, settings: EncryptionSettings): StoreVerdict {
    if (view.encrypted === "no") {
        return { kind: "fail", reason: `is not encrypted at rest (${view.note})` };
    }
    if (view.encrypted === "unknown") {
        return { kind: "undecided" };
    }
    switch (view.keyKind) {
        case "customer-managed":
        case "unknown":
            return { kind: "pass" };
        case "aws-managed":
            return allowsAwsManaged(settings, reader, type)
                ? { kind: "pass" }
                : { kind: "fail", reason: `is encrypted with an AWS-managed key, not a customer-managed one (${view.note})` };
        case "aws-owned":
            return allowsAwsOwned(settings, reader, type)
                ? { kind: "pass" }
                : { kind: "fail", reason: `is encrypted with an AWS-owned key, not a customer-managed one (${view.note})` };
        case "unrecognised":
            return { kind: "fail", reason: `names no usable KMS key (${view.note})` };
        default:
            return { kind: "fail", reason: `is not encrypted with a customer-managed key (${view.note})` };
    }
}
