import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { GATEWAY_ACCESS_LOG_FIELDS } from "../../components/workload/gateway-access-log";
import { LegacyGateway, type LegacyGatewayArgs } from "../../components/workload/legacy-gateway";
import { awsResourcesThrough, only, oncePerVariant, RecordingMocks, valueOf } from "../network/recording-mocks";
import { allPolicies } from "../../policy-pack/policies";
import { check, resourcePolicy } from "../policy-pack/harness";
import { assertRefusedBeforeDeclaring } from "../validation/refused-before-declaring";

const CERTIFICATE_ARN = "arn:aws:acm:eu-west-1:111111111111:certificate/3f0c2a7e-8b14-4d6a-9e25-c1d7b08f4a63";
const LISTENER_ARN =
    "arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/staging-timesheets/50dc6c495c0c9188/f2f7dc8efc522ab2";
const LOGS_KEY_ARN = "arn:aws:kms:eu-west-1:111111111111:key/0b7c1e2d-3f4a-4b5c-8d6e-7f8091a2b3c4";
const SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"];
const VPC_LINK_SG = "sg-0a1b2c3d4e5f60718";

const BASE: LegacyGatewayArgs = {
    environment: "staging",
    application: "timesheets",
    region: "eu-west-1",
    accountId: "111111111111",
    hostname: "timesheets.staging.example.com",
    certificateArn: CERTIFICATE_ARN,
    jwt: { issuer: "https://login.example.com/oauth2/default", audiences: ["api://timesheets"], scopes: ["timesheets.read"] },
    throttling: { rateLimit: 50, burstLimit: 100 },
    privateSubnetIds: SUBNETS,
    vpcLinkSecurityGroupId: VPC_LINK_SG,
    listenerArn: LISTENER_ARN,
    listenerHostname: "timesheets.internal.staging.example.com",
    accessLogKeyArn: LOGS_KEY_ARN,
    logGroupNamePrefix: "/zero-trust/staging/",
    logRetentionDays: 365,
};

const T = {
    api: "aws:apigatewayv2/api:Api",
    authorizer: "aws:apigatewayv2/authorizer:Authorizer",
    route: "aws:apigatewayv2/route:Route",
    integration: "aws:apigatewayv2/integration:Integration",
    vpcLink: "aws:apigatewayv2/vpcLink:VpcLink",
    stage: "aws:apigatewayv2/stage:Stage",
    domain: "aws:apigatewayv2/domainName:DomainName",
    mapping: "aws:apigatewayv2/apiMapping:ApiMapping",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
} as const;

interface Built {
    mocks: RecordingMocks;
    gateway: LegacyGateway;
}

/** One build per set of overrides, under a fresh recording monitor, with an explicit provider. */
const build = oncePerVariant(async (overrides: Partial<LegacyGatewayArgs> = {}): Promise<Built> => {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("test-provider", { region: BASE.region, allowedAccountIds: [BASE.accountId] });
    const gateway = new LegacyGateway("timesheets", { ...BASE, ...overrides }, { provider });
    return { mocks: await mocks.settled(), gateway };
});

describe("LegacyGateway", () => {
    let mocks: RecordingMocks;
    let gateway: LegacyGateway;
    before(async () => {
        ({ mocks, gateway } = await build());
    });

    describe("the API and its only door", () => {
        it("is one HTTP API named <env>-<app> with the execute-api endpoint disabled and no CORS configuration", () => {
            const api = only(mocks, T.api);
            assert.deepStrictEqual(
                [api.inputs.protocolType, api.inputs.name, api.inputs.disableExecuteApiEndpoint, api.inputs.corsConfiguration],
                ["HTTP", "staging-timesheets", true, undefined],
            );
        });

        it("serves a regional custom domain with the given certificate and TLS 1.2, mapped to the $default stage", () => {
            const domain = only(mocks, T.domain);
            assert.deepStrictEqual(
                [domain.inputs.domainName, domain.inputs.domainNameConfiguration],
                [
                    "timesheets.staging.example.com",
                    { certificateArn: CERTIFICATE_ARN, endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
                ],
            );
            const mapping = only(mocks, T.mapping);
            assert.deepStrictEqual(
                [mapping.inputs.apiId, mapping.inputs.domainName, mapping.inputs.stage, mapping.inputs.apiMappingKey],
                [only(mocks, T.api).id, domain.id, only(mocks, T.stage).id, undefined],
            );
        });

        it("passes the pack's tls-api-gateway-domain policy, which refuses the same domain at TLS 1.0", () => {
            const policy = resourcePolicy("tls-api-gateway-domain");
            const domain = only(mocks, T.domain);
            assert.deepStrictEqual(check(policy, T.domain, domain.inputs), []);
            const weak = { ...domain.inputs, domainNameConfiguration: { securityPolicy: "TLS_1_0" } };
            assert.strictEqual(check(policy, T.domain, weak).length, 1);
        });

        it("passes every resource policy of the pack, resource by resource", () => {
            const resourcePolicies = allPolicies.filter((p) => "validateResource" in p).map((p) => resourcePolicy(p.name));
            assert.ok(resourcePolicies.length > 10, `${resourcePolicies.length} resource policies`);
            const violations = mocks.registrations
                .filter((r) => r.type.startsWith("aws:"))
                .flatMap((r) => resourcePolicies.flatMap((p) => check(p, r.type, r.inputs).map((m) => `${p.name} ${r.name}: ${m}`)));
            assert.deepStrictEqual(violations, []);
        });
    });

    describe("authentication on every route", () => {
        it("verifies tokens from the Authorization header against the issuer and audiences", () => {
            const authorizer = only(mocks, T.authorizer);
            assert.deepStrictEqual(
                [
                    authorizer.inputs.apiId,
                    authorizer.inputs.authorizerType,
                    authorizer.inputs.identitySources,
                    authorizer.inputs.jwtConfiguration,
                ],
                [
                    only(mocks, T.api).id,
                    "JWT",
                    ["$request.header.Authorization"],
                    { issuer: "https://login.example.com/oauth2/default", audiences: ["api://timesheets"] },
                ],
            );
        });

        it("declares exactly ANY /{proxy+} and ANY /, each with the JWT authorizer and the scopes, to the integration", () => {
            const routes = mocks.ofType(T.route);
            assert.deepStrictEqual(routes.map((r) => r.inputs.routeKey).sort(), ["ANY /", "ANY /{proxy+}"]);
            for (const route of routes) {
                assert.deepStrictEqual(
                    [route.inputs.authorizationType, route.inputs.authorizerId, route.inputs.authorizationScopes, route.inputs.target],
                    ["JWT", only(mocks, T.authorizer).id, ["timesheets.read"], `integrations/${only(mocks, T.integration).id}`],
                    String(route.inputs.routeKey),
                );
            }
        });

        it("declares no route of its own for CORS preflight: an OPTIONS request meets the authorizer too", () => {
            assert.deepStrictEqual(
                mocks
                    .ofType(T.route)
                    .filter((r) => String(r.inputs.routeKey).startsWith("OPTIONS") || r.inputs.authorizationType !== "JWT"),
                [],
            );
        });
    });

    describe("the private integration", () => {
        it("proxies every method over the VPC link to the internal listener, over HTTPS checked against the listener's name", () => {
            const integration = only(mocks, T.integration);
            assert.deepStrictEqual(
                {
                    type: integration.inputs.integrationType,
                    method: integration.inputs.integrationMethod,
                    connection: [integration.inputs.connectionType, integration.inputs.connectionId],
                    uri: integration.inputs.integrationUri,
                    payload: integration.inputs.payloadFormatVersion,
                    tls: integration.inputs.tlsConfig,
                },
                {
                    type: "HTTP_PROXY",
                    method: "ANY",
                    connection: ["VPC_LINK", only(mocks, T.vpcLink).id],
                    uri: LISTENER_ARN,
                    payload: "1.0",
                    tls: { serverNameToVerify: "timesheets.internal.staging.example.com" },
                },
            );
        });

        it("places the VPC link in the private subnets with the given security group, and opens no path itself", () => {
            const vpcLink = only(mocks, T.vpcLink);
            assert.deepStrictEqual([vpcLink.inputs.subnetIds, vpcLink.inputs.securityGroupIds], [SUBNETS, [VPC_LINK_SG]]);
            assert.deepStrictEqual(
                mocks.registrations.filter((r) => /securityGroup|SecurityGroup/.test(r.type)),
                [],
            );
        });
    });

    describe("the $default stage", () => {
        it("is auto-deployed and throttles every route at the given rate and burst", () => {
            const stage = only(mocks, T.stage);
            assert.deepStrictEqual(
                [stage.inputs.name, stage.inputs.autoDeploy, stage.inputs.defaultRouteSettings],
                ["$default", true, { throttlingRateLimit: 50, throttlingBurstLimit: 100 }],
            );
        });

        it("writes one JSON line per request: who, what, the authorizer's and the integration's errors", () => {
            const stage = only(mocks, T.stage);
            const settings = stage.inputs.accessLogSettings as { destinationArn: string; format: string };
            assert.strictEqual(settings.destinationArn, only(mocks, T.logGroup).outputs.arn);
            assert.ok(!settings.format.includes("\n"), "one line per request");
            const fields = JSON.parse(settings.format) as Record<string, string>;
            assert.deepStrictEqual(fields, GATEWAY_ACCESS_LOG_FIELDS);
            assert.deepStrictEqual(
                [fields.requestId, fields.sourceIp, fields.routeKey, fields.status, fields.authorizerError, fields.integrationError],
                [
                    "$context.requestId",
                    "$context.identity.sourceIp",
                    "$context.routeKey",
                    "$context.status",
                    "$context.authorizer.error",
                    "$context.integration.error",
                ],
            );
            for (const [field, variable] of Object.entries(fields)) {
                assert.match(variable, /^\$context\.[A-Za-z.]+$/, field);
            }
        });

        it("logs into <prefix>gateways/<app>, encrypted with the logs key, kept for the retention, protected", () => {
            const logGroup = only(mocks, T.logGroup);
            assert.deepStrictEqual(
                [logGroup.inputs.name, logGroup.inputs.kmsKeyId, logGroup.inputs.retentionInDays, logGroup.protect],
                ["/zero-trust/staging/gateways/timesheets", LOGS_KEY_ARN, 365, true],
            );
        });
    });

    describe("as a component", () => {
        it("outputs the API id, the custom domain's URL, the domain's regional target and the stage ARN", async () => {
            const domain = only(mocks, T.domain);
            const target = (domain.outputs.domainNameConfiguration as { targetDomainName: string }).targetDomainName;
            assert.match(target, /^d-[0-9a-f]{10}\.execute-api\.eu-west-1\.amazonaws\.com$/);
            assert.deepStrictEqual(
                await Promise.all([gateway.apiId, gateway.apiEndpoint, gateway.domainNameTarget, gateway.stageArn].map(valueOf)),
                [only(mocks, T.api).id, "https://timesheets.staging.example.com", target, only(mocks, T.stage).outputs.arn],
            );
            assert.deepStrictEqual(Object.keys(mocks.named("timesheets").outputs).sort(), [
                "apiEndpoint",
                "apiId",
                "domainNameTarget",
                "stageArn",
            ]);
        });

        it("is a zero-trust:workload:LegacyGateway whose every AWS resource is its child, through the explicit provider", () => {
            const component = mocks.named("timesheets");
            assert.strictEqual(component.type, "zero-trust:workload:LegacyGateway");
            const resources = awsResourcesThrough(mocks, "test-provider");
            assert.strictEqual(resources.length, 10);
            for (const resource of resources) {
                assert.strictEqual(resource.parent, component.urn, resource.name);
                assert.match(resource.name, /^timesheets-/, resource.name);
            }
        });

        it("tags what it can with <env>-<app>-gateway", () => {
            for (const type of [T.api, T.vpcLink, T.stage, T.domain]) {
                assert.deepStrictEqual(only(mocks, type).tags, { Name: "staging-timesheets-gateway" }, type);
            }
        });

        it("accepts ids and ARNs known only at deployment, leaving them to AWS", async () => {
            const later = await build({
                listenerArn: pulumi.output(LISTENER_ARN),
                vpcLinkSecurityGroupId: pulumi.output(VPC_LINK_SG),
                accessLogKeyArn: pulumi.output(LOGS_KEY_ARN),
                privateSubnetIds: SUBNETS.map((id) => pulumi.output(id)),
            });
            assert.strictEqual(only(later.mocks, T.integration).inputs.integrationUri, LISTENER_ARN);
            const vpcLink = only(later.mocks, T.vpcLink);
            assert.deepStrictEqual([vpcLink.inputs.subnetIds, vpcLink.inputs.securityGroupIds], [SUBNETS, [VPC_LINK_SG]]);
        });
    });

    describe("refuses, declaring nothing", () => {
        const OTHER_REGION_CERTIFICATE = CERTIFICATE_ARN.replace("eu-west-1", "us-east-1");
        const cases: [string, Partial<LegacyGatewayArgs>, RegExp][] = [
            [
                "an environment that is no lowercase key",
                { environment: "Staging" },
                /^LegacyGateway: environment: key "Staging" is not a lowercase name/,
            ],
            ["an application that is no lowercase key", { application: "time_sheets" }, /^LegacyGateway: application: key "time_sheets"/],
            [
                "a region outside the aws partition",
                { region: "cn-north-1" },
                /^LegacyGateway: region: "cn-north-1" is not an AWS region code/,
            ],
            ["an account id that is not 12 digits", { accountId: "1111" }, /^LegacyGateway: accountId: "1111" is not an AWS account id/],
            [
                "a wildcard host name",
                { hostname: "*.staging.example.com" },
                /^LegacyGateway: hostname: "\*\.staging\.example\.com" is not a lowercase DNS host name/,
            ],
            [
                "a host name of one label",
                { hostname: "timesheets" },
                /^LegacyGateway: hostname: "timesheets" is not a lowercase DNS host name/,
            ],
            [
                "an uppercase host name",
                { hostname: "Timesheets.example.com" },
                /^LegacyGateway: hostname: "Timesheets\.example\.com" is not/,
            ],
            [
                "a certificate of another region (a regional domain's certificate lives in its region)",
                { certificateArn: OTHER_REGION_CERTIFICATE },
                /^LegacyGateway: certificateArn: "arn:aws:acm:us-east-1:.*" is not an ACM certificate ARN .* of region eu-west-1 and account 111111111111$/,
            ],
            [
                "a certificate of another account",
                { certificateArn: CERTIFICATE_ARN.replace("111111111111", "222222222222") },
                /^LegacyGateway: certificateArn: .* of region eu-west-1 and account 111111111111$/,
            ],
            [
                "a certificate that is no ACM ARN",
                { certificateArn: "timesheets-cert" },
                /^LegacyGateway: certificateArn: "timesheets-cert" is not an ACM certificate ARN/,
            ],
            [
                "a listener host name that is an address",
                { listenerHostname: "10.0.0.1" },
                /^LegacyGateway: listenerHostname: "10\.0\.0\.1" is not a lowercase DNS host name/,
            ],
            [
                "a Network Load Balancer's listener",
                { listenerArn: LISTENER_ARN.replace("listener/app/", "listener/net/") },
                /^LegacyGateway: listenerArn: .* is not an Application Load Balancer listener ARN/,
            ],
            [
                "a listener of another account",
                { listenerArn: LISTENER_ARN.replace("111111111111", "222222222222") },
                /^LegacyGateway: listenerArn: .* of region eu-west-1 and account 111111111111$/,
            ],
            [
                "a logs key named by alias",
                { accessLogKeyArn: "alias/staging-logs" },
                /^LegacyGateway: accessLogKeyArn: "alias\/staging-logs" is not a KMS key ARN/,
            ],
            [
                "a VPC link group that is no security group id",
                { vpcLinkSecurityGroupId: "vpc-link" },
                /^LegacyGateway: vpcLinkSecurityGroupId: "vpc-link" is not a security group id/,
            ],
            [
                "no private subnet",
                { privateSubnetIds: [] },
                /^LegacyGateway: privateSubnetIds: \[\] is not a non-empty list of private subnet ids/,
            ],
            ["no jwt settings", { jwt: undefined }, /^LegacyGateway: jwt: undefined is not an object \{ issuer, audiences, scopes \}$/],
            [
                "an issuer over plain HTTP",
                { jwt: { ...BASE.jwt, issuer: "http://login.example.com/oauth2/default" } },
                /^LegacyGateway: jwt\.issuer: "http:\/\/login\.example\.com\/oauth2\/default" is not an https URL/,
            ],
            [
                "an issuer with a query",
                { jwt: { ...BASE.jwt, issuer: "https://login.example.com/oauth2?tenant=1" } },
                /^LegacyGateway: jwt\.issuer: .* is not an https URL/,
            ],
            [
                "no audience",
                { jwt: { ...BASE.jwt, audiences: [] } },
                /^LegacyGateway: jwt\.audiences: \[\] is not a non-empty list of audiences$/,
            ],
            ["a blank audience", { jwt: { ...BASE.jwt, audiences: [" "] } }, /^LegacyGateway: jwt\.audiences: " " is not an audience/],
            ["an audience twice", { jwt: { ...BASE.jwt, audiences: ["a", "a"] } }, /^LegacyGateway: jwt\.audiences: "a" is listed twice$/],
            [
                "no scope (an ID token would pass)",
                { jwt: { ...BASE.jwt, scopes: [] } },
                /^LegacyGateway: jwt\.scopes: \[\] is not a non-empty list of OAuth scopes \(without one, an ID token/,
            ],
            [
                "a scope with a space",
                { jwt: { ...BASE.jwt, scopes: ["timesheets read"] } },
                /^LegacyGateway: jwt\.scopes: "timesheets read" is not an OAuth scope/,
            ],
            ["a scope twice", { jwt: { ...BASE.jwt, scopes: ["s", "s"] } }, /^LegacyGateway: jwt\.scopes: "s" is listed twice$/],
            [
                "no throttling",
                { throttling: undefined },
                /^LegacyGateway: throttling: undefined is not an object \{ rateLimit, burstLimit \}$/,
            ],
            [
                "a rate of 0 (every request refused)",
                { throttling: { rateLimit: 0, burstLimit: 100 } },
                /^LegacyGateway: throttling\.rateLimit: 0 is not a number of requests per second above 0 and at most 10000/,
            ],
            [
                "a rate above the account's quota",
                { throttling: { rateLimit: 10_001, burstLimit: 100 } },
                /^LegacyGateway: throttling\.rateLimit: 10001 is not/,
            ],
            [
                "a burst of 0",
                { throttling: { rateLimit: 50, burstLimit: 0 } },
                /^LegacyGateway: throttling\.burstLimit: 0 is not a whole number of requests from 1 to 5000$/,
            ],
            [
                "a burst above the account's quota",
                { throttling: { rateLimit: 50, burstLimit: 5001 } },
                /^LegacyGateway: throttling\.burstLimit: 5001 is not/,
            ],
            [
                "a fractional burst",
                { throttling: { rateLimit: 50, burstLimit: 1.5 } },
                /^LegacyGateway: throttling\.burstLimit: 1\.5 is not/,
            ],
            [
                "a retention CloudWatch Logs refuses",
                { logRetentionDays: 366 },
                /^LegacyGateway: logRetentionDays: 366 is not a CloudWatch Logs retention/,
            ],
            [
                "a log prefix without slashes",
                { logGroupNamePrefix: "zero-trust" },
                /^LegacyGateway: logGroupNamePrefix: "zero-trust" is not a log group name prefix/,
            ],
        ];
        for (const [label, overrides, message] of cases) {
            it(label, () => assertRefusedBeforeDeclaring(() => new LegacyGateway("bad", { ...BASE, ...overrides }), message));
        }
    });
});
