/**
 * The task sizes Fargate runs (ECS Developer Guide, "Task CPU and memory"): each CPU value allows a
 * range of memory in fixed steps, in MiB. 8 and 16 vCPU need Linux platform 1.4.0 or later, which
 * the services' `LATEST` platform is.
 */

import { fail } from "../../validation/argument-error";

interface MemoryRange {
    readonly min: number;
    readonly max: number;
    readonly step: number;
}

/** Memory (MiB) Fargate allows for each task CPU value (CPU units, 1024 = 1 vCPU). */
export const FARGATE_MEMORY_BY_CPU: Readonly<Record<number, MemoryRange>> = {
    256: { min: 512, max: 2048, step: 512 },
    512: { min: 1024, max: 4096, step: 1024 },
    1024: { min: 2048, max: 8192, step: 1024 },
    2048: { min: 4096, max: 16384, step: 1024 },
    4096: { min: 8192, max: 30720, step: 1024 },
    8192: { min: 16384, max: 61440, step: 4096 },
    16384: { min: 32768, max: 122880, step: 8192 },
};

/** True when Fargate runs a task of this CPU and memory. */
export function isFargateTaskSize(cpu: unknown, memory: unknown): boolean {
    const range = typeof cpu === "number" ? FARGATE_MEMORY_BY_CPU[cpu] : undefined;
    return (
        range !== undefined &&
        typeof memory === "number" &&
        memory >= range.min &&
        memory <= range.max &&
        (memory - range.min) % range.step === 0
    );
}

/**
 * Checks a task size, or throws a one-line error naming `parameter` (`<component>: cpu` or
 * `<component>: memory`, whichever is wrong): the CPU must be one Fargate offers, the memory one
 * that CPU allows.
 */
export function checkFargateTaskSize(component: string, cpu: unknown, memory: unknown): void {
    const range = typeof cpu === "number" ? FARGATE_MEMORY_BY_CPU[cpu] : undefined;
    if (range === undefined) {
        fail(`${component}: cpu`, cpu, `a Fargate task CPU (${Object.keys(FARGATE_MEMORY_BY_CPU).join(", ")} units)`);
    }
    if (!isFargateTaskSize(cpu, memory)) {
        fail(
            `${component}: memory`,
            memory,
            `a memory Fargate allows with cpu ${String(cpu)} (${range.min} to ${range.max} MiB in steps of ${range.step})`,
        );
    }
}
