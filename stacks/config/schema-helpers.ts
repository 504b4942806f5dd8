import { z } from "zod";
import { ArgumentError } from "../../validation/argument-error";
import { didYouMean } from "../../validation/did-you-mean";

// Building blocks shared by the config schemas. Every message is the "expected …" half of a
// ConfigError: it says what a good value looks like.

/**
 * The patterns of AWS values, one for the config schemas and the components' argument checks:
 * account ids, organisation ids, role names and ARNs, lowercase names,
 * and regions of the commercial `aws` partition (ARNs, service principals and endpoint service names
 * are built for that partition, so GovCloud and China regions are refused rather than mis-built).
 */
export { ACCOUNT_ID, KEY_ARN, ORGANIZATION_ID, REGION, ROLE_ARN, ROLE_NAME } from "../../validation/aws-identifiers";
export { LOWERCASE_NAME } from "../../validation/name-keys";

export const REGION_EXPECTED = "an AWS region of the aws partition, e.g. eu-west-1";

/** An ACM certificate ARN of the aws partition; captures region and account. */
export const ACM_CERTIFICATE_ARN =
    /^arn:aws:acm:([a-z0-9-]+):(\d{12}):certificate\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const ACM_CERTIFICATE_ARN_EXPECTED = "an ACM certificate ARN: arn:aws:acm:<region>:<12-digit account>:certificate/<uuid>";

/**
 * Error text for a strict object: names the known keys when an unknown one appears (a typo is
 * silently ignored otherwise), and the key meant when the unknown one is a near miss of it.
 */
export const strictObjectError = (keys: readonly string[], expected: string) => (issue: { code?: string; keys?: readonly string[] }) =>
    issue.code === "unrecognized_keys" ? `one of the keys ${keys.join(", ")}${didYouMean(issue.keys?.[0] ?? "", keys)}` : expected;

/** Refuses a value listed twice, at the index of its second appearance: `<what> not already listed (<value> is listed twice)`. */
export const noRepeats =
    (what: string) =>
    <T>(values: readonly T[], ctx: z.RefinementCtx): void => {
        values.forEach((value, index) => {
            if (values.indexOf(value) !== index) {
                ctx.addIssue({ code: "custom", path: [index], message: `${what} not already listed (${String(value)} is listed twice)` });
            }
        });
    };

/**
 * Runs a component's own argument check on a config value, so config refuses what the component
 * would refuse mid-run, by the same rule: its refusal (an `ArgumentError`) becomes an issue at
 * `path` with what the check expected.
 */
export function componentCheck(ctx: z.RefinementCtx, path: PropertyKey[], check: () => unknown): void {
    try {
        check();
    } catch (err) {
        if (!(err instanceof ArgumentError)) {
            throw err;
        }
        ctx.addIssue({ code: "custom", path, message: err.expected });
    }
}

/**
 * A load balancer or API Gateway domain can use only ACM certificates of its own account and
 * region: refuses, at `path`, a well-formed certificate ARN of another region or account (a
 * malformed one is refused by its field's pattern).
 */
export function checkCertificatePlacement(
    ctx: z.RefinementCtx,
    path: PropertyKey[],
    arn: string | undefined,
    region: string,
    accountId: string,
): void {
    const certificate = ACM_CERTIFICATE_ARN.exec(arn ?? "");
    if (certificate === null) {
        return;
    }
    const [, certificateRegion, certificateAccount] = certificate;
    if (certificateRegion !== region) {
        ctx.addIssue({
            code: "custom",
            path,
            message: `an ACM certificate in the stack's region ${region} (aws:region); this one is in ${certificateRegion}`,
        });
    } else if (certificateAccount !== accountId) {
        ctx.addIssue({
            code: "custom",
            path,
            message: `an ACM certificate of the stack's account ${accountId} (accountId); this one is in ${certificateAccount}`,
        });
    }
}
