import * as React from "react";
import { flushSync } from "react-dom";
import { Checkbox, Dropdown, FocusZone, FocusZoneDirection, Icon, Link, List, SearchBox, Stack, Text, findScrollableParent, type IDropdownOption, type ISearchBox } from "@fluentui/react";
import type { Finding, Severity } from "../../core";
import { workbookLang, type Strings } from "../i18n";
import { NO_FILTER, NO_RECIPIENT, SEVERITIES, groupFindings, isFiltered, prepareSearch, recipientOf, viewFindings, type Facet, type FindingFilter, type GroupBy } from "../findings-view";

export interface FindingsListProps {
  t: Strings;
  findings: Finding[];
  onSelect: (finding: Finding) => void;
  /** Virtualise long lists (the default); jsdom tests render every row. */
  virtualize?: boolean;
}

const SEVERITY_ICON: Record<Severity, string> = { error: "ErrorBadge", warning: "Warning", info: "Info" };
const ALL = "\u0000all";
const INFO_FOLD_AT = 20;

function findingKey(f: Finding, i: number): string {
  return `${f.code}|${f.cell}|${i}`;
}

/** One row of the flat, virtualised list: a group's header or a finding. */
type Row = { kind: "header"; key: string; name: string; count: number; collapsed: boolean } | { kind: "finding"; finding: Finding } | { kind: "more"; listed: number };

/** Search texts built per slice after a result arrives (a few ms each), so no task holds the pane long. */
const SEARCH_SLICE = 4000;

/** Builds the result's search index in slices between other work, ready before the first key. */
function usePreparedSearch(findings: Finding[]): void {
  React.useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = (): void => {
      if (!prepareSearch(findings, SEARCH_SLICE)) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [findings]);
}

/**
 * Fluent's List places its pages on scroll only after a 100 ms debounce: a jump (End, a drag of the
 * scroll bar) showed a blank spacer, or early rows, until then. When no drawn row is in view the
 * list is asked to place its pages at once.
 */
function useNoBlankJump(root: React.RefObject<HTMLElement>, list: React.RefObject<{ forceUpdate(): void }>, active: boolean): void {
  React.useEffect(() => {
    const el = root.current;
    const scroller = el ? findScrollableParent(el) : null;
    if (!active || !el || !scroller) return;
    let frame = 0;
    const check = (): void => {
      frame = 0;
      const view = scroller instanceof HTMLElement ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
      const box = el.getBoundingClientRect();
      const top = Math.max(view.top, box.top);
      const bottom = Math.min(view.bottom, box.bottom);
      if (bottom <= top) return; // the list is out of view
      // Cells, not pages: a spacer standing in for the rows not drawn is a page too.
      const cells = el.querySelectorAll(".ms-List-cell");
      for (let i = 0; i < cells.length; i++) {
        const r = cells[i].getBoundingClientRect();
        if (r.bottom > top && r.top < bottom) return;
      }
      // A jump to the very end stays at the end once the rows drawn there are measured (their real
      // heights differ from List's estimate).
      const box2 = scroller instanceof HTMLElement ? scroller : document.scrollingElement;
      const atEnd = !!box2 && box2.scrollTop + box2.clientHeight >= box2.scrollHeight - 2;
      // Synchronously: the rows are in this frame's paint, whatever else the thread has queued.
      flushSync(() => list.current?.forceUpdate());
      if (atEnd && box2) {
        const settle = (n: number): void => {
          frame = requestAnimationFrame(() => {
            frame = 0;
            box2.scrollTop = box2.scrollHeight;
            if (n > 0) settle(n - 1);
          });
        };
        settle(2);
      }
    };
    const onScroll = (): void => {
      if (!frame) frame = requestAnimationFrame(check);
    };
    scroller.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      scroller.removeEventListener("scroll", onScroll);
      cancelAnimationFrame(frame);
    };
  }, [root, list, active]);
}

/** Rows rendered before a 列出更多 button: a list of tens of thousands is filtered, not scrolled, and stays cheap to redraw. */
const ROW_LIMIT = 1000;

/** Findings grouped by severity, sheet or recipient, with facet filters and counts. */
export function FindingsList({ t, findings, onSelect, virtualize = true }: FindingsListProps): React.ReactElement {
  const [filter, setFilter] = React.useState<FindingFilter>(NO_FILTER);
  const [groupBy, setGroupBy] = React.useState<GroupBy>("severity");
  const [activeKey, setActiveKey] = React.useState<string | null>(null);
  const [collapsed, setCollapsed] = React.useState<Record<string, boolean>>({});

  // A new result may lack the filtered sheet/recipient/code: drop filters that no longer apply.
  React.useEffect(() => {
    setFilter((f) => ({
      ...f,
      sheet: f.sheet !== null && findings.some((x) => x.sheet === f.sheet) ? f.sheet : null,
      recipient: f.recipient !== null && findings.some((x) => recipientOf(x) === f.recipient) ? f.recipient : null,
      code: f.code !== null && findings.some((x) => x.code === f.code) ? f.code : null,
    }));
  }, [findings]);

  usePreparedSearch(findings);
  // Typing stays responsive: the list and counts follow the search text at low priority.
  const text = React.useDeferredValue(filter.text);
  const { severities, sheet, recipient, code } = filter;
  const view = React.useMemo(() => viewFindings(findings, { severities, sheet, recipient, code, text }), [findings, severities, sheet, recipient, code, text]);
  const shown = view.shown;
  const { items, groups } = React.useMemo(() => groupFindings(shown, groupBy), [shown, groupBy]);
  const keys = React.useMemo(() => new Map(findings.map((f, i) => [f, findingKey(f, i)])), [findings]);

  const groupName = (value: string): string => {
    if (groupBy === "severity") return t.severity[value as Severity];
    if (groupBy === "recipient" && value === NO_RECIPIENT) return t.noRecipient;
    return value;
  };
  const isCollapsed = (key: string, value: string, count: number): boolean =>
    // A long run of info findings (inferred categories) starts folded so errors stay in view.
    collapsed[key] ?? (groupBy === "severity" && value === "info" && count > INFO_FOLD_AT);
  const [limit, setLimit] = React.useState(ROW_LIMIT);
  const rows = React.useMemo(() => {
    const out: Row[] = [];
    let listed = 0;
    for (const g of groups) {
      if (out.length >= limit) break;
      const folded = isCollapsed(g.key, g.value, g.count);
      out.push({ kind: "header", key: g.key, name: groupName(g.value), count: g.count, collapsed: folded });
      if (folded) continue;
      const end = Math.min(g.startIndex + g.count, g.startIndex + limit - out.length);
      for (let i = g.startIndex; i < end; i++) out.push({ kind: "finding", finding: items[i] });
      listed += end - g.startIndex;
      if (end < g.startIndex + g.count) break;
    }
    if (out.length >= limit && listed < items.length) out.push({ kind: "more", listed });
    return out;
  }, [items, groups, collapsed, t, limit]);
  const setGroupFolded = (key: string, folded: boolean): void => setCollapsed((c) => ({ ...c, [key]: folded }));
  const ids = React.useId();
  const enterHintId = `${ids}-enter`;
  const zh = (text: string): string | undefined => workbookLang(t, text);
  const searchBox = React.useRef<ISearchBox>(null);
  const listRoot = React.useRef<HTMLDivElement>(null);
  const listRef = React.useRef<List<Row>>(null);
  const clearFilters = (): void => {
    setFilter(NO_FILTER);
    searchBox.current?.focus(); // the link goes away with the filters: keep the keyboard user's place
  };
  // In a narrow pane a drop-down opens as a panel: named after its field, closed in the pane's language.
  const panelProps = (label: string) => ({ headerText: label, closeButtonAriaLabel: t.close });

  // Options change only with their facet's counts: ~10k recipients are not rebuilt, nor their
  // Dropdown updated, on a key that leaves the counts as they were.
  const facetOptions = (field: "sheet" | "recipient" | "code", facets: Facet[], chosen: string | null): IDropdownOption[] => [
    { key: ALL, text: t.filterAll },
    ...facets.map((v) => ({ key: v.key, text: `${field === "recipient" && v.key === NO_RECIPIENT ? t.noRecipient : v.key} (${v.count})`, disabled: v.count === 0 && chosen !== v.key })),
  ];
  const sheetOptions = React.useMemo(() => facetOptions("sheet", view.facets.sheet, sheet), [view.facets.sheet, sheet, t]);
  const recipientOptions = React.useMemo(() => facetOptions("recipient", view.facets.recipient, recipient), [view.facets.recipient, recipient, t]);
  const codeOptions = React.useMemo(() => facetOptions("code", view.facets.code, code), [view.facets.code, code, t]);
  const severityCounts = new Map(view.facets.severities.map((v) => [v.key, v.count]));
  const setFacet = (field: "sheet" | "recipient" | "code") => (_: unknown, option?: IDropdownOption) => {
    if (option) setFilter((f) => ({ ...f, [field]: option.key === ALL ? null : String(option.key) }));
  };
  const toggleSeverity = (sev: Severity, on: boolean): void => {
    setFilter((f) => ({ ...f, severities: SEVERITIES.filter((s) => (s === sev ? on : f.severities.includes(s))) }));
  };

  const select = (f: Finding): void => {
    setActiveKey(keys.get(f) ?? null);
    onSelect(f);
  };

  const renderRow = (row?: Row): React.ReactNode => {
    if (!row) return null;
    if (row.kind === "more") {
      return (
        <button type="button" data-is-focusable className="fa-group-header" onClick={() => setLimit((l) => l + ROW_LIMIT)} data-testid="show-more">
          {t.showMore(row.listed, items.length)}
        </button>
      );
    }
    if (row.kind === "header") {
      return (
        <button
          type="button"
          data-is-focusable
          className="fa-group-header"
          aria-expanded={!row.collapsed}
          onClick={() => setGroupFolded(row.key, !row.collapsed)}
          onKeyDown={(e) => {
            if (e.key === "ArrowLeft" && !row.collapsed) setGroupFolded(row.key, true);
            if (e.key === "ArrowRight" && row.collapsed) setGroupFolded(row.key, false);
          }}
          data-testid="group-header"
        >
          <Icon iconName={row.collapsed ? "ChevronRightMed" : "ChevronDown"} className="fa-group-chevron" aria-hidden />
          <span className="fa-group-title" lang={zh(row.name)}>
            {t.groupTitle(row.name, row.count)}
          </span>
        </button>
      );
    }
    const f = row.finding;
    const key = keys.get(f);
    // The name is the visible text; the severity (shown as an icon) and the Enter hint are its description.
    return (
      <button
        type="button"
        data-is-focusable
        className={`fa-finding fa-finding-${f.severity}${key === activeKey ? " is-active" : ""}`}
        onClick={() => select(f)}
        aria-describedby={`${ids}-${f.severity} ${enterHintId}`}
        aria-current={key === activeKey ? "true" : undefined}
        data-testid="finding"
        data-code={f.code}
        data-cell={f.cell}
      >
        <Icon iconName={SEVERITY_ICON[f.severity]} className="fa-finding-icon" aria-hidden />
        <span className="fa-finding-body">
          <span className="fa-finding-head">
            <span className="fa-finding-cell" lang={zh(f.cell)}>
              {f.cell}
            </span>
            {f.recipient ? (
              <span className="fa-finding-recipient" lang={zh(f.recipient)}>
                {f.recipient}
              </span>
            ) : null}
            <span className="fa-finding-code">{f.code}</span>
          </span>
          <span className="fa-finding-message">{f.message}</span>
        </span>
      </button>
    );
  };

  const virtualized = virtualize && rows.length > 60;
  useNoBlankJump(listRoot, listRef, virtualized && shown.length > 0);
  // The same element while the rows stay the same: the urgent render of a key (the search box
  // echoing it) leaves the list alone, and so does a key that changes no result.
  const listElement = React.useMemo(
    () => (
      <div ref={listRoot}>
        <FocusZone direction={FocusZoneDirection.vertical} className="fa-list">
          <List componentRef={listRef} items={rows} aria-label={t.findingsTitle} onRenderCell={(row) => renderRow(row)} onShouldVirtualize={() => virtualized} version={activeKey} data-testid="findings-list" />
        </FocusZone>
      </div>
    ),
    [rows, activeKey, keys, t, virtualized, onSelect, items.length],
  );

  const groupByOptions: IDropdownOption[] = [
    { key: "severity", text: t.groupBySeverity },
    { key: "sheet", text: t.groupBySheet },
    { key: "recipient", text: t.groupByRecipient },
  ];

  return (
    // data-query: the search text the list shows (it trails typing by a render; the bench waits on it).
    <section aria-labelledby="fa-findings-title" className="fa-findings" data-query={text}>
      {SEVERITIES.map((sev) => (
        <span key={sev} id={`${ids}-${sev}`} hidden>
          {t.severity[sev]}
        </span>
      ))}
      <span id={enterHintId} hidden>
        {t.enterHint}
      </span>
      <Stack horizontal wrap verticalAlign="baseline" horizontalAlign="space-between" tokens={{ childrenGap: 8 }}>
        <Text as="h2" variant="mediumPlus" id="fa-findings-title" className="fa-section-title">
          {t.findingsTitle}
        </Text>
        <Text variant="small" data-testid="shown-count" aria-live="polite">
          {t.shown(shown.length, findings.length)}
        </Text>
      </Stack>
      {findings.length === 0 ? (
        <Text block className="fa-empty" data-testid="no-findings">
          {t.noFindings}
        </Text>
      ) : (
        <>
          <div className="fa-filters" role="group" aria-label={t.filterSeverity}>
            {SEVERITIES.map((sev) => (
              <Checkbox
                key={sev}
                label={`${t.severity[sev]} ${severityCounts.get(sev) ?? 0}`}
                checked={filter.severities.includes(sev)}
                onChange={(_, checked) => toggleSeverity(sev, !!checked)}
                className={`fa-sev-filter fa-sev-filter-${sev}`}
                inputProps={{ "data-testid": `filter-${sev}` } as React.ButtonHTMLAttributes<HTMLButtonElement>}
              />
            ))}
          </div>
          <div className="fa-filter-grid">
            <Dropdown label={t.filterSheet} panelProps={panelProps(t.filterSheet)} options={sheetOptions} selectedKey={filter.sheet ?? ALL} onChange={setFacet("sheet")} data-testid="filter-sheet" />
            <Dropdown label={t.filterRecipient} panelProps={panelProps(t.filterRecipient)} options={recipientOptions} selectedKey={filter.recipient ?? ALL} onChange={setFacet("recipient")} data-testid="filter-recipient" />
            <Dropdown label={t.filterCode} panelProps={panelProps(t.filterCode)} options={codeOptions} selectedKey={filter.code ?? ALL} onChange={setFacet("code")} data-testid="filter-code" />
            <Dropdown label={t.groupBy} panelProps={panelProps(t.groupBy)} options={groupByOptions} selectedKey={groupBy} onChange={(_, o) => o && setGroupBy(o.key as GroupBy)} data-testid="group-by" />
          </div>
          <div className="fa-search-row">
            <div className="fa-search">
              <SearchBox
                componentRef={searchBox}
                placeholder={t.filterSearch}
                ariaLabel={t.filterSearch}
                value={filter.text}
                onChange={(_, v) => setFilter((f) => ({ ...f, text: v ?? "" }))}
                onClear={() => setFilter((f) => ({ ...f, text: "" }))}
                data-testid="filter-text"
              />
            </div>
            {isFiltered(filter) ? (
              <Link onClick={clearFilters} data-testid="clear-filters">
                {t.clearFilters}
              </Link>
            ) : null}
          </div>
          {shown.length === 0 ? (
            <Text block className="fa-empty" data-testid="no-matches">
              {t.noMatches}
            </Text>
          ) : (
            // List gives the list and listitem roles; the name is on the list itself.
            listElement
          )}
        </>
      )}
    </section>
  );
}
