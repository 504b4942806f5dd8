import { strict as assert } from "assert";
import {
    assertEvaluated,
    check,
    checkStack,
    dependsOnVia,
    isUnknownValueError,
    resource,
    resourcePolicy,
    stackPolicy,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

// The layer-7 entry points of the ingress family: API Gateway v2 routes, v1 methods, Lambda
// function URLs, and the stack policy on APIs with private integrations.

const routes = resourcePolicy("ingress-api-gateway-route-authorization");
const methods = resourcePolicy("ingress-api-gateway-method-authorization");
const urls = resourcePolicy("ingress-lambda-function-url-auth");
const privateIntegrations = stackPolicy("ingress-private-integration-authorizer");

const ROUTE = "aws:apigatewayv2/route:Route";
const NATIVE_ROUTE = "aws-native:apigatewayv2:Route";
const API = "aws:apigatewayv2/api:Api";
const NATIVE_API = "aws-native:apigatewayv2:Api";
const METHOD = "aws:apigateway/method:Method";
const NATIVE_METHOD = "aws-native:apigateway:Method";
const INTEGRATION = "aws:apigatewayv2/integration:Integration";
const REST_API = "aws:apigateway/restApi:RestApi";
const REST_INTEGRATION = "aws:apigateway/integration:Integration";

describe("ingress-api-gateway-route-authorization", () => {
    it("refuses a route with authorizationType NONE, and one with none set (AWS's default is NONE)", () => {
        for (const type of [ROUTE, NATIVE_ROUTE]) {
            const written = check(routes, type, { apiId: "a", routeKey: "GET /orders", authorizationType: "NONE" });
            assert.equal(written.length, 1);
            assert.match(
                written[0],
                /route "GET \/orders" has authorizationType "NONE": anyone who reaches it calls it without credentials/,
            );
            assert.match(check(routes, type, { apiId: "a", routeKey: "$default" })[0], /route "\$default" has authorizationType "NONE"/);
        }
    });

    it("passes JWT, AWS_IAM and CUSTOM routes, and refuses a spelling AWS does not accept", () => {
        for (const authorizationType of ["JWT", "AWS_IAM", "CUSTOM"]) {
            assert.deepEqual(check(routes, ROUTE, { routeKey: "POST /orders", authorizationType, authorizerId: "x" }), []);
        }
        assert.equal(check(routes, ROUTE, { routeKey: "POST /orders", authorizationType: "jwt" }).length, 1);
    });

    it("excepts CORS preflight routes and WebSocket routes after $connect, but judges $connect", () => {
        assert.deepEqual(check(routes, ROUTE, { routeKey: "OPTIONS /{proxy+}" }), []);
        assert.deepEqual(check(routes, NATIVE_ROUTE, { routeKey: "$disconnect" }), []);
        assert.deepEqual(check(routes, ROUTE, { routeKey: "sendmessage", authorizationType: "NONE" }), []);
        assert.match(check(routes, ROUTE, { routeKey: "$connect" })[0], /route "\$connect"/);
        assert.deepEqual(check(routes, ROUTE, { routeKey: "$connect", authorizationType: "CUSTOM", authorizerId: "a" }), []);
    });

    it("refuses quick create: the API's target makes a route without an authorizer", () => {
        for (const type of [API, NATIVE_API]) {
            const found = check(routes, type, { protocolType: "HTTP", target: "arn:aws:lambda:eu-west-1:111111111111:function:f" });
            assert.match(found[0], /quick-create route "\$default" \(target\) has authorizationType "NONE"/);
            assert.deepEqual(check(routes, type, { protocolType: "HTTP", name: "api" }), []);
        }
    });

    it("says that an API key is not authentication", () => {
        assert.match(
            check(routes, ROUTE, { routeKey: "GET /a", apiKeyRequired: true })[0],
            /an API key identifies a caller, it does not authenticate one/,
        );
    });

    it("under preview: an unknown authorization or route key of an open route is undecided, a known authorizer passes", () => {
        assert.throws(
            () => check(routes, ROUTE, unknownCheckingProxy({ routeKey: "GET /a", authorizationType: UNKNOWN_STRING })),
            isUnknownValueError,
        );
        assert.throws(() => check(routes, ROUTE, unknownCheckingProxy({ routeKey: UNKNOWN_STRING })), isUnknownValueError);
        assert.deepEqual(
            check(
                routes,
                ROUTE,
                unknownCheckingProxy({ routeKey: UNKNOWN_STRING, authorizationType: "JWT", authorizerId: UNKNOWN_STRING }),
            ),
            [],
        );
        assert.equal(
            check(routes, API, unknownCheckingProxy({ target: UNKNOWN_STRING })).length,
            1,
            "a target from another resource still quick-creates",
        );
    });

    it("decides malformed input without an exception", () => {
        for (const props of [{ routeKey: 7, authorizationType: ["JWT"] }, { routeKey: null }, { target: {} }]) {
            assertEvaluated(check(routes, ROUTE, props));
            assertEvaluated(check(routes, API, props));
        }
    });
});

describe("ingress-api-gateway-method-authorization", () => {
    it("refuses authorization NONE, also with an API key, and an unset aws-native authorizationType", () => {
        const found = check(methods, METHOD, {
            restApi: "r",
            resourceId: "x",
            httpMethod: "GET",
            authorization: "NONE",
            apiKeyRequired: true,
        });
        assert.match(found[0], /method "GET" has authorization "NONE".*API key identifies a caller/);
        assert.match(
            check(methods, NATIVE_METHOD, { restApiId: "r", httpMethod: "post" })[0],
            /method "POST" has authorizationType "NONE"/,
        );
    });

    it("passes AWS_IAM, CUSTOM and COGNITO_USER_POOLS, and excepts the OPTIONS method", () => {
        for (const authorization of ["AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"]) {
            assert.deepEqual(check(methods, METHOD, { httpMethod: "ANY", authorization }), []);
            assert.deepEqual(check(methods, NATIVE_METHOD, { httpMethod: "ANY", authorizationType: authorization }), []);
        }
        assert.deepEqual(check(methods, METHOD, { httpMethod: "OPTIONS", authorization: "NONE" }), []);
    });

    it("under preview: an unknown httpMethod of an open method is undecided", () => {
        assert.throws(
            () => check(methods, METHOD, unknownCheckingProxy({ httpMethod: UNKNOWN_STRING, authorization: "NONE" })),
            isUnknownValueError,
        );
    });
});

describe("ingress-lambda-function-url-auth", () => {
    it("refuses auth type NONE in both providers and passes AWS_IAM", () => {
        assert.match(
            check(urls, "aws:lambda/functionUrl:FunctionUrl", { functionName: "f", authorizationType: "NONE" })[0],
            /function URL has authorizationType "NONE"/,
        );
        assert.match(
            check(urls, "aws-native:lambda:Url", { targetFunctionArn: "arn", authType: "NONE" })[0],
            /function URL has authType "NONE"/,
        );
        assert.deepEqual(check(urls, "aws:lambda/functionUrl:FunctionUrl", { authorizationType: "AWS_IAM" }), []);
        assert.deepEqual(check(urls, "aws-native:lambda:Url", { authType: "AWS_IAM" }), []);
    });

    it("under preview: an unknown auth type is undecided", () => {
        assert.throws(() => check(urls, "aws-native:lambda:Url", unknownCheckingProxy({ authType: UNKNOWN_STRING })), isUnknownValueError);
    });
});

describe("ingress-private-integration-authorizer", () => {
    const api = () => resource(API, "legacy", { protocolType: "HTTP" });
    const link = (a: ReturnType<typeof api>, props: Record<string, unknown> = {}) =>
        dependsOnVia(
            resource(INTEGRATION, "to-vpc", { apiId: "x", integrationType: "HTTP_PROXY", connectionType: "VPC_LINK", ...props }),
            "apiId",
            a,
        );
    const route = (a: ReturnType<typeof api>, name: string, props: Record<string, unknown>) =>
        dependsOnVia(resource(ROUTE, name, { apiId: "x", ...props }), "apiId", a);

    it("refuses an open route, OPTIONS included, on an API whose integration goes through a VPC link, naming the integration", () => {
        const a = api();
        const found = checkStack(privateIntegrations, [
            a,
            link(a),
            route(a, "open", { routeKey: "GET /timesheets" }),
            route(a, "preflight", { routeKey: "OPTIONS /{proxy+}" }),
            route(a, "closed", { routeKey: "ANY /{proxy+}", authorizationType: "JWT", authorizerId: "j" }),
        ]);
        assert.deepEqual(
            found.map((f) => f.urn?.split("::").pop()),
            ["open", "preflight"],
        );
        assert.match(
            found[0].message,
            /belongs to API aws:apigatewayv2\/api:Api "legacy", whose aws:apigatewayv2\/integration:Integration "to-vpc" reaches into the VPC/,
        );
    });

    it("leaves APIs without private integrations to the route policy", () => {
        const a = api();
        assert.deepEqual(
            checkStack(privateIntegrations, [a, link(a, { connectionType: "INTERNET" }), route(a, "open", { routeKey: "GET /x" })]),
            [],
        );
        const other = resource(API, "other");
        assert.deepEqual(checkStack(privateIntegrations, [a, other, link(a), route(other, "open", { routeKey: "GET /x" })]), []);
    });

    it("links members to their API by the API's id written as a literal, for REST APIs too", () => {
        const restApi = resource(REST_API, "rest", { id: "abc123defg" });
        const found = checkStack(privateIntegrations, [
            restApi,
            resource(REST_INTEGRATION, "vpc", { restApi: "abc123defg", connectionType: "VPC_LINK", type: "HTTP_PROXY" }),
            resource(METHOD, "get", { restApi: "abc123defg", httpMethod: "GET", authorization: "NONE" }),
            resource(METHOD, "iam", { restApi: "abc123defg", httpMethod: "GET", authorization: "AWS_IAM" }),
        ]);
        assert.deepEqual(
            found.map((f) => f.urn?.split("::").pop()),
            ["get"],
        );
    });

    it("judges an aws-native method whose inline integration is private, whatever its API", () => {
        const found = checkStack(privateIntegrations, [
            unknownCheckingProxy(
                resource(NATIVE_METHOD, "m", {
                    restApiId: UNKNOWN_STRING,
                    httpMethod: "OPTIONS",
                    integration: { type: "HTTP_PROXY", connectionType: "VPC_LINK" },
                }),
            ),
        ]);
        assert.equal(found.length, 1);
    });

    it("under preview: an unknown connectionType beside an open route is undecided", () => {
        const a = api();
        assert.throws(
            () =>
                checkStack(privateIntegrations, [
                    a,
                    dependsOnVia(
                        unknownCheckingProxy(resource(INTEGRATION, "i", { apiId: "x", connectionType: UNKNOWN_STRING })),
                        "apiId",
                        a,
                    ),
                    route(a, "open", { routeKey: "GET /x" }),
                ]),
            isUnknownValueError,
        );
        assert.throws(
            () =>
                checkStack(
                    privateIntegrations,
                    [a, link(a), route(a, "open", { routeKey: "GET /x", authorizationType: UNKNOWN_OBJECT })].map(unknownCheckingProxy),
                ),
            isUnknownValueError,
        );
    });
});
