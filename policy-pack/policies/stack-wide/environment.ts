// Is this stack an environment stack? The pack runs org-wide, on stacks this program never wrote,
// and @pulumi/policy 1.21 gives a stack policy no stack name: only `stackTags` (from the engine's
// configureStack; Pulumi Cloud's built-in tags hold project and runtime, not the stack) and the
// resources, whose URNs are `urn:pulumi:<stack>::<project>::…`. So:
//   1. a stack that declares no resource of either AWS provider is never an environment stack;
//   2. a stack tagged `environmentTag` (default `zero-trust:environment`) with a value other than
//      empty/false/no/0/none is one;
//   3. otherwise a stack whose name (from the URNs) matches one of `environmentStacks` is one
//      (default: prod, production, prd, staging, stage, stg — alone or as a part separated by - _ .).

import { PolicyResource } from "@pulumi/policy";
import { isAwsResource, stackNameOf } from "../../readers/graph";
import { StackWideSettings } from "./settings";

export interface EnvironmentVerdict {
    environment: boolean;
    /** Why, for messages. */
    because: string;
}

const OFF_VALUES = new Set(["", "false", "no", "0", "none"]);

function tagValue(tags: unknown, name: string): string | undefined {
    // The SDK hands a frozen read-only view of a Map (get/has/…), not a Map instance.
    try {
        const get: unknown = tags !== null && typeof tags === "object" ? (tags as { get?: unknown }).get : undefined;
        if (typeof get === "function") {
            const value: unknown = (get as (key: string) => unknown).call(tags, name);
            return typeof value === "string" ? value : undefined;
        }
    } catch {
        // An odd tags object is the same as no tags.
    }
    return undefined;
}

export function environmentOf(resources: readonly PolicyResource[], stackTags: unknown, settings: StackWideSettings): EnvironmentVerdict {
    if (!resources.some(isAwsResource)) {
        return { environment: false, because: "the stack declares no AWS resources" };
    }
    const tag = tagValue(stackTags, settings.environmentTag);
    if (tag !== undefined && !OFF_VALUES.has(tag.trim().toLowerCase())) {
        return { environment: true, because: `the stack is tagged ${settings.environmentTag}=${tag}` };
    }
    const stack = stackNameOf(resources);
    const pattern = stack === undefined ? undefined : settings.environmentStacks.find((re) => re.test(stack));
    if (stack !== undefined && pattern !== undefined) {
        return { environment: true, because: `stack "${stack}" matches environmentStacks /${pattern.source}/` };
    }
    return { environment: false, because: `stack "${stack ?? "?"}" is neither tagged ${settings.environmentTag} nor matched by environmentStacks` };
}
