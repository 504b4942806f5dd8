// Layer-7 entry points and how each authenticates its callers, both providers.
//
//   aws:apigatewayv2/route:Route, aws-native:apigatewayv2:Route      routeKey, authorizationType (NONE when unset)
//   aws:apigatewayv2/api:Api, aws-native:apigatewayv2:Api           quick create (`target`): a route with no authorizer
//   aws:apigateway/method:Method                                     httpMethod, authorization
//   aws-native:apigateway:Method                                     httpMethod, authorizationType (NONE when unset)
//   aws:lambda/functionUrl:FunctionUrl                               authorizationType
//   aws-native:lambda:Url                                            authType
//
// Two kinds of entry AWS lets stay open on purpose: a CORS preflight (`OPTIONS …` route keys, the
// OPTIONS method), which browsers send without credentials, and the routes of a WebSocket API other
// than `$connect`: a WebSocket API authorizes the connection, and AWS accepts an authorizer on the
// `$connect` route only. A route key without a space is a WebSocket key (`$connect`, `$disconnect`,
// a custom action); `$default` exists in both kinds of API and is judged as an HTTP route.

import { describeValue } from "../encryption/key-references";
import { Props, Reading, Unknown, UNKNOWN } from "../known";

/** Why AWS lets an entry stay open: not a place for credentials. */
export type OpenByDesign = "preflight" | "websocket";

export interface EntryPoint {
    /** What the entry is, for messages: `route "GET /orders"`. */
    what: string;
    /** The property that sets the authorization, for messages. */
    property: string;
    /** The authorization as written (trimmed); "NONE" when unset, AWS's default. */
    authorization: string | Unknown;
    /** True when `authorization` is one of the values that authenticate the caller. */
    authenticated: boolean | Unknown;
    /** Set when AWS lets this entry be open by design; UNKNOWN when that hangs on an unknown value. */
    openByDesign: OpenByDesign | undefined | Unknown;
    /** The entry asks for an API key: that identifies a caller, it does not authenticate one. */
    apiKeyRequired: boolean;
}

export interface EntryPointReader {
    /** Pulumi type tokens this reader understands. */
    types: readonly string[];
    /** The entries the resource opens (none for an API without quick create). */
    read(props: Props, reading: Reading): EntryPoint[];
}

/** Route authorization types of API Gateway v2 that authenticate (HTTP: JWT, AWS_IAM, CUSTOM; WebSocket: AWS_IAM, CUSTOM). */
const ROUTE_AUTHORIZATIONS: ReadonlySet<string> = new Set(["JWT", "AWS_IAM", "CUSTOM"]);
/** Method authorization types of API Gateway v1 that authenticate. */
const METHOD_AUTHORIZATIONS: ReadonlySet<string> = new Set(["AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"]);
/** Function URL auth types that authenticate (the other is NONE). */
const URL_AUTHORIZATIONS: ReadonlySet<string> = new Set(["AWS_IAM"]);

function authorizationOf(value: unknown, accepted: ReadonlySet<string>): Pick<EntryPoint, "authorization" | "authenticated"> {
    if (value === UNKNOWN) {
        return { authorization: UNKNOWN, authenticated: UNKNOWN };
    }
    const written =
        value === undefined || value === null || value === "" ? "NONE" : typeof value === "string" ? value.trim() : describeValue(value);
    // AWS spells these in capitals and refuses other spellings: an odd spelling is no authorization.
    return { authorization: written, authenticated: accepted.has(written) };
}

/** `$connect` is judged, other WebSocket keys are open by design, `OPTIONS …` is a preflight. */
function routeKeyKind(routeKey: unknown): OpenByDesign | undefined | Unknown {
    if (routeKey === UNKNOWN) {
        return UNKNOWN;
    }
    const key = typeof routeKey === "string" ? routeKey.trim() : "";
    if (/^OPTIONS\s/i.test(key)) {
        return "preflight";
    }
    if (key !== "" && !/\s/.test(key) && key !== "$default" && key !== "$connect") {
        return "websocket";
    }
    return undefined;
}

function describeKey(value: unknown): string {
    return typeof value === "string" ? JSON.stringify(value.trim()) : "(route key unknown during preview)";
}

export const apiGatewayRoute: EntryPointReader = {
    types: ["aws:apigatewayv2/route:Route", "aws-native:apigatewayv2:Route"],
    read(props, reading) {
        const routeKey = reading.get(props, "routeKey");
        return [
            {
                what: `route ${describeKey(routeKey)}`,
                property: "authorizationType",
                ...authorizationOf(reading.get(props, "authorizationType"), ROUTE_AUTHORIZATIONS),
                openByDesign: routeKeyKind(routeKey),
                apiKeyRequired: reading.get(props, "apiKeyRequired") === true,
            },
        ];
    },
};

/** Quick create: `target` makes API Gateway create an integration and a route without an authorizer. */
export const quickCreateApi: EntryPointReader = {
    types: ["aws:apigatewayv2/api:Api", "aws-native:apigatewayv2:Api"],
    read(props, reading) {
        const target = reading.get(props, "target");
        if (target === undefined || target === null || target === "") {
            return [];
        }
        const routeKey = reading.get(props, "routeKey");
        const key = routeKey === undefined || routeKey === null || routeKey === "" ? "$default" : routeKey;
        return [
            {
                what: `the quick-create route ${describeKey(key)} (target)`,
                property: "authorizationType",
                authorization: "NONE",
                authenticated: false,
                openByDesign: routeKeyKind(key),
                apiKeyRequired: false,
            },
        ];
    },
};

function method(type: string, property: string): EntryPointReader {
    return {
        types: [type],
        read(props, reading) {
            const httpMethod = reading.get(props, "httpMethod");
            const verb = typeof httpMethod === "string" ? httpMethod.trim().toUpperCase() : undefined;
            return [
                {
                    what: httpMethod === UNKNOWN ? "method (httpMethod unknown during preview)" : `method ${JSON.stringify(verb ?? "")}`,
                    property,
                    ...authorizationOf(reading.get(props, property), METHOD_AUTHORIZATIONS),
                    openByDesign: httpMethod === UNKNOWN ? UNKNOWN : verb === "OPTIONS" ? "preflight" : undefined,
                    apiKeyRequired: reading.get(props, "apiKeyRequired") === true,
                },
            ];
        },
    };
}

function functionUrl(type: string, property: string): EntryPointReader {
    return {
        types: [type],
        read: (props, reading) => [
            {
                what: "function URL",
                property,
                ...authorizationOf(reading.get(props, property), URL_AUTHORIZATIONS),
                openByDesign: undefined,
                apiKeyRequired: false,
            },
        ],
    };
}

export const classicMethod = method("aws:apigateway/method:Method", "authorization");
export const nativeMethod = method("aws-native:apigateway:Method", "authorizationType");
export const classicFunctionUrl = functionUrl("aws:lambda/functionUrl:FunctionUrl", "authorizationType");
export const nativeFunctionUrl = functionUrl("aws-native:lambda:Url", "authType");
