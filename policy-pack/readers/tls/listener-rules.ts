// Load balancer listener rules of both providers, as the TLS listener-rule policy needs them.
//
//   aws:lb/listenerRule:ListenerRule, aws:alb/listenerRule:ListenerRule
//       { listenerArn, actions[]: { type, redirect?: { protocol?, port?, ... }, forward?, fixedResponse?, ... } }
//   aws-native:elasticloadbalancingv2:ListenerRule
//       { listenerArn?, actions[]: { type, redirectConfig?: { protocol?, ... }, forwardConfig?, fixedResponseConfig?, ... } }
//
// Action types AWS accepts on a rule: forward, redirect, fixed-response, authenticate-cognito,
// authenticate-oidc, jwt-validation. A redirect without `protocol` (or with "#{protocol}") keeps
// the request's protocol.

import { Props, Reading, Unknown } from "../known";
import { ListenerActionView, readActions } from "./listeners";
import { Odd, text } from "./values";

export const CLASSIC_LISTENER_RULE_TYPES: ReadonlySet<string> = new Set([
    "aws:lb/listenerRule:ListenerRule",
    "aws:alb/listenerRule:ListenerRule",
]);
export const NATIVE_LISTENER_RULE_TYPE = "aws-native:elasticloadbalancingv2:ListenerRule";
export const LISTENER_RULE_TYPES: ReadonlySet<string> = new Set([...CLASSIC_LISTENER_RULE_TYPES, NATIVE_LISTENER_RULE_TYPE]);

export interface ListenerRuleView {
    /** The rule's actions (same shape as a listener's default actions); UNKNOWN when the list is unknown. */
    actions: ListenerActionView[] | Unknown;
}

/** Reads a listener rule of either provider; undefined for other types. Does not read `listenerArn`. */
export function readListenerRule(type: string, props: Props, reading: Reading): ListenerRuleView | undefined {
    const redirectKey = CLASSIC_LISTENER_RULE_TYPES.has(type)
        ? "redirect"
        : type === NATIVE_LISTENER_RULE_TYPE
          ? "redirectConfig"
          : undefined;
    if (redirectKey === undefined) {
        return undefined;
    }
    const actions = readActions(reading, reading.list(props, "actions"), redirectKey);
    return { actions };
}

/** The rule's `listenerArn` as written: a trimmed string, undefined when absent, UNKNOWN or ODD. */
export function listenerArnOf(props: Props, reading: Reading): string | undefined | Unknown | Odd {
    return text(reading.get(props, "listenerArn"));
}
