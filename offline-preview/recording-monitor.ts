import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { answerInvoke } from "./invokes";
import { mockId, mockState, OFFLINE_ACCOUNT_ID, type Placement } from "./mock-values";
import {
    MockMonitor,
    providerProto as provproto,
    resourceProto as resproto,
    type Mocks,
    type MockCallArgs,
    type MockResourceArgs,
    type MockResourceResult,
} from "./pulumi-sdk-internals";
import { providerOf, type RecordedResource, type WireObject } from "./recorded-resource";
import { plainValue } from "./wire-values";

const rootStackType = "pulumi:pulumi:Stack";

type Callback<T> = (err: Error | null, response?: T) => void;

export interface RecordingOptions {
    project: string;
    stack: string;
    /** `up`: ids, ARNs and computed attributes are invented; `preview`: they stay unknown. */
    view: "up" | "preview";
    /** Called with each registration as it is made, as the engine's analyzers are. */
    onRegister?: (resource: RecordedResource, provider: RecordedResource | undefined) => void;
    /** Outputs of a stack a program references (`pulumi.StackReference`), by its name. */
    stackReferenceOutputs?: (name: string) => Record<string, unknown>;
    /** Region for resources whose provider names none (from `aws:region`). */
    defaultRegion: string;
}

/**
 * A resource monitor for the SDK's mock runtime that keeps everything the program tells the
 * engine. The SDK hands `registerResource` the full request (parent, provider reference,
 * dependencies, property dependencies, options); the stock mocks pass on only a few fields, so
 * this monitor records the request itself and answers it with plausible state.
 */
export class RecordingMonitor extends MockMonitor {
    readonly recorded: RecordedResource[] = [];
    /** The first registration this monitor refused, as raised (the SDK wraps what reaches the program). */
    firstError: Error | undefined;
    private readonly byUrn = new Map<string, RecordedResource>();
    private readonly providerPlacement = new Map<string, Placement>();

    constructor(private readonly options: RecordingOptions) {
        super(unusedMocks);
    }

    // Synchronous, but typed as the base class declares it.
    registerResource(req: resproto.RegisterResourceRequest, callback: Callback<resproto.RegisterResourceResponse>): Promise<void> {
        try {
            const type = req.getType();
            const name = req.getName();
            const parent = req.getParent();
            const urn = this.urnFor(parent, type, name);
            const inputs = req.getObject()?.toJavaScript() ?? {};
            const custom = req.getCustom();
            const provider = req.getProvider();
            const where = this.placementOf(provider);
            let id = "";
            let state: WireObject = {};
            if (type.startsWith("pulumi:providers:")) {
                id = mockId(type, name, inputs);
                state = inputs;
                this.providerPlacement.set(`${urn}::${id}`, this.placementFromProviderInputs(inputs));
            } else if (custom) {
                // An adopted resource (import option) has its id before any deployment, in either view.
                const importId = req.getImportid();
                id = importId || (this.options.view === "up" ? mockId(type, name, inputs) : "");
                state = this.options.view === "up" ? mockState(type, id, inputs, where) : inputs;
            }
            const record = this.keep({
                urn,
                type,
                name,
                custom,
                parent,
                provider,
                inputs,
                id,
                outputs: state,
                dependencies: req.getDependenciesList(),
                propertyDependencies: propertyDependencies(req),
                options: recordedOptions(req),
            });
            this.options.onRegister?.(record, providerOf(record, this.byUrn));
            const response = new resproto.RegisterResourceResponse();
            response.setUrn(urn);
            response.setId(id);
            response.setObject(Struct.fromJavaScript(state));
            callback(null, response);
        } catch (err) {
            this.firstError ??= err as Error;
            callback(err as Error);
        }
        return Promise.resolve();
    }

    /**
     * Reads of existing resources (`Resource.get`, and stack references, which the SDK reads by
     * name): answered like registrations, with the id the program gave; a stack reference's
     * outputs come from `stackReferenceOutputs`. The engine does not analyse reads, so they go to
     * `analyzeStack` only.
     */
    readResource(req: resproto.ReadResourceRequest, callback: Callback<resproto.ReadResourceResponse>): Promise<void> {
        try {
            const type = req.getType();
            const name = req.getName();
            const parent = req.getParent();
            const urn = this.urnFor(parent, type, name);
            const inputs = req.getProperties()?.toJavaScript() ?? {};
            const id = req.getId();
            const provider = req.getProvider();
            let state: WireObject;
            if (type === "pulumi:pulumi:StackReference") {
                const answer = this.options.stackReferenceOutputs;
                if (answer === undefined) {
                    throw new Error(`stack reference ${id}: this run has no way to answer stack references`);
                }
                state = { name: id, outputs: answer(id) as WireObject, secretOutputNames: [] };
            } else {
                state = this.options.view === "up" ? mockState(type, id, inputs, this.placementOf(provider)) : inputs;
            }
            this.keep({
                urn,
                type,
                name,
                custom: true,
                parent,
                provider,
                inputs,
                id,
                read: true,
                outputs: state,
                dependencies: req.getDependenciesList(),
                propertyDependencies: {},
                options: {
                    protect: false,
                    retainOnDelete: false,
                    ignoreChanges: [],
                    replaceOnChanges: [],
                    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
                    aliases: [],
                },
            });
            const response = new resproto.ReadResourceResponse();
            response.setUrn(urn);
            response.setProperties(Struct.fromJavaScript(state));
            callback(null, response);
        } catch (err) {
            this.firstError ??= err as Error;
            callback(err as Error);
        }
        return Promise.resolve();
    }

    private keep(record: RecordedResource): RecordedResource {
        this.recorded.push(record);
        this.byUrn.set(record.urn, record);
        this.resources.set(record.urn, { urn: record.urn, id: record.id || null, state: record.outputs });
        return record;
    }

    registerResourceOutputs(req: resproto.RegisterResourceOutputsRequest, callback: Callback<object>): void {
        const record = this.byUrn.get(req.getUrn());
        if (record !== undefined) {
            record.outputs = req.getOutputs()?.toJavaScript() ?? {};
        }
        super.registerResourceOutputs(req, callback);
    }

    async invoke(req: resproto.ResourceInvokeRequest, callback: Callback<provproto.InvokeResponse>): Promise<void> {
        if (req.getTok() === "pulumi:pulumi:getResource") {
            return super.invoke(req, callback);
        }
        try {
            const args = plainValue(req.getArgs()?.toJavaScript() ?? {}) as Record<string, unknown>;
            const result = answerInvoke(req.getTok(), args, this.placementOf(req.getProvider()));
            const response = new provproto.InvokeResponse();
            response.setReturn(Struct.fromJavaScript(result as Record<string, never>));
            callback(null, response);
        } catch (err) {
            callback(err as Error);
        }
    }

    /** URNs as the engine makes them: the parent's qualified type chain, the root stack excluded. */
    private urnFor(parent: string, type: string, name: string): string {
        const parentType = parent === "" ? "" : (parent.split("::")[2] ?? "");
        const qualified = parentType === "" || parentType === rootStackType ? type : `${parentType}$${type}`;
        return `urn:pulumi:${this.options.stack}::${this.options.project}::${qualified}::${name}`;
    }

    private placementOf(providerRef: string): Placement {
        return (
            this.providerPlacement.get(providerRef) ?? {
                region: this.options.defaultRegion,
                accountId: OFFLINE_ACCOUNT_ID,
            }
        );
    }

    private placementFromProviderInputs(inputs: WireObject): Placement {
        const region = plainValue(inputs["region"]);
        // Provider inputs reach the engine JSON-encoded when they are not strings.
        const allowed = parseJsonString(plainValue(inputs["allowedAccountIds"]));
        const account = Array.isArray(allowed) && typeof allowed[0] === "string" ? allowed[0] : undefined;
        return {
            region: typeof region === "string" ? region : this.options.defaultRegion,
            accountId: account ?? OFFLINE_ACCOUNT_ID,
        };
    }
}

/** The base class wants mocks; every path that would use them is overridden or answered here. */
const unusedMocks: Mocks = {
    newResource(args: MockResourceArgs): MockResourceResult {
        return { id: `${args.name}-id`, state: args.inputs as Record<string, unknown> };
    },
    call(args: MockCallArgs): Record<string, unknown> {
        throw new Error(`unexpected mock call ${args.token}`);
    },
};

function parseJsonString(value: unknown): unknown {
    if (typeof value !== "string") {
        return value;
    }
    try {
        return JSON.parse(value) as unknown;
    } catch {
        return value;
    }
}

function propertyDependencies(req: resproto.RegisterResourceRequest): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps, key) => {
        out[key] = deps.getUrnsList();
    });
    return out;
}

function recordedOptions(req: resproto.RegisterResourceRequest): RecordedResource["options"] {
    const timeouts = req.getCustomtimeouts();
    return {
        protect: req.getProtect() ?? false,
        retainOnDelete: req.getRetainondelete() ?? false,
        ignoreChanges: req.getIgnorechangesList(),
        replaceOnChanges: req.getReplaceonchangesList(),
        ...(req.getDeletebeforereplacedefined() ? { deleteBeforeReplace: req.getDeletebeforereplace() } : {}),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        aliases: req.getAliasurnsList(),
        ...(req.getDeletedwith() ? { deletedWith: req.getDeletedwith() } : {}),
        ...(req.getImportid() ? { importId: req.getImportid() } : {}),
        ...(timeouts !== undefined && (timeouts.getCreate() || timeouts.getUpdate() || timeouts.getDelete())
            ? {
                  customTimeouts: {
                      create: timeouts.getCreate() || undefined,
                      update: timeouts.getUpdate() || undefined,
                      delete: timeouts.getDelete() || undefined,
                  },
              }
            : {}),
    };
}
