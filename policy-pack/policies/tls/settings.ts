// Configuration of the TLS family: the allow-lists users tune (`pulumi policy enable … --config`)
// and their defensive reading. Every list is an ALLOW-list: a value AWS adds later fails until a
// user adds it, so nothing new passes silently. A missing or malformed setting falls back to its
// default; an empty list is honoured (everything of that kind then fails).

import { PolicyConfigJSONSchema } from "../../policy-sdk";
import { familySettings, PORT_SCHEMA, portSet } from "../config";

/**
 * ELB security policies that negotiate TLS 1.2 or newer only, from the ALB and NLB "security
 * policies" tables of the ELB documentation (TLS13-1-2-*, TLS13-1-3-*, TLS-1-2-*, FS-1-2-*).
 */
export const DEFAULT_ELB_SSL_POLICIES: readonly string[] = [
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-RFC9151-FIPS-2023-07",
    "ELBSecurityPolicy-TLS13-1-2-Ext0-RFC9151-FIPS-2023-07",
    "ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP1-FIPS-2023-07",
    "ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP2-FIPS-2023-07",
    "ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP3-FIPS-2023-07",
    "ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP4-FIPS-2023-07",
    "ELBSecurityPolicy-TLS13-1-3-RFC9151-FIPS-2023-07",
    "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS-1-2-2017-01",
    "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
    "ELBSecurityPolicy-FS-1-2-2019-08",
    "ELBSecurityPolicy-FS-1-2-Res-2019-08",
    "ELBSecurityPolicy-FS-1-2-Res-2020-10",
];

/** The policy an HTTPS/TLS listener gets when `sslPolicy` is unset (API, CloudFormation, Terraform). */
export const ELB_DEFAULT_SSL_POLICY = "ELBSecurityPolicy-2016-08";
/** What remediation suggests. */
export const RECOMMENDED_ELB_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
/** What remediation suggests for a Classic Load Balancer (its predefined policies stop at TLS 1.2). */
export const RECOMMENDED_CLASSIC_ELB_SSL_POLICY = "ELBSecurityPolicy-TLS-1-2-2017-01";

/** CloudFront viewer security policies with TLS 1.2 or newer as the minimum. */
export const DEFAULT_CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS: readonly string[] = [
    "TLSv1.2_2018",
    "TLSv1.2_2019",
    "TLSv1.2_2021",
    "TLSv1.2_2025",
    "TLSv1.3_2025",
];
export const RECOMMENDED_CLOUDFRONT_MINIMUM_PROTOCOL_VERSION = "TLSv1.2_2021";

/** Protocols CloudFront may use to custom origins (valid values: SSLv3, TLSv1, TLSv1.1, TLSv1.2). */
export const DEFAULT_ORIGIN_SSL_PROTOCOLS: readonly string[] = ["TLSv1.2"];

/** API Gateway security policies with TLS 1.2 or newer as the minimum (legacy TLS_1_2 and every enhanced policy). */
export const DEFAULT_API_GATEWAY_SECURITY_POLICIES: readonly string[] = [
    "TLS_1_2",
    "SecurityPolicy_TLS13_1_3_2025_09",
    "SecurityPolicy_TLS13_1_3_FIPS_2025_09",
    "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_2021_06",
    "SecurityPolicy_TLS13_2025_EDGE",
    "SecurityPolicy_TLS12_PFS_2025_EDGE",
    "SecurityPolicy_TLS12_2018_EDGE",
];

/** OpenSearch/Elasticsearch endpoint TLS policies with TLS 1.2 as the minimum. */
export const DEFAULT_OPENSEARCH_TLS_POLICIES: readonly string[] = ["Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"];
export const RECOMMENDED_OPENSEARCH_TLS_POLICY = "Policy-Min-TLS-1-2-PFS-2023-10";

const stringList = (defaults: readonly string[], description: string) =>
    ({ type: "array", items: { type: "string" }, default: [...defaults], description }) as const;

export const TLS_SCHEMA = {
    allowedSslPolicies: stringList(
        DEFAULT_ELB_SSL_POLICIES,
        "ELB security policies an HTTPS or TLS listener may use, and a Classic Load Balancer's SSL negotiation policy may " +
            `reference (allow-list). An unset sslPolicy, or no SSL negotiation policy, means ${ELB_DEFAULT_SSL_POLICY}, ` +
            "which allows TLS 1.0 and fails.",
    ),
    plaintextPassthroughPorts: {
        type: "array",
        items: PORT_SCHEMA,
        default: [],
        description:
            "Ports on which a network load balancer may pass TCP, UDP or TCP_UDP (a Classic Load Balancer: TCP) through unencrypted by the load balancer " +
            "(e.g. TLS terminated by the targets). The pack cannot see inside the stream, so by default every such listener fails.",
    },
    allowedMinimumProtocolVersions: stringList(
        DEFAULT_CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS,
        "CloudFront viewer security policies (viewerCertificate.minimumProtocolVersion) a distribution may use (allow-list).",
    ),
    allowedOriginSslProtocols: stringList(
        DEFAULT_ORIGIN_SSL_PROTOCOLS,
        "Protocols CloudFront may offer to custom and VPC origins (originSslProtocols); every listed protocol must be in this list.",
    ),
    allowedSecurityPolicies: stringList(
        DEFAULT_API_GATEWAY_SECURITY_POLICIES,
        "API Gateway custom-domain security policies (allow-list). An unset securityPolicy fails: REST APIs default to TLS_1_0.",
    ),
    allowedTlsSecurityPolicies: stringList(
        DEFAULT_OPENSEARCH_TLS_POLICIES,
        "OpenSearch/Elasticsearch domainEndpointOptions.tlsSecurityPolicy values a domain may use (allow-list).",
    ),
    requireNodeToNodeEncryption: {
        type: "boolean",
        default: true,
        description: "Whether OpenSearch/Elasticsearch domains must also encrypt traffic between their nodes.",
    },
    trustedParameterGroupNames: stringList(
        [],
        "Names of RDS/Redshift parameter groups managed outside the stack that are known to enforce TLS. A database that " +
            "names a group not declared in its stack passes only if the name is listed here.",
    ),
    trustedListenerArns: {
        type: "array",
        items: { type: "string" },
        default: [],
        description:
            "ARNs of listeners managed outside the stack (e.g. a shared load balancer's HTTPS listener referenced through a " +
            "stack reference) that are known to be HTTPS. A rule that forwards or authenticates on a listener not declared in " +
            "its stack passes only if the listener's ARN is listed here (exact match).",
    },
} satisfies Record<string, PolicyConfigJSONSchema>;

export interface TlsSettings {
    allowedSslPolicies: ReadonlySet<string>;
    plaintextPassthroughPorts: ReadonlySet<number>;
    allowedMinimumProtocolVersions: ReadonlySet<string>;
    allowedOriginSslProtocols: ReadonlySet<string>;
    allowedSecurityPolicies: ReadonlySet<string>;
    allowedTlsSecurityPolicies: ReadonlySet<string>;
    requireNodeToNodeEncryption: boolean;
    trustedParameterGroupNames: ReadonlySet<string>;
    trustedListenerArns: ReadonlySet<string>;
}

function strings(value: unknown, fallback: readonly string[]): ReadonlySet<string> {
    if (!Array.isArray(value) || !(value as unknown[]).every((v) => typeof v === "string")) {
        return new Set(fallback);
    }
    return new Set((value as string[]).map((v) => v.trim()));
}

export const tlsSettings = familySettings(TLS_SCHEMA, (config): TlsSettings => ({
    allowedSslPolicies: strings(config.allowedSslPolicies, DEFAULT_ELB_SSL_POLICIES),
    plaintextPassthroughPorts: portSet(config.plaintextPassthroughPorts, []),
    allowedMinimumProtocolVersions: strings(config.allowedMinimumProtocolVersions, DEFAULT_CLOUDFRONT_MINIMUM_PROTOCOL_VERSIONS),
    allowedOriginSslProtocols: strings(config.allowedOriginSslProtocols, DEFAULT_ORIGIN_SSL_PROTOCOLS),
    allowedSecurityPolicies: strings(config.allowedSecurityPolicies, DEFAULT_API_GATEWAY_SECURITY_POLICIES),
    allowedTlsSecurityPolicies: strings(config.allowedTlsSecurityPolicies, DEFAULT_OPENSEARCH_TLS_POLICIES),
    requireNodeToNodeEncryption: typeof config.requireNodeToNodeEncryption === "boolean" ? config.requireNodeToNodeEncryption : true,
    trustedParameterGroupNames: strings(config.trustedParameterGroupNames, []),
    // Blank ARNs name no listener, so they are dropped.
    trustedListenerArns: new Set([...strings(config.trustedListenerArns, [])].filter((v) => v !== "")),
}));
