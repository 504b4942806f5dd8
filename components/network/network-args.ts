import { fail, refuseRepeats, validChoice, validNonEmptyList } from "../../validation/argument-error";
import { INTERFACE_ENDPOINT_SERVICES, type InterfaceEndpointService } from "./interface-endpoint-services";
import { hasHostBits, parseIpv4Cidr } from "./ipv4-cidr";
import { MIN_SUBNET_PREFIX, TIERS, VPC_PREFIX_MIN, measureSubnetSpace, type TierPrefixLengths } from "./subnet-plan";

// The network components' own argument rules, on top of the shared ones of `validation/`: each
// check returns the value or throws the one-line `<parameter>: <value> is not <expected>`, and the
// components run them before declaring anything.

/** The VPC's CIDR: an IPv4 network address (no host bits) with a prefix from /16 to /28, or a one-line error naming `parameter`. */
export function validVpcCidr(parameter: string, value: unknown): string {
    const block = typeof value === "string" ? parseIpv4Cidr(value) : undefined;
    if (block === undefined || hasHostBits(block) || block.prefix < VPC_PREFIX_MIN || block.prefix > MIN_SUBNET_PREFIX) {
        fail(parameter, value, `an IPv4 network CIDR (no host bits set) with a prefix from /${VPC_PREFIX_MIN} to /${MIN_SUBNET_PREFIX}`);
    }
    return value as string;
}

/** An availability zone name: a region and a letter (`eu-west-1a`). */
export const AVAILABILITY_ZONE = /^[a-z]{2}-[a-z]+-\d{1,2}[a-z]$/;

/** Availability zones: at least one, none twice; of `region` (`<region><letter>`) when it is given. */
export function validAvailabilityZones(parameter: string, value: unknown, region?: string): readonly string[] {
    const zones = validNonEmptyList(parameter, value, "a non-empty list of availability zones");
    const zone = region === undefined ? AVAILABILITY_ZONE : new RegExp(`^${region}[a-z]$`);
    zones.forEach((name, index) => {
        if (typeof name !== "string" || !zone.test(name)) {
            fail(
                `${parameter}[${index}]`,
                name,
                region === undefined
                    ? "an availability zone name (like eu-west-1a)"
                    : `an availability zone of ${region} (${region}a, ${region}b, …)`,
            );
        }
    });
    return refuseRepeats(parameter, zones as string[]);
}

/**
 * Each tier's subnet prefix length, from the VPC's own prefix to /28, such that one subnet per AZ
 * and tier fits the VPC; or a one-line error naming `parameter`.
 */
export function validSubnetPrefixLengths(parameter: string, value: TierPrefixLengths, vpcCidr: string, azCount: number): TierPrefixLengths {
    const vpcPrefix = Number(vpcCidr.split("/")[1]);
    for (const tier of TIERS) {
        const prefix = value?.[tier];
        if (typeof prefix !== "number" || !Number.isInteger(prefix) || prefix < vpcPrefix || prefix > MIN_SUBNET_PREFIX) {
            fail(`${parameter}.${tier}`, prefix, `a subnet prefix length from /${vpcPrefix} (the VPC's) to /${MIN_SUBNET_PREFIX}`);
        }
    }
    const space = measureSubnetSpace(vpcCidr, azCount, value);
    if (space.needed > space.available) {
        fail(
            parameter,
            value,
            `subnets that fit the VPC: ${azCount} AZs need ${space.needed} addresses but ${vpcCidr} has ${space.available}`,
        );
    }
    return value;
}

/** Interface endpoint services: each one the program supports, none twice (may be empty). */
export function validInterfaceServices(parameter: string, value: readonly InterfaceEndpointService[]): readonly InterfaceEndpointService[] {
    if (!Array.isArray(value)) {
        fail(parameter, value, "a list of interface endpoint services");
    }
    return refuseRepeats(
        parameter,
        value.map((service, index) => validChoice(`${parameter}[${index}]`, service, INTERFACE_ENDPOINT_SERVICES)),
    );
}
