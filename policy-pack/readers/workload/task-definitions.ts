// ECS task definitions and daemon task definitions of both providers, as the workload family needs them.
//
//   aws:ecs/taskDefinition:TaskDefinition              { networkMode?, containerDefinitions: JSON text of the ECS API's list }
//   aws-native:ecs:TaskDefinition                      { networkMode?, containerDefinitions?: [ … ] }
//   aws:ecs/daemonTaskDefinition:DaemonTaskDefinition,
//   aws-native:ecs:DaemonTaskDefinition                { containerDefinitions: [ … ] }  (no network mode: daemons use the host's)
//
// A container definition, in the JSON text and in both providers' lists alike:
//   { name, image, privileged?: boolean, readonlyRootFilesystem?: boolean, user?: string }
//
// The classic provider takes the list as one JSON string, which is unknown during preview as soon
// as any part of it is an output (an image digest, a log group name): then the whole list is UNKNOWN.

import { Props, Reading, Unknown, UNKNOWN } from "../known";
import { flag, ODD, Odd, text } from "../tls/values";

type Text = string | undefined | Unknown | Odd;

export const CLASSIC_TASK_DEFINITION_TYPE = "aws:ecs/taskDefinition:TaskDefinition";
export const NATIVE_TASK_DEFINITION_TYPE = "aws-native:ecs:TaskDefinition";
export const DAEMON_TASK_DEFINITION_TYPES: ReadonlySet<string> = new Set([
    "aws:ecs/daemonTaskDefinition:DaemonTaskDefinition",
    "aws-native:ecs:DaemonTaskDefinition",
]);

/** Task definitions whose containers the family reads. */
export const TASK_DEFINITION_TYPES: ReadonlySet<string> = new Set([
    CLASSIC_TASK_DEFINITION_TYPE,
    NATIVE_TASK_DEFINITION_TYPE,
    ...DAEMON_TASK_DEFINITION_TYPES,
]);

/** Task definitions that take a network mode. */
export const NETWORK_MODE_TYPES: ReadonlySet<string> = new Set([CLASSIC_TASK_DEFINITION_TYPE, NATIVE_TASK_DEFINITION_TYPE]);

export interface ContainerView {
    /** Where the container is written, for messages: `containerDefinitions[1] "web"`. */
    at: string;
    image: Text;
    privileged: boolean | undefined | Unknown | Odd;
    readonlyRootFilesystem: boolean | undefined | Unknown | Odd;
    user: Text;
}

/** The containers of a task definition: UNKNOWN when the list is unknown, ODD when it is not a list (or not JSON). */
export type Containers = ContainerView[] | Unknown | Odd;

function listOf(raw: unknown, reading: Reading): unknown[] | Unknown | Odd {
    if (raw === UNKNOWN) {
        return UNKNOWN;
    }
    if (raw === undefined || raw === null) {
        return [];
    }
    let value: unknown = raw;
    if (typeof raw === "string") {
        try {
            value = JSON.parse(raw) as unknown;
        } catch {
            return ODD;
        }
    }
    return Array.isArray(value) ? reading.elements(value) : ODD;
}

function containerOf(raw: unknown, index: number, reading: Reading): ContainerView {
    if (raw === UNKNOWN) {
        const unknown = { image: UNKNOWN, privileged: UNKNOWN, readonlyRootFilesystem: UNKNOWN, user: UNKNOWN } as const;
        return { at: `containerDefinitions[${index}]`, ...unknown };
    }
    const name = text(reading.get(raw, "name"));
    return {
        at: `containerDefinitions[${index}]${typeof name === "string" ? ` ${JSON.stringify(name)}` : ""}`,
        image: text(reading.get(raw, "image")),
        privileged: flag(reading.get(raw, "privileged")),
        readonlyRootFilesystem: flag(reading.get(raw, "readonlyRootFilesystem")),
        user: text(reading.get(raw, "user")),
    };
}

/** Reads the containers of a task definition of either provider; undefined for other types. */
export function readContainers(type: string, props: Props, reading: Reading): Containers | undefined {
    if (!TASK_DEFINITION_TYPES.has(type)) {
        return undefined;
    }
    const list = listOf(reading.get(props, "containerDefinitions"), reading);
    return list === UNKNOWN || list === ODD ? list : list.map((raw, index) => containerOf(raw, index, reading));
}

/** A task definition's network mode, lower case; undefined when unset or for a type without one. */
export function readNetworkMode(type: string, props: Props, reading: Reading): Text {
    if (!NETWORK_MODE_TYPES.has(type)) {
        return undefined;
    }
    const mode = text(reading.get(props, "networkMode"));
    return typeof mode === "string" ? mode.toLowerCase() : mode;
}
