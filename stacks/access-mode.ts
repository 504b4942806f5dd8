import * as pulumi from "@pulumi/pulumi";
import { PREVIEW_ACCESS_ROLE_NAME } from "../components/identity/pipeline-names";

/**
 * Which role the providers assume in member accounts, from the environment variable
 * `ZERO_TRUST_AWS_ACCESS`: unset or `deploy`, the access role of the config (it can change
 * everything: `pulumi up`); `preview`, the account's read-only preview access role
 * (`zero-trust-preview`), so a preview run can change nothing and read no data. An environment
 * variable rather than config: the same committed stack config serves both, and the workflow,
 * which knows whether it previews or deploys, says which.
 */
export const ACCESS_MODE_VARIABLE = "ZERO_TRUST_AWS_ACCESS";

const ACCESS_MODES = ["deploy", "preview"] as const;

/** The role name the providers assume in a member account whose access role is `accessRoleName`. */
export function providerRoleName(accessRoleName: string, environment: NodeJS.ProcessEnv = process.env): string {
    const mode = environment[ACCESS_MODE_VARIABLE] ?? "deploy";
    if (!(ACCESS_MODES as readonly string[]).includes(mode)) {
        throw new pulumi.RunError(
            `environment variable ${ACCESS_MODE_VARIABLE}=${JSON.stringify(mode)}: expected one of ${ACCESS_MODES.join(", ")} (unset: deploy)`,
        );
    }
    return mode === "preview" ? PREVIEW_ACCESS_ROLE_NAME : accessRoleName;
}
