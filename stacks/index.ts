// Program entry (package.json "main"). Pulumi (and the offline preview) calls the exported function
// and awaits its result, which becomes the stack outputs. `zero-trust-aws:kind` says which kind of
// stack this is: an environment (the default) or the organisation's management stack. Config is
// validated first (every key, so a misspelled one is refused rather than ignored), so a bad value
// stops the run before any resource is declared.
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "./config/config-error";
import { loadEnvironmentConfig } from "./config/load-environment-config";
import { loadManagementConfig } from "./config/load-management-config";
import { PROJECT_NAMESPACE, STACK_KIND_KEY } from "./config/stack-config-reader";
import { refuseUnreadKeys } from "./config/unread-keys";
import { buildEnvironment, type EnvironmentOutputs } from "./environment";
import { buildManagement, type ManagementOutputs } from "./management";

/** The kinds of stack this program builds. */
const STACK_KINDS = ["environment", "management"] as const;

export = (): Promise<EnvironmentOutputs> | ManagementOutputs => {
    refuseUnreadKeys(pulumi.runtime.allConfig());
    const kind = new pulumi.Config(PROJECT_NAMESPACE).get("kind") ?? "environment";
    switch (kind) {
        case "environment":
            return buildEnvironment(loadEnvironmentConfig());
        case "management":
            return buildManagement(loadManagementConfig());
        default:
            throw new ConfigError(STACK_KIND_KEY, kind, `one of ${STACK_KINDS.join(", ")}`);
    }
};
