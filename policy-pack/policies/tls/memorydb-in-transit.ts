// tls-memorydb-in-transit: MemoryDB clusters (and multi-Region clusters) keep in-transit
// encryption on. Both providers default tlsEnabled to true, so only an explicit false (or a
// malformed value) fails.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { MEMORYDB_TYPES, readMemoryDbTls } from "../../readers/tls/services";
import { show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { NIST_SC_8_1, TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";

export const NAME = "tls-memorydb-in-transit";

export const memoryDbInTransit: ResourceValidationPolicy = {
    name: NAME,
    displayName: "MemoryDB encrypts in transit",
    description:
        "MemoryDB clusters and multi-Region clusters (classic and aws-native) must not turn off in-transit encryption: " +
        "tlsEnabled false lets clients and replicas exchange data in plaintext.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: NIST_SC_8_1,
    tags: [...TLS_FAMILY_TAGS, "memorydb"],
    remediationSteps:
        "Remove tlsEnabled: false (it defaults to true) or set tlsEnabled: true, and connect clients with TLS. TLS can only " +
        "be chosen when the cluster is created, so an existing plaintext cluster is replaced.",
    url: TLS_DOCS.memoryDb,
    validateResource: guardResource(NAME, MEMORYDB_TYPES, (args, props, report, reading) => {
        const tls = readMemoryDbTls(args.type, props, reading);
        if (tls === UNKNOWN) {
            reading.markUndecided();
        } else if (tls !== undefined && tls !== true) {
            report(`In-transit encryption is off (tlsEnabled is ${show(tls)}): clients connect in plaintext. Set tlsEnabled: true.`);
        }
    }),
};
