// tls-classic-load-balancer-ssl-policy: Classic Load Balancer SSL negotiation policies (the
// policy resources of the classic provider, the inline policies of the aws-native load balancer)
// allow TLS 1.2+ only.
//
//   Reference-Security-Policy    must be in allowedSslPolicies (the predefined ELBSecurityPolicy-2016-08
//                                and older, and ELBSecurityPolicy-TLS-1-1-2017-01, accept TLS 1.0/1.1)
//   Protocol-SSLv2, Protocol-SSLv3, Protocol-TLSv1, Protocol-TLSv1.1
//                                must not be on (any value but "false" counts as on)
// A custom policy without a reference lists the protocols it enables (unlisted ones are off).
// Policies of other types (stickiness, proxy protocol, back-end authentication) are not read.
// Whether each HTTPS/SSL listener has such a policy at all is the stack policy
// tls-classic-load-balancer-listener's job.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { isFalse, Reading, UNKNOWN } from "../../readers/known";
import {
    LOAD_BALANCER_POLICY_TYPE,
    NATIVE_CLASSIC_ELB_TYPE,
    NegotiationPolicyView,
    readClassicLoadBalancer,
    readNegotiationPolicy,
    SSL_NEGOTIATION_POLICY_TYPE,
} from "../../readers/tls/classic-load-balancers";
import { show } from "../../readers/tls/values";
import { guardResource } from "../guard";
import { TAG } from "../metadata";
import { PCI_4_2_1, TLS_DOCS, TLS_FAMILY_TAGS } from "./metadata";
import { RECOMMENDED_CLASSIC_ELB_SSL_POLICY, TlsSettings, tlsSettings } from "./settings";

export const NAME = "tls-classic-load-balancer-ssl-policy";

const WEAK_PROTOCOLS = ["Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"];
const REFERENCE = "Reference-Security-Policy";

export const NEGOTIATION_FIX =
    `Use an SSL negotiation policy (policy type SSLNegotiationPolicyType) whose ${REFERENCE} is ${RECOMMENDED_CLASSIC_ELB_SSL_POLICY} ` +
    "(or another policy of allowedSslPolicies), with no Protocol-SSLv3, Protocol-TLSv1 or Protocol-TLSv1.1 attribute set to true.";

export type NegotiationVerdict = { kind: "tls12" } | { kind: "undecided" } | { kind: "fails"; reason: string };

/** Does this SSL negotiation policy allow TLS 1.2+ only? */
export function judgeNegotiationPolicy(view: NegotiationPolicyView, settings: TlsSettings, reading: Reading): NegotiationVerdict {
    const attributes = view.attributes;
    if (attributes === UNKNOWN) {
        reading.markUndecided();
        return { kind: "undecided" };
    }
    const values = (name: string) => attributes.get(name.toLowerCase()) ?? [];
    const problems: string[] = [];
    let undecided = view.someNameUnknown;
    const enabled = WEAK_PROTOCOLS.filter((protocol) => {
        const set = values(protocol);
        undecided ||= set.includes(UNKNOWN);
        return set.some((v) => v !== UNKNOWN && !isFalse(v));
    });
    if (enabled.length > 0) {
        problems.push(`turns on ${enabled.join(", ")}`);
    }
    for (const reference of values(REFERENCE)) {
        if (reference === UNKNOWN) {
            undecided = true;
        } else if (typeof reference !== "string" || !settings.allowedSslPolicies.has(reference)) {
            problems.push(`references ${show(reference ?? "(empty)")}, which is not an allowed TLS 1.2+ ELB security policy`);
        }
    }
    if (problems.length > 0) {
        return { kind: "fails", reason: problems.join(" and ") };
    }
    if (undecided) {
        reading.markUndecided();
        return { kind: "undecided" };
    }
    return { kind: "tls12" };
}

const TYPES: ReadonlySet<string> = new Set([LOAD_BALANCER_POLICY_TYPE, SSL_NEGOTIATION_POLICY_TYPE, NATIVE_CLASSIC_ELB_TYPE]);

export const classicLoadBalancerSslPolicy: ResourceValidationPolicy = {
    name: NAME,
    displayName: "Classic Load Balancer SSL negotiation policies allow TLS 1.2+ only",
    description:
        "SSL negotiation policies of Classic Load Balancers (classic LoadBalancerPolicy of type SSLNegotiationPolicyType " +
        "and SslNegotiationPolicy, aws-native inline policies) must reference an allowed TLS 1.2+ ELB security policy, " +
        "if they reference one, and must not turn on Protocol-SSLv3, Protocol-TLSv1 or Protocol-TLSv1.1.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: PCI_4_2_1,
    tags: [...TLS_FAMILY_TAGS, TAG.securityHub("ELB.8"), "load-balancer", "classic-load-balancer"],
    remediationSteps: NEGOTIATION_FIX,
    url: TLS_DOCS.classicElbPolicies,
    configSchema: tlsSettings.schema("allowedSslPolicies"),
    validateResource: guardResource(NAME, TYPES, (args, props, report, reading) => {
        const settings = tlsSettings.from(args);
        const judge = (policy: NegotiationPolicyView | typeof UNKNOWN, where: string) => {
            if (policy === UNKNOWN) {
                reading.markUndecided();
                return;
            }
            const verdict = judgeNegotiationPolicy(policy, settings, reading);
            if (verdict.kind === "fails") {
                report(`${where} ${verdict.reason}: clients may negotiate TLS below 1.2. ${NEGOTIATION_FIX}`);
            }
        };
        if (args.type === NATIVE_CLASSIC_ELB_TYPE) {
            const view = readClassicLoadBalancer(args.type, props, reading);
            if (view?.policies === UNKNOWN) {
                reading.markUndecided();
                return;
            }
            for (const policy of view?.policies ?? []) {
                judge(policy, `SSL negotiation policy ${policy === UNKNOWN ? "(unknown)" : show(policy.name)}`);
            }
            return;
        }
        const policy = readNegotiationPolicy(args.type, props, reading);
        if (policy !== undefined) {
            judge(policy, "This SSL negotiation policy");
        }
    }),
};
