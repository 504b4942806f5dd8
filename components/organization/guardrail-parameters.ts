/**
 * What the guardrail SCPs build from their validated parameters. The parameters themselves are
 * checked with `validation/` (role names, regions, the bucket ARN, log group patterns), each
 * check throwing a one-line error that names the parameter before any document exists.
 */

import { roleArn } from "../../iam/arns";

/**
 * The ARN pattern `aws:PrincipalArn` has for a role of this name in any member account. Exact
 * name, path `/`: no wildcard around the name, so `evil-<name>` or `<name>-copy` never match.
 */
export function roleArnPattern(roleName: string): string {
    return roleArn("*", roleName);
}
