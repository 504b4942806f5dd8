// Whether ECS services and task sets give their tasks public IP addresses, both providers.
//
//   aws:ecs/service:Service, aws:ecs/taskSet:TaskSet     networkConfiguration?: { assignPublicIp?: boolean (default false) }
//   aws-native:ecs:Service                              networkConfiguration?: { awsvpcConfiguration?: { assignPublicIp?: "ENABLED" | "DISABLED" } }
//   aws-native:ecs:TaskSet                              networkConfiguration?: { awsVpcConfiguration?: { assignPublicIp?: "ENABLED" | "DISABLED" } }
//
// (aws-native spells the block awsvpcConfiguration on a service and awsVpcConfiguration on a task
// set, as CloudFormation does.) A service or task set without the block does not use awsvpc
// networking, so its tasks get no address of their own.

import { isFalse, isTrue, Props, Reading, Unknown, UNKNOWN } from "../known";

/** The block holding assignPublicIp, by type; undefined for the classic types (no inner block). */
const PUBLIC_IP_BLOCKS: ReadonlyMap<string, string | undefined> = new Map([
    ["aws:ecs/service:Service", undefined],
    ["aws:ecs/taskSet:TaskSet", undefined],
    ["aws-native:ecs:Service", "awsvpcConfiguration"],
    ["aws-native:ecs:TaskSet", "awsVpcConfiguration"],
]);

export const ECS_PUBLIC_IP_TYPES: ReadonlySet<string> = new Set(PUBLIC_IP_BLOCKS.keys());

export interface PublicIpView {
    /** Where the setting is written, for messages. */
    at: string;
    /** true: tasks get public IPs; false: they do not; "malformed" for a value of neither kind. */
    assigned: boolean | "malformed" | Unknown;
}

function assignedOf(value: unknown, classic: boolean): PublicIpView["assigned"] {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null) {
        return false;
    }
    if (classic) {
        return isTrue(value) ? true : isFalse(value) ? false : "malformed";
    }
    const mode = typeof value === "string" ? value.trim().toUpperCase() : "";
    return mode === "ENABLED" ? true : mode === "DISABLED" ? false : "malformed";
}

/** Reads whether an ECS service or task set assigns public IPs; undefined for other types. */
export function readEcsPublicIp(type: string, props: Props, reading: Reading): PublicIpView | undefined {
    if (!PUBLIC_IP_BLOCKS.has(type)) {
        return undefined;
    }
    const inner = PUBLIC_IP_BLOCKS.get(type);
    const network = reading.get(props, "networkConfiguration");
    const holder = inner === undefined || network === UNKNOWN ? network : reading.get(network, inner);
    if (holder === UNKNOWN) {
        return { at: inner === undefined ? "networkConfiguration" : `networkConfiguration.${inner}`, assigned: UNKNOWN };
    }
    const at = inner === undefined ? "networkConfiguration.assignPublicIp" : `networkConfiguration.${inner}.assignPublicIp`;
    return { at, assigned: assignedOf(reading.get(holder, "assignPublicIp"), inner === undefined) };
}
