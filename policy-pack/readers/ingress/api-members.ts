// What a resource adds to an API Gateway API: a route or method (an entry point) and/or an
// integration, and whether that integration is private (reaches into a VPC through a VPC link).
//
//   aws:apigatewayv2/route:Route, aws-native:apigatewayv2:Route               apiId       entry
//   aws:apigatewayv2/integration:Integration, aws-native:apigatewayv2:Integration  apiId  connectionType
//   aws:apigateway/method:Method                                              restApi     entry
//   aws:apigateway/integration:Integration                                    restApi     connectionType
//   aws-native:apigateway:Method                                              restApiId   entry, integration.connectionType
//
// connectionType VPC_LINK is a private integration; INTERNET, the default, is not. The API a member
// belongs to is followed by reference (property dependency) or by its id written as a literal
// (readers/attachments.ts).

import { Identity } from "../attachments";
import { Props, Reading, Unknown, UNKNOWN } from "../known";
import { apiGatewayRoute, classicMethod, EntryPoint, EntryPointReader, nativeMethod } from "./entry-points";

export interface ApiMember {
    /** The route or method this resource opens. */
    entry?: EntryPoint;
    /** True for a private integration (VPC_LINK); false for another integration; undefined: no integration. */
    privateIntegration?: boolean | Unknown;
}

export interface ApiMemberReader {
    /** Pulumi type tokens this reader understands. */
    types: readonly string[];
    /** The property naming the API the resource belongs to. */
    apiProperty: string;
    read(props: Props, reading: Reading): ApiMember;
}

function isVpcLink(connectionType: unknown): boolean | Unknown {
    return connectionType === UNKNOWN ? UNKNOWN : typeof connectionType === "string" && connectionType.trim().toUpperCase() === "VPC_LINK";
}

const entryOf = (reader: EntryPointReader, props: Props, reading: Reading): EntryPoint | undefined => reader.read(props, reading)[0];

const integration = (types: readonly string[], apiProperty: string): ApiMemberReader => ({
    types,
    apiProperty,
    read: (props, reading) => ({ privateIntegration: isVpcLink(reading.get(props, "connectionType")) }),
});

const entry = (reader: EntryPointReader, apiProperty: string): ApiMemberReader => ({
    types: reader.types,
    apiProperty,
    read: (props, reading) => ({ entry: entryOf(reader, props, reading) }),
});

/** An aws-native method carries its integration inline. */
const nativeMethodMember: ApiMemberReader = {
    types: nativeMethod.types,
    apiProperty: "restApiId",
    read(props, reading) {
        const inline = reading.get(props, "integration");
        return {
            entry: entryOf(nativeMethod, props, reading),
            privateIntegration:
                inline === UNKNOWN
                    ? UNKNOWN
                    : inline === undefined || inline === null
                      ? undefined
                      : isVpcLink(reading.get(inline, "connectionType")),
        };
    },
};

export const API_MEMBER_READERS: ReadonlyMap<string, ApiMemberReader> = new Map(
    [
        entry(apiGatewayRoute, "apiId"),
        integration(["aws:apigatewayv2/integration:Integration", "aws-native:apigatewayv2:Integration"], "apiId"),
        entry(classicMethod, "restApi"),
        integration(["aws:apigateway/integration:Integration"], "restApi"),
        nativeMethodMember,
    ].flatMap((reader) => reader.types.map((type) => [type, reader] as const)),
);

/** Where an API's own id is, once it exists (aws-native `apiId` / `restApiId` hold it as well). */
export const API_IDENTITIES: ReadonlyMap<string, Identity> = new Map([
    ["aws:apigatewayv2/api:Api", { ids: ["id"], names: [] }],
    ["aws-native:apigatewayv2:Api", { ids: ["id", "apiId"], names: [] }],
    ["aws:apigateway/restApi:RestApi", { ids: ["id"], names: [] }],
    ["aws-native:apigateway:RestApi", { ids: ["id", "restApiId"], names: [] }],
]);
