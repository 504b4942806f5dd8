// tls-load-balancer-listener: ALB/NLB listeners speak TLS 1.2+ or only redirect to HTTPS.
//
//   HTTPS, TLS           sslPolicy in the allow-list; unset means ELBSecurityPolicy-2016-08 (TLS 1.0) → fails
//   HTTP                 every default action is a redirect with protocol HTTPS
//   TCP, UDP, TCP_UDP    the load balancer does not encrypt: fails unless the port is in plaintextPassthroughPorts
//                        (TLS terminated by the targets cannot be seen from here)
//   QUIC                 passes: QUIC always runs TLS 1.3 (RFC 9001)
//   TCP_QUIC             judged as TCP (its TCP half is a plain stream)
//   GENEVE, or no protocol and no port (a gateway load balancer listener)   passes: packets are not terminated
//   anything else        fails (fail closed on values the pack does not know)

import { ResourceValidationPolicy } from "@pulumi/policy";
import { Reading, UNKNOWN } from "../../readers/known";
import { readTlsListener, TLS_LISTENER_TYPES, TlsListenerView } from "../../readers/tls/listeners";
import { ODD, show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { remediateListener } from "./listener-remediation";
import { TAG } from "../metadata";
import { PCI_4_2_1, TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";
import { ELB_DEFAULT_SSL_POLICY, RECOMMENDED_ELB_SSL_POLICY, TlsSettings, tlsSettings } from "./settings";

export const NAME = "tls-load-balancer-listener";

const PASSTHROUGH = new Set(["TCP", "UDP", "TCP_UDP", "TCP_QUIC"]);

function judgeSslPolicy(
    view: TlsListenerView,
    protocol: string,
    settings: TlsSettings,
    report: (m: string) => void,
    reading: Reading,
): void {
    const policy = view.sslPolicy;
    if (policy === UNKNOWN) {
        reading.markUndecided();
    } else if (policy === undefined) {
        report(
            `This ${protocol} listener sets no sslPolicy, so AWS applies ${ELB_DEFAULT_SSL_POLICY}, which accepts TLS 1.0 and 1.1. ` +
                `Set sslPolicy to ${RECOMMENDED_ELB_SSL_POLICY} or another allowed TLS 1.2+ policy.`,
        );
    } else if (policy === ODD || !settings.allowedSslPolicies.has(policy)) {
        report(
            `This ${protocol} listener uses sslPolicy ${show(policy)}, which is not an allowed TLS 1.2+ ELB security policy. ` +
                `Set sslPolicy to ${RECOMMENDED_ELB_SSL_POLICY} (or another policy in allowedSslPolicies).`,
        );
    }
}

function judgeHttp(view: TlsListenerView, report: (m: string) => void, reading: Reading): void {
    const redirectHint =
        'Make every default action a redirect to HTTPS: { type: "redirect", redirect (aws-native: redirectConfig): ' +
        '{ protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }, or turn the listener into HTTPS.';
    if (view.actions === UNKNOWN) {
        reading.markUndecided();
        return;
    }
    if (view.actions.length === 0) {
        report(`This plain HTTP listener has no default action that redirects to HTTPS. ${redirectHint}`);
        return;
    }
    const bad: string[] = [];
    for (const action of view.actions) {
        if (action.type === UNKNOWN || (action.type === "redirect" && action.redirectProtocol === UNKNOWN)) {
            reading.markUndecided();
        } else if (action.type !== "redirect") {
            bad.push(`defaultActions[${action.index}] is ${show(action.type ?? "(no type)")}`);
        } else if (action.redirectProtocol !== "HTTPS") {
            bad.push(
                `defaultActions[${action.index}] redirects ${action.redirectProtocol === undefined ? "keeping the request's protocol (HTTP)" : `to protocol ${show(action.redirectProtocol)}`}`,
            );
        }
    }
    if (bad.length > 0) {
        report(`This plain HTTP listener serves traffic without TLS: ${bad.join("; ")}. ${redirectHint}`);
    }
}

export const loadBalancerListener: ResourceValidationPolicy = {
    name: NAME,
    displayName: "Load balancer listeners use TLS 1.2+ or redirect to HTTPS",
    description:
        "Application and network load balancer listeners (classic and aws-native) must terminate HTTPS/TLS with an allowed " +
        "TLS 1.2+ ELB security policy; a plain HTTP listener may only redirect to HTTPS; plaintext TCP/UDP passthrough " +
        "passes only on ports configured as passthrough.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: PCI_4_2_1,
    tags: [...TLS_FAMILY_TAGS, TAG.securityHub("ELB.1"), "load-balancer"],
    remediationSteps:
        `Set sslPolicy on HTTPS and TLS listeners to ${RECOMMENDED_ELB_SSL_POLICY} (TLS 1.3 and 1.2), or another policy of ` +
        "the allowedSslPolicies list, in place of a missing or weak one. Replace the default actions of plain HTTP listeners " +
        "with a single redirect to protocol HTTPS, port 443, status HTTP_301. For network load balancers, terminate TLS on a " +
        "TLS listener; list a port in plaintextPassthroughPorts only when the targets terminate TLS 1.2+ themselves.",
    url: TLS_DOCS.elbPolicies,
    configSchema: tlsSettings.schema("allowedSslPolicies", "plaintextPassthroughPorts"),
    validateResource: guardResource(NAME, TLS_LISTENER_TYPES, (args, props, report, reading) => {
        const view = readTlsListener(args.type, props, reading);
        if (view === undefined) {
            return;
        }
        const settings = tlsSettings.from(args);
        const protocol = view.protocol;
        if (protocol === UNKNOWN) {
            reading.markUndecided();
            return;
        }
        if (protocol === undefined) {
            if (view.port === undefined) {
                return; // a gateway load balancer listener (GENEVE): packets are forwarded, not terminated
            }
            if (view.port === UNKNOWN) {
                reading.markUndecided();
                return;
            }
            judgeHttp(view, report, reading); // ALB default protocol is HTTP
            return;
        }
        switch (protocol) {
            case "HTTPS":
            case "TLS":
                judgeSslPolicy(view, protocol, settings, report, reading);
                return;
            case "HTTP":
                judgeHttp(view, report, reading);
                return;
            case "GENEVE":
            case "QUIC":
                return;
            default:
                break;
        }
        if (typeof protocol === "string" && PASSTHROUGH.has(protocol)) {
            if (view.port === UNKNOWN) {
                reading.markUndecided();
            } else if (typeof view.port !== "number" || !settings.plaintextPassthroughPorts.has(view.port)) {
                report(
                    `This ${protocol} listener on port ${show(view.port ?? "(unset)")} passes traffic through without TLS at the load balancer, ` +
                        `and nothing here shows that the targets use TLS 1.2+. Use a TLS listener with an allowed sslPolicy, or ` +
                        `add the port to plaintextPassthroughPorts if the targets terminate TLS 1.2+ themselves.`,
                );
            }
            return;
        }
        report(
            `This listener's protocol ${show(protocol)} is not one the pack recognises as TLS 1.2+; use HTTPS or TLS with an allowed sslPolicy.`,
        );
    }),
    remediateResource: remediateListener,
};
