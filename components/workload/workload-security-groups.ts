import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { validNameKey } from "../../validation/name-keys";
import { validPort } from "../../validation/ports";
import { resourceTags } from "../network/resource-tags";
import { securityGroupRule, suffixedRuleNames, type RuleDirection, type SuffixedRule } from "../network/security-group-rule";

export interface WorkloadSecurityGroupsArgs {
    /** Environment name, used in `Name` tags. */
    environment: string;
    /** The application the groups belong to. */
    application: string;
    /** The environment's VPC. */
    vpcId: pulumi.Input<string>;
    /** Security group of the VPC's interface endpoints: the tasks reach AWS through them on 443. */
    endpointSecurityGroupId: pulumi.Input<string>;
    /** Prefix list of each gateway endpoint by service (s3 carries ECR's image layers), reached on 443. */
    gatewayPrefixListIds: Readonly<Record<string, pulumi.Input<string>>>;
    /** The database's port, when the application has one: it gets a database group only the service reaches. */
    databasePort?: number;
    /** Whether the application is legacy: it gets the group of its API Gateway VPC link. */
    legacy: boolean;
}

/**
 * The security groups of one application, created before the pieces that use them so that every
 * path can name both of its ends: the service's tasks (egress to the VPC endpoints only), its
 * database (ingress from the service only, no egress) and, for a legacy application, its API
 * Gateway VPC link (rules added by the internal endpoint it reaches). Groups carry no inline rules;
 * the paths in from load balancers and between services are declared by the components that open
 * them (entry route, internal endpoint), each with both ends.
 */
export class WorkloadSecurityGroups extends pulumi.ComponentResource {
    /** The service's tasks. */
    public readonly serviceSecurityGroupId: pulumi.Output<string>;
    /** The database; undefined without `databasePort`. */
    public readonly databaseSecurityGroupId: pulumi.Output<string> | undefined;
    /** The API Gateway VPC link; undefined unless `legacy`. */
    public readonly gatewaySecurityGroupId: pulumi.Output<string> | undefined;

    constructor(name: string, args: WorkloadSecurityGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        validNameKey("WorkloadSecurityGroups: application", args.application);
        if (args.databasePort !== undefined) {
            validPort("WorkloadSecurityGroups: databasePort", args.databasePort);
        }
        super("zero-trust:workload:WorkloadSecurityGroups", name, {}, opts);
        const prefix = `${args.environment}-${args.application}`;
        const group = (role: string, description: string) =>
            new aws.ec2.SecurityGroup(
                `${name}-${role}`,
                { vpcId: args.vpcId, description, revokeRulesOnDelete: true, tags: resourceTags(`${prefix}-${role}`) },
                { parent: this },
            );
        const allow = (direction: RuleDirection, target: aws.ec2.SecurityGroup, role: string, rule: SuffixedRule) =>
            securityGroupRule(direction, target.id, suffixedRuleNames(`${name}-${role}`, `${prefix}-${role}`, direction, rule), rule, {
                parent: this,
            });

        const service = group("service", `${args.application}: its tasks; in only from the load balancers in front of it`);
        allow("out", service, "service", {
            suffix: "endpoints",
            description: "To the VPC's interface endpoints",
            port: 443,
            peer: { referencedSecurityGroupId: args.endpointSecurityGroupId },
        });
        for (const [endpointService, prefixListId] of Object.entries(args.gatewayPrefixListIds)) {
            allow("out", service, "service", {
                suffix: endpointService,
                description: `HTTPS to ${endpointService} through its gateway endpoint`,
                port: 443,
                peer: { prefixListId },
            });
        }

        let database: aws.ec2.SecurityGroup | undefined;
        if (args.databasePort !== undefined) {
            database = group("database", `${args.application}: its database; in only from its service`);
            const port = args.databasePort;
            allow("out", service, "service", {
                suffix: "database",
                description: "To its database",
                port,
                peer: { referencedSecurityGroupId: database.id },
            });
            allow("in", database, "database", {
                suffix: "service",
                description: "From its service",
                port,
                peer: { referencedSecurityGroupId: service.id },
            });
        }
        const gateway = args.legacy ? group("gateway", `${args.application}: its API Gateway VPC link`) : undefined;

        this.serviceSecurityGroupId = service.id;
        this.databaseSecurityGroupId = database?.id;
        this.gatewaySecurityGroupId = gateway?.id;
        this.registerOutputs({
            serviceSecurityGroupId: this.serviceSecurityGroupId,
            databaseSecurityGroupId: this.databaseSecurityGroupId,
            gatewaySecurityGroupId: this.gatewaySecurityGroupId,
        });
    }
}
