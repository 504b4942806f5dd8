import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { resourceTags } from "../network/resource-tags";

/** What a load balancer needs to reach one application's tasks. */
export interface HttpsTargetGroupSettings {
    /** The VPC of the tasks. */
    readonly vpcId: pulumi.Input<string>;
    /** The port the tasks serve HTTPS on. */
    readonly servicePort: number;
    /** Path the load balancer checks health on, over HTTPS. */
    readonly healthCheckPath: string;
    /** The target group's `Name` tag. */
    readonly nameTag: string;
}

/** Status codes a healthy task answers its health check with. */
export const HEALTHY_STATUS_CODES = "200-299";

/**
 * The target group in front of an application's Fargate tasks: `ip` targets (awsvpc tasks register
 * by address), HTTPS to the tasks so traffic is encrypted again past the load balancer, HTTP/1.1
 * (what every container's TLS server speaks), and health checks over HTTPS on the application's path.
 */
export function httpsTargetGroup(parent: pulumi.Resource, name: string, settings: HttpsTargetGroupSettings): aws.lb.TargetGroup {
    return new aws.lb.TargetGroup(
        name,
        {
            vpcId: settings.vpcId,
            targetType: "ip",
            port: settings.servicePort,
            protocol: "HTTPS",
            protocolVersion: "HTTP1",
            healthCheck: {
                enabled: true,
                protocol: "HTTPS",
                path: settings.healthCheckPath,
                port: "traffic-port",
                matcher: HEALTHY_STATUS_CODES,
            },
            tags: resourceTags(settings.nameTag),
        },
        { parent },
    );
}
