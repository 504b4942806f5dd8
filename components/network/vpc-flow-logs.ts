import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ec2Arn, logGroupArn } from "../../iam/arns";
import { policyDocument, type IdentityPolicyStatement, type TrustPolicyStatement } from "../../iam/policy-document";
import { validAccountId, validRegion } from "../../validation/aws-identifiers";
import { validLogGroupName } from "../../validation/log-groups";
import { validLogRetentionDays } from "../../validation/log-retention";
import { validNameKey } from "../../validation/name-keys";
import { resourceTags } from "./resource-tags";

export interface VpcFlowLogsArgs {
    /** Environment name, used in `Name` tags. */
    environment: string;
    /** Region of the VPC and the log group (ARNs). */
    region: string;
    /** Account that owns the VPC and the log group. */
    accountId: string;
    /** The VPC whose traffic is logged. */
    vpcId: pulumi.Input<string>;
    /**
     * Name of the log group. Fixed up front (not auto-named): the delivery role may write to this one
     * group only, and the key's policy admits CloudWatch Logs by log group ARN (encryption context),
     * so the name must lie under the log-group prefix the key serves.
     */
    logGroupName: string;
    /**
     * ARN of the customer-managed KMS key that encrypts the log group: the environment's logs key
     * (components/encryption), whose policy must admit `logs.<region>.amazonaws.com` for this group.
     */
    kmsKeyArn: pulumi.Input<string>;
    /** Days the records are kept; a value CloudWatch Logs accepts. */
    retentionInDays: number;
}

/**
 * VPC flow logs (all traffic) into a CloudWatch log group encrypted with a customer-managed KMS key
 * that is passed in (the key ring's logs key). The delivery role may only write to this log group.
 * The log group is protected: losing it loses the network's audit trail.
 */
export class VpcFlowLogs extends pulumi.ComponentResource {
    /** Name of the flow log group. */
    public readonly logGroupName: pulumi.Output<string>;
    /** ARN of the KMS key that encrypts the flow log group (the one passed in). */
    public readonly keyArn: pulumi.Output<string>;
    /** Id of the flow log. */
    public readonly flowLogId: pulumi.Output<string>;

    constructor(name: string, args: VpcFlowLogsArgs, opts?: pulumi.ComponentResourceOptions) {
        checkFlowLogFacts((parameter) => `VpcFlowLogs: ${parameter}`, args);
        super("zero-trust:network:VpcFlowLogs", name, {}, opts);
        const { region, accountId, logGroupName } = args;
        const groupArn = logGroupArn(region, accountId, logGroupName);

        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-group`,
            {
                name: logGroupName,
                retentionInDays: args.retentionInDays,
                kmsKeyId: args.kmsKeyArn,
                tags: resourceTags(`${args.environment}-flow-logs`),
            },
            { parent: this, protect: true },
        );

        const role = new aws.iam.Role(
            `${name}-role`,
            {
                description: `Delivers VPC flow logs to ${logGroupName}`,
                assumeRolePolicy: JSON.stringify(
                    policyDocument<TrustPolicyStatement>([
                        {
                            Effect: "Allow",
                            Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                            Action: "sts:AssumeRole",
                            // Confused-deputy guard: only flow logs of this account may use the role.
                            Condition: {
                                StringEquals: { "aws:SourceAccount": accountId },
                                ArnLike: { "aws:SourceArn": ec2Arn(region, accountId, "vpc-flow-log", "*") },
                            },
                        },
                    ]),
                ),
                tags: resourceTags(`${args.environment}-flow-logs`),
            },
            { parent: this },
        );
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-write`,
            {
                role: role.name,
                policy: JSON.stringify(
                    policyDocument<IdentityPolicyStatement>([
                        {
                            Sid: "WriteThisLogGroupOnly",
                            Effect: "Allow",
                            // The group already exists, so AWS's sample grants of CreateLogGroup/DescribeLogGroups are not needed.
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                            Resource: [groupArn, `${groupArn}:log-stream:*`],
                        },
                    ]),
                ),
            },
            { parent: this },
        );

        const flowLog = new aws.ec2.FlowLog(
            `${name}-vpc`,
            {
                vpcId: args.vpcId,
                trafficType: "ALL",
                logDestinationType: "cloud-watch-logs",
                logDestination: logGroup.arn,
                iamRoleArn: role.arn,
                // One-minute records: detection and response need the shortest delay AWS offers.
                maxAggregationInterval: 60,
                tags: resourceTags(`${args.environment}-flow-logs`),
            },
            // The first delivery fails if the role cannot write yet.
            { parent: this, dependsOn: [rolePolicy] },
        );

        this.logGroupName = logGroup.name;
        this.keyArn = pulumi.output(args.kmsKeyArn);
        this.flowLogId = flowLog.id;
        this.registerOutputs({ logGroupName: this.logGroupName, keyArn: this.keyArn, flowLogId: this.flowLogId });
    }
}

/** The flow logs' arguments that can be checked up front. */
export type FlowLogFacts = Pick<VpcFlowLogsArgs, "environment" | "region" | "accountId" | "logGroupName" | "retentionInDays">;

/**
 * Checks the flow logs' own invariants; `named` gives the parameter name each error shows, so a
 * component that passes its own arguments on (DefaultVpcLockdown) names them as its caller does.
 */
export function checkFlowLogFacts(named: (parameter: keyof FlowLogFacts) => string, facts: FlowLogFacts): void {
    validNameKey(named("environment"), facts.environment);
    validRegion(named("region"), facts.region);
    validAccountId(named("accountId"), facts.accountId);
    validLogGroupName(named("logGroupName"), facts.logGroupName);
    validLogRetentionDays(named("retentionInDays"), facts.retentionInDays);
}
