// Everything the offline preview, the benchmark and the tests use of @pulumi/pulumi beyond its
// public API, in one module: deep imports, the runtime's global store, a monkeypatched static,
// the mock monitor's base class, the generated gRPC and protobuf modules, and how the engine
// launches a policy pack. Each assumption has a test named after it in
// tests/offline-preview/pulumi-sdk-internals.test.ts; docs/pulumi-sdk-upgrades.md says what an
// SDK upgrade has to check. Nothing outside this file imports `@pulumi/pulumi/<path>`.
import * as path from "node:path";
import type * as grpc from "@grpc/grpc-js";
import * as pulumi from "@pulumi/pulumi";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import * as settings from "@pulumi/pulumi/runtime/settings";
import * as sdkState from "@pulumi/pulumi/runtime/state";
import { version as sdkVersion } from "@pulumi/pulumi/version";

export { MockMonitor, type Mocks, type MockCallArgs, type MockResourceArgs, type MockResourceResult } from "@pulumi/pulumi/runtime/mocks";
export * as resourceProto from "@pulumi/pulumi/proto/resource_pb";
export * as providerProto from "@pulumi/pulumi/proto/provider_pb";
export * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
export { AnalyzerClient };

/** An internal of @pulumi/pulumi is not what this module relies on (an SDK upgrade changed it). */
export class SdkAssumptionError extends Error {
    constructor(what: string, expected: string) {
        super(`@pulumi/pulumi ${sdkVersion}: ${what}: expected ${expected} (see docs/pulumi-sdk-upgrades.md)`);
        this.name = "SdkAssumptionError";
    }
}

/** `holder[name]` when it is a function, else an `SdkAssumptionError` naming `what`. */
export function sdkFunction<F>(holder: object, name: string, what: string): F {
    const found = (holder as Record<string, unknown>)[name];
    if (typeof found !== "function") {
        throw new SdkAssumptionError(what, "a function");
    }
    return found as F;
}

/**
 * Feature flags the engine announces to a program (the SDK asks the monitor at start-up and keeps
 * the answers in its runtime store). `setMocks` sets them; `setMockMonitor` clears them.
 */
export interface MonitorFeatures {
    /** Secret inputs go out wrapped in the secret signature instead of as plain values. */
    supportsSecrets: boolean;
    /** Resource inputs go out as resource references instead of as their id (custom) or URN (component). */
    supportsResourceReferences: boolean;
    /** Outputs inside inputs go out as output values (with their dependencies) instead of resolved. */
    supportsOutputValues: boolean;
    /** The `deletedWith` option may be used; without it the SDK refuses the registration. */
    supportsDeletedWith: boolean;
    /** Aliases go out as alias specs instead of as computed URNs. */
    supportsAliasSpecs: boolean;
}

const featureNames: readonly (keyof MonitorFeatures)[] = [
    "supportsSecrets",
    "supportsResourceReferences",
    "supportsOutputValues",
    "supportsDeletedWith",
    "supportsAliasSpecs",
];

/** `store` itself, checked to carry every feature flag as a boolean (setting a missing one would change nothing). */
export function checkedFeatures(store: Record<string, unknown>): MonitorFeatures {
    for (const name of featureNames) {
        if (typeof store[name] !== "boolean") {
            throw new SdkAssumptionError(`runtime/state getStore().${name}`, "a boolean feature flag");
        }
    }
    return store as unknown as MonitorFeatures;
}

/** The SDK's runtime store (`runtime/state` getStore), where the SDK reads the feature flags. */
function featureStore(): MonitorFeatures {
    return checkedFeatures(sdkFunction<() => Record<string, unknown>>(sdkState, "getStore", "runtime/state getStore")());
}

/** Where a mock monitor's program runs, as `setMocks` takes it. */
export interface MockTarget {
    project: string;
    stack: string;
    /** `pulumi preview` (computed values stay unknown) rather than `pulumi up`. */
    preview: boolean;
    organization: string;
}

/**
 * Installs `monitor` as the SDK's resource monitor (`runtime/settings` setMockOptions, what
 * `setMocks` does before it sets feature flags), with every feature flag cleared.
 */
export function setMockMonitor(monitor: MockMonitor, target: MockTarget): void {
    const setMockOptions = sdkFunction<typeof settings.setMockOptions>(settings, "setMockOptions", "runtime/settings setMockOptions");
    setMockOptions(monitor, target.project, target.stack, target.preview, target.organization);
}

/** Sets the feature flags the installed monitor announces; call after `setMockMonitor`. */
export function announceFeatures(features: MonitorFeatures): void {
    const store = featureStore();
    for (const name of featureNames) {
        store[name] = features[name];
    }
}

/** The feature flags the SDK currently acts on. */
export function announcedFeatures(): MonitorFeatures {
    const store = featureStore();
    return Object.fromEntries(featureNames.map((name) => [name, store[name]])) as unknown as MonitorFeatures;
}

/**
 * Stops the SDK from working out each resource's source position: `Resource.callsites`, a static
 * every resource constructor calls, formats a full stack trace (limit lifted to Infinity) only to
 * record that position. It was the largest single cost of a run, and nothing here reads positions.
 */
export function omitSourcePositions(): void {
    sdkFunction(pulumi.Resource, "callsites", "Resource.callsites");
    (pulumi.Resource as unknown as { callsites: () => object[] }).callsites = () => [];
}

/**
 * Resolves once every registration, read and invoke started so far has been answered
 * (`runtime/settings` waitForRPCs, what `disconnect` awaits first; internal, hence untyped).
 */
export function waitForRPCs(): Promise<void> {
    return sdkFunction<() => Promise<void>>(settings, "waitForRPCs", "runtime/settings waitForRPCs")();
}

/**
 * The engine launches a policy pack as `node <pack>/node_modules/@pulumi/pulumi/cmd/run-policy-pack
 * <engine address> <pack dir>` from the pack's directory; it prints the port of its Analyzer gRPC
 * service on a line of its own. This is the script, from the pack's own SDK.
 */
export function policyPackRunner(packDir: string): string {
    return path.join(packDir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
}

/** The runner's arguments: an engine address (only packs that log through the engine use it) and the pack, run from its directory. */
export function policyPackRunnerArgs(packDir: string): string[] {
    return [policyPackRunner(packDir), "127.0.0.1:0", "."];
}

/** The port the runner announced in what it printed so far, if it has. */
export function announcedPort(stdout: string): number | undefined {
    const line = /^(\d+)\s*$/m.exec(stdout);
    return line ? Number(line[1]) : undefined;
}

/** The Analyzer service's unary calls the offline preview makes. */
export type AnalyzerMethod = "getAnalyzerInfo" | "configureStack" | "configure" | "analyze" | "analyzeStack" | "remediate";

/** One unary call on the generated Analyzer client (callback style), as a promise of its response. */
export function callAnalyzer<Req, Res>(client: AnalyzerClient, method: AnalyzerMethod, request: Req): Promise<Res> {
    // The generated methods are overloaded (metadata, call options); this is the two-argument form.
    const fn = (client[method] as unknown as (r: Req, cb: (e: grpc.ServiceError | null, res: Res) => void) => void).bind(client);
    return new Promise((resolve, reject) => fn(request, (err, response) => (err ? reject(err) : resolve(response))));
}
