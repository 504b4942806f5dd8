// The detection controls: "an environment stack enables GuardDuty and keeps CloudTrail on".
//
// stack-detection-guardduty-enabled (stack policy): an environment stack (see environment.ts)
//   declares a GuardDuty detector that is enabled (classic `enable` unset or true; aws-native
//   `enable` true); every detector it declares that is switched off fails as well (a detector is
//   per account and region, so one enabled detector does not cover another region's).
// stack-detection-cloudtrail-logging-on (stack policy): no trail of the stack has logging turned
//   off (classic `enableLogging: false`; aws-native `isLogging` not true). In every stack by
//   default — the organisation trail lives in the management stack, which is no environment
//   stack — or only in environment stacks (config `trailScope`).
// Two policies, not one: each has its own enforcement level (a rollout phase may keep GuardDuty
// advisory while stopped trails stay mandatory) and its own compliance mapping.

import { StackValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { detectorEnabled, DETECTOR_TYPES, trailLogging, TRAIL_TYPES } from "../../readers/stack-wide/detection";
import { label, propsOf, resourcesIn } from "../../readers/graph";
import { guardStack } from "../guard";
import { cis, nist } from "../metadata";
import { environmentOf } from "./environment";
import { REFERENCES, STACK_WIDE_DOCS, STACK_WIDE_TAGS } from "./metadata";
import { stackWideSettings } from "./settings";

export const GUARDDUTY_NAME = "stack-detection-guardduty-enabled";
export const CLOUDTRAIL_NAME = "stack-detection-cloudtrail-logging-on";

export const guardDutyEnabled: StackValidationPolicy = {
    name: GUARDDUTY_NAME,
    displayName: "Environment stacks enable GuardDuty",
    description:
        "An environment stack (named like prod or staging, or tagged zero-trust:environment; configurable) declares an enabled GuardDuty " +
        "detector (aws:guardduty/detector:Detector, aws-native:guardduty:Detector), and none of its detectors is switched off. Stacks " +
        "without AWS resources are never environment stacks.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: nist("SI-4", "System Monitoring"),
    tags: [...STACK_WIDE_TAGS, "detection", "guardduty", ...REFERENCES.guardDuty],
    remediationSteps:
        "Declare `new aws.guardduty.Detector(name, { enable: true })` (aws-native: `new awsnative.guardduty.Detector(name, { enable: " +
        "true })`) in the environment stack, with the provider of the environment's account and region, and enable its protection " +
        "plans with aws.guardduty.DetectorFeature. If GuardDuty is managed for the account by a delegated administrator instead, take " +
        "the stack out of environmentStacks for this policy or disable the policy in that policy group.",
    url: STACK_WIDE_DOCS.guardDuty,
    configSchema: stackWideSettings.schema("environmentStacks", "environmentTag"),
    validateStack: guardStack(
        GUARDDUTY_NAME,
        (args, report, reading) => {
            const settings = stackWideSettings.from(args);
            const resources = resourcesIn(args.resources);
            const environment = environmentOf(resources, args.stackTags, settings);
            if (!environment.environment) {
                return;
            }
            let enabled = false;
            let undecided = false;
            let declared = 0;
            for (const detector of resources) {
                if (!DETECTOR_TYPES.has(detector.type)) {
                    continue;
                }
                declared++;
                const on = detectorEnabled(detector.type, propsOf(detector), reading);
                if (on === true) {
                    enabled = true;
                } else if (on === UNKNOWN) {
                    undecided = true;
                } else if (on === false) {
                    report(
                        `GuardDuty detector ${label(detector)} is switched off (${environment.because}, so GuardDuty must be on). Set enable: true.`,
                        detector.urn,
                    );
                }
            }
            if (enabled || declared > 0) {
                if (!enabled && undecided) {
                    reading.markUndecided();
                }
                return;
            }
            report(
                `This is an environment stack (${environment.because}) but it declares no GuardDuty detector. Declare an enabled ` +
                    `aws:guardduty/detector:Detector or aws-native:guardduty:Detector.`,
            );
        },
        DETECTOR_TYPES,
    ),
};

export const cloudTrailLoggingOn: StackValidationPolicy = {
    name: CLOUDTRAIL_NAME,
    displayName: "CloudTrail trails keep logging",
    description:
        "No CloudTrail trail of the stack has logging turned off (aws:cloudtrail/trail:Trail enableLogging false, aws-native:cloudtrail:Trail " +
        "isLogging not true). Applies to every stack by default, or only to environment stacks.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: cis("3.1", "Ensure CloudTrail is enabled in all regions"),
    tags: [...STACK_WIDE_TAGS, "detection", "cloudtrail", "logging", ...REFERENCES.cloudTrail],
    remediationSteps:
        "Remove `enableLogging: false` from the classic trail (it defaults to true) or set `isLogging: true` on the aws-native trail. To " +
        "stop paying for a trail, delete it and rely on the organisation trail rather than leaving a stopped trail behind.",
    url: STACK_WIDE_DOCS.cloudTrail,
    configSchema: stackWideSettings.schema("trailScope", "environmentStacks", "environmentTag"),
    validateStack: guardStack(
        CLOUDTRAIL_NAME,
        (args, report, reading) => {
            const settings = stackWideSettings.from(args);
            const resources = resourcesIn(args.resources);
            const trails = resources.filter((r) => TRAIL_TYPES.has(r.type));
            if (trails.length === 0) {
                return;
            }
            if (settings.trailScope === "environment-stacks" && !environmentOf(resources, args.stackTags, settings).environment) {
                return;
            }
            for (const trail of trails) {
                const on = trailLogging(trail.type, propsOf(trail), reading);
                if (on === UNKNOWN) {
                    reading.markUndecided();
                } else if (on === false) {
                    report(
                        trail.type === "aws-native:cloudtrail:Trail"
                            ? `Trail ${label(trail)} does not log: isLogging is not true. Set isLogging: true.`
                            : `Trail ${label(trail)} has logging turned off (enableLogging: false). Remove it or set enableLogging: true.`,
                        trail.urn,
                    );
                }
            }
        },
        TRAIL_TYPES,
    ),
};
