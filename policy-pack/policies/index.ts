// Every policy of the pack, by family. The pack entry (../index.ts) serves this list; tests and
// tools import it from here (importing ../index.ts would start the Analyzer server).
//
// withExemptions gives every policy the `exemptions` setting (exemptions/wrap.ts); the advisory
// exemptions-in-use goes last, so that it sees what every other policy exempted.

import { Policies } from "@pulumi/policy";
import { encryptionPolicies } from "./encryption";
import { exemptionPolicies, withExemptions } from "./exemptions";
import { identityPolicies } from "./identity";
import { ingressPolicies } from "./ingress";
import { stackWidePolicies } from "./stack-wide";
import { tlsPolicies } from "./tls";
import { workloadPolicies } from "./workload";

export const allPolicies: Policies = withExemptions([
    ...ingressPolicies,
    ...tlsPolicies,
    ...encryptionPolicies,
    ...stackWidePolicies,
    ...workloadPolicies,
    ...identityPolicies,
    ...exemptionPolicies,
]);
