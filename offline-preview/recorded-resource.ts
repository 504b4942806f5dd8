/** A JSON value as it travels in a protobuf Struct (unknowns, secrets and refs in their wire form). */
export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };
export type WireObject = { [key: string]: WireValue };

/** Resource options that reach the engine and that `pulumi preview --json` or a policy can see. */
export interface RecordedOptions {
    protect: boolean;
    retainOnDelete: boolean;
    ignoreChanges: string[];
    replaceOnChanges: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs: string[];
    aliases: string[];
    deletedWith?: string;
    importId?: string;
    customTimeouts?: { create?: string; update?: string; delete?: string };
}

/** One registration as the program made it, everything the engine would have been told. */
export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** A read of an existing resource (`Resource.get`, a stack reference), not a registration. */
    read?: boolean;
    /** Parent URN; empty only for the root stack resource. */
    parent: string;
    /** Provider reference `urn::id`, as the engine records it; empty for components. */
    provider: string;
    /** Inputs in wire form: unknown values as the unknown sentinel, secrets wrapped. */
    inputs: WireObject;
    /** State the (mock) provider answered with; for components, the registered outputs. */
    outputs: WireObject;
    id: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    options: RecordedOptions;
}

/** The provider resource behind a reference `urn::id`, if it was registered. */
export function providerOf(r: RecordedResource, byUrn: ReadonlyMap<string, RecordedResource>): RecordedResource | undefined {
    return r.provider ? byUrn.get(r.provider.slice(0, r.provider.lastIndexOf("::"))) : undefined;
}

/** The step a first deployment takes for a recorded resource, as `pulumi preview --json` names it. */
export type StepOperation = "create" | "import" | "read";

/** A read (`Resource.get`, a stack reference), an adoption (import option), or else a creation. */
export function stepOperation(r: RecordedResource): StepOperation {
    return r.read === true ? "read" : r.options.importId ? "import" : "create";
}
