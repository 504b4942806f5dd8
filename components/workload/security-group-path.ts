import type * as pulumi from "@pulumi/pulumi";
import { securityGroupRule } from "../network/security-group-rule";

/** One allowed hop between two security groups: TCP on one port, from `source` to `target`. */
export interface SecurityGroupPath {
    /** The group traffic leaves (gets the egress rule). */
    readonly source: pulumi.Input<string>;
    /** The group traffic reaches (gets the ingress rule). */
    readonly target: pulumi.Input<string>;
    /** The TCP port. */
    readonly port: number;
    /** What the path is for, in both rules' descriptions (`To …` / `From …` are added). */
    readonly from: string;
    readonly to: string;
    /** `Name` tag stem of both rules (`-out` / `-in` are added). */
    readonly tagName: string;
}

/**
 * Opens one path between two security groups as AWS evaluates it, at both ends: the egress rule on
 * the source and the ingress rule on the target, each naming the other group by reference (not by
 * address), as separate rule resources so no group carries inline rules.
 */
export function openSecurityGroupPath(parent: pulumi.Resource, name: string, path: SecurityGroupPath): void {
    const ends = [
        { direction: "out", group: path.source, peer: path.target, description: `To ${path.to}` },
        { direction: "in", group: path.target, peer: path.source, description: `From ${path.from}` },
    ] as const;
    for (const end of ends) {
        securityGroupRule(
            end.direction,
            end.group,
            { resourceName: `${name}-${end.direction}`, tagName: `${path.tagName}-${end.direction}` },
            { description: `${end.description} on ${path.port}`, port: path.port, peer: { referencedSecurityGroupId: end.peer } },
            { parent },
        );
    }
}
