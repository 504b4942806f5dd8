// Compliance references and documentation links of the open-ingress family (the shared TAG, cis()
// and nist() helpers live in ../metadata.ts).

import { TAG } from "../metadata";

/** Tags every open-ingress policy carries. */
export const INGRESS_FAMILY_TAGS: readonly string[] = [
    "zero-trust",
    "network",
    "ingress",
    TAG.pci("1.3.1"),
    TAG.pci("1.4.2"),
    TAG.nist("SC-7"),
    TAG.nist("SC-7(5)"),
    TAG.soc2("CC6.6"),
];

/** Tags of the layer-7 entry-point policies: an entry that authenticates nobody is open ingress. */
export const ENTRY_POINT_TAGS: readonly string[] = [...INGRESS_FAMILY_TAGS, TAG.nist("AC-3"), TAG.nist("IA-2"), "authentication"];

export const INGRESS_DOCS = {
    securityGroupRules: "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
    networkAcls: "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
    prefixLists: "https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html",
    lightsailFirewalls:
        "https://docs.aws.amazon.com/lightsail/latest/userguide/understanding-firewall-and-port-mappings-in-amazon-lightsail.html",
    albSecurityGroups: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html",
    httpApiAccessControl: "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html",
    restApiAccessControl: "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html",
    functionUrlAuth: "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
    privateIntegrations: "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-private.html",
} as const;
