// Every policy of the pack, by family. The pack entry (../index.ts) serves this list; tests and
// tools import it from here (importing ../index.ts would start the Analyzer server).

import { Policies } from "@pulumi/policy";
import { ingressPolicies } from "./ingress";

export const allPolicies: Policies = [...ingressPolicies];
