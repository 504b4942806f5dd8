// The `exemptions` setting every policy of the pack accepts: exemptions by resource name, URN or
// tag, each with a reason. policies/index.ts adds it to every policy (wrap.ts), so no family has to
// remember it.

import { PolicyConfigJSONSchema } from "../../policy-sdk";

const nonEmpty = { type: "string", minLength: 1, pattern: "\\S" } as const;

/** One exemption: which resource (name or glob, URN, tag) and why. */
export const EXEMPTION_ITEM = {
    type: "object",
    properties: {
        resourceName: {
            ...nonEmpty,
            description:
                "The resource's logical name (the last part of its URN), exactly or as a glob: `*` any run of characters, `?` one character (e.g. `legacy-*`).",
        },
        urn: { ...nonEmpty, description: "The resource's full URN, exactly." },
        tag: {
            type: "object",
            properties: {
                key: { ...nonEmpty, description: "Tag key the resource must carry." },
                value: { type: "string", description: "Tag value the resource must carry under `key`; any value when omitted." },
            },
            required: ["key"],
            additionalProperties: false,
            description:
                "A tag the resource carries (classic `tags` map or aws-native `tags` list). A tag unknown during preview does not exempt.",
        },
        reason: {
            ...nonEmpty,
            description:
                "Why the resource is exempt (required). The advisory policy exemptions-in-use shows it with every exemption that took effect.",
        },
    },
    required: ["reason"],
    // `reason` plus at least one of resourceName, urn and tag. When several are given, all must match.
    minProperties: 2,
    additionalProperties: false,
} satisfies PolicyConfigJSONSchema;

export const EXEMPTIONS_PROPERTY = {
    type: "array",
    items: EXEMPTION_ITEM,
    default: [],
    description:
        "Resources this policy does not report, each with a mandatory reason: `{ resourceName | urn | tag: { key, value? }, reason }`. " +
        "Several selectors in one entry must all match. Exemptions that took effect are listed, with their reasons, by the advisory policy exemptions-in-use.",
} satisfies PolicyConfigJSONSchema;

export const EXEMPTIONS_KEY = "exemptions";
