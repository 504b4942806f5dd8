// workload-ecs-non-root-user (advisory): every container of an ECS task definition names a user
// that is not root.
//
// A container whose user is unset runs as the image's USER, root unless the image says otherwise;
// the pack cannot see inside the image, so an unset user is reported. Advisory by default because
// many images are built to drop privileges themselves; set it to mandatory to require the user in
// the task definition. Windows containers (ContainerAdministrator) are not judged.

import { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../readers/known";
import { ODD } from "../../readers/tls/values";
import { ContainerView, TASK_DEFINITION_TYPES } from "../../readers/workload/task-definitions";
import { guardResource } from "../guard";
import { TAG } from "../metadata";
import { reportContainers } from "./judge";
import { NIST_AC_6, WORKLOAD_DOCS, WORKLOAD_FAMILY_TAGS } from "./metadata";

export const NAME = "workload-ecs-non-root-user";

const FIX = 'Set user to a non-root UID (and GID), e.g. "10001:10001", that the image\'s files allow.';

/** True for a user field that names root: "0", "root", or either with a group ("0:0", "root:wheel"). */
export function isRootUser(user: string): boolean {
    const name = user.split(":")[0].trim().toLowerCase();
    return name === "root" || /^0+$/.test(name);
}

function rootUser(container: ContainerView): string | typeof UNKNOWN | undefined {
    const user = container.user;
    if (user === UNKNOWN) {
        return UNKNOWN;
    }
    if (user === undefined) {
        return "names no user, so it runs as the image's default user (root unless the image sets USER)";
    }
    if (user === ODD) {
        return "has a user value that is not a string";
    }
    return isRootUser(user) ? `runs as root (user ${JSON.stringify(user)})` : undefined;
}

export const ecsNonRootUser: ResourceValidationPolicy = {
    name: NAME,
    displayName: "ECS containers run as a non-root user",
    description:
        "Every container of an ECS task definition or daemon task definition (classic and aws-native) should name a " +
        'user that is not root (not unset, "0", "root", or either with a group). Advisory by default: an unset user ' +
        "runs as the image's USER, which the pack cannot see.",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: NIST_AC_6,
    tags: [...WORKLOAD_FAMILY_TAGS, TAG.securityHub("ECS.20")],
    remediationSteps: FIX,
    url: WORKLOAD_DOCS.containerDefinitions,
    validateResource: guardResource(NAME, TASK_DEFINITION_TYPES, (args, props, report, reading) => {
        reportContainers(args.type, props, reading, report, rootUser, FIX);
    }),
};
