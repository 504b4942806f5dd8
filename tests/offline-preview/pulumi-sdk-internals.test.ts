// One test per assumption offline-preview/pulumi-sdk-internals.ts makes about @pulumi/pulumi,
// against the installed SDK, each titled with the assumption: after an SDK upgrade, the one that
// fails names what changed. Each checks the SDK's behaviour, not only that a name exists, so a
// renamed flag or an uncalled static fails here rather than passing unnoticed.
import { strict as assert } from "node:assert";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { PolicyAnalyzer } from "../../offline-preview/policy-analyzer";
import {
    announcedFeatures,
    announcedPort,
    announceFeatures,
    checkedFeatures,
    MockMonitor,
    omitSourcePositions,
    SdkAssumptionError,
    sdkFunction,
    setMockMonitor,
    waitForRPCs,
    type MonitorFeatures,
    type MockTarget,
    type resourceProto,
} from "../../offline-preview/pulumi-sdk-internals";
import { installRecordingMonitor, offlineFeatures, runInStack } from "../../offline-preview/run-program";
import { UNKNOWN } from "../../offline-preview/wire-values";
import { componentStackConfig } from "../network/recording-mocks";

const THING = "test:index:Thing";
const target: MockTarget = { project: "sdk-test", stack: "dev", preview: false, organization: "acme" };
const allFeatures: MonitorFeatures = {
    supportsSecrets: true,
    supportsResourceReferences: true,
    supportsOutputValues: true,
    supportsDeletedWith: true,
    supportsAliasSpecs: true,
};
const noFeatures: MonitorFeatures = {
    supportsSecrets: false,
    supportsResourceReferences: false,
    supportsOutputValues: false,
    supportsDeletedWith: false,
    supportsAliasSpecs: false,
};
const SIG = "4dabf18193072939515e22adb298388d";

/** The SDK's stock mock monitor, keeping each request; answers after `delayMs` when given. */
class CapturingMonitor extends MockMonitor {
    readonly requests: resourceProto.RegisterResourceRequest[] = [];
    answered = 0;

    constructor(private readonly delayMs = 0) {
        super({
            newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs as Record<string, unknown> }),
            call: (args) => args.inputs as Record<string, unknown>,
        });
    }

    async registerResource(req: resourceProto.RegisterResourceRequest, callback: (err: unknown, response: unknown) => void): Promise<void> {
        this.requests.push(req);
        if (this.delayMs > 0) {
            await new Promise((resolve) => setTimeout(resolve, this.delayMs));
        }
        await super.registerResource(req, (err: unknown, response: unknown) => {
            this.answered++;
            callback(err, response);
        });
    }

    named(name: string): resourceProto.RegisterResourceRequest {
        const found = this.requests.filter((r) => r.getName() === name);
        assert.equal(found.length, 1, `one registration named ${name}`);
        return found[0];
    }
}

/** A custom resource of a made-up type, through whatever monitor is installed. */
class Thing extends pulumi.CustomResource {
    constructor(name: string, props: pulumi.Inputs = {}, opts: pulumi.CustomResourceOptions = {}) {
        super(THING, name, props, opts);
    }
}

class TestProvider extends pulumi.ProviderResource {
    constructor(name: string) {
        super("test", name, {}, {});
    }
}

/** A component that registers these outputs. */
class WithOutputs extends pulumi.ComponentResource {
    constructor(name: string, outputs: pulumi.Inputs) {
        super("test:index:Parent", name, {}, {});
        this.registerOutputs(outputs);
    }
}

const valueOf = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply(resolve));

/** `Resource.callsites` as a replaceable static (the one thing `omitSourcePositions` writes). */
const resourceStatics = pulumi.Resource as unknown as { callsites: () => object[] };

describe("@pulumi/pulumi internals the offline preview relies on", () => {
    it("runtime/state exposes getStore() whose store carries the monitor feature flags the SDK serializes by", async () => {
        const monitor = new CapturingMonitor();
        setMockMonitor(monitor, target);
        announceFeatures({ ...noFeatures, supportsSecrets: true, supportsAliasSpecs: true });
        assert.deepEqual(announcedFeatures(), { ...noFeatures, supportsSecrets: true, supportsAliasSpecs: true });
        const other = new Thing("other", {});
        new Thing(
            "flagged",
            { secret: pulumi.secret("s3cr3t"), ref: other },
            { aliases: ["urn:pulumi:dev::sdk-test::test:index:Thing::old"] },
        );
        await waitForRPCs();
        const flagged = monitor.named("flagged");
        assert.deepEqual(flagged.getObject()?.toJavaScript(), {
            secret: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", value: "s3cr3t" },
            ref: "other-id",
        });
        assert.deepEqual([flagged.getAliasesList().length, flagged.getAliasurnsList()], [1, []], "aliases as specs");

        announceFeatures({ ...noFeatures, supportsResourceReferences: true });
        new Thing(
            "unflagged",
            { secret: pulumi.secret("s3cr3t"), ref: other },
            { aliases: ["urn:pulumi:dev::sdk-test::test:index:Thing::old"] },
        );
        await waitForRPCs();
        const unflagged = monitor.named("unflagged");
        const ref = { [SIG]: "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:pulumi:dev::sdk-test::test:index:Thing::other", id: "other-id" };
        assert.deepEqual(unflagged.getObject()?.toJavaScript(), { secret: "s3cr3t", ref });
        assert.deepEqual(
            [unflagged.getAliasesList().length, unflagged.getAliasurnsList()],
            [0, ["urn:pulumi:dev::sdk-test::test:index:Thing::old"]],
            "aliases as URNs",
        );
    });

    it("setMockOptions(monitor, project, stack, dryRun, organization) installs a monitor without the feature flags", async () => {
        announceFeatures(allFeatures);
        const monitor = new CapturingMonitor();
        setMockMonitor(monitor, { project: "sdk-test", stack: "qa", preview: true, organization: "acme" });
        assert.deepEqual(announcedFeatures(), noFeatures);
        assert.deepEqual(
            [pulumi.getProject(), pulumi.getStack(), pulumi.getOrganization(), pulumi.runtime.isDryRun()],
            ["sdk-test", "qa", "acme", true],
        );
        new Thing("plain", { secret: pulumi.secret("s3cr3t") });
        await waitForRPCs();
        assert.deepEqual(
            monitor.named("plain").getObject()?.toJavaScript(),
            { secret: "s3cr3t" },
            "registered with this monitor, no secrets announced",
        );
        setMockMonitor(new CapturingMonitor(), target);
        assert.equal(pulumi.runtime.isDryRun(), false);
    });

    it("the offline preview announces secrets, deletedWith and alias specs, and neither resource references nor output values", () => {
        installRecordingMonitor(componentStackConfig(), "up");
        assert.deepEqual(announcedFeatures(), offlineFeatures);
        assert.deepEqual(offlineFeatures, {
            supportsSecrets: true,
            supportsResourceReferences: false,
            supportsOutputValues: false,
            supportsDeletedWith: true,
            supportsAliasSpecs: true,
        });
    });

    it("Resource.callsites is a replaceable static the resource constructor calls for the source position", async () => {
        assert.equal(typeof resourceStatics.callsites, "function");
        const monitor = new CapturingMonitor();
        setMockMonitor(monitor, target);
        const current = resourceStatics.callsites;
        let calls = 0;
        resourceStatics.callsites = () => {
            calls++;
            return Array.from({ length: 8 }, (_, i) => ({ file: `/fake/frame-${i}.ts`, line: i + 1, column: 1 }));
        };
        try {
            new Thing("positioned", {});
        } finally {
            resourceStatics.callsites = current;
        }
        await waitForRPCs();
        assert.ok(calls > 0, "the constructor called Resource.callsites");
        assert.match(monitor.named("positioned").getSourceposition()?.getUri() ?? "", /^file:\/\/\/fake\/frame-\d\.ts$/);

        omitSourcePositions();
        new Thing("unpositioned", {});
        await waitForRPCs();
        assert.equal(monitor.named("unpositioned").getSourceposition(), undefined);
    });

    it("waitForRPCs resolves after outstanding registrations have been answered", async () => {
        const monitor = new CapturingMonitor(30);
        setMockMonitor(monitor, target);
        for (const name of ["a", "b", "c"]) {
            new Thing(name, { name });
        }
        await waitForRPCs();
        assert.equal(monitor.answered, 3);
    });

    it("MockMonitor.registerResource gets the full RegisterResourceRequest, and what it answers is what the program sees", async () => {
        const monitor = installRecordingMonitor(componentStackConfig(), "up");
        const parent = new pulumi.ComponentResource("test:index:Parent", "parent", {}, {});
        const provider = new TestProvider("provider");
        const dependency = new Thing("dependency", { size: 1 }, { parent });
        const full = new Thing(
            "full",
            { size: dependency.id, tags: { Name: "full" } },
            {
                parent,
                provider,
                dependsOn: [dependency],
                protect: true,
                retainOnDelete: true,
                ignoreChanges: ["tags"],
                replaceOnChanges: ["size"],
                deleteBeforeReplace: true,
                additionalSecretOutputs: ["size"],
                deletedWith: dependency,
                import: "full-imported",
                customTimeouts: { create: "5m", delete: "1m" },
            },
        );
        await waitForRPCs();
        const byName = new Map(monitor.recorded.map((r) => [r.name, r]));
        const record = byName.get("full");
        const [parentUrn, providerRecord, dependencyRecord] = [byName.get("parent")?.urn, byName.get("provider"), byName.get("dependency")];
        assert.ok(record !== undefined && providerRecord !== undefined && dependencyRecord !== undefined && parentUrn !== undefined);
        assert.deepEqual(
            {
                type: record.type,
                custom: record.custom,
                parent: record.parent,
                provider: record.provider,
                id: record.id,
                inputs: record.inputs,
                dependencies: record.dependencies,
                propertyDependencies: record.propertyDependencies,
                options: record.options,
            },
            {
                type: THING,
                custom: true,
                parent: parentUrn,
                provider: `${providerRecord.urn}::${providerRecord.id}`,
                id: "full-imported",
                inputs: { size: dependencyRecord.id, tags: { Name: "full" } },
                dependencies: [dependencyRecord.urn],
                propertyDependencies: { size: [dependencyRecord.urn], tags: [] },
                options: {
                    protect: true,
                    retainOnDelete: true,
                    ignoreChanges: ["tags"],
                    replaceOnChanges: ["size"],
                    deleteBeforeReplace: true,
                    additionalSecretOutputs: ["size"],
                    aliases: [],
                    deletedWith: dependencyRecord.urn,
                    importId: "full-imported",
                    customTimeouts: { create: "5m", update: undefined, delete: "1m" },
                },
            },
        );
        assert.equal(record.urn, "urn:pulumi:staging::zero-trust-aws::test:index:Parent$test:index:Thing::full");
        assert.deepEqual([await valueOf(full.urn), await valueOf(full.id)], [record.urn, "full-imported"]);
        assert.equal(await valueOf(dependency.id), dependencyRecord.id);
        assert.notEqual(dependencyRecord.id, "", "an invented id in the up view");
    });

    it("in the preview view what the monitor leaves unknown reaches the next registration as the unknown sentinel", async () => {
        const monitor = installRecordingMonitor(componentStackConfig(), "preview");
        const first = new Thing("first", {});
        new Thing("second", { firstId: first.id });
        await waitForRPCs();
        assert.deepEqual(monitor.recorded.find((r) => r.name === "second")?.inputs, { firstId: UNKNOWN });
        assert.equal(pulumi.runtime.unknownValue, UNKNOWN);
    });

    it("the wire signatures of secrets and resource references are the SDK's", () => {
        assert.deepEqual(
            [pulumi.runtime.specialSigKey, pulumi.runtime.specialSecretSig, pulumi.runtime.specialResourceSig],
            [SIG, "1b47061264138c4ac30d75fd1eb44270", "5cf8f73096256a8f31e491e813e4eb8e"],
        );
    });

    it("MockMonitor answers the pulumi:pulumi:getResource invoke from its resources map, which the recorder fills", async () => {
        const monitor = installRecordingMonitor(componentStackConfig(), "up");
        const original = new Thing("original", { size: 3 });
        await waitForRPCs();
        const urn = await valueOf(original.urn);
        const again = new Thing("again", {}, { urn });
        assert.equal(await valueOf(again.id), monitor.recorded.find((r) => r.name === "original")?.id);
    });

    it("the SDK reads a stack reference through readResource(ReadResourceRequest) with the stack's name as id", async () => {
        const monitor = installRecordingMonitor(componentStackConfig(), "up", { stackReferenceOutputs: (name) => ({ answeredFor: name }) });
        const reference = new pulumi.StackReference("acme/sdk-test/prod");
        assert.equal(await valueOf(reference.getOutput("answeredFor")), "acme/sdk-test/prod");
        const read = monitor.recorded.find((r) => r.type === "pulumi:pulumi:StackReference");
        assert.deepEqual([read?.read, read?.id], [true, "acme/sdk-test/prod"]);
    });

    it("registerOutputs reaches registerResourceOutputs with the component's outputs", async () => {
        const monitor = installRecordingMonitor(componentStackConfig(), "up");
        new WithOutputs("with-outputs", { bucketName: "logs", count: 2 });
        await waitForRPCs();
        assert.deepEqual(monitor.recorded.find((r) => r.name === "with-outputs")?.outputs, { bucketName: "logs", count: 2 });
    });

    it("invokes reach monitor.invoke(ResourceInvokeRequest) with token and args, and the InvokeResponse's return is the result", async () => {
        installRecordingMonitor(componentStackConfig("staging", "eu-central-1"), "up");
        const region = (await pulumi.runtime.invoke("aws:index/getRegion:getRegion", {})) as unknown as { region?: string; name?: string };
        assert.equal(region.region ?? region.name, "eu-central-1");
    });

    it("an error thrown while an input or a stack output is serialized fails the run inside the root stack, with its own message", async () => {
        installRecordingMonitor(componentStackConfig(), "up");
        const refused = () =>
            pulumi.output("o-BAD").apply((id): string => {
                throw new Error(`organizationId=${id}: expected an organization id`);
            });
        const run = await runInStack(
            () => {
                new Thing("placed", { parentId: refused() });
                return { organizationId: refused() };
            },
            () => pulumi.runtime.disconnect(),
        );
        assert.match(
            String(run.failure),
            /^Error: (error serializing property "parentId": )?organizationId=o-BAD: expected an organization id$/,
        );
    });

    it("cmd/run-policy-pack of the pack's own SDK serves the Analyzer service on the port it prints", async function () {
        this.timeout(120_000);
        const analyzer = await PolicyAnalyzer.start(path.join(__dirname, "../../policy-pack"));
        try {
            const info = await analyzer.info();
            assert.equal(info.name, "zero-trust-guardrails");
            assert.ok(info.policies > 0);
        } finally {
            analyzer.stop();
        }
    });

    it("reads the port from the runner's output only once a line holds just the number", () => {
        assert.equal(announcedPort("Loading policy packs...\n"), undefined);
        assert.equal(announcedPort("Loading policy packs...\n41023\n"), 41023);
        assert.equal(announcedPort("4102"), 4102);
        assert.equal(announcedPort("listening on 41023\n"), undefined);
    });

    it("an internal that is not there fails with one line naming it, the SDK version and the expectation", () => {
        assert.throws(() => sdkFunction({ getStore: {} }, "getStore", "runtime/state getStore"), {
            name: SdkAssumptionError.name,
            message: /^@pulumi\/pulumi \d+\.\d+\.\d+: runtime\/state getStore: expected a function \(see docs\/pulumi-sdk-upgrades\.md\)$/,
        });
        assert.throws(() => checkedFeatures({ ...noFeatures, supportsAliasSpecs: undefined }), {
            name: SdkAssumptionError.name,
            message:
                /^@pulumi\/pulumi \d+\.\d+\.\d+: runtime\/state getStore\(\)\.supportsAliasSpecs: expected a boolean feature flag \(see docs\/pulumi-sdk-upgrades\.md\)$/,
        });
        assert.deepEqual(checkedFeatures({ ...allFeatures, supportsReplaceWith: true }), { ...allFeatures, supportsReplaceWith: true });
    });
});
