import { dependsOnVia, resource, type PolicyResource } from "../harness";
import type { BypassCase } from "./bypass-case";

// Classic Load Balancers, DocumentDB, Neptune, MemoryDB and DMS endpoints were not read at all, and
// database parameter groups that force TLS could still let TLS 1.0/1.1 in through the engine's own
// minimum-version key.

const ELB = "aws:elb/loadBalancer:LoadBalancer";
const NATIVE_ELB = "aws-native:elasticloadbalancing:LoadBalancer";
const STRONG_ELB = "ELBSecurityPolicy-TLS-1-2-2017-01";

const attributes = (pairs: Record<string, string>) => Object.entries(pairs).map(([name, value]) => ({ name, value }));
const parameters = (pairs: Record<string, string>) => Object.entries(pairs).map(([name, value]) => ({ name, value }));

const classicLb = (listener: Record<string, unknown>) =>
    resource(ELB, "web", {
        name: "web",
        listeners: [{ instancePort: 8443, instanceProtocol: "HTTPS", sslCertificateId: "arn:cert", ...listener }],
    });

/** An internal ALB's HTTPS listener with this client-certificate check, and (when given) an HTTP API integration linked to it. */
function internalListener(mutualAuthentication: unknown, integration?: Record<string, unknown>): PolicyResource[] {
    const lb = resource("aws:lb/loadBalancer:LoadBalancer", "orders", { internal: true, loadBalancerType: "application" });
    const listener = dependsOnVia(
        resource("aws:lb/listener:Listener", "orders", { protocol: "HTTPS", port: 443, mutualAuthentication }),
        "loadBalancerArn",
        lb,
    );
    const linked =
        integration === undefined
            ? []
            : [dependsOnVia(resource("aws:apigatewayv2/integration:Integration", "gateway", integration), "integrationUri", listener)];
    return [lb, listener, ...linked];
}

/** A classic load balancer's HTTPS listener on 443 with an SslNegotiationPolicy of these attributes, linked by dependency. */
function classicWithNegotiation(pairs: Record<string, string> | undefined): PolicyResource[] {
    const lb = classicLb({ lbPort: 443, lbProtocol: "HTTPS" });
    if (pairs === undefined) {
        return [lb];
    }
    const policy = resource("aws:elb/sslNegotiationPolicy:SslNegotiationPolicy", "tls", { lbPort: 443, attributes: attributes(pairs) });
    return [lb, dependsOnVia(policy, "loadBalancer", lb)];
}

/** A classic load balancer whose listener policy names a LoadBalancerPolicy referencing `reference`, by literal names. */
function classicWithListenerPolicy(reference: string): PolicyResource[] {
    return [
        classicLb({ lbPort: 443, lbProtocol: "SSL" }),
        resource("aws:elb/loadBalancerPolicy:LoadBalancerPolicy", "negotiation", {
            loadBalancerName: "web",
            policyName: "negotiation",
            policyTypeName: "SSLNegotiationPolicyType",
            policyAttributes: attributes({ "Reference-Security-Policy": reference }),
        }),
        resource("aws:elb/listenerPolicy:ListenerPolicy", "listener-443", {
            loadBalancerName: "web",
            loadBalancerPort: 443,
            policyNames: ["negotiation"],
        }),
    ];
}

const nativeLb = (reference: string, policyNames: string[]) => [
    resource(NATIVE_ELB, "web", {
        listeners: [{ loadBalancerPort: "443", instancePort: "443", protocol: "HTTPS", sslCertificateId: "arn:cert", policyNames }],
        policies: [
            {
                policyName: "negotiation",
                policyType: "SSLNegotiationPolicyType",
                attributes: attributes({ "Reference-Security-Policy": reference }),
            },
        ],
    }),
];

const group = (type: string, family: string, pairs: Record<string, string>, native = false) =>
    resource(type, "group", native ? { family, description: "d", parameters: pairs } : { family, parameters: parameters(pairs) });

/** Bypasses of the tls family tried against the pack. */
export const tlsBypasses: readonly BypassCase[] = [
    {
        title: "classic ELB: an HTTPS listener with no SSL negotiation policy gets ELBSecurityPolicy-2016-08 (TLS 1.0)",
        policy: "tls-classic-load-balancer-listener",
        violating: () => classicWithNegotiation(undefined),
        compliant: () => classicWithNegotiation({ "Reference-Security-Policy": STRONG_ELB }),
    },
    {
        title: "classic ELB: an SslNegotiationPolicy on the listener that turns TLS 1.0 on",
        policy: "tls-classic-load-balancer-listener",
        violating: () => classicWithNegotiation({ "Reference-Security-Policy": STRONG_ELB, "Protocol-TLSv1": "true" }),
        compliant: () => classicWithNegotiation({ "Protocol-TLSv1.2": "true", "ECDHE-RSA-AES128-GCM-SHA256": "true" }),
    },
    {
        title: "classic ELB: a ListenerPolicy attaching a LoadBalancerPolicy that references ELBSecurityPolicy-2016-08, by literal names",
        policy: "tls-classic-load-balancer-listener",
        violating: () => classicWithListenerPolicy("ELBSecurityPolicy-2016-08"),
        compliant: () => classicWithListenerPolicy(STRONG_ELB),
    },
    {
        title: "classic ELB: a plain HTTP listener (a Classic Load Balancer cannot redirect to HTTPS)",
        policy: "tls-classic-load-balancer-listener",
        violating: () => [classicLb({ lbPort: 80, lbProtocol: "HTTP", instanceProtocol: "HTTP", instancePort: 80 })],
        compliant: () => classicWithNegotiation({ "Reference-Security-Policy": STRONG_ELB }),
    },
    {
        title: "classic ELB: a LoadBalancerPolicy referencing ELBSecurityPolicy-TLS-1-1-2017-01",
        policy: "tls-classic-load-balancer-ssl-policy",
        violating: () => classicWithListenerPolicy("ELBSecurityPolicy-TLS-1-1-2017-01"),
        compliant: () => classicWithListenerPolicy(STRONG_ELB),
    },
    {
        title: "aws-native classic ELB: the listener names an inline policy referencing ELBSecurityPolicy-2016-08",
        policy: "tls-classic-load-balancer-listener",
        violating: () => nativeLb("ELBSecurityPolicy-2016-08", ["negotiation"]),
        compliant: () => nativeLb(STRONG_ELB, ["negotiation"]),
    },
    {
        title: "aws-native classic ELB: an HTTPS listener that names no SSL negotiation policy",
        policy: "tls-classic-load-balancer-listener",
        violating: () => nativeLb(STRONG_ELB, []),
        compliant: () => nativeLb(STRONG_ELB, ["negotiation"]),
    },
    {
        title: "aws-native classic ELB: an inline SSL negotiation policy referencing ELBSecurityPolicy-2015-05",
        policy: "tls-classic-load-balancer-ssl-policy",
        violating: () => nativeLb("ELBSecurityPolicy-2015-05", ["negotiation"]),
        compliant: () => nativeLb(STRONG_ELB, ["negotiation"]),
    },
    {
        title: "DocumentDB: a cluster parameter group with tls enabled (accepts TLS 1.0 to 1.3)",
        policy: "tls-database-parameter-group",
        violating: () => [group("aws:docdb/clusterParameterGroup:ClusterParameterGroup", "docdb5.0", { tls: "enabled" })],
        compliant: () => [group("aws:docdb/clusterParameterGroup:ClusterParameterGroup", "docdb5.0", { tls: "tls1.2+" })],
    },
    {
        title: "aws-native DocumentDB: a cluster parameter group with tls disabled",
        policy: "tls-database-parameter-group",
        violating: () => [group("aws-native:docdb:DbClusterParameterGroup", "docdb5.0", { tls: "disabled" }, true)],
        compliant: () => [group("aws-native:docdb:DbClusterParameterGroup", "docdb5.0", { tls: "tls1.3+" }, true)],
    },
    {
        title: "DocumentDB: a cluster on the default cluster parameter group (tls enabled)",
        policy: "tls-database-enforcing-parameter-group",
        violating: () => [resource("aws:docdb/cluster:Cluster", "docs", { engine: "docdb" })],
        compliant: () => {
            const tls = group("aws:docdb/clusterParameterGroup:ClusterParameterGroup", "docdb5.0", { tls: "tls1.2+" });
            return [
                tls,
                dependsOnVia(resource("aws:docdb/cluster:Cluster", "docs", { engine: "docdb" }), "dbClusterParameterGroupName", tls),
            ];
        },
    },
    {
        title: "Neptune: a cluster parameter group turning neptune_enforce_ssl off",
        policy: "tls-database-parameter-group",
        violating: () => [group("aws:neptune/clusterParameterGroup:ClusterParameterGroup", "neptune1.3", { neptune_enforce_ssl: "0" })],
        compliant: () => [group("aws:neptune/clusterParameterGroup:ClusterParameterGroup", "neptune1.3", { neptune_enforce_ssl: "1" })],
    },
    {
        title: "aws-native Neptune: a cluster parameter group turning neptune_enforce_ssl off",
        policy: "tls-database-parameter-group",
        violating: () => [group("aws-native:neptune:DbClusterParameterGroup", "neptune1.4", { neptune_enforce_ssl: "0" }, true)],
        compliant: () => [group("aws-native:neptune:DbClusterParameterGroup", "neptune1.4", {}, true)],
    },
    {
        title: "MemoryDB: a cluster with tlsEnabled false",
        policy: "tls-memorydb-in-transit",
        violating: () => [
            resource("aws:memorydb/cluster:Cluster", "memory", { aclName: "open-access", nodeType: "db.t4g.small", tlsEnabled: false }),
        ],
        compliant: () => [resource("aws:memorydb/cluster:Cluster", "memory", { aclName: "open-access", nodeType: "db.t4g.small" })],
    },
    {
        title: "aws-native MemoryDB: a multi-Region cluster with tlsEnabled false",
        policy: "tls-memorydb-in-transit",
        violating: () => [resource("aws-native:memorydb:MultiRegionCluster", "memory", { nodeType: "db.r7g.xlarge", tlsEnabled: false })],
        compliant: () => [resource("aws-native:memorydb:MultiRegionCluster", "memory", { nodeType: "db.r7g.xlarge", tlsEnabled: true })],
    },
    {
        title: "DMS: a PostgreSQL source endpoint with sslMode none",
        policy: "tls-dms-endpoint",
        violating: () => [
            resource("aws:dms/endpoint:Endpoint", "source", {
                endpointId: "s",
                endpointType: "source",
                engineName: "postgres",
                sslMode: "none",
            }),
        ],
        compliant: () => [
            resource("aws:dms/endpoint:Endpoint", "source", {
                endpointId: "s",
                endpointType: "source",
                engineName: "postgres",
                sslMode: "verify-full",
            }),
        ],
    },
    {
        title: "aws-native DMS: a MySQL target endpoint without sslMode (defaults to none)",
        policy: "tls-dms-endpoint",
        violating: () => [resource("aws-native:dms:Endpoint", "target", { endpointType: "target", engineName: "mysql" })],
        compliant: () => [
            resource("aws-native:dms:Endpoint", "target", { endpointType: "target", engineName: "mysql", sslMode: "require" }),
        ],
    },
    {
        title: "DMS: a Kafka target endpoint on the plaintext security protocol",
        policy: "tls-dms-endpoint",
        violating: () => [
            resource("aws:dms/endpoint:Endpoint", "stream", {
                endpointType: "target",
                engineName: "kafka",
                kafkaSettings: { broker: "b:9092", securityProtocol: "plaintext" },
            }),
        ],
        compliant: () => [
            resource("aws:dms/endpoint:Endpoint", "stream", {
                endpointType: "target",
                engineName: "kafka",
                kafkaSettings: { broker: "b:9094", securityProtocol: "ssl-encryption" },
            }),
        ],
    },
    {
        title: "PostgreSQL: rds.force_ssl = 1 beside ssl_min_protocol_version TLSv1",
        policy: "tls-database-parameter-group",
        violating: () => [
            group("aws:rds/parameterGroup:ParameterGroup", "postgres16", { "rds.force_ssl": "1", ssl_min_protocol_version: "TLSv1" }),
        ],
        compliant: () => [
            group("aws:rds/parameterGroup:ParameterGroup", "postgres16", { "rds.force_ssl": "1", ssl_min_protocol_version: "TLSv1.2" }),
        ],
    },
    {
        title: "aws-native Aurora PostgreSQL: rds.force_ssl = 1 beside ssl_min_protocol_version TLSv1.1",
        policy: "tls-database-parameter-group",
        violating: () => [
            group(
                "aws-native:rds:DbClusterParameterGroup",
                "aurora-postgresql16",
                { "rds.force_ssl": "1", ssl_min_protocol_version: "TLSv1.1" },
                true,
            ),
        ],
        compliant: () => [group("aws-native:rds:DbClusterParameterGroup", "aurora-postgresql16", { "rds.force_ssl": "1" }, true)],
    },
    {
        title: "PostgreSQL 12: rds.force_ssl = 1 with the minimum left at its TLSv1 default",
        policy: "tls-database-parameter-group",
        violating: () => [group("aws:rds/parameterGroup:ParameterGroup", "postgres12", { "rds.force_ssl": "1" })],
        compliant: () => [
            group("aws:rds/parameterGroup:ParameterGroup", "postgres12", { "rds.force_ssl": "1", ssl_min_protocol_version: "TLSv1.2" }),
        ],
    },
    {
        title: "Aurora MySQL: require_secure_transport ON beside tls_version TLSv1,TLSv1.1,TLSv1.2",
        policy: "tls-database-parameter-group",
        violating: () => [
            group("aws:rds/clusterParameterGroup:ClusterParameterGroup", "aurora-mysql8.0", {
                require_secure_transport: "ON",
                tls_version: "TLSv1,TLSv1.1,TLSv1.2",
            }),
        ],
        compliant: () => [
            group("aws:rds/clusterParameterGroup:ClusterParameterGroup", "aurora-mysql8.0", {
                require_secure_transport: "ON",
                tls_version: "TLSv1.2",
            }),
        ],
    },
    {
        title: "aws-native MySQL 5.7: require_secure_transport ON with tls_version left at its TLS 1.0/1.1/1.2 default",
        policy: "tls-database-parameter-group",
        violating: () => [group("aws-native:rds:DbParameterGroup", "mysql5.7", { require_secure_transport: "1" }, true)],
        compliant: () => [
            group("aws-native:rds:DbParameterGroup", "mysql5.7", { require_secure_transport: "1", tls_version: "TLSv1.2" }, true),
        ],
    },
    {
        title: "MariaDB: a database on a group that forces TLS but lists TLSv1.1 in tls_version",
        policy: "tls-database-enforcing-parameter-group",
        violating: () => {
            const weak = group("aws:rds/parameterGroup:ParameterGroup", "mariadb11.4", {
                require_secure_transport: "ON",
                tls_version: "TLSv1.1,TLSv1.2",
            });
            return [weak, dependsOnVia(resource("aws:rds/instance:Instance", "db", { engine: "mariadb" }), "parameterGroupName", weak)];
        },
        compliant: () => {
            const strong = group("aws:rds/parameterGroup:ParameterGroup", "mariadb11.4", {
                require_secure_transport: "ON",
                tls_version: "TLSv1.2,TLSv1.3",
            });
            return [strong, dependsOnVia(resource("aws:rds/instance:Instance", "db", { engine: "mariadb" }), "parameterGroupName", strong)];
        },
    },
    {
        title: "an internal listener in passthrough mode with a trust store named, so it looks configured",
        policy: "tls-internal-listener-client-certificates",
        violating: () =>
            internalListener({ mode: "passthrough", trustStoreArn: "arn:aws:elasticloadbalancing:eu-west-1:1:truststore/mtls/1" }),
        compliant: () => internalListener({ mode: "verify", trustStoreArn: "arn:aws:elasticloadbalancing:eu-west-1:1:truststore/mtls/1" }),
    },
    {
        title: "an HTTP API integration over the internet (not a VPC link) pointed at an internal listener, to borrow the gateway exception",
        policy: "tls-internal-listener-client-certificates",
        violating: () => internalListener(undefined, { connectionType: "INTERNET", integrationUri: "(output)" }),
        compliant: () => internalListener(undefined, { connectionType: "VPC_LINK", integrationUri: "(output)" }),
    },
];
