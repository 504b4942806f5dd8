// The volumes key's policy names Auto Scaling's service-linked role, and KMS refuses a key policy
// naming a principal that does not exist: the first-deployment order (docs/deploying.md) must create the role
// in each environment account before that environment's first `pulumi up`.
import * as assert from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { autoScalingServiceLinkedRole } from "../../iam/arns";

const DEPLOYING = fs.readFileSync(path.join(__dirname, "../../docs/deploying.md"), "utf8");

/** The numbered steps of "Order of first deployment". */
function firstDeploymentOrder(): string {
    const start = DEPLOYING.indexOf("**Order of first deployment");
    assert.ok(start >= 0, "docs/deploying.md has the first-deployment order");
    const end = DEPLOYING.indexOf("\n\n", DEPLOYING.indexOf("\n1. ", start));
    return DEPLOYING.slice(start, end);
}

describe("first deployment order (docs/deploying.md)", () => {
    it("creates Auto Scaling's service-linked role, the one the volumes key names, before the environment's first pulumi up", () => {
        const order = firstDeploymentOrder();
        assert.match(
            autoScalingServiceLinkedRole("111111111111"),
            /:role\/aws-service-role\/autoscaling\.amazonaws\.com\/AWSServiceRoleForAutoScaling$/,
        );
        const create = order.indexOf("aws iam create-service-linked-role --aws-service-name autoscaling.amazonaws.com");
        const environmentUp = order.indexOf("`pulumi up -s <env>`");
        assert.ok(create >= 0, "the step creating the role is listed");
        assert.ok(environmentUp > create, "the role is created before the environment's pulumi up");
        assert.ok(create > order.indexOf("**`pulumi up -s management`**"), "after the management stack, in the environment's step");
    });
});
