// ingress-private-integration-authorizer (stack policy): an API with a private integration (one
// that reaches into a VPC through a VPC link, connectionType VPC_LINK) authenticates every route
// and method, CORS preflight included.
//
// A private integration is how an internal application is put behind API Gateway: the API is then
// the only authentication in front of it. A route without an authorizer on such an API hands the
// internet an unauthenticated path into the VPC, and an OPTIONS route that reaches the integration
// passes whatever it carries to the backend (configure CORS on the API so that API Gateway answers
// preflights itself). WebSocket routes after $connect stay excepted (AWS authorizes those at
// $connect only).
//
// One resource cannot show which API a route and an integration share, so this looks at the stack:
//   route / method / integration --propertyDependencies[apiId | restApi | restApiId] or literal id--> API

import { StackValidationPolicy } from "@pulumi/policy";
import { AttachmentTargets, Contribution, gatherByTarget } from "../../readers/attachments";
import { label, propsOf, resourcesIn } from "../../readers/graph";
import { API_IDENTITIES, API_MEMBER_READERS, ApiMember } from "../../readers/ingress";
import { Reading, UNKNOWN } from "../../readers/known";
import { guardStack } from "../guard";
import { nist } from "../metadata";
import { ENTRY_POINT_TAGS, INGRESS_DOCS } from "./metadata";
import { judgeEntry } from "./entry-authorization";

export const NAME = "ingress-private-integration-authorizer";

type Members = readonly Contribution<ApiMember>[];

const privateOnes = (members: Members) => members.filter((m) => m.view.privateIntegration === true);
const maybePrivate = (members: Members) => members.some((m) => m.view.privateIntegration === UNKNOWN);

/** Reports each open route or method of one API whose private integrations `privates` are. */
function judgeApi(
    api: string,
    entries: Members,
    privates: Members,
    undecidedPrivate: boolean,
    report: (message: string, urn: string) => void,
    reading: Reading,
): void {
    for (const { resource, view } of entries) {
        const verdict = view.entry === undefined ? undefined : judgeEntry(view.entry, false);
        if (verdict?.kind === "undecided" || (verdict?.kind === "open" && privates.length === 0 && undecidedPrivate)) {
            reading.markUndecided();
        } else if (verdict?.kind === "open" && privates.length > 0) {
            report(
                `${verdict.message} It belongs to ${api}, whose ${privates.map((p) => label(p.resource)).join(", ")} reaches into the ` +
                    "VPC through a VPC link (connectionType VPC_LINK): the route is an unauthenticated path to a private " +
                    "backend. Give it an authorizer; let API Gateway answer CORS preflights (cors configuration on the API).",
                resource.urn,
            );
        }
    }
}

export const privateIntegrationAuthorizer: StackValidationPolicy = {
    name: NAME,
    displayName: "APIs with private integrations authenticate every route",
    description:
        "On an API Gateway API (HTTP or REST) with an integration that reaches into a VPC through a VPC link (classic and " +
        "aws-native v2 Integration or v1 Integration / Method integration with connectionType VPC_LINK), every route and " +
        "method must have an authorizer, OPTIONS preflights included: the API is the only authentication in front of the " +
        "private backend. Routes, methods and integrations are linked to their API by reference or by its id written as a literal.",
    enforcementLevel: "mandatory",
    severity: "critical",
    framework: nist("AC-3", "Access Enforcement"),
    tags: [...ENTRY_POINT_TAGS, "api-gateway", "vpc-link"],
    remediationSteps:
        "Give every route of the API an authorizer (JWT from the corporate identity provider, AWS_IAM, or a Lambda " +
        "authorizer) and every REST method AWS_IAM, CUSTOM or COGNITO_USER_POOLS authorization. Remove OPTIONS routes that " +
        "forward to the VPC link and set the API's cors configuration instead. Reference the API by output (apiId: api.id) " +
        "so the link is visible.",
    url: INGRESS_DOCS.privateIntegrations,
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            const resources = resourcesIn(args.resources);
            const apis = new AttachmentTargets(resources, API_IDENTITIES, reading);
            const gathered = gatherByTarget(
                resources,
                apis,
                (type) => {
                    const reader = API_MEMBER_READERS.get(type);
                    return (
                        reader && {
                            attachment: { kind: "separate", targetProperties: [reader.apiProperty] },
                            read: (resource) => reader.read(propsOf(resource), reading),
                        }
                    );
                },
                reading,
            );
            const unattributed = gathered.unattributed;
            for (const { target, contributions } of gathered.byTarget) {
                const api = target.kind === "declared" ? `API ${label(target.resource)}` : `the API ${JSON.stringify(target.value)}`;
                // A member of an unknown API could be a private integration of this one (or a route of it).
                judgeApi(
                    api,
                    contributions,
                    privateOnes(contributions),
                    maybePrivate(contributions) || privateOnes(unattributed).length > 0,
                    report,
                    reading,
                );
                if (privateOnes(contributions).length > 0) {
                    judgeApi(api, unattributed, [], true, report, reading);
                }
            }
            // An aws-native method with an inline private integration is its own proof, whatever its API.
            for (const member of privateOnes(unattributed)) {
                judgeApi("its API", [member], [member], false, report, reading);
            }
        },
        new Set([...API_IDENTITIES.keys(), ...API_MEMBER_READERS.keys()]),
    ),
};
