// Classic Load Balancers and their SSL negotiation policies, both providers, as the TLS rules
// need them.
//
//   aws:elb/loadBalancer:LoadBalancer                 { name?, listeners[]: { lbPort, lbProtocol, instancePort, instanceProtocol } }
//   aws:elb/sslNegotiationPolicy:SslNegotiationPolicy { loadBalancer, lbPort, attributes[]: { name, value } }
//   aws:elb/loadBalancerPolicy:LoadBalancerPolicy     { loadBalancerName, policyName, policyTypeName, policyAttributes[]: { name, value } }
//   aws:elb/listenerPolicy:ListenerPolicy             { loadBalancerName, loadBalancerPort, policyNames[] }
//   aws-native:elasticloadbalancing:LoadBalancer      { loadBalancerName?, listeners[]: { loadBalancerPort, protocol, policyNames[] },
//                                                       policies[]: { policyName, policyType, attributes[]: { name, value }, loadBalancerPorts[] } }
//
// A listener's SSL negotiation policy ("security policy") is a policy of type
// SSLNegotiationPolicyType: either a Reference-Security-Policy naming a predefined
// ELBSecurityPolicy-*, or a custom set of Protocol-*/cipher attributes (those not listed are off,
// as the ELB guide's custom-policy example shows). An HTTPS/SSL listener without one gets
// ELBSecurityPolicy-2016-08, which accepts TLS 1.0.

import { Props, Reading, Unknown, UNKNOWN } from "../known";
import { namedValues, Odd, port, text } from "./values";

type Text = string | undefined | Unknown | Odd;
type Port = number | undefined | Unknown | Odd;

export const CLASSIC_ELB_TYPE = "aws:elb/loadBalancer:LoadBalancer";
export const NATIVE_CLASSIC_ELB_TYPE = "aws-native:elasticloadbalancing:LoadBalancer";
export const CLASSIC_ELB_TYPES: ReadonlySet<string> = new Set([CLASSIC_ELB_TYPE, NATIVE_CLASSIC_ELB_TYPE]);

export const LOAD_BALANCER_POLICY_TYPE = "aws:elb/loadBalancerPolicy:LoadBalancerPolicy";
export const SSL_NEGOTIATION_POLICY_TYPE = "aws:elb/sslNegotiationPolicy:SslNegotiationPolicy";
export const LISTENER_POLICY_TYPE = "aws:elb/listenerPolicy:ListenerPolicy";

/** The policy type of SSL negotiation policies (ELB API). */
export const SSL_NEGOTIATION = "SSLNegotiationPolicyType";

export interface NegotiationPolicyView {
    /** The policy name as written (SslNegotiationPolicy: its name; inline: policyName). */
    name: Text;
    /** Attribute values by lower-case attribute name; UNKNOWN when the whole list is unknown. */
    attributes: Map<string, Text[]> | Unknown;
    someNameUnknown: boolean;
}

export interface ClassicListenerView {
    index: number;
    /** Upper case front-end protocol (HTTP, HTTPS, TCP, SSL). */
    protocol: Text;
    port: Port;
    /** Policies the listener names (aws-native only; the classic provider attaches them by separate resources). */
    policyNames: Text[] | Unknown;
}

export interface InlinePolicyView extends NegotiationPolicyView {
    /** Listener ports the policy is attached to directly (aws-native loadBalancerPorts). */
    ports: Port[] | Unknown;
}

export interface ClassicLoadBalancerView {
    /** The load balancer's name as written (for policies that name it). */
    name: Text;
    listeners: ClassicListenerView[] | Unknown;
    /** Inline SSL negotiation policies (aws-native); a policy whose type is unknown is kept as UNKNOWN. */
    policies: (InlinePolicyView | Unknown)[] | Unknown;
}

const upper = (value: Text): Text => (typeof value === "string" ? value.toUpperCase() : value);

function attributesOf(reading: Reading, raw: unknown): Pick<NegotiationPolicyView, "attributes" | "someNameUnknown"> {
    const { map, someNameUnknown } = namedValues(reading, raw);
    return { attributes: map, someNameUnknown };
}

/** Whether a policy's type (under `key`) is SSLNegotiationPolicyType; UNKNOWN when the type is. */
function isNegotiation(reading: Reading, holder: unknown, key: string): boolean | Unknown {
    const type = text(reading.get(holder, key));
    return type === UNKNOWN ? UNKNOWN : type === SSL_NEGOTIATION;
}

function readInlinePolicy(reading: Reading, policy: unknown): InlinePolicyView | Unknown | undefined {
    if (policy === UNKNOWN) {
        return UNKNOWN;
    }
    const negotiation = isNegotiation(reading, policy, "policyType");
    if (negotiation !== true) {
        return negotiation === UNKNOWN ? UNKNOWN : undefined;
    }
    const ports = reading.list(policy, "loadBalancerPorts");
    return {
        name: text(reading.get(policy, "policyName")),
        ...attributesOf(reading, reading.get(policy, "attributes")),
        ports: ports === UNKNOWN ? UNKNOWN : ports.map(port),
    };
}

export function readClassicLoadBalancer(type: string, props: Props, reading: Reading): ClassicLoadBalancerView | undefined {
    if (!CLASSIC_ELB_TYPES.has(type)) {
        return undefined;
    }
    const native = type === NATIVE_CLASSIC_ELB_TYPE;
    const list = reading.list(props, "listeners");
    const listeners =
        list === UNKNOWN
            ? UNKNOWN
            : list.map((listener, index): ClassicListenerView => {
                  if (listener === UNKNOWN) {
                      return { index, protocol: UNKNOWN, port: UNKNOWN, policyNames: UNKNOWN };
                  }
                  const names = native ? reading.list(listener, "policyNames") : [];
                  return {
                      index,
                      protocol: upper(text(reading.get(listener, native ? "protocol" : "lbProtocol"))),
                      port: port(reading.get(listener, native ? "loadBalancerPort" : "lbPort")),
                      policyNames: names === UNKNOWN ? UNKNOWN : names.map((n) => (n === UNKNOWN ? UNKNOWN : text(n))),
                  };
              });
    const inline = native ? reading.list(props, "policies") : [];
    return {
        name: text(reading.get(props, native ? "loadBalancerName" : "name")),
        listeners,
        policies:
            inline === UNKNOWN
                ? UNKNOWN
                : inline.map((p) => readInlinePolicy(reading, p)).filter((p): p is InlinePolicyView | Unknown => p !== undefined),
    };
}

/**
 * A separate classic policy resource as an SSL negotiation policy: an SslNegotiationPolicy
 * always, a LoadBalancerPolicy of type SSLNegotiationPolicyType; undefined for other types and
 * policies of other types, UNKNOWN when the type is unknown.
 */
export function readNegotiationPolicy(type: string, props: Props, reading: Reading): NegotiationPolicyView | Unknown | undefined {
    if (type === SSL_NEGOTIATION_POLICY_TYPE) {
        return { name: text(reading.get(props, "name")), ...attributesOf(reading, reading.get(props, "attributes")) };
    }
    if (type !== LOAD_BALANCER_POLICY_TYPE) {
        return undefined;
    }
    const negotiation = isNegotiation(reading, props, "policyTypeName");
    if (negotiation !== true) {
        return negotiation === UNKNOWN ? UNKNOWN : undefined;
    }
    return { name: text(reading.get(props, "policyName")), ...attributesOf(reading, reading.get(props, "policyAttributes")) };
}
