import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { fail, refuseRepeats, validChoice, validNonEmptyList } from "../../validation/argument-error";
import { validNameKey } from "../../validation/name-keys";
import { validPort } from "../../validation/ports";
import {
    DEFAULT_SSL_POLICY,
    HARDENED_APPLICATION_LOAD_BALANCER,
    TLS12_SSL_POLICIES,
    type Tls12SslPolicy,
} from "../network/internet-entry-point";
import { resourceTags } from "../network/resource-tags";
import { httpsTargetGroup } from "./https-target-group";
import { checkCertificateArn, checkSecurityGroupId, checkTrustStoreArn, checkVpcId, validHealthCheckPath } from "./load-balancing-args";
import { openSecurityGroupPath } from "./security-group-path";

/** The port callers reach the endpoint on. */
export const ENDPOINT_PORT = 443;

/** An Application Load Balancer needs subnets in at least two Availability Zones. */
export const MIN_SUBNETS = 2;

/** Client-certificate authentication on the endpoint's listener. */
export interface ClientCertificates {
    /** The ALB trust store whose CAs must have signed a caller's certificate (`PrivateCertificateAuthority.trustStoreArn`). */
    trustStoreArn: pulumi.Input<string>;
}

export interface InternalServiceEndpointArgs {
    /** Environment name, used in `Name` tags. */
    environment: string;
    /** The application's key (`workloads.applications.<name>`). */
    application: string;
    /** The VPC of the service. */
    vpcId: pulumi.Input<string>;
    /** Private subnets the internal load balancer is placed in (one per AZ, at least two). */
    privateSubnetIds: pulumi.Input<string>[];
    /** ACM certificate the listener presents (config `internalCertificateArn`). */
    certificateArn: pulumi.Input<string>;
    /** Security policy of the listener (TLS 1.2+ only); default TLS 1.3 and 1.2. */
    sslPolicy?: Tls12SslPolicy;
    /** The application's task security group: gets the ingress rule from the endpoint. */
    serviceSecurityGroupId: pulumi.Input<string>;
    /** The port the tasks serve HTTPS on. */
    servicePort: number;
    /** Path the load balancer checks the tasks' health on, over HTTPS. */
    healthCheckPath: string;
    /** The only groups that reach the endpoint (on 443): the declared callers' task groups, or the API Gateway VPC link's group. */
    allowedSecurityGroupIds: pulumi.Input<string>[];
    /** Present: the listener verifies client certificates against this trust store (mutual TLS, verify mode). */
    clientCertificates?: ClientCertificates;
}

/**
 * The way to one service from inside the VPC: an internal Application Load Balancer in the private
 * subnets with its own security group, an HTTPS listener (TLS 1.2+) that, with `clientCertificates`,
 * completes a handshake only with callers presenting a certificate that chains to the trust store
 * (verify mode; an expired certificate is refused), and an HTTPS target group of the service's
 * tasks. The network admits exactly the allowed groups on 443 and the endpoint to the service on the
 * service port, each path declared at both ends.
 */
export class InternalServiceEndpoint extends pulumi.ComponentResource {
    /** ARN of the HTTPS listener. */
    public readonly listenerArn: pulumi.Output<string>;
    /** ARN of the internal load balancer. */
    public readonly loadBalancerArn: pulumi.Output<string>;
    /** DNS name callers connect to (covered by the listener's certificate through a private DNS record). */
    public readonly dnsName: pulumi.Output<string>;
    /** Hosted zone of the load balancer's DNS name (the target of an alias record). */
    public readonly zoneId: pulumi.Output<string>;
    /** The endpoint's own security group. */
    public readonly securityGroupId: pulumi.Output<string>;
    /** ARN of the target group, which the service registers its tasks in. */
    public readonly targetGroupArn: pulumi.Output<string>;

    constructor(name: string, args: InternalServiceEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        const sslPolicy = checkArgs(args);
        super("zero-trust:workload:InternalServiceEndpoint", name, {}, opts);
        const stem = `${args.environment}-${args.application}-internal`;

        const group = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: args.vpcId,
                description: `Internal load balancer of ${args.application}: HTTPS from its declared callers only`,
                revokeRulesOnDelete: true,
                tags: resourceTags(`${stem}-lb`),
            },
            { parent: this },
        );
        args.allowedSecurityGroupIds.forEach((caller, index) =>
            openSecurityGroupPath(this, `${name}-caller-${index}`, {
                source: caller,
                target: group.id,
                port: ENDPOINT_PORT,
                from: "a declared caller",
                to: `the internal load balancer of ${args.application}`,
                tagName: `${stem}-caller-${index}`,
            }),
        );
        openSecurityGroupPath(this, `${name}-lb-to-service`, {
            source: group.id,
            target: args.serviceSecurityGroupId,
            port: args.servicePort,
            from: `the internal load balancer of ${args.application}`,
            to: `${args.application} tasks`,
            tagName: `${stem}-lb-to-service`,
        });

        const loadBalancer = new aws.lb.LoadBalancer(
            `${name}-alb`,
            {
                internal: true,
                ...HARDENED_APPLICATION_LOAD_BALANCER,
                subnets: args.privateSubnetIds,
                securityGroups: [group.id],
                tags: resourceTags(`${stem}-alb`),
            },
            { parent: this },
        );
        const targetGroup = httpsTargetGroup(this, `${name}-targets`, {
            vpcId: args.vpcId,
            servicePort: args.servicePort,
            healthCheckPath: args.healthCheckPath,
            nameTag: `${stem}-targets`,
        });
        const listener = new aws.lb.Listener(
            `${name}-https`,
            {
                loadBalancerArn: loadBalancer.arn,
                port: ENDPOINT_PORT,
                protocol: "HTTPS",
                sslPolicy,
                certificateArn: args.certificateArn,
                ...(args.clientCertificates === undefined
                    ? {}
                    : {
                          mutualAuthentication: {
                              mode: "verify",
                              trustStoreArn: args.clientCertificates.trustStoreArn,
                              ignoreClientCertificateExpiry: false,
                          },
                      }),
                defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
                tags: resourceTags(`${stem}-https`),
            },
            { parent: this },
        );

        this.listenerArn = listener.arn;
        this.loadBalancerArn = loadBalancer.arn;
        this.dnsName = loadBalancer.dnsName;
        this.zoneId = loadBalancer.zoneId;
        this.securityGroupId = group.id;
        this.targetGroupArn = targetGroup.arn;
        this.registerOutputs({
            listenerArn: this.listenerArn,
            loadBalancerArn: this.loadBalancerArn,
            dnsName: this.dnsName,
            zoneId: this.zoneId,
            securityGroupId: this.securityGroupId,
            targetGroupArn: this.targetGroupArn,
        });
    }
}

/** The endpoint's invariants, checked before anything is declared; returns the listener's security policy. */
function checkArgs(args: InternalServiceEndpointArgs): Tls12SslPolicy {
    validNameKey("InternalServiceEndpoint: environment", args.environment);
    validNameKey("InternalServiceEndpoint: application", args.application);
    checkVpcId("InternalServiceEndpoint: vpcId", args.vpcId);
    if (!Array.isArray(args.privateSubnetIds) || args.privateSubnetIds.length < MIN_SUBNETS) {
        fail(
            "InternalServiceEndpoint: privateSubnetIds",
            args.privateSubnetIds,
            `a list of at least ${MIN_SUBNETS} private subnet ids in different AZs (an ALB needs two)`,
        );
    }
    checkCertificateArn("InternalServiceEndpoint: certificateArn", args.certificateArn);
    const sslPolicy = validChoice("InternalServiceEndpoint: sslPolicy", args.sslPolicy, TLS12_SSL_POLICIES, DEFAULT_SSL_POLICY);
    checkSecurityGroupId("InternalServiceEndpoint: serviceSecurityGroupId", args.serviceSecurityGroupId);
    validPort("InternalServiceEndpoint: servicePort", args.servicePort);
    validHealthCheckPath("InternalServiceEndpoint: healthCheckPath", args.healthCheckPath);
    validNonEmptyList(
        "InternalServiceEndpoint: allowedSecurityGroupIds",
        args.allowedSecurityGroupIds,
        "a non-empty list of security group ids (an endpoint nobody may reach has no use)",
    );
    args.allowedSecurityGroupIds.forEach((id, index) =>
        checkSecurityGroupId(`InternalServiceEndpoint: allowedSecurityGroupIds[${index}]`, id),
    );
    refuseRepeats(
        "InternalServiceEndpoint: allowedSecurityGroupIds",
        args.allowedSecurityGroupIds.filter((id) => typeof id === "string"),
    );
    if (args.clientCertificates !== undefined) {
        checkTrustStoreArn("InternalServiceEndpoint: clientCertificates.trustStoreArn", args.clientCertificates.trustStoreArn);
    }
    return sslPolicy;
}
