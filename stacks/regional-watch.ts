import type * as aws from "@pulumi/aws";
import { AccountBaseline } from "../components/account/account-baseline";
import { alertRuleName } from "../components/detection/detection-names";
import { FindingsPipeline } from "../components/detection/findings-pipeline";
import { GuardDutyDetector } from "../components/detection/guardduty-detector";
import type { KeyArns } from "../components/encryption/key-ring";
import { AutomatedResponder, type ResponderVpc } from "../components/response/automated-responder";
import { regionalResponderRoleName } from "../components/response/responder-names";
import type { EnvironmentConfig } from "./config/environment-schema";
import type { OrganizationContext } from "./organization-context";

/** What an environment watches one region with. */
export interface RegionalWatchArgs {
    /** The region, and whether it is the environment's home region (`aws:region`). */
    readonly region: string;
    readonly home: boolean;
    /** The member account's provider in that region. */
    readonly provider: aws.Provider;
    /** The key ring's keys in that region (primaries, replicas or the region's own ring). */
    readonly keys: KeyArns;
    /** The VPCs of that region whose instances the responder may isolate. */
    readonly vpcs: readonly ResponderVpc[];
    /** The log-group prefix of the environment (the logs key serves it in every region). */
    readonly logGroupNamePrefix: string;
}

/** The services that watch one region. */
export interface RegionalWatch {
    readonly baseline: AccountBaseline;
    readonly guardDuty: GuardDutyDetector;
    readonly findings: FindingsPipeline;
    readonly responder: AutomatedResponder;
}

/**
 * Declares what watches one region of the environment's account, through that region's provider:
 * the account baseline (EBS encryption by default with the region's volumes key, Access Analyzer,
 * Security Hub and its standards, AWS Config), the GuardDuty detector (adopted by id when the
 * delegated administrator enabled it), the findings pipeline (export with the region's findings
 * key, alert rule and topic) and the automated responder, which acts on EC2 in its own region.
 *
 * The home region keeps the names it always had; every other region's names end in `-<region>`,
 * so two regions never collide (and existing stacks replace nothing). IAM names are global to the
 * account: the responder's role in another region gets a name of its own.
 */
export function watchRegion(config: EnvironmentConfig, organization: OrganizationContext, args: RegionalWatchArgs): RegionalWatch {
    const env = config.environment;
    const { region, provider, keys } = args;
    const suffix = args.home ? "" : `-${region}`;
    const detectorId = args.home ? config.detection.detectorId : config.detection.detectorIds?.[region];

    // After the key ring: new EBS volumes default to the region's volumes key.
    const baseline = new AccountBaseline(
        `${env}-baseline${suffix}`,
        {
            environment: env,
            region,
            accountId: config.accountId,
            volumesKeyArn: keys.purposes.volumes,
            configBucketName: organization.configDeliveryBucketName,
            configKeyPrefix: config.baseline.configKeyPrefix,
            // The bucket's own key, in the bucket's region, whichever region records.
            ...(organization.configDeliveryKeyArn === undefined ? {} : { configKmsKeyArn: organization.configDeliveryKeyArn }),
            homeRegion: args.home,
        },
        { provider },
    );

    const guardDuty = new GuardDutyDetector(
        `${env}-guardduty${suffix}`,
        {
            environment: env,
            features: config.detection.guardDutyFeatures,
            findingPublishingFrequency: config.detection.findingPublishingFrequency,
            ...(detectorId === undefined ? {} : { adoptDetectorId: detectorId }),
        },
        { provider },
    );

    // After the key ring and the detector: exports findings with the findings key, alerts with the alerts key.
    const findings = new FindingsPipeline(
        `${env}-findings${suffix}`,
        {
            environment: env,
            region,
            accountId: config.accountId,
            detectorId: guardDuty.detectorId,
            findingsKeyArn: keys.purposes.findings,
            alertsKeyArn: keys.purposes.alerts,
            alertSeverityThreshold: config.detection.alertSeverityThreshold,
            findingsRetentionDays: config.detection.findingsRetentionDays,
            ...(organization.securityAccountId === undefined ? {} : { securityAccountId: organization.securityAccountId }),
        },
        { provider },
    );

    // After the findings pipeline: the responder is a second target of its alert rule.
    const { responder: responderConfig } = config.detection;
    const responder = new AutomatedResponder(
        `${env}-responder${suffix}`,
        {
            environment: env,
            region,
            accountId: config.accountId,
            alertRuleName: alertRuleName(env),
            alertRuleArn: findings.alertRuleArn,
            alertsKeyArn: keys.purposes.alerts,
            logsKeyArn: keys.purposes.logs,
            logGroupNamePrefix: args.logGroupNamePrefix,
            logRetentionDays: config.flowLogRetentionDays,
            vpcs: args.vpcs,
            severityThreshold: responderConfig.severityThreshold,
            optOutTagKey: responderConfig.optOutTagKey,
            dryRun: responderConfig.dryRun,
            ...(responderConfig.reservedConcurrency === undefined ? {} : { reservedConcurrency: responderConfig.reservedConcurrency }),
            ...(args.home ? {} : { roleName: regionalResponderRoleName(env, region) }),
        },
        { provider },
    );

    return { baseline, guardDuty, findings, responder };
}
