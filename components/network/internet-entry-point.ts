import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { validChoice, validMatching, validNonEmptyList } from "../../validation/argument-error";
import { validBucketName } from "../../validation/aws-identifiers";
import { resourceTags } from "./resource-tags";

/**
 * ELB security policies that negotiate TLS 1.2 or newer only (no TLS 1.0/1.1), the ones an HTTPS
 * listener may use. See "Security policies for your Application Load Balancer" in the ELB docs.
 */
export const TLS12_SSL_POLICIES = [
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS-1-2-2017-01",
    "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
    "ELBSecurityPolicy-FS-1-2-2019-08",
    "ELBSecurityPolicy-FS-1-2-Res-2019-08",
    "ELBSecurityPolicy-FS-1-2-Res-2020-10",
] as const;

/** An ELB security policy that allows TLS 1.2 and newer only. */
export type Tls12SslPolicy = (typeof TLS12_SSL_POLICIES)[number];

/** TLS 1.3 and 1.2, AWS's recommended policy for HTTPS listeners. */
export const DEFAULT_SSL_POLICY: Tls12SslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** The internet-facing load balancer of an environment, as stack config describes it. */
export interface LoadBalancerSettings {
    /** ACM certificate of the HTTPS listener, in the load balancer's account and region. */
    certificateArn: string;
    /** Security policy of the HTTPS listener (TLS 1.2+ only). */
    sslPolicy: Tls12SslPolicy;
    /** Present: the HTTPS listener admits only clients whose certificate chains to this CA bundle (mutual TLS, verify mode). */
    clientCertificates?: ClientCertificateBundle;
}

export interface InternetEntryPointArgs extends LoadBalancerSettings {
    /** Environment name, used in `Name` tags. */
    environment: string;
    /** Public subnets the load balancer is placed in (one per AZ). */
    publicSubnetIds: pulumi.Input<string>[];
    /**
     * The load balancers' security group. This component opens it to the internet (443, and 80 when
     * `allowHttpRedirect`), so it must be used by this load balancer and nothing else.
     */
    loadBalancerSecurityGroupId: pulumi.Input<string>;
    /** Also listen on HTTP (80), only to redirect every request to HTTPS. */
    allowHttpRedirect: boolean;
}

/** Where the CA bundle (PEM) that client certificates must chain to is stored. */
export interface ClientCertificateBundle {
    /** The bucket holding the bundle (readable by the deployment, in the load balancer's region). */
    caBundleS3Bucket: string;
    /** The bundle's object key. */
    caBundleS3Key: string;
}

/** An S3 object key: 1 to 1024 characters, not starting with `/`. */
const OBJECT_KEY = /^[^/][^\n]{0,1023}$/;

const INTERNET_IPV4 = "0.0.0.0/0";

/**
 * What every Application Load Balancer of the estate sets alike: IPv4 only (the VPC has no IPv6
 * CIDR), invalid headers dropped, the strictest HTTP desync mitigation, and deletion protection
 * (deleting a load balancer loses the DNS name records and callers point at).
 */
export const HARDENED_APPLICATION_LOAD_BALANCER = {
    loadBalancerType: "application",
    ipAddressType: "ipv4",
    dropInvalidHeaderFields: true,
    desyncMitigationMode: "strictest",
    enableDeletionProtection: true,
} as const;

/**
 * The single way in from the internet: an internet-facing Application Load Balancer in the public
 * subnets, an HTTPS listener (TLS 1.2+), optionally an HTTP listener that does nothing but redirect
 * to HTTPS, and the security group rules that admit the internet on exactly those listener ports.
 * With `clientCertificates`, the HTTPS listener also requires a client certificate that chains to
 * the given CA bundle (an ALB trust store, mutual TLS in verify mode).
 * The rules live here, not with the security groups, so the load balancer group is open to the
 * internet only when there is a load balancer to use it.
 */
export class InternetEntryPoint extends pulumi.ComponentResource {
    /** ARN of the load balancer. */
    public readonly loadBalancerArn: pulumi.Output<string>;
    /** DNS name of the load balancer (target of the environment's public DNS records). */
    public readonly loadBalancerDnsName: pulumi.Output<string>;
    /** ARN of the HTTPS listener, to which applications attach their listener rules. */
    public readonly httpsListenerArn: pulumi.Output<string>;

    constructor(name: string, args: InternetEntryPointArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs(args);
        super("zero-trust:network:InternetEntryPoint", name, {}, opts);
        const env = args.environment;

        // IPv4 only: the VPC has no IPv6 CIDR and the load balancer is ipv4-only.
        const internetIngress = (suffix: string, port: number, description: string) =>
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-in-${suffix}`,
                {
                    securityGroupId: args.loadBalancerSecurityGroupId,
                    description,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                    cidrIpv4: INTERNET_IPV4,
                    tags: resourceTags(`${env}-lb-in-${suffix}`),
                },
                { parent: this },
            );
        internetIngress("https-internet", 443, "HTTPS from the internet");
        if (args.allowHttpRedirect) {
            internetIngress("http-internet", 80, "HTTP from the internet, only to redirect to HTTPS");
        }

        // Access logs are not configured yet: ALB access logs support only SSE-S3 buckets, which the customer-managed-key rule forbids.
        const loadBalancer = new aws.lb.LoadBalancer(
            `${name}-alb`,
            {
                internal: false,
                ...HARDENED_APPLICATION_LOAD_BALANCER,
                subnets: args.publicSubnetIds,
                securityGroups: [args.loadBalancerSecurityGroupId],
                tags: resourceTags(`${env}-alb`),
            },
            { parent: this },
        );

        const trustStore =
            args.clientCertificates === undefined
                ? undefined
                : new aws.lb.TrustStore(
                      `${name}-trust-store`,
                      {
                          caCertificatesBundleS3Bucket: args.clientCertificates.caBundleS3Bucket,
                          caCertificatesBundleS3Key: args.clientCertificates.caBundleS3Key,
                          tags: resourceTags(`${env}-alb-trust-store`),
                      },
                      { parent: this },
                  );
        const https = new aws.lb.Listener(
            `${name}-https`,
            {
                loadBalancerArn: loadBalancer.arn,
                port: 443,
                protocol: "HTTPS",
                sslPolicy: args.sslPolicy,
                certificateArn: args.certificateArn,
                ...(trustStore === undefined
                    ? {}
                    : { mutualAuthentication: { mode: "verify", trustStoreArn: trustStore.arn, ignoreClientCertificateExpiry: false } }),
                // No application is attached yet: until applications add listener rules that forward
                // to their target groups, every request gets a 404 rather than reaching anything.
                defaultActions: [
                    { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404", messageBody: "Not found" } },
                ],
                tags: resourceTags(`${env}-alb-https`),
            },
            { parent: this },
        );

        if (args.allowHttpRedirect) {
            new aws.lb.Listener(
                `${name}-http-redirect`,
                {
                    loadBalancerArn: loadBalancer.arn,
                    port: 80,
                    protocol: "HTTP",
                    // The only action: plain HTTP never reaches an application.
                    defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
                    tags: resourceTags(`${env}-alb-http-redirect`),
                },
                { parent: this },
            );
        }

        this.loadBalancerArn = loadBalancer.arn;
        this.loadBalancerDnsName = loadBalancer.dnsName;
        this.httpsListenerArn = https.arn;
        this.registerOutputs({
            loadBalancerArn: this.loadBalancerArn,
            loadBalancerDnsName: this.loadBalancerDnsName,
            httpsListenerArn: this.httpsListenerArn,
        });
    }
}

/** The entry point's own invariants, checked before anything is declared. */
function checkArgs(args: InternetEntryPointArgs): void {
    validChoice("InternetEntryPoint: sslPolicy", args.sslPolicy, TLS12_SSL_POLICIES);
    validNonEmptyList("InternetEntryPoint: publicSubnetIds", args.publicSubnetIds, "a non-empty list of public subnet ids (one per AZ)");
    if (args.clientCertificates !== undefined) {
        validBucketName("InternetEntryPoint: clientCertificates.caBundleS3Bucket", args.clientCertificates.caBundleS3Bucket);
        validMatching(
            "InternetEntryPoint: clientCertificates.caBundleS3Key",
            args.clientCertificates.caBundleS3Key,
            OBJECT_KEY,
            "an S3 object key (1 to 1024 characters on one line, not starting with /)",
        );
    }
}
