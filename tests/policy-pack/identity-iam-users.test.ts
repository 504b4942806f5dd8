// identity-no-iam-users on both providers: every user, login profile and access key is refused
// outside the break-glass list, a break-glass user's access key needs the second list, names are
// exact, malformed names are refused, and a user name unknown during preview waits only when a
// list could still let the resource pass.

import { strict as assert } from "assert";
import {
    assertEvaluated,
    check,
    isUnknownValueError,
    resourcePolicy,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    unknownCheckingProxy,
} from "./harness";

const policy = resourcePolicy("identity-no-iam-users");

const USER = "aws:iam/user:User";
const LOGIN_PROFILE = "aws:iam/userLoginProfile:UserLoginProfile";
const ACCESS_KEY = "aws:iam/accessKey:AccessKey";
const NATIVE_USER = "aws-native:iam:User";

/** A resource of `type` belonging to user `name`, as its provider names the user. */
function ofUser(type: string, name: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
    switch (type) {
        case USER:
            return { name, ...extra };
        case NATIVE_USER:
            return { userName: name, ...extra };
        default:
            return { user: name, ...extra };
    }
}

const BREAK_GLASS = { breakGlassUserNames: ["break-glass"] };
const BREAK_GLASS_WITH_KEY = { ...BREAK_GLASS, breakGlassUsersWithAccessKeys: ["break-glass"] };

describe("identity-no-iam-users", () => {
    it("refuses every IAM user, console password and access key of both providers when no break-glass user is named", () => {
        for (const type of [USER, LOGIN_PROFILE, ACCESS_KEY, NATIVE_USER]) {
            const messages = check(policy, type, ofUser(type, "deployer"));
            assert.equal(messages.length, 1, type);
            assert.match(messages[0], /"deployer" is not in breakGlassUserNames/);
            assert.match(messages[0], /long-lived credentials/);
        }
        assert.match(check(policy, ACCESS_KEY, { user: "deployer" })[0], /^An access key of IAM user "deployer"/);
        assert.match(check(policy, LOGIN_PROFILE, { user: "deployer" })[0], /^The console password of IAM user "deployer"/);
        assert.match(
            check(policy, NATIVE_USER, { userName: "ops", loginProfile: { password: "x" } })[0],
            /console password \(loginProfile\)/,
        );
    });

    it("passes a break-glass user and its console password, on both providers (compliant twins)", () => {
        for (const type of [USER, LOGIN_PROFILE, NATIVE_USER]) {
            assert.deepEqual(check(policy, type, ofUser(type, "break-glass"), BREAK_GLASS), [], type);
        }
        assert.deepEqual(check(policy, NATIVE_USER, { userName: "break-glass", loginProfile: { password: "x" } }, BREAK_GLASS), []);
        // The list names users, not every user: another one still fails.
        assert.equal(check(policy, USER, { name: "deployer" }, BREAK_GLASS).length, 1);
    });

    it("refuses a break-glass user's access key unless breakGlassUsersWithAccessKeys allows it", () => {
        assert.match(check(policy, ACCESS_KEY, { user: "break-glass" }, BREAK_GLASS)[0], /not in breakGlassUsersWithAccessKeys/);
        assert.deepEqual(check(policy, ACCESS_KEY, { user: "break-glass" }, BREAK_GLASS_WITH_KEY), []);
        // The second list alone makes no break-glass user.
        assert.match(
            check(policy, ACCESS_KEY, { user: "deployer" }, { breakGlassUsersWithAccessKeys: ["deployer"] })[0],
            /not in breakGlassUserNames/,
        );
    });

    it("compares names exactly (after trimming): another case or a prefix is another user", () => {
        for (const name of ["Break-Glass", "break-glass-2", "break"]) {
            assert.equal(check(policy, USER, { name }, BREAK_GLASS).length, 1, name);
        }
        assert.deepEqual(check(policy, LOGIN_PROFILE, { user: " break-glass " }, { breakGlassUserNames: ["break-glass "] }), []);
        // Blank list entries name nobody.
        assert.equal(check(policy, NATIVE_USER, { loginProfile: { password: "x" } }, { breakGlassUserNames: [" "] }).length, 1);
    });

    it("refuses a user without a name and a name that is not text, and reads odd config as empty lists", () => {
        assert.match(check(policy, NATIVE_USER, {}, BREAK_GLASS)[0], /sets no userName, so it is no break-glass user/);
        for (const user of [42, ["break-glass"], { name: "break-glass" }, true]) {
            const messages = check(policy, ACCESS_KEY, { user }, BREAK_GLASS_WITH_KEY);
            assertEvaluated(messages);
            assert.match(messages[0], /its user is not a name/);
        }
        for (const breakGlassUserNames of ["break-glass", { "break-glass": true }, [7], null]) {
            assert.equal(check(policy, USER, { name: "break-glass" }, { breakGlassUserNames }).length, 1);
        }
    });

    it("preview: an unknown user name waits only when the lists could let the resource pass", () => {
        // Nothing named: the verdict does not depend on the name.
        assert.match(check(policy, ACCESS_KEY, unknownCheckingProxy({ user: UNKNOWN_STRING }))[0], /breakGlassUserNames names no user/);
        assert.match(
            check(policy, ACCESS_KEY, unknownCheckingProxy({ user: UNKNOWN_STRING }), BREAK_GLASS)[0],
            /breakGlassUsersWithAccessKeys names no user/,
        );
        assert.throws(
            () => check(policy, ACCESS_KEY, unknownCheckingProxy({ user: UNKNOWN_STRING }), BREAK_GLASS_WITH_KEY),
            isUnknownValueError,
        );
        assert.throws(() => check(policy, USER, unknownCheckingProxy({ name: UNKNOWN_STRING }), BREAK_GLASS), isUnknownValueError);
        // An unknown console password changes nothing: the user decides.
        assert.deepEqual(
            check(policy, NATIVE_USER, unknownCheckingProxy({ userName: "break-glass", loginProfile: UNKNOWN_OBJECT }), BREAK_GLASS),
            [],
        );
    });

    it("an exemption with a reason silences one user", () => {
        const exemptions = [{ resourceName: "subject", reason: "the vendor's SFTP integration needs a user until it supports roles" }];
        assert.deepEqual(check(policy, USER, { name: "vendor" }, { exemptions }), []);
    });
});
