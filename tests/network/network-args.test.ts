import * as assert from "assert";
import { DefaultVpcLockdown, type DefaultVpcLockdownArgs } from "../../components/network/default-vpc-lockdown";
import { InternetEntryPoint, type InternetEntryPointArgs } from "../../components/network/internet-entry-point";
import { ThreeTierVpc, type ThreeTierVpcArgs } from "../../components/network/three-tier-vpc";
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

const VPC: ThreeTierVpcArgs = {
    environment: "staging",
    region: "eu-west-1",
    accountId: "111111111111",
    organizationId: "o-a1b2c3d4e5",
    availabilityZones: ["eu-west-1a", "eu-west-1b"],
    vpcCidr: "10.20.0.0/16",
    subnetPrefixLengths: { public: 24, private: 20, isolated: 22 },
    natGateways: "single",
    appPort: 8443,
    dataPorts: [5432],
    allowHttpRedirect: true,
    flowLogRetentionDays: 365,
    logGroupNamePrefix: "/zero-trust/staging/",
    flowLogKmsKeyArn: KEY_ARN,
    interfaceEndpoints: ["kms", "sts"],
    loadBalancer: { certificateArn: "arn:aws:acm:eu-west-1:111111111111:certificate/3f0c2a7e-8b14-4d6a-9e25-c1d7b08f4a63", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" },
};

refuses<ThreeTierVpcArgs>("ThreeTierVpc", (args) => new ThreeTierVpc("net", args), VPC, [
    ["an environment that is no lowercase key", { environment: "Staging" }, /^ThreeTierVpc: environment: key "Staging" is not a lowercase name/],
    ["a region outside the aws partition", { region: "cn-north-1" }, /^ThreeTierVpc: region: "cn-north-1" is not an AWS region code of the aws partition/],
    ["an account id of 11 digits", { accountId: "11111111111" }, /^ThreeTierVpc: accountId: "11111111111" is not an AWS account id/],
    ["no availability zone", { availabilityZones: [] }, /^ThreeTierVpc: availabilityZones: \[\] is not a non-empty list of availability zones$/],
    ["an availability zone twice", { availabilityZones: ["eu-west-1a", "eu-west-1a"] }, /^ThreeTierVpc: availabilityZones: "eu-west-1a" is listed twice$/],
    ["an availability zone of another region", { availabilityZones: ["eu-west-1a", "us-east-1a"] }, /^ThreeTierVpc: availabilityZones\[1\]: "us-east-1a" is not an availability zone of eu-west-1 \(eu-west-1a, eu-west-1b, …\)$/],
    ["a CIDR that is no IPv4 network", { vpcCidr: "10.20.0.0" }, /^ThreeTierVpc: vpcCidr: "10\.20\.0\.0" is not an IPv4 network CIDR \(no host bits set\) with a prefix from \/16 to \/28$/],
    ["a CIDR with host bits", { vpcCidr: "10.20.1.0/16" }, /^ThreeTierVpc: vpcCidr: "10\.20\.1\.0\/16" is not an IPv4 network CIDR/],
    ["a VPC larger than /16", { vpcCidr: "10.0.0.0/8" }, /^ThreeTierVpc: vpcCidr: "10\.0\.0\.0\/8" is not an IPv4 network CIDR .* from \/16 to \/28$/],
    ["a subnet larger than the VPC", { vpcCidr: "10.20.0.0/20", subnetPrefixLengths: { public: 19, private: 24, isolated: 24 } }, /^ThreeTierVpc: subnetPrefixLengths\.public: 19 is not a subnet prefix length from \/20 \(the VPC's\) to \/28$/],
    ["subnets that do not fit the VPC", { subnetPrefixLengths: { public: 17, private: 17, isolated: 17 } }, /^ThreeTierVpc: subnetPrefixLengths: .* is not subnets that fit the VPC: 2 AZs need 196608 addresses but 10\.20\.0\.0\/16 has 65536$/],
    ["an unknown NAT strategy", { natGateways: "two" as ThreeTierVpcArgs["natGateways"] }, /^ThreeTierVpc: natGateways: "two" is not one of one-per-az, single, none$/],
    ["an application port of 0", { appPort: 0 }, /^ThreeTierVpc: appPort: 0 is not an integer port from 1 to 65535$/],
    ["no data port", { dataPorts: [] }, /^ThreeTierVpc: dataPorts: \[\] is not a non-empty list of ports$/],
    ["a data port twice", { dataPorts: [5432, 5432] }, /^ThreeTierVpc: dataPorts: 5432 is listed twice$/],
    ["a data port above 65535", { dataPorts: [70000] }, /^ThreeTierVpc: dataPorts\[0\]: 70000 is not an integer port from 1 to 65535$/],
    ["a flow log retention CloudWatch refuses", { flowLogRetentionDays: 366 }, new RegExp(`^ThreeTierVpc: flowLogRetentionDays: 366 ${RETENTION.source}`)],
    ["a log group prefix without its slashes", { logGroupNamePrefix: "zero-trust" }, /^ThreeTierVpc: logGroupNamePrefix: "zero-trust" is not a log group name prefix that starts and ends with \//],
    ["an unknown endpoint service", { interfaceEndpoints: ["kms", "s4" as "kms"] }, /^ThreeTierVpc: interfaceEndpoints\[1\]: "s4" is not one of /],
    ["an endpoint service twice", { interfaceEndpoints: ["kms", "kms"] }, /^ThreeTierVpc: interfaceEndpoints: "kms" is listed twice$/],
    ["an SSL policy that allows TLS 1.0", { loadBalancer: { ...VPC.loadBalancer!, sslPolicy: "ELBSecurityPolicy-2016-08" as "ELBSecurityPolicy-TLS13-1-2-2021-06" } }, /^ThreeTierVpc: loadBalancer\.sslPolicy: "ELBSecurityPolicy-2016-08" is not one of /],
]);

const FLOW_LOGS: VpcFlowLogsArgs = {
    environment: "staging",
    region: "eu-west-1",
    accountId: "111111111111",
    vpcId: "vpc-0a1b2c3d",
    logGroupName: "/zero-trust/staging/vpc-flow-logs/net",
    kmsKeyArn: KEY_ARN,
    retentionInDays: 365,
};

refuses<VpcFlowLogsArgs>("VpcFlowLogs", (args) => new VpcFlowLogs("flow", args), FLOW_LOGS, [
    ["an environment that is no lowercase key", { environment: "stag ing" }, /^VpcFlowLogs: environment: key "stag ing" is not a lowercase name/],
    ["a region that is none", { region: "europe" }, /^VpcFlowLogs: region: "europe" is not an AWS region code/],
    ["an account id with letters", { accountId: "11111111111x" }, /^VpcFlowLogs: accountId: "11111111111x" is not an AWS account id/],
    ["a log group name with a space", { logGroupName: "/zero-trust/flow logs" }, /^VpcFlowLogs: logGroupName: "\/zero-trust\/flow logs" is not a log group name \(1-512 of A-Z a-z 0-9 _ - \/ \. #\)$/],
    ["a retention CloudWatch refuses", { retentionInDays: 10 }, RETENTION],
]);

const LOCKDOWN: DefaultVpcLockdownArgs = {
    environment: "staging",
    region: "eu-west-1",
    accountId: "111111111111",
    flowLogGroupName: "/zero-trust/staging/vpc-flow-logs/default-eu-west-1",
    flowLogKmsKeyArn: KEY_ARN,
    flowLogRetentionDays: 365,
};

refuses<DefaultVpcLockdownArgs>("DefaultVpcLockdown", (args) => new DefaultVpcLockdown("default-vpc", args), LOCKDOWN, [
    ["an environment that is no lowercase key", { environment: "" }, /^DefaultVpcLockdown: environment: key "" is not a lowercase name/],
    ["a region that is none", { region: "eu-west" }, /^DefaultVpcLockdown: region: "eu-west" is not an AWS region code/],
    ["an account id that is a number", { accountId: 111111111111 as unknown as string }, /^DefaultVpcLockdown: accountId: 111111111111 is not an AWS account id/],
    ["a flow log group name with a wildcard", { flowLogGroupName: "/zero-trust/*" }, /^DefaultVpcLockdown: flowLogGroupName: "\/zero-trust\/\*" is not a log group name/],
    ["a retention CloudWatch refuses", { flowLogRetentionDays: 0 }, /^DefaultVpcLockdown: flowLogRetentionDays: 0 is not a CloudWatch Logs retention/],
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
    ["no availability zone", { availabilityZones: [] }, /^TierRouting: availabilityZones: \[\] is not a non-empty list of availability zones$/],
    ["an availability zone twice", { availabilityZones: ["eu-west-1a", "eu-west-1a"] }, /^TierRouting: availabilityZones: "eu-west-1a" is listed twice$/],
    ["an availability zone that is a region", { availabilityZones: ["eu-west-1", "eu-west-1b"] }, /^TierRouting: availabilityZones\[0\]: "eu-west-1" is not an availability zone name \(like eu-west-1a\)$/],
    ["a tier without a subnet in every AZ", { privateSubnetIds: ["subnet-3"] }, /^TierRouting: privateSubnetIds: \["subnet-3"\] is not a list of 2 subnet ids, one per availability zone$/],
    ["an unknown NAT strategy", { natGateways: "many" as TierRoutingArgs["natGateways"] }, /^TierRouting: natGateways: "many" is not one of one-per-az, single, none$/],
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
    ["a region outside the aws partition", { region: "us-gov-west-1" }, /^VpcEndpoints: region: "us-gov-west-1" is not an AWS region code of the aws partition/],
    ["a VPC CIDR with host bits", { vpcCidr: "10.20.0.1/16" }, /^VpcEndpoints: vpcCidr: "10\.20\.0\.1\/16" is not an IPv4 network CIDR/],
    ["no subnet for the interface endpoints", { interfaceSubnetIds: [] }, /^VpcEndpoints: interfaceSubnetIds: \[\] is not a non-empty list of subnet ids/],
    ["an unknown interface service", { interfaceServices: ["kms", "s3" as "kms"] }, /^VpcEndpoints: interfaceServices\[1\]: "s3" is not one of /],
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
    ["an SSL policy that allows TLS 1.1", { sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" as InternetEntryPointArgs["sslPolicy"] }, /^InternetEntryPoint: sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" is not one of /],
    ["no public subnet", { publicSubnetIds: [] }, /^InternetEntryPoint: publicSubnetIds: \[\] is not a non-empty list of public subnet ids/],
]);
