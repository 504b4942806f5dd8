// workload-ecs-read-only-root-filesystem: every container of an ECS task definition mounts its
// root file system read-only.
//
// The issue asks to refuse "writable root file systems where the service declares read-only"; a
// policy cannot see what a service means to declare, only what its task definition says, so the
// rule is the paved road's default (every container read-only, writable paths as volumes) and the
// images that cannot run read-only are named in writableRootFilesystemImages (or a task definition
// is exempted). readonlyRootFilesystem left out is false in ECS: it fails.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { ODD } from "../../readers/tls/values";
import { ContainerView, TASK_DEFINITION_TYPES } from "../../readers/workload/task-definitions";
import { guardResource } from "../guard";
import { TAG } from "../metadata";
import { reportContainers } from "./judge";
import { NIST_AC_6, WORKLOAD_DOCS, WORKLOAD_FAMILY_TAGS } from "./metadata";
import { workloadSettings } from "./settings";

export const NAME = "workload-ecs-read-only-root-filesystem";

const FIX =
    "Set readonlyRootFilesystem to true and give the paths the process writes (e.g. /tmp) a volume or bind mount; for an " +
    "image that cannot run read-only, add its prefix to writableRootFilesystemImages.";

function writableRoot(images: readonly string[]): (container: ContainerView) => string | typeof UNKNOWN | undefined {
    return (container) => {
        const value = container.readonlyRootFilesystem;
        if (value === true) {
            return undefined;
        }
        if (value === UNKNOWN) {
            return UNKNOWN;
        }
        if (images.length > 0) {
            if (container.image === UNKNOWN) {
                return UNKNOWN; // it may be one of the listed images
            }
            const image = container.image;
            if (typeof image === "string" && images.some((prefix) => image.startsWith(prefix))) {
                return undefined;
            }
        }
        return value === ODD
            ? "has a readonlyRootFilesystem value that is not a boolean"
            : `has a writable root file system (readonlyRootFilesystem ${value === undefined ? "unset, which is false" : "false"})`;
    };
}

export const ecsReadOnlyRootFilesystem: ResourceValidationPolicy = {
    name: NAME,
    displayName: "ECS containers have a read-only root file system",
    description:
        "Every container of an ECS task definition or daemon task definition (classic and aws-native) must set " +
        "readonlyRootFilesystem to true, except containers of the images listed in writableRootFilesystemImages: a " +
        "writable root lets an intruder change the container's binaries and configuration.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: NIST_AC_6,
    tags: [...WORKLOAD_FAMILY_TAGS, TAG.securityHub("ECS.5"), TAG.nist("CM-5")],
    remediationSteps: FIX,
    url: WORKLOAD_DOCS.containerDefinitions,
    configSchema: workloadSettings.schema("writableRootFilesystemImages"),
    validateResource: guardResource(NAME, TASK_DEFINITION_TYPES, (args, props, report, reading) => {
        const { writableRootFilesystemImages } = workloadSettings.from(args);
        reportContainers(args.type, props, reading, report, writableRoot(writableRootFilesystemImages), FIX);
    }),
};
