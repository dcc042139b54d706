// Cross-footing (SPEC §8): in a table with three or more amount columns, a column that is the sum
// of two others (a = b + c), or a constant share of another (a = k × b, within 0.5 %), on at least
// 80 % of at least 5 data rows; each row breaking the relation is reported at its cell of a.
import { columnLetter } from "../grid";
import type { NumericTable } from "../types";
import type { Rule } from "./context";

const MIN_AMOUNT_COLUMNS = 3;
const MIN_ROWS = 5;
const MIN_SHARE = 0.8;
const RATIO_TOLERANCE = 0.005;

interface Relation {
  a: number;
  /** Sum: the two addends; ratio: the base column and k. */
  b: number;
  c: number | null;
  k: number;
  text: string;
  bad: number[];
}

const label = (t: NumericTable, i: number): string => t.columns[i].header || columnLetter(t.columns[i].col);

/** Rows where all the given columns hold an amount. */
function rowsWith(t: NumericTable, cols: number[]): number[] {
  const out: number[] = [];
  for (let r = 0; r < t.rows.length; r++) if (cols.every((c) => t.values[c][r] !== null)) out.push(r);
  return out;
}

function sumRelations(t: NumericTable): Relation[] {
  const found: Relation[] = [];
  const n = t.columns.length;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      for (let c = b + 1; c < n; c++) {
        if (a === b || a === c) continue;
        const rows = rowsWith(t, [a, b, c]);
        if (rows.length < MIN_ROWS) continue;
        const v = t.values;
        const holds = rows.filter((r) => (v[a][r] as number) === (v[b][r] as number) + (v[c][r] as number));
        // Both addends must carry money on the rows that hold: a column of zeros makes a = b trivially.
        const real = holds.filter((r) => v[b][r] !== 0 && v[c][r] !== 0).length;
        if (holds.length < rows.length * MIN_SHARE || real < holds.length / 2) continue;
        found.push({ a, b, c, k: 1, text: `${label(t, a)} = ${label(t, b)} + ${label(t, c)}`, bad: rows.filter((r) => !holds.includes(r)) });
      }
    }
  }
  return found;
}

function ratioRelations(t: NumericTable): Relation[] {
  const found: Relation[] = [];
  const n = t.columns.length;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a === b) continue;
      const rows = rowsWith(t, [a, b]).filter((r) => t.values[b][r] !== 0);
      if (rows.length < MIN_ROWS) continue;
      const ratios = rows.map((r) => (t.values[a][r] as number) / (t.values[b][r] as number)).sort((x, y) => x - y);
      const k = ratios[Math.floor(ratios.length / 2)];
      // a is the share (k < 1): equal columns (k = 1) are no relation, and each pair is seen once.
      if (!(k > 0 && k < 1 - RATIO_TOLERANCE)) continue;
      const fits = (r: number): boolean => {
        const want = k * (t.values[b][r] as number);
        return Math.abs((t.values[a][r] as number) - want) <= Math.max(Math.abs(want) * RATIO_TOLERANCE, 1);
      };
      const holds = rows.filter(fits);
      if (holds.length < rows.length * MIN_SHARE) continue;
      const pct = Math.round(k * 10000) / 100;
      found.push({ a, b, c: null, k, text: `${label(t, a)} = ${pct}% × ${label(t, b)}`, bad: rows.filter((r) => !fits(r)) });
    }
  }
  return found;
}

export const crossFooting: Rule = {
  name: "cross-footing",
  codes: ["row-arithmetic-mismatch"],
  check({ model, emit }) {
    for (const t of model.tables ?? []) {
      if (t.columns.length < MIN_AMOUNT_COLUMNS) continue;
      const reported = new Set<string>();
      for (const rel of [...sumRelations(t), ...ratioRelations(t)]) {
        for (const r of rel.bad) {
          const key = `${t.rows[r]}|${rel.a}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const v = t.values;
          const expected = rel.c === null ? Math.round(rel.k * (v[rel.b][r] as number)) : (v[rel.b][r] as number) + (v[rel.c][r] as number);
          emit("row-arithmetic-mismatch", { sheet: t.sheet, row: t.rows[r], col: t.columns[rel.a].col }, {
            raw: rel.text, field: label(t, rel.a), expectedFen: expected, actualFen: v[rel.a][r] as number,
            severity: rel.c === null ? "warning" : undefined,
          });
        }
      }
    }
  },
};
