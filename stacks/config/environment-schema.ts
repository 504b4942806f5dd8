import { z } from "zod";
import { INTERFACE_ENDPOINT_SERVICES } from "../../components/network/interface-endpoint-services";
import { DEFAULT_SSL_POLICY, TLS12_SSL_POLICIES } from "../../components/network/internet-entry-point";
import { formatIpv4Cidr, hasHostBits, isRfc1918, networkOf, parseIpv4Cidr } from "../../components/network/ipv4-cidr";
import { AVAILABILITY_ZONE } from "../../components/network/network-args";
import { MIN_SUBNET_PREFIX, TIERS, VPC_PREFIX_MIN, measureSubnetSpace } from "../../components/network/subnet-plan";
import { NAT_STRATEGIES } from "../../components/network/tier-routing";
import { PLATFORM_OWNER_TAG } from "../../components/organization/platform-ownership";
import { accountSchema, baselineSchema, BUCKET_EXPECTED, checkAccountAgainstEnvironment } from "./account-schema";
import { detectionSchema } from "./detection-schema";
import { checkWorkloadsAgainstEnvironment, workloadsSchema } from "./workloads-schema";
import { checkEncryptionAgainstEnvironment, encryptionSchema } from "./encryption-schema";
import {
    ACCOUNT_ID,
    ACM_CERTIFICATE_ARN,
    ACM_CERTIFICATE_ARN_EXPECTED,
    checkCertificatePlacement,
    ORGANIZATION_ID,
    REGION,
    REGION_EXPECTED,
    strictObjectError,
} from "./schema-helpers";
import { BUCKET_NAME_EXPECTED, isBucketName } from "../../validation/aws-identifiers";
import { isLogRetentionDays, LOG_RETENTION_EXPECTED } from "../../validation/log-retention";
import { isPort, PORT_EXPECTED } from "../../validation/ports";
import { isTagKey, isTagValue, TAG_KEY_EXPECTED, TAG_VALUE_EXPECTED } from "../../validation/tag-keys";

// Every message below is the "expected …" half of a ConfigError: it says what a good value looks like.

/** Tag keys the program sets itself; a stack-level value would be silently overridden per resource. */
export const PROGRAM_TAG_KEYS = ["ManagedBy", "Stack", "Name", "Tier", PLATFORM_OWNER_TAG.key] as const;

/** AWS allows 50 tags per resource; the program adds Environment plus the keys above. */
const MAX_TAGS_PER_RESOURCE = 50;

/** Default inbound/outbound rule quota of a network ACL; the isolated tier has AZs × data ports rules. */
const NACL_RULES_PER_DIRECTION = 20;

const ORGANIZATION_ID_EXPECTED = "an AWS Organizations id: o- followed by 10 to 32 lowercase letters or digits";

const STACK_REFERENCE_EXPECTED = "a stack reference name: <stack>, <project>/<stack> or <organization>/<project>/<stack>";

/** `zero-trust-aws:management`: the stack that built the organisation, whose outputs this stack reads. */
const managementReferenceSchema = z.strictObject(
    {
        stack: z
            .string({ error: STACK_REFERENCE_EXPECTED })
            .regex(/^(?:[\w.-]+\/){0,2}[\w.-]+$/, { error: STACK_REFERENCE_EXPECTED })
            .meta({
                description:
                    "e.g. `management`: that stack of this project in the stack's own Pulumi organisation (or `<org>/<project>/<stack>`), whose outputs give " +
                    "the organisation id, AWS Config's delivery bucket and key, the security account, the OUs and the allowed regions. With it, organizationId, " +
                    "baseline.configBucketName, baseline.configKmsKeyArn, account.parentOuId and account.managementAccountId are refused (one source of truth); " +
                    "without management, those facts come from config",
            }),
    },
    { error: strictObjectError(["stack"], "an object with stack (the management stack's reference name)") },
);

/**
 * The organisation's facts come from exactly one place: the management stack's outputs when
 * `management.stack` is set, otherwise config. Both would be two truths that can drift apart.
 */
function checkOrganizationSource(
    config: {
        readonly management?: unknown;
        readonly organizationId?: string;
        readonly baseline: { readonly configBucketName?: string; readonly configKmsKeyArn?: string };
    },
    ctx: z.RefinementCtx,
): void {
    const fromManagement = config.management !== undefined;
    if (fromManagement && config.baseline.configKmsKeyArn !== undefined) {
        ctx.addIssue({
            code: "custom",
            path: ["baseline", "configKmsKeyArn"],
            message: "nothing with management.stack set (the management stack's outputs provide it)",
        });
    }
    const facts: [PropertyKey[], unknown, string][] = [
        [["organizationId"], config.organizationId, ORGANIZATION_ID_EXPECTED],
        [
            ["baseline", "configBucketName"],
            config.baseline.configBucketName,
            `${BUCKET_EXPECTED} (the organisation's Config delivery bucket, without object lock)`,
        ],
    ];
    for (const [path, value, expected] of facts) {
        if (fromManagement && value !== undefined) {
            ctx.addIssue({
                code: "custom",
                path,
                message: "nothing with management.stack set (the management stack's outputs provide it)",
            });
        } else if (!fromManagement && value === undefined) {
            ctx.addIssue({ code: "custom", path, message: `${expected} (or management.stack, to read it from the management stack)` });
        }
    }
}

const port = (what: string) => z.number({ error: `${what}: ${PORT_EXPECTED}` }).refine(isPort, { error: `${what}: ${PORT_EXPECTED}` });

const subnetPrefix = z
    .number({ error: `a subnet prefix length from /${VPC_PREFIX_MIN} to /${MIN_SUBNET_PREFIX}` })
    .int({ error: `a subnet prefix length from /${VPC_PREFIX_MIN} to /${MIN_SUBNET_PREFIX}` })
    .min(VPC_PREFIX_MIN, { error: `a subnet prefix length from /${VPC_PREFIX_MIN} to /${MIN_SUBNET_PREFIX}` })
    .max(MIN_SUBNET_PREFIX, { error: `a subnet prefix length from /${VPC_PREFIX_MIN} to /${MIN_SUBNET_PREFIX} (AWS's smallest subnet)` });

const vpcCidr = z.string({ error: "an IPv4 CIDR with a prefix from /16 to /28" }).superRefine((text, ctx) => {
    const block = parseIpv4Cidr(text);
    if (block === undefined || block.prefix < VPC_PREFIX_MIN || block.prefix > MIN_SUBNET_PREFIX) {
        ctx.addIssue({ code: "custom", message: "an IPv4 CIDR with a prefix from /16 to /28" });
    } else if (hasHostBits(block)) {
        ctx.addIssue({ code: "custom", message: `a network address with no host bits set, e.g. ${formatIpv4Cidr(networkOf(block))}` });
    } else if (!isRfc1918(block)) {
        ctx.addIssue({ code: "custom", message: "a private RFC 1918 block (inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16)" });
    }
});

const LOAD_BALANCER_KEYS = ["certificateArn", "sslPolicy", "clientCertificates"] as const;

const loadBalancerSchema = z.strictObject(
    {
        certificateArn: z
            .string({ error: ACM_CERTIFICATE_ARN_EXPECTED })
            .regex(ACM_CERTIFICATE_ARN, { error: ACM_CERTIFICATE_ARN_EXPECTED })
            .meta({
                description:
                    "e.g. `arn:aws:acm:eu-west-1:111111111111:certificate/<uuid>`: an ACM certificate of the stack's region and account. With it, an internet-facing " +
                    "ALB is built and only its security group admits 443 (and 80, as a redirect) from the internet; without loadBalancer, nothing admits internet ingress",
            }),
        sslPolicy: z
            .enum(TLS12_SSL_POLICIES, {
                error: `an ELB security policy that allows only TLS 1.2 and newer: ${TLS12_SSL_POLICIES.join(", ")}`,
            })
            .default(DEFAULT_SSL_POLICY)
            .meta({ description: "the HTTPS listener's ELB security policy: one that allows only TLS 1.2 and newer" }),
        clientCertificates: z
            .strictObject(
                {
                    caBundleS3Bucket: z
                        .string({ error: BUCKET_NAME_EXPECTED })
                        .refine(isBucketName, { error: BUCKET_NAME_EXPECTED })
                        .meta({ description: "the bucket holding the CA bundle (PEM), in the stack's region, readable by the deployment" }),
                    caBundleS3Key: z
                        .string({ error: "an S3 object key of 1 to 1024 characters" })
                        .min(1, { error: "an S3 object key of 1 to 1024 characters" })
                        .max(1024, { error: "an S3 object key of 1 to 1024 characters" })
                        .meta({ description: "the bundle's object key" }),
                },
                { error: strictObjectError(["caBundleS3Bucket", "caBundleS3Key"], "an object { caBundleS3Bucket, caBundleS3Key }") },
            )
            .optional()
            .meta({
                description:
                    "client-certificate authentication at the entry: the HTTPS listener verifies every client's certificate against this CA bundle " +
                    "(ALB mutual TLS, verify mode); omit it for a public entry",
            }),
    },
    {
        error: strictObjectError(
            LOAD_BALANCER_KEYS,
            "an object { certificateArn, sslPolicy?, clientCertificates? } describing the internet-facing load balancer (omit it for none)",
        ),
    },
);

const networkSchema = z
    .strictObject(
        {
            availabilityZones: z
                .array(
                    z
                        .string({ error: "an availability zone name such as eu-west-1a" })
                        .regex(AVAILABILITY_ZONE, { error: "an availability zone name such as eu-west-1a" }),
                    {
                        error: "a list of 1 to 6 availability zone names",
                    },
                )
                .min(1, { error: "a list of 1 to 6 availability zone names" })
                .max(6, { error: "a list of 1 to 6 availability zone names" })
                .superRefine((zones, ctx) => {
                    zones.forEach((zone, index) => {
                        if (zones.indexOf(zone) !== index) {
                            ctx.addIssue({
                                code: "custom",
                                path: [index],
                                message: `an availability zone not already listed (${zone} is listed twice)`,
                            });
                        }
                    });
                })
                .meta({
                    description:
                        "e.g. `[eu-west-1a, eu-west-1b, eu-west-1c]`: zones of aws:region, no repeats (from config, never looked up); one subnet per zone per tier",
                }),
            vpcCidr: vpcCidr.meta({ description: "e.g. `10.20.0.0/16`: an RFC 1918 block, prefix /16 to /28, no host bits" }),
            subnetPrefixLengths: z.strictObject(
                {
                    public: subnetPrefix.meta({
                        description: "prefix length of each public subnet (one per AZ), e.g. 24; the three tiers' subnets must fit the VPC",
                    }),
                    private: subnetPrefix.meta({ description: "prefix length of each private (app tier) subnet, e.g. 20" }),
                    isolated: subnetPrefix.meta({ description: "prefix length of each isolated (data tier) subnet, e.g. 22" }),
                },
                { error: strictObjectError(TIERS, "an object { public, private, isolated } of subnet prefix lengths") },
            ),
            natGateways: z
                .enum(NAT_STRATEGIES, { error: `one of ${NAT_STRATEGIES.join(", ")}` })
                .default("one-per-az")
                .meta({
                    description:
                        "one NAT gateway per AZ (prod), a `single` one (staging, to save cost), or `none`: no internet egress at all",
                }),
            appPort: port("the application port")
                .default(8443)
                .meta({ description: "the port the load balancer forwards to on the app tier" }),
            dataPorts: z
                .array(port("a data store port"), { error: "a non-empty list of data store ports" })
                .min(1, { error: "a non-empty list of data store ports" })
                .superRefine((ports, ctx) => {
                    ports.forEach((value, index) => {
                        if (ports.indexOf(value) !== index) {
                            ctx.addIssue({
                                code: "custom",
                                path: [index],
                                message: `a port not already listed (${value} is listed twice)`,
                            });
                        }
                    });
                })
                .default([5432])
                .meta({
                    description:
                        "ports the data tier accepts from the app tier (and the isolated network ACL from the private subnets), no repeats; " +
                        `AZs × ports stays within ${NACL_RULES_PER_DIRECTION} NACL rules`,
                }),
            allowHttpRedirect: z
                .boolean({ error: "true or false" })
                .default(true)
                .meta({ description: "admit port 80 from the internet, only so that the load balancer can redirect to HTTPS" }),
            loadBalancer: loadBalancerSchema.optional(),
        },
        {
            error: strictObjectError(
                [
                    "availabilityZones",
                    "vpcCidr",
                    "subnetPrefixLengths",
                    "natGateways",
                    "appPort",
                    "dataPorts",
                    "allowHttpRedirect",
                    "loadBalancer",
                ],
                "an object with availabilityZones, vpcCidr, subnetPrefixLengths and optional natGateways, appPort, dataPorts, allowHttpRedirect, loadBalancer",
            ),
        },
    )
    .superRefine((network, ctx) => {
        // Object-level checks run even when a field check failed; only measure a usable VPC CIDR.
        const vpc = parseIpv4Cidr(network.vpcCidr);
        if (vpc === undefined || hasHostBits(vpc) || vpc.prefix < VPC_PREFIX_MIN) {
            return;
        }
        for (const tier of TIERS) {
            if (network.subnetPrefixLengths[tier] < vpc.prefix) {
                ctx.addIssue({
                    code: "custom",
                    path: ["subnetPrefixLengths", tier],
                    message: `a subnet prefix length from /${vpc.prefix} (the VPC's) to /${MIN_SUBNET_PREFIX}`,
                });
                return;
            }
        }
        const azCount = network.availabilityZones.length;
        const space = measureSubnetSpace(network.vpcCidr, azCount, network.subnetPrefixLengths);
        if (space.needed > space.available) {
            const sizes = TIERS.map((tier) => `/${network.subnetPrefixLengths[tier]}`).join(" + ");
            ctx.addIssue({
                code: "custom",
                path: ["subnetPrefixLengths"],
                message: `subnets that fit the VPC: ${azCount} AZs × (${sizes}) need ${space.needed} addresses but ${network.vpcCidr} has ${space.available}`,
            });
        }
        const isolatedIngressRules = azCount * network.dataPorts.length;
        if (isolatedIngressRules > NACL_RULES_PER_DIRECTION) {
            ctx.addIssue({
                code: "custom",
                path: ["dataPorts"],
                message: `at most ${NACL_RULES_PER_DIRECTION} isolated-tier NACL ingress rules (AWS default quota): ${azCount} AZs × ${network.dataPorts.length} data ports = ${isolatedIngressRules}`,
            });
        }
    });

export const tagsSchema = z
    .record(z.string(), z.string({ error: "a string tag value" }), { error: "an object of tag keys to string values" })
    .superRefine((tags, ctx) => {
        for (const [key, value] of Object.entries(tags)) {
            if (!isTagKey(key)) {
                ctx.addIssue({ code: "custom", path: [key], params: { value: key }, message: TAG_KEY_EXPECTED });
            } else if ((PROGRAM_TAG_KEYS as readonly string[]).includes(key)) {
                ctx.addIssue({
                    code: "custom",
                    path: [key],
                    params: { value: key },
                    message: `a tag key other than ${PROGRAM_TAG_KEYS.join(", ")} (the program sets those)`,
                });
            } else if (!isTagValue(value)) {
                ctx.addIssue({ code: "custom", path: [key], message: TAG_VALUE_EXPECTED });
            }
        }
    })
    .meta({
        description:
            `tags on every resource, through the providers' defaultTags; ${PROGRAM_TAG_KEYS.join(", ")} are set by the program and refused here ` +
            "(an environment stack also sets Environment, which may only repeat the environment name)",
    });

/**
 * The whole configuration of an environment stack. Field names are config keys without their
 * namespace (`region` is `aws:region`, the rest are `zero-trust-aws:<field>`).
 */
export const environmentConfigSchema = z
    .object({
        region: z
            .string({ error: REGION_EXPECTED })
            .regex(REGION, { error: REGION_EXPECTED })
            .meta({ description: "e.g. `eu-west-1`: the stack's home region, a region of the aws partition" }),
        environment: z
            .string({ error: "a lowercase environment name" })
            .regex(/^[a-z](?:[a-z0-9-]{0,22}[a-z0-9])?$/, {
                error: "a lowercase name of 1 to 24 letters, digits or hyphens, starting with a letter and not ending with a hyphen (defaults to the stack name)",
            })
            .meta({
                description: "e.g. `staging`: lowercase, 1 to 24 characters (not aws); used in resource names and the Environment tag",
                defaultText: "the stack name",
            }),
        accountId: z
            .string({ error: "a 12-digit AWS account id (quoted in YAML)" })
            .regex(ACCOUNT_ID, { error: "a 12-digit AWS account id (quoted in YAML)" })
            .meta({
                description:
                    'e.g. `"111111111111"` (quote it): the environment\'s member account, the only account its providers may deploy to, in both account modes',
            }),
        organizationId: z
            .string({ error: ORGANIZATION_ID_EXPECTED })
            .regex(ORGANIZATION_ID, { error: ORGANIZATION_ID_EXPECTED })
            .optional()
            .meta({
                description:
                    "e.g. `o-a1b2c3d4e5`: endpoint policies admit only this organisation's principals. Required without management.stack, refused with it",
            }),
        management: managementReferenceSchema.optional(),
        network: networkSchema,
        flowLogRetentionDays: z
            .number({ error: LOG_RETENTION_EXPECTED })
            .refine(isLogRetentionDays, { error: LOG_RETENTION_EXPECTED })
            .default(365)
            .meta({
                description:
                    "days VPC flow logs and the responder's log group are kept: a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, …, 3653)",
            }),
        interfaceEndpoints: z
            .array(
                z.enum(INTERFACE_ENDPOINT_SERVICES, {
                    error: `a supported interface endpoint service: ${INTERFACE_ENDPOINT_SERVICES.join(", ")}`,
                }),
                {
                    error: "a list of interface endpoint service names",
                },
            )
            .superRefine((services, ctx) => {
                services.forEach((service, index) => {
                    if (services.indexOf(service) !== index) {
                        ctx.addIssue({
                            code: "custom",
                            path: [index],
                            message: `a service not already listed (${service} is listed twice)`,
                        });
                    }
                });
            })
            .default(["kms", "sts", "secretsmanager", "ssm", "ssmmessages", "ec2messages", "logs"])
            .meta({ description: "AWS services reached through interface VPC endpoints with private DNS, no repeats" }),
        tags: tagsSchema.default({}),
        detection: detectionSchema,
        encryption: encryptionSchema,
        account: accountSchema,
        baseline: baselineSchema,
        workloads: workloadsSchema,
    })
    .superRefine((config, ctx) => {
        if (config.environment === "aws") {
            ctx.addIssue({
                code: "custom",
                path: ["environment"],
                message: "a name other than aws (KMS reserves the alias prefix alias/aws/ for AWS managed keys)",
            });
        }
        if (!REGION.test(config.region)) {
            return;
        }
        checkEncryptionAgainstEnvironment(config, ctx);
        checkOrganizationSource(config, ctx);
        checkAccountAgainstEnvironment(config, ctx);
        checkWorkloadsAgainstEnvironment(config, ctx);
        if (config.detection.detectorIds?.[config.region] !== undefined) {
            ctx.addIssue({
                code: "custom",
                path: ["detection", "detectorIds", config.region],
                message: `a region other than the stack's region ${config.region} (aws:region), whose detector is detection.detectorId`,
            });
        }
        config.network.availabilityZones.forEach((zone, index) => {
            if (!new RegExp(`^${config.region}[a-z]$`).test(zone)) {
                ctx.addIssue({
                    code: "custom",
                    path: ["network", "availabilityZones", index],
                    message: `an availability zone of ${config.region} (${config.region}a, ${config.region}b, …)`,
                });
            }
        });
        checkCertificatePlacement(
            ctx,
            ["network", "loadBalancer", "certificateArn"],
            config.network.loadBalancer?.certificateArn,
            config.region,
            config.accountId,
        );
        const environmentTag = config.tags["Environment"];
        if (environmentTag !== undefined && environmentTag !== config.environment) {
            ctx.addIssue({
                code: "custom",
                path: ["tags", "Environment"],
                message: `the environment name ${config.environment} (or no Environment tag)`,
            });
        }
        const tagKeys = new Set([...Object.keys(config.tags), "Environment", ...PROGRAM_TAG_KEYS]);
        if (tagKeys.size > MAX_TAGS_PER_RESOURCE) {
            ctx.addIssue({
                code: "custom",
                path: ["tags"],
                message: `at most ${MAX_TAGS_PER_RESOURCE - 1 - PROGRAM_TAG_KEYS.length} tags (AWS allows ${MAX_TAGS_PER_RESOURCE} per resource; the program adds ${1 + PROGRAM_TAG_KEYS.length})`,
            });
        }
    });

/** Validated environment config with every default applied. */
export type EnvironmentConfig = z.infer<typeof environmentConfigSchema>;
