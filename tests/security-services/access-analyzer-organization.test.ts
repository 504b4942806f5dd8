import * as assert from "assert";
import { dependenciesOf, only, type RecordingMocks } from "../network/recording-mocks";
import { build, SECURITY_ACCOUNT, T } from "./build";

describe("AccessAnalyzerOrganization (through DelegatedSecurityAdministration)", () => {
    let mocks: RecordingMocks;
    before(async () => {
        ({ mocks } = await build());
    });

    it("registers the security account as Access Analyzer's delegated administrator in Organizations, from the management account, protected", () => {
        const delegation = only(mocks, T.delegatedAdministrator);
        assert.deepStrictEqual(
            [delegation.inputs.accountId, delegation.inputs.servicePrincipal, delegation.protect],
            [SECURITY_ACCOUNT, "access-analyzer.amazonaws.com", true],
        );
        assert.strictEqual(delegation.provider, mocks.providerReference("management"));
    });

    it("creates an ORGANIZATION analyzer (zone of trust: the organisation) in the security account, named with the prefix", () => {
        const analyzer = only(mocks, T.analyzer);
        assert.deepStrictEqual(
            [analyzer.inputs.type, analyzer.inputs.analyzerName, analyzer.tags, analyzer.protect],
            ["ORGANIZATION", "zero-trust-organization", { Name: "zero-trust-organization-access-analyzer" }, false],
        );
        assert.strictEqual(analyzer.provider, mocks.providerReference("security"));
    });

    it("creates the analyzer only after the delegation (AWS refuses an organisation analyzer elsewhere)", () => {
        assert.ok(dependenciesOf(mocks, only(mocks, T.analyzer).name).includes(only(mocks, T.delegatedAdministrator).urn));
    });

    it("names the analyzer with the prefix given", async () => {
        const { mocks: prefixed } = await build({ namePrefix: "acme" });
        assert.strictEqual(only(prefixed, T.analyzer).inputs.analyzerName, "acme-organization");
    });
});
