import type { BypassCase } from "./bypass-case";
import { dependsOnVia, resource, type PolicyResource } from "../harness";

/** Bypasses of the layer-7 entry-point policies (ingress family) and of secret rotation (encryption family). */

const ROUTE = "aws:apigatewayv2/route:Route";
const API = "aws:apigatewayv2/api:Api";
const LAMBDA = "arn:aws:lambda:eu-west-1:111111111111:function:orders";
const SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:orders/token-AbCdEf";

/** A legacy app behind an HTTP API and a VPC link, with one more route written `route`. */
function legacyApi(route: Record<string, unknown>): PolicyResource[] {
    const api = resource(API, "legacy", { protocolType: "HTTP" });
    const link = resource("aws:apigatewayv2/integration:Integration", "to-vpc", {
        connectionType: "VPC_LINK",
        integrationType: "HTTP_PROXY",
    });
    const routeResource = resource(ROUTE, "extra", { apiId: "x", ...route });
    return [api, dependsOnVia(link, "apiId", api), dependsOnVia(routeResource, "apiId", api)];
}

export const entryPointBypasses: readonly BypassCase[] = [
    {
        title: "HTTP API made by quick create (target): its $default route has no authorizer",
        policy: "ingress-api-gateway-route-authorization",
        violating: () => [resource(API, "quick", { protocolType: "HTTP", target: LAMBDA })],
        compliant: () => [
            resource(API, "declared", { protocolType: "HTTP" }),
            resource(ROUTE, "route", { apiId: "a", routeKey: "$default", authorizationType: "JWT", authorizerId: "jwt" }),
        ],
    },
    {
        title: "route with authorizationType left unset (AWS's default is NONE)",
        policy: "ingress-api-gateway-route-authorization",
        violating: () => [resource(ROUTE, "route", { apiId: "a", routeKey: "ANY /{proxy+}" })],
        compliant: () => [resource(ROUTE, "route", { apiId: "a", routeKey: "ANY /{proxy+}", authorizationType: "AWS_IAM" })],
    },
    {
        title: "REST method protected only by an API key",
        policy: "ingress-api-gateway-method-authorization",
        violating: () => [
            resource("aws:apigateway/method:Method", "m", { httpMethod: "GET", authorization: "NONE", apiKeyRequired: true }),
        ],
        compliant: () => [
            resource("aws:apigateway/method:Method", "m", { httpMethod: "GET", authorization: "AWS_IAM", apiKeyRequired: true }),
        ],
    },
    {
        title: "function URL with auth type NONE written in lower case",
        policy: "ingress-lambda-function-url-auth",
        violating: () => [resource("aws-native:lambda:Url", "url", { targetFunctionArn: LAMBDA, authType: "none" })],
        compliant: () => [resource("aws-native:lambda:Url", "url", { targetFunctionArn: LAMBDA, authType: "AWS_IAM" })],
    },
    {
        title: "an OPTIONS route that forwards preflights to the private backend without an authorizer",
        policy: "ingress-private-integration-authorizer",
        violating: () => legacyApi({ routeKey: "OPTIONS /{proxy+}" }),
        compliant: () => legacyApi({ routeKey: "OPTIONS /{proxy+}", authorizationType: "JWT", authorizerId: "jwt" }),
    },
    {
        title: "secret whose rotation names it by a literal ARN of another secret",
        policy: "encryption-secret-rotation",
        violating: () => [
            resource("aws:secretsmanager/secret:Secret", "token", { arn: SECRET_ARN }),
            resource("aws:secretsmanager/secretRotation:SecretRotation", "r", {
                secretId: SECRET_ARN.replace("token", "other"),
                rotationRules: { automaticallyAfterDays: 30 },
            }),
        ],
        compliant: () => [
            resource("aws:secretsmanager/secret:Secret", "token", { arn: SECRET_ARN }),
            resource("aws:secretsmanager/secretRotation:SecretRotation", "r", {
                secretId: SECRET_ARN,
                rotationRules: { automaticallyAfterDays: 30 },
            }),
        ],
    },
    {
        title: "rotation scheduled by a cron that runs in January only",
        policy: "encryption-secret-rotation",
        violating: () => [
            resource("aws-native:secretsmanager:Secret", "token", { awsId: SECRET_ARN }),
            resource("aws-native:secretsmanager:RotationSchedule", "r", {
                secretId: SECRET_ARN,
                rotationRules: { scheduleExpression: "cron(0 4 1 1 ? *)" },
            }),
        ],
        compliant: () => [
            resource("aws-native:secretsmanager:Secret", "token", { awsId: SECRET_ARN }),
            resource("aws-native:secretsmanager:RotationSchedule", "r", {
                secretId: SECRET_ARN,
                rotationRules: { scheduleExpression: "cron(0 4 1 * ? *)" },
            }),
        ],
    },
];
