// The open-ingress family ("No open ingress").

import { Policies } from "@pulumi/policy";
import { noInternetNacl } from "./no-internet-nacl";
import { noInternetPrefixList } from "./no-internet-prefix-list";
import { noInternetSecurityGroup } from "./no-internet-security-group";
import { publicOnlyViaLoadBalancer } from "./public-only-via-load-balancer";

export { noInternetNacl, noInternetPrefixList, noInternetSecurityGroup, publicOnlyViaLoadBalancer };

export const ingressPolicies: Policies = [noInternetSecurityGroup, noInternetNacl, noInternetPrefixList, publicOnlyViaLoadBalancer];
