import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { fail, refuseRepeats, validMatching } from "../../validation/argument-error";
import { validNameKey } from "../../validation/name-keys";
import { validPort } from "../../validation/ports";
import { resourceTags } from "../network/resource-tags";
import { httpsTargetGroup } from "./https-target-group";
import { checkListenerArn, checkSecurityGroupId, checkVpcId, validHealthCheckPath } from "./load-balancing-args";
import { openSecurityGroupPath } from "./security-group-path";

// Listener-rule limits of an Application Load Balancer (ELB User Guide, "Listener rules"): up to
// three values per condition and five per rule; priorities from 1 to 50000.
export const MAX_VALUES_PER_CONDITION = 3;
export const MAX_VALUES_PER_RULE = 5;
export const MAX_RULE_PRIORITY = 50000;

/** A host condition value: up to 128 of A-Z a-z 0-9 - . and the wildcards * ? (ELB User Guide, "Host conditions"). */
const HOST_PATTERN = /^[A-Za-z0-9.*?-]{1,128}$/;
/** A path condition value: up to 128 of A-Z a-z 0-9 _ - . $ / ~ " ' @ : + & * ? (ELB User Guide, "Path conditions"), starting with / or *. */
const PATH_PATTERN = /^[/*][A-Za-z0-9_\-.$/~"'@:+&*?]{0,127}$/;

export interface EntryRouteArgs {
    /** Environment name, used in `Name` tags. */
    environment: string;
    /** The application's key (`workloads.applications.<name>`). */
    application: string;
    /** The VPC of the application's tasks. */
    vpcId: pulumi.Input<string>;
    /** ARN of the internet-facing load balancer's HTTPS listener (`InternetEntryPoint.httpsListenerArn`). */
    listenerArn: pulumi.Input<string>;
    /** The internet-facing load balancer's security group: gets the egress rule to the service. */
    loadBalancerSecurityGroupId: pulumi.Input<string>;
    /** The application's task security group: gets the ingress rule from the load balancer. */
    serviceSecurityGroupId: pulumi.Input<string>;
    /** The port the tasks serve HTTPS on. */
    servicePort: number;
    /** Path the load balancer checks the tasks' health on, over HTTPS. */
    healthCheckPath: string;
    /** Host names the rule matches (with `paths`: both must match); at most 3. */
    hosts?: string[];
    /** Path patterns the rule matches (with `hosts`: both must match); at most 3, and at most 5 values with `hosts`. */
    paths?: string[];
    /** The rule's priority on the listener, unique there: 1 (first) to 50000. */
    priority: number;
}

/**
 * An application's way in from the internet: a rule on the environment's internet-facing HTTPS
 * listener that forwards requests for its hosts and/or paths to an HTTPS target group of its tasks
 * (re-encrypted to the service, health-checked over HTTPS), and the one network path that takes:
 * load balancer group → service group on the service port, declared at both ends.
 */
export class EntryRoute extends pulumi.ComponentResource {
    /** ARN of the target group, which the service registers its tasks in. */
    public readonly targetGroupArn: pulumi.Output<string>;

    constructor(name: string, args: EntryRouteArgs, opts?: pulumi.ComponentResourceOptions) {
        const { hosts, paths } = checkArgs(args);
        super("zero-trust:workload:EntryRoute", name, {}, opts);
        const stem = `${args.environment}-${args.application}-entry`;

        const targetGroup = httpsTargetGroup(this, `${name}-targets`, {
            vpcId: args.vpcId,
            servicePort: args.servicePort,
            healthCheckPath: args.healthCheckPath,
            nameTag: `${stem}-targets`,
        });
        new aws.lb.ListenerRule(
            `${name}-rule`,
            {
                listenerArn: args.listenerArn,
                priority: args.priority,
                actions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
                conditions: [
                    ...(hosts.length > 0 ? [{ hostHeader: { values: hosts } }] : []),
                    ...(paths.length > 0 ? [{ pathPattern: { values: paths } }] : []),
                ],
                tags: resourceTags(`${stem}-rule`),
            },
            { parent: this },
        );
        openSecurityGroupPath(this, `${name}-lb-to-service`, {
            source: args.loadBalancerSecurityGroupId,
            target: args.serviceSecurityGroupId,
            port: args.servicePort,
            from: "the internet-facing load balancer",
            to: `${args.application} tasks`,
            tagName: `${stem}-lb-to-service`,
        });

        this.targetGroupArn = targetGroup.arn;
        this.registerOutputs({ targetGroupArn: this.targetGroupArn });
    }
}

/** The values of one condition, each matching `pattern`, at most three, none twice. */
function conditionValues(parameter: string, value: unknown, pattern: RegExp, expected: string): string[] {
    if (value === undefined) {
        return [];
    }
    if (!Array.isArray(value) || value.length > MAX_VALUES_PER_CONDITION) {
        fail(parameter, value, `a list of at most ${MAX_VALUES_PER_CONDITION} values (an ALB rule condition's limit)`);
    }
    const values = value.map((v, i) => validMatching(`${parameter}[${i}]`, v, pattern, expected));
    return [...refuseRepeats(parameter, values)];
}

/** The route's invariants, checked before anything is declared; returns the rule's condition values. */
function checkArgs(args: EntryRouteArgs): { hosts: string[]; paths: string[] } {
    validNameKey("EntryRoute: environment", args.environment);
    validNameKey("EntryRoute: application", args.application);
    checkVpcId("EntryRoute: vpcId", args.vpcId);
    checkListenerArn("EntryRoute: listenerArn", args.listenerArn);
    checkSecurityGroupId("EntryRoute: loadBalancerSecurityGroupId", args.loadBalancerSecurityGroupId);
    checkSecurityGroupId("EntryRoute: serviceSecurityGroupId", args.serviceSecurityGroupId);
    validPort("EntryRoute: servicePort", args.servicePort);
    validHealthCheckPath("EntryRoute: healthCheckPath", args.healthCheckPath);
    const hosts = conditionValues("EntryRoute: hosts", args.hosts, HOST_PATTERN, "a host name (up to 128 of A-Z a-z 0-9 - . * ?)");
    const paths = conditionValues(
        "EntryRoute: paths",
        args.paths,
        PATH_PATTERN,
        "a path pattern (starting with / or *, up to 128 of A-Z a-z 0-9 _ - . $ / ~ \" ' @ : + & * ?)",
    );
    const total = hosts.length + paths.length;
    if (total === 0 || total > MAX_VALUES_PER_RULE) {
        fail(
            "EntryRoute: hosts + paths",
            [...hosts, ...paths],
            `from 1 to ${MAX_VALUES_PER_RULE} values in all (a rule needs a condition; an ALB rule takes at most ${MAX_VALUES_PER_RULE})`,
        );
    }
    if (!Number.isInteger(args.priority) || args.priority < 1 || args.priority > MAX_RULE_PRIORITY) {
        fail("EntryRoute: priority", args.priority, `a whole number from 1 to ${MAX_RULE_PRIORITY} (an ALB listener rule priority)`);
    }
    return { hosts, paths };
}
