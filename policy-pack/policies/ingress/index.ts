// The open-ingress family ("No open ingress").

import { Policies } from "@pulumi/policy";
import { ecsServicePublicIp } from "./ecs-service-public-ip";
import { noInternetAcrossPrefixListEntries } from "./no-internet-across-prefix-list-entries";
import { noInternetAcrossSecurityGroupRules } from "./no-internet-across-security-group-rules";
import { noInternetLightsailInstance } from "./no-internet-lightsail-instance";
import { noInternetNacl } from "./no-internet-nacl";
import { noInternetPrefixList } from "./no-internet-prefix-list";
import { noInternetSecurityGroup } from "./no-internet-security-group";
import { publicOnlyViaLoadBalancer } from "./public-only-via-load-balancer";

export {
    ecsServicePublicIp,
    noInternetAcrossPrefixListEntries,
    noInternetAcrossSecurityGroupRules,
    noInternetLightsailInstance,
    noInternetNacl,
    noInternetPrefixList,
    noInternetSecurityGroup,
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
    ecsServicePublicIp,
];
