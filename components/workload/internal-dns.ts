import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { fail, refuseRepeats } from "../../validation/argument-error";
import { resourceTags } from "../network/resource-tags";

/** A name in the internal zone that points at an internal load balancer. */
export interface InternalDnsRecord {
    /** The first label: the record is `<label>.<domain>`. */
    readonly label: string;
    /** The load balancer's DNS name and hosted zone (its alias target). */
    readonly dnsName: pulumi.Input<string>;
    readonly zoneId: pulumi.Input<string>;
}

export interface InternalDnsArgs {
    /** Environment name, used in `Name` tags. */
    environment: string;
    /** The internal domain (e.g. `internal.staging.example.com`): the internal listeners' certificate covers `*.<domain>`. */
    domain: string;
    /** The VPC the zone answers in, and only there. */
    vpcId: pulumi.Input<string>;
    /** One alias record per internal load balancer. */
    records: readonly InternalDnsRecord[];
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The private hosted zone of the environment's internal names: a caller reaches a service at
 * `<application>.<domain>`, the name on the internal listeners' certificate, so it can verify the
 * server as strictly as the server verifies it. The zone answers inside the VPC only.
 */
export class InternalDns extends pulumi.ComponentResource {
    /** The private hosted zone. */
    public readonly zoneId: pulumi.Output<string>;
    /** Every record's fully qualified name, by label. */
    public readonly names: Readonly<Record<string, string>>;

    constructor(name: string, args: InternalDnsArgs, opts?: pulumi.ComponentResourceOptions) {
        if (typeof args.domain !== "string" || !DOMAIN.test(args.domain)) {
            fail("InternalDns: domain", args.domain, "a lowercase DNS name such as internal.staging.example.com");
        }
        args.records.forEach((record, index) => {
            if (!LABEL.test(record.label)) {
                fail(`InternalDns: records[${index}].label`, record.label, "one lowercase DNS label (letters, digits, hyphens)");
            }
        });
        refuseRepeats(
            "InternalDns: records",
            args.records.map((record) => record.label),
        );
        super("zero-trust:workload:InternalDns", name, {}, opts);

        const zone = new aws.route53.Zone(
            `${name}-zone`,
            {
                name: args.domain,
                comment: `${args.environment}: internal service names, answered inside the VPC only`,
                vpcs: [{ vpcId: args.vpcId }],
                tags: resourceTags(`${args.environment}-internal-dns`),
            },
            { parent: this },
        );
        const names: Record<string, string> = {};
        for (const record of args.records) {
            names[record.label] = `${record.label}.${args.domain}`;
            new aws.route53.Record(
                `${name}-${record.label}`,
                {
                    zoneId: zone.zoneId,
                    name: names[record.label],
                    type: "A",
                    aliases: [{ name: record.dnsName, zoneId: record.zoneId, evaluateTargetHealth: true }],
                },
                { parent: this },
            );
        }
        this.zoneId = zone.zoneId;
        this.names = names;
        this.registerOutputs({ zoneId: this.zoneId, names: this.names });
    }
}
