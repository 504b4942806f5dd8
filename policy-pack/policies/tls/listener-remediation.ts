// Remediation of tls-load-balancer-listener, for the two fixes that can only strengthen a listener:
//   - an HTTPS/TLS listener on a weak or missing sslPolicy gets an allowed TLS 1.2+ policy
//     (the recommended one when the allow-list has it, else the first allowed one);
//   - a plain HTTP listener that serves traffic gets one default action: a permanent redirect to
//     HTTPS on 443. Its other properties stay exactly as they were.
// Anything the decision depends on that is unknown during preview, or odd, leaves the listener
// alone (no remediation): a remediation must never guess.

import { ResourceValidationArgs } from "@pulumi/policy";
import { Reading, UNKNOWN } from "../../readers/known";
import { readTlsListener, TLS_LISTENER_TYPES } from "../../readers/tls/listeners";
import { NATIVE_LISTENER_TYPE } from "../../readers/load-balancers";
import { previewView, rawProps, withProperty } from "../remediation";
import { RECOMMENDED_ELB_SSL_POLICY, tlsSettings } from "./settings";

/** The redirect every plain HTTP listener is left with, in each provider's property names. */
function httpsRedirect(type: string): Record<string, unknown> {
    const redirect = { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" };
    return type === NATIVE_LISTENER_TYPE ? { type: "redirect", redirectConfig: redirect } : { type: "redirect", redirect };
}

export function remediateListener(args: ResourceValidationArgs): Record<string, unknown> | undefined {
    try {
        if (typeof args?.type !== "string" || !TLS_LISTENER_TYPES.has(args.type)) {
            return undefined;
        }
        const raw = rawProps(args.props);
        if (raw === undefined) {
            return undefined;
        }
        const view = readTlsListener(args.type, previewView(raw), new Reading());
        if (view === undefined) {
            return undefined;
        }
        if (view.protocol === "HTTPS" || view.protocol === "TLS") {
            const allowed = tlsSettings.from(args).allowedSslPolicies;
            const weak = view.sslPolicy === undefined || (typeof view.sslPolicy === "string" && !allowed.has(view.sslPolicy));
            const replacement = allowed.has(RECOMMENDED_ELB_SSL_POLICY) ? RECOMMENDED_ELB_SSL_POLICY : [...allowed][0];
            return weak && replacement !== undefined ? withProperty(raw, "sslPolicy", replacement) : undefined;
        }
        if (view.protocol === "HTTP" && view.actions !== UNKNOWN) {
            const decided = view.actions.every((a) => a.type !== UNKNOWN && a.redirectProtocol !== UNKNOWN);
            const redirectsOnly =
                view.actions.length > 0 && view.actions.every((a) => a.type === "redirect" && a.redirectProtocol === "HTTPS");
            return decided && !redirectsOnly ? withProperty(raw, "defaultActions", [httpsRedirect(args.type)]) : undefined;
        }
        return undefined;
    } catch {
        // A remediation that cannot read the resource leaves it as it is; the validation reports it.
        return undefined;
    }
}
