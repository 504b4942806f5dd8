import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { OrganizationAccounts, type OrganizationAccountsArgs } from "../../components/organization/organization-accounts";
import { RecordingMocks, recordedNamed, valueOf } from "../network/recording-mocks";

const ACCOUNT = "aws:organizations/account:Account";

const BASE: OrganizationAccountsArgs = {
    accounts: [
        { key: "security", accountId: "333333333333", email: "aws+security@example.com", parentId: "ou-ab12-securit1" },
        { key: "staging", accountId: "111111111111", email: "aws+staging@example.com", parentId: "ou-ab12-nonprod1" },
    ],
};

async function build(args: OrganizationAccountsArgs = BASE): Promise<RecordingMocks> {
    const mocks = RecordingMocks.install();
    const provider = new aws.Provider("management", { region: "eu-west-1", allowedAccountIds: ["999999999999"] });
    new OrganizationAccounts("accounts", args, { provider });
    return mocks.settled();
}

describe("OrganizationAccounts", () => {
    let mocks: RecordingMocks;
    before(async () => {
        mocks = await build();
    });

    it("adopts each account by its id (import) and moves it into its OU (parentId), through the management provider", () => {
        const accounts = mocks.ofType(ACCOUNT);
        assert.deepStrictEqual(
            accounts.map((a) => [a.name, recordedNamed(mocks, a.name).options.importId, a.inputs.parentId]),
            [
                ["accounts-security", "333333333333", "ou-ab12-securit1"],
                ["accounts-staging", "111111111111", "ou-ab12-nonprod1"],
            ],
        );
        for (const account of accounts) {
            assert.strictEqual(account.provider, mocks.providerReference("management"), account.name);
        }
    });

    it("never closes, deletes or replaces an account: protected, retained on delete, closeOnDeletion false, name and email never diffed", () => {
        for (const account of mocks.ofType(ACCOUNT)) {
            const { options } = recordedNamed(mocks, account.name);
            assert.deepStrictEqual(
                [account.protect, options.retainOnDelete, account.inputs.closeOnDeletion],
                [true, true, false],
                account.name,
            );
            assert.deepStrictEqual(
                [...options.ignoreChanges].sort(),
                ["email", "iamUserAccessToBilling", "name", "roleName"],
                account.name,
            );
            assert.strictEqual(account.inputs.name, undefined, "no name is sent: AWS keeps the account's own");
        }
    });

    it("waits for an OU created in the same program", async () => {
        const waiting = RecordingMocks.install();
        const provider = new aws.Provider("management", { region: "eu-west-1" });
        const ou = new aws.organizations.OrganizationalUnit("workloads-prod", { name: "prod", parentId: "r-ab12" }, { provider });
        new OrganizationAccounts(
            "accounts",
            { accounts: [{ key: "prod", accountId: "222222222222", email: "aws+prod@example.com", parentId: ou.id }] },
            { provider },
        );
        await waiting.settled();
        const account = waiting.named("accounts-prod");
        assert.strictEqual(account.inputs.parentId, waiting.named("workloads-prod").id);
        assert.deepStrictEqual(account.propertyDependencies.parentId, [waiting.named("workloads-prod").urn]);
    });

    describe("refuses bad arguments before declaring anything, in one line", () => {
        const first = BASE.accounts[0];
        const cases: [string, OrganizationAccountsArgs, RegExp][] = [
            ["no account", { accounts: [] }, /^accounts: \[\] is not a non-empty list/],
            [
                "an account id of 11 digits",
                { accounts: [{ ...first, accountId: "33333333333" }] },
                /^accounts\[0\]\.accountId: "33333333333" is not an AWS account id/,
            ],
            [
                "an email without a domain",
                { accounts: [{ ...first, email: "security" }] },
                /^accounts\[0\]\.email: "security" is not an account root email/,
            ],
            [
                "a parent that is no OU",
                { accounts: [{ ...first, parentId: "security" }] },
                /^accounts\[0\]\.parentId: "security" is not an OU id/,
            ],
            ["a key with capitals", { accounts: [{ ...first, key: "Security" }] }, /^accounts\[0\]\.key: key "Security"/],
            [
                "an account listed twice",
                { accounts: [first, { ...first, key: "audit" }] },
                /^accounts \(ids\): "333333333333" is listed twice$/,
            ],
        ];
        for (const [what, args, message] of cases) {
            it(`refuses ${what}`, async () => {
                const failing = RecordingMocks.install();
                assert.throws(
                    () => new OrganizationAccounts("accounts", args, { provider: new aws.Provider("management", { region: "eu-west-1" }) }),
                    (err: Error) => message.test(err.message) && !err.message.includes("\n"),
                );
                await failing.settled();
                assert.deepStrictEqual(
                    failing.registrations.filter((r) => !r.type.startsWith("pulumi:providers:")).map((r) => r.type),
                    [],
                );
            });
        }
    });

    it("exposes the account ids by key", async () => {
        const waiting = RecordingMocks.install();
        const component = new OrganizationAccounts("accounts", BASE, { provider: new aws.Provider("management", { region: "eu-west-1" }) });
        await waiting.settled();
        assert.deepStrictEqual(await valueOf(pulumi.output(component.accountIds)), { security: "333333333333", staging: "111111111111" });
    });
});
