// Config of the stack-wide policies: the JSON schema users tune and its defensive reading. The
// engine validates config against the schema, but a policy must never throw, so every field falls
// back to its default when it is missing or odd.

import { PolicyConfigJSONSchema } from "../../policy-sdk";
import { familySettings } from "../config";

export const TRAFFIC_TYPES = ["ALL", "ACCEPT", "REJECT"] as const;
export const DEFAULT_FLOW_LOG_TRAFFIC_TYPES: readonly string[] = ["ALL"];

/** Stack names of environment stacks: prod/production/prd and staging/stage/stg, alone or as a `-`/`_`/`.` separated part. */
export const DEFAULT_ENVIRONMENT_STACKS: readonly string[] = ["(^|[-_.])(prod|production|prd|staging|stage|stg)($|[-_.])"];
export const DEFAULT_ENVIRONMENT_TAG = "zero-trust:environment";

export type TrailScope = "all-stacks" | "environment-stacks";

export const STACK_WIDE_SCHEMA = {
    flowLogTrafficTypes: {
        type: "array",
        items: { type: "string", enum: [...TRAFFIC_TYPES] },
        minItems: 1,
        default: [...DEFAULT_FLOW_LOG_TRAFFIC_TYPES],
        description:
            "Flow log traffic types that satisfy the rule. ALL by default; add REJECT to accept rejected-traffic-only flow logs " +
            "(the minimum CIS AWS Foundations 3.7 asks for).",
    },
    accountLevelBlockSatisfies: {
        type: "boolean",
        default: true,
        description:
            "Whether an aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock declared in the same stack with all four settings true " +
            "satisfies the rule for every bucket of the stack. Set false to require a bucket-level block on every bucket as well.",
    },
    acceptTlsVersionDenyAlone: {
        type: "boolean",
        default: false,
        description:
            "Whether a Deny with NumericLessThan s3:TlsVersion 1.2 (without IfExists) alone makes a bucket TLS-only. Off by default: a " +
            "plain-HTTP request carries no s3:TlsVersion, so that condition does not match it; NumericLessThanIfExists and " +
            'Bool aws:SecureTransport "false" always count.',
    },
    environmentStacks: {
        type: "array",
        items: { type: "string" },
        default: [...DEFAULT_ENVIRONMENT_STACKS],
        description:
            "Regular expressions (case-insensitive, unanchored) over the stack name; a stack whose name matches one is an environment stack. " +
            "An empty list leaves only the stack tag.",
    },
    environmentTag: {
        type: "string",
        default: DEFAULT_ENVIRONMENT_TAG,
        description:
            "Stack tag that marks an environment stack whatever its name: any value but empty, false, no, 0 or none. The tag can only " +
            "add stacks; it cannot take a stack whose name matches environmentStacks out of scope.",
    },
    trailScope: {
        type: "string",
        enum: ["all-stacks", "environment-stacks"],
        default: "all-stacks",
        description:
            "Where a trail with logging turned off fails: in every stack (default; the organisation trail lives in the management stack) " +
            "or only in environment stacks.",
    },
} satisfies Record<string, PolicyConfigJSONSchema>;

export interface StackWideSettings {
    flowLogTrafficTypes: ReadonlySet<string>;
    accountLevelBlockSatisfies: boolean;
    acceptTlsVersionDenyAlone: boolean;
    environmentStacks: readonly RegExp[];
    environmentTag: string;
    trailScope: TrailScope;
}

function stringList(value: unknown): string[] | undefined {
    return Array.isArray(value) && (value as unknown[]).every((v) => typeof v === "string") ? (value as string[]) : undefined;
}

function regexps(patterns: readonly string[]): RegExp[] {
    const out: RegExp[] = [];
    for (const pattern of patterns) {
        try {
            out.push(new RegExp(pattern, "i"));
        } catch {
            // An invalid pattern matches nothing (the engine's schema check cannot catch it).
        }
    }
    return out;
}

export const stackWideSettings = familySettings(STACK_WIDE_SCHEMA, (config): StackWideSettings => {
    const traffic = stringList(config.flowLogTrafficTypes)
        ?.map((t) => t.trim().toUpperCase())
        .filter((t) => (TRAFFIC_TYPES as readonly string[]).includes(t));
    const tag =
        typeof config.environmentTag === "string" && config.environmentTag.trim() !== ""
            ? config.environmentTag.trim()
            : DEFAULT_ENVIRONMENT_TAG;
    return {
        flowLogTrafficTypes: new Set(traffic !== undefined && traffic.length > 0 ? traffic : DEFAULT_FLOW_LOG_TRAFFIC_TYPES),
        accountLevelBlockSatisfies: typeof config.accountLevelBlockSatisfies === "boolean" ? config.accountLevelBlockSatisfies : true,
        acceptTlsVersionDenyAlone: typeof config.acceptTlsVersionDenyAlone === "boolean" ? config.acceptTlsVersionDenyAlone : false,
        environmentStacks: regexps(stringList(config.environmentStacks) ?? DEFAULT_ENVIRONMENT_STACKS),
        environmentTag: tag,
        trailScope: config.trailScope === "environment-stacks" ? "environment-stacks" : "all-stacks",
    };
});
