// The workload family: how containers run (ECS task definitions of both providers).
// (ECS services and task sets with public IPs are judged by the ingress family.)

import { Policies } from "@pulumi/policy";
import { ecsNoHostNetwork } from "./ecs-no-host-network";
import { ecsNonRootUser } from "./ecs-non-root-user";
import { ecsNoPrivilegedContainer } from "./ecs-no-privileged-container";
import { ecsReadOnlyRootFilesystem } from "./ecs-read-only-root-filesystem";

export { ecsNoHostNetwork, ecsNonRootUser, ecsNoPrivilegedContainer, ecsReadOnlyRootFilesystem };

export const workloadPolicies: Policies = [ecsNoPrivilegedContainer, ecsNoHostNetwork, ecsReadOnlyRootFilesystem, ecsNonRootUser];
