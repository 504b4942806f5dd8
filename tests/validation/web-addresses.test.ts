import * as assert from "assert";
import { isHostName, validHttpsUrl } from "../../validation/web-addresses";

/** The values `check` refuses (throws on), so a failure names them. */
const refusedBy = (check: (value: string) => unknown, values: string[]) =>
    values.filter((value) => {
        try {
            check(value);
            return false;
        } catch {
            return true;
        }
    });

describe("web addresses", () => {
    it("host names: two or more lowercase labels of 1-63 a-z 0-9 -, not at a label's ends, 253 characters at most", () => {
        const label63 = "a".repeat(63);
        const longest = [label63, label63, label63, "a".repeat(61)].join(".");
        assert.strictEqual(longest.length, 253);
        assert.deepStrictEqual(
            ["timesheets.staging.example.com", "a.io", "x-1.example.com", "1password.com", longest].filter((name) => !isHostName(name)),
            [],
        );
        assert.deepStrictEqual(
            [
                "timesheets",
                "*.example.com",
                "Timesheets.example.com",
                "-a.example.com",
                "a-.example.com",
                "a..example.com",
                "example.com.",
                `${"a".repeat(64)}.com`,
                `a${longest}`,
                "10.0.0.1",
                "a_b.example.com",
                "",
            ].filter(isHostName),
            [],
        );
        assert.strictEqual(isHostName(42), false);
    });

    it("https URLs: a host name, an optional port and path, returned as written", () => {
        const issuers = [
            "https://login.example.com/oauth2/default",
            "https://tenant.auth0.com/",
            "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123",
            "https://login.example.com:8443/realms/corp",
        ];
        assert.deepStrictEqual(
            issuers.map((issuer) => validHttpsUrl("issuer", issuer)),
            issuers,
        );
        const refused = [
            "http://login.example.com/",
            "https://user:secret@login.example.com/",
            "https://login.example.com/?tenant=1",
            "https://login.example.com/#x",
            "https://10.0.0.1/",
            "https://login.example.com/a b",
            "https://",
            "login.example.com",
            `https://login.example.com/${"p".repeat(2048)}`,
        ];
        assert.deepStrictEqual(
            refusedBy((value) => validHttpsUrl("issuer", value), refused),
            refused,
        );
        assert.throws(
            () => validHttpsUrl("jwt.issuer", "http://x.example.com"),
            /^ArgumentError: jwt\.issuer: "http:\/\/x\.example\.com" is not an https URL/,
        );
    });
});
