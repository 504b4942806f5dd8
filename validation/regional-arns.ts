/**
 * ARNs of regional resources a component is handed by another stack or by config, each of which
 * must lie in the component's own region and account: an ACM certificate, an Application Load
 * Balancer listener.
 */

import { fail } from "./argument-error";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** An ACM certificate ARN of the aws partition; the groups are its region and account id. */
export const ACM_CERTIFICATE_ARN = new RegExp(String.raw`^arn:aws:acm:([a-z0-9-]+):(\d{12}):certificate\/${UUID}$`);

/**
 * An Application Load Balancer listener ARN (`listener/app/<load balancer name>/<id>/<id>`; names
 * are up to 32 letters, digits and hyphens); the groups are its region and account id.
 */
export const ALB_LISTENER_ARN =
    /^arn:aws:elasticloadbalancing:([a-z0-9-]+):(\d{12}):listener\/app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}\/[0-9a-f]{16}$/;

/**
 * An ARN matching `pattern` (whose groups are region and account) in this region and account, or
 * a one-line error naming `parameter`.
 */
function validArnIn(parameter: string, value: unknown, pattern: RegExp, what: string, region: string, accountId: string): string {
    const match = typeof value === "string" ? pattern.exec(value) : null;
    if (match === null || match[1] !== region || match[2] !== accountId) {
        fail(parameter, value, `${what} of region ${region} and account ${accountId}`);
    }
    return value as string;
}

/** An ACM certificate ARN of this region and account, or a one-line error naming `parameter`. */
export function validCertificateArnIn(parameter: string, value: unknown, region: string, accountId: string): string {
    return validArnIn(
        parameter,
        value,
        ACM_CERTIFICATE_ARN,
        "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<uuid>)",
        region,
        accountId,
    );
}

/** An Application Load Balancer listener ARN of this region and account, or a one-line error naming `parameter`. */
export function validAlbListenerArnIn(parameter: string, value: unknown, region: string, accountId: string): string {
    return validArnIn(
        parameter,
        value,
        ALB_LISTENER_ARN,
        "an Application Load Balancer listener ARN (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>)",
        region,
        accountId,
    );
}
