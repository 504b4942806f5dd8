// workload-ecs-no-host-network: no ECS task definition uses the host network mode.
//
// In host mode a task shares its instance's network namespace: it binds the host's ports, sees
// every other task's traffic on the host, reaches the instance metadata service as the instance
// role, and security groups per task no longer apply (awsvpc gives each task its own interface and
// group). Daemon task definitions take no network mode and are not read here.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { ODD, show } from "../../readers/tls/values";
import { NETWORK_MODE_TYPES, readNetworkMode } from "../../readers/workload/task-definitions";
import { guardResource } from "../guard";
import { TAG } from "../metadata";
import { NIST_AC_6, WORKLOAD_DOCS, WORKLOAD_FAMILY_TAGS } from "./metadata";

export const NAME = "workload-ecs-no-host-network";

const FIX = 'Set networkMode to "awsvpc" (required on Fargate) so that each task gets its own network interface and security group.';

export const ecsNoHostNetwork: ResourceValidationPolicy = {
    name: NAME,
    displayName: "ECS task definitions do not use host networking",
    description:
        'ECS task definitions (classic and aws-native) must not set networkMode to "host": the task would share its ' +
        "instance's network namespace, bypassing per-task security groups and reaching the instance's metadata and role.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: NIST_AC_6,
    tags: [...WORKLOAD_FAMILY_TAGS, TAG.securityHub("ECS.17"), "network"],
    remediationSteps: FIX,
    url: WORKLOAD_DOCS.networkModes,
    validateResource: guardResource(NAME, NETWORK_MODE_TYPES, (args, props, report, reading) => {
        const mode = readNetworkMode(args.type, props, reading);
        if (mode === UNKNOWN) {
            reading.markUndecided();
        } else if (mode === "host" || mode === ODD) {
            report(`networkMode is ${show(mode)}. ${FIX}`);
        }
    }),
};
