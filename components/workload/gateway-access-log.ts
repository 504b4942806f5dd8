/**
 * What a legacy application's gateway writes for every request: one JSON object per line, so
 * CloudWatch Logs Insights reads the fields without a parse pattern. The values are HTTP API
 * access-log variables (API Gateway, "Customize HTTP API access logs").
 */
export const GATEWAY_ACCESS_LOG_FIELDS = {
    requestId: "$context.requestId",
    requestTime: "$context.requestTime",
    sourceIp: "$context.identity.sourceIp",
    userAgent: "$context.identity.userAgent",
    domainName: "$context.domainName",
    httpMethod: "$context.httpMethod",
    path: "$context.path",
    protocol: "$context.protocol",
    routeKey: "$context.routeKey",
    status: "$context.status",
    responseLength: "$context.responseLength",
    responseLatency: "$context.responseLatency",
    // Who came in: the verified token's subject, and why a token was refused.
    subject: "$context.authorizer.claims.sub",
    authorizerError: "$context.authorizer.error",
    // What went wrong, at the gateway or reaching the application.
    errorMessage: "$context.error.message",
    errorResponseType: "$context.error.responseType",
    integrationStatus: "$context.integration.status",
    integrationLatency: "$context.integration.latency",
    integrationError: "$context.integration.error",
    integrationErrorMessage: "$context.integrationErrorMessage",
} as const;

/** The stage's access log format: the fields above as a single-line JSON object. */
export const GATEWAY_ACCESS_LOG_FORMAT = JSON.stringify(GATEWAY_ACCESS_LOG_FIELDS);
