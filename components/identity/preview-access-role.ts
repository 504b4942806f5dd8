import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SHORTEST_MAX_SESSION_SECONDS } from "../workload/workload-roles-policies";
import { previewAccessPolicy, previewAccessTrustPolicy } from "./pipeline-identity-policies";
import { PREVIEW_ACCESS_ROLE_NAME } from "./pipeline-names";

export interface PreviewAccessRoleArgs {
    /** The management account's `pipeline-preview` role, the only principal that may assume this one (it must exist first). */
    pipelinePreviewRoleArn: pulumi.Input<string>;
}

/**
 * The read-only twin of a member account's access role (`zero-trust-preview`), declared through
 * `opts.provider` in that account: a stack run with `ZERO_TRUST_AWS_ACCESS=preview` assumes it
 * instead of the access role, so a pull request's preview reads configuration and can change
 * nothing, decrypt nothing and read no data.
 */
export class PreviewAccessRole extends pulumi.ComponentResource {
    /** ARN of the role. */
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: PreviewAccessRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("zero-trust:identity:PreviewAccessRole", name, {}, opts);
        const role = new aws.iam.Role(
            `${name}-role`,
            {
                name: PREVIEW_ACCESS_ROLE_NAME,
                assumeRolePolicy: pulumi.output(args.pipelinePreviewRoleArn).apply((arn) => JSON.stringify(previewAccessTrustPolicy(arn))),
                maxSessionDuration: SHORTEST_MAX_SESSION_SECONDS,
            },
            { parent: this },
        );
        new aws.iam.RolePolicy(`${name}-policy`, { role: role.name, policy: JSON.stringify(previewAccessPolicy()) }, { parent: this });
        this.roleArn = role.arn;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
