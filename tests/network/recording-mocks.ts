import * as assert from "assert";
import type * as pulumi from "@pulumi/pulumi";
import { waitForRPCs } from "../../offline-preview/pulumi-sdk-internals";
import type { RecordedResource, WireObject } from "../../offline-preview/recorded-resource";
import type { RecordingMonitor } from "../../offline-preview/recording-monitor";
import { installRecordingMonitor } from "../../offline-preview/run-program";
import type { StackConfig } from "../../offline-preview/stack-config";
import { plainValue } from "../../offline-preview/wire-values";

/** One resource registration as the engine would receive it, with inputs and outputs as plain values. */
export interface Registration {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    /** The invented id (`vpc-<hex>`, a UUID for keys and providers, …); empty for components. */
    readonly id: string;
    readonly parent: string;
    /** Provider reference `urn…::id`; empty means the default provider. */
    readonly provider: string;
    readonly protect: boolean;
    /** Inputs with secrets unwrapped. */
    readonly inputs: Readonly<Record<string, unknown>>;
    /** State the offline provider answered with (id, ARN, computed attributes); a component's registered outputs. */
    readonly outputs: Readonly<Record<string, unknown>>;
    /** URNs each input property depends on, as the engine (and the policy pack) sees them. */
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    /** The `tags` input (empty when the resource has none). */
    readonly tags: Readonly<Record<string, string>>;
}

/** A stack config for component tests: only the project, stack and region, as the offline preview reads them. */
export function componentStackConfig(stack = "staging", region = "eu-west-1"): StackConfig {
    return { project: "zero-trust-aws", stack, config: { "aws:region": region }, secretKeys: [] };
}

/** Installs a recording monitor in the `preview` view: computed values stay unknown, as `pulumi preview` sees them. */
export function installPreviewMonitor(): RecordingMonitor {
    return installRecordingMonitor(componentStackConfig(), "preview");
}

/**
 * Test view of the offline preview's recording monitor (`installRecordingMonitor`, in the `up`
 * view: ids, ARNs and computed attributes are invented as `pulumi up` would see them). There is
 * one recording monitor in the repository; this only waits for it and looks registrations up.
 */
export class RecordingMocks {
    private snapshot: Registration[] | undefined;

    private constructor(private readonly monitor: RecordingMonitor) {}

    /**
     * Installs a fresh recording monitor with this stack config (which also becomes the program's
     * `pulumi.Config`), answering stack references through `hooks`; call before constructing resources.
     */
    static install(
        stackConfig: StackConfig = componentStackConfig(),
        hooks: Parameters<typeof installRecordingMonitor>[2] = {},
    ): RecordingMocks {
        return new RecordingMocks(installRecordingMonitor(stackConfig, "up", hooks));
    }

    /** Resolves once every registration started so far has been answered. */
    async settled(): Promise<RecordingMocks> {
        await waitForRPCs();
        this.snapshot = undefined;
        return this;
    }

    /** Every registration so far, in order. */
    get registrations(): readonly Registration[] {
        if (this.snapshot === undefined || this.snapshot.length !== this.monitor.recorded.length) {
            this.snapshot = this.monitor.recorded.map(toRegistration);
        }
        return this.snapshot;
    }

    /** The recording monitor's raw registrations, in order (options and `dependsOn` included). */
    get recorded(): readonly RecordedResource[] {
        return this.monitor.recorded;
    }

    /** Registrations of one resource type, e.g. `aws:ec2/subnet:Subnet`. */
    ofType(type: string): Registration[] {
        return this.registrations.filter((r) => r.type === type);
    }

    /** The single registration with this logical name (throws if absent or ambiguous). */
    named(name: string): Registration {
        return exactlyOne(
            this.registrations.filter((r) => r.name === name),
            `resource named ${name}`,
        );
    }

    /** The provider reference (`urn::id`) a resource registered with this provider carries. */
    providerReference(providerName: string): string {
        const provider = this.named(providerName);
        return `${provider.urn}::${provider.id}`;
    }
}

/** The one element found (throws if none or several), `what` naming it in the message. */
export function exactlyOne<T>(found: readonly T[], what: string): T {
    if (found.length !== 1) {
        throw new Error(`expected one ${what}, found ${found.length}`);
    }
    return found[0];
}

/** The single registration of a type (throws if absent or ambiguous). */
export function only(mocks: RecordingMocks, type: string): Registration {
    return exactlyOne(mocks.ofType(type), type);
}

/** The raw registration with this logical name (throws if absent or ambiguous). */
export function recordedNamed(mocks: RecordingMocks, name: string): RecordedResource {
    return exactlyOne(
        mocks.recorded.filter((r) => r.name === name),
        `resource named ${name}`,
    );
}

/** Every URN a registration depends on, as the engine receives them: explicit `dependsOn` (expanded by the SDK) and its inputs' dependencies. */
export function dependenciesOf(mocks: RecordingMocks, name: string): readonly string[] {
    return recordedNamed(mocks, name).dependencies;
}

/** The AWS resources registered (providers aside), each checked to go through this provider, never the default one. */
export function awsResourcesThrough(mocks: RecordingMocks, providerName: string): Registration[] {
    const reference = mocks.providerReference(providerName);
    const resources = mocks.registrations.filter((r) => r.type.startsWith("aws:"));
    for (const resource of resources) {
        assert.strictEqual(resource.provider, reference, `${resource.type} ${resource.name}`);
    }
    return resources;
}

/** Resolves an output's value (the mocks run as `pulumi up` would, so values are known). */
export const valueOf = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply((value) => resolve(value)));

/** Provider inputs travel JSON-encoded when they are not strings. */
export const decoded = (value: unknown): unknown => (typeof value === "string" && /^[[{]/.test(value) ? JSON.parse(value) : value);

function plainObject(wire: WireObject): Record<string, unknown> {
    const value = plainValue(wire);
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function toRegistration(r: RecordedResource): Registration {
    const inputs = plainObject(r.inputs);
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        id: r.id,
        parent: r.parent,
        provider: r.provider,
        protect: r.options.protect,
        inputs,
        outputs: plainObject(r.outputs),
        propertyDependencies: r.propertyDependencies,
        tags: (inputs["tags"] ?? {}) as Record<string, string>,
    };
}

/**
 * One build per variant, shared by every test that asks for it: a build runs a whole component
 * under a fresh recording monitor, too slow to repeat per test. Variants are told apart by JSON.
 */
export function oncePerVariant<V, T>(build: (variant?: V) => Promise<T>): (variant?: V) => Promise<T> {
    const builds = new Map<string, Promise<T>>();
    return (variant) => {
        const key = JSON.stringify(variant) ?? "";
        let cached = builds.get(key);
        if (cached === undefined) {
            cached = build(variant);
            builds.set(key, cached);
        }
        return cached;
    };
}
