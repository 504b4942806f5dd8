import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resourceTags } from "./resource-tags";

export interface VpcFlowLogsArgs {
    /** Environment name, used in `Name` tags. */
    environment: string;
    /** Region of the VPC and the log group (ARNs and the CloudWatch Logs service principal). */
    region: string;
    /** Account that owns the VPC, the key and the log group. */
    accountId: string;
    /** The VPC whose traffic is logged. */
    vpcId: pulumi.Input<string>;
    /**
     * Name of the log group. Fixed up front (not auto-named) because the key policy binds the key to
     * this one log group through the encryption context.
     */
    logGroupName: string;
    /** Days the records are kept; a value CloudWatch Logs accepts. */
    retentionInDays: number;
}

/**
 * VPC flow logs (all traffic) into a CloudWatch log group encrypted with a customer-managed KMS key.
 * The key only serves this log group, and the delivery role may only write to it. Key and log group
 * are protected: losing either loses the network's audit trail.
 */
export class VpcFlowLogs extends pulumi.ComponentResource {
    /** Name of the flow log group. */
    public readonly logGroupName: pulumi.Output<string>;
    /** ARN of the KMS key that encrypts the flow log group. */
    public readonly keyArn: pulumi.Output<string>;
    /** Id of the flow log. */
    public readonly flowLogId: pulumi.Output<string>;

    constructor(name: string, args: VpcFlowLogsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("zero-trust:network:VpcFlowLogs", name, {}, opts);
        const { region, accountId, logGroupName } = args;
        const logGroupArn = `arn:aws:logs:${region}:${accountId}:log-group:${logGroupName}`;

        const key = new aws.kms.Key(
            `${name}-key`,
            {
                description: `Encrypts the VPC flow log group ${logGroupName}`,
                enableKeyRotation: true,
                deletionWindowInDays: 30,
                policy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            // Without this the key is unmanageable; IAM policies in the account then decide who administers it.
                            Sid: "AccountRootAdministersKey",
                            Effect: "Allow",
                            Principal: { AWS: `arn:aws:iam::${accountId}:root` },
                            Action: "kms:*",
                            Resource: "*",
                        },
                        {
                            Sid: "CloudWatchLogsUsesKeyForThisLogGroupOnly",
                            Effect: "Allow",
                            Principal: { Service: `logs.${region}.amazonaws.com` },
                            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                            Resource: "*",
                            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": logGroupArn } },
                        },
                    ],
                }),
                tags: resourceTags(`${args.environment}-flow-logs`),
            },
            { parent: this, protect: true },
        );
        new aws.kms.Alias(`${name}-key-alias`, { name: `alias/${name}`, targetKeyId: key.keyId }, { parent: this });

        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-group`,
            { name: logGroupName, retentionInDays: args.retentionInDays, kmsKeyId: key.arn, tags: resourceTags(`${args.environment}-flow-logs`) },
            { parent: this, protect: true },
        );

        const role = new aws.iam.Role(
            `${name}-role`,
            {
                description: `Delivers VPC flow logs to ${logGroupName}`,
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                            Action: "sts:AssumeRole",
                            // Confused-deputy guard: only flow logs of this account may use the role.
                            Condition: {
                                StringEquals: { "aws:SourceAccount": accountId },
                                ArnLike: { "aws:SourceArn": `arn:aws:ec2:${region}:${accountId}:vpc-flow-log/*` },
                            },
                        },
                    ],
                }),
                tags: resourceTags(`${args.environment}-flow-logs`),
            },
            { parent: this },
        );
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-write`,
            {
                role: role.name,
                policy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "WriteThisLogGroupOnly",
                            Effect: "Allow",
                            // The group already exists, so AWS's sample grants of CreateLogGroup/DescribeLogGroups are not needed.
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                            Resource: [logGroupArn, `${logGroupArn}:log-stream:*`],
                        },
                    ],
                }),
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
        this.keyArn = key.arn;
        this.flowLogId = flowLog.id;
        this.registerOutputs({ logGroupName: this.logGroupName, keyArn: this.keyArn, flowLogId: this.flowLogId });
    }
}
