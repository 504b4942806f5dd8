// EBS block devices of instances and launch templates, both providers.
//
// Every EC2 instance has an EBS root volume (instance-store AMIs aside). When a resource does not
// declare its root volume's encryption, the volume gets the AMI snapshot's encryption, or the
// account's "EBS encryption by default" with its default key; neither is visible in the plan, so
// an undeclared root volume fails closed: declare it encrypted with a customer-managed key.
// Instance-store devices (`virtualName`) and suppressed devices (`noDevice`) hold no EBS data.

import { Props, Reading, UNKNOWN } from "../known";
import { awsManaged, flagView, isSet, labelOf, notEncrypted, StoreEncryption, unknownView } from "./store-encryption";

export const EBS_DEFAULT_KEY = awsManaged("no kmsKeyId: the account's default EBS key (aws/ebs unless changed)");
export const EBS_NOT_DECLARED = notEncrypted(
    "encrypted is not set: the volume is encrypted only if its snapshot or the account's EBS encryption by default says so",
);

/** One EBS device (`{ encrypted, kmsKeyId }`). */
export function ebsView(reading: Reading, origin: string, ebs: unknown): StoreEncryption {
    return ebs === UNKNOWN
        ? unknownView(origin, "the device is unknown")
        : flagView(reading, origin, ebs, "encrypted", "kmsKeyId", EBS_NOT_DECLARED, EBS_DEFAULT_KEY);
}

/**
 * Block-device mappings (`[{ deviceName, ebs: { encrypted, kmsKeyId }, noDevice, virtualName }]`),
 * as launch templates of both providers and aws-native instances write them. With no EBS mapping
 * at all, the root volume is undeclared: `undeclared` says what that means for this resource.
 */
export function mappingViews(
    reading: Reading,
    mappings: unknown[] | typeof UNKNOWN,
    property: string,
    undeclared: StoreEncryption | undefined,
): StoreEncryption[] {
    if (mappings === UNKNOWN) {
        return [unknownView(property, `${property} is unknown`)];
    }
    const views: StoreEncryption[] = [];
    mappings.forEach((mapping, i) => {
        const origin = `${property}[${i}]`;
        if (mapping === UNKNOWN) {
            views.push(unknownView(origin, "the mapping is unknown"));
            return;
        }
        if (isSet(reading, mapping, "virtualName") || isSet(reading, mapping, "noDevice")) {
            return;
        }
        const ebs = reading.get(mapping, "ebs");
        if (ebs === undefined || ebs === null) {
            return;
        }
        views.push(ebsView(reading, `${origin}${labelOf(reading, mapping, "deviceName")}`, ebs));
    });
    if (views.length === 0 && undeclared !== undefined) {
        views.push(undeclared);
    }
    return views;
}

const ROOT_UNDECLARED = (property: string): StoreEncryption => ({
    origin: "root volume",
    encrypted: "no",
    keyKind: "none",
    note: `no ${property} declares it encrypted: it gets the AMI snapshot's encryption or the account default, which the plan does not show`,
});

/** A launch template or instance that names a launch template leaves the root volume to it. */
function usesLaunchTemplate(reading: Reading, props: Props): boolean {
    return isSet(reading, props, "launchTemplate");
}

/** aws:ec2/instance:Instance — rootBlockDevice, ebsBlockDevices[]. */
export function classicInstanceViews(props: Props, reading: Reading): StoreEncryption[] {
    const views: StoreEncryption[] = [];
    const root = reading.get(props, "rootBlockDevice");
    if (root === UNKNOWN) {
        views.push(unknownView("rootBlockDevice", "rootBlockDevice is unknown"));
    } else if (root !== undefined && root !== null) {
        views.push(ebsView(reading, "rootBlockDevice", root));
    } else if (!usesLaunchTemplate(reading, props)) {
        views.push(ROOT_UNDECLARED("rootBlockDevice"));
    }
    const devices = reading.list(props, "ebsBlockDevices");
    if (devices === UNKNOWN) {
        views.push(unknownView("ebsBlockDevices", "ebsBlockDevices is unknown"));
    } else {
        devices.forEach((device, i) =>
            views.push(ebsView(reading, `ebsBlockDevices[${i}]${labelOf(reading, device, "deviceName")}`, device)),
        );
    }
    return views;
}

/** aws-native:ec2:Instance — blockDeviceMappings[] (volumes[] attach separate ec2.Volume resources). */
export function nativeInstanceViews(props: Props, reading: Reading): StoreEncryption[] {
    const undeclared = usesLaunchTemplate(reading, props) ? undefined : ROOT_UNDECLARED("blockDeviceMappings entry");
    return mappingViews(reading, reading.list(props, "blockDeviceMappings"), "blockDeviceMappings", undeclared);
}

/** Launch templates: `blockDeviceMappings` (classic) or `launchTemplateData.blockDeviceMappings` (native). */
export function launchTemplateViews(reading: Reading, data: unknown, property: string): StoreEncryption[] {
    if (data === UNKNOWN) {
        return [unknownView(property, `${property} is unknown`)];
    }
    return mappingViews(
        reading,
        reading.list(data, "blockDeviceMappings"),
        `${property}blockDeviceMappings`,
        ROOT_UNDECLARED("blockDeviceMappings entry"),
    );
}
