// `--config rules.json`: read, parsed and checked field by field before any workbook is read, so
// a wrong type is a config error naming the JSON path (exit 2), never an engine failure.
import * as fs from "fs";
import type { RuleConfig } from "../core";
import { selectionProblems } from "../core/selection";
import { CliError } from "./cli-error";

type Check = (v: unknown, at: string) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

const number =
  (min: number, max: number): Check =>
  (v) =>
    typeof v !== "number" || !Number.isFinite(v) ? "应为数字" : v < min || v > max ? `应在 ${min} 到 ${max} 之间` : null;

const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === "string" && values.includes(v) ? null : `只能是 ${values.map((x) => `"${x}"`).join(" 或 ")}`;

const text: Check = (v) => (typeof v === "string" ? null : "应为文字");
const orNull =
  (check: Check): Check =>
  (v, at) =>
    v === null ? null : check(v, at);

/** Fields of one scope patch (SPEC §10): every one optional. */
const SCOPE_FIELDS: Record<string, Check> = {
  name: text,
  status: oneOf("allowed", "forbidden", "review"),
  areas: (v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? null : "应为文字列表，例如 [\"甲区\"]"),
  keywords: (v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? null : "应为文字列表，例如 [\"直播\"]"),
  capPercent: orNull(number(0, 100)),
  capFen: orNull(number(0, Number.MAX_SAFE_INTEGER)),
  note: text,
};

/** Known settings; others are passed on untouched (the engine ignores what it does not know). */
const FIELDS: Record<string, Check> = {
  executionReasonThreshold: number(0, 1),
  overshootRatio: number(1, 1000),
  paidTraffic: oneOf("allow", "forbid"),
  amountUnit: oneOf("yuan", "wan"),
  profile: oneOf("电商", "经济分类", "auto"),
  qualitative: (v) => (isObject(v) ? null : '应为对象，例如 {"达成": 1}'),
  standardWeights: (v) => (isObject(v) ? null : '应为对象，例如 {"产出指标": 50}'),
  scope: (v) => (Array.isArray(v) ? null : '应为列表，例如 [{"name": "直播推广", "status": "review"}]'),
};

/** The first problem in `config` as "path 应为…", or null. */
export function configProblem(config: Record<string, unknown>): string | null {
  const show = (at: string, why: string, v: unknown): string => `${at} ${why}（收到 ${JSON.stringify(v) ?? String(v)}）`;
  for (const [key, check] of Object.entries(FIELDS)) {
    if (!(key in config)) continue;
    const v = config[key];
    const why = check(v, key);
    if (why) return show(key, why, v);
  }
  for (const [key, nested] of [
    ["qualitative", number(0, 1)],
    ["standardWeights", number(0, 100)],
  ] as const) {
    const obj = config[key];
    if (!isObject(obj)) continue;
    for (const [k, v] of Object.entries(obj)) {
      const why = nested(v, `${key}.${k}`);
      if (why) return show(`${key}.${k}`, why, v);
    }
  }
  const scope = config.scope;
  if (Array.isArray(scope)) {
    for (let i = 0; i < scope.length; i++) {
      const patch: unknown = scope[i];
      if (!isObject(patch)) return show(`scope[${i}]`, "应为对象", patch);
      for (const [k, check] of Object.entries(SCOPE_FIELDS)) {
        if (!(k in patch)) continue;
        const why = check(patch[k], `scope[${i}].${k}`);
        if (why) return show(`scope[${i}].${k}`, why, patch[k]);
      }
    }
  }
  return null;
}

export function readConfig(file: string | undefined): RuleConfig | undefined {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new CliError(`无法读取配置文件 ${file}：请检查路径`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new CliError(`配置文件 ${file} 不是有效的 JSON（${(e as Error).message}）`);
  }
  if (!isObject(config)) throw new CliError(`配置文件 ${file} 应是一个 JSON 对象，例如 {"executionReasonThreshold": 0.9}`);
  const problem = configProblem(config) ?? selectionProblems(config as RuleConfig)[0] ?? null;
  if (problem) throw new CliError(`--config ${file}：${problem}`);
  return config as RuleConfig;
}
