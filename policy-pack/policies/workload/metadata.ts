// Compliance references and documentation links of the workload family (the shared TAG and nist()
// helpers live in ../metadata.ts).
//
// AWS Security Hub controls as published: ECS.4 (containers run as non-privileged), ECS.5
// (containers limited to read-only access to root file systems), ECS.17 (task definitions do not
// use host network mode), ECS.20 (non-root users in Linux container definitions); ECS.2 and ECS.16
// (services and task sets without automatically assigned public IPs) belong to the ingress family.
// PCI DSS v4.0 2.2.6: system security parameters are configured to prevent misuse.

import { PolicyComplianceFramework } from "@pulumi/policy";
import { nist, TAG } from "../metadata";

/** NIST SP 800-53 Rev. 5 AC-6: least privilege, what a container may do on its host. */
export const NIST_AC_6: PolicyComplianceFramework = nist(
    "AC-6",
    "Employ the principle of least privilege, allowing only authorized accesses for users (or processes acting on behalf of users) that are necessary to accomplish assigned organizational tasks.",
);

/** Tags every workload policy carries. */
export const WORKLOAD_FAMILY_TAGS: readonly string[] = [
    "zero-trust",
    "workload",
    "ecs",
    "containers",
    TAG.nist("AC-6"),
    TAG.pci("2.2.6"),
    TAG.soc2("CC6.1"),
];

export const WORKLOAD_DOCS = {
    containerDefinitions: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
    networkModes: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html",
} as const;
