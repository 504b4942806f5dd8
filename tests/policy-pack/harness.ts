// Test harness: calls the pack's policies directly, the way the policy SDK's server does, with
// hand-built arguments. (The pack's own node_modules hold @pulumi/policy; the root does not.)

import type {
    Policy,
    PolicyResource,
    ReportViolation,
    ResourceValidation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "../../policy-pack/node_modules/@pulumi/policy";
import { allPolicies } from "../../policy-pack/policies";

export type { PolicyResource };

export function policyNamed(name: string): Policy {
    const policy = allPolicies.find((p) => p.name === name);
    if (policy === undefined) {
        throw new Error(`no policy ${name}`);
    }
    return policy;
}

export function resourcePolicy(name: string): ResourceValidationPolicy {
    const policy = policyNamed(name);
    if (!("validateResource" in policy)) {
        throw new Error(`${name} is not a resource policy`);
    }
    return policy as ResourceValidationPolicy;
}

export function stackPolicy(name: string): StackValidationPolicy {
    const policy = policyNamed(name);
    if (!("validateStack" in policy)) {
        throw new Error(`${name} is not a stack policy`);
    }
    return policy as StackValidationPolicy;
}

const noOptions = {
    protect: false,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
};

/** Runs a resource policy on one resource; returns the violation messages. */
export function check(policy: ResourceValidationPolicy, type: string, props: unknown, config: object = {}): string[] {
    const messages: string[] = [];
    const args = {
        type,
        props: props as Record<string, unknown>,
        urn: `urn:pulumi:test::zero-trust::${type}::subject`,
        name: "subject",
        opts: noOptions,
        stackTags: new Map<string, string>(),
        isType: () => false,
        asType: () => undefined,
        getConfig: <T extends object>() => config as T,
        notApplicable: (reason?: string): never => {
            throw new Error(`notApplicable ${reason ?? ""}`);
        },
    } as ResourceValidationArgs;
    const report: ReportViolation = (message) => messages.push(message);
    const validations = policy.validateResource === undefined ? [] : ([] as ResourceValidation[]).concat(policy.validateResource);
    for (const validate of validations) {
        const result = validate(args, report);
        if (result instanceof Promise) {
            throw new Error("policies are expected to be synchronous");
        }
    }
    return messages;
}

/** A stack resource under construction: link it with `dependsOnVia`. */
export function resource(type: string, name: string, props: Record<string, unknown> = {}): PolicyResource {
    return {
        type,
        name,
        urn: `urn:pulumi:test::zero-trust::${type}::${name}`,
        props,
        opts: noOptions,
        dependencies: [],
        propertyDependencies: {},
        isType: () => false,
        asType: () => undefined,
    } as PolicyResource;
}

/** Records that `from.props[property]` depends on `targets` (as the engine reports it). */
export function dependsOnVia(from: PolicyResource, property: string, ...targets: PolicyResource[]): PolicyResource {
    from.propertyDependencies[property] = [...(from.propertyDependencies[property] ?? []), ...targets];
    for (const target of targets) {
        if (!from.dependencies.includes(target)) {
            from.dependencies.push(target);
        }
    }
    return from;
}

/**
 * Resources `r0`, `r1`, … of the given types and props (passed through `wrap`), linked by edges
 * [from, to, property]: a property dependency, or a plain dependency when the property is "".
 * Edges to indexes that do not exist are skipped (property tests generate them freely).
 */
export function linkedResources(
    specs: readonly [string, unknown][],
    edges: readonly [number, number, string][],
    wrap: (props: Record<string, unknown>) => Record<string, unknown>,
): PolicyResource[] {
    const resources = specs.map(([type, props], i) => resource(type, `r${i}`, wrap((props ?? {}) as Record<string, unknown>)));
    for (const [from, to, property] of edges) {
        if (resources[from] && resources[to]) {
            if (property === "") {
                resources[from].dependencies.push(resources[to]);
            } else {
                dependsOnVia(resources[from], property, resources[to]);
            }
        }
    }
    return resources;
}

export interface StackViolation {
    message: string;
    urn?: string;
}

/** Runs a stack policy over resources; returns the violations. */
export function checkStack(policy: StackValidationPolicy, resources: PolicyResource[], config: object = {}): StackViolation[] {
    const found: StackViolation[] = [];
    const args = {
        resources,
        stackTags: new Map<string, string>(),
        getConfig: <T extends object>() => config as T,
        notApplicable: (reason?: string): never => {
            throw new Error(`notApplicable ${reason ?? ""}`);
        },
    } as StackValidationArgs;
    const result = policy.validateStack(args, (message, urn) => found.push({ message, urn }));
    if (result instanceof Promise) {
        throw new Error("policies are expected to be synchronous");
    }
    return found;
}

/** The policy SDK's proxy that throws on unknown values, and its unknown sentinels. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("../../policy-pack/node_modules/@pulumi/policy/proxy") as {
    unknownCheckingProxy: <T>(value: T) => T;
    unknownStringValue: string;
    unknownArrayValue: string;
    unknownNumberValue: string;
    unknownBooleanValue: string;
    unknownObjectValue: string;
    UnknownValueError: new (...args: never[]) => Error;
};

export const unknownCheckingProxy = proxy.unknownCheckingProxy;
export const UNKNOWN_STRING = proxy.unknownStringValue;
export const UNKNOWN_ARRAY = proxy.unknownArrayValue;
export const UNKNOWN_NUMBER = proxy.unknownNumberValue;
export const UNKNOWN_BOOLEAN = proxy.unknownBooleanValue;
export const UNKNOWN_OBJECT = proxy.unknownObjectValue;

/** Whether an error is the SDK's own UnknownValueError, which its server turns into the preview advisory. */
export function isUnknownValueError(error: unknown): boolean {
    return error instanceof proxy.UnknownValueError;
}

/** Runs a policy's remediation as the SDK does (props behind the unknown-checking proxy). */
export function remediate(
    policy: ResourceValidationPolicy,
    type: string,
    props: Record<string, unknown>,
    config: object = {},
): Record<string, unknown> | undefined {
    const args = {
        type,
        props: unknownCheckingProxy(props),
        urn: `urn:pulumi:test::zero-trust::${type}::subject`,
        name: "subject",
        getConfig: <T extends object>() => config as T,
    } as unknown as ResourceValidationArgs;
    const result = policy.remediateResource?.(args);
    if (result instanceof Promise) {
        throw new Error("remediations are expected to be synchronous");
    }
    return (result ?? undefined) as Record<string, unknown> | undefined;
}

/**
 * Fails when a policy's guard turned an exception into a report ("… could not evaluate …"):
 * a policy must decide on any input, not merely survive it.
 */
export function assertEvaluated(messages: readonly string[]): void {
    const failures = messages.filter((m) => m.includes("could not evaluate"));
    if (failures.length > 0) {
        throw new Error(`a policy failed to evaluate its input:\n${messages.join("\n")}`);
    }
}
