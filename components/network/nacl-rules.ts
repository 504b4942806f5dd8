import type { SubnetPlan, Tier } from "./subnet-plan";

/** One stateless NACL rule. `protocol` "-1" means all protocols (ports are then ignored, so 0). */
export interface NaclRule {
    readonly tier: Tier;
    readonly egress: boolean;
    readonly ruleNumber: number;
    readonly protocol: "tcp" | "-1";
    readonly cidrBlock: string;
    readonly fromPort: number;
    readonly toPort: number;
}

/** Inputs that decide the NACL rules of the three tiers. */
export interface NaclRuleInputs {
    readonly vpcCidr: string;
    readonly subnets: SubnetPlan;
    /** True when the private tier has a NAT gateway route to the internet. */
    readonly hasNat: boolean;
    /** True when an internet-facing load balancer sits in the public tier; without one nothing is admitted from the internet. */
    readonly hasInternetLoadBalancer: boolean;
    /** Admit HTTP (80) for the load balancer's redirect to HTTPS (only with a load balancer). */
    readonly allowHttpRedirect: boolean;
    readonly dataPorts: readonly number[];
}

const ANYWHERE = "0.0.0.0/0";
/** Ports clients (and NAT/load balancers) pick for their side of a connection. */
const EPHEMERAL = { fromPort: 1024, toPort: 65535 } as const;
const ALL = { protocol: "-1", fromPort: 0, toPort: 0 } as const;

/**
 * The allow rules of each tier's NACL; everything else hits the NACL's implicit deny. Rule numbers are
 * fixed per purpose (not by position), so toggling one rule never renumbers the others.
 * NACLs are stateless, so each allowed flow needs its return direction too.
 */
export function naclRules(inputs: NaclRuleInputs): NaclRule[] {
    const { vpcCidr, subnets, hasNat, hasInternetLoadBalancer, allowHttpRedirect, dataPorts } = inputs;
    const rules: NaclRule[] = [];
    const add = (tier: Tier, egress: boolean, ruleNumber: number, rule: Pick<NaclRule, "protocol" | "cidrBlock" | "fromPort" | "toPort">) =>
        rules.push({ tier, egress, ruleNumber, ...rule });

    // Public: the load balancer (if any) takes HTTPS (and HTTP only to redirect it) from the
    // internet, and NAT gateways forward the private tier's HTTPS out.
    if (hasInternetLoadBalancer) {
        add("public", false, 100, { protocol: "tcp", cidrBlock: ANYWHERE, fromPort: 443, toPort: 443 });
        if (allowHttpRedirect) {
            add("public", false, 110, { protocol: "tcp", cidrBlock: ANYWHERE, fromPort: 80, toPort: 80 });
        }
    }
    add("public", false, 200, { ...ALL, cidrBlock: vpcCidr });
    if (hasNat) {
        add("public", false, 300, { protocol: "tcp", cidrBlock: ANYWHERE, ...EPHEMERAL }); // internet replies to NAT
    }
    add("public", true, 100, { ...ALL, cidrBlock: vpcCidr });
    if (hasInternetLoadBalancer) {
        add("public", true, 200, { protocol: "tcp", cidrBlock: ANYWHERE, ...EPHEMERAL }); // replies to the load balancer's clients
    }
    if (hasNat) {
        add("public", true, 300, { protocol: "tcp", cidrBlock: ANYWHERE, fromPort: 443, toPort: 443 }); // NAT forwarding
    }

    // Private: anything inside the VPC, plus HTTPS out and its replies. NACL rules cannot name the
    // S3/DynamoDB prefix lists the gateway endpoints route to, so 0.0.0.0/0:443 is needed even
    // without NAT; the route tables decide where that traffic can actually go.
    add("private", false, 100, { ...ALL, cidrBlock: vpcCidr });
    add("private", false, 200, { protocol: "tcp", cidrBlock: ANYWHERE, ...EPHEMERAL });
    add("private", true, 100, { ...ALL, cidrBlock: vpcCidr });
    add("private", true, 200, { protocol: "tcp", cidrBlock: ANYWHERE, fromPort: 443, toPort: 443 });

    // Isolated: only the private tier's subnets, only on the data ports, and the replies to them.
    const privateCidrs = subnets.private;
    dataPorts.forEach((port, portIndex) =>
        privateCidrs.forEach((cidrBlock, azIndex) =>
            add("isolated", false, 100 + portIndex * privateCidrs.length + azIndex, {
                protocol: "tcp",
                cidrBlock,
                fromPort: port,
                toPort: port,
            }),
        ),
    );
    privateCidrs.forEach((cidrBlock, azIndex) => add("isolated", true, 100 + azIndex, { protocol: "tcp", cidrBlock, ...EPHEMERAL }));

    return rules;
}
