import { z } from "zod";

// Building blocks shared by the config schemas. Every message is the "expected …" half of a
// ConfigError: it says what a good value looks like.

/**
 * Regions of the commercial `aws` partition: ARNs, service principals and endpoint service names
 * are built for that partition, so GovCloud and China regions are refused rather than mis-built.
 */
export const REGION = /^(?:af|ap|ca|eu|il|me|mx|sa|us)-(?:central|north|south|east|west|northeast|northwest|southeast|southwest)-\d{1,2}$/;

export const REGION_EXPECTED = "an AWS region of the aws partition, e.g. eu-west-1";

/** Error text for a strict object: names the known keys when an unknown one appears (a typo is silently ignored otherwise). */
export const strictObjectError = (keys: readonly string[], expected: string) => (issue: { code?: string }) =>
    issue.code === "unrecognized_keys" ? `one of the keys ${keys.join(", ")}` : expected;

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
