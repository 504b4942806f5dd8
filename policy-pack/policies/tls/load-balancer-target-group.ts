// tls-load-balancer-target-group (stack policy, advisory by default): a target group that an
// HTTPS listener (or a rule on one) forwards to re-encrypts to its targets.
//
// An HTTPS listener ends TLS at the load balancer; a target group of protocol HTTP then carries
// the decrypted requests, and whatever the targets answer, across the VPC in plaintext. Zero
// trust does not take the VPC as a trusted network: the target group should be HTTPS, and its
// health checks HTTPS too (an HTTP health check needs a plaintext port open on every target; on
// an Application Load Balancer an unset health check protocol is HTTP). Advisory by default
// because re-encryption needs a certificate in every target; set it to mandatory where the
// estate has one (the workload tier does).
//
// The forwarders are listeners of protocol HTTPS and listener rules whose listener, found through
// the rule's dependency on listenerArn, is one (or, for a listener of another stack, whose
// listenerArn is in trustedListenerArns). Rules of plain HTTP listeners are judged by
// tls-load-balancer-listener-rule. A target group is linked to a forwarder through the
// forwarder's dependency on its actions (defaultActions, actions), or by its known ARN written as
// a literal in them. Target groups without a protocol (Lambda targets) are not judged.

import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { label, linkedThrough, propsOf, resourcesIn } from "../../readers/graph";
import { Reading, Unknown, UNKNOWN } from "../../readers/known";
import { LISTENER_RULE_TYPES, listenerArnOf } from "../../readers/tls/listener-rules";
import { TLS_LISTENER_TYPES } from "../../readers/tls/listeners";
import { forwardedArns, readTargetGroup, TARGET_GROUP_TYPES, targetGroupArn } from "../../readers/tls/target-groups";
import { show } from "../../readers/tls/values";
import { guardStack } from "../guard";
import { NIST_SC_8_1, TLS_FAMILY_TAGS } from "./metadata";
import { TlsSettings, tlsSettings } from "./settings";

export const NAME = "tls-load-balancer-target-group";

const TARGET_GROUPS_DOC = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html";

const FIX =
    'Set the target group\'s protocol to "HTTPS" and its health check protocol to "HTTPS" (classic healthCheck.protocol, ' +
    "aws-native healthCheckProtocol), and serve TLS in the targets (the load balancer does not validate their certificates, " +
    "so a certificate from a private CA will do).";

/** The protocol of a listener of the stack, upper case; UNKNOWN during preview. */
function listenerProtocol(listener: PolicyResource, reading: Reading): string | undefined | Unknown {
    const protocol = reading.get(propsOf(listener), "protocol");
    if (protocol === UNKNOWN) {
        return UNKNOWN;
    }
    return typeof protocol === "string" ? protocol.trim().toUpperCase() : undefined;
}

/** Whether a forwarder ends HTTPS: true, false, or UNKNOWN. */
function endsHttps(forwarder: PolicyResource, settings: TlsSettings, reading: Reading): boolean | Unknown {
    if (TLS_LISTENER_TYPES.has(forwarder.type)) {
        const protocol = listenerProtocol(forwarder, reading);
        return protocol === UNKNOWN ? UNKNOWN : protocol === "HTTPS";
    }
    const listeners = linkedThrough(forwarder, ["listenerArn"], TLS_LISTENER_TYPES);
    if (listeners.length > 0) {
        const protocols = listeners.map((listener) => listenerProtocol(listener, reading));
        return protocols.includes("HTTPS") ? true : protocols.includes(UNKNOWN) ? UNKNOWN : false;
    }
    const arn = listenerArnOf(propsOf(forwarder), reading);
    return arn === UNKNOWN ? UNKNOWN : typeof arn === "string" && settings.trustedListenerArns.has(arn);
}

/** What is wrong with a target group an HTTPS listener forwards to; UNKNOWN when that depends on unknowns. */
function problemOf(group: PolicyResource, reading: Reading): string | undefined | Unknown {
    const view = readTargetGroup(group.type, propsOf(group), reading);
    if (view === undefined || view.protocol === undefined) {
        return undefined;
    }
    if (view.protocol === UNKNOWN) {
        return UNKNOWN;
    }
    if (view.protocol !== "HTTPS") {
        return view.protocol === "HTTP" ? "forwards the decrypted requests to its targets over plain HTTP" : undefined;
    }
    if (view.healthCheckEnabled === false) {
        return undefined;
    }
    const health = view.healthCheckProtocol;
    if (health === UNKNOWN || view.healthCheckEnabled === UNKNOWN) {
        return UNKNOWN;
    }
    if (health === "HTTPS") {
        return undefined;
    }
    return health === undefined
        ? "health-checks its targets over HTTP (the default of an unset health check protocol)"
        : `health-checks its targets over ${show(health)}`;
}

export const loadBalancerTargetGroup: StackValidationPolicy = {
    name: NAME,
    displayName: "HTTPS listeners re-encrypt to their target groups",
    description:
        "Target groups (classic and aws-native) that an HTTPS listener, or a rule on one, forwards to must use protocol " +
        "HTTPS with HTTPS health checks: a target group of protocol HTTP carries the decrypted traffic across the VPC in " +
        "plaintext. Advisory by default; set it to mandatory where every target serves TLS. Follows the stack's " +
        "dependencies from listeners and rules to target groups.",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: NIST_SC_8_1,
    tags: [...TLS_FAMILY_TAGS, "load-balancer"],
    remediationSteps: FIX,
    url: TARGET_GROUPS_DOC,
    configSchema: tlsSettings.schema("trustedListenerArns"),
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            const settings = tlsSettings.from(args);
            const resources = resourcesIn(args.resources);
            const groups = resources.filter((r) => TARGET_GROUP_TYPES.has(r.type));
            const byArn = new Map(
                groups.flatMap((g) => (targetGroupArn(g, reading) === undefined ? [] : [[targetGroupArn(g, reading)!, g]])),
            );
            const forwarders = new Map<PolicyResource, { https: PolicyResource[]; unknown: boolean }>();
            for (const forwarder of resources.filter((r) => TLS_LISTENER_TYPES.has(r.type) || LISTENER_RULE_TYPES.has(r.type))) {
                const actionsKey = TLS_LISTENER_TYPES.has(forwarder.type) ? "defaultActions" : "actions";
                const targets = [
                    ...linkedThrough(forwarder, [actionsKey], TARGET_GROUP_TYPES),
                    ...forwardedArns(reading.list(propsOf(forwarder), actionsKey), reading).flatMap((arn) => byArn.get(arn) ?? []),
                ];
                if (targets.length === 0) {
                    continue;
                }
                const https = endsHttps(forwarder, settings, reading);
                for (const target of targets) {
                    const entry = forwarders.get(target) ?? { https: [], unknown: false };
                    if (https === UNKNOWN) {
                        entry.unknown = true;
                    } else if (https && !entry.https.includes(forwarder)) {
                        entry.https.push(forwarder);
                    }
                    forwarders.set(target, entry);
                }
            }
            for (const [group, entry] of forwarders) {
                const problem = problemOf(group, reading);
                if (problem === undefined) {
                    continue;
                }
                if (problem === UNKNOWN || entry.https.length === 0) {
                    if (problem === UNKNOWN ? entry.https.length > 0 || entry.unknown : entry.unknown) {
                        reading.markUndecided();
                    }
                    continue;
                }
                report(
                    `${label(group)} receives the traffic of ${entry.https.map(label).join(", ")}, which ends TLS, and ${problem}. ${FIX}`,
                    group.urn,
                );
            }
        },
        new Set([...TARGET_GROUP_TYPES, ...TLS_LISTENER_TYPES, ...LISTENER_RULE_TYPES]),
    ),
};
