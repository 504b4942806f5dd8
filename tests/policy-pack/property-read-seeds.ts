// Stacks that drive a policy past a gate the property-read search (property-reads.ts) cannot open
// one value at a time, so that what lies behind it is read too; and the bypass corpus, whose
// entries are realistic resources for the policies they name.

import { bypassCorpus } from "./bypass-corpus";
import { dependsOnVia, resource } from "./harness";
import type { ReadSeed } from "./property-reads";

/**
 * ingress-public-only-via-load-balancer reads load balancers and listeners only for a security
 * group that admits the internet on a public port: protocol, ports and source together.
 */
function worldOpenGroupBehindLoadBalancers(): ReturnType<ReadSeed["resources"]> {
    const open = (port: number) => ({ protocol: "tcp", fromPort: port, toPort: port, cidrBlocks: ["0.0.0.0/0"] });
    const group = resource("aws:ec2/securityGroup:SecurityGroup", "web", { ingress: [open(443), open(80)] });
    const stack = [group];
    const pairs = [
        ["aws:lb/loadBalancer:LoadBalancer", "aws:lb/listener:Listener", "redirect"],
        ["aws:alb/loadBalancer:LoadBalancer", "aws:alb/listener:Listener", "redirect"],
        ["aws-native:elasticloadbalancingv2:LoadBalancer", "aws-native:elasticloadbalancingv2:Listener", "redirectConfig"],
    ];
    for (const [lbType, listenerType, redirectKey] of pairs) {
        const lb = dependsOnVia(resource(lbType, `lb-${lbType}`), "securityGroups", group);
        const listener = resource(listenerType, `listener-${listenerType}`, {
            port: 80,
            defaultActions: [{ type: "redirect", [redirectKey]: { protocol: "HTTPS" } }],
        });
        stack.push(lb, dependsOnVia(listener, "loadBalancerArn", lb));
    }
    return stack;
}

export const readSeeds: readonly ReadSeed[] = [
    { policy: "ingress-public-only-via-load-balancer", resources: worldOpenGroupBehindLoadBalancers },
    ...bypassCorpus.flatMap((entry) => [
        { policy: entry.policy, resources: entry.violating },
        { policy: entry.policy, resources: entry.compliant },
    ]),
];
