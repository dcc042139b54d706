import * as React from "react";
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, ProgressIndicator, Stack, Text } from "@fluentui/react";
import type { EngineProgress, Finding, Lang, ResultWithoutLines, SheetLayout, WorkbookGrids } from "../core";
import { guessMerges, mergeNotice, protectedNotice } from "../host/merge-gaps";
import type { PaneEngine } from "./engine";
import type { ReadProgress, Settings, WorkbookOps } from "./ops";
import { strings } from "./i18n";
import { DEFAULT_SETTINGS, normaliseSettings, settingsToConfig } from "./settings";
import { clock, score, splitCell } from "./format";
import { Header } from "./components/header";
import { SummaryCards } from "./components/summary-cards";
import { FindingsList } from "./components/findings-list";
import { FillDialog, type FillPreview } from "./components/fill-dialog";
import { SettingsPanel } from "./components/settings-panel";
import { useColumnMap } from "./components/column-map-state";
import { downloadFile, type SaveFile } from "./download";
import { ValidationCancelled } from "./worker-validate";

export interface AppProps {
  ops: WorkbookOps;
  engine: PaneEngine;
  lang: Lang;
  /** Shown in the header and written into 审核结果. */
  workbookName?: string;
  /** Virtualise the findings list (jsdom tests turn it off). */
  virtualize?: boolean;
  now?: () => Date;
  /** Hands a file made in the pane to the user (a browser download; tests record it). */
  saveFile?: SaveFile;
}

type BusyKind = "validate" | "mark" | "clear" | "fill" | "report" | "template" | "settings";

interface Busy {
  kind: BusyKind;
  label: string;
  /** 0..1, or undefined for an indeterminate bar. */
  percent?: number;
}

interface Notice {
  type: MessageBarType;
  text: string;
}

// Input sheets the template creates, by the role the engine reports them under.
const TEMPLATE_ROLES: Record<string, keyof ResultWithoutLines["model"]["sheets"]> = {
  项目信息: "project",
  资金分配: "allocation",
  支出明细: "spending",
  支出范围: "scope",
  绩效指标: "indicators",
};

// Shares of the progress bar: reading from Excel, then the engine parsing the rows (its rules take the rest).
const READ_SHARE = 0.6;
const PARSE_SHARE = 0.25;

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

function rowCount(layout: SheetLayout): number {
  return layout.cells.reduce((max, c) => Math.max(max, c.row + 1), 0);
}

export function App({ ops, engine, lang, workbookName, virtualize = true, now = () => new Date(), saveFile = downloadFile }: AppProps): React.ReactElement {
  const t = strings(lang);
  const [settings, setSettings] = React.useState<Settings>(DEFAULT_SETTINGS);
  const [settingsOpen, setSettingsOpen] = React.useState(false);
  const [busy, setBusy] = React.useState<Busy | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [result, setResult] = React.useState<ResultWithoutLines | null>(null);
  const [validatedAt, setValidatedAt] = React.useState<Date | null>(null);
  const [sheetNames, setSheetNames] = React.useState<string[]>([]);
  const [fill, setFill] = React.useState<(FillPreview & { layouts: SheetLayout[] }) | null>(null);
  const [grids, setGrids] = React.useState<WorkbookGrids | null>(null);
  const validation = React.useRef<AbortController | null>(null);
  const [rendering, startTransition] = React.useTransition();

  React.useEffect(() => {
    let live = true;
    ops.loadSettings().then(
      (raw) => live && setSettings(normaliseSettings(raw)),
      () => undefined, // unreadable settings: the defaults apply
    );
    return () => {
      live = false;
    };
  }, [ops]);

  // Excel refused a run while a cell is being edited: ask for Enter at once, not after the retries.
  React.useEffect(() => ops.onCellEditWait?.(() => setNotice({ type: MessageBarType.warning, text: t.finishCellEdit })), [ops, t]);

  /** Runs one operation with the bar shown and every action disabled; failures become a notice. */
  const run = async (kind: BusyKind, label: string, work: () => Promise<void>): Promise<void> => {
    if (busy) return;
    setBusy({ kind, label });
    setNotice(null);
    try {
      await work();
    } catch (err) {
      if (err instanceof ValidationCancelled) setNotice({ type: MessageBarType.info, text: t.validationCancelled });
      else setNotice({ type: MessageBarType.error, text: `${t.errorPrefix}${errorText(err)}` });
    } finally {
      setBusy(null);
    }
  };

  const validate = (): Promise<void> => validateWith(settings);

  /** `before` (saving a column map) runs inside the same busy state; its warning is shown at the end. */
  const validateWith = (current: Settings, before?: () => Promise<string | null>): Promise<void> =>
    run("validate", t.statusReading, async () => {
      const warning = before ? await before() : null;
      // The bar: Excel's rows read 0–60 %, the engine parsing them 60–85 %, its rules 85–100 %.
      const onProgress = (p: ReadProgress): void => {
        setBusy({ kind: "validate", label: t.statusReadingRows(p.done, p.total, p.sheet ?? ""), percent: p.total > 0 ? (READ_SHARE * p.done) / p.total : undefined });
      };
      const onEngine = (p: EngineProgress): void => {
        const part = p.total > 0 ? p.done / p.total : 1;
        if (p.phase === "read") setBusy({ kind: "validate", label: t.statusParsingRows(p.done, p.total, p.sheet ?? ""), percent: READ_SHARE + PARSE_SHARE * part });
        else setBusy({ kind: "validate", label: t.statusRules(p.done, p.total), percent: READ_SHARE + PARSE_SHARE + (1 - READ_SHARE - PARSE_SHARE) * part });
      };
      const abort = new AbortController();
      validation.current = abort;
      try {
        const read = await ops.readWorkbook(onProgress);
        if (abort.signal.aborted) throw new ValidationCancelled();
        setBusy({ kind: "validate", label: t.statusValidating, percent: READ_SHARE });
        const options = { lang, config: settingsToConfig(current) };
        let res = await engine.validateAsync(read, options, abort.signal, onEngine);
        let grids: WorkbookGrids = read;
        // Merged cells unreadable (below ExcelApi 1.13): likely merges are taken as such, and said.
        if (read.mergesUnread?.length && res.findings.some((f) => f.code === "required-missing" && read.mergesUnread?.includes(f.sheet))) {
          const guess = guessMerges(read, res.findings);
          if (guess.guesses.length) res = await engine.validateAsync((grids = guess.grids), options, abort.signal, onEngine);
          setNotice({ type: MessageBarType.warning, text: mergeNotice(lang, guess.guesses) });
        }
        // A long list renders at low priority: the pane keeps answering input meanwhile.
        startTransition(() => {
          setResult(res);
          setValidatedAt(now());
          setSheetNames(grids.sheets.map((s) => s.name));
          setGrids(grids);
        });
        if (warning) setNotice({ type: MessageBarType.warning, text: warning });
      } finally {
        validation.current = null;
      }
    });

  const selectFinding = (f: Finding): void => {
    const [sheet, address] = splitCell(f.cell, f.sheet);
    ops.selectCell(sheet, address).catch((err: unknown) => setNotice({ type: MessageBarType.error, text: t.selectFailed(f.cell, errorText(err)) }));
  };

  const mark = (): Promise<void> =>
    run("mark", t.statusMarking, async () => {
      const markable = (result?.findings ?? []).filter((f) => f.severity !== "info");
      if (markable.length === 0) {
        setNotice({ type: MessageBarType.info, text: t.nothingToMark });
        return;
      }
      const n = await ops.markFindings(markable);
      const support = ops.apiSupport();
      const locked = protectedNotice(lang, ops.protectedSheets?.() ?? []);
      // What the host really took: notes it refused went to comments, or the fill stayed alone.
      const texts = ops.markedWith?.() ?? (support.notes || support.comments ? "note" : "fill");
      const how = texts === "fill" ? t.markedFillOnly : texts === "comment" && support.notes ? t.markedInComments : "";
      setNotice({ type: locked || how === t.markedInComments ? MessageBarType.warning : MessageBarType.success, text: `${t.marked(n)}${how}${locked}` });
    });

  const clearMarks = (): Promise<void> =>
    run("clear", t.statusClearing, async () => {
      const n = await ops.clearMarks();
      const locked = protectedNotice(lang, ops.protectedSheets?.() ?? []);
      setNotice({ type: locked ? MessageBarType.warning : MessageBarType.success, text: `${t.cleared(n)}${locked}` });
    });

  const prepareFill = (): Promise<void> =>
    run("fill", t.statusReading, async () => {
      if (!result) return;
      const selfEvalGrid = await ops.readSheet(engine.selfEvalSheet);
      const findingsGrid = await ops.readSheet(engine.findingsSheet);
      const keptReasons = selfEvalGrid ? engine.readKeptReasons(selfEvalGrid) : new Map<string, string>();
      const reviews = findingsGrid ? engine.readReviews(findingsGrid) : new Map();
      const selfEval = engine.selfEvaluationLayout(result, { keptReasons });
      const findingsSheet = engine.findingsLayout(result, { workbook: workbookName ?? "", time: now(), reviews, lang });
      const keptReviews = result.findings.filter((f) => reviews.has(`${f.code}|${f.cell}`)).length;
      const lines = [t.fillSelfEval(rowCount(selfEval), score(result.evaluation.total), result.evaluation.grade), t.fillFindings(result.findings.length, keptReviews)];
      if (keptReasons.size > 0) lines.push(t.fillKept(keptReasons.size));
      setFill({ lines, layouts: [selfEval, findingsSheet] });
    });

  const confirmFill = (): Promise<void> =>
    run("fill", t.statusWriting, async () => {
      if (!fill) return;
      try {
        await ops.writeLayouts(fill.layouts);
      } finally {
        setFill(null); // on failure too, so the error notice is not hidden behind the dialog
      }
      setNotice({ type: MessageBarType.success, text: t.written(fill.layouts.map((l) => l.name).join("、")) });
    });

  // The workbook is read afresh, so the report carries the figures as they are now; it is a
  // Chinese document (finding messages in zh) whatever the pane's language.
  const writeReport = (): Promise<void> =>
    run("report", t.statusReport, async () => {
      const grids = await ops.readWorkbook();
      const res = engine.validateWorkbook(grids, { lang: "zh", config: settingsToConfig(settings) });
      if (!engine.hasReadableInput(res)) {
        setNotice({ type: MessageBarType.warning, text: t.reportNothing });
        return;
      }
      const { name, bytes } = await engine.reportDocx(res);
      saveFile(name, bytes);
      setNotice({ type: MessageBarType.success, text: t.reportSaved(name) });
    });

  const missingSheets = (result?.findings ?? []).some((f) => f.code === "sheet-missing");

  const writeTemplate = (): Promise<void> =>
    run("template", t.statusWriting, async () => {
      if (!result) return;
      const existing = new Set(sheetNames.map((n) => n.trim()));
      const layouts = engine.templateLayouts().filter((l) => {
        const role = TEMPLATE_ROLES[l.name];
        return !existing.has(l.name) && !(role && result.model.sheets[role]);
      });
      if (layouts.length === 0) {
        setNotice({ type: MessageBarType.info, text: t.templateNothing });
        return;
      }
      await ops.writeLayouts(layouts);
      setSheetNames((names) => [...names, ...layouts.map((l) => l.name)]);
      setResult(null);
      setNotice({ type: MessageBarType.success, text: t.templateWritten(layouts.map((l) => l.name).join("、")) });
    });

  const saveSettings = (next: Settings): Promise<void> =>
    run("settings", t.statusWriting, async () => {
      const kept = settings.columnMap ? { ...next, columnMap: settings.columnMap } : next;
      await ops.saveSettings(kept);
      setSettings(kept);
      setSettingsOpen(false);
      setNotice({ type: MessageBarType.success, text: t.settingsSaved });
    });

  const columnMap = useColumnMap({
    t, lang, settings, result, grids, disabled: busy !== null || rendering, validateWith, saveFile, setSettings,
    readGrids: () => run("validate", t.statusReading, async () => setGrids(await ops.readWorkbook())),
    saveSettings: (s) => ops.saveSettings(s),
    notifySuccess: (text) => setNotice({ type: MessageBarType.success, text }),
  });

  const status = busy
    ? busy.label
    : rendering
      ? t.statusValidating
      : result && validatedAt
      ? t.statusValidated(clock(validatedAt), result.summary.errors, result.summary.warnings, result.summary.infos)
      : t.statusIdle;
  const disabled = busy !== null || rendering;

  return (
    <main className="fa-app" lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <Header t={t} status={status} onOpenSettings={() => setSettingsOpen(true)} settingsDisabled={disabled} />
      {workbookName ? (
        <Text variant="small" block className="fa-workbook">
          {t.workbook(workbookName)}
        </Text>
      ) : null}
      {/* allowDisabledFocus: a button disabled while its work runs keeps keyboard focus. */}
      <div className="fa-actions">
        <PrimaryButton
          text={t.validate}
          ariaLabel={t.validateAria}
          iconProps={{ iconName: "Play" }}
          onClick={validate}
          disabled={disabled}
          allowDisabledFocus
          className="fa-validate"
          data-testid="validate"
        />
        <div className="fa-secondary-actions">
          <DefaultButton text={t.mark} ariaDescription={t.markAria} iconProps={{ iconName: "Highlight" }} onClick={mark} disabled={disabled || !result} allowDisabledFocus data-testid="mark" />
          <DefaultButton text={t.clearMarks} ariaDescription={t.clearMarksAria} iconProps={{ iconName: "EraseTool" }} onClick={clearMarks} disabled={disabled} allowDisabledFocus data-testid="clear-marks" />
          <DefaultButton
            text={t.fill}
            ariaDescription={result ? t.fillAria : t.needValidateFirst}
            iconProps={{ iconName: "Table" }}
            onClick={prepareFill}
            disabled={disabled || !result || missingSheets}
            allowDisabledFocus
            className="fa-fill"
            data-testid="fill"
          />
          <DefaultButton
            text={t.report}
            ariaDescription={result ? t.reportAria : t.needValidateFirst}
            iconProps={{ iconName: "WordDocument" }}
            onClick={writeReport}
            disabled={disabled || !result}
            allowDisabledFocus
            data-testid="report"
          />
        </div>
      </div>
      {busy && busy.kind !== "settings" ? (
        <div data-testid="progress">
          <ProgressIndicator label={busy.label} percentComplete={busy.percent} className="fa-progress" ariaLabel={busy.label} />
          {busy.kind === "validate" ? <DefaultButton text={t.cancelValidation} onClick={() => validation.current?.abort()} data-testid="cancel-validate" /> : null}
        </div>
      ) : null}
      {notice ? (
        <MessageBar messageBarType={notice.type} onDismiss={() => setNotice(null)} dismissButtonAriaLabel={t.dismiss} isMultiline data-testid="notice">
          {notice.text}
        </MessageBar>
      ) : null}
      {missingSheets ? (
        <MessageBar
          messageBarType={MessageBarType.warning}
          isMultiline
          data-testid="missing-sheets"
          actions={<DefaultButton text={t.template} ariaDescription={t.templateAria} iconProps={{ iconName: "Add" }} onClick={writeTemplate} disabled={disabled} data-testid="template" />}
        >
          <strong>{t.missingSheetsTitle}</strong> {t.missingSheetsBody}
        </MessageBar>
      ) : null}
      {columnMap.offer}
      {result ? (
        <Stack tokens={{ childrenGap: 12 }} className="fa-result">
          <SummaryCards t={t} summary={result.summary} />
          <FindingsList t={t} findings={result.findings} onSelect={selectFinding} virtualize={virtualize} />
        </Stack>
      ) : null}
      <FillDialog t={t} preview={fill} busy={busy?.kind === "fill"} onConfirm={confirmFill} onDismiss={() => setFill(null)} />
      <SettingsPanel
        t={t}
        isOpen={settingsOpen}
        settings={settings}
        saving={busy?.kind === "settings"}
        onSave={saveSettings}
        onDismiss={() => setSettingsOpen(false)}
        columnMapLabel={columnMap.m.fromSettings}
        onOpenColumnMap={() => {
          setSettingsOpen(false);
          columnMap.open();
        }}
      />
      {columnMap.dialog}
    </main>
  );
}
