import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resourceTags } from "./resource-tags";
import { checkFlowLogFacts, VpcFlowLogs, type FlowLogFacts } from "./vpc-flow-logs";

export interface DefaultVpcLockdownArgs {
    /** Environment name (lowercase): `Name` tags. */
    environment: string;
    /** Region of the provider the component is given: the default VPC of that region. */
    region: string;
    /** Account of the provider the component is given. */
    accountId: string;
    /** Name of the flow log group (under the prefix the logs key serves). */
    flowLogGroupName: string;
    /** ARN of that region's logs key, which encrypts the flow log group. */
    flowLogKmsKeyArn: pulumi.Input<string>;
    /** Days the flow log records are kept; a value CloudWatch Logs accepts. */
    flowLogRetentionDays: number;
}

/**
 * The default VPC of the provider's region, adopted and made useless: its default security group
 * and its default network ACL keep no rule at all (AWS's allow-all defaults are removed when they
 * are adopted), so nothing in its subnets can send or receive traffic, and its flow logs record any
 * attempt.
 *
 * Stripped, not removed: deleting the default VPC needs the ids of its subnets and internet gateway,
 * which only a lookup in the live account gives, and the preview does no lookup. `DefaultVpc`
 * adopts the region's default VPC without one (or creates one where there is none, which the
 * stripping then covers alike). `forceDestroy` stays false: a `pulumi destroy` forgets the VPC and
 * leaves it stripped rather than deleting what may be in it.
 */
export class DefaultVpcLockdown extends pulumi.ComponentResource {
    /** Id of the default VPC. */
    public readonly vpcId: pulumi.Output<string>;
    /** Name of its flow log group. */
    public readonly flowLogGroupName: pulumi.Output<string>;

    constructor(name: string, args: DefaultVpcLockdownArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs(args);
        super("zero-trust:network:DefaultVpcLockdown", name, {}, opts);
        const tags = resourceTags(`${args.environment}-default-vpc-stripped`);

        const vpc = new aws.ec2.DefaultVpc(`${name}-vpc`, { forceDestroy: false, tags }, { parent: this });
        new aws.ec2.DefaultSecurityGroup(`${name}-sg`, { vpcId: vpc.id, ingress: [], egress: [], tags }, { parent: this });
        new aws.ec2.DefaultNetworkAcl(
            `${name}-nacl`,
            { defaultNetworkAclId: vpc.defaultNetworkAclId, ingress: [], egress: [], tags },
            // The default subnets stay associated with it; the provider cannot remove them, and would
            // otherwise plan their removal on every run.
            { parent: this, ignoreChanges: ["subnetIds"] },
        );
        const flowLogs = new VpcFlowLogs(
            `${name}-flow-logs`,
            {
                environment: args.environment,
                region: args.region,
                accountId: args.accountId,
                vpcId: vpc.id,
                logGroupName: args.flowLogGroupName,
                kmsKeyArn: args.flowLogKmsKeyArn,
                retentionInDays: args.flowLogRetentionDays,
            },
            { parent: this },
        );

        this.vpcId = vpc.id;
        this.flowLogGroupName = flowLogs.logGroupName;
        this.registerOutputs({ vpcId: this.vpcId, flowLogGroupName: this.flowLogGroupName });
    }
}

/** The lockdown's own names for the flow log arguments it passes on. */
const PASSED_ON: Partial<Record<keyof FlowLogFacts, string>> = {
    logGroupName: "flowLogGroupName",
    retentionInDays: "flowLogRetentionDays",
};

/** What the lockdown and its flow logs are built from, checked before anything is declared. */
function checkArgs(args: DefaultVpcLockdownArgs): void {
    checkFlowLogFacts((parameter) => `DefaultVpcLockdown: ${PASSED_ON[parameter] ?? parameter}`, {
        ...args,
        logGroupName: args.flowLogGroupName,
        retentionInDays: args.flowLogRetentionDays,
    });
}
