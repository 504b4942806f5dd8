/**
 * Service control policy documents as plain data: the document type, the size limit AWS
 * Organizations enforces, and the one way a document is turned into the policy content that is sent.
 */

import type { IdentityPolicyStatement, PolicyDocument } from "../../iam/policy-document";

/**
 * An SCP: the identity-policy shape (it names no principal; it binds the accounts it is attached
 * to). Guardrails only deny; `Allow` is there because the IAM grammar has it.
 */
export type ScpDocument = PolicyDocument<IdentityPolicyStatement>;

/**
 * Largest SCP document AWS Organizations accepts, in characters. The API counts whitespace too
 * (only the console strips it), so the limit applies to the minified JSON that is sent.
 */
export const SCP_MAX_CHARACTERS = 5120;

/** The document as sent to AWS Organizations: minified JSON. */
export function scpContent(document: ScpDocument): string {
    return JSON.stringify(document);
}

/** Characters the document takes against `SCP_MAX_CHARACTERS`. */
export function scpSize(document: ScpDocument): number {
    return scpContent(document).length;
}

/**
 * One document holding the statements of several, in order. Throws if two statements share a Sid
 * or if the result is larger than an SCP may be, naming the document.
 */
export function combineScps(name: string, documents: readonly ScpDocument[]): ScpDocument {
    const combined: ScpDocument = { Version: "2012-10-17", Statement: documents.flatMap((d) => d.Statement) };
    const sids = combined.Statement.map((s) => s.Sid);
    const duplicate = sids.find((sid, i) => sids.indexOf(sid) !== i);
    if (duplicate !== undefined) {
        throw new Error(`SCP ${name}: statement id ${duplicate} appears twice`);
    }
    const size = scpSize(combined);
    if (size > SCP_MAX_CHARACTERS) {
        throw new Error(`SCP ${name}: ${size} characters, more than the ${SCP_MAX_CHARACTERS} an SCP may have`);
    }
    return combined;
}
