// Compliance references and documentation links of the TLS family (the shared TAG, pci() and
// nist() helpers live in ../metadata.ts).

import { PolicyComplianceFramework } from "@pulumi/policy";
import { nist, pci, TAG } from "../metadata";

/** PCI DSS v4.0 4.2.1: strong cryptography for data sent over open, public networks. */
export const PCI_4_2_1: PolicyComplianceFramework = pci(
    "4.2.1",
    "Strong cryptography and security protocols are implemented to safeguard data during transmission over open, public networks.",
);

/** NIST SP 800-53 Rev. 5 SC-8(1): cryptographic protection of information in transit (inside the estate too). */
export const NIST_SC_8_1: PolicyComplianceFramework = nist(
    "SC-8(1)",
    "Implement cryptographic mechanisms to prevent unauthorized disclosure and modification of information during transmission.",
);

export const TLS_FAMILY_TAGS: readonly string[] = [
    "zero-trust",
    "tls",
    "encryption-in-transit",
    TAG.pci("4.2.1"),
    TAG.nist("SC-8"),
    TAG.nist("SC-8(1)"),
    TAG.nist("SC-13"),
    TAG.soc2("CC6.7"),
    TAG.hipaa("164.312(e)(1)"),
];

export const TLS_DOCS = {
    elbPolicies: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
    cloudFront:
        "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
    apiGateway: "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html",
    openSearch: "https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html",
    elastiCache: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html",
    msk: "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
    rdsSsl: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html",
    redshiftSsl: "https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html",
    documentDbTls: "https://docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html",
    memoryDb: "https://docs.aws.amazon.com/memorydb/latest/devguide/in-transit-encryption.html",
    dmsSsl: "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.SSL.html",
    classicElbPolicies: "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html",
    mutualTls: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/mutual-authentication.html",
} as const;
