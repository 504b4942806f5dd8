import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { checkWhenKnown, fail, refuseRepeats, validMatching } from "../../validation/argument-error";
import { validAccountId } from "../../validation/aws-identifiers";
import { validNameKey } from "../../validation/name-keys";

/** An account's root email as AWS Organizations accepts it: 6 to 64 characters, one `@`, a dotted domain. */
export const ACCOUNT_EMAIL = /^(?=.{6,64}$)[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const ACCOUNT_EMAIL_EXPECTED = "an account root email of 6 to 64 characters (name@domain.tld)";

/** An OU id (`ou-…-…`) or the root (`r-…`): where an account may be placed. */
const PARENT_ID = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;

/** One existing account of the organisation and the OU it belongs in. */
export interface PlacedAccount {
    /** Stable key naming the resource (`<name>-<key>`): `security`, `log-archive`, an environment's name. */
    readonly key: string;
    /** The account's 12-digit id: what is imported. */
    readonly accountId: string;
    /**
     * The account's root email, as AWS Organizations shows it. Required by the resource; never sent
     * (ignored on import and after), since changing it would replace the account.
     */
    readonly email: string;
    /** The OU (`ou-…`) the account is moved into and kept in; usually an output of the OU tree. */
    readonly parentId: pulumi.Input<string>;
}

export interface OrganizationAccountsArgs {
    /** The accounts to adopt and place, each by a stable key; none twice. */
    accounts: readonly PlacedAccount[];
}

/** What AWS cannot read back after creation, or what would replace the account if it differed: never diffed. */
const UNREAD_OR_REPLACING = ["email", "name", "roleName", "iamUserAccessToBilling"];

/**
 * The organisation's existing accounts, each adopted (`import` by id) as an
 * `aws.organizations.Account` whose `parentId` is its OU, so the first `pulumi up` moves it there
 * (Pulumi imports, then updates what differs) and every later run puts it back if it drifts out.
 * Declared through the provider of the organisation's management account (`opts.provider`).
 *
 * Each account is protected, kept on deletion (`retainOnDelete`: removing it from the program or a
 * `pulumi destroy` leaves it in the organisation) and never closed (`closeOnDeletion: false`).
 * Name and email stay as AWS has them (ignored), so a typo can never rename or replace an account.
 */
export class OrganizationAccounts extends pulumi.ComponentResource {
    /** Account ids by key. */
    public readonly accountIds: Readonly<Record<string, pulumi.Output<string>>>;

    constructor(name: string, args: OrganizationAccountsArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate everything before declaring anything: a bad value names the argument and nothing is created.
        args.accounts.forEach((account, index) => {
            const where = `accounts[${index}]`;
            validNameKey(`${where}.key`, account.key);
            validAccountId(`${where}.accountId`, account.accountId);
            validMatching(`${where}.email`, account.email, ACCOUNT_EMAIL, ACCOUNT_EMAIL_EXPECTED);
            checkWhenKnown(`${where}.parentId`, account.parentId, (parameter, value) =>
                validMatching(parameter, value, PARENT_ID, "an OU id (ou-…-…) or the root id (r-…)"),
            );
        });
        refuseRepeats(
            "accounts (keys)",
            args.accounts.map((a) => a.key),
        );
        refuseRepeats(
            "accounts (ids)",
            args.accounts.map((a) => a.accountId),
        );
        if (args.accounts.length === 0) {
            fail("accounts", args.accounts, "a non-empty list of accounts to place");
        }

        super("zero-trust:organization:OrganizationAccounts", name, {}, opts);

        const accountIds: Record<string, pulumi.Output<string>> = {};
        for (const account of args.accounts) {
            const adopted = new aws.organizations.Account(
                `${name}-${account.key}`,
                { email: account.email, parentId: account.parentId, closeOnDeletion: false },
                { parent: this, import: account.accountId, protect: true, retainOnDelete: true, ignoreChanges: UNREAD_OR_REPLACING },
            );
            accountIds[account.key] = adopted.id;
        }

        this.accountIds = accountIds;
        this.registerOutputs({ accountIds });
    }
}
