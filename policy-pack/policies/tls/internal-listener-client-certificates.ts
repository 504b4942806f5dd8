// tls-internal-listener-client-certificates (stack policy): every HTTPS listener of an internal
// application load balancer verifies client certificates (mutual TLS, mode "verify" against a
// trust store), so a service inside the VPC is reached only by callers that prove who they are.
//
// Judged: HTTPS listeners whose load balancer, declared in the stack, is internal (classic
// `internal: true`, aws-native `scheme: "internal"`) and of type application. Mode "off" (AWS's
// default) asks for no certificate; "passthrough" hands the certificate to the targets in a header
// without verifying it; "verify" without a trust store verifies against nothing. All three fail.
//
// Not judged: listeners of internet-facing load balancers (client certificates at the internet
// entry are optional; the entry authenticates at layer 7), of network load balancers, and of load
// balancers not declared in the stack (a literal ARN of another stack: nothing shows whether it is
// internal). Exempt: a listener that API Gateway reaches through a VPC link (an apigatewayv2
// Integration with connectionType VPC_LINK whose integrationUri is the listener's ARN). The VPC
// link presents no client certificate, so verify mode would refuse the gateway; there the gateway
// authenticates every caller, which ingress-private-integration-authorizer requires.
//
// Links, as the other stack policies make them (readers/attachments.ts):
//   listener    --propertyDependencies[loadBalancerArn] or its literal ARN--> load balancer
//   integration --propertyDependencies[integrationUri] or its literal ARN---> listener
// During preview, an unknown mode, protocol or scheme, a load balancer or integration target that
// cannot be resolved, or a trust store ARN that is unknown without a dependency on a trust store of
// the stack, leaves a listener that would otherwise fail undecided (the preview advisory).

import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { AttachmentTargets, Contribution, gatherByTarget, Identity } from "../../readers/attachments";
import { label, linkedThrough, propsOf, resourcesIn } from "../../readers/graph";
import { API_MEMBER_READERS } from "../../readers/ingress";
import { Reading, Unknown, UNKNOWN } from "../../readers/known";
import { CLASSIC_LOAD_BALANCER_TYPES, NATIVE_LOAD_BALANCER_TYPE, readLoadBalancer } from "../../readers/load-balancers";
import { readTlsListener, TLS_LISTENER_TYPES } from "../../readers/tls/listeners";
import { readMutualAuthentication } from "../../readers/tls/mutual-authentication";
import { show } from "../../readers/tls/values";
import { guardStack } from "../guard";
import { nist, TAG } from "../metadata";
import { TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";

export const NAME = "tls-internal-listener-client-certificates";

const LOAD_BALANCER_IDENTITIES: ReadonlyMap<string, Identity> = new Map<string, Identity>([
    ...[...CLASSIC_LOAD_BALANCER_TYPES].map((type): [string, Identity] => [type, { ids: ["arn", "id"], names: [] }]),
    [NATIVE_LOAD_BALANCER_TYPE, { ids: ["loadBalancerArn", "id"], names: [] }],
]);

const LISTENER_IDENTITIES: ReadonlyMap<string, Identity> = new Map(
    [...TLS_LISTENER_TYPES].map((type) => [
        type,
        { ids: type.startsWith("aws-native:") ? ["listenerArn", "id"] : ["arn", "id"], names: [] },
    ]),
);

/** HTTP API integrations; a REST API's VPC link reaches network load balancers only. */
const GATEWAY_INTEGRATION_TYPES: ReadonlySet<string> = new Set([
    "aws:apigatewayv2/integration:Integration",
    "aws-native:apigatewayv2:Integration",
]);

const TRUST_STORE_TYPES: ReadonlySet<string> = new Set(["aws:lb/trustStore:TrustStore", "aws-native:elasticloadbalancingv2:TrustStore"]);

const FIX =
    'Set the listener\'s mutualAuthentication to { mode: "verify", trustStoreArn } (both providers), with a trust store ' +
    "holding the CA that issues the callers' client certificates, and give each caller a certificate of that CA. A listener " +
    "that only API Gateway reaches through a VPC link is exempt: reference it as the integrationUri of an apigatewayv2 " +
    "Integration with connectionType VPC_LINK; the VPC link presents no client certificate, and the gateway's authorizer " +
    "then authenticates every caller (ingress-private-integration-authorizer).";

/** What is wrong with a listener's client-certificate check; UNKNOWN when that depends on unknowns. */
function problemOf(listener: PolicyResource, reading: Reading): string | undefined | Unknown {
    const view = readMutualAuthentication(listener.type, propsOf(listener), reading);
    if (view === undefined) {
        return undefined;
    }
    switch (view.mode) {
        case UNKNOWN:
            return UNKNOWN;
        case "verify":
            if (typeof view.trustStoreArn === "string") {
                return undefined;
            }
            if (view.trustStoreArn === UNKNOWN) {
                // A trust store being created has no ARN yet; a dependency on one shows it is there.
                return linkedThrough(listener, ["mutualAuthentication"], TRUST_STORE_TYPES).length > 0 ? undefined : UNKNOWN;
            }
            return `verifies client certificates against no trust store (mutualAuthentication.trustStoreArn is ${view.trustStoreArn === undefined ? "unset" : show(view.trustStoreArn)})`;
        case "off":
            return 'asks callers for no client certificate (mutualAuthentication unset or mode "off")';
        case "passthrough":
            return (
                'passes client certificates through unverified (mutualAuthentication mode "passthrough": the load balancer ' +
                "hands whatever certificate a caller presents to the targets in a header and checks nothing)"
            );
        default:
            return `has mutualAuthentication mode ${show(view.mode)}, not "verify"`;
    }
}

/** The internal application load balancer the listener belongs to; "out" when it has none; UNKNOWN when undecided. */
function internalLoadBalancerOf(
    listener: PolicyResource,
    loadBalancers: AttachmentTargets,
    reading: Reading,
): PolicyResource | "out" | Unknown {
    let answer: "out" | Unknown = "out";
    for (const target of loadBalancers.of(listener, { kind: "separate", targetProperties: ["loadBalancerArn"] }, reading)) {
        if (target.kind === "unlinked") {
            answer = UNKNOWN;
        } else if (target.kind === "declared") {
            const view = readLoadBalancer(target.resource.type, propsOf(target.resource), reading)!;
            if (view.internetFacing === UNKNOWN || view.kind === UNKNOWN) {
                answer = UNKNOWN;
            } else if (!view.internetFacing && view.kind === "application") {
                return target.resource;
            }
        }
    }
    return answer;
}

/** Whether API Gateway fronts a listener through a VPC link: true, false, or UNKNOWN. */
type Fronting = (listener: PolicyResource) => boolean | Unknown;

function gatewayFronting(resources: readonly PolicyResource[], reading: Reading): Fronting {
    const listeners = new AttachmentTargets(resources, LISTENER_IDENTITIES, reading);
    const gathered = gatherByTarget(
        resources,
        listeners,
        (type) => {
            const reader = GATEWAY_INTEGRATION_TYPES.has(type) ? API_MEMBER_READERS.get(type) : undefined;
            return (
                reader && {
                    attachment: { kind: "separate", targetProperties: ["integrationUri"] },
                    // Only VPC links count (true), or what may be one during preview (UNKNOWN).
                    read: (resource) => {
                        const vpcLink = reader.read(propsOf(resource), reading).privateIntegration;
                        return vpcLink === true || vpcLink === UNKNOWN ? vpcLink : undefined;
                    },
                }
            );
        },
        reading,
    );
    const byListener = new Map<string, Contribution<true | Unknown>[]>();
    for (const { target, contributions } of gathered.byTarget) {
        if (target.kind === "declared") {
            byListener.set(target.resource.urn, contributions);
        }
    }
    // A VPC link whose integrationUri is unknown during preview may reach any listener.
    const anywhere = gathered.unattributed.some((c) => reading.get(propsOf(c.resource), "integrationUri") === UNKNOWN);
    return (listener) => {
        const links = byListener.get(listener.urn) ?? [];
        return links.some((c) => c.view === true) ? true : anywhere || links.length > 0 ? UNKNOWN : false;
    };
}

export const internalListenerClientCertificates: StackValidationPolicy = {
    name: NAME,
    displayName: "Internal service listeners verify client certificates",
    description:
        "HTTPS listeners (classic and aws-native) of internal application load balancers must verify client certificates: " +
        'mutualAuthentication mode "verify" with a trust store. Unset or "off" asks for no certificate; "passthrough" hands ' +
        "it to the targets unverified. Exempt: a listener that an API Gateway HTTP API reaches through a VPC link " +
        "(integrationUri), where the gateway authenticates every caller. Internet-facing load balancers are out of scope. " +
        "Follows the stack's dependencies, or literal ARNs, from listeners to load balancers and from integrations to listeners.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: nist("IA-9", "Service Identification and Authentication"),
    tags: [...TLS_FAMILY_TAGS, TAG.nist("IA-3"), TAG.nist("IA-9"), "authentication", "mutual-tls", "load-balancer"],
    remediationSteps: FIX,
    url: TLS_DOCS.mutualTls,
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            const resources = resourcesIn(args.resources);
            const loadBalancers = new AttachmentTargets(resources, LOAD_BALANCER_IDENTITIES, reading);
            let fronted: Fronting | undefined;
            for (const listener of resources.filter((r) => TLS_LISTENER_TYPES.has(r.type))) {
                const problem = problemOf(listener, reading);
                if (problem === undefined) {
                    continue;
                }
                const protocol = readTlsListener(listener.type, propsOf(listener), reading)!.protocol;
                const loadBalancer = internalLoadBalancerOf(listener, loadBalancers, reading);
                if ((protocol !== UNKNOWN && protocol !== "HTTPS") || loadBalancer === "out") {
                    continue;
                }
                fronted ??= gatewayFronting(resources, reading);
                const gateway = fronted(listener);
                if (gateway === true) {
                    continue;
                }
                if (problem === UNKNOWN || protocol === UNKNOWN || loadBalancer === UNKNOWN || gateway === UNKNOWN) {
                    reading.markUndecided();
                    continue;
                }
                report(
                    `${label(listener)}, on internal application load balancer ${label(loadBalancer)}, ${problem}: any caller ` +
                        `that reaches the load balancer is served without proving who it is. ${FIX}`,
                    listener.urn,
                );
            }
        },
        new Set([...TLS_LISTENER_TYPES, ...LOAD_BALANCER_IDENTITIES.keys(), ...GATEWAY_INTEGRATION_TYPES, ...TRUST_STORE_TYPES]),
    ),
};
