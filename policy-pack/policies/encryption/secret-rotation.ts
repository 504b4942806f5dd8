// encryption-secret-rotation (stack policy): every Secrets Manager secret of the stack rotates
// automatically, at least as often as configured (default: every 90 days).
//
// In the encryption family beside encryption-kms-key-rotation: both bound how long one piece of key
// material stays in use, and the family already judges the secret's own KMS key. A stack policy,
// because the rotation is a separate resource:
//   rotation --propertyDependencies[secretId] or literal ARN / name--> secret
// A rotation whose secret is unknown during preview could rotate any secret: secrets without a
// rotation are then undecided rather than reported.

import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { AttachmentTargets, gatherByTarget } from "../../readers/attachments";
import { label, propsOf, resourcesIn } from "../../readers/graph";
import { readRotationInterval, RotationInterval, SECRET_IDENTITIES, SECRET_ROTATION_TYPES } from "../../readers/encryption";
import { Unknown, UNKNOWN } from "../../readers/known";
import { guardStack } from "../guard";
import { nist, TAG } from "../metadata";
import { ENCRYPTION_FAMILY_TAGS } from "./metadata";
import { encryptionSettings } from "./settings";

export const NAME = "encryption-secret-rotation";

/** The secret itself, or one rotation of it. */
type SecretPart = { kind: "secret" } | { kind: "rotation"; interval: RotationInterval | Unknown };

export const secretRotation: StackValidationPolicy = {
    name: NAME,
    displayName: "Secrets Manager secrets rotate automatically",
    description:
        "Every Secrets Manager secret (classic secretsmanager Secret, aws-native secretsmanager Secret) must have a rotation " +
        "(classic SecretRotation, aws-native RotationSchedule) naming it by reference or by its ARN or name, whose schedule " +
        "rotates it at least every maximumSecretRotationDays (default 90): automaticallyAfterDays, rate(...) or a cron(...) " +
        "that runs every month.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: nist("IA-5(1)", "Authenticator Management | Password-based Authentication"),
    tags: [
        ...ENCRYPTION_FAMILY_TAGS,
        TAG.nist("IA-5"),
        TAG.pci("8.3.9"),
        TAG.pci("8.6.3"),
        TAG.securityHub("SecretsManager.1"),
        TAG.securityHub("SecretsManager.4"),
        "secrets-manager",
    ],
    remediationSteps:
        "Declare an aws.secretsmanager.SecretRotation (aws-native secretsmanager.RotationSchedule) with secretId: secret.id, " +
        "a rotation Lambda (rotationLambdaArn, or hostedRotationLambda in aws-native) and rotationRules with " +
        "automaticallyAfterDays (or a rate(N days) schedule) no longer than the configured maximum. For database master " +
        "passwords, let RDS manage the secret (manageMasterUserPassword), which rotates it.",
    url: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html",
    configSchema: encryptionSettings.schema("maximumSecretRotationDays"),
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            const maximum = encryptionSettings.from(args).maximumSecretRotationDays;
            const resources = resourcesIn(args.resources);
            const gathered = gatherByTarget<SecretPart>(
                resources,
                new AttachmentTargets(resources, SECRET_IDENTITIES, reading),
                (type) =>
                    SECRET_IDENTITIES.has(type)
                        ? { attachment: { kind: "inline" }, read: () => ({ kind: "secret" }) }
                        : SECRET_ROTATION_TYPES.has(type)
                          ? {
                                attachment: { kind: "separate", targetProperties: ["secretId"] },
                                read: (resource) => ({ kind: "rotation", interval: readRotationInterval(propsOf(resource), reading) }),
                            }
                          : undefined,
                reading,
            );
            const someRotationUnlinked = gathered.unattributed.length > 0;
            for (const { target, contributions } of gathered.byTarget) {
                if (target.kind !== "declared" || !SECRET_IDENTITIES.has(target.resource.type)) {
                    continue; // rotations of a secret of another stack: judged where the secret is
                }
                const rotations = contributions.flatMap((c): { resource: PolicyResource; interval: RotationInterval | Unknown }[] =>
                    c.view.kind === "rotation" ? [{ resource: c.resource, interval: c.view.interval }] : [],
                );
                if (rotations.length === 0) {
                    if (someRotationUnlinked) {
                        reading.markUndecided();
                    } else {
                        report(
                            `Secret ${label(target.resource)} has no rotation: no SecretRotation or RotationSchedule in this stack names it. ` +
                                `Rotate it at least every ${maximum} days.`,
                            target.resource.urn,
                        );
                    }
                    continue;
                }
                for (const { resource, interval } of rotations) {
                    if (interval === UNKNOWN) {
                        reading.markUndecided();
                    } else if ("unbounded" in interval) {
                        report(
                            `${label(resource)} does not show that secret ${label(target.resource)} rotates within ${maximum} days: ` +
                                `${interval.unbounded}. Use automaticallyAfterDays (or rate(N days)) of at most ${maximum}.`,
                            resource.urn,
                        );
                    } else if (interval.days > maximum) {
                        report(
                            `${label(resource)} rotates secret ${label(target.resource)} only every ${interval.days} days; rotate it at ` +
                                `least every ${maximum} days.`,
                            resource.urn,
                        );
                    }
                }
            }
        },
        new Set([...SECRET_IDENTITIES.keys(), ...SECRET_ROTATION_TYPES]),
    ),
};
