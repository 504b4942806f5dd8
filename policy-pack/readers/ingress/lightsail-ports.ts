// Ingress readers for Lightsail instance firewalls, both providers. A Lightsail firewall rule always
// allows, and admits traffic to the instance's public IP directly: no load balancer stands between.
//
//   aws:lightsail/instancePublicPorts:InstancePublicPorts
//       portInfos[]: { protocol, fromPort, toPort, cidrs?[], ipv6Cidrs?[], cidrListAliases?[] }
//   aws-native:lightsail:Instance
//       networking?: { ports[]: { protocol?, fromPort?, toPort?, cidrs?[], ipv6Cidrs?[], cidrListAliases?[], accessDirection? } }
//
// A port given no cidrs, ipv6Cidrs or cidrListAliases is open to any IPv4 address (the firewall's
// "Anywhere"), so it is read as 0.0.0.0/0. `lightsail-connect`, the only CIDR alias, is the range of
// the console's browser SSH/RDP client: not the internet.

import { Props, Reading, UNKNOWN } from "../known";
import { IngressPermission, readSources, readTrafficOf } from "./permission";

export interface LightsailPortsReader {
    /** Pulumi type tokens this reader understands. */
    types: readonly string[];
    /** The instance's inbound firewall rules. */
    read(props: Props, reading: Reading): IngressPermission[];
}

const UNKNOWN_PORTS = (origin: string): IngressPermission => ({
    origin,
    sources: [],
    sourcesUnknown: true,
    traffic: UNKNOWN,
    action: UNKNOWN,
});

function permissionOf(port: unknown, origin: string, reading: Reading): IngressPermission | undefined {
    if (port === UNKNOWN) {
        return UNKNOWN_PORTS(origin);
    }
    const direction = reading.get(port, "accessDirection");
    if (typeof direction === "string" && direction.trim().toLowerCase() === "outbound") {
        return undefined;
    }
    const { sources, sourcesUnknown } = readSources(reading, port, ["cidrs", "ipv6Cidrs"]);
    const aliases = reading.list(port, "cidrListAliases");
    const anywhere = !sourcesUnknown && sources.length === 0 && aliases !== UNKNOWN && aliases.length === 0;
    return {
        origin: anywhere ? `${origin} (no cidrs, ipv6Cidrs or cidrListAliases: open to any IPv4 address)` : origin,
        sources: anywhere ? ["0.0.0.0/0"] : sources,
        sourcesUnknown: sourcesUnknown || aliases === UNKNOWN,
        traffic: readTrafficOf(reading.get(port, "protocol"), reading.get(port, "fromPort"), reading.get(port, "toPort")),
        action: direction === UNKNOWN ? UNKNOWN : "allow",
    };
}

function readPorts(holder: unknown, key: string, reading: Reading): IngressPermission[] {
    const ports = reading.list(holder, key);
    if (ports === UNKNOWN) {
        return [UNKNOWN_PORTS(key)];
    }
    return ports.flatMap((port, i) => permissionOf(port, `${key}[${i}]`, reading) ?? []);
}

export const classicLightsailInstancePublicPorts: LightsailPortsReader = {
    types: ["aws:lightsail/instancePublicPorts:InstancePublicPorts"],
    read: (props, reading) => readPorts(props, "portInfos", reading),
};

export const nativeLightsailInstance: LightsailPortsReader = {
    types: ["aws-native:lightsail:Instance"],
    read(props, reading) {
        const networking = reading.get(props, "networking");
        if (networking === UNKNOWN) {
            return [UNKNOWN_PORTS("networking")];
        }
        return readPorts(networking, "ports", reading).map((p) => ({ ...p, origin: `networking.${p.origin}` }));
    },
};
