import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkWhenKnown, fail, refuseRepeats, validMatching, validNonEmptyList, validWholeNumber } from "../../validation/argument-error";
import { SECURITY_GROUP_ID, validAccountId, validKeyArn, validRegion } from "../../validation/aws-identifiers";
import { validLogGroupName, validLogGroupNamePrefix } from "../../validation/log-groups";
import { validLogRetentionDays } from "../../validation/log-retention";
import { validAlbListenerArnIn, validCertificateArnIn } from "../../validation/regional-arns";
import { validNameKey } from "../../validation/name-keys";
import { validHostName, validHttpsUrl } from "../../validation/web-addresses";
import { resourceTags } from "../network/resource-tags";
import { GATEWAY_ACCESS_LOG_FORMAT } from "./gateway-access-log";

/** The corporate identity provider whose access tokens the gateway accepts. */
export interface JwtAuthorizerSettings {
    /** The issuer, an https URL exactly as the tokens' `iss` claim carries it (its OIDC discovery document must be public). */
    issuer: string;
    /** Accepted audiences: a token's `aud` (or `client_id`) must match one of them. At least one. */
    audiences: string[];
    /**
     * OAuth scopes: a token must carry at least one of them in `scope` or `scp`. At least one:
     * without scopes an OpenID Connect ID token of the same audience would be accepted as access.
     */
    scopes: string[];
}

/** The default route's throttling (API Gateway's token bucket, on top of the account's per-region quota). */
export interface GatewayThrottling {
    /** Steady-state requests per second: more than 0, at most the account's default quota of 10,000. */
    rateLimit: number;
    /** Burst (the bucket's size) in requests: a whole number from 1 to the account's default quota of 5,000. */
    burstLimit: number;
}

export interface LegacyGatewayArgs {
    /** Environment name: names and `Name` tags. */
    environment: string;
    /** Application key (config `workloads.applications.<name>`): names, tags and the log group. */
    application: string;
    /** Region of the API, its certificate and its log group. */
    region: string;
    /** Account of the API, its certificate and the internal load balancer. */
    accountId: string;
    /** The custom domain the application is reached at, and the only way in (the execute-api endpoint is off). */
    hostname: string;
    /** ACM certificate for `hostname`, in this region and account (a regional custom domain's certificate lives in its region). */
    certificateArn: string;
    /** The corporate identity provider (issuer, audiences, scopes) every route requires a token from. */
    jwt: JwtAuthorizerSettings;
    /** Throttling of every route. */
    throttling: GatewayThrottling;
    /** Private subnets the VPC link's network interfaces are placed in (one per AZ). */
    privateSubnetIds: pulumi.Input<string>[];
    /**
     * The VPC link's security group, created by the integrator: the internal endpoint admits it on
     * 443, and its egress to that endpoint is declared there, not here.
     */
    vpcLinkSecurityGroupId: pulumi.Input<string>;
    /** The HTTPS listener of the internal Application Load Balancer in front of the application. */
    listenerArn: pulumi.Input<string>;
    /** The name on the internal listener's certificate: the gateway verifies the load balancer's certificate against it. */
    listenerHostname: string;
    /** The environment's logs key (its policy admits CloudWatch Logs for log groups under `logGroupNamePrefix`). */
    accessLogKeyArn: pulumi.Input<string>;
    /** The environment's log-group prefix (`/zero-trust/<env>/`); the access logs go to `<prefix>gateways/<application>`. */
    logGroupNamePrefix: string;
    /** Days the access logs are kept; a value CloudWatch Logs accepts. */
    logRetentionDays: number;
}

/** The account's default API Gateway quota per region (requests per second, burst); a stage cannot go beyond it. */
export const GATEWAY_RATE_LIMIT_MAX = 10_000;
export const GATEWAY_BURST_LIMIT_MAX = 5_000;

/** Both routes: everything below `/`, and `/` itself (a greedy `{proxy+}` needs at least one segment). */
export const GATEWAY_ROUTE_KEYS = ["ANY /{proxy+}", "ANY /"] as const;

// RFC 6749, section 3.3: a scope token is one or more printable ASCII characters except space, " and \.
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/**
 * A legacy application reached only through API Gateway: a client presents an access token from
 * the corporate identity provider, the gateway verifies it, and only then forwards the request,
 * unchanged, over a VPC link and HTTPS to the internal load balancer in front of the application.
 * The application's code does not change.
 *
 * An HTTP API, not a REST API: its JWT authorizer verifies the identity provider's tokens natively
 * (issuer, audience, expiry, scopes) with no Lambda to run, its VPC link reaches an Application
 * Load Balancer listener directly, the integration's `tlsConfig` makes the gateway speak HTTPS to
 * the load balancer and check its certificate's name, and it costs less per request. REST APIs
 * have since gained JWT authorizers and VPC links to ALBs too; they remain the choice where AWS WAF,
 * resource policies or per-client usage plans are required, which this pattern does not use.
 *
 * Built: the API (execute-api endpoint disabled, so the custom domain is the only way in), one
 * JWT authorizer, the routes `ANY /{proxy+}` and `ANY /`, each with that authorizer and the
 * scopes, the VPC link and HTTPS private integration, the `$default` stage (auto-deployed, access
 * logs into a log group encrypted with the logs key, throttling), the custom domain (regional,
 * TLS 1.2) and its API mapping. No route is without the authorizer, and there is no CORS
 * configuration: a preflight `OPTIONS` carries no token and is refused like any other request. A
 * legacy application is served from its own host name, so its pages never need a cross-origin call.
 */
export class LegacyGateway extends pulumi.ComponentResource {
    /** Id of the HTTP API. */
    public readonly apiId: pulumi.Output<string>;
    /** The URL clients use: `https://<hostname>` (the custom domain; the execute-api endpoint is disabled). */
    public readonly apiEndpoint: pulumi.Output<string>;
    /** The regional domain name the DNS record for `hostname` points at (alias or CNAME). */
    public readonly domainNameTarget: pulumi.Output<string>;
    /** ARN of the `$default` stage. */
    public readonly stageArn: pulumi.Output<string>;

    constructor(name: string, args: LegacyGatewayArgs, opts?: pulumi.ComponentResourceOptions) {
        const logGroupName = checkArgs(args);
        super("zero-trust:workload:LegacyGateway", name, {}, opts);
        const label = `${args.environment}-${args.application}`;
        const tags = resourceTags(`${label}-gateway`);

        const api = new aws.apigatewayv2.Api(
            `${name}-api`,
            {
                name: label,
                protocolType: "HTTP",
                description: `The only way in to ${args.application}: ${args.hostname}, with a token from ${args.jwt.issuer}`,
                // The default https://<id>.execute-api.<region>.amazonaws.com would be a second door.
                disableExecuteApiEndpoint: true,
                tags,
            },
            { parent: this },
        );

        const authorizer = new aws.apigatewayv2.Authorizer(
            `${name}-jwt`,
            {
                apiId: api.id,
                name: "corporate-identity-provider",
                authorizerType: "JWT",
                identitySources: ["$request.header.Authorization"],
                jwtConfiguration: { issuer: args.jwt.issuer, audiences: args.jwt.audiences },
            },
            { parent: this },
        );

        const vpcLink = new aws.apigatewayv2.VpcLink(
            `${name}-vpc-link`,
            {
                name: label,
                subnetIds: args.privateSubnetIds,
                securityGroupIds: [args.vpcLinkSecurityGroupId],
                tags,
            },
            { parent: this },
        );

        const integration = new aws.apigatewayv2.Integration(
            `${name}-integration`,
            {
                apiId: api.id,
                description: `${args.application}'s internal load balancer, over HTTPS`,
                integrationType: "HTTP_PROXY",
                integrationMethod: "ANY",
                connectionType: "VPC_LINK",
                connectionId: vpcLink.id,
                integrationUri: args.listenerArn,
                // HTTP proxy integrations take the 1.0 payload; the request is passed through unchanged.
                payloadFormatVersion: "1.0",
                // Without tlsConfig a private integration speaks plain HTTP; with it, HTTPS to the
                // listener, SNI and the certificate checked against this name.
                tlsConfig: { serverNameToVerify: args.listenerHostname },
            },
            { parent: this },
        );

        for (const routeKey of GATEWAY_ROUTE_KEYS) {
            new aws.apigatewayv2.Route(
                `${name}-route-${routeKey === "ANY /" ? "root" : "proxy"}`,
                {
                    apiId: api.id,
                    routeKey,
                    target: pulumi.interpolate`integrations/${integration.id}`,
                    authorizationType: "JWT",
                    authorizerId: authorizer.id,
                    authorizationScopes: args.jwt.scopes,
                },
                { parent: this },
            );
        }

        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-access-logs`,
            {
                name: logGroupName,
                retentionInDays: args.logRetentionDays,
                kmsKeyId: args.accessLogKeyArn,
                tags: resourceTags(`${label}-gateway-access-logs`),
            },
            // Who came in, with which token: the record outlives a change of the gateway.
            { parent: this, protect: true },
        );

        const stage = new aws.apigatewayv2.Stage(
            `${name}-stage`,
            {
                apiId: api.id,
                // `$default`: served at the domain's root, and no stage name is added to the path the application sees.
                name: "$default",
                autoDeploy: true,
                accessLogSettings: { destinationArn: logGroup.arn, format: GATEWAY_ACCESS_LOG_FORMAT },
                defaultRouteSettings: {
                    throttlingRateLimit: args.throttling.rateLimit,
                    throttlingBurstLimit: args.throttling.burstLimit,
                },
                tags,
            },
            { parent: this },
        );

        const domain = new aws.apigatewayv2.DomainName(
            `${name}-domain`,
            {
                domainName: args.hostname,
                domainNameConfiguration: {
                    certificateArn: args.certificateArn,
                    endpointType: "REGIONAL",
                    // The only policy HTTP API custom domains offer: TLS 1.2 and newer.
                    securityPolicy: "TLS_1_2",
                },
                tags,
            },
            { parent: this },
        );

        new aws.apigatewayv2.ApiMapping(`${name}-mapping`, { apiId: api.id, domainName: domain.id, stage: stage.id }, { parent: this });

        this.apiId = api.id;
        this.apiEndpoint = pulumi.output(`https://${args.hostname}`);
        this.domainNameTarget = domain.domainNameConfiguration.targetDomainName;
        this.stageArn = stage.arn;
        this.registerOutputs({
            apiId: this.apiId,
            apiEndpoint: this.apiEndpoint,
            domainNameTarget: this.domainNameTarget,
            stageArn: this.stageArn,
        });
    }
}

/** The gateway's arguments, checked before anything is declared; returns the access log group's name. */
function checkArgs(args: LegacyGatewayArgs): string {
    const named = (parameter: string) => `LegacyGateway: ${parameter}`;
    validNameKey(named("environment"), args.environment);
    validNameKey(named("application"), args.application);
    const region = validRegion(named("region"), args.region);
    const accountId = validAccountId(named("accountId"), args.accountId);
    validHostName(named("hostname"), args.hostname);
    validCertificateArnIn(named("certificateArn"), args.certificateArn, region, accountId);
    validHostName(named("listenerHostname"), args.listenerHostname);
    checkWhenKnown(named("listenerArn"), args.listenerArn, (parameter, value) =>
        validAlbListenerArnIn(parameter, value, region, accountId),
    );
    checkWhenKnown(named("accessLogKeyArn"), args.accessLogKeyArn, validKeyArn);
    checkWhenKnown(named("vpcLinkSecurityGroupId"), args.vpcLinkSecurityGroupId, (parameter, value) =>
        validMatching(parameter, value, SECURITY_GROUP_ID, "a security group id (sg- and 8 or 17 hexadecimal digits)"),
    );
    validNonEmptyList(named("privateSubnetIds"), args.privateSubnetIds, "a non-empty list of private subnet ids (one per AZ)");
    checkJwt(args.jwt);
    checkThrottling(args.throttling);
    validLogRetentionDays(named("logRetentionDays"), args.logRetentionDays);
    const prefix = validLogGroupNamePrefix(named("logGroupNamePrefix"), args.logGroupNamePrefix);
    return validLogGroupName(named("logGroupNamePrefix"), `${prefix}gateways/${args.application}`, prefix);
}

function checkJwt(jwt: JwtAuthorizerSettings): void {
    if (jwt === null || typeof jwt !== "object") {
        fail("LegacyGateway: jwt", jwt, "an object { issuer, audiences, scopes }");
    }
    validHttpsUrl("LegacyGateway: jwt.issuer", jwt.issuer);
    const audiences = validNonEmptyList("LegacyGateway: jwt.audiences", jwt.audiences, "a non-empty list of audiences");
    for (const audience of audiences) {
        if (typeof audience !== "string" || audience.trim() === "" || audience !== audience.trim()) {
            fail("LegacyGateway: jwt.audiences", audience, "an audience (a non-empty string without surrounding spaces)");
        }
    }
    refuseRepeats("LegacyGateway: jwt.audiences", audiences);
    const scopes = validNonEmptyList(
        "LegacyGateway: jwt.scopes",
        jwt.scopes,
        "a non-empty list of OAuth scopes (without one, an ID token of the same audience would pass)",
    );
    for (const scope of scopes) {
        if (typeof scope !== "string" || !SCOPE_TOKEN.test(scope)) {
            fail("LegacyGateway: jwt.scopes", scope, 'an OAuth scope (printable ASCII, no space, " or \\)');
        }
    }
    refuseRepeats("LegacyGateway: jwt.scopes", scopes);
}

function checkThrottling(throttling: GatewayThrottling): void {
    if (throttling === null || typeof throttling !== "object") {
        fail("LegacyGateway: throttling", throttling, "an object { rateLimit, burstLimit }");
    }
    const rate = throttling.rateLimit;
    if (typeof rate !== "number" || !Number.isFinite(rate) || rate <= 0 || rate > GATEWAY_RATE_LIMIT_MAX) {
        fail(
            "LegacyGateway: throttling.rateLimit",
            rate,
            `a number of requests per second above 0 and at most ${GATEWAY_RATE_LIMIT_MAX} (the account's default quota)`,
        );
    }
    validWholeNumber("LegacyGateway: throttling.burstLimit", throttling.burstLimit, 1, GATEWAY_BURST_LIMIT_MAX, "requests");
}
