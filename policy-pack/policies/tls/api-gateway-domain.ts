// tls-api-gateway-domain: API Gateway custom domains negotiate TLS 1.2+ only.
//
// securityPolicy must be in the allow-list (TLS_1_2 or an enhanced SecurityPolicy_* policy).
// An unset policy fails: REST APIs default to TLS_1_0, and a default is not evidence.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { API_GATEWAY_TYPES, readApiGatewayDomain } from "../../readers/tls/services";
import { ODD, show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { PCI_4_2_1, TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";
import { tlsSettings } from "./settings";

export const NAME = "tls-api-gateway-domain";

export const apiGatewayDomain: ResourceValidationPolicy = {
    name: NAME,
    displayName: "API Gateway custom domains use TLS 1.2+",
    description:
        "API Gateway custom domain names (REST, HTTP and WebSocket; classic and aws-native) must set a security policy " +
        "whose minimum is TLS 1.2: TLS_1_2 or an enhanced SecurityPolicy_* policy. An unset policy is not shown to be TLS 1.2.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: PCI_4_2_1,
    tags: [...TLS_FAMILY_TAGS, "api-gateway"],
    remediationSteps:
        "Set securityPolicy (HTTP/WebSocket domains: domainNameConfiguration(s).securityPolicy) to TLS_1_2, or for REST domains " +
        "to an enhanced policy such as SecurityPolicy_TLS13_1_2_2021_06 together with endpointAccessMode STRICT.",
    url: TLS_DOCS.apiGateway,
    configSchema: tlsSettings.schema("allowedSecurityPolicies"),
    validateResource: guardResource(NAME, API_GATEWAY_TYPES, (args, props, report, reading) => {
        const settings = readApiGatewayDomain(args.type, props, reading);
        if (settings === undefined) {
            return;
        }
        if (settings === UNKNOWN) {
            reading.markUndecided();
            return;
        }
        const allowed = tlsSettings.from(args).allowedSecurityPolicies;
        for (const { where, value } of settings) {
            if (value === UNKNOWN) {
                reading.markUndecided();
            } else if (value === undefined) {
                report(
                    `This custom domain sets no ${where}; REST APIs then default to TLS_1_0. Set ${where} to TLS_1_2 or an allowed enhanced TLS 1.2+ policy.`,
                );
            } else if (value === ODD || !allowed.has(value)) {
                report(
                    `This custom domain's ${where} ${show(value)} is not an allowed TLS 1.2+ security policy. Set it to TLS_1_2 or an allowed enhanced policy.`,
                );
            }
        }
    }),
};
