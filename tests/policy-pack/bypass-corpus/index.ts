import type { BypassCase } from "./bypass-case";
import { encryptionBypasses } from "./encryption";
import { entryPointBypasses } from "./entry-points";
import { identityBypasses } from "./identity";
import { ingressBypasses } from "./ingress";
import { identityUserAndSessionBypasses } from "./identity-users-sessions";
import { resourcePolicyBypasses } from "./resource-policies";
import { tlsBypasses } from "./tls";
import { workloadBypasses } from "./workload";

export type { BypassCase };

/** Every bypass tried against the pack, by family. */
export const bypassCorpus: readonly BypassCase[] = [
    ...ingressBypasses,
    ...tlsBypasses,
    ...encryptionBypasses,
    ...entryPointBypasses,
    ...workloadBypasses,
    ...identityBypasses,
    ...identityUserAndSessionBypasses,
    ...resourcePolicyBypasses,
];
