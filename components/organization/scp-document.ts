/**
 * Service control policy documents as plain data: the types, the size limit AWS Organizations
 * enforces, and the one way a document is turned into the policy content that is sent.
 */

/** A condition value as IAM accepts it: one string or boolean, or a list of strings. */
export type ConditionValue = string | boolean | readonly string[];

/** `{ Operator: { ConditionKey: value } }`. */
export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, ConditionValue>>>>;

/** One statement of an SCP. Guardrails only deny; `Allow` is here because the IAM grammar has it. */
export interface ScpStatement {
    /** Alphanumeric statement id, unique within its document. */
    readonly Sid: string;
    readonly Effect: "Allow" | "Deny";
    /** Actions denied; exactly one of `Action` and `NotAction`. */
    readonly Action?: string | readonly string[];
    /** Every action except these is denied; exactly one of `Action` and `NotAction`. */
    readonly NotAction?: string | readonly string[];
    readonly Resource: string | readonly string[];
    readonly Condition?: ConditionBlock;
}

/** An SCP document (IAM policy grammar, version 2012-10-17). */
export interface ScpDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly ScpStatement[];
}

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
