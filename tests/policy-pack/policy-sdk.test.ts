// Every assumption policy-pack/policy-sdk.ts makes about @pulumi/policy, one test each, titled by
// the assumption and run against the installed SDK: its unknown-checking proxy, and its own
// Analyzer service handlers (configureStack, analyze, analyzeStack) called as the engine calls
// them. After an SDK upgrade, a failure here names the assumption that no longer holds.

import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import type { Policies, ResourceValidationArgs, StackValidationArgs } from "../../policy-pack/node_modules/@pulumi/policy";
import {
    AnalyzeRequest,
    AnalyzerResource,
    AnalyzerResourceOptions,
    AnalyzeResponse,
    AnalyzerStackConfigureRequest,
    AnalyzeStackRequest,
    RemediateResponse,
} from "../../policy-pack/node_modules/@pulumi/pulumi/proto/analyzer_pb";
import { rawProps } from "../../policy-pack/policies/remediation";
import {
    isUnknownSentinel,
    isUnknownValueError,
    proxyTarget,
    runOf,
    stackNameOf,
    stackTagValue,
    unknownValueError,
} from "../../policy-pack/policy-sdk";
/* eslint-disable @typescript-eslint/no-require-imports */
const { Struct } =
    require("../../policy-pack/node_modules/google-protobuf/google/protobuf/struct_pb") as typeof import("google-protobuf/google/protobuf/struct_pb");
const grpc = require("../../policy-pack/node_modules/@grpc/grpc-js") as typeof import("@grpc/grpc-js");
const sdkDir = path.join(__dirname, "../../policy-pack/node_modules/@pulumi/policy");
const proxy = require(path.join(sdkDir, "proxy")) as Record<string, unknown> & {
    unknownCheckingProxy: <T>(value: T) => T;
    unknownStringValue: string;
    UnknownValueError: new (...args: never[]) => Error;
};
const server = require(path.join(sdkDir, "server")) as {
    serve: (name: string, version: string, level: string, args: { policies: Policies }, config: object) => void;
};
/* eslint-enable @typescript-eslint/no-require-imports */

type Handler = (call: { request: unknown }, callback: (error: unknown, response?: unknown) => void) => unknown;

/** What the probe policies saw, call by call. */
const seen: { resource: ResourceValidationArgs[]; stack: StackValidationArgs[] } = { resource: [], stack: [] };

const probe = { description: "a probe of the SDK's handlers", enforcementLevel: "advisory" } as const;

/** Probes that record their args (the resource one also reads props.value), and a remediation. */
const probes: Policies = [
    { ...probe, name: "probe-resource", validateResource: (args) => void [seen.resource.push(args), args.props.value] },
    { ...probe, name: "probe-stack", validateStack: (args) => void seen.stack.push(args) },
    {
        ...probe,
        name: "probe-remediation",
        enforcementLevel: "remediate",
        remediateResource: (args) => ({ ...rawProps(args.props), fixed: true }),
    },
];

/** The SDK's Analyzer handlers, from its own `serve` with the gRPC server kept from listening. */
function sdkHandlers(): Record<string, Handler> {
    let handlers: Record<string, Handler> | undefined;
    const prototype = grpc.Server.prototype as unknown as Record<string, unknown>;
    const saved = { addService: prototype.addService, bindAsync: prototype.bindAsync };
    prototype.addService = (_service: unknown, implementation: Record<string, Handler>) => {
        handlers = implementation;
    };
    prototype.bindAsync = () => undefined;
    try {
        server.serve("sdk-probe", "0.0.1", "advisory", { policies: probes }, {});
    } finally {
        Object.assign(prototype, saved);
    }
    assert.ok(handlers !== undefined, "serve registered no Analyzer service");
    return handlers;
}

function call<T>(handler: Handler, request: unknown): Promise<T> {
    return new Promise((resolve, reject) => {
        void handler({ request }, (error, response) =>
            error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(response as T),
        );
    });
}

const options = () => new AnalyzerResourceOptions();
const urn = (stack: string, name: string) => `urn:pulumi:${stack}::zero-trust::aws:s3/bucket:Bucket::${name}`;

function analyzeRequest(name: string, properties: Record<string, unknown>): AnalyzeRequest {
    const req = new AnalyzeRequest();
    req.setType("aws:s3/bucket:Bucket");
    req.setName(name);
    req.setUrn(urn("prod", name));
    req.setProperties(Struct.fromJavaScript(properties as Parameters<typeof Struct.fromJavaScript>[0]));
    req.setOptions(options());
    return req;
}

function analyzeStackRequest(...names: string[]): AnalyzeStackRequest {
    const req = new AnalyzeStackRequest();
    req.setResourcesList(
        names.map((name) => {
            const r = new AnalyzerResource();
            r.setType("aws:s3/bucket:Bucket");
            r.setName(name);
            r.setUrn(urn("prod", name));
            r.setProperties(Struct.fromJavaScript({}));
            r.setOptions(options());
            return r;
        }),
    );
    return req;
}

function configureStackRequest(stack: string, tags: Record<string, string>): AnalyzerStackConfigureRequest {
    const req = new AnalyzerStackConfigureRequest();
    req.setStack(stack);
    req.setProject("zero-trust");
    for (const [key, value] of Object.entries(tags)) {
        req.getTagsMap().set(key, value);
    }
    return req;
}

describe("policy-sdk.ts: what the pack assumes of @pulumi/policy", () => {
    let handlers: Record<string, Handler>;

    before(() => {
        handlers = sdkHandlers();
    });

    beforeEach(() => {
        seen.resource.length = 0;
        seen.stack.length = 0;
    });

    it("reading a value unknown during preview through the SDK's proxy throws an error whose constructor is named UnknownValueError", () => {
        const props = proxy.unknownCheckingProxy({ value: proxy.unknownStringValue });
        assert.throws(
            () => props.value,
            (error: unknown) => error instanceof proxy.UnknownValueError && isUnknownValueError(error),
        );
        assert.ok(isUnknownValueError(unknownValueError("x")), "the pack's own error (previewView) passes for it");
        assert.ok(!isUnknownValueError(new Error("x")));
    });

    it("the SDK's server turns that UnknownValueError, thrown out of a resource policy, into its can't-run advisory", async () => {
        const response = await call<AnalyzeResponse>(handlers.analyze, analyzeRequest("unknown", { value: proxy.unknownStringValue }));
        const messages = response.getDiagnosticsList().map((d) => d.getMessage());
        assert.equal(seen.resource.length, 1);
        assert.ok(
            messages.some((m) => /^can't run policy 'probe-resource' .* during preview/.test(m)),
            messages.join("\n"),
        );
    });

    it("the engine's unknown values are the SDK's unknown*Value sentinels, seven of them", () => {
        const sentinels = Object.entries(proxy)
            .filter(([key]) => /^unknown\w*Value$/.test(key))
            .map(([, value]) => value);
        assert.equal(sentinels.length, 7);
        assert.ok(sentinels.every(isUnknownSentinel));
        assert.ok(!isUnknownSentinel("not-a-sentinel"));
    });

    it("the SDK's proxy answers __isSpecialProxy and __getSpecialProxyTarget with the object it wraps", () => {
        const raw = { value: proxy.unknownStringValue };
        assert.equal(proxyTarget(proxy.unknownCheckingProxy(raw)), raw);
        assert.equal(proxyTarget(raw), raw, "a plain object is its own target");
    });

    it("a remediation's result goes back to the engine as returned, so the unknown sentinels it copied from the proxy's target stay unknown", async () => {
        const response = await call<RemediateResponse>(
            handlers.remediate,
            analyzeRequest("fix", { value: proxy.unknownStringValue, kept: "x" }),
        );
        const [remediation] = response.getRemediationsList();
        assert.equal(remediation.getPolicyname(), "probe-remediation");
        assert.deepEqual(remediation.getProperties()?.toJavaScript(), { value: proxy.unknownStringValue, kept: "x", fixed: true });
    });

    it("a run is told apart by the identity of args.stackTags: one object for every analyze and analyzeStack until configureStack replaces it", async () => {
        await call(handlers.configureStack, configureStackRequest("prod", { team: "a" }));
        await call(handlers.analyze, analyzeRequest("a", {}));
        await call(handlers.analyze, analyzeRequest("b", {}));
        await call(handlers.analyzeStack, analyzeStackRequest("a", "b"));
        const firstRun = [...seen.resource, ...seen.stack].map((args) => runOf(args.stackTags));
        assert.equal(firstRun.length, 3);
        assert.ok(firstRun.every((run) => run === firstRun[0]));
        await call(handlers.configureStack, configureStackRequest("prod", { team: "a" }));
        await call(handlers.analyze, analyzeRequest("a", {}));
        assert.notEqual(runOf(seen.resource[2].stackTags), firstRun[0], "the next configureStack starts a new run");
    });

    it("stack tags arrive as a read-only view with get(), not a Map", async () => {
        await call(handlers.configureStack, configureStackRequest("prod", { "zero-trust:environment": "prod" }));
        await call(handlers.analyzeStack, analyzeStackRequest("a"));
        const tags = seen.stack[0].stackTags;
        assert.ok(!(tags instanceof Map) && Object.isFrozen(tags));
        assert.equal(stackTagValue(tags, "zero-trust:environment"), "prod");
        assert.equal(stackTagValue(tags, "absent"), undefined);
    });

    it("a stack policy gets no stack name, only resources, stackTags, getConfig and notApplicable: the name comes from the URNs", async () => {
        await call(handlers.configureStack, configureStackRequest("prod-eu", {}));
        await call(handlers.analyzeStack, analyzeStackRequest("a", "b"));
        const args = seen.stack[0];
        assert.deepEqual(Object.keys(args).sort(), ["getConfig", "notApplicable", "resources", "stackTags"]);
        assert.equal(stackNameOf(args.resources), "prod");
    });

    it("@pulumi/policy/schema exports the type PolicyConfigJSONSchema", () => {
        const declarations = fs.readFileSync(path.join(sdkDir, "schema.d.ts"), "utf8");
        assert.match(declarations, /export (declare )?(interface|type) PolicyConfigJSONSchema\b/);
    });
});
