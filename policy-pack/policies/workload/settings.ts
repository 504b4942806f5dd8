// Configuration of the workload family: the settings users tune and their defensive reading (a
// missing or odd value falls back to its default; ../config.ts has the shared mechanics).

import { PolicyConfigJSONSchema } from "../../policy-sdk";
import { familySettings } from "../config";

export const WORKLOAD_SCHEMA = {
    writableRootFilesystemImages: {
        type: "array",
        items: { type: "string" },
        default: [],
        description:
            "Image prefixes (e.g. a repository URI without tag or digest) whose containers may keep a writable root file system, " +
            "for images that cannot run read-only. Compared with the start of the container's image as written; every other " +
            "container must set readonlyRootFilesystem to true.",
    },
} satisfies Record<string, PolicyConfigJSONSchema>;

export interface WorkloadSettings {
    writableRootFilesystemImages: readonly string[];
}

export const workloadSettings = familySettings(WORKLOAD_SCHEMA, (config): WorkloadSettings => ({
    // Blank prefixes would match every image, so they are dropped.
    writableRootFilesystemImages: Array.isArray(config.writableRootFilesystemImages)
        ? (config.writableRootFilesystemImages as unknown[])
              .filter((v): v is string => typeof v === "string")
              .map((v) => v.trim())
              .filter((v) => v !== "")
        : [],
}));
