import { z } from "zod";
import { strictObjectError } from "./schema-helpers";

// `zero-trust-aws:pipeline` (components/identity/pipeline-identities.ts): the GitHub repository
// whose workflows the pipeline roles trust. GitHub puts both names in the OIDC token's `sub` claim
// as they are spelt on GitHub, and the trust compares them case-sensitively.

const PIPELINE_KEYS = ["githubOwner", "githubRepository"] as const;

/** GitHub's rule for a user or organisation name: 1 to 39 letters, digits or single hyphens, no hyphen at either end. */
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const GITHUB_OWNER_EXPECTED = "a GitHub user or organisation name: 1 to 39 letters, digits or single hyphens, no hyphen at either end";

/** GitHub's rule for a repository name: 1 to 100 letters, digits, `.`, `-` or `_`, and not `.` or `..`. */
const GITHUB_REPOSITORY = /^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;
const GITHUB_REPOSITORY_EXPECTED = "a GitHub repository name: 1 to 100 letters, digits, ., - or _ (not . or ..), without the owner";

export const pipelineSchema = z.strictObject(
    {
        githubOwner: z
            .string({ error: GITHUB_OWNER_EXPECTED })
            .regex(GITHUB_OWNER, { error: GITHUB_OWNER_EXPECTED })
            .meta({ description: "e.g. `example-org`: the repository's owner, spelt as on GitHub (the token's `sub` is case-sensitive)" }),
        githubRepository: z
            .string({ error: GITHUB_REPOSITORY_EXPECTED })
            .regex(GITHUB_REPOSITORY, { error: GITHUB_REPOSITORY_EXPECTED })
            .meta({
                description:
                    "e.g. `zero-trust-aws`: the repository whose pull requests may assume pipeline-preview and whose GitHub environments may assume pipeline-deploy-<stack>",
            }),
    },
    { error: strictObjectError(PIPELINE_KEYS, "an object with githubOwner and githubRepository") },
);
