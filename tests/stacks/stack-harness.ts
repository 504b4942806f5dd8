// Running the real program entry (stacks/index.ts) in tests, the way the engine does: inside the
// root stack, from a stack's real config (Pulumi.<stack>.yaml) with overrides, under the one
// recording monitor of the repository.
import * as path from "path";
import { runInStack } from "../../offline-preview/run-program";
import { readStackConfig } from "../../offline-preview/stack-config";
import { StackReferenceResolver, type StackOutputs } from "../../offline-preview/stack-references";
import type { EnvironmentOutputs } from "../../stacks/environment";
import { RecordingMocks } from "../network/recording-mocks";
import program from "../../stacks/index";

export const ROOT = path.resolve(__dirname, "../..");

// The registration helpers the stack tests use with a run's mocks.
export { decoded, valueOf } from "../network/recording-mocks";

/** Outputs of referenced stacks by name, each previewed once per test run (as the offline preview answers them). */
const referencedOutputs = new Map<string, StackOutputs>();

function stackReferenceOutputs(stack: string): (name: string) => StackOutputs {
    return (name) => {
        let outputs = referencedOutputs.get(name);
        if (outputs === undefined) {
            const cli = path.join(ROOT, "dist/offline-preview/main.js");
            outputs = new StackReferenceResolver({ files: new Map(), projectDir: ROOT, project: "zero-trust-aws", stack, cli }).outputsOf(
                name,
            );
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
    const { failure: error } = await runInStack(
        async () => {
            outputs = (await program()) as EnvironmentOutputs;
            return outputs;
        },
        () => mocks.settled(),
    );
    // After a failure some registrations wait forever on the failed value, as they would in the
    // engine; what was registered before it is there to assert on.
    return { mocks, outputs, error };
}

export type StackRun = Awaited<ReturnType<typeof runStack>>;
