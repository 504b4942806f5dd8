// The TLS 1.2 or newer wherever data moves family.
// (S3 TLS-only bucket policies are a stack-wide policy, in ../stack-wide.)

import { Policies } from "@pulumi/policy";
import { apiGatewayDomain } from "./api-gateway-domain";
import { classicLoadBalancerListener } from "./classic-load-balancer-listener";
import { classicLoadBalancerSslPolicy } from "./classic-load-balancer-ssl-policy";
import { cloudFrontDistribution } from "./cloudfront-distribution";
import { databaseEnforcingParameterGroup } from "./database-enforcing-parameter-group";
import { databaseParameterGroup } from "./database-parameter-group";
import { dmsEndpoint } from "./dms-endpoint";
import { elastiCacheInTransit } from "./elasticache-in-transit";
import { internalListenerClientCertificates } from "./internal-listener-client-certificates";
import { loadBalancerListener } from "./load-balancer-listener";
import { loadBalancerListenerRule } from "./load-balancer-listener-rule";
import { loadBalancerTargetGroup } from "./load-balancer-target-group";
import { memoryDbInTransit } from "./memorydb-in-transit";
import { mskInTransit } from "./msk-in-transit";
import { openSearchDomain } from "./opensearch-domain";

export {
    apiGatewayDomain,
    classicLoadBalancerListener,
    classicLoadBalancerSslPolicy,
    cloudFrontDistribution,
    databaseEnforcingParameterGroup,
    databaseParameterGroup,
    dmsEndpoint,
    elastiCacheInTransit,
    internalListenerClientCertificates,
    loadBalancerListener,
    loadBalancerListenerRule,
    loadBalancerTargetGroup,
    memoryDbInTransit,
    mskInTransit,
    openSearchDomain,
};

export const tlsPolicies: Policies = [
    loadBalancerListener,
    loadBalancerListenerRule,
    loadBalancerTargetGroup,
    internalListenerClientCertificates,
    classicLoadBalancerListener,
    classicLoadBalancerSslPolicy,
    cloudFrontDistribution,
    apiGatewayDomain,
    openSearchDomain,
    elastiCacheInTransit,
    mskInTransit,
    memoryDbInTransit,
    databaseParameterGroup,
    databaseEnforcingParameterGroup,
    dmsEndpoint,
];
