// Is this stack an environment stack? The pack runs org-wide, on stacks this program never wrote,
// and the policy SDK gives a stack policy no stack name (policy-sdk.ts): only `stackTags` (Pulumi
// Cloud's built-in tags hold project and runtime, not the stack) and the resources, whose URNs
// name the stack. So:
//   1. a stack that declares no resource of either AWS provider is never an environment stack;
//   2. a stack tagged `environmentTag` (default `zero-trust:environment`) with a value other than
//      empty/false/no/0/none is one;
//   3. otherwise a stack whose name (from the URNs) matches one of `environmentStacks` is one
//      (default: prod, production, prd, staging, stage, stg — alone or as a part separated by - _ .).

import { PolicyResource } from "@pulumi/policy";
import { stackNameOf, stackTagValue } from "../../policy-sdk";
import { isAwsResource } from "../../readers/graph";
import { StackWideSettings } from "./settings";

export interface EnvironmentVerdict {
    environment: boolean;
    /** Why, for messages. */
    because: string;
}

const OFF_VALUES = new Set(["", "false", "no", "0", "none"]);

export function environmentOf(resources: readonly PolicyResource[], stackTags: unknown, settings: StackWideSettings): EnvironmentVerdict {
    if (!resources.some(isAwsResource)) {
        return { environment: false, because: "the stack declares no AWS resources" };
    }
    const tag = stackTagValue(stackTags, settings.environmentTag);
    if (tag !== undefined && !OFF_VALUES.has(tag.trim().toLowerCase())) {
        return { environment: true, because: `the stack is tagged ${settings.environmentTag}=${tag}` };
    }
    const stack = stackNameOf(resources);
    const pattern = stack === undefined ? undefined : settings.environmentStacks.find((re) => re.test(stack));
    if (stack !== undefined && pattern !== undefined) {
        return { environment: true, because: `stack "${stack}" matches environmentStacks /${pattern.source}/` };
    }
    return {
        environment: false,
        because: `stack "${stack ?? "?"}" is neither tagged ${settings.environmentTag} nor matched by environmentStacks`,
    };
}
