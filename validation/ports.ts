/** TCP ports the network admits (application, data stores): config and components refuse the same. */

import { fail, refuseRepeats, validNonEmptyList } from "./argument-error";

export const PORT_EXPECTED = "an integer port from 1 to 65535";

/** True for a TCP port number. */
export function isPort(value: unknown): value is number {
    return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** The port, or a one-line error naming `parameter`. */
export function validPort(parameter: string, value: unknown): number {
    if (!isPort(value)) {
        fail(parameter, value, PORT_EXPECTED);
    }
    return value;
}

/** The ports, or a one-line error naming `parameter`: at least one, each a port, none twice. */
export function validPorts(parameter: string, value: unknown): readonly number[] {
    const ports = validNonEmptyList(parameter, value, "a non-empty list of ports");
    return refuseRepeats(
        parameter,
        ports.map((port, index) => validPort(`${parameter}[${index}]`, port)),
    );
}
