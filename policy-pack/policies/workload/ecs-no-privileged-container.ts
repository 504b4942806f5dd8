// workload-ecs-no-privileged-container: no container of an ECS task definition runs privileged.
//
// A privileged container holds every capability of the root user on its host (devices, kernel
// modules, the other tasks' namespaces): one compromised process owns the host. Fargate refuses
// the flag; on EC2 and ECS Managed Instances nothing else stops it.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { ODD } from "../../readers/tls/values";
import { ContainerView, TASK_DEFINITION_TYPES } from "../../readers/workload/task-definitions";
import { guardResource } from "../guard";
import { TAG } from "../metadata";
import { reportContainers } from "./judge";
import { NIST_AC_6, WORKLOAD_DOCS, WORKLOAD_FAMILY_TAGS } from "./metadata";

export const NAME = "workload-ecs-no-privileged-container";

const FIX =
    "Remove privileged (or set it to false) and grant the one Linux capability the process needs through linuxParameters.capabilities.add.";

function privileged(container: ContainerView): string | typeof UNKNOWN | undefined {
    if (container.privileged === UNKNOWN) {
        return UNKNOWN;
    }
    if (container.privileged === ODD) {
        return "has a privileged value that is not a boolean";
    }
    return container.privileged === true ? "runs privileged (root's capabilities on the host)" : undefined;
}

export const ecsNoPrivilegedContainer: ResourceValidationPolicy = {
    name: NAME,
    displayName: "ECS containers do not run privileged",
    description:
        "No container of an ECS task definition or daemon task definition (classic, whose containerDefinitions is JSON text, " +
        "and aws-native) may set privileged to true: a privileged container holds root's capabilities on its host.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: NIST_AC_6,
    tags: [...WORKLOAD_FAMILY_TAGS, TAG.securityHub("ECS.4")],
    remediationSteps: FIX,
    url: WORKLOAD_DOCS.containerDefinitions,
    validateResource: guardResource(NAME, TASK_DEFINITION_TYPES, (args, props, report, reading) => {
        reportContainers(args.type, props, reading, report, privileged, FIX);
    }),
};
