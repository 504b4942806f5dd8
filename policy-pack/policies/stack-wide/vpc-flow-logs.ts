// stack-vpc-flow-logs (stack policy): every VPC the stack declares has a flow log on the VPC itself
// whose traffic type is allowed (ALL by default). A flow log belongs to the VPC its `vpcId`
// (aws-native: `resourceId` with resourceType VPC) depends on; a VPC adopted by id and not declared
// in the stack is out of scope.

import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { FLOW_LOG_TYPES, readFlowLog, VPC_TYPES } from "../../readers/stack-wide/flow-logs";
import { label, linkedThrough, propsOf, resourcesIn } from "../../readers/graph";
import { guardStack } from "../guard";
import { cis } from "../metadata";
import { REFERENCES, STACK_WIDE_DOCS, STACK_WIDE_TAGS } from "./metadata";
import { stackWideSettings } from "./settings";

export const NAME = "stack-vpc-flow-logs";

export const vpcFlowLogs: StackValidationPolicy = {
    name: NAME,
    displayName: "Every VPC has flow logs",
    description:
        "Every VPC declared in the stack (aws:ec2/vpc:Vpc, aws:ec2/defaultVpc:DefaultVpc, aws-native:ec2:Vpc) has a flow log on the VPC " +
        "itself (aws:ec2/flowLog:FlowLog vpcId, aws-native:ec2:FlowLog resourceType VPC) that records all traffic. Flow logs on " +
        "subnets or network interfaces do not cover the VPC.",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: cis("3.7", "Ensure VPC flow logging is enabled in all VPCs"),
    tags: [...STACK_WIDE_TAGS, "network", "logging", ...REFERENCES.flowLogs],
    remediationSteps:
        "Declare a flow log for the VPC in the same stack, referencing the VPC's output: classic `new aws.ec2.FlowLog(name, { vpcId: " +
        'vpc.id, trafficType: "ALL", logDestination, iamRoleArn })`, aws-native `new awsnative.ec2.FlowLog(name, { resourceId: vpc.id, ' +
        'resourceType: "VPC", trafficType: "ALL", … })`. Send it to an encrypted CloudWatch log group or S3 bucket with a retention ' +
        "that covers your investigations.",
    url: STACK_WIDE_DOCS.flowLogs,
    configSchema: stackWideSettings.schema("flowLogTrafficTypes"),
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            const settings = stackWideSettings.from(args);
            const resources = resourcesIn(args.resources);
            const vpcs = resources.filter((r) => VPC_TYPES.has(r.type));
            if (vpcs.length === 0) {
                return;
            }
            const allowed = [...settings.flowLogTrafficTypes].join(" or ");
            // Per VPC: "ok", "undecided", or what the flow logs that do watch it record.
            const verdicts = new Map<string, { ok: boolean; undecided: boolean; wrongTraffic: string[] }>(
                vpcs.map((v) => [v.urn, { ok: false, undecided: false, wrongTraffic: [] }]),
            );
            for (const flowLog of resources) {
                if (!FLOW_LOG_TYPES.has(flowLog.type)) {
                    continue;
                }
                const view = readFlowLog(flowLog.type, propsOf(flowLog), reading);
                if (view === undefined || view.watchesVpc === false) {
                    continue;
                }
                for (const vpc of linkedThrough(flowLog, [view.vpcProperty], VPC_TYPES)) {
                    const verdict = verdicts.get(vpc.urn);
                    if (verdict === undefined) {
                        continue;
                    }
                    if (view.watchesVpc === UNKNOWN || view.trafficType === UNKNOWN) {
                        verdict.undecided = true;
                    } else if (view.trafficType !== undefined && settings.flowLogTrafficTypes.has(view.trafficType)) {
                        verdict.ok = true;
                    } else {
                        verdict.wrongTraffic.push(`${label(flowLog)} records ${view.trafficType ?? "no traffic type (unset)"}`);
                    }
                }
            }
            for (const vpc of vpcs) {
                const verdict = verdicts.get(vpc.urn);
                if (verdict === undefined || verdict.ok) {
                    continue;
                }
                if (verdict.undecided) {
                    reading.markUndecided();
                    continue;
                }
                report(describe(vpc, verdict.wrongTraffic, allowed), vpc.urn);
            }
        },
        new Set([...VPC_TYPES, ...FLOW_LOG_TYPES]),
    ),
};

function describe(vpc: PolicyResource, wrongTraffic: readonly string[], allowed: string): string {
    if (wrongTraffic.length === 0) {
        return (
            `${label(vpc)} has no flow log: no aws:ec2/flowLog:FlowLog (vpcId) or aws-native:ec2:FlowLog (resourceType VPC) in this ` +
            `stack depends on it. Add one with trafficType ${allowed}.`
        );
    }
    return `${label(vpc)} has no flow log that records ${allowed} traffic: ${wrongTraffic.join("; ")}.`;
}
