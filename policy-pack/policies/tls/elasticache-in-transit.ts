// tls-elasticache-in-transit: ElastiCache replication groups and stand-alone clusters encrypt
// in transit, in "required" mode ("preferred" still accepts plaintext connections).
// Serverless caches always use TLS and are not read. A cluster that belongs to a replication
// group, and a secondary of a global datastore, inherit their settings and pass here (the group
// and the primary are judged themselves).

import { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { ELASTICACHE_TYPES, readElastiCache } from "../../readers/tls/services";
import { show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { TAG } from "../metadata";
import { NIST_SC_8_1, TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";

export const NAME = "tls-elasticache-in-transit";

export const elastiCacheInTransit: ResourceValidationPolicy = {
    name: NAME,
    displayName: "ElastiCache encrypts in transit",
    description:
        "ElastiCache replication groups (classic and aws-native) and stand-alone classic clusters must enable in-transit " +
        "encryption (TLS), and transitEncryptionMode, when set, must be required: preferred still accepts plaintext clients.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: NIST_SC_8_1,
    tags: [...TLS_FAMILY_TAGS, TAG.securityHub("ElastiCache.5"), "elasticache"],
    remediationSteps:
        'Set transitEncryptionEnabled: true and transitEncryptionMode: "required" (an existing group moves through ' +
        '"preferred" first, as a migration step only), and connect clients with TLS. Memcached needs engine 1.6.12 or later; ' +
        "Redis OSS engines before 7.0.5 can only enable it when the group is created.",
    url: TLS_DOCS.elastiCache,
    validateResource: guardResource(NAME, ELASTICACHE_TYPES, (args, props, report, reading) => {
        const view = readElastiCache(args.type, props, reading);
        if (view === undefined) {
            return;
        }
        if (typeof view.inheritsFrom === "string") {
            return;
        }
        if (view.enabled === UNKNOWN) {
            reading.markUndecided();
        } else if (view.enabled !== true) {
            if (view.inheritsFrom === UNKNOWN) {
                reading.markUndecided();
                return;
            }
            report(
                `In-transit encryption is off (transitEncryptionEnabled is ${show(view.enabled ?? "unset")}): clients connect in plaintext. Set transitEncryptionEnabled: true.`,
            );
            return;
        }
        if (view.mode === UNKNOWN) {
            reading.markUndecided();
        } else if (view.mode !== undefined && view.mode !== "required") {
            report(
                `transitEncryptionMode is ${show(view.mode)}, which still accepts plaintext connections. Set transitEncryptionMode: "required".`,
            );
        }
    }),
};
