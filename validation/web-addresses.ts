/**
 * Names on the web: DNS host names (a custom domain, the name a certificate is checked against) and
 * https URLs (an identity provider's issuer).
 */

import { fail } from "./argument-error";

// RFC 1035 / 1123: labels of 1-63 letters, digits and hyphens, not starting or ending with a
// hyphen, at most 253 characters in all. Lowercase only: certificates and API Gateway custom
// domain names are compared as written. A top-level label is not all digits (that is an address).
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const HOST_NAME = new RegExp(`^(?:${LABEL}\\.)+(?=[a-z0-9-]*[a-z])${LABEL}$`);
const MAX_HOST_NAME = 253;

export const HOST_NAME_EXPECTED =
    "a lowercase DNS host name (two or more labels of a-z 0-9 -, each 1-63 characters, not starting or ending with -, no wildcard)";

/** True for a fully qualified, lowercase DNS host name with no wildcard and no trailing dot. */
export function isHostName(value: unknown): value is string {
    return typeof value === "string" && value.length <= MAX_HOST_NAME && HOST_NAME.test(value);
}

/** The DNS host name, or a one-line error naming `parameter`. */
export function validHostName(parameter: string, value: unknown): string {
    if (!isHostName(value)) {
        fail(parameter, value, HOST_NAME_EXPECTED);
    }
    return value;
}

/** API Gateway's limit on a JWT authorizer's issuer (a URI of 1 to 2048 characters). */
const MAX_URL = 2048;

/**
 * The https URL (a host name, an optional port and path; no user, query or fragment, no spaces),
 * unchanged, or a one-line error naming `parameter`. It is returned as written, not normalised: an
 * issuer must equal the token's `iss` claim character for character.
 */
export function validHttpsUrl(parameter: string, value: unknown): string {
    const expected = "an https URL of a DNS host name (https://<host>[:port][/path], no user, query or fragment)";
    if (typeof value !== "string" || value.length > MAX_URL || /\s/.test(value) || !value.startsWith("https://")) {
        fail(parameter, value, expected);
    }
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        fail(parameter, value, expected);
    }
    if (url.username !== "" || url.password !== "" || value.includes("?") || value.includes("#") || !isHostName(url.hostname)) {
        fail(parameter, value, expected);
    }
    return value;
}
