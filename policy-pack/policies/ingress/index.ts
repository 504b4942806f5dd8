// The open-ingress family ("No open ingress").

import { Policies } from "@pulumi/policy";
import { apiGatewayMethodAuthorization } from "./api-gateway-method-authorization";
import { apiGatewayRouteAuthorization } from "./api-gateway-route-authorization";
import { lambdaFunctionUrlAuth } from "./lambda-function-url-auth";
import { ecsServicePublicIp } from "./ecs-service-public-ip";
import { noInternetAcrossPrefixListEntries } from "./no-internet-across-prefix-list-entries";
import { noInternetAcrossSecurityGroupRules } from "./no-internet-across-security-group-rules";
import { noInternetLightsailInstance } from "./no-internet-lightsail-instance";
import { noInternetNacl } from "./no-internet-nacl";
import { noInternetPrefixList } from "./no-internet-prefix-list";
import { noInternetSecurityGroup } from "./no-internet-security-group";
import { privateIntegrationAuthorizer } from "./private-integration-authorizer";
import { publicOnlyViaLoadBalancer } from "./public-only-via-load-balancer";

export {
    apiGatewayMethodAuthorization,
    apiGatewayRouteAuthorization,
    lambdaFunctionUrlAuth,
    ecsServicePublicIp,
    noInternetAcrossPrefixListEntries,
    noInternetAcrossSecurityGroupRules,
    noInternetLightsailInstance,
    noInternetNacl,
    noInternetPrefixList,
    noInternetSecurityGroup,
    privateIntegrationAuthorizer,
    publicOnlyViaLoadBalancer,
};

export const ingressPolicies: Policies = [
    noInternetSecurityGroup,
    noInternetNacl,
    noInternetPrefixList,
    publicOnlyViaLoadBalancer,
    noInternetAcrossSecurityGroupRules,
    noInternetAcrossPrefixListEntries,
    noInternetLightsailInstance,
    apiGatewayRouteAuthorization,
    apiGatewayMethodAuthorization,
    lambdaFunctionUrlAuth,
    privateIntegrationAuthorizer,
    ecsServicePublicIp,
];
