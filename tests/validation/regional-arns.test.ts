import * as assert from "assert";
import { ACM_CERTIFICATE_ARN, ALB_LISTENER_ARN, validCertificateArnIn } from "../../validation/regional-arns";

describe("regional ARNs", () => {
    it("ACM certificate and ALB listener ARNs capture their region and account", () => {
        const certificate = ACM_CERTIFICATE_ARN.exec("arn:aws:acm:eu-west-1:111111111111:certificate/3f0c2a7e-8b14-4d6a-9e25-c1d7b08f4a63");
        assert.deepStrictEqual(certificate?.slice(1), ["eu-west-1", "111111111111"]);
        assert.strictEqual(ACM_CERTIFICATE_ARN.test("arn:aws:acm:eu-west-1:111111111111:certificate/not-a-uuid"), false);
        const listener = ALB_LISTENER_ARN.exec(
            "arn:aws:elasticloadbalancing:us-east-2:222222222222:listener/app/orders-internal/50dc6c495c0c9188/f2f7dc8efc522ab2",
        );
        assert.deepStrictEqual(listener?.slice(1), ["us-east-2", "222222222222"]);
        assert.strictEqual(
            ALB_LISTENER_ARN.test(
                "arn:aws:elasticloadbalancing:us-east-2:222222222222:listener-rule/app/a/50dc6c495c0c9188/f2f7dc8efc522ab2/1",
            ),
            false,
        );
    });

    it("refuses an ARN of another region or account, naming both", () => {
        const arn = "arn:aws:acm:eu-west-1:111111111111:certificate/3f0c2a7e-8b14-4d6a-9e25-c1d7b08f4a63";
        assert.strictEqual(validCertificateArnIn("certificateArn", arn, "eu-west-1", "111111111111"), arn);
        assert.throws(
            () => validCertificateArnIn("certificateArn", arn, "eu-central-1", "111111111111"),
            /certificateArn: .* is not an ACM certificate ARN .* of region eu-central-1 and account 111111111111$/,
        );
        assert.throws(
            () => validCertificateArnIn("certificateArn", arn, "eu-west-1", "222222222222"),
            /of region eu-west-1 and account 222222222222$/,
        );
    });
});
