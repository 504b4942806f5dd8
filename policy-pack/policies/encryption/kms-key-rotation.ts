// encryption-kms-key-rotation: symmetric customer-managed KMS keys rotate automatically, at least
// as often as configured (default: yearly, AWS's default period).
//
// Only keys that CAN rotate automatically are judged: symmetric encryption keys (SYMMETRIC_DEFAULT,
// the default spec) whose material KMS generates. Asymmetric and HMAC keys, imported material
// (aws-native origin EXTERNAL, classic ExternalKey) and custom key stores pass untouched; replica
// keys take their primary's setting. Remediation turns rotation on for keys known to be able to
// rotate, and changes nothing else.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { KMS_KEY_READERS, ROTATABLE_KEY_TYPES, RotationView } from "../../readers/encryption";
import { Reading, UNKNOWN } from "../../readers/known";
import { guardResource } from "../guard";
import { cis, TAG } from "../metadata";
import { ENCRYPTION_DOCS, ENCRYPTION_FAMILY_TAGS } from "./metadata";
import { previewView, rawProps, wholeDays, withProperty } from "../remediation";
import { encryptionSettings } from "./settings";

export const NAME = "encryption-kms-key-rotation";

function rotationOf(type: string, props: Record<string, unknown>, reading: Reading): RotationView | undefined {
    return KMS_KEY_READERS.get(type)?.rotation?.(props, reading);
}

export const kmsKeyRotation: ResourceValidationPolicy = {
    name: NAME,
    displayName: "Symmetric KMS keys rotate automatically",
    description:
        "Customer-managed symmetric encryption KMS keys (classic aws.kms.Key, aws-native kms.Key) must have automatic key " +
        "rotation enabled, with a rotation period no longer than the configured maximum (default 365 days). Keys that cannot " +
        "rotate automatically (asymmetric, HMAC, imported material, custom key stores) pass.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: cis("3.6", "Ensure rotation for customer-created symmetric CMKs is enabled"),
    tags: [
        ...ENCRYPTION_FAMILY_TAGS,
        TAG.cis("3.6"),
        TAG.nist("SC-12"),
        TAG.nist("SC-12(2)"),
        TAG.nist("SC-28(3)"),
        TAG.pci("3.7.4"),
        "kms-key",
    ],
    remediationSteps:
        "Set enableKeyRotation: true on the key (KMS then rotates its material every rotationPeriodInDays, 365 by default, " +
        "and keeps old material to decrypt old data: no re-encryption, no change for clients). Keep rotationPeriodInDays at " +
        "or below the configured maximum. Run the policy at enforcement level `remediate` to turn rotation on automatically.",
    url: ENCRYPTION_DOCS.rotateKeys,
    configSchema: encryptionSettings.schema("maximumRotationPeriodDays"),
    validateResource: guardResource(NAME, ROTATABLE_KEY_TYPES, (args, props, report, reading) => {
        const rotation = rotationOf(args.type, props, reading);
        if (rotation === undefined) {
            return;
        }
        const settings = encryptionSettings.from(args);
        if (rotation.enabled === true) {
            const period = rotation.periodDays;
            if (period === UNKNOWN) {
                reading.markUndecided();
                return;
            }
            if (period === undefined || period === null) {
                return;
            }
            const days = wholeDays(period);
            if (days === undefined) {
                report(`rotationPeriodInDays is not a whole number of days; set at most ${settings.maximumRotationPeriodDays}.`);
            } else if (days > settings.maximumRotationPeriodDays) {
                report(
                    `The key rotates only every ${days} days (rotationPeriodInDays); rotate at least every ${settings.maximumRotationPeriodDays} days.`,
                );
            }
            return;
        }
        const capability = rotation.capability();
        if (capability.kind === "not-rotatable") {
            return;
        }
        if (capability.kind === "unknown" || rotation.enabled === UNKNOWN) {
            reading.markUndecided();
            return;
        }
        report("Automatic rotation is off for this symmetric encryption key: set enableKeyRotation: true.");
    }),
    remediateResource: (args) => {
        try {
            if (typeof args?.type !== "string" || !ROTATABLE_KEY_TYPES.has(args.type)) {
                return undefined;
            }
            const raw = rawProps(args.props);
            if (raw === undefined) {
                return undefined;
            }
            const rotation = rotationOf(args.type, previewView(raw), new Reading());
            if (rotation === undefined || rotation.enabled !== false || rotation.capability().kind !== "rotatable") {
                return undefined;
            }
            return withProperty(raw, "enableKeyRotation", true);
        } catch {
            return undefined;
        }
    },
};
