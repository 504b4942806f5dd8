import * as assert from "assert";
import { validRotationDays, validSecretKey } from "../../validation/secrets-manager";
import { VPC_ENDPOINT_ID, validLambdaFunctionArnIn, validRoleArnOf } from "../../validation/workload-identifiers";

/** The values `check` accepts and the values it refuses, as two lists. */
function sorted<T>(check: (value: T) => unknown, values: T[]): { accepted: T[]; refused: T[] } {
    const accepted: T[] = [];
    const refused: T[] = [];
    for (const value of values) {
        try {
            check(value);
            accepted.push(value);
        } catch {
            refused.push(value);
        }
    }
    return { accepted, refused };
}

// The rules of the workload tier: its secrets and the identifiers it takes. Their one-line errors
// are asserted where they are used (tests/workload/).

describe("workload rules", () => {
    it("rotation days: whole numbers from 1 to 1000, Secrets Manager's range", () => {
        assert.deepStrictEqual(
            sorted((v: number) => validRotationDays("days", v), [1, 30, 1000, 0, 1001, 7.5, -1]),
            { accepted: [1, 30, 1000], refused: [0, 1001, 7.5, -1] },
        );
    });

    it("secret keys: lowercase names, never ending in - and six characters (the ARN suffix's shape)", () => {
        assert.deepStrictEqual(
            sorted(
                (v: string) => validSecretKey("name", v),
                [
                    "payment-provider-token",
                    "db",
                    "api-key",
                    "signing-key2024",
                    "stripe-apikey",
                    "token-abc123",
                    "Token",
                    "a/b",
                    "-token",
                    "k".repeat(64),
                ],
            ),
            {
                accepted: ["payment-provider-token", "db", "api-key", "signing-key2024"],
                refused: ["stripe-apikey", "token-abc123", "Token", "a/b", "-token", "k".repeat(64)],
            },
        );
    });

    it("VPC endpoint ids: vpce- and 8 or 17 lowercase hexadecimal digits", () => {
        assert.deepStrictEqual(
            ["vpce-0a1b2c3d4e5f60718", "vpce-1a2b3c4d", "vpce-0A1B2C3D4E5F60718", "vpc-0a1b2c3d4e5f60718", "vpce-0a1b2c3d4e"].map((v) =>
                VPC_ENDPOINT_ID.test(v),
            ),
            [true, true, false, false, false],
        );
    });

    it("Lambda function ARNs: unqualified, a name of 1-64 letters, digits, - and _, in the given region and account", () => {
        const arn = (rest: string) => `arn:aws:lambda:eu-west-1:111111111111:function:${rest}`;
        assert.deepStrictEqual(
            sorted(
                (v: string) => validLambdaFunctionArnIn("fn", v, "eu-west-1", "111111111111"),
                [
                    arn("orders-rotate_token"),
                    arn("f".repeat(64)),
                    arn("f".repeat(65)),
                    arn("rotate:live"),
                    arn("rotate:3"),
                    arn(""),
                    "arn:aws:lambda:eu-west-2:111111111111:function:rotate",
                    "arn:aws:lambda:eu-west-1:222222222222:function:rotate",
                ],
            ).accepted,
            [arn("orders-rotate_token"), arn("f".repeat(64))],
        );
    });

    it("role ARNs of an account: any path, that account only, no wildcard", () => {
        assert.deepStrictEqual(
            sorted(
                (v: string) => validRoleArnOf("role", v, "111111111111"),
                [
                    "arn:aws:iam::111111111111:role/orders-rotate",
                    "arn:aws:iam::111111111111:role/service-role/orders-rotate",
                    "arn:aws:iam::222222222222:role/orders-rotate",
                    "arn:aws:iam::111111111111:role/orders-*",
                    "arn:aws:iam::111111111111:user/orders",
                ],
            ).accepted,
            ["arn:aws:iam::111111111111:role/orders-rotate", "arn:aws:iam::111111111111:role/service-role/orders-rotate"],
        );
    });
});
