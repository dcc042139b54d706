import * as React from "react";
import {
  Checkbox,
  Dropdown,
  GroupedList,
  Icon,
  Link,
  SearchBox,
  SelectionMode,
  Stack,
  Text,
  type IDropdownOption,
  type IGroup,
} from "@fluentui/react";
import type { Finding, Severity } from "../../core";
import type { Strings } from "../i18n";
import { NO_FILTER, NO_RECIPIENT, SEVERITIES, facet, filterFindings, groupFindings, isFiltered, recipientOf, type FindingFilter, type GroupBy } from "../findings-view";

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

  const shown = React.useMemo(() => filterFindings(findings, filter), [findings, filter]);
  const { items, groups } = React.useMemo(() => groupFindings(shown, groupBy), [shown, groupBy]);
  const keys = React.useMemo(() => new Map(findings.map((f, i) => [f, findingKey(f, i)])), [findings]);

  const groupName = (value: string): string => {
    if (groupBy === "severity") return t.severity[value as Severity];
    if (groupBy === "recipient" && value === NO_RECIPIENT) return t.noRecipient;
    return value;
  };
  const fluentGroups: IGroup[] = groups.map((g) => ({
    key: g.key,
    name: groupName(g.value),
    startIndex: g.startIndex,
    count: g.count,
    // A long run of info findings (inferred categories) starts folded so errors stay in view.
    isCollapsed: collapsed[g.key] ?? (groupBy === "severity" && g.value === "info" && g.count > INFO_FOLD_AT),
    ariaLabel: `${groupName(g.value)} ${g.count}`,
  }));

  const facetOptions = (field: "sheet" | "recipient" | "code"): IDropdownOption[] => [
    { key: ALL, text: t.filterAll },
    ...facet(findings, filter, field).map((v) => ({ key: v.key, text: `${field === "recipient" && v.key === NO_RECIPIENT ? t.noRecipient : v.key} (${v.count})`, disabled: v.count === 0 && filter[field] !== v.key })),
  ];
  const severityCounts = new Map(facet(findings, filter, "severities").map((v) => [v.key, v.count]));
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

  const renderCell = (_depth?: number, f?: Finding): React.ReactNode => {
    if (!f) return null;
    const key = keys.get(f);
    return (
      <button
        type="button"
        data-is-focusable
        className={`fa-finding fa-finding-${f.severity}${key === activeKey ? " is-active" : ""}`}
        onClick={() => select(f)}
        aria-label={t.findingAria(t.severity[f.severity], f.cell, f.message)}
        aria-current={key === activeKey ? "true" : undefined}
        data-testid="finding"
        data-code={f.code}
        data-cell={f.cell}
      >
        <Icon iconName={SEVERITY_ICON[f.severity]} className="fa-finding-icon" aria-hidden />
        <span className="fa-finding-body">
          <span className="fa-finding-head">
            <span className="fa-finding-cell">{f.cell}</span>
            <span className="fa-finding-code">{f.code}</span>
          </span>
          <span className="fa-finding-message">{f.message}</span>
          {f.recipient ? <span className="fa-finding-recipient">{f.recipient}</span> : null}
        </span>
      </button>
    );
  };

  const groupByOptions: IDropdownOption[] = [
    { key: "severity", text: t.groupBySeverity },
    { key: "sheet", text: t.groupBySheet },
    { key: "recipient", text: t.groupByRecipient },
  ];

  return (
    <section aria-labelledby="fa-findings-title" className="fa-findings">
      <Stack horizontal verticalAlign="baseline" horizontalAlign="space-between">
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
            <Dropdown label={t.filterSheet} options={facetOptions("sheet")} selectedKey={filter.sheet ?? ALL} onChange={setFacet("sheet")} data-testid="filter-sheet" />
            <Dropdown label={t.filterRecipient} options={facetOptions("recipient")} selectedKey={filter.recipient ?? ALL} onChange={setFacet("recipient")} data-testid="filter-recipient" />
            <Dropdown label={t.filterCode} options={facetOptions("code")} selectedKey={filter.code ?? ALL} onChange={setFacet("code")} data-testid="filter-code" />
            <Dropdown label={t.groupBy} options={groupByOptions} selectedKey={groupBy} onChange={(_, o) => o && setGroupBy(o.key as GroupBy)} data-testid="group-by" />
          </div>
          <Stack horizontal verticalAlign="end" tokens={{ childrenGap: 8 }}>
            <Stack.Item grow>
              <SearchBox
                placeholder={t.filterSearch}
                ariaLabel={t.filterSearch}
                value={filter.text}
                onChange={(_, v) => setFilter((f) => ({ ...f, text: v ?? "" }))}
                onClear={() => setFilter((f) => ({ ...f, text: "" }))}
                data-testid="filter-text"
              />
            </Stack.Item>
            {isFiltered(filter) ? (
              <Link onClick={() => setFilter(NO_FILTER)} data-testid="clear-filters">
                {t.clearFilters}
              </Link>
            ) : null}
          </Stack>
          {shown.length === 0 ? (
            <Text block className="fa-empty" data-testid="no-matches">
              {t.noMatches}
            </Text>
          ) : (
            <div className="fa-list">
              <GroupedList
                items={items}
                groups={fluentGroups}
                onRenderCell={renderCell}
                selectionMode={SelectionMode.none}
                focusZoneProps={{ "aria-label": t.findingsTitle } as React.HTMLAttributes<HTMLElement>}
                onShouldVirtualize={() => virtualize && items.length > 60}
                groupProps={{
                  showEmptyGroups: false,
                  onRenderHeader: (props, defaultRender) =>
                    props?.group && defaultRender
                      ? // The header row is the list's tab stop (ArrowLeft/Right fold it); its toggle button is for the mouse.
                        defaultRender({ ...props, expandButtonProps: { "aria-label": t.toggleGroup(props.group.name, props.group.count), tabIndex: -1 } })
                      : null,
                  headerProps: {
                    onToggleCollapse: (g: IGroup) => {
                      const next = !g.isCollapsed; // read now: GroupedList flips the object after this call
                      setCollapsed((c) => ({ ...c, [g.key]: next }));
                    },
                  },
                }}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
