// What the pack relies on from @pulumi/policy beyond its documented policy API, in one module, so
// that an SDK upgrade fails in one named place (tests/policy-pack/policy-sdk.test.ts checks every
// assumption against the installed SDK).

/** The JSON schema type of one config property (exported by the SDK's `schema` module, not its index). */
export type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
