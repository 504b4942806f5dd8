// tls-load-balancer-listener-rule (stack policy): a listener rule cannot serve plaintext on an
// HTTP listener that tls-load-balancer-listener passed because its DEFAULT action redirects to HTTPS.
//
// Every listener rule (classic aws:lb / aws:alb ListenerRule, aws-native ListenerRule) whose
// listener is plain HTTP may only carry actions that keep data off the plaintext connection:
//
//   redirect with protocol HTTPS   passes (the client is sent to TLS before anything is served)
//   fixed-response                 passes: the load balancer answers with a static body written in
//                                  the rule; no request reaches a target and no target data leaves.
//                                  Its exposure equals that of the HTTPS redirect the pack already
//                                  accepts (which is itself a fixed plaintext response): the request
//                                  has already crossed in plaintext either way, and a man in the
//                                  middle can rewrite either response.
//   redirect without protocol, "#{protocol}" or HTTP     fails (keeps HTTP)
//   forward                        fails (requests and responses cross the network without TLS)
//   authenticate-cognito / -oidc, jwt-validation          fails (session cookies, codes, bearer tokens in plaintext)
//   no type, unrecognised type     fails (fail closed)
//
// Rules whose actions all pass are never tied to a listener: they pass wherever they are attached.
//
// The listener is found through the rule's dependency on `listenerArn` (propertyDependencies, or
// plain dependencies when the engine sent no per-property ones), never by comparing ARN values
// (unknown during preview). A listener is plain HTTP when its protocol is HTTP, or is unset while
// a port is set (an ALB listener defaults to HTTP; NLB and GWLB listeners take no rules), or is
// malformed (fail closed). When several listeners are linked (plain dependencies), the rule is
// judged as if on a plain one if any of them is.
//
// A rule whose listener is not in the stack:
//   listenerArn unknown (preview)  the SDK's "can't run during preview" advisory
//   listenerArn a known string     the listener's protocol cannot be seen from this stack, so a
//                                  forwarding rule fails unless the ARN is in trustedListenerArns:
//                                  otherwise splitting the HTTP listener and its rules across two
//                                  stacks would dodge the control (as trustedParameterGroupNames
//                                  does for parameter groups). Exemptions by name or tag also apply.
//   no listenerArn, or malformed   fails (nothing shows the listener is HTTPS)

import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { label, linkedThrough, propsOf, resourcesIn } from "../../readers/graph";
import { Reading, Unknown, UNKNOWN } from "../../readers/known";
import { LISTENER_RULE_TYPES, listenerArnOf, ListenerRuleView, readListenerRule } from "../../readers/tls/listener-rules";
import { readTlsListener, TLS_LISTENER_TYPES } from "../../readers/tls/listeners";
import { ODD, show } from "../../readers/tls/values";
import { guardStack } from "../guard";
import { TAG } from "../metadata";
import { PCI_4_2_1, TLS_FAMILY_TAGS } from "./metadata";
import { TlsSettings, tlsSettings } from "./settings";

export const NAME = "tls-load-balancer-listener-rule";

export const LISTENER_RULES_DOC = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html";

// ---- judgement ----------------------------------------------------------------------------------

interface ActionsVerdict {
    /** Known actions that would serve or accept data over plaintext HTTP. */
    bad: string[];
    /** Some action's verdict depends on an unknown value. */
    undecided: boolean;
}

function judgeActions(view: ListenerRuleView): ActionsVerdict {
    if (view.actions === UNKNOWN) {
        return { bad: [], undecided: true };
    }
    const verdict: ActionsVerdict = { bad: [], undecided: false };
    for (const action of view.actions) {
        const at = `actions[${action.index}]`;
        if (action.type === UNKNOWN) {
            verdict.undecided = true;
        } else if (action.type === "fixed-response") {
            continue;
        } else if (action.type === "redirect") {
            if (action.redirectProtocol === UNKNOWN) {
                verdict.undecided = true;
            } else if (action.redirectProtocol !== "HTTPS") {
                verdict.bad.push(
                    `${at} redirects ${
                        action.redirectProtocol === undefined || action.redirectProtocol === "#{PROTOCOL}"
                            ? "keeping the request's protocol (HTTP)"
                            : `to protocol ${show(action.redirectProtocol)}`
                    }`,
                );
            }
        } else if (action.type === "forward") {
            verdict.bad.push(`${at} forwards requests to targets in plaintext`);
        } else if (typeof action.type === "string" && (action.type.startsWith("authenticate-") || action.type === "jwt-validation")) {
            verdict.bad.push(`${at} is ${show(action.type)}, which exchanges credentials or tokens in plaintext`);
        } else {
            verdict.bad.push(
                `${at} is ${action.type === undefined ? "(no type)" : show(action.type)}, not a redirect to HTTPS or a fixed response`,
            );
        }
    }
    return verdict;
}

type Plainness = "plain" | "encrypted-or-other" | Unknown;

/** Whether a listener of the stack is plain HTTP (see the header). */
function plainness(listener: PolicyResource, reading: Reading): Plainness {
    const view = readTlsListener(listener.type, propsOf(listener), reading);
    if (view === undefined) {
        return "encrypted-or-other";
    }
    const protocol = view.protocol;
    if (protocol === UNKNOWN) {
        return UNKNOWN;
    }
    if (protocol === undefined) {
        if (view.port === undefined) {
            return "encrypted-or-other"; // a gateway load balancer listener (takes no rules)
        }
        return view.port === UNKNOWN ? UNKNOWN : "plain";
    }
    return protocol === "HTTP" || protocol === ODD ? "plain" : "encrypted-or-other";
}

const FIX =
    "Attach forwarding rules to an HTTPS listener with an allowed TLS 1.2+ sslPolicy, or make every action of this rule a " +
    'redirect to HTTPS ({ type: "redirect", redirect (aws-native: redirectConfig): { protocol: "HTTPS", port: "443", ' +
    'statusCode: "HTTP_301" } }) or a fixed-response.';

function checkRule(rule: PolicyResource, settings: TlsSettings, reading: Reading): string | undefined {
    const view = readListenerRule(rule.type, propsOf(rule), reading);
    if (view === undefined) {
        return undefined;
    }
    const verdict = judgeActions(view);
    if (verdict.bad.length === 0 && !verdict.undecided) {
        return undefined; // safe on any listener
    }
    const problems = verdict.bad.join("; ");

    const listeners = linkedThrough(rule, ["listenerArn"], TLS_LISTENER_TYPES);
    if (listeners.length > 0) {
        const kinds = listeners.map((listener) => ({ listener, kind: plainness(listener, reading) }));
        const plain = kinds.find((k) => k.kind === "plain");
        if (plain !== undefined && verdict.bad.length > 0) {
            return `${label(rule)} is on plain HTTP listener ${label(plain.listener)}, and ${problems}: requests matching this rule travel without TLS. ${FIX}`;
        }
        if (plain !== undefined || kinds.some((k) => k.kind === UNKNOWN)) {
            reading.markUndecided();
        }
        return undefined;
    }

    const arn = listenerArnOf(propsOf(rule), reading);
    if (arn === UNKNOWN) {
        reading.markUndecided();
        return undefined;
    }
    if (typeof arn === "string" && settings.trustedListenerArns.has(arn)) {
        return undefined;
    }
    if (verdict.bad.length === 0) {
        reading.markUndecided();
        return undefined;
    }
    if (typeof arn === "string") {
        return (
            `${label(rule)} is on listener ${show(arn)}, which is not declared in this stack, so nothing shows that it is HTTPS, and ${problems}. ` +
            `${FIX} If that listener is managed elsewhere and is HTTPS with a TLS 1.2+ sslPolicy, add its ARN to trustedListenerArns.`
        );
    }
    return `${label(rule)} names no listener of this stack (listenerArn ${arn === undefined ? "is unset" : "is malformed"}), so nothing shows that it is HTTPS, and ${problems}. ${FIX}`;
}

export const loadBalancerListenerRule: StackValidationPolicy = {
    name: NAME,
    displayName: "Listener rules on HTTP listeners only redirect to HTTPS",
    description:
        "Listener rules (classic and aws-native) attached to a plain HTTP load balancer listener may only redirect to HTTPS " +
        "or return a fixed response; forward, authenticate and JWT-validation actions would serve the matching paths without " +
        "TLS even though the listener's default action redirects. Follows the stack's dependencies from rules to listeners.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: PCI_4_2_1,
    tags: [...TLS_FAMILY_TAGS, TAG.securityHub("ELB.1"), "load-balancer"],
    remediationSteps:
        "Move rules that forward (or authenticate) to the load balancer's HTTPS listener, referencing that listener's arn " +
        "output in listenerArn; on the HTTP listener keep only rules whose actions redirect to protocol HTTPS (port 443, " +
        "status HTTP_301) or return a fixed response. For a rule on a listener of another stack, add that listener's ARN to " +
        "trustedListenerArns only if it is an HTTPS listener with a TLS 1.2+ sslPolicy.",
    url: LISTENER_RULES_DOC,
    configSchema: tlsSettings.schema("trustedListenerArns"),
    validateStack: guardStack(
        NAME,
        (args, report, reading) => {
            const settings = tlsSettings.from(args);
            for (const resource of resourcesIn(args.resources)) {
                if (!LISTENER_RULE_TYPES.has(resource.type)) {
                    continue;
                }
                const problem = checkRule(resource, settings, reading);
                if (problem !== undefined) {
                    report(problem, resource.urn);
                }
            }
        },
        new Set([...LISTENER_RULE_TYPES, ...TLS_LISTENER_TYPES]),
    ),
};
