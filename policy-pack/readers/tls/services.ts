// API Gateway custom domains, OpenSearch/Elasticsearch domains, ElastiCache, MSK and MemoryDB
// clusters and DMS endpoints of both providers, normalised for the TLS rules.
//
//   aws:apigateway/domainName:DomainName, aws-native:apigateway:DomainName,
//   aws-native:apigateway:DomainNameV2                                 { securityPolicy? }
//   aws:apigatewayv2/domainName:DomainName                             { domainNameConfiguration: { securityPolicy } }
//   aws-native:apigatewayv2:DomainName                                 { domainNameConfigurations[]: { securityPolicy? } }
//   aws:opensearch/domain:Domain, aws:elasticsearch/domain:Domain      { domainEndpointOptions: { enforceHttps?, tlsSecurityPolicy? },
//                                                                        nodeToNodeEncryption: { enabled } }
//   aws-native:opensearchservice:Domain                                { domainEndpointOptions, nodeToNodeEncryptionOptions: { enabled } }
//   aws:elasticache/replicationGroup:ReplicationGroup,
//   aws-native:elasticache:ReplicationGroup                            { transitEncryptionEnabled?, transitEncryptionMode?, globalReplicationGroupId? }
//   aws:elasticache/cluster:Cluster                                    { transitEncryptionEnabled?, replicationGroupId? }
//   aws:msk/cluster:Cluster, aws-native:msk:Cluster                    { encryptionInfo?: { encryptionInTransit?: { clientBroker?, inCluster? } } }
//   aws:memorydb/cluster:Cluster, aws-native:memorydb:Cluster,
//   aws:memorydb/multiRegionCluster:MultiRegionCluster,
//   aws-native:memorydb:MultiRegionCluster                             { tlsEnabled? }
//   aws:dms/endpoint:Endpoint, aws-native:dms:Endpoint                 { engineName, sslMode?, kafkaSettings?: { securityProtocol? },
//                                                                        redisSettings?: { sslSecurityProtocol? } }

import { Props, Reading, Unknown, UNKNOWN } from "../known";
import { block, flag, Odd, pick, text } from "./values";

type Text = string | undefined | Unknown | Odd;
type Flag = boolean | undefined | Unknown | Odd;

export const API_GATEWAY_TYPES: ReadonlySet<string> = new Set([
    "aws:apigateway/domainName:DomainName",
    "aws:apigatewayv2/domainName:DomainName",
    "aws-native:apigateway:DomainName",
    "aws-native:apigateway:DomainNameV2",
    "aws-native:apigatewayv2:DomainName",
]);

export interface SecurityPolicySetting {
    where: string;
    value: Text;
}

/** The security policies a custom domain sets (one per endpoint configuration for HTTP/WebSocket domains). */
export function readApiGatewayDomain(type: string, props: Props, reading: Reading): SecurityPolicySetting[] | Unknown | undefined {
    switch (type) {
        case "aws:apigateway/domainName:DomainName":
        case "aws-native:apigateway:DomainName":
        case "aws-native:apigateway:DomainNameV2":
            return [{ where: "securityPolicy", value: text(reading.get(props, "securityPolicy")) }];
        case "aws:apigatewayv2/domainName:DomainName":
        case "aws-native:apigatewayv2:DomainName": {
            const key = type.startsWith("aws-native") ? "domainNameConfigurations" : "domainNameConfiguration";
            const configs = reading.list(props, key);
            if (configs === UNKNOWN) {
                return UNKNOWN;
            }
            if (configs.length === 0) {
                return [{ where: `${key}.securityPolicy`, value: undefined }];
            }
            return configs.map((config, i) => ({
                where: type.startsWith("aws-native") ? `${key}[${i}].securityPolicy` : `${key}.securityPolicy`,
                value: config === UNKNOWN ? UNKNOWN : text(reading.get(config, "securityPolicy")),
            }));
        }
        default:
            return undefined;
    }
}

export const OPENSEARCH_TYPES: ReadonlySet<string> = new Set([
    "aws:opensearch/domain:Domain",
    "aws:elasticsearch/domain:Domain",
    "aws-native:opensearchservice:Domain",
]);

export interface OpenSearchView {
    enforceHttps: Flag;
    tlsSecurityPolicy: Text;
    nodeToNode: Flag;
    nodeToNodeKey: string;
}

export function readOpenSearchDomain(type: string, props: Props, reading: Reading): OpenSearchView | undefined {
    if (!OPENSEARCH_TYPES.has(type)) {
        return undefined;
    }
    const endpoint = block(reading, reading.get(props, "domainEndpointOptions"));
    const nodeToNodeKey = type.startsWith("aws-native") ? "nodeToNodeEncryptionOptions" : "nodeToNodeEncryption";
    const nodeToNode = block(reading, reading.get(props, nodeToNodeKey));
    return {
        enforceHttps: endpoint === UNKNOWN ? UNKNOWN : flag(pick(reading, endpoint, "enforceHttps", "enforceHTTPS")),
        tlsSecurityPolicy: endpoint === UNKNOWN ? UNKNOWN : text(pick(reading, endpoint, "tlsSecurityPolicy", "tLSSecurityPolicy")),
        nodeToNode: nodeToNode === UNKNOWN ? UNKNOWN : flag(reading.get(nodeToNode, "enabled")),
        nodeToNodeKey,
    };
}

export const ELASTICACHE_TYPES: ReadonlySet<string> = new Set([
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws-native:elasticache:ReplicationGroup",
    "aws:elasticache/cluster:Cluster",
]);

export interface ElastiCacheView {
    enabled: Flag;
    mode: Text;
    /** Set when the settings are inherited: a cluster inside a replication group, a secondary of a global datastore. */
    inheritsFrom: Text;
    inheritsKey: string;
}

export function readElastiCache(type: string, props: Props, reading: Reading): ElastiCacheView | undefined {
    if (!ELASTICACHE_TYPES.has(type)) {
        return undefined;
    }
    const cluster = type === "aws:elasticache/cluster:Cluster";
    const inheritsKey = cluster ? "replicationGroupId" : "globalReplicationGroupId";
    // A classic cache cluster has no transitEncryptionMode: only replication groups can be "preferred".
    const mode = cluster ? undefined : text(reading.get(props, "transitEncryptionMode"));
    return {
        enabled: flag(reading.get(props, "transitEncryptionEnabled")),
        mode: typeof mode === "string" ? mode.toLowerCase() : mode,
        inheritsFrom: text(reading.get(props, inheritsKey)),
        inheritsKey,
    };
}

export const MSK_TYPES: ReadonlySet<string> = new Set(["aws:msk/cluster:Cluster", "aws-native:msk:Cluster"]);

export interface MskView {
    clientBroker: Text;
    inCluster: Flag;
}

export function readMsk(type: string, props: Props, reading: Reading): MskView | undefined {
    if (!MSK_TYPES.has(type)) {
        return undefined;
    }
    const info = block(reading, reading.get(props, "encryptionInfo"));
    const transit = info === UNKNOWN ? UNKNOWN : block(reading, reading.get(info, "encryptionInTransit"));
    if (transit === UNKNOWN) {
        return { clientBroker: UNKNOWN, inCluster: UNKNOWN };
    }
    const broker = text(reading.get(transit, "clientBroker"));
    return {
        clientBroker: typeof broker === "string" ? broker.toUpperCase() : broker,
        inCluster: flag(reading.get(transit, "inCluster")),
    };
}

export const MEMORYDB_TYPES: ReadonlySet<string> = new Set([
    "aws:memorydb/cluster:Cluster",
    "aws:memorydb/multiRegionCluster:MultiRegionCluster",
    "aws-native:memorydb:Cluster",
    "aws-native:memorydb:MultiRegionCluster",
]);

/** A MemoryDB cluster's tlsEnabled; undefined when unset (both providers default it to true). */
export function readMemoryDbTls(type: string, props: Props, reading: Reading): Flag | undefined {
    return MEMORYDB_TYPES.has(type) ? flag(reading.get(props, "tlsEnabled")) : undefined;
}

export const DMS_ENDPOINT_TYPES: ReadonlySet<string> = new Set(["aws:dms/endpoint:Endpoint", "aws-native:dms:Endpoint"]);

export interface DmsEndpointView {
    /** Lower case engine name. */
    engine: Text;
    /** Lower case sslMode. */
    sslMode: Text;
    /** Lower case kafkaSettings.securityProtocol. */
    kafkaProtocol: Text;
    /** Lower case redisSettings.sslSecurityProtocol. */
    redisProtocol: Text;
}

export function readDmsEndpoint(type: string, props: Props, reading: Reading): DmsEndpointView | undefined {
    if (!DMS_ENDPOINT_TYPES.has(type)) {
        return undefined;
    }
    const lower = (value: Text): Text => (typeof value === "string" ? value.toLowerCase() : value);
    const nested = (settings: string, key: string): Text => {
        const holder = block(reading, reading.get(props, settings));
        return holder === UNKNOWN ? UNKNOWN : lower(text(reading.get(holder, key)));
    };
    const engine = lower(text(reading.get(props, "engineName")));
    return {
        engine,
        sslMode: lower(text(reading.get(props, "sslMode"))),
        kafkaProtocol: engine === "kafka" ? nested("kafkaSettings", "securityProtocol") : undefined,
        redisProtocol: engine === "redis" ? nested("redisSettings", "sslSecurityProtocol") : undefined,
    };
}
