import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { roleArn } from "../../iam/arns";

/** The role AWS Organizations creates in every account it creates, trusted by the management account. */
export const DEFAULT_ACCESS_ROLE_NAME = "OrganizationAccountAccessRole";

/** What creating the account needs; absent when the account is adopted. */
export interface MemberAccountCreation {
    /** The account's root user email; unique across AWS. */
    readonly email: string;
    /** The account's name in the organisation. */
    readonly name: string;
    /** The OU the account is created in (`ou-…`; the organisation root `r-…` also works). */
    readonly parentOuId: pulumi.Input<string>;
    /**
     * The organisation's management account: the Account resource goes through a provider pinned
     * to it (`allowedAccountIds`), so account creation cannot run with any other account's credentials.
     */
    readonly managementAccountId: pulumi.Input<string>;
}

export interface MemberAccountArgs {
    /** Environment name (lowercase): provider names, session names and the account's tags. */
    environment: string;
    /** The environment's primary region. */
    region: string;
    /** Extra regions that get a twin of the member provider (same role, same account allow-list). */
    extraRegions: readonly string[];
    /**
     * The member account's id. Adopting: required (the account exists). Creating: the id AWS
     * assigned, once known; left out, the provider's allow-list follows the created account's id.
     */
    accountId?: string;
    /** The organisation access role: the role a created account gets, and the one the providers assume by default. */
    accessRoleName: string;
    /** The role the providers assume instead (the read-only preview access role of a preview run); default `accessRoleName`. */
    providerRoleName?: string;
    /** Create the account under an OU through the management account; absent: adopt `accountId`. */
    creation?: MemberAccountCreation;
    /** Tags every resource gets through the providers (`defaultTags`). */
    defaultTags: Readonly<Record<string, string>>;
}

/** A provider in one extra region, for what must exist there (replica keys). */
export interface RegionalProvider {
    readonly region: string;
    readonly provider: aws.Provider;
}

/**
 * The environment's member account and the providers that deploy into it. The account is either
 * adopted by id (nothing is declared for it) or created under its OU through a provider pinned to
 * the management account (`aws.organizations.Account`, protected, never closed on deletion). Every
 * provider of the environment starts from the deployer's management-account credentials and
 * assumes the organisation access role in the member account, and refuses any other account
 * (`allowedAccountIds`). When the account is created in the same run, its id is unknown until AWS
 * assigns it: the role ARN is built from the Account's id output, so the providers wait for it.
 *
 * Provider names are the environment's name and `<env>-<region>` (not `<name>-…`): every resource
 * of the environment refers to them, and the plan, the tests and the offline preview know them so.
 */
export class MemberAccount extends pulumi.ComponentResource {
    /** The member account's id (unknown at preview when the account is created in the same run). */
    public readonly accountId: pulumi.Output<string>;
    /** ARN of the role the providers assume. */
    public readonly accessRoleArn: pulumi.Output<string>;
    /** The provider of the environment's primary region: every environment resource goes through it. */
    public readonly provider: aws.Provider;
    /** Its twins in the extra regions, in the order given. */
    public readonly regionalProviders: readonly RegionalProvider[];
    /** The created account (absent when adopted). */
    public readonly account?: aws.organizations.Account;

    constructor(name: string, args: MemberAccountArgs, opts?: pulumi.ComponentResourceOptions) {
        super("zero-trust:account:MemberAccount", name, {}, opts);
        const env = args.environment;
        if (args.creation === undefined && args.accountId === undefined) {
            throw new Error("MemberAccount: an adopted account needs its accountId");
        }

        let accountId: pulumi.Output<string>;
        if (args.creation !== undefined) {
            const management = new aws.Provider(
                `${name}-management`,
                { region: args.region, allowedAccountIds: [args.creation.managementAccountId] },
                { parent: this },
            );
            this.account = new aws.organizations.Account(
                `${name}-account`,
                {
                    name: args.creation.name,
                    email: args.creation.email,
                    parentId: args.creation.parentOuId,
                    roleName: args.accessRoleName,
                    iamUserAccessToBilling: "DENY",
                    // Removing the resource leaves the organisation's account alone: closing an
                    // account is a deliberate act outside any program, and takes its data with it.
                    closeOnDeletion: false,
                    tags: { ...args.defaultTags, Environment: env, Name: `${env}-account` },
                },
                // roleName and iamUserAccessToBilling apply only at creation; AWS cannot read them back.
                { parent: this, provider: management, protect: true, ignoreChanges: ["roleName", "iamUserAccessToBilling"] },
            );
            accountId = this.account.id;
        } else {
            accountId = pulumi.output(args.accountId as string);
        }

        this.accountId = accountId;
        // Resolved as pulumi.interpolate resolves (through an array), so the plan's order of steps stays.
        this.accessRoleArn = pulumi
            .output([accountId, args.providerRoleName ?? args.accessRoleName])
            .apply(([id, roleName]) => roleArn(id, roleName));
        const allowed: pulumi.Input<string> = args.accountId ?? accountId;
        const providerArgs = (region: string): aws.ProviderArgs => ({
            region,
            assumeRoles: [{ roleArn: this.accessRoleArn, sessionName: `pulumi-${env}` }],
            // Refuses to run in any other account, whatever the role or the deployer's profile resolves to.
            allowedAccountIds: [allowed],
            defaultTags: { tags: { ...args.defaultTags } },
        });
        this.provider = new aws.Provider(env, providerArgs(args.region), { parent: this });
        this.regionalProviders = args.extraRegions.map((region) => ({
            region,
            provider: new aws.Provider(`${env}-${region}`, providerArgs(region), { parent: this }),
        }));
        this.registerOutputs({ accountId: this.accountId, accessRoleArn: this.accessRoleArn });
    }
}
