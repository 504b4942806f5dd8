// ingress-api-gateway-route-authorization: every API Gateway v2 route authenticates its callers.
//
// A route without an authorizer is open ingress at layer 7: whoever reaches the API calls the
// backend. authorizationType unset is NONE (AWS's default), and quick create (`target` on the API)
// makes a `$default` route without one. CORS preflight routes (`OPTIONS …`) are excepted: browsers
// send them without credentials. WebSocket routes other than `$connect` are excepted too: a
// WebSocket API authorizes the connection, and AWS takes an authorizer on `$connect` only.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { API_ROUTE_READERS } from "../../readers/ingress";
import { guardResource } from "../guard";
import { nist } from "../metadata";
import { ENTRY_POINT_TAGS, INGRESS_DOCS } from "./metadata";
import { reportOpenEntries } from "./entry-authorization";

export const NAME = "ingress-api-gateway-route-authorization";

export const apiGatewayRouteAuthorization: ResourceValidationPolicy = {
    name: NAME,
    displayName: "API Gateway v2 routes authenticate their callers",
    description:
        "Routes of HTTP and WebSocket APIs (classic and aws-native apigatewayv2 Route) must have an authorizationType other " +
        "than NONE (JWT, AWS_IAM or CUSTOM); an unset authorizationType is NONE, and an API created with quick create " +
        "(target) gets a route without one. CORS preflight routes (OPTIONS …) and WebSocket routes other than $connect " +
        "(AWS authorizes a WebSocket API at $connect only) are excepted; a WebSocket API's $default route is judged as an " +
        "HTTP route: exempt it if it is one.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: nist("AC-3", "Access Enforcement"),
    tags: [...ENTRY_POINT_TAGS, "api-gateway"],
    remediationSteps:
        "Give the route an authorizer: authorizationType JWT with an aws.apigatewayv2.Authorizer of type JWT (issuer and " +
        "audience of your identity provider) and authorizationScopes, or AWS_IAM for callers with AWS credentials, or " +
        "CUSTOM with a Lambda authorizer. Instead of quick create, declare the integration and the routes with their " +
        "authorizers. For a WebSocket API, authorize the $connect route.",
    url: INGRESS_DOCS.httpApiAccessControl,
    validateResource: guardResource(NAME, new Set(API_ROUTE_READERS.keys()), (args, props, report, reading) => {
        reportOpenEntries(API_ROUTE_READERS.get(args.type), props, report, reading, "Give the route a JWT, AWS_IAM or CUSTOM authorizer.");
    }),
};
