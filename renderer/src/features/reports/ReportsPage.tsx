import { AimOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { IssuedReport, ReportView } from '../../../../shared/api/channels/reports.ts';
import { type Period, type PeriodKind, periodOf } from '../../../../shared/domain/indicators/periods.ts';
import type { IndicatorValue } from '../../../../shared/domain/indicators/values.ts';
import { api } from '../../api/client.ts';
import { today as clockToday } from '../../app/clock.ts';
import { errorMessage } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { formatDate } from '../format.ts';
import { LoadFailed } from '../plans/LoadFailed.tsx';
import { BasesForm } from './BasesForm.tsx';
import { TargetsEditor } from './TargetsEditor.tsx';
import { BreakdownTabs } from './BreakdownTabs.tsx';
import { DrillDrawer, type DrillTarget } from './DrillDrawer.tsx';
import { FigureTables } from './FigureTables.tsx';
import { IssuedReports } from './IssuedReports.tsx';
import { PeriodBar, PeriodLine } from './PeriodBar.tsx';
import { ReportCharts } from './ReportCharts.tsx';
import { ReportPrint } from './ReportPrint.tsx';
import { baseSlotFor, coverageOf, kindOf, periodFromParams, rangeText, switchKind, yoyHint } from './report-format.ts';

/**
 * 统计报表: the supervisor's figures over a month, quarter, year or any run of days — each against the same period
 * last year (同比) and the one before (环比) and its target, explained to the last record; the trend and the sectors
 * as charts; the figures by sector, township and officer. The period lives in the address, so a record opened from
 * the figures comes back to the same report. An admin enters last year's figures where the desk has no records.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const today = clockToday();
  const [params, setParams] = useSearchParams();
  const inAddress = periodFromParams(params.get('from'), params.get('to'), today);
  const from = inAddress.from;
  const to = inAddress.to;
  const period = useMemo(() => ({ from, to }), [from, to]);
  // A custom run that happens to be a whole month stays custom while the user is choosing days.
  const [customKind, setCustomKind] = useState(false);
  const kind: PeriodKind = customKind ? 'custom' : kindOf(period);

  const [view, setView] = useState<ReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [entering, setEntering] = useState(false);
  const [targeting, setTargeting] = useState(false);

  const asked = useRef('');
  const load = useCallback(() => {
    const key = `${from}/${to}`;
    asked.current = key;
    setLoading(true);
    setError(null);
    api.reports
      .figures({ from, to })
      // A late answer for a period switched away from is dropped: it must never show under another period.
      .then((v) => asked.current === key && setView(v))
      .catch((e) => asked.current === key && setError(errorMessage(e)))
      .finally(() => asked.current === key && setLoading(false));
  }, [from, to]);
  useEffect(load, [load]);

  // 已签发的通报: all of them, whatever the period shown; read again once one is issued.
  const [issued, setIssued] = useState<IssuedReport[] | null>(null);
  const [issuedError, setIssuedError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [justIssued, setJustIssued] = useState<number | null>(null);
  const issuedList = useRef<HTMLDivElement>(null);
  const loadIssued = useCallback(() => {
    setIssuedError(null);
    api.reports
      .issued({})
      .then(setIssued)
      .catch((e) => setIssuedError(errorMessage(e)));
  }, []);
  useEffect(loadIssued, [loadIssued]);
  const onIssued = (r: IssuedReport) => {
    setPrinting(false);
    setJustIssued(r.id);
    setIssued((list) => [r, ...(list ?? []).filter((x) => x.id !== r.id)]);
    loadIssued();
    // Where it now is: the list below the figures.
    requestAnimationFrame(() => issuedList.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  const choose = (p: Period) => setParams({ from: p.from, to: p.to }, { replace: true });
  const chooseKind = (k: PeriodKind) => {
    setCustomKind(k === 'custom');
    choose(switchKind(k, period, today));
  };
  const kinds = useMemo(
    () =>
      Object.fromEntries((view?.figures ?? []).map((f) => [f.id, f.kind])) as Record<string, IndicatorValue['kind']>,
    [view],
  );
  const admin = can('settings.manage');

  let body;
  if (error) body = <LoadFailed title={t('reports.loadFailed')} error={error} onRetry={load} testId="reports-error" />;
  else if (!view)
    body = (
      <Spin size="large" description={t('reports.loading')} data-testid="reports-loading">
        <div style={{ height: 320 }} />
      </Spin>
    );
  else {
    const hint = yoyHint(view);
    const note = (which: 'previous' | 'lastYear') => {
      const c = coverageOf(view.figures, which);
      if (c === 'none') return t('reports.period.noRecords');
      if (c === 'partial' && view.recordedFrom)
        return t('reports.period.partial', { from: formatDate(view.recordedFrom) });
      return null;
    };
    // While another period loads, the last one shown stays under the spinner, its own dates above its figures.
    body = (
      <Spin spinning={loading} description={t('reports.loading')} data-testid={loading ? 'reports-loading' : undefined}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="reports-view">
          <PeriodLine
            period={view.period}
            previous={view.previous}
            lastYear={view.lastYear}
            notes={{ previous: note('previous'), lastYear: note('lastYear') }}
          />
          {hint?.kind === 'none' && (
            <Alert
              type="info"
              showIcon
              data-testid="reports-yoy-hint"
              title={t('reports.yoy.none', { period: rangeText(view.lastYear, i18n.language), n: hint.count })}
              description={
                !hint.enterable
                  ? t('reports.yoy.notEnterable')
                  : admin
                    ? t('reports.yoy.enterAdmin')
                    : t('reports.yoy.enterAskAdmin')
              }
              action={
                admin &&
                hint.enterable && (
                  <Button size="small" onClick={() => setEntering(true)} data-testid="reports-yoy-enter">
                    {t('reports.bases.open')}
                  </Button>
                )
              }
            />
          )}
          {view.enteredCount > 0 && (
            <Typography.Text type="secondary" data-testid="reports-entered-count">
              {t('reports.yoy.entered', { n: view.enteredCount })}
            </Typography.Text>
          )}
          <FigureTables view={view} onOpen={(id) => setDrill({ id })} />
          <ReportCharts view={view} />
          <BreakdownTabs view={view} onOpen={setDrill} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="reports-versions">
            {t('reports.versions', { enforcement: view.versions.enforcement, rules: view.versions.rules })}
          </Typography.Text>
        </Space>
      </Spin>
    );
  }

  return (
    <div className="page" data-testid="reports-page">
      <div className="page-header">
        <h2>{t('nav.reports')}</h2>
        <Space size={8}>
          {admin && (
            <Button icon={<AimOutlined />} onClick={() => setTargeting(true)} data-testid="reports-targets">
              {t('reports.targets.open')}
            </Button>
          )}
          {admin && (
            <Button icon={<EditOutlined />} onClick={() => setEntering(true)} data-testid="reports-bases">
              {t('reports.bases.open')}
            </Button>
          )}
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => setPrinting(true)}
            data-testid="reports-print"
          >
            {t('reports.print.open')}
          </Button>
        </Space>
      </div>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <PeriodBar
          period={period}
          kind={kind}
          today={today}
          busy={loading}
          onChange={choose}
          onKind={chooseKind}
          onReload={load}
        />
        {body}
        <div ref={issuedList} style={{ scrollMarginTop: 16 }}>
          <IssuedReports reports={issued} error={issuedError} highlight={justIssued} onRetry={loadIssued} />
        </div>
      </Space>
      {printing && (
        // Of the period shown: another period (the address changed under it) starts afresh, dated for that one.
        <ReportPrint
          key={`${from}/${to}`}
          period={period}
          issued={issued ?? []}
          onClose={() => setPrinting(false)}
          onIssued={onIssued}
        />
      )}
      <DrillDrawer target={drill} period={period} onClose={() => setDrill(null)} />
      {admin && <TargetsEditor open={targeting} onClose={() => setTargeting(false)} onSaved={load} />}
      {admin && entering && (
        <BasesForm
          open
          slot={baseSlotFor(view?.lastYear ?? periodOf('year', `${Number(today.slice(0, 4)) - 1}-01-01`))}
          kinds={kinds}
          recordedFrom={view?.recordedFrom ?? null}
          thisYear={Number(today.slice(0, 4))}
          onClose={() => setEntering(false)}
          onSaved={() => {
            setEntering(false);
            load();
          }}
        />
      )}
    </div>
  );
}
