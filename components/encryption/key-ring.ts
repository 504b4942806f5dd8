import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { fail, refuseRepeats, validMatching } from "../../validation/argument-error";
import { validRegion } from "../../validation/aws-identifiers";
import { validLogGroupNamePrefix } from "../../validation/log-groups";
import { validNameKey } from "../../validation/name-keys";
import { applicationKeyAlias, purposeKeyAlias } from "./key-aliases";
import {
    applicationKeyPolicy,
    purposeKeyPolicy,
    type ApplicationKeyServices,
    type KeyPolicyDocument,
    type KeyPolicyScope,
    type PurposeBindings,
} from "./key-policy";
import { KEY_PURPOSES, KEY_PURPOSE_DESCRIPTIONS, type KeyPurpose } from "./key-purposes";

/** An application that gets its own key. */
export interface KeyRingApplication {
    /** Lowercase name (letters, digits, hyphens); the key's alias is `alias/<env>/<name>`. */
    readonly name: string;
    /** Role ARNs of the application that may use its key (non-empty; none of them an administrator). */
    readonly keyUsers: readonly string[];
    /** What AWS services do with the key for an application of the workload tier (its log group, its database). */
    readonly services?: ApplicationKeyServices;
    /**
     * The resources that create the key users, when the program creates them: KMS refuses a key
     * policy that names a principal that does not exist yet, so the key waits for them.
     */
    readonly keyUserResources?: readonly pulumi.Resource[];
}

/** A region that holds replicas of every key, and the provider that deploys there. */
export interface KeyRingReplicaRegion {
    /** The region; not the primary region. */
    readonly region: string;
    /** Provider for that region, in the same account as the primary keys. */
    readonly provider: pulumi.ProviderResource;
}

export interface KeyRingArgs {
    /** Environment name (lowercase, not `aws`): the first segment of every alias and of `Name` tags. */
    environment: string;
    /** Region of the primary keys: the region of the provider the component is given. */
    region: string;
    /** Account that owns the keys; key policies delegate to it only as documented in key-policy.ts. */
    accountId: string;
    /** Applications, each with its own key; may be empty. */
    applications: readonly KeyRingApplication[];
    /**
     * Role ARNs that administer every key (non-empty): manage, never use. The role Pulumi deploys
     * with must be among them, or KMS refuses the policy (lockout safety check).
     */
    keyAdministrators: readonly string[];
    /** Waiting period (7–30 days) between scheduling a key's deletion and the deletion. */
    deletionWindowInDays: number;
    /**
     * Name prefix of the environment's log groups, starting and ending with `/` (e.g.
     * `/zero-trust/prod/`): the logs key serves log groups under it only.
     */
    logGroupNamePrefix: string;
    /**
     * Name of the EventBridge rule (default event bus) that publishes alerts: the alerts key admits
     * EventBridge for this rule only.
     */
    alertRuleName: string;
    /** Name of the SNS topic the alerts key encrypts: the alerts key serves this topic only. */
    alertTopicName: string;
    /**
     * Extra regions for replicas of every key. With any, the primary keys are multi-Region keys;
     * `multiRegion` cannot change on an existing key, so adding the first region later replaces them.
     */
    replicaRegions: readonly KeyRingReplicaRegion[];
}

/** ARNs of one region's keys, by application and by purpose. */
export interface KeyArns {
    readonly applications: Readonly<Record<string, pulumi.Output<string>>>;
    readonly purposes: Readonly<Record<KeyPurpose, pulumi.Output<string>>>;
}

/**
 * The environment's customer-managed KMS keys: one per application and one per purpose (see
 * key-purposes.ts), each rotating yearly, with its alias and a least-privilege key policy
 * (key-policy.ts), replicated into every extra region through that region's provider. Every key is
 * protected: deleting one loses all data encrypted under it.
 */
export class KeyRing extends pulumi.ComponentResource {
    /** Primary keys (the stack's region). */
    public readonly keyArns: KeyArns;
    /** Replica keys by region. */
    public readonly replicaKeyArns: Readonly<Record<string, KeyArns>>;
    /** The logs key's ARN, for the environment's log groups. */
    public readonly logsKeyArn: pulumi.Output<string>;

    constructor(name: string, args: KeyRingArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs(args);
        super("zero-trust:encryption:KeyRing", name, {}, opts);
        const env = args.environment;
        const multiRegion = args.replicaRegions.length > 0;
        const scopeIn = (region: string): KeyPolicyScope => ({ accountId: args.accountId, region, administrators: args.keyAdministrators });
        const bindings: PurposeBindings = {
            logGroupNamePrefix: args.logGroupNamePrefix,
            alertRuleName: args.alertRuleName,
            alertTopicName: args.alertTopicName,
        };

        const declare = (
            id: string,
            alias: string,
            description: string,
            policyIn: (region: string) => KeyPolicyDocument,
            dependsOn: readonly pulumi.Resource[] = [],
        ) => {
            const tags = { Name: `${env}-kms-${id}` };
            const key = new aws.kms.Key(
                `${name}-${id}`,
                {
                    description,
                    keyUsage: "ENCRYPT_DECRYPT",
                    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                    enableKeyRotation: true,
                    deletionWindowInDays: args.deletionWindowInDays,
                    multiRegion,
                    policy: JSON.stringify(policyIn(args.region)),
                    tags,
                },
                { parent: this, protect: true, dependsOn: [...dependsOn] },
            );
            new aws.kms.Alias(`${name}-${id}-alias`, { name: alias, targetKeyId: key.keyId }, { parent: this });
            const replicas = args.replicaRegions.map(({ region, provider }) => {
                const replica = new aws.kms.ReplicaKey(
                    `${name}-${id}-${region}`,
                    {
                        primaryKeyArn: key.arn,
                        description,
                        enabled: true,
                        deletionWindowInDays: args.deletionWindowInDays,
                        // Key policies are not replicated: each replica gets its own, naming its region's services.
                        policy: JSON.stringify(policyIn(region)),
                        tags,
                    },
                    { parent: this, provider, protect: true, dependsOn: [...dependsOn] },
                );
                // Aliases are regional: the same alias finds the key in every region.
                new aws.kms.Alias(`${name}-${id}-${region}-alias`, { name: alias, targetKeyId: replica.keyId }, { parent: this, provider });
                return [region, replica.arn] as const;
            });
            return { arn: key.arn, replicas };
        };

        const applicationKeys = args.applications.map((app) => ({
            name: app.name,
            ...declare(
                `app-${app.name}`,
                applicationKeyAlias(env, app.name),
                `${env}: key of the ${app.name} application`,
                (region) => applicationKeyPolicy(scopeIn(region), app.keyUsers, app.services),
                app.keyUserResources,
            ),
        }));
        const purposeKeys = KEY_PURPOSES.map((purpose) => ({
            purpose,
            ...declare(
                `purpose-${purpose}`,
                purposeKeyAlias(env, purpose),
                `${env}: encrypts ${KEY_PURPOSE_DESCRIPTIONS[purpose]}`,
                (region) => purposeKeyPolicy(scopeIn(region), purpose, bindings),
            ),
        }));

        const arnsIn = (
            pick: (key: { arn: pulumi.Output<string>; replicas: (readonly [string, pulumi.Output<string>])[] }) => pulumi.Output<string>,
        ): KeyArns => ({
            applications: Object.fromEntries(applicationKeys.map((key) => [key.name, pick(key)])),
            purposes: Object.fromEntries(purposeKeys.map((key) => [key.purpose, pick(key)])) as Record<KeyPurpose, pulumi.Output<string>>,
        });
        this.keyArns = arnsIn((key) => key.arn);
        this.replicaKeyArns = Object.fromEntries(
            args.replicaRegions.map(({ region }, index) => [region, arnsIn((key) => key.replicas[index][1])]),
        );
        this.logsKeyArn = this.keyArns.purposes.logs;
        this.registerOutputs({ keyArns: this.keyArns, replicaKeyArns: this.replicaKeyArns, logsKeyArn: this.logsKeyArn });
    }
}

/** The key ring's own invariants, checked before anything is declared (stack config is validated before this, by stacks/config). */
function checkArgs(args: KeyRingArgs): void {
    const regions = args.replicaRegions.map((replica, index) => validRegion(`KeyRing: replicaRegions[${index}].region`, replica.region));
    refuseRepeats("KeyRing: replicaRegions", regions);
    if (regions.includes(args.region)) {
        fail("KeyRing: replicaRegions", args.region, `a region other than the primary region ${args.region}`);
    }
    validLogGroupNamePrefix("KeyRing: logGroupNamePrefix", args.logGroupNamePrefix);
    validMatching(
        "KeyRing: alertRuleName",
        args.alertRuleName,
        /^[A-Za-z0-9._-]{1,64}$/,
        "an EventBridge rule name (1 to 64 of A-Z a-z 0-9 . _ -)",
    );
    validMatching(
        "KeyRing: alertTopicName",
        args.alertTopicName,
        /^[A-Za-z0-9_-]{1,256}$/,
        "a standard SNS topic name (1 to 256 of A-Z a-z 0-9 _ -)",
    );
    refuseRepeats(
        "KeyRing: applications",
        args.applications.map((application, index) => validNameKey(`KeyRing: applications[${index}].name`, application.name)),
    );
}
