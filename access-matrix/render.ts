// The access matrix as a person reads it: rows are probes, columns principals (numbered, with a
// legend), cells A (allowed), - (denied), ? (undecided: counted as allowed), blank where a
// legitimate path does not concern the principal; `!` marks every unexpected cell.
import type { AccessMatrix, MatrixCell } from "./access-matrix";

const SYMBOLS: Readonly<Record<MatrixCell["decision"], string>> = { Allow: "A", ExplicitDeny: "-", ImplicitDeny: "-", Undecided: "?" };

const cellText = (cell: MatrixCell): string => (cell.judged ? `${SYMBOLS[cell.decision]}${cell.unexpected ? "!" : ""}` : "");

export function renderMatrix(stack: string, matrix: AccessMatrix, placement: (account: string) => string): string {
    const width = 4;
    const labels = matrix.rows.map((r) => `${r.kind === "legitimate" ? "+ " : ""}${r.label}: ${r.target.what}`);
    const labelWidth = Math.max(...labels.map((l) => l.length), 10);
    const legend = matrix.principals.map((p, i) => `  ${String(i + 1).padStart(3)}  ${p.label}  (${p.arn}; ${placement(p.account)})`);
    const header = `${"".padEnd(labelWidth)} ${matrix.principals
        .map((_, i) =>
            String(i + 1)
                .padStart(width - 1)
                .padEnd(width),
        )
        .join("")}`;
    const lines = matrix.rows.map(
        (_, r) =>
            `${labels[r].padEnd(labelWidth)} ${matrix.cells[r]
                .map((c) =>
                    cellText(c)
                        .padStart(width - 1)
                        .padEnd(width),
                )
                .join("")}`,
    );
    const findings = matrix.rows.flatMap((row, r) =>
        matrix.cells[r].flatMap((cell, c) =>
            cell.unexpected
                ? [
                      `  ${matrix.principals[c].label} ${cell.decision === "Allow" || cell.decision === "Undecided" ? "can" : "cannot"} ${row.label} (${row.action} on ${row.target.arn}): ${cell.decision}, ${cell.reason}`,
                  ]
                : [],
        ),
    );
    return [
        `Access matrix of stack ${stack}: ${matrix.rows.length} probes x ${matrix.principals.length} principals`,
        "Principals:",
        ...legend,
        "",
        "A allowed, - denied, ? undecided (counted as allowed), ! unexpected; rows with + are legitimate paths that must stay open.",
        header,
        ...lines,
        "",
        matrix.unexpected === 0
            ? "No unexpected cell: every tampering probe is denied to whoever must not have it, every legitimate path is open."
            : `${matrix.unexpected} unexpected cells:`,
        ...findings,
    ].join("\n");
}

/** The matrix for machines: every cell with its decision and reason. */
export function matrixJson(stack: string, matrix: AccessMatrix): unknown {
    return {
        stack,
        unexpected: matrix.unexpected,
        principals: matrix.principals.map((p) => ({ label: p.label, kind: p.kind, arn: p.arn, account: p.account })),
        cells: matrix.rows.flatMap((row, r) =>
            matrix.cells[r].flatMap((cell, c) =>
                cell.judged
                    ? [
                          {
                              probe: row.label,
                              kind: row.kind,
                              action: row.action,
                              resource: row.target.arn,
                              principal: matrix.principals[c].label,
                              decision: cell.decision,
                              reason: cell.reason,
                              unexpected: cell.unexpected,
                          },
                      ]
                    : [],
            ),
        ),
    };
}
