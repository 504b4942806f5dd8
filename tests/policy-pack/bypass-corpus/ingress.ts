import type { BypassCase } from "./bypass-case";
import { dependsOnVia, resource, type PolicyResource } from "../harness";

/** Bypasses of the ingress family tried against the pack. */

const SG = "aws:ec2/securityGroup:SecurityGroup";
const NATIVE_SG = "aws-native:ec2:SecurityGroup";
const VPC_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EC2_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const NATIVE_RULE = "aws-native:ec2:SecurityGroupIngress";
const PREFIX_LIST = "aws:ec2/managedPrefixList:ManagedPrefixList";
const PREFIX_LIST_ENTRY = "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const INSTANCE = "aws:ec2/instance:Instance";

// Three public /9s: each narrower than the /8 limit, together wider ("public in all but name").
const WIDE = ["11.0.0.0/9", "11.128.0.0/9", "12.0.0.0/9"];
// The compliant twin: three private /9s, as narrow in the same shape.
const PRIVATE = ["10.0.0.0/9", "10.128.0.0/9", "172.16.0.0/12"];

const GROUP_ID = "sg-0a1b2c3d4e5f60718";
const LIST_ID = "pl-0a1b2c3d4e5f60718";

/** A classic group that already exists (a stack policy sees its outputs, so its id is known). */
const classicGroup = (name: string, props: Record<string, unknown> = {}) => resource(SG, name, { vpcId: "vpc-1", id: GROUP_ID, ...props });

const vpcRule = (name: string, cidrIpv4: string, port = 22, props: Record<string, unknown> = {}) =>
    resource(VPC_RULE, name, { ipProtocol: "tcp", fromPort: port, toPort: port, cidrIpv4, ...props });

/** Classic rules on one group by reference, one resource per range. */
function splitByReference(cidrs: readonly string[]): PolicyResource[] {
    const sg = classicGroup("sg");
    return [sg, ...cidrs.map((cidr, i) => dependsOnVia(vpcRule(`part-${i}`, cidr, 22, { securityGroupId: "sg" }), "securityGroupId", sg))];
}

/** The group's inline rule, an aws:ec2 rule and an aws:vpc rule, the separate ones naming the group's id literally. */
function mixedByLiteralId(cidrs: readonly string[]): PolicyResource[] {
    const [inline, ec2, vpc] = cidrs;
    return [
        classicGroup("sg", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [inline] }] }),
        resource(EC2_RULE, "ec2-part", {
            type: "ingress",
            securityGroupId: GROUP_ID,
            protocol: "tcp",
            fromPort: 22,
            toPort: 22,
            cidrBlocks: [ec2],
        }),
        vpcRule("vpc-part", vpc, 22, { securityGroupId: GROUP_ID }),
    ];
}

/** Rules on a group outside the stack: the same literal id, no group declared. */
function splitOnForeignGroup(cidrs: readonly string[]): PolicyResource[] {
    return cidrs.map((cidr, i) => vpcRule(`part-${i}`, cidr, 3389, { securityGroupId: "sg-0fedcba9876543210" }));
}

/** An aws-native group with one inline rule and SecurityGroupIngress resources by reference and by name. */
function nativeSplit(cidrs: readonly string[]): PolicyResource[] {
    const [inline, byId, byName] = cidrs;
    const sg = resource(NATIVE_SG, "sg", {
        groupDescription: "app",
        groupName: "app-sg",
        securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIp: inline }],
    });
    const native = (name: string, props: Record<string, unknown>) =>
        resource(NATIVE_RULE, name, { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, ...props });
    return [
        sg,
        dependsOnVia(native("by-id", { groupId: "sg", cidrIp: byId }), "groupId", sg),
        native("by-name", { groupName: "app-sg", cidrIp: byName }),
    ];
}

/** A classic list with one inline entry, entries by reference and by the list's literal id. */
function prefixListSplit(cidrs: readonly string[]): PolicyResource[] {
    const [inline, byReference, byLiteral] = cidrs;
    const list = resource(PREFIX_LIST, "partners", { id: LIST_ID, addressFamily: "IPv4", maxEntries: 5, entries: [{ cidr: inline }] });
    return [
        list,
        dependsOnVia(resource(PREFIX_LIST_ENTRY, "by-reference", { prefixListId: "pl", cidr: byReference }), "prefixListId", list),
        resource(PREFIX_LIST_ENTRY, "by-literal", { prefixListId: LIST_ID, cidr: byLiteral }),
    ];
}

/** An aws-native list (the provider has no entry resource) grown by classic entries naming its id. */
function nativePrefixListSplit(cidrs: readonly string[]): PolicyResource[] {
    const [inline, ...separate] = cidrs;
    return [
        resource("aws-native:ec2:PrefixList", "partners", { prefixListId: LIST_ID, addressFamily: "IPv4", entries: [{ cidr: inline }] }),
        ...separate.map((cidr, i) => resource(PREFIX_LIST_ENTRY, `entry-${i}`, { prefixListId: LIST_ID, cidr })),
    ];
}

/** A group open on 443 to the world, used by an internet-facing ALB (by reference). */
function loadBalancerGroup(props: Record<string, unknown> = {}): [PolicyResource, PolicyResource] {
    const sg = classicGroup("lb-sg", {
        name: "lb-sg-7d2c",
        ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
        ...props,
    });
    const lb = dependsOnVia(resource(LB, "alb", { loadBalancerType: "application", securityGroups: [GROUP_ID] }), "securityGroups", sg);
    return [sg, lb];
}

/** A case whose violating resources are built from WIDE ranges and its compliant twin from PRIVATE ones. */
function widened(title: string, policy: string, build: (cidrs: readonly string[]) => PolicyResource[]): BypassCase {
    return { title, policy, violating: () => build(WIDE), compliant: () => build(PRIVATE) };
}

/** An aws-native group open on 443 to the world, used by an aws-native load balancer, both by literal id. */
function nativeLoadBalancerGroup(): PolicyResource[] {
    const sg = resource(NATIVE_SG, "lb-sg", {
        groupDescription: "lb",
        groupId: GROUP_ID,
        securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "0.0.0.0/0" }],
    });
    return [sg, resource("aws-native:elasticloadbalancingv2:LoadBalancer", "lb", { securityGroups: [GROUP_ID] })];
}

/** A group that admits 443 from three public /9s: the internet only taken together. */
const spreadHttpsGroup = () =>
    classicGroup("web-sg", { ingress: WIDE.map((cidr) => ({ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [cidr] })) });

const lightsailPorts = (...portInfos: unknown[]) =>
    resource("aws:lightsail/instancePublicPorts:InstancePublicPorts", "ports", { instanceName: "web", portInfos });
const nativeLightsail = (...ports: unknown[]) =>
    resource("aws-native:lightsail:Instance", "web", {
        blueprintId: "amazon_linux_2023",
        bundleId: "nano_3_0",
        instanceName: "web",
        networking: { ports },
    });

export const ingressBypasses: readonly BypassCase[] = [
    widened(
        "classic: one group's ingress split over aws:vpc rule resources (by reference)",
        "ingress-no-internet-across-security-group-rules",
        splitByReference,
    ),
    {
        title: "classic: world coverage (0.0.0.0/1 + 128.0.0.0/1) split over two rules, with the width limit off",
        policy: "ingress-no-internet-across-security-group-rules",
        config: { ipv4PublicPrefixLimit: 0 },
        violating: () => splitByReference(["0.0.0.0/1", "128.0.0.0/1"]),
        compliant: () => splitByReference(["0.0.0.0/1", "192.0.0.0/2"]),
    },
    widened(
        "classic: inline rule + aws:ec2 securityGroupRule + aws:vpc rule, the separate ones naming the group id literally",
        "ingress-no-internet-across-security-group-rules",
        mixedByLiteralId,
    ),
    widened(
        "classic: rules on a group outside the stack, all naming its literal id",
        "ingress-no-internet-across-security-group-rules",
        splitOnForeignGroup,
    ),
    widened(
        "aws-native: inline rule + SecurityGroupIngress by groupId reference + by groupName literal",
        "ingress-no-internet-across-security-group-rules",
        nativeSplit,
    ),
    widened(
        "classic: a prefix list's entries split over the list and entry resources (by reference and by literal id)",
        "ingress-no-internet-across-prefix-list-entries",
        prefixListSplit,
    ),
    widened(
        "aws-native: a PrefixList widened by entry resources naming its id",
        "ingress-no-internet-across-prefix-list-entries",
        nativePrefixListSplit,
    ),
    {
        title: "classic: the load balancer's world-open group also on an instance, by its id written as a literal",
        policy: "ingress-public-only-via-load-balancer",
        violating: () => [...loadBalancerGroup(), resource(INSTANCE, "web", { vpcSecurityGroupIds: [GROUP_ID] })],
        compliant: () => [...loadBalancerGroup(), resource(INSTANCE, "web", { vpcSecurityGroupIds: ["sg-0999999999999999a"] })],
    },
    {
        title: "classic: the load balancer's group on a launch template's network interface and an instance by NAME, as literals",
        policy: "ingress-public-only-via-load-balancer",
        violating: () => [
            ...loadBalancerGroup(),
            resource("aws:ec2/launchTemplate:LaunchTemplate", "workers", { networkInterfaces: [{ securityGroups: [GROUP_ID] }] }),
            resource(INSTANCE, "legacy", { securityGroups: ["lb-sg-7d2c"] }),
        ],
        compliant: () => [
            ...loadBalancerGroup(),
            resource("aws:ec2/launchTemplate:LaunchTemplate", "workers", {
                networkInterfaces: [{ securityGroups: ["sg-0999999999999999a"] }],
            }),
            resource(INSTANCE, "legacy", { securityGroups: ["app-sg"], tags: { Name: "lb-sg-7d2c" } }),
        ],
    },
    {
        title: "aws-native: the load balancer's group on an aws-native instance and ENI by its groupId literal",
        policy: "ingress-public-only-via-load-balancer",
        violating: () => [
            ...nativeLoadBalancerGroup(),
            resource("aws-native:ec2:Instance", "web", { securityGroupIds: [GROUP_ID] }),
            resource("aws-native:ec2:NetworkInterface", "eni", { groupSet: [GROUP_ID] }),
        ],
        compliant: nativeLoadBalancerGroup,
    },
    {
        title: "classic: 443 from the internet assembled from narrow rules on an instance's group",
        policy: "ingress-public-only-via-load-balancer",
        violating: () => {
            const sg = spreadHttpsGroup();
            return [sg, dependsOnVia(resource(INSTANCE, "web", {}), "vpcSecurityGroupIds", sg)];
        },
        compliant: () => {
            const sg = spreadHttpsGroup();
            return [sg, dependsOnVia(resource(LB, "alb", { loadBalancerType: "application" }), "securityGroups", sg)];
        },
    },
    {
        title: "classic: Lightsail public port without cidrs (AWS opens it to any IPv4 address)",
        policy: "ingress-no-internet-lightsail-instance",
        violating: () => [lightsailPorts({ protocol: "tcp", fromPort: 22, toPort: 22 })],
        compliant: () => [
            lightsailPorts(
                { protocol: "tcp", fromPort: 22, toPort: 22, cidrListAliases: ["lightsail-connect"] },
                { protocol: "tcp", fromPort: 443, toPort: 443, cidrs: ["198.51.100.0/24"] },
            ),
        ],
    },
    {
        title: "classic: Lightsail 443 to the world (no load balancer stands in front of a Lightsail instance)",
        policy: "ingress-no-internet-lightsail-instance",
        violating: () => [lightsailPorts({ protocol: "tcp", fromPort: 443, toPort: 443, cidrs: ["0.0.0.0/0"], ipv6Cidrs: ["::/0"] })],
        compliant: () => [
            lightsailPorts({ protocol: "tcp", fromPort: 443, toPort: 443, cidrs: ["10.0.0.0/16"], ipv6Cidrs: ["fd00::/64"] }),
        ],
    },
    {
        title: "aws-native: Lightsail instance networking ports open to the world, explicitly and by omission",
        policy: "ingress-no-internet-lightsail-instance",
        violating: () => [
            nativeLightsail(
                { protocol: "tcp", fromPort: 22, toPort: 22, ipv6Cidrs: ["::/0"] },
                { protocol: "all", fromPort: 0, toPort: 65535 },
            ),
        ],
        compliant: () => [
            nativeLightsail(
                { protocol: "tcp", fromPort: 22, toPort: 22, cidrListAliases: ["lightsail-connect"] },
                { protocol: "tcp", fromPort: 443, toPort: 443, cidrs: ["198.51.100.0/24"], accessDirection: "inbound" },
            ),
        ],
    },
];
