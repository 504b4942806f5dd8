// tls-msk-in-transit: MSK provisioned clusters accept TLS only from clients and encrypt between
// brokers. Unset values mean TLS and true (the defaults both providers document); MSK Serverless
// always uses TLS and is not read.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { MSK_TYPES, readMsk } from "../../readers/tls/services";
import { show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { TAG } from "../metadata";
import { NIST_SC_8_1, TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";

export const NAME = "tls-msk-in-transit";

export const mskInTransit: ResourceValidationPolicy = {
    name: NAME,
    displayName: "MSK encrypts client and broker traffic",
    description:
        "MSK clusters (classic and aws-native) must set encryptionInfo.encryptionInTransit.clientBroker to TLS (not " +
        "TLS_PLAINTEXT or PLAINTEXT) and must not turn off inCluster encryption between brokers.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: NIST_SC_8_1,
    tags: [...TLS_FAMILY_TAGS, TAG.securityHub("MSK.1"), "msk"],
    remediationSteps:
        'Set encryptionInfo.encryptionInTransit { clientBroker: "TLS", inCluster: true } (or leave both unset: they default ' +
        "to TLS and true) and connect clients to the TLS bootstrap brokers. inCluster can only be chosen when the cluster is created.",
    url: TLS_DOCS.msk,
    validateResource: guardResource(NAME, MSK_TYPES, (args, props, report, reading) => {
        const view = readMsk(args.type, props, reading);
        if (view === undefined) {
            return;
        }
        if (view.clientBroker === UNKNOWN) {
            reading.markUndecided();
        } else if (view.clientBroker !== undefined && view.clientBroker !== "TLS") {
            report(
                `encryptionInTransit.clientBroker is ${show(view.clientBroker)}, so clients can talk to brokers in plaintext. Set clientBroker: "TLS".`,
            );
        }
        if (view.inCluster === UNKNOWN) {
            reading.markUndecided();
        } else if (view.inCluster !== undefined && view.inCluster !== true) {
            report(
                `encryptionInTransit.inCluster is ${show(view.inCluster)}: brokers exchange data in plaintext. Set inCluster: true (requires recreating the cluster).`,
            );
        }
    }),
};
