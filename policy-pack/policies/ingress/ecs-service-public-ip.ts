// ingress-ecs-service-public-ip: no ECS service or task set gives its tasks public IP addresses.
//
// A task with a public IP in a public subnet is addressable from the internet: whatever its
// security group admits reaches the container directly, with no load balancer, TLS listener or
// authentication in between. Tasks belong in private subnets behind a load balancer, with egress
// through NAT or VPC endpoints.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { ECS_PUBLIC_IP_TYPES, readEcsPublicIp } from "../../readers/ingress/ecs-public-ip";
import { guardResource } from "../guard";
import { nist, TAG } from "../metadata";
import { INGRESS_FAMILY_TAGS } from "./metadata";

export const NAME = "ingress-ecs-service-public-ip";

const FIX =
    'Turn assignPublicIp off (classic: false; aws-native: "DISABLED"), run the tasks in private subnets and reach them ' +
    "through a load balancer; give them egress through a NAT gateway or VPC endpoints.";

export const ecsServicePublicIp: ResourceValidationPolicy = {
    name: NAME,
    displayName: "ECS services and task sets assign no public IP",
    description:
        "ECS services and task sets (classic and aws-native) must not assign public IP addresses to their tasks " +
        "(assignPublicIp true / ENABLED): each task would be reachable from the internet past any load balancer.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: nist("SC-7", "Boundary Protection"),
    tags: [...INGRESS_FAMILY_TAGS, TAG.securityHub("ECS.2"), TAG.securityHub("ECS.16"), "ecs"],
    remediationSteps: FIX,
    url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
    validateResource: guardResource(NAME, ECS_PUBLIC_IP_TYPES, (args, props, report, reading) => {
        const view = readEcsPublicIp(args.type, props, reading);
        if (view === undefined || view.assigned === false) {
            return;
        }
        if (view.assigned === UNKNOWN) {
            reading.markUndecided();
            return;
        }
        report(`${view.at} ${view.assigned === true ? "gives every task a public IP address" : "is malformed (fail closed)"}. ${FIX}`);
    }),
};
