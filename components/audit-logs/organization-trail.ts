import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkWhenKnown, validWholeNumber } from "../../validation/argument-error";
import { validAccountId, validBucketName, validKeyArn, validOrganizationId, validRegion } from "../../validation/aws-identifiers";
import { validLogRetentionDays } from "../../validation/log-retention";
import { protectedAuditKey } from "./audit-bucket-settings";
import { checkProviderGiven, validRoleArnsOf, validTrailName } from "./audit-log-args";
import { TRAIL_LOG_GROUP_KEY_ALIAS, trailLogGroupName } from "./audit-log-names";
import { trailDeliveryRolePolicy, trailDeliveryRoleTrustPolicy, trailLogGroupKeyPolicy } from "./trail-policies";

export interface OrganizationTrailArgs {
    /** Name of the trail; the log archive's policies name its ARN (`arn:aws:cloudtrail:<region>:<managementAccountId>:trail/<trailName>`), so it must match `LogArchive`'s `organizationTrailName`. */
    trailName: string;
    /** The organisation (`o-…`): names the log group and the member accounts' log streams. */
    organizationId: string;
    /** The management account: the account of the provider given in `opts.provider`. */
    managementAccountId: string;
    /** Region of the provider given in `opts.provider`: the trail's home region, where its log group, key and role live. */
    region: string;
    /** Name of the log-archive bucket (`LogArchive.bucketName`, which resolves once the bucket policy admits the trail). */
    archiveBucketName: pulumi.Input<string>;
    /** ARN of the archive key in the log-archive account (`LogArchive.keyArn`): the trail's log and digest files are encrypted with it. */
    archiveKeyArn: pulumi.Input<string>;
    /** Days the trail's events are kept in CloudWatch Logs (a value CloudWatch accepts: 1, 3, 5, 7, 14, 30, …, 3653). */
    logGroupRetentionDays: number;
    /** Role ARNs of the management account that administer the log group's key (manage, never use); the role Pulumi deploys with must be one (KMS lockout check). */
    logGroupKeyAdministratorArns: string[];
    /** Days between scheduling deletion of the log group's key and the deletion, 7–30 (the policy pack requires 30 unless configured otherwise). */
    keyDeletionWindowDays: number;
    /** Permissions boundary of the delivery role: the pipeline boundary, without which the pipeline's deploy role may not change the role. */
    roleBoundaryArn?: pulumi.Input<string>;
}

interface CheckedArgs {
    trailName: string;
    organizationId: string;
    managementAccountId: string;
    region: string;
    logGroupRetentionDays: number;
    administrators: readonly string[];
    keyDeletionWindowDays: number;
}

/** Validates everything before anything is declared; one-line errors that name the argument. */
function checkArgs(args: OrganizationTrailArgs, opts: pulumi.ComponentResourceOptions | undefined): CheckedArgs {
    const managementAccountId = validAccountId("OrganizationTrail: managementAccountId", args.managementAccountId);
    checkWhenKnown("OrganizationTrail: archiveBucketName", args.archiveBucketName, validBucketName);
    checkWhenKnown("OrganizationTrail: archiveKeyArn", args.archiveKeyArn, validKeyArn);
    const checked: CheckedArgs = {
        trailName: validTrailName("OrganizationTrail: trailName", args.trailName),
        organizationId: validOrganizationId("OrganizationTrail: organizationId", args.organizationId),
        managementAccountId,
        region: validRegion("OrganizationTrail: region", args.region),
        logGroupRetentionDays: validLogRetentionDays("OrganizationTrail: logGroupRetentionDays", args.logGroupRetentionDays),
        administrators: validRoleArnsOf(
            "OrganizationTrail: logGroupKeyAdministratorArns",
            args.logGroupKeyAdministratorArns,
            managementAccountId,
        ),
        keyDeletionWindowDays: validWholeNumber("OrganizationTrail: keyDeletionWindowDays", args.keyDeletionWindowDays, 7, 30),
    };
    checkProviderGiven("OrganizationTrail", opts, "the management account's aws.Provider");
    return checked;
}

/**
 * The organisation trail, in the management account: multi-region, global service events, log-file
 * validation, every management event of every account of the organisation, encrypted with the
 * archive key and delivered to the log-archive bucket, and also to a CloudWatch Logs group (for
 * metric filters and alarms) that a customer-managed key of its own encrypts. Trail, log group and
 * key are protected: removing any of them loses or blinds the audit record.
 *
 * CloudTrail needs AWS Organizations trusted access (`cloudtrail.amazonaws.com`) and the
 * AWSServiceRoleForOrganizations role in the management account before the trail can be created.
 */
export class OrganizationTrail extends pulumi.ComponentResource {
    /** ARN of the trail. */
    public readonly trailArn: pulumi.Output<string>;
    /** Name of the trail's log group. */
    public readonly logGroupName: pulumi.Output<string>;
    /** ARN of the trail's log group. */
    public readonly logGroupArn: pulumi.Output<string>;

    constructor(name: string, args: OrganizationTrailArgs, opts?: pulumi.ComponentResourceOptions) {
        const a = checkArgs(args, opts);
        super("zero-trust:audit-logs:OrganizationTrail", name, {}, opts);

        const groupName = trailLogGroupName(a.organizationId);
        const facts = {
            managementAccountId: a.managementAccountId,
            organizationId: a.organizationId,
            region: a.region,
            logGroupName: groupName,
        };

        const key = protectedAuditKey(this, `${name}-log-group-key`, {
            description: `Encrypts the organisation trail's CloudWatch Logs group ${groupName}`,
            policy: trailLogGroupKeyPolicy({ ...facts, administrators: a.administrators }),
            deletionWindowInDays: a.keyDeletionWindowDays,
            alias: TRAIL_LOG_GROUP_KEY_ALIAS,
            nameTag: "audit-logs-cloudtrail-log-group",
        });

        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-log-group`,
            {
                name: groupName,
                retentionInDays: a.logGroupRetentionDays,
                kmsKeyId: key.arn,
                // CloudWatch Logs refuses to delete the group while this is on. The group lives in the
                // management account, where no SCP applies: what keeps it is this setting, `protect`,
                // and every permission set's deny of deleting audit log groups or lifting their protection.
                deletionProtectionEnabled: true,
                tags: { Name: groupName },
            },
            { parent: this, protect: true },
        );

        const role = new aws.iam.Role(
            `${name}-role`,
            {
                description: `CloudTrail delivers the organisation trail ${a.trailName} to ${groupName}`,
                assumeRolePolicy: JSON.stringify(trailDeliveryRoleTrustPolicy()),
                ...(args.roleBoundaryArn === undefined ? {} : { permissionsBoundary: args.roleBoundaryArn }),
                tags: { Name: `${a.trailName}-cloudwatch-logs` },
            },
            { parent: this },
        );
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-role-policy`,
            { role: role.name, policy: JSON.stringify(trailDeliveryRolePolicy(facts)) },
            { parent: this },
        );

        const trail = new aws.cloudtrail.Trail(
            `${name}-trail`,
            {
                name: a.trailName,
                isOrganizationTrail: true,
                isMultiRegionTrail: true,
                includeGlobalServiceEvents: true,
                enableLogFileValidation: true,
                enableLogging: true,
                s3BucketName: args.archiveBucketName,
                kmsKeyId: args.archiveKeyArn,
                cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
                cloudWatchLogsRoleArn: role.arn,
                // Every management event, read and write, of every service (KMS and RDS Data API included):
                // explicit, so that narrowing it shows up as a diff. Data events are left out: organisation-wide
                // they are costly, and S3 server access logs already record every read of the archive.
                eventSelectors: [{ readWriteType: "All", includeManagementEvents: true, excludeManagementEventSources: [] }],
                tags: { Name: a.trailName },
            },
            // CloudTrail checks that it can assume the role and write to the log group when the trail is created.
            { parent: this, protect: true, dependsOn: [rolePolicy] },
        );

        this.trailArn = trail.arn;
        this.logGroupName = logGroup.name;
        this.logGroupArn = logGroup.arn;
        this.registerOutputs({ trailArn: this.trailArn, logGroupName: this.logGroupName, logGroupArn: this.logGroupArn });
    }
}
