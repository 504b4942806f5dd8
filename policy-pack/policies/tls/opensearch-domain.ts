// tls-opensearch-domain: OpenSearch and legacy Elasticsearch domains accept HTTPS only, with a
// TLS 1.2+ policy, and encrypt traffic between their nodes.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { OPENSEARCH_TYPES, readOpenSearchDomain } from "../../readers/tls/services";
import { ODD, show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { TAG } from "../metadata";
import { NIST_SC_8_1, TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";
import { RECOMMENDED_OPENSEARCH_TLS_POLICY, tlsSettings } from "./settings";

export const NAME = "tls-opensearch-domain";

export const openSearchDomain: ResourceValidationPolicy = {
    name: NAME,
    displayName: "OpenSearch domains require HTTPS with TLS 1.2+ and node-to-node encryption",
    description:
        "OpenSearch and Elasticsearch domains (classic and aws-native) must set domainEndpointOptions.enforceHttps, a " +
        "Policy-Min-TLS-1-2-* tlsSecurityPolicy, and node-to-node encryption, so data is encrypted on every hop in transit.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: NIST_SC_8_1,
    tags: [...TLS_FAMILY_TAGS, TAG.securityHub("Opensearch.3"), TAG.securityHub("Opensearch.8"), TAG.securityHub("ES.8"), "opensearch"],
    remediationSteps:
        `Set domainEndpointOptions { enforceHttps: true, tlsSecurityPolicy: "${RECOMMENDED_OPENSEARCH_TLS_POLICY}" } and ` +
        "enable node-to-node encryption (classic nodeToNodeEncryption.enabled, aws-native nodeToNodeEncryptionOptions.enabled). " +
        "Enabling node-to-node encryption on an existing domain requires OpenSearch/Elasticsearch 6.7 or later.",
    url: TLS_DOCS.openSearch,
    configSchema: tlsSettings.schema("allowedTlsSecurityPolicies", "requireNodeToNodeEncryption"),
    validateResource: guardResource(NAME, OPENSEARCH_TYPES, (args, props, report, reading) => {
        const view = readOpenSearchDomain(args.type, props, reading);
        if (view === undefined) {
            return;
        }
        const settings = tlsSettings.from(args);
        if (view.enforceHttps === UNKNOWN) {
            reading.markUndecided();
        } else if (view.enforceHttps !== true) {
            report(
                `This domain does not enforce HTTPS (domainEndpointOptions.enforceHttps is ${show(view.enforceHttps ?? "unset")}), so clients may use plain HTTP. Set enforceHttps: true.`,
            );
        }
        const policy = view.tlsSecurityPolicy;
        if (policy === UNKNOWN) {
            reading.markUndecided();
        } else if (policy === undefined) {
            report(
                `This domain sets no domainEndpointOptions.tlsSecurityPolicy, so it is not shown to refuse TLS 1.0/1.1. Set it to "${RECOMMENDED_OPENSEARCH_TLS_POLICY}".`,
            );
        } else if (policy === ODD || !settings.allowedTlsSecurityPolicies.has(policy)) {
            report(
                `This domain's tlsSecurityPolicy ${show(policy)} is not an allowed TLS 1.2+ policy. Set it to "${RECOMMENDED_OPENSEARCH_TLS_POLICY}".`,
            );
        }
        if (settings.requireNodeToNodeEncryption) {
            if (view.nodeToNode === UNKNOWN) {
                reading.markUndecided();
            } else if (view.nodeToNode !== true) {
                report(
                    `This domain does not encrypt traffic between its nodes (${view.nodeToNodeKey}.enabled is ${show(view.nodeToNode ?? "unset")}). Set ${view.nodeToNodeKey}.enabled: true.`,
                );
            }
        }
    }),
};
