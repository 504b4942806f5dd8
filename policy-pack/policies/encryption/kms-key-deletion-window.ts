// encryption-kms-key-deletion-window: a KMS key's deletion waiting period is long enough to undo
// a mistake (default minimum: 30 days, see settings.ts for why).
//
// Deleting a KMS key makes every piece of data encrypted under it unrecoverable; the waiting
// period between scheduling the deletion (e.g. when a key is removed from a stack) and the
// deletion is the only way back. All key types of both providers carry the window: classic
// deletionWindowInDays (Key, ReplicaKey, ExternalKey, ReplicaExternalKey), aws-native
// pendingWindowInDays (Key, ReplicaKey). Unset means AWS's default, 30 days. Remediation raises a
// known shorter window to the minimum and changes nothing else.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { AWS_DEFAULT_DELETION_WINDOW, KMS_KEY_READERS } from "../../readers/encryption";
import { Reading, UNKNOWN } from "../../readers/known";
import { guardResource } from "../guard";
import { nist, TAG } from "../metadata";
import { ENCRYPTION_DOCS, ENCRYPTION_FAMILY_TAGS } from "./metadata";
import { previewView, rawProps, wholeDays, withProperty } from "../remediation";
import { encryptionSettings } from "./settings";

export const NAME = "encryption-kms-key-deletion-window";

export const KMS_KEY_TYPES: ReadonlySet<string> = new Set(KMS_KEY_READERS.keys());

export const kmsKeyDeletionWindow: ResourceValidationPolicy = {
    name: NAME,
    displayName: "KMS keys wait long enough before deletion to undo a mistake",
    description:
        "Every KMS key (classic Key, ReplicaKey, ExternalKey, ReplicaExternalKey; aws-native Key, ReplicaKey) must have a " +
        "deletion waiting period of at least the configured minimum (default 30 days, AWS's default and maximum): data " +
        "encrypted under a deleted key is lost for good, and the window is the only time to cancel the deletion.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: nist("SC-12", "Cryptographic Key Establishment and Management"),
    tags: [...ENCRYPTION_FAMILY_TAGS, TAG.nist("SC-12"), TAG.nist("SC-12(2)"), TAG.pci("3.7.5"), "kms-key"],
    remediationSteps:
        "Remove deletionWindowInDays (classic) / pendingWindowInDays (aws-native) to get AWS's default of 30 days, or set it " +
        "to at least the configured minimum. If a key really must disappear sooner, schedule its deletion by hand after " +
        "confirming nothing is encrypted under it (CloudTrail Decrypt events, key usage metrics). Run the policy at " +
        "enforcement level `remediate` to raise short windows automatically.",
    url: ENCRYPTION_DOCS.deletingKeys,
    configSchema: encryptionSettings.schema("minimumDeletionWindowDays"),
    validateResource: guardResource(NAME, KMS_KEY_TYPES, (args, props, report, reading) => {
        const reader = KMS_KEY_READERS.get(args.type);
        if (reader === undefined) {
            return;
        }
        const settings = encryptionSettings.from(args);
        const window = reader.deletionWindow(props, reading);
        if (window.days === UNKNOWN) {
            reading.markUndecided();
            return;
        }
        if (window.days === undefined || window.days === null) {
            if (AWS_DEFAULT_DELETION_WINDOW < settings.minimumDeletionWindowDays) {
                report(
                    `${window.property} is not set (AWS default ${AWS_DEFAULT_DELETION_WINDOW} days); set at least ${settings.minimumDeletionWindowDays}.`,
                );
            }
            return;
        }
        const days = wholeDays(window.days);
        if (days === undefined) {
            report(
                `${window.property} is not a whole number of days; set at least ${settings.minimumDeletionWindowDays} (AWS allows 7-30).`,
            );
        } else if (days < settings.minimumDeletionWindowDays) {
            report(
                `${window.property} is ${days} days: a key scheduled for deletion by mistake could be lost before anyone notices. ` +
                    `Set at least ${settings.minimumDeletionWindowDays} days (AWS allows 7-30, default 30).`,
            );
        }
    }),
    remediateResource: (args) => {
        try {
            const reader = typeof args?.type === "string" ? KMS_KEY_READERS.get(args.type) : undefined;
            const raw = reader === undefined ? undefined : rawProps(args.props);
            if (reader === undefined || raw === undefined) {
                return undefined;
            }
            const window = reader.deletionWindow(previewView(raw), new Reading());
            const days = window.days === UNKNOWN ? undefined : wholeDays(window.days);
            const minimum = encryptionSettings.from(args).minimumDeletionWindowDays;
            return days !== undefined && days < minimum ? withProperty(raw, window.property, minimum) : undefined;
        } catch {
            return undefined;
        }
    },
};
