import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkWhenKnown, validWholeNumber } from "../../validation/argument-error";
import {
    validAccountId,
    validBucketName,
    validOptionalRoleName,
    validOrganizationId,
    validRegion,
    validRoleName,
} from "../../validation/aws-identifiers";
import { validConfigKeyPrefix } from "../../validation/s3-key-prefixes";
import { type LogArchiveLifecycle, logLifecycleRules, privateBucketSettings, protectedAuditKey } from "./audit-bucket-settings";
import {
    checkProviderGiven,
    refuseDeploymentAsBreakGlass,
    validAccountRolePatterns,
    validLifecycle,
    validReaderArns,
    validRoleArnsOf,
} from "./audit-log-args";
import { CONFIG_DELIVERY_ACCESS_LOG_PREFIX, CONFIG_DELIVERY_KEY_ALIAS } from "./audit-log-names";
import { configDeliveryKeyPolicy } from "./log-archive-key-policy";
import { configDeliveryBucketPolicy } from "./log-archive-policies";

/** Default key prefix of AWS Config deliveries (the environments' `baseline.configKeyPrefix` default). */
export const DEFAULT_CONFIG_KEY_PREFIX = "config";

export interface ConfigDeliveryBucketArgs {
    /** The organisation (`o-…`): AWS Config delivers on behalf of its accounts only (`aws:SourceOrgID`). */
    organizationId: string;
    /** The log-archive account: the account of the provider given in `opts.provider`, owner of the bucket, its key and the exempt roles. */
    logArchiveAccountId: string;
    /** Region of the provider given in `opts.provider`: bucket and key (a delivery channel's key must be in the bucket's region). */
    region: string;
    /** Name of the bucket (ConfigDeliveryBucket's default in the management stack: `<archive bucket>-config`). */
    bucketName: string;
    /** Key prefix of the environments' AWS Config deliveries (their `baseline.configKeyPrefix`); default `config`. */
    configKeyPrefix?: string;
    /** Principals that read the deliveries and decrypt them through S3: exact ARNs (account roots or roles) that exist. */
    readerPrincipalArns: string[];
    /** Identity Center role ARN patterns of the log-archive account that read the deliveries (`permissionSetRoleArnPattern`). */
    accountReaderRolePatterns?: string[];
    /** Role ARNs of the log-archive account that administer the key (manage, never use); the role Pulumi deploys with must be one (KMS lockout check). */
    keyAdministratorArns: string[];
    /** Name of the emergency role in the log-archive account (path `/`): with `deploymentRoleName`, the only principals that may change the bucket's settings. Nobody may delete a delivery. */
    breakGlassRoleName: string;
    /** Name of the role Pulumi deploys with (path `/`), exempt from the "configuration change" deny; without it, only break-glass can change the bucket. */
    deploymentRoleName?: string;
    /** When deliveries move to cheaper storage and when they expire (the only way they leave the bucket). */
    lifecycle: LogArchiveLifecycle;
    /** The bucket that receives this bucket's S3 server access logs (LogArchive's access-logs bucket, whose policy must admit this bucket); none: no access logs. */
    accessLogsBucketName?: pulumi.Input<string>;
    /** Days between scheduling deletion of the key and the deletion, 7–30. */
    keyDeletionWindowDays: number;
}

interface CheckedArgs {
    organizationId: string;
    logArchiveAccountId: string;
    region: string;
    bucketName: string;
    configKeyPrefix: string;
    readers: readonly string[];
    accountReaderRolePatterns: readonly string[];
    administrators: readonly string[];
    breakGlassRoleName: string;
    deploymentRoleName?: string;
    lifecycle: Required<LogArchiveLifecycle>;
    keyDeletionWindowDays: number;
}

/** Validates everything before anything is declared; one-line errors that name the argument. */
function checkArgs(args: ConfigDeliveryBucketArgs, opts: pulumi.ComponentResourceOptions | undefined): CheckedArgs {
    const logArchiveAccountId = validAccountId("ConfigDeliveryBucket: logArchiveAccountId", args.logArchiveAccountId);
    const breakGlassRoleName = validRoleName("ConfigDeliveryBucket: breakGlassRoleName", args.breakGlassRoleName);
    const deploymentRoleName = validOptionalRoleName("ConfigDeliveryBucket: deploymentRoleName", args.deploymentRoleName);
    refuseDeploymentAsBreakGlass("ConfigDeliveryBucket", deploymentRoleName, breakGlassRoleName);
    if (args.accessLogsBucketName !== undefined) {
        checkWhenKnown("ConfigDeliveryBucket: accessLogsBucketName", args.accessLogsBucketName, validBucketName);
    }
    const checked: CheckedArgs = {
        organizationId: validOrganizationId("ConfigDeliveryBucket: organizationId", args.organizationId),
        logArchiveAccountId,
        region: validRegion("ConfigDeliveryBucket: region", args.region),
        bucketName: validBucketName("ConfigDeliveryBucket: bucketName", args.bucketName),
        configKeyPrefix: validConfigKeyPrefix("ConfigDeliveryBucket: configKeyPrefix", args.configKeyPrefix ?? DEFAULT_CONFIG_KEY_PREFIX),
        readers: validReaderArns("ConfigDeliveryBucket: readerPrincipalArns", args.readerPrincipalArns),
        accountReaderRolePatterns: validAccountRolePatterns(
            "ConfigDeliveryBucket: accountReaderRolePatterns",
            args.accountReaderRolePatterns ?? [],
            logArchiveAccountId,
        ),
        administrators: validRoleArnsOf("ConfigDeliveryBucket: keyAdministratorArns", args.keyAdministratorArns, logArchiveAccountId),
        breakGlassRoleName,
        deploymentRoleName,
        lifecycle: validLifecycle("ConfigDeliveryBucket", "lifecycle", args.lifecycle),
        keyDeletionWindowDays: validWholeNumber("ConfigDeliveryBucket: keyDeletionWindowDays", args.keyDeletionWindowDays, 7, 30),
    };
    checkProviderGiven("ConfigDeliveryBucket", opts, "the log-archive account's aws.Provider");
    return checked;
}

/**
 * The bucket every environment's AWS Config delivers to, in the log-archive account: versioned,
 * private, TLS-only, encrypted with its own customer-managed key that AWS Config may use only on
 * behalf of the organisation's accounts, and WITHOUT object lock: AWS Config does not support a
 * delivery channel to a bucket with object lock (AWS CloudFormation "AWS::Config::DeliveryChannel";
 * AWS Config API "PutDeliveryChannel"), so it cannot share the archive. What the lock would give is
 * held by the bucket policy instead: nobody may delete a delivery or a version, break-glass included
 * (they leave only by lifecycle expiry), only AWS services write, and only break-glass and the
 * deployment role change a setting. Bucket and key are protected; S3 server access logs go to the
 * archive's access-logs bucket.
 */
export class ConfigDeliveryBucket extends pulumi.ComponentResource {
    /** Name of the bucket; resolves once its policy is in place, so a delivery channel that takes it is created after Config may write. */
    public readonly bucketName: pulumi.Output<string>;
    /** ARN of the bucket. */
    public readonly bucketArn: pulumi.Output<string>;
    /** ARN of the key: the delivery channels' `s3KmsKeyArn`. */
    public readonly keyArn: pulumi.Output<string>;

    constructor(name: string, args: ConfigDeliveryBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        const a = checkArgs(args, opts);
        super("zero-trust:audit-logs:ConfigDeliveryBucket", name, {}, opts);

        const readers = { readers: a.readers, accountReaderRolePatterns: a.accountReaderRolePatterns };
        const key = protectedAuditKey(this, `${name}-key`, {
            description: `Encrypts AWS Config's deliveries in ${a.bucketName}`,
            policy: configDeliveryKeyPolicy({
                logArchiveAccountId: a.logArchiveAccountId,
                region: a.region,
                organizationId: a.organizationId,
                administrators: a.administrators,
                ...readers,
            }),
            deletionWindowInDays: a.keyDeletionWindowDays,
            alias: CONFIG_DELIVERY_KEY_ALIAS,
            nameTag: "audit-logs-config-delivery",
        });

        const bucket = new aws.s3.Bucket(
            `${name}-bucket`,
            { bucket: a.bucketName, forceDestroy: false, tags: { Name: a.bucketName } },
            { parent: this, protect: true },
        );
        const settings = privateBucketSettings(this, name, bucket, key.arn);
        const lifecycle = new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            { bucket: bucket.id, rules: logLifecycleRules(a.lifecycle) },
            { parent: this, dependsOn: [settings.versioning] },
        );
        const logging =
            args.accessLogsBucketName === undefined
                ? []
                : [
                      new aws.s3.BucketLogging(
                          `${name}-logging`,
                          {
                              bucket: bucket.id,
                              targetBucket: args.accessLogsBucketName,
                              targetPrefix: CONFIG_DELIVERY_ACCESS_LOG_PREFIX,
                              targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
                          },
                          { parent: this },
                      ),
                  ];
        const policy = new aws.s3.BucketPolicy(
            `${name}-policy`,
            {
                bucket: bucket.id,
                policy: configDeliveryBucketPolicy({
                    bucketName: a.bucketName,
                    logArchiveAccountId: a.logArchiveAccountId,
                    organizationId: a.organizationId,
                    configKeyPrefix: a.configKeyPrefix,
                    breakGlassRoleName: a.breakGlassRoleName,
                    ...(a.deploymentRoleName === undefined ? {} : { deploymentRoleName: a.deploymentRoleName }),
                    ...readers,
                }),
            },
            // Last: the policy denies configuration changes to all but break-glass and the deployment role.
            { parent: this, dependsOn: [...settings.all, lifecycle, ...logging] },
        );

        this.bucketName = pulumi.all([bucket.bucket, policy.id]).apply(([bucketName]) => bucketName);
        this.bucketArn = bucket.arn;
        this.keyArn = key.arn;
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn, keyArn: this.keyArn });
    }
}
