// Running the real program entry (stacks/index.ts) in tests, the way the engine does: inside the
// root stack, from a stack's real config (Pulumi.<stack>.yaml) with overrides, under the one
// recording monitor of the repository.
import * as path from "path";
import { runInStack } from "../../offline-preview/run-program";
import { readStackConfig } from "../../offline-preview/stack-config";
import { StackReferenceResolver, type StackOutputs } from "../../offline-preview/stack-references";
import type { EnvironmentOutputs } from "../../stacks/environment";
import { ACCESS_MODE_VARIABLE } from "../../stacks/access-mode";
import { oncePerVariant, RecordingMocks } from "../network/recording-mocks";
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

/** Config overrides of a run; an override of undefined removes the key from the stack's config. */
type Overrides = Record<string, string | undefined>;

/**
 * Runs the program for a stack; a failure is returned, not thrown, so tests can assert on it.
 * Stack references (the environments read the management stack) are answered from the referenced
 * stack's own offline preview, so `npm test` builds dist first.
 * A run takes seconds and many files read the same one (staging, prod and management as
 * configured), so one run per stack and overrides is shared by every test in the process; its plan
 * is frozen, so a test that changes it fails instead of changing what the next test reads.
 */
export function runStack(stack: string, overrides: Overrides = {}): Promise<StackRun> {
    // Entries, not the object: JSON drops an override of undefined, which is not the same run as none.
    // The access mode is read from the environment by the program, so it is part of what makes a run.
    return sharedRun({ stack, overrides: Object.entries(overrides), accessMode: process.env[ACCESS_MODE_VARIABLE] ?? null });
}

const sharedRun = oncePerVariant(
    async (variant?: { stack: string; overrides: [string, string | undefined][]; accessMode: string | null }) => {
        const { stack, overrides } = variant!;
        const run = await freshRun(stack, Object.fromEntries(overrides));
        if (run.error === undefined) {
            deepFreeze(run.mocks.recorded);
            deepFreeze(run.mocks.registrations);
        }
        return run;
    },
);

async function freshRun(stack: string, overrides: Overrides) {
    const stackConfig = readStackConfig(ROOT, stack);
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
    // engine; what was registered before it is there to assert on (not frozen: the SDK may still add to it).
    return { mocks, outputs, error };
}

/** Freezes a plain value and everything it holds (a registration's inputs, outputs and options). */
function deepFreeze(value: unknown): void {
    if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
        Object.freeze(value);
        Object.values(value).forEach(deepFreeze);
    }
}

export type StackRun = Awaited<ReturnType<typeof freshRun>>;
