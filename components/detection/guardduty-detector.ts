import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { validChoice, validMatching } from "../../validation/argument-error";
import { GUARDDUTY_DETECTOR_ID } from "../../validation/aws-identifiers";
import { validNameKey } from "../../validation/name-keys";
import {
    FINDING_PUBLISHING_FREQUENCIES,
    GUARDDUTY_FEATURES,
    RUNTIME_MONITORING_AGENT_MANAGEMENT,
    type FindingPublishingFrequency,
    type GuardDutyFeature,
    validGuardDutyFeatures,
} from "./guardduty-features";

export interface GuardDutyDetectorArgs {
    /** Environment name (lowercase), used in the detector's `Name` tag. */
    environment: string;
    /**
     * Protection plans to enable. Every plan of `GUARDDUTY_FEATURES` that is not listed is declared
     * DISABLED rather than left out: AWS enables unlisted plans on a new detector by default, and
     * removing a feature resource does not disable it, so only an explicit DISABLED turns one off.
     */
    features: readonly GuardDutyFeature[];
    /** How often updates of recurring findings are published to EventBridge. */
    findingPublishingFrequency: FindingPublishingFrequency;
    /**
     * The detector GuardDuty's delegated administrator already enabled in this account (the
     * management stack auto-enables every member): adopted with the import option instead of
     * created, which AWS would refuse. Its protection plans and publishing frequency are then the
     * administrator's (members cannot change them), so `features` and `findingPublishingFrequency`
     * are not declared here.
     */
    adoptDetectorId?: string;
}

/**
 * The account's GuardDuty detector in the provider's region, with its protection plans managed as
 * detector features (never the deprecated `datasources` block: AWS refuses requests with both) —
 * or, where the organisation's delegated administrator enabled it, adopted without plans of its own.
 * Runtime Monitoring, when enabled, comes with GuardDuty-managed agents for EKS, ECS Fargate and EC2.
 */
export class GuardDutyDetector extends pulumi.ComponentResource {
    /** Id of the detector. */
    public readonly detectorId: pulumi.Output<string>;
    /** ARN of the detector. */
    public readonly detectorArn: pulumi.Output<string>;

    constructor(name: string, args: GuardDutyDetectorArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs(args);
        super("zero-trust:detection:GuardDutyDetector", name, {}, opts);

        // Deleting a detector disables GuardDuty in the region and deletes every finding it holds,
        // the investigation history with them; suspending (enable: false) would keep them. Protected
        // so that no refactor, rename or `pulumi destroy` can do that by accident.
        const adopted = args.adoptDetectorId;
        const detector =
            adopted === undefined
                ? new aws.guardduty.Detector(
                      `${name}-detector`,
                      {
                          enable: true,
                          findingPublishingFrequency: args.findingPublishingFrequency,
                          tags: { Name: `${args.environment}-guardduty` },
                      },
                      { parent: this, protect: true },
                  )
                : // The import must match what AWS has: the administrator-enabled detector carries none of
                  // this program's tags, so tag differences are not this stack's to change.
                  new aws.guardduty.Detector(
                      `${name}-detector`,
                      { enable: true },
                      { parent: this, protect: true, import: adopted, ignoreChanges: ["tags", "tagsAll"] },
                  );

        for (const feature of adopted === undefined ? GUARDDUTY_FEATURES : []) {
            const status = args.features.includes(feature) ? "ENABLED" : "DISABLED";
            new aws.guardduty.DetectorFeature(
                `${name}-${feature.toLowerCase().replace(/_/g, "-")}`,
                {
                    detectorId: detector.id,
                    name: feature,
                    status,
                    // Agent management follows the feature: GuardDuty deploys and updates its own agents.
                    ...(feature === "RUNTIME_MONITORING"
                        ? { additionalConfigurations: RUNTIME_MONITORING_AGENT_MANAGEMENT.map((agent) => ({ name: agent, status })) }
                        : {}),
                },
                { parent: this },
            );
        }

        this.detectorId = detector.id;
        this.detectorArn = detector.arn;
        this.registerOutputs({ detectorId: this.detectorId, detectorArn: this.detectorArn });
    }
}

/** The detector's own invariants, checked before anything is declared; an adopted detector's plans are the administrator's. */
function checkArgs(args: GuardDutyDetectorArgs): void {
    validNameKey("GuardDutyDetector: environment", args.environment);
    if (args.adoptDetectorId !== undefined) {
        validMatching(
            "GuardDutyDetector: adoptDetectorId",
            args.adoptDetectorId,
            GUARDDUTY_DETECTOR_ID,
            "a GuardDuty detector id (32 lowercase letters or digits)",
        );
        return;
    }
    validGuardDutyFeatures("GuardDutyDetector: features", args.features);
    validChoice("GuardDutyDetector: findingPublishingFrequency", args.findingPublishingFrequency, FINDING_PUBLISHING_FREQUENCIES);
}
