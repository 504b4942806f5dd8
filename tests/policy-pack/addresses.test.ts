import { strict as assert } from "assert";
import { judgeSources, measureSources, parseCidr } from "../../policy-pack/network/addresses";

describe("policy-pack network/addresses", () => {
    describe("parseCidr", () => {
        it("parses canonical and non-canonical spellings of the whole internet", () => {
            for (const text of ["0.0.0.0/0", "0.0.0.0/00", " 0.0.0.0/0 ", "0.0.0.0 / 0", "0.0.0.0/0\n"]) {
                const block = parseCidr(text);
                assert.equal(block?.family, "ipv4", text);
                assert.equal(block?.text, "0.0.0.0/0", text);
            }
            for (const text of ["::/0", "0::/0", "0:0:0:0:0:0:0:0/0", " ::/0"]) {
                assert.equal(parseCidr(text)?.text, "::/0", text);
            }
        });

        it("masks host bits and takes bare addresses as single hosts", () => {
            assert.equal(parseCidr("10.1.2.3/8")?.text, "10.0.0.0/8");
            assert.equal(parseCidr("203.0.113.7")?.text, "203.0.113.7/32");
            assert.equal(parseCidr("2001:db8::1")?.text, "2001:db8::1/128");
        });

        it("returns undefined, never throws, for what is not a CIDR", () => {
            for (const value of ["", "abc", "0.0.0.0/33", "::/129", "0.0.0.0/-1", "1.2.3.4/8/8", 42, null, undefined, {}, [], true]) {
                assert.equal(parseCidr(value), undefined, JSON.stringify(value));
            }
        });
    });

    describe("judgeSources", () => {
        const internet = (cidrs: unknown[]) => judgeSources(cidrs).kind === "internet";

        it("catches 0.0.0.0/0 and ::/0", () => {
            assert.ok(internet(["0.0.0.0/0"]));
            assert.ok(internet(["::/0"]));
        });

        it("catches a split that covers the internet (two /1s, four /2s, IPv6 halves)", () => {
            assert.ok(internet(["0.0.0.0/1", "128.0.0.0/1"]));
            assert.ok(internet(["0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/2", "192.0.0.0/2"]));
            assert.ok(internet(["::/1", "8000::/1"]));
            assert.match((judgeSources(["0.0.0.0/1", "128.0.0.0/1"]) as { reason: string }).reason, /together cover 0\.0\.0\.0\/0/);
        });

        it("passes private and shared space of any width", () => {
            assert.ok(!internet(["10.0.0.0/8"]));
            assert.ok(!internet(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"]));
            assert.ok(!internet(["fc00::/7"]));
            assert.ok(!internet(["fe80::/10"]));
        });

        it("draws the public-width line at a /8 of IPv4 and a /16 of IPv6 by default", () => {
            assert.ok(!internet(["52.0.0.0/9"]), "a public /9 is bounded");
            assert.ok(!internet(["52.0.0.0/8"]), "exactly a /8 is still bounded");
            assert.ok(internet(["52.0.0.0/7"]), "a public /7 is public in all but name");
            assert.ok(internet(["52.0.0.0/8", "54.0.0.0/8"]), "two public /8s exceed one /8");
            assert.ok(!internet(["2600::/17"]));
            assert.ok(!internet(["2600::/16"]));
            assert.ok(internet(["2600::/15"]));
            assert.ok(internet(["0.0.0.0/1"]), "a /1 holds far more than a /8 of public space");
        });

        it("counts only the public part of a wide set", () => {
            // 8.0.0.0/7 minus nothing private: 2^25 public; 10.0.0.0/7 = 10/8 (private) + 11/8 (public)
            assert.ok(!internet(["10.0.0.0/7"]));
            const reach = measureSources(["10.0.0.0/7"]);
            assert.equal(reach.ipv4.publicAddresses, 1n << 24n);
        });

        it("honours configured limits", () => {
            assert.ok(judgeSources(["52.0.0.0/9"], { ipv4PublicPrefix: 16, ipv6PublicPrefix: 16 }).kind === "internet");
            assert.ok(judgeSources(["52.0.0.0/7"], { ipv4PublicPrefix: 0, ipv6PublicPrefix: 0 }).kind === "bounded");
            assert.ok(judgeSources(["0.0.0.0/0"], { ipv4PublicPrefix: 0, ipv6PublicPrefix: 0 }).kind === "internet");
        });

        it("treats unparseable values as the internet (fail closed) and skips absent ones", () => {
            assert.ok(internet(["10.0.0.0/8", "not-a-cidr"]));
            assert.ok(internet([42]));
            assert.ok(!internet([null, undefined, "10.0.0.0/8"]));
        });
    });
});
