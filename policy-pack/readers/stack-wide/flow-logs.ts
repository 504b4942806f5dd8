// VPCs and the flow logs that watch them, both providers.
//
//   aws:ec2/vpc:Vpc, aws:ec2/defaultVpc:DefaultVpc         (the VPC; its id is unknown during preview)
//   aws-native:ec2:Vpc
//   aws:ec2/flowLog:FlowLog      { vpcId? | subnetId? | eniId? | transitGateway…Id?, trafficType?: ALL | ACCEPT | REJECT }
//   aws-native:ec2:FlowLog       { resourceId, resourceType: VPC | Subnet | NetworkInterface | …, trafficType? }
//
// A classic flow log watches a VPC when it sets `vpcId`; its VPC is the one its `vpcId` depends on.
// An aws-native flow log watches a VPC when `resourceType` is `VPC`; its VPC is the one its
// `resourceId` depends on. Flow logs on subnets or network interfaces do not cover the VPC.

import { Props, Reading, Unknown, UNKNOWN } from "../known";

export const VPC_TYPES: ReadonlySet<string> = new Set(["aws:ec2/vpc:Vpc", "aws:ec2/defaultVpc:DefaultVpc", "aws-native:ec2:Vpc"]);
export const CLASSIC_FLOW_LOG_TYPE = "aws:ec2/flowLog:FlowLog";
export const NATIVE_FLOW_LOG_TYPE = "aws-native:ec2:FlowLog";
export const FLOW_LOG_TYPES: ReadonlySet<string> = new Set([CLASSIC_FLOW_LOG_TYPE, NATIVE_FLOW_LOG_TYPE]);

export interface FlowLogView {
    /** Whether the flow log is attached to a VPC (not a subnet, ENI, transit gateway); UNKNOWN during preview. */
    watchesVpc: boolean | Unknown;
    /** The property whose dependency names the VPC. */
    vpcProperty: string;
    /** Traffic type in upper case; undefined when unset or not a string; UNKNOWN during preview. */
    trafficType: string | undefined | Unknown;
}

function upper(value: unknown): string | undefined | Unknown {
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    return typeof value === "string" ? value.trim().toUpperCase() : undefined;
}

/** Reads a flow log of either provider; undefined for other types. */
export function readFlowLog(type: string, props: Props, reading: Reading): FlowLogView | undefined {
    if (type === CLASSIC_FLOW_LOG_TYPE) {
        // Only whether vpcId is set matters, not its (usually unknown) value: an unknown one is set.
        const present = reading.get(props, "vpcId");
        return {
            watchesVpc: present === UNKNOWN ? true : present !== undefined && present !== null && present !== "",
            vpcProperty: "vpcId",
            trafficType: upper(reading.get(props, "trafficType")),
        };
    }
    if (type === NATIVE_FLOW_LOG_TYPE) {
        const resourceType = upper(reading.get(props, "resourceType"));
        return {
            watchesVpc: resourceType === UNKNOWN ? UNKNOWN : resourceType === "VPC",
            vpcProperty: "resourceId",
            trafficType: upper(reading.get(props, "trafficType")),
        };
    }
    return undefined;
}
