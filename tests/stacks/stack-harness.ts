// Running the real program entry (stacks/index.ts) in tests, the way the engine does: inside the
// root stack, from a stack's real config (Pulumi.<stack>.yaml) with overrides, under the one
// recording monitor of the repository.
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { runInStack } from "../../offline-preview/run-program";
import { readStackConfig } from "../../offline-preview/stack-config";
import { StackReferenceResolver, type StackOutputs } from "../../offline-preview/stack-references";
import type { EnvironmentOutputs } from "../../stacks/environment";
import { RecordingMocks } from "../network/recording-mocks";
import program from "../../stacks/index";

export const ROOT = path.resolve(__dirname, "../..");

/** Resolves an output's value (the mocks run as `pulumi up` would, so values are known). */
export const valueOf = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply((value) => resolve(value)));

/** Provider inputs travel JSON-encoded when they are not strings. */
export const decoded = (value: unknown): unknown => (typeof value === "string" && /^[[{]/.test(value) ? JSON.parse(value) : value);

/** Outputs of referenced stacks by name, each previewed once per test run (as the offline preview answers them). */
const referencedOutputs = new Map<string, StackOutputs>();

function stackReferenceOutputs(stack: string): (name: string) => StackOutputs {
    return (name) => {
        let outputs = referencedOutputs.get(name);
        if (outputs === undefined) {
            const cli = path.join(ROOT, "dist/offline-preview/main.js");
            outputs = new StackReferenceResolver({ files: new Map(), projectDir: ROOT, project: "zero-trust-aws", stack, cli }).outputsOf(name);
            referencedOutputs.set(name, outputs);
        }
        return outputs;
    };
}

/**
 * Runs the program for a stack; a failure is returned, not thrown, so tests can assert on it.
 * Stack references (the environments read the management stack) are answered from the referenced
 * stack's own offline preview, so `npm test` builds dist first.
 */
export async function runStack(stack: string, overrides: Record<string, string | undefined> = {}) {
    const stackConfig = readStackConfig(ROOT, stack);
    // An override of undefined removes the key from the stack's config.
    const config = Object.fromEntries(
        Object.entries({ ...stackConfig.config, ...overrides }).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const mocks = RecordingMocks.install({ ...stackConfig, config }, { stackReferenceOutputs: stackReferenceOutputs(stack) });
    // Environment outputs; a management stack run returns ManagementOutputs (tests cast).
    let outputs: EnvironmentOutputs | undefined;
    const { failure: error } = await runInStack(() => {
        outputs = program() as EnvironmentOutputs;
        return outputs;
    });
    if (error === undefined) {
        await mocks.settled();
    }
    // After a failure some registrations wait forever on the failed value, as they would in the
    // engine; what was registered before it is there to assert on.
    return { mocks, outputs, error };
}

export type StackRun = Awaited<ReturnType<typeof runStack>>;
