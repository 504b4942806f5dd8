import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { securityHubStandardArn } from "../../iam/arns";
import { policyDocument, type TrustPolicyStatement } from "../../iam/policy-document";
import { PASSWORD_POLICY, SECURITY_HUB_STANDARDS, configRuleSlug, managedConfigRulesIn } from "./config-rules";
import { checkWhenKnown } from "../../validation/argument-error";
import { validAccountId, validBucketName, validKeyArn, validRegion } from "../../validation/aws-identifiers";
import { validNameKey } from "../../validation/name-keys";
import { validConfigKeyPrefix } from "../../validation/s3-key-prefixes";

/** The AWS managed policy AWS Config's service role needs to record resources. */
export const CONFIG_ROLE_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole";

export interface AccountBaselineArgs {
    /** Environment name (lowercase): names and `Name` tags. */
    environment: string;
    /** The region of the provider the component is given (standards ARNs are regional). */
    region: string;
    /** The member account's id: AWS Config's role trusts the service for this account only. */
    accountId: pulumi.Input<string>;
    /** The key ring's `volumes` key: the account's default key for new EBS volumes. */
    volumesKeyArn: pulumi.Input<string>;
    /** The organisation's Config delivery bucket that receives AWS Config's history and snapshots (AWS Config cannot deliver to a bucket with object lock). */
    configBucketName: pulumi.Input<string>;
    /** Key prefix in that bucket (AWS Config appends `AWSLogs/<account>/Config/…`). */
    configKeyPrefix: string;
    /** The KMS key AWS Config encrypts its deliveries with (in the bucket's region); absent: the bucket's default encryption. */
    configKmsKeyArn?: pulumi.Input<string>;
    /**
     * True in the environment's home region only: there the account-wide settings (the IAM password
     * policy, the account-level S3 public access block) are declared and AWS Config records the
     * global resource types (IAM), once; every other watched region records its regional resources.
     */
    homeRegion: boolean;
}

/**
 * The member account's security baseline in the provider's region: EBS encryption by default with
 * the environment's key of that region, IAM Access Analyzer (account zone of trust), Security Hub
 * with AWS Foundational Security Best Practices and CIS AWS Foundations v3.0.0 (and no default
 * standards), and AWS Config recording every supported resource into the Config delivery bucket, with
 * managed rules for the controls the seed names (config-rules.ts). In the home region
 * (`homeRegion`) also the account-wide settings, the account-level S3 public access block and the
 * CIS IAM password policy, and Config records the global resource types there only.
 *
 * Protected: the Config recorder (deleting it stops the audit record; a gap cannot be filled in
 * later) and the Security Hub account (disabling Security Hub deletes its findings). The analyzer
 * is not: a new one rescans the account and finds the same; nor are the account settings, which
 * hold no data.
 */
export class AccountBaseline extends pulumi.ComponentResource {
    public readonly accessAnalyzerArn: pulumi.Output<string>;
    public readonly securityHubArn: pulumi.Output<string>;
    public readonly configRecorderName: pulumi.Output<string>;

    constructor(name: string, args: AccountBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs(args);
        super("zero-trust:account:AccountBaseline", name, {}, opts);
        const env = args.environment;

        // EBS: every new volume and snapshot copy encrypted, with the environment's volumes key.
        new aws.ebs.EncryptionByDefault(`${name}-ebs-encryption`, { enabled: true }, { parent: this });
        new aws.ebs.DefaultKmsKey(`${name}-ebs-default-key`, { keyArn: args.volumesKeyArn }, { parent: this });

        // Account-wide settings, declared once (a second region's declaration would fight over them).
        if (args.homeRegion) {
            // S3: no public bucket or object anywhere in the account, whatever a bucket says.
            new aws.s3.AccountPublicAccessBlock(
                `${name}-s3-public-access-block`,
                { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
                { parent: this },
            );

            // IAM: CIS 1.8 (length ≥ 14) and 1.9 (no reuse of the last 24), all character classes, 90 days.
            new aws.iam.AccountPasswordPolicy(`${name}-password-policy`, { ...PASSWORD_POLICY, hardExpiry: false }, { parent: this });
        }

        const analyzer = new aws.accessanalyzer.Analyzer(
            `${name}-access-analyzer`,
            { analyzerName: `${env}-account`, type: "ACCOUNT", tags: { Name: `${env}-access-analyzer` } },
            { parent: this },
        );

        const hub = new aws.securityhub.Account(
            `${name}-security-hub`,
            // Only the standards below, chosen here; consolidated control findings across standards.
            { enableDefaultStandards: false, autoEnableControls: true, controlFindingGenerator: "SECURITY_CONTROL" },
            { parent: this, protect: true },
        );
        for (const standard of SECURITY_HUB_STANDARDS) {
            new aws.securityhub.StandardsSubscription(
                `${name}-standard-${standard.id}`,
                { standardsArn: securityHubStandardArn(args.region, standard.path) },
                { parent: this, dependsOn: [hub] },
            );
        }

        const configRole = new aws.iam.Role(
            `${name}-config-role`,
            {
                description: `${env}: AWS Config records the account's resources`,
                assumeRolePolicy: pulumi.jsonStringify(
                    policyDocument<TrustPolicyStatement<pulumi.Input<string>>>([
                        {
                            Sid: "AwsConfigOfThisAccount",
                            Effect: "Allow",
                            Principal: { Service: "config.amazonaws.com" },
                            Action: "sts:AssumeRole",
                            Condition: { StringEquals: { "aws:SourceAccount": args.accountId } },
                        },
                    ]),
                ),
                tags: { Name: `${env}-config-role` },
            },
            { parent: this },
        );
        const rolePolicy = new aws.iam.RolePolicyAttachment(
            `${name}-config-role-policy`,
            { role: configRole.name, policyArn: CONFIG_ROLE_POLICY_ARN },
            { parent: this },
        );
        const recorder = new aws.cfg.Recorder(
            `${name}-config-recorder`,
            {
                name: `${env}-recorder`,
                roleArn: configRole.arn,
                // Global resources (IAM) are recorded in the home region only: in every region they
                // would be recorded again, one identical configuration item per region.
                recordingGroup: { allSupported: true, includeGlobalResourceTypes: args.homeRegion },
            },
            { parent: this, protect: true, dependsOn: [rolePolicy] },
        );
        const channel = new aws.cfg.DeliveryChannel(
            `${name}-config-delivery`,
            {
                name: `${env}-delivery`,
                s3BucketName: args.configBucketName,
                s3KeyPrefix: args.configKeyPrefix,
                ...(args.configKmsKeyArn === undefined ? {} : { s3KmsKeyArn: args.configKmsKeyArn }),
                snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
            },
            { parent: this, dependsOn: [recorder] },
        );
        new aws.cfg.RecorderStatus(
            `${name}-config-recorder-status`,
            { name: recorder.name, isEnabled: true },
            { parent: this, dependsOn: [channel] },
        );

        for (const rule of managedConfigRulesIn(args.region)) {
            const slug = configRuleSlug(rule.identifier);
            new aws.cfg.Rule(
                `${name}-rule-${slug}`,
                {
                    name: `${env}-${slug}`,
                    description: rule.description,
                    source: { owner: "AWS", sourceIdentifier: rule.identifier },
                    ...(rule.parameters === undefined ? {} : { inputParameters: JSON.stringify(rule.parameters) }),
                },
                { parent: this, dependsOn: [recorder] },
            );
        }

        this.accessAnalyzerArn = analyzer.arn;
        this.securityHubArn = hub.arn;
        this.configRecorderName = recorder.name;
        this.registerOutputs({
            accessAnalyzerArn: this.accessAnalyzerArn,
            securityHubArn: this.securityHubArn,
            configRecorderName: this.configRecorderName,
        });
    }
}

/** The baseline's own invariants, checked before anything is declared; values known only at deployment are left to AWS. */
function checkArgs(args: AccountBaselineArgs): void {
    validNameKey("AccountBaseline: environment", args.environment);
    validRegion("AccountBaseline: region", args.region);
    checkWhenKnown("AccountBaseline: accountId", args.accountId, validAccountId);
    checkWhenKnown("AccountBaseline: volumesKeyArn", args.volumesKeyArn, validKeyArn);
    checkWhenKnown("AccountBaseline: configBucketName", args.configBucketName, validBucketName);
    validConfigKeyPrefix("AccountBaseline: configKeyPrefix", args.configKeyPrefix);
    if (args.configKmsKeyArn !== undefined) {
        checkWhenKnown("AccountBaseline: configKmsKeyArn", args.configKmsKeyArn, validKeyArn);
    }
}
