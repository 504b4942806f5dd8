import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { validOrganizationId } from "../../validation/aws-identifiers";
import { LOWERCASE_NAME } from "../../validation/name-keys";

/**
 * AWS services given trusted access to the organisation: the organisation trail, Config, the
 * security services whose administration is delegated to the security account, and Identity
 * Center. Each is what that service's organisation features need enabled first.
 */
export const TRUSTED_SERVICE_PRINCIPALS = [
    "access-analyzer.amazonaws.com",
    "cloudtrail.amazonaws.com",
    "config.amazonaws.com",
    "config-multiaccountsetup.amazonaws.com",
    "guardduty.amazonaws.com",
    "malware-protection.guardduty.amazonaws.com",
    "securityhub.amazonaws.com",
    "sso.amazonaws.com",
] as const;

/** The OU the security and log-archive accounts live in. */
export const SECURITY_OU = "security";
/** The parent OU of the environments' accounts; its children are named by the workload OUs. */
export const WORKLOADS_OU = "workloads";

export interface OrganizationStructureArgs {
    /** The existing organisation (`o-…`), adopted: an organisation is never created or deleted by a program. */
    organizationId: string;
    /** Its root (`r-…`), where the top-level OUs hang; from config, as no lookup may need a live account. */
    rootId: string;
    /** Children of the `workloads` OU, one per class of environment (e.g. `prod`, `non-prod`). */
    workloadOus: readonly string[];
}

/** OU ids by path: `security`, `workloads`, `workloads/<child>`. */
export type OrganizationalUnitIds = Readonly<Record<string, pulumi.Output<string>>>;

/**
 * The organisation (adopted, with trusted access for the security services and SCPs enabled) and
 * its OU tree: `security` for the security and log-archive accounts, `workloads` with a child per
 * class of environment. Everything here is protected: deleting an OU or the organisation's settings
 * would detach every SCP and service integration below it.
 */
export class OrganizationStructure extends pulumi.ComponentResource {
    /** The organisation's id (as adopted). */
    public readonly organizationId: pulumi.Output<string>;
    /** The organisation's root id. */
    public readonly rootId: pulumi.Output<string>;
    /** OU ids by path. */
    public readonly organizationalUnitIds: OrganizationalUnitIds;

    constructor(name: string, args: OrganizationStructureArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before declaring anything: a bad value names the argument and nothing is created.
        validOrganizationId("organizationId", args.organizationId);
        if (!/^r-[0-9a-z]{4,32}$/.test(args.rootId)) {
            throw new Error(
                `rootId: ${JSON.stringify(args.rootId)} is not an organisation root id (r- and 4 to 32 lowercase letters or digits)`,
            );
        }
        args.workloadOus.forEach((ou, index) => {
            if (!LOWERCASE_NAME.test(ou) || args.workloadOus.indexOf(ou) !== index) {
                throw new Error(
                    `workloadOus[${index}]: ${JSON.stringify(ou)} is not a new lowercase OU name (a-z 0-9 -, up to 63 characters, listed once)`,
                );
            }
        });
        if (args.workloadOus.length === 0) {
            throw new Error("workloadOus: [] has no OU for any environment; expected at least one name, e.g. prod");
        }

        super("zero-trust:organization:OrganizationStructure", name, {}, opts);

        // Adopted with the import option: the first `pulumi up` imports it (which needs the trusted
        // services and policy types below to be enabled already; see docs/deploying.md), later runs manage it.
        const organization = new aws.organizations.Organization(
            `${name}-organization`,
            {
                featureSet: "ALL",
                awsServiceAccessPrincipals: [...TRUSTED_SERVICE_PRINCIPALS],
                enabledPolicyTypes: ["SERVICE_CONTROL_POLICY"],
            },
            { parent: this, protect: true, import: args.organizationId },
        );

        const ou = (key: string, ouName: string, parentId: pulumi.Input<string>): aws.organizations.OrganizationalUnit =>
            new aws.organizations.OrganizationalUnit(
                `${name}-${key.replace("/", "-")}`,
                { name: ouName, parentId },
                { parent: this, protect: true, dependsOn: [organization] },
            );
        const security = ou(SECURITY_OU, SECURITY_OU, args.rootId);
        const workloads = ou(WORKLOADS_OU, WORKLOADS_OU, args.rootId);
        const ids: Record<string, pulumi.Output<string>> = { [SECURITY_OU]: security.id, [WORKLOADS_OU]: workloads.id };
        for (const child of args.workloadOus) {
            ids[`${WORKLOADS_OU}/${child}`] = ou(`${WORKLOADS_OU}/${child}`, child, workloads.id).id;
        }

        this.organizationId = organization.id;
        this.rootId = pulumi.output(args.rootId);
        this.organizationalUnitIds = ids;
        this.registerOutputs({ organizationId: this.organizationId, rootId: this.rootId, organizationalUnitIds: ids });
    }
}
