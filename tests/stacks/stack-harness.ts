// Running the real program entry (stacks/index.ts) in tests, the way the engine does: inside the
// root stack, from a stack's real config (Pulumi.<stack>.yaml) with overrides, under the one
// recording monitor of the repository.
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { readStackConfig } from "../../offline-preview/stack-config";
import type { EnvironmentOutputs } from "../../stacks/environment";
import { RecordingMocks } from "../network/recording-mocks";
import program from "../../stacks/index";

export const ROOT = path.resolve(__dirname, "../..");

/** Resolves an output's value (the mocks run as `pulumi up` would, so values are known). */
export const valueOf = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply((value) => resolve(value)));

/** Provider inputs travel JSON-encoded when they are not strings. */
export const decoded = (value: unknown): unknown => (typeof value === "string" && /^[[{]/.test(value) ? JSON.parse(value) : value);

/** Runs the program for a stack; a failure is returned, not thrown, so tests can assert on it. */
export async function runStack(stack: string, overrides: Record<string, string> = {}) {
    const stackConfig = readStackConfig(ROOT, stack);
    const mocks = RecordingMocks.install({ ...stackConfig, config: { ...stackConfig.config, ...overrides } });
    let outputs: EnvironmentOutputs | undefined;
    let error: unknown;
    try {
        await pulumi.runtime.runInPulumiStack(() => {
            outputs = program();
            return Promise.resolve(outputs);
        });
    } catch (err) {
        error = err;
    }
    await mocks.settled();
    return { mocks, outputs, error };
}

export type StackRun = Awaited<ReturnType<typeof runStack>>;
