import * as assert from "assert";
import { MemberAccount, type MemberAccountArgs } from "../../components/account/member-account";
import { waitForRPCs } from "../../offline-preview/pulumi-sdk-internals";
import { UNKNOWN } from "../../offline-preview/wire-values";
import { decoded, installPreviewMonitor, recordedNamed, RecordingMocks } from "../network/recording-mocks";

const ACCOUNT = "111111111111";
const MANAGEMENT = "999999999999";
const TAGS = { Environment: "staging", ManagedBy: "pulumi", Stack: "staging" };
const CREATION = {
    email: "aws+staging@example.com",
    name: "zero-trust staging",
    parentOuId: "ou-ab12-cd34ef56",
    managementAccountId: MANAGEMENT,
};

const T = { provider: "pulumi:providers:aws", account: "aws:organizations/account:Account" } as const;

async function build(args: Partial<MemberAccountArgs>): Promise<{ mocks: RecordingMocks; member: MemberAccount }> {
    const mocks = RecordingMocks.install();
    const member = new MemberAccount("staging-account", {
        environment: "staging",
        region: "eu-west-1",
        extraRegions: [],
        accessRoleName: "OrganizationAccountAccessRole",
        defaultTags: TAGS,
        ...args,
    });
    await mocks.settled();
    return { mocks, member };
}

type AssumeRole = { roleArn: string; sessionName: string };

describe("MemberAccount", () => {
    describe("adopting an account by id", () => {
        let mocks: RecordingMocks;
        before(async () => {
            ({ mocks } = await build({ accountId: ACCOUNT, extraRegions: ["eu-central-1", "us-east-1"] }));
        });

        it("declares no Account and no management provider", () => {
            assert.deepStrictEqual(mocks.ofType(T.account), []);
            assert.deepStrictEqual(
                mocks.ofType(T.provider).map((p) => p.name),
                ["staging", "staging-eu-central-1", "staging-us-east-1"],
            );
        });

        it("the provider assumes the organisation access role in the account, allows only that account, tags everything", () => {
            const provider = mocks.named("staging");
            assert.strictEqual(provider.parent, mocks.named("staging-account").urn);
            assert.deepStrictEqual(decoded(provider.inputs.assumeRoles), [
                { roleArn: `arn:aws:iam::${ACCOUNT}:role/OrganizationAccountAccessRole`, sessionName: "pulumi-staging" },
            ]);
            assert.deepStrictEqual(decoded(provider.inputs.allowedAccountIds), [ACCOUNT]);
            assert.strictEqual(provider.inputs.region, "eu-west-1");
            assert.deepStrictEqual(decoded(provider.inputs.defaultTags), { tags: TAGS });
        });

        it("every regional twin assumes the same role in the same account, in its own region", () => {
            const main = mocks.named("staging");
            for (const region of ["eu-central-1", "us-east-1"]) {
                const twin = mocks.named(`staging-${region}`);
                assert.strictEqual(twin.inputs.region, region);
                for (const input of ["assumeRoles", "allowedAccountIds", "defaultTags"]) {
                    assert.deepStrictEqual(decoded(twin.inputs[input]), decoded(main.inputs[input]), `${region} ${input}`);
                }
            }
        });

        it("uses a configured access role name", async () => {
            const { mocks: other } = await build({ accountId: ACCOUNT, accessRoleName: "platform-deployer" });
            const [role] = decoded(other.named("staging").inputs.assumeRoles) as AssumeRole[];
            assert.strictEqual(role.roleArn, `arn:aws:iam::${ACCOUNT}:role/platform-deployer`);
        });

        it("refuses to adopt without an account id", () => {
            RecordingMocks.install();
            assert.throws(
                () =>
                    new MemberAccount("x", {
                        environment: "x",
                        region: "eu-west-1",
                        extraRegions: [],
                        accessRoleName: "r",
                        defaultTags: {},
                    }),
                /an adopted account needs its accountId/,
            );
        });
    });

    describe("creating the account under its OU", () => {
        let mocks: RecordingMocks;
        let member: MemberAccount;
        before(async () => {
            ({ mocks, member } = await build({ creation: CREATION, extraRegions: ["eu-central-1"] }));
        });

        it("creates a protected Account in the OU, never closed on deletion, with the access role and no IAM billing access", () => {
            const [account, ...others] = mocks.ofType(T.account);
            assert.deepStrictEqual(others, []);
            assert.strictEqual(account.name, "staging-account-account");
            assert.deepStrictEqual(
                [
                    account.inputs.email,
                    account.inputs.name,
                    account.inputs.parentId,
                    account.inputs.roleName,
                    account.inputs.iamUserAccessToBilling,
                    account.inputs.closeOnDeletion,
                    account.protect,
                ],
                [CREATION.email, CREATION.name, CREATION.parentOuId, "OrganizationAccountAccessRole", "DENY", false, true],
            );
            assert.deepStrictEqual(recordedNamed(mocks, "staging-account-account").options.ignoreChanges.sort(), [
                "iamUserAccessToBilling",
                "roleName",
            ]);
        });

        it("creates it through a provider pinned to the management account", () => {
            const management = mocks.named("staging-account-management");
            assert.deepStrictEqual(decoded(management.inputs.allowedAccountIds), [MANAGEMENT]);
            assert.strictEqual(management.inputs.assumeRoles, undefined, "the deployer's own management credentials");
            assert.strictEqual(mocks.named("staging-account-account").provider, mocks.providerReference("staging-account-management"));
        });

        it("builds every provider's role ARN and allow-list from the created account's id", async () => {
            const account = mocks.named("staging-account-account");
            assert.match(account.id, /^\d{12}$/);
            for (const name of ["staging", "staging-eu-central-1"]) {
                const provider = mocks.named(name);
                assert.deepStrictEqual(
                    decoded(provider.inputs.assumeRoles),
                    [{ roleArn: `arn:aws:iam::${account.id}:role/OrganizationAccountAccessRole`, sessionName: "pulumi-staging" }],
                    name,
                );
                assert.deepStrictEqual(decoded(provider.inputs.allowedAccountIds), [account.id], name);
                assert.deepStrictEqual(provider.propertyDependencies["assumeRoles"], [account.urn], name);
                assert.deepStrictEqual(provider.propertyDependencies["allowedAccountIds"], [account.urn], name);
            }
            assert.strictEqual(await new Promise((resolve) => member.accountId.apply(resolve)), account.id);
        });

        it("at preview the new account's id is unknown, and so are the providers' role and allow-list", async () => {
            const monitor = installPreviewMonitor();
            new MemberAccount("staging-account", {
                environment: "staging",
                region: "eu-west-1",
                extraRegions: [],
                accessRoleName: "OrganizationAccountAccessRole",
                defaultTags: TAGS,
                creation: CREATION,
            });
            await waitForRPCs();
            const provider = monitor.recorded.find((r) => r.name === "staging");
            assert.ok(provider !== undefined);
            assert.ok(JSON.stringify(provider.inputs["assumeRoles"]).includes(UNKNOWN), JSON.stringify(provider.inputs["assumeRoles"]));
            assert.ok(
                JSON.stringify(provider.inputs["allowedAccountIds"]).includes(UNKNOWN),
                JSON.stringify(provider.inputs["allowedAccountIds"]),
            );
            const adopted = installPreviewMonitor();
            new MemberAccount("staging-account", {
                environment: "staging",
                region: "eu-west-1",
                extraRegions: [],
                accessRoleName: "OrganizationAccountAccessRole",
                defaultTags: TAGS,
                accountId: ACCOUNT,
            });
            await waitForRPCs();
            const known = adopted.recorded.find((r) => r.name === "staging");
            assert.ok(
                known !== undefined && !JSON.stringify(known.inputs).includes(UNKNOWN),
                "an adopted account's provider is known at preview",
            );
        });

        it("with the id AWS assigned in config, the allow-list is that id: a different created account stops the provider", async () => {
            const { mocks: known } = await build({ creation: CREATION, accountId: ACCOUNT });
            const account = known.named("staging-account-account");
            const provider = known.named("staging");
            assert.deepStrictEqual(decoded(provider.inputs.allowedAccountIds), [ACCOUNT]);
            assert.deepStrictEqual(provider.propertyDependencies["assumeRoles"], [account.urn], "the role still follows the Account");
        });
    });
});
