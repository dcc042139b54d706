import * as React from "react";
import { Text } from "@fluentui/react";
import type { Summary } from "../../core";
import type { Strings } from "../i18n";
import { percent, score, wan } from "../format";

export interface SummaryCardsProps {
  t: Strings;
  summary: Summary;
}

function Card(props: { label: string; value: string; unit?: string; tone?: "error" | "warning" | "info" | "grade"; testId: string; detail?: string }): React.ReactElement {
  return (
    <div className={`fa-card${props.tone ? ` fa-card-${props.tone}` : ""}`} data-testid={props.testId} role="group" aria-label={`${props.label} ${props.value}${props.unit ?? ""}`}>
      <Text variant="small" block className="fa-card-label">
        {props.label}
      </Text>
      <Text variant="xLarge" block className="fa-card-value">
        {props.value}
        {props.unit ? <span className="fa-card-unit">{props.unit}</span> : null}
      </Text>
      {props.detail ? (
        <Text variant="tiny" block className="fa-card-detail">
          {props.detail}
        </Text>
      ) : null}
    </div>
  );
}

/** Counts, money (万元), execution rate and score at a glance. */
export function SummaryCards({ t, summary: s }: SummaryCardsProps): React.ReactElement {
  return (
    <section aria-label={t.summaryTitle} className="fa-summary">
      <div className="fa-cards fa-cards-3">
        <Card testId="count-error" tone="error" label={t.errors} value={String(s.errors)} />
        <Card testId="count-warning" tone="warning" label={t.warnings} value={String(s.warnings)} />
        <Card testId="count-info" tone="info" label={t.infos} value={String(s.infos)} />
      </div>
      <div className="fa-cards fa-cards-3">
        <Card testId="approved" label={t.inWan(t.approved)} value={wan(s.approved)} detail={t.recipients(s.recipients)} />
        <Card testId="disbursed" label={t.inWan(t.disbursed)} value={wan(s.disbursed)} detail={s.budget === null ? undefined : `${t.budget} ${wan(s.budget)}`} />
        <Card testId="spent" label={t.inWan(t.spent)} value={wan(s.spent)} detail={t.lines(s.lines)} />
      </div>
      <div className="fa-cards fa-cards-2">
        <Card testId="execution-rate" label={t.executionRate} value={percent(s.executionRate)} />
        <Card testId="score" tone="grade" label={`${t.score} · ${t.grade}`} value={score(s.score)} unit={` ${s.grade}`} />
      </div>
    </section>
  );
}
