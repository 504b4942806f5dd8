// ingress-lambda-function-url-auth: Lambda function URLs require IAM authentication.
//
// A function URL with auth type NONE is a public HTTPS endpoint: Lambda adds a resource-based
// policy that lets anyone invoke it, and no network control stands in front of it.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { FUNCTION_URL_READERS } from "../../readers/ingress";
import { guardResource } from "../guard";
import { nist } from "../metadata";
import { ENTRY_POINT_TAGS, INGRESS_DOCS } from "./metadata";
import { reportOpenEntries } from "./entry-authorization";

export const NAME = "ingress-lambda-function-url-auth";

export const lambdaFunctionUrlAuth: ResourceValidationPolicy = {
    name: NAME,
    displayName: "Lambda function URLs require IAM authentication",
    description:
        "Lambda function URLs (classic lambda FunctionUrl `authorizationType`, aws-native lambda Url `authType`) must use " +
        "AWS_IAM: with NONE the function is a public HTTPS endpoint anyone on the internet can invoke.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: nist("AC-3", "Access Enforcement"),
    tags: [...ENTRY_POINT_TAGS, "lambda"],
    remediationSteps:
        "Set the auth type to AWS_IAM and grant lambda:InvokeFunctionUrl to the callers' roles only; to serve the public, " +
        "put API Gateway with an authorizer (or CloudFront with origin access control) in front instead.",
    url: INGRESS_DOCS.functionUrlAuth,
    validateResource: guardResource(NAME, new Set(FUNCTION_URL_READERS.keys()), (args, props, report, reading) => {
        reportOpenEntries(FUNCTION_URL_READERS.get(args.type), props, report, reading, "Set the auth type to AWS_IAM.");
    }),
};
