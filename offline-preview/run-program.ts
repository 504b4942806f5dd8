import * as pulumi from "@pulumi/pulumi";
import { announceFeatures, omitSourcePositions, setMockMonitor, type MonitorFeatures } from "./pulumi-sdk-internals";
import { RecordingMonitor, type RecordingOptions } from "./recording-monitor";
import type { RecordedResource } from "./recorded-resource";
import type { StackConfig } from "./stack-config";

/**
 * What the offline preview's monitor announces: secrets, `deletedWith` and alias specs as the
 * engine supports them; resource references and output values off, so resources travel as their
 * ids and outputs resolved, as policies and plans read them.
 */
export const offlineFeatures: MonitorFeatures = {
    supportsSecrets: true,
    supportsResourceReferences: false,
    supportsOutputValues: false,
    supportsDeletedWith: true,
    supportsAliasSpecs: true,
};

export interface ProgramRun {
    resources: RecordedResource[];
    /** Stack outputs as the program exported them (wire form). */
    outputs: Record<string, unknown>;
}

export interface RunProgramOptions {
    /** Absolute path of the program's entry module (what `require(programDir)` would load). */
    entry: string;
    stackConfig: StackConfig;
    view: "up" | "preview";
    /** Keep full stack traces while the program runs (slower; for debugging a failing program). */
    stackTraces?: boolean;
    onRegister?: RecordingOptions["onRegister"];
    stackReferenceOutputs?: RecordingOptions["stackReferenceOutputs"];
}

/**
 * Installs a recording monitor as the SDK's resource monitor, with the stack's config, so that
 * resources declared from now on are recorded (as the engine would receive them) and answered
 * with plausible state. `runProgram` uses it; tests of components use it directly.
 */
export function installRecordingMonitor(
    stackConfig: StackConfig,
    view: "up" | "preview",
    hooks: Pick<RecordingOptions, "onRegister" | "stackReferenceOutputs"> = {},
): RecordingMonitor {
    const { project, stack, config, secretKeys } = stackConfig;
    const monitor = new RecordingMonitor({ project, stack, view, ...hooks, defaultRegion: config["aws:region"] ?? "us-east-1" });
    omitSourcePositions();
    pulumi.runtime.setAllConfig(config, secretKeys);
    // The organisation a DIY backend gives every stack; references to this project's stacks use it.
    setMockMonitor(monitor, { project, stack, preview: view === "preview", organization: "organization" });
    announceFeatures(offlineFeatures);
    return monitor;
}

/**
 * Runs a Pulumi program in this process under the SDK's mock runtime, as the Node language host
 * would run it (inside the root `pulumi:pulumi:Stack`, config set from the stack's settings,
 * an exported function called and awaited), and returns every registration it made.
 * A program runs once per process: the SDK's runtime state is global.
 */
export async function runProgram(options: RunProgramOptions): Promise<ProgramRun> {
    const monitor = installRecordingMonitor(options.stackConfig, options.view, {
        onRegister: options.onRegister,
        stackReferenceOutputs: options.stackReferenceOutputs,
    });

    // The SDK also captures a stack trace for every promise it tracks (leak diagnostics nobody
    // reads here): a fifth of a run's time. Traces are off unless asked for.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = options.stackTraces === true ? stackTraceLimit : 0;
    let run: StackRun;
    try {
        run = await runInStack(
            () => {
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                const exported: unknown = require(options.entry);
                return typeof exported === "function" ? (exported as () => unknown)() : exported;
            },
            () => pulumi.runtime.disconnect(),
        );
    } finally {
        Error.stackTraceLimit = stackTraceLimit;
    }
    const firstFailure = run.failure;
    if (firstFailure !== undefined) {
        // A registration the monitor refused is reported as raised, not as the SDK's wrapping of it.
        throw monitor.firstError ?? (firstFailure instanceof Error ? firstFailure : new Error(JSON.stringify(firstFailure)));
    }
    return { resources: monitor.recorded, outputs: run.outputs ?? {} };
}

/** How a program run inside the root stack ended. */
export interface StackRun {
    /** The stack's outputs (what the program returned, resolved). */
    readonly outputs?: Record<string, unknown>;
    /** The run's first error, if any. */
    readonly failure?: unknown;
}

/**
 * Runs a program inside the root `pulumi:pulumi:Stack` under the installed monitor, as the Node
 * language host does, then `settle` (wait for every registration to be answered). Registration
 * failures surface as rejections of promises the program never awaits, also after its outputs are
 * known; the first one is the run's error and ends the run, as it ends the language host's:
 * resources waiting on the failed value would otherwise never resolve. A failed run leaves its
 * listener in place: the SDK rejects more promises with the same error.
 */
export async function runInStack(program: () => unknown, settle: () => Promise<unknown>): Promise<StackRun> {
    let failure: unknown;
    let abort: (err: unknown) => void = () => undefined;
    const aborted = new Promise<never>((_, reject) => {
        abort = reject;
    });
    const onRejection = (err: unknown): void => {
        failure ??= err;
        abort(err);
    };
    process.on("unhandledRejection", onRejection);
    try {
        const outputs = await Promise.race([pulumi.runtime.runInPulumiStack(async () => await program()), aborted]);
        await Promise.race([settle(), aborted]);
        if (failure === undefined) {
            process.off("unhandledRejection", onRejection);
            return { outputs };
        }
    } catch (err) {
        failure ??= err;
    }
    return { failure };
}
