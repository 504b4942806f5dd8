// ingress-api-gateway-method-authorization: every API Gateway v1 (REST API) method authenticates
// its callers.
//
// A method with authorization NONE is open ingress at layer 7. An API key (apiKeyRequired) does not
// change that: API keys are for usage plans and throttling, AWS says not to use them for
// authorization. The OPTIONS method (CORS preflight, sent by browsers without credentials) is
// excepted.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { API_METHOD_READERS } from "../../readers/ingress";
import { guardResource } from "../guard";
import { nist } from "../metadata";
import { ENTRY_POINT_TAGS, INGRESS_DOCS } from "./metadata";
import { reportOpenEntries } from "./entry-authorization";

export const NAME = "ingress-api-gateway-method-authorization";

export const apiGatewayMethodAuthorization: ResourceValidationPolicy = {
    name: NAME,
    displayName: "API Gateway REST API methods authenticate their callers",
    description:
        "Methods of REST APIs (classic apigateway Method `authorization`, aws-native apigateway Method `authorizationType`, " +
        "NONE when unset) must use AWS_IAM, CUSTOM (a Lambda authorizer) or COGNITO_USER_POOLS. An API key alone is not " +
        "authentication. The OPTIONS method (CORS preflight) is excepted.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: nist("AC-3", "Access Enforcement"),
    tags: [...ENTRY_POINT_TAGS, "api-gateway"],
    remediationSteps:
        "Set authorization to COGNITO_USER_POOLS or CUSTOM with the authorizerId of an aws.apigateway.Authorizer, or to " +
        "AWS_IAM for callers with AWS credentials. Keep API keys for usage plans only.",
    url: INGRESS_DOCS.restApiAccessControl,
    validateResource: guardResource(NAME, new Set(API_METHOD_READERS.keys()), (args, props, report, reading) => {
        reportOpenEntries(
            API_METHOD_READERS.get(args.type),
            props,
            report,
            reading,
            "Use AWS_IAM, CUSTOM or COGNITO_USER_POOLS authorization.",
        );
    }),
};
