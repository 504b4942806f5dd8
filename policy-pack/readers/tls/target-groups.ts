// Load balancer target groups of both providers, and the target groups a listener or listener
// rule forwards to, as the TLS target-group policy needs them.
//
//   aws:lb/targetGroup:TargetGroup, aws:alb/targetGroup:TargetGroup
//       { protocol?, port?, targetType?, healthCheck?: { enabled?, protocol? }, arn (output) }
//   aws-native:elasticloadbalancingv2:TargetGroup
//       { protocol?, port?, targetType?, healthCheckEnabled?, healthCheckProtocol?, targetGroupArn (output) }
//
// Forwarding actions (listener defaultActions, rule actions):
//   classic     { type: "forward", targetGroupArn?, forward?: { targetGroups[]: { arn } } }
//   aws-native  { type: "forward", targetGroupArn?, forwardConfig?: { targetGroups[]: { targetGroupArn } } }
//
// An Application Load Balancer health-checks over HTTP when the health check protocol is unset,
// whatever the target group's protocol (ELB API reference, HealthCheckProtocol).

import { PolicyResource } from "@pulumi/policy";
import { propsOf } from "../graph";
import { Props, Reading, Unknown, UNKNOWN } from "../known";
import { block, flag, Odd, text } from "./values";

type Text = string | undefined | Unknown | Odd;

const CLASSIC_TARGET_GROUP_TYPES: ReadonlySet<string> = new Set(["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"]);
const NATIVE_TARGET_GROUP_TYPE = "aws-native:elasticloadbalancingv2:TargetGroup";
export const TARGET_GROUP_TYPES: ReadonlySet<string> = new Set([...CLASSIC_TARGET_GROUP_TYPES, NATIVE_TARGET_GROUP_TYPE]);

export interface TargetGroupView {
    /** Upper case protocol as written; undefined when unset (Lambda and ALB targets). */
    protocol: Text;
    /** Upper case health check protocol as written; undefined when unset (HTTP on an ALB). */
    healthCheckProtocol: Text;
    healthCheckEnabled: boolean | undefined | Unknown | Odd;
}

const upper = (value: Text): Text => (typeof value === "string" ? value.toUpperCase() : value);

/** Reads a target group of either provider; undefined for other types. */
export function readTargetGroup(type: string, props: Props, reading: Reading): TargetGroupView | undefined {
    if (CLASSIC_TARGET_GROUP_TYPES.has(type)) {
        const healthCheck = block(reading, reading.get(props, "healthCheck"));
        const unknown = healthCheck === UNKNOWN;
        return {
            protocol: upper(text(reading.get(props, "protocol"))),
            healthCheckProtocol: unknown ? UNKNOWN : upper(text(reading.get(healthCheck, "protocol"))),
            healthCheckEnabled: unknown ? UNKNOWN : flag(reading.get(healthCheck, "enabled")),
        };
    }
    if (type === NATIVE_TARGET_GROUP_TYPE) {
        return {
            protocol: upper(text(reading.get(props, "protocol"))),
            healthCheckProtocol: upper(text(reading.get(props, "healthCheckProtocol"))),
            healthCheckEnabled: flag(reading.get(props, "healthCheckEnabled")),
        };
    }
    return undefined;
}

/** The ARN output of a target group of the stack (known once it exists); undefined otherwise. */
export function targetGroupArn(group: PolicyResource, reading: Reading): string | undefined {
    const arn = text(reading.get(propsOf(group), CLASSIC_TARGET_GROUP_TYPES.has(group.type) ? "arn" : "targetGroupArn"));
    return typeof arn === "string" ? arn : undefined;
}

/** The target group ARNs written as literals in forwarding actions (classic and aws-native spellings). */
export function forwardedArns(actions: unknown[] | Unknown, reading: Reading): string[] {
    if (actions === UNKNOWN) {
        return [];
    }
    const arns: string[] = [];
    const add = (value: unknown) => {
        const arn = text(value);
        if (typeof arn === "string") {
            arns.push(arn);
        }
    };
    for (const action of actions) {
        add(reading.get(action, "targetGroupArn"));
        for (const key of ["forward", "forwardConfig"]) {
            const groups = reading.list(block(reading, reading.get(action, key)), "targetGroups");
            for (const group of groups === UNKNOWN ? [] : groups) {
                add(reading.get(group, "arn"));
                add(reading.get(group, "targetGroupArn"));
            }
        }
    }
    return arns;
}
