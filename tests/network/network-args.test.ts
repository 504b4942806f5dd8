import * as assert from "assert";
import { DefaultVpcLockdown, type DefaultVpcLockdownArgs } from "../../components/network/default-vpc-lockdown";
import { InternetEntryPoint, type InternetEntryPointArgs } from "../../components/network/internet-entry-point";
import { TierNetworkAcls, type TierNetworkAclsArgs } from "../../components/network/tier-network-acls";
import { TierRouting, type TierRoutingArgs } from "../../components/network/tier-routing";
import { TierSecurityGroups, type TierSecurityGroupsArgs } from "../../components/network/tier-security-groups";
import { VpcEndpoints, type VpcEndpointsArgs } from "../../components/network/vpc-endpoints";
import { VpcFlowLogs, type VpcFlowLogsArgs } from "../../components/network/vpc-flow-logs";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";
import { RecordingMocks } from "./recording-mocks";

// Each network component refuses a bad argument with one line, before declaring anything.

type Case<A> = [string, Partial<A>, RegExp];

function refuses<A>(component: string, build: (args: A) => unknown, valid: A, cases: readonly Case<A>[]): void {
    describe(`${component} refuses, declaring nothing`, () => {
        it("(but accepts the valid arguments the cases start from)", async () => {
            const mocks = RecordingMocks.install();
            build(valid);
            await mocks.settled();
            assert.ok(mocks.registrations.some((r) => r.type === `zero-trust:network:${component}`));
        });
        for (const [label, overrides, message] of cases) {
            it(label, () => assertRefusedBeforeDeclaring(() => build({ ...valid, ...overrides }), message));
        }
    });
}

const KEY_ARN = "arn:aws:kms:eu-west-1:111111111111:key/0b7c1e2d-3f4a-4b5c-8d6e-7f8091a2b3c4";
const RETENTION = /is not a CloudWatch Logs retention \(1, 3, 5, .*, 3653 days\)$/;

/** Where the flow logs and the default VPC lockdown are. */
const PLACE = { environment: "staging", region: "eu-west-1", accountId: "111111111111" };

const FLOW_LOGS: VpcFlowLogsArgs = {
    ...PLACE,
    vpcId: "vpc-0a1b2c3d",
    logGroupName: "/zero-trust/staging/vpc-flow-logs/net",
    kmsKeyArn: KEY_ARN,
    retentionInDays: 365,
};

refuses<VpcFlowLogsArgs>("VpcFlowLogs", (args) => new VpcFlowLogs("flow", args), FLOW_LOGS, [
    [
        "an environment that is no lowercase key",
        { environment: "stag ing" },
        /^VpcFlowLogs: environment: key "stag ing" is not a lowercase name/,
    ],
    ["a region that is none", { region: "europe" }, /^VpcFlowLogs: region: "europe" is not an AWS region code/],
    ["an account id with letters", { accountId: "11111111111x" }, /^VpcFlowLogs: accountId: "11111111111x" is not an AWS account id/],
    [
        "a log group name with a space",
        { logGroupName: "/zero-trust/flow logs" },
        /^VpcFlowLogs: logGroupName: "\/zero-trust\/flow logs" is not a log group name \(1-512 of A-Z a-z 0-9 _ - \/ \. #\)$/,
    ],
    ["a retention CloudWatch refuses", { retentionInDays: 10 }, RETENTION],
]);

const LOCKDOWN: DefaultVpcLockdownArgs = {
    ...PLACE,
    flowLogGroupName: "/zero-trust/staging/vpc-flow-logs/default-eu-west-1",
    flowLogKmsKeyArn: KEY_ARN,
    flowLogRetentionDays: 365,
};

refuses<DefaultVpcLockdownArgs>("DefaultVpcLockdown", (args) => new DefaultVpcLockdown("default-vpc", args), LOCKDOWN, [
    ["an environment that is no lowercase key", { environment: "" }, /^DefaultVpcLockdown: environment: key "" is not a lowercase name/],
    ["a region that is none", { region: "eu-west" }, /^DefaultVpcLockdown: region: "eu-west" is not an AWS region code/],
    [
        "an account id that is a number",
        { accountId: 111111111111 as unknown as string },
        /^DefaultVpcLockdown: accountId: 111111111111 is not an AWS account id/,
    ],
    [
        "a flow log group name with a wildcard",
        { flowLogGroupName: "/zero-trust/*" },
        /^DefaultVpcLockdown: flowLogGroupName: "\/zero-trust\/\*" is not a log group name/,
    ],
    [
        "a retention CloudWatch refuses",
        { flowLogRetentionDays: 0 },
        /^DefaultVpcLockdown: flowLogRetentionDays: 0 is not a CloudWatch Logs retention/,
    ],
]);

const ROUTING: TierRoutingArgs = {
    environment: "staging",
    vpcId: "vpc-0a1b2c3d",
    availabilityZones: ["eu-west-1a", "eu-west-1b"],
    publicSubnetIds: ["subnet-1", "subnet-2"],
    privateSubnetIds: ["subnet-3", "subnet-4"],
    isolatedSubnetIds: ["subnet-5", "subnet-6"],
    natGateways: "one-per-az",
};

refuses<TierRoutingArgs>("TierRouting", (args) => new TierRouting("routing", args), ROUTING, [
    [
        "no availability zone",
        { availabilityZones: [] },
        /^TierRouting: availabilityZones: \[\] is not a non-empty list of availability zones$/,
    ],
    [
        "an availability zone twice",
        { availabilityZones: ["eu-west-1a", "eu-west-1a"] },
        /^TierRouting: availabilityZones: "eu-west-1a" is listed twice$/,
    ],
    [
        "an availability zone that is a region",
        { availabilityZones: ["eu-west-1", "eu-west-1b"] },
        /^TierRouting: availabilityZones\[0\]: "eu-west-1" is not an availability zone name \(like eu-west-1a\)$/,
    ],
    [
        "a tier without a subnet in every AZ",
        { privateSubnetIds: ["subnet-3"] },
        /^TierRouting: privateSubnetIds: \["subnet-3"\] is not a list of 2 subnet ids, one per availability zone$/,
    ],
    [
        "an unknown NAT strategy",
        { natGateways: "many" as TierRoutingArgs["natGateways"] },
        /^TierRouting: natGateways: "many" is not one of one-per-az, single, none$/,
    ],
]);

const SECURITY_GROUPS: TierSecurityGroupsArgs = {
    environment: "staging",
    vpcId: "vpc-0a1b2c3d",
    appPort: 8443,
    dataPorts: [5432],
    hasNat: true,
    endpointSecurityGroupId: "sg-0a1b2c3d",
    gatewayPrefixListIds: { s3: "pl-1" },
};

refuses<TierSecurityGroupsArgs>("TierSecurityGroups", (args) => new TierSecurityGroups("sg", args), SECURITY_GROUPS, [
    ["a fractional application port", { appPort: 80.5 }, /^TierSecurityGroups: appPort: 80\.5 is not an integer port from 1 to 65535$/],
    ["no data port", { dataPorts: [] }, /^TierSecurityGroups: dataPorts: \[\] is not a non-empty list of ports$/],
]);

const NACLS: TierNetworkAclsArgs = {
    environment: "staging",
    vpcId: "vpc-0a1b2c3d",
    vpcCidr: "10.20.0.0/16",
    subnetCidrs: { public: ["10.20.0.0/24"], private: ["10.20.16.0/20"], isolated: ["10.20.32.0/22"] },
    subnetIds: { public: ["subnet-1"], private: ["subnet-2"], isolated: ["subnet-3"] },
    hasNat: true,
    hasInternetLoadBalancer: true,
    allowHttpRedirect: true,
    dataPorts: [5432],
};

refuses<TierNetworkAclsArgs>("TierNetworkAcls", (args) => new TierNetworkAcls("nacl", args), NACLS, [
    ["a VPC CIDR that is IPv6", { vpcCidr: "fd00::/56" }, /^TierNetworkAcls: vpcCidr: "fd00::\/56" is not an IPv4 network CIDR/],
    ["a data port twice", { dataPorts: [5432, 5432] }, /^TierNetworkAcls: dataPorts: 5432 is listed twice$/],
]);

const ENDPOINTS: VpcEndpointsArgs = {
    environment: "staging",
    region: "eu-west-1",
    organizationId: "o-a1b2c3d4e5",
    vpcId: "vpc-0a1b2c3d",
    vpcCidr: "10.20.0.0/16",
    gatewayRouteTableIds: ["rtb-1"],
    interfaceSubnetIds: ["subnet-1"],
    interfaceServices: ["kms"],
};

refuses<VpcEndpointsArgs>("VpcEndpoints", (args) => new VpcEndpoints("endpoints", args), ENDPOINTS, [
    [
        "a region outside the aws partition",
        { region: "us-gov-west-1" },
        /^VpcEndpoints: region: "us-gov-west-1" is not an AWS region code of the aws partition/,
    ],
    ["a VPC CIDR with host bits", { vpcCidr: "10.20.0.1/16" }, /^VpcEndpoints: vpcCidr: "10\.20\.0\.1\/16" is not an IPv4 network CIDR/],
    [
        "no subnet for the interface endpoints",
        { interfaceSubnetIds: [] },
        /^VpcEndpoints: interfaceSubnetIds: \[\] is not a non-empty list of subnet ids/,
    ],
    [
        "an unknown interface service",
        { interfaceServices: ["kms", "s3" as "kms"] },
        /^VpcEndpoints: interfaceServices\[1\]: "s3" is not one of /,
    ],
]);

const ENTRY: InternetEntryPointArgs = {
    environment: "staging",
    certificateArn: "arn:aws:acm:eu-west-1:111111111111:certificate/3f0c2a7e-8b14-4d6a-9e25-c1d7b08f4a63",
    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    publicSubnetIds: ["subnet-1"],
    loadBalancerSecurityGroupId: "sg-0a1b2c3d",
    allowHttpRedirect: true,
};

refuses<InternetEntryPointArgs>("InternetEntryPoint", (args) => new InternetEntryPoint("entry", args), ENTRY, [
    [
        "an SSL policy that allows TLS 1.1",
        { sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" as InternetEntryPointArgs["sslPolicy"] },
        /^InternetEntryPoint: sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" is not one of /,
    ],
    [
        "no public subnet",
        { publicSubnetIds: [] },
        /^InternetEntryPoint: publicSubnetIds: \[\] is not a non-empty list of public subnet ids/,
    ],
]);
