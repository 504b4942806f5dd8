// GuardDuty detectors and CloudTrail trails, both providers.
//
//   aws:guardduty/detector:Detector      { enable?: boolean (default true) }
//   aws-native:guardduty:Detector        { enable: boolean (required) }
//   aws:cloudtrail/trail:Trail           { enableLogging?: boolean (default true) }
//   aws-native:cloudtrail:Trail          { isLogging: boolean (required) }

import { isTrue, Props, Reading, Unknown, UNKNOWN } from "../known";

export const CLASSIC_DETECTOR_TYPE = "aws:guardduty/detector:Detector";
export const NATIVE_DETECTOR_TYPE = "aws-native:guardduty:Detector";
export const DETECTOR_TYPES: ReadonlySet<string> = new Set([CLASSIC_DETECTOR_TYPE, NATIVE_DETECTOR_TYPE]);
export const CLASSIC_TRAIL_TYPE = "aws:cloudtrail/trail:Trail";
export const NATIVE_TRAIL_TYPE = "aws-native:cloudtrail:Trail";
export const TRAIL_TYPES: ReadonlySet<string> = new Set([CLASSIC_TRAIL_TYPE, NATIVE_TRAIL_TYPE]);

/** Reads a boolean switch: its default when unset, UNKNOWN during preview; anything but true/false (or their strings) is off. */
function switchOf(props: Props, key: string, whenUnset: boolean, reading: Reading): boolean | Unknown {
    const value = reading.get(props, key);
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (value === undefined || value === null) {
        return whenUnset;
    }
    return isTrue(value);
}

/** Whether a GuardDuty detector is enabled; undefined for other types. */
export function detectorEnabled(type: string, props: Props, reading: Reading): boolean | Unknown | undefined {
    if (type === CLASSIC_DETECTOR_TYPE) {
        return switchOf(props, "enable", true, reading);
    }
    if (type === NATIVE_DETECTOR_TYPE) {
        // `Enable` is required by CloudFormation: unset is not "on".
        return switchOf(props, "enable", false, reading);
    }
    return undefined;
}

/** Whether a trail is logging; undefined for other types. */
export function trailLogging(type: string, props: Props, reading: Reading): boolean | Unknown | undefined {
    if (type === CLASSIC_TRAIL_TYPE) {
        return switchOf(props, "enableLogging", true, reading);
    }
    if (type === NATIVE_TRAIL_TYPE) {
        // `IsLogging` is required by CloudFormation: unset is not "on".
        return switchOf(props, "isLogging", false, reading);
    }
    return undefined;
}
