import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { fail, validChoice } from "../../validation/argument-error";
import { validNameKey } from "../../validation/name-keys";
import { scpContent } from "./scp-document";
import {
    GUARDRAIL_POLICY_DESCRIPTIONS,
    GUARDRAIL_POLICY_NAMES,
    guardrailPolicyDocuments,
    type GuardrailPolicyName,
} from "./service-control-policies";

/** Attachment targets by a stable key (it names the attachment resource) → root, OU or account id. */
export type GuardrailTargets = Readonly<Record<string, pulumi.Input<string>>>;

export interface GuardrailPoliciesArgs {
    /**
     * Where every guardrail SCP is attached: key → root id (`r-…`), OU id (`ou-…`) or account id.
     * The key names the attachment (`<name>-<policy>-<key>`), so reordering or renaming an OU's
     * id source does not re-attach anything; keep keys stable.
     */
    targets: GuardrailTargets;
    /**
     * Per-policy targets that replace `targets` for that policy (for example `regions-and-imds` on
     * the workload OUs only). A policy listed here with no targets is created but not attached.
     */
    policyTargets?: Partial<Record<GuardrailPolicyName, GuardrailTargets>>;
    /** Name of the emergency role, the same in every member account (path `/`). */
    breakGlassRoleName: string;
    /**
     * Name of the role the stacks assume in member accounts (usually OrganizationAccountAccessRole).
     * Exempt from the "change" guardrails (security services, log bucket and log group settings) so
     * deployments work; never from deleting logs, destroying keys, root, regions, IAM users or IMDS.
     */
    deploymentRoleName?: string;
    /** Regions member accounts may use; every other region is denied except for global services and break-glass. */
    allowedRegions: readonly string[];
    /** ARN of the log-archive bucket (`arn:aws:s3:::<name>`). */
    logArchiveBucketArn: string;
    /** Audit log group name patterns (`*` wildcard); default: VPC flow logs and CloudTrail log groups. */
    auditLogGroupPatterns?: readonly string[];
    /** Prefix of the SCP names in AWS Organizations; default `zero-trust`. */
    namePrefix?: string;
}

/** A plain target id must look like a root, an OU or an account id; outputs are checked by AWS. */
const TARGET_ID = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|\d{12})$/;

function checkTargets(parameter: string, targets: GuardrailTargets): void {
    for (const [key, id] of Object.entries(targets)) {
        validNameKey(parameter, key); // keys become parts of resource names
        if (typeof id === "string" && !TARGET_ID.test(id)) {
            fail(`${parameter}.${key}`, id, "a root (r-…), OU (ou-…-…) or account (12 digits) id");
        }
    }
}

/**
 * The organisation's guardrail SCPs (see `service-control-policies.ts`), created in the management
 * account through the provider passed in, and attached to roots and OUs.
 *
 * Policies and attachments are protected. Removing either lifts a guardrail with no error and no
 * finding: every member account below the target silently regains what the SCP denied. So a
 * refactor, a rename or `pulumi destroy` must fail instead; detaching a guardrail on purpose takes
 * `pulumi state unprotect` first, a visible and reviewable step. Content changes update in place.
 */
export class GuardrailPolicies extends pulumi.ComponentResource {
    /** Policy id per guardrail SCP. */
    public readonly policyIds: Record<GuardrailPolicyName, pulumi.Output<string>>;

    constructor(name: string, args: GuardrailPoliciesArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate everything before declaring anything (the component included): a bad value names
        // the parameter and nothing is created.
        const documents = guardrailPolicyDocuments(args);
        checkTargets("targets", args.targets);
        for (const [policy, targets] of Object.entries(args.policyTargets ?? {})) {
            validChoice("policyTargets", policy, GUARDRAIL_POLICY_NAMES);
            checkTargets(`policyTargets.${policy}`, targets ?? {});
        }
        const attached = GUARDRAIL_POLICY_NAMES.some((policy) => Object.keys(args.policyTargets?.[policy] ?? args.targets).length > 0);
        if (!attached) {
            throw new Error("targets: empty, so no guardrail would be attached to any root, OU or account");
        }
        const prefix = args.namePrefix ?? "zero-trust";
        if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,60}$/.test(prefix)) {
            throw new Error(`namePrefix: ${JSON.stringify(prefix)} is not a name prefix (letters, digits, _ and -, up to 61 characters)`);
        }

        super("zero-trust:organization:GuardrailPolicies", name, {}, opts);

        const policyIds = {} as Record<GuardrailPolicyName, pulumi.Output<string>>;
        for (const policyName of GUARDRAIL_POLICY_NAMES) {
            const policy = new aws.organizations.Policy(
                `${name}-${policyName}`,
                {
                    name: `${prefix}-${policyName}`,
                    description: GUARDRAIL_POLICY_DESCRIPTIONS[policyName],
                    type: "SERVICE_CONTROL_POLICY",
                    content: scpContent(documents[policyName]),
                },
                { parent: this, protect: true },
            );
            const targets = args.policyTargets?.[policyName] ?? args.targets;
            for (const [key, targetId] of Object.entries(targets)) {
                new aws.organizations.PolicyAttachment(
                    `${name}-${policyName}-${key}`,
                    { policyId: policy.id, targetId },
                    { parent: this, protect: true },
                );
            }
            policyIds[policyName] = policy.id;
        }

        this.policyIds = policyIds;
        this.registerOutputs({ policyIds });
    }
}
