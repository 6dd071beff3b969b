import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { benchmarkInForce, proposeDiscretion } from '../../../../shared/domain/discretion.ts';
import { orderedByTheDepartment } from '../../../../shared/domain/measures.ts';
import type { CaseDetail, ViolationInput } from '../../../../shared/entities/case.ts';
import {
  DISCRETION_TIERS,
  type DiscretionBenchmark,
  VIOLATION_STAGES,
} from '../../../../shared/entities/discretion.ts';
import type { PenaltyItem } from '../../../../shared/entities/penalty-article.ts';
import { api } from '../../api/client.ts';
import { errorMessage, showFieldErrors, clearErrorsOnChange } from '../../app/errors.ts';
import { RowsField } from '../fields.tsx';
import { yuan } from './CaseList.tsx';

const LAW = '《中华人民共和国安全生产法》';

/**
 * 案件处理呈批: the outcome, any person fined beside the unit, and each violation with its basis and
 * discretion. The helper proposes a tier and band from the circumstances ticked; the core refuses an
 * amount outside the statutory range whatever is typed here.
 */
export function DisposalEditor({
  kase,
  editable,
  onSaved,
}: {
  kase: CaseDetail;
  editable: boolean;
  onSaved(c: CaseDetail): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [penalties, setPenalties] = useState<PenaltyItem[]>([]);
  const [benchmarks, setBenchmarks] = useState<DiscretionBenchmark[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void api.knowledge
      .penalties()
      // The items that can fine someone: a fixed range, a later stage's, or one measured by income or gains.
      .then((p) =>
        setPenalties(p.filter((i) => i.unitFine || i.personFine || i.overdue || i.personIncome || i.unitGains)),
      )
      .catch(() => undefined);
    void api.knowledge
      .benchmarks()
      .then(setBenchmarks)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    form.setFieldsValue({ outcome: kase.outcome ?? 'penalty', persons: kase.persons, violations: kase.violations });
  }, [kase, form]);
  const benchmark = benchmarkInForce(benchmarks, kase.violationDate);

  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      onSaved(await api.cases.saveDisposal({ id: kase.id, version: kase.version, ...values }));
      message.success(t('cases.disposalSaved'));
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const blank: ViolationInput = {
    party: 'unit',
    facts: '',
    evidence: '',
    violatedProvision: '',
    penaltyItemId: '',
    stage: 'first',
    circumstanceIds: [],
    tier: 'general',
    reasoning: '',
    fine: 0,
    measures: [],
  };
  return (
    <Form
      form={form}
      onValuesChange={clearErrorsOnChange(form)}
      layout="vertical"
      disabled={!editable}
      data-testid="disposal"
    >
      {benchmark?.example && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('cases.exampleBenchmark', { name: benchmark.name })}
        />
      )}
      <Form.Item name="outcome" label={t('cases.outcome')}>
        <Radio.Group
          options={(['penalty', 'no-penalty', 'transfer'] as const).map((o) => ({
            value: o,
            label: t(`cases.outcomes.${o}`),
          }))}
        />
      </Form.Item>
      <RowsField
        name="persons"
        label={t('cases.persons')}
        addLabel={t('cases.addPerson')}
        blank={{ name: '', post: '', idNumber: '', address: '', phone: '' }}
      >
        {(row) => (
          <>
            <Form.Item name={[row, 'name']} rules={[{ required: true, message: t('validation.required') }]}>
              <Input placeholder={t('cases.personName')} />
            </Form.Item>
            <Form.Item name={[row, 'post']} rules={[{ required: true, message: t('validation.required') }]}>
              <Input placeholder={t('cases.personPost')} />
            </Form.Item>
            <Form.Item name={[row, 'idNumber']}>
              <Input placeholder={t('cases.personId')} />
            </Form.Item>
            <Form.Item name={[row, 'address']}>
              <Input placeholder={t('cases.personAddress')} />
            </Form.Item>
            <Form.Item name={[row, 'phone']}>
              <Input placeholder={t('cases.personPhone')} />
            </Form.Item>
          </>
        )}
      </RowsField>
      <Form.List name="violations">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('cases.violationN', { n: i + 1 })}
                extra={editable && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                data-testid={`violation-${i}`}
              >
                <ViolationFields row={f.name} penalties={penalties} benchmark={benchmark} />
              </Card>
            ))}
            {editable && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add(structuredClone(blank))}
                data-testid="violation-add"
              >
                {t('cases.addViolation')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      {editable && kase.disposalRevisable && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ margin: '12px 0' }}
            message={t('cases.revisable')}
            data-testid="disposal-revisable"
          />
          <Form.Item
            name="revisionReason"
            label={t('cases.revisionReason')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.TextArea rows={2} data-testid="revision-reason" />
          </Form.Item>
        </>
      )}
      {editable && (
        <div style={{ marginTop: 16 }}>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="disposal-save">
            {t('cases.saveDisposal')}
          </Button>
        </div>
      )}
    </Form>
  );
}

/**
 * Amounts in whole yuan. The rule also makes a change re-validate the field, which clears what the core
 * refused on it (an amount above the range, an income not yet recorded) once the clerk corrects it.
 */
const AMOUNT_RULES = [{ type: 'number' as const, min: 0 }];

function ViolationFields({
  row,
  penalties,
  benchmark,
}: {
  row: number;
  penalties: PenaltyItem[];
  benchmark: DiscretionBenchmark | null;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const v = (Form.useWatch(['violations', row], form) ?? {}) as Partial<ViolationInput>;
  const persons = (Form.useWatch('persons', form) ?? []) as { name: string; post: string }[];
  const item = penalties.find((p) => p.id === v.penaltyItemId);
  const stage = v.stage ?? 'first';
  const entries = benchmark?.entries.filter((e) => e.penaltyItemId === v.penaltyItemId && e.stage === stage) ?? [];
  const entry = entries.find((e) => e.circumstance === v.benchmarkCircumstance) ?? null;
  const party = v.party === 'unit' || v.party === undefined ? 'unit' : 'person';
  const proposal = item
    ? proposeDiscretion({
        item,
        party,
        stage,
        benchmark,
        entry,
        circumstanceIds: v.circumstanceIds ?? [],
        reduce: v.tier === 'reduced',
        facts: { income: v.income, gains: v.gains },
      })
    : null;
  // Some articles measure the fine by a fact of the case: the person's 上一年年收入, the unit's 违法所得.
  const byIncome = stage === 'first' && party === 'person' ? (item?.personIncome ?? null) : null;
  const byGains = stage === 'first' && party === 'unit' ? (item?.unitGains ?? null) : null;
  const set = (name: string, value: unknown) => form.setFieldValue(['violations', row, name], value);

  const pickItem = (id: string) => {
    const p = penalties.find((x) => x.id === id);
    set('penaltyProvision', '');
    if (p?.violatedProvision && !v.violatedProvision)
      set('violatedProvision', `${LAW}${p.violatedProvision.split('；')[0]}`);
    if (p && !(v.measures ?? []).length) set('measures', p.measures.filter((m) => /^责令/.test(m)).slice(0, 1));
  };
  return (
    <>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name={[row, 'party']} label={t('cases.violationParty')}>
            <Select
              options={[
                { value: 'unit', label: t('cases.theUnit') },
                ...persons.map((p, i) => ({ value: i, label: `${p.name || '—'}（${p.post || '—'}）` })),
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={13}>
          <Form.Item
            name={[row, 'penaltyItemId']}
            label={t('cases.penaltyItem')}
            rules={[{ required: true, message: t('validation.required') }]}
            extra={item?.criminal ? t('cases.criminalClause') : undefined}
          >
            <Select
              showSearch
              optionFilterProp="label"
              onChange={pickItem}
              data-testid={`penalty-item-${row}`}
              options={penalties.map((p) => ({ value: p.id, label: `${p.article} ${p.covers}` }))}
            />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name={[row, 'stage']} label={t('cases.violationStage')}>
            <Select
              options={VIOLATION_STAGES.filter(
                // The later stages only where the article has one (逾期未改正 / 拒不改正 / 拒不执行).
                (s) => s === 'first' || !item || item.overdue || item.whenOverdue || s === stage,
              ).map((s) => ({ value: s, label: t(`cases.violationStages.${s}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name={[row, 'facts']}
        label={t('cases.violationFacts')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input.TextArea rows={2} data-testid={`violation-facts-${row}`} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={[row, 'evidence']} label={t('cases.evidence')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={[row, 'violatedProvision']}
            label={t('cases.violatedProvision')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
      </Row>
      {entries.length > 0 && (
        <Form.Item name={[row, 'benchmarkCircumstance']} label={t('cases.benchmarkRow')}>
          <Select allowClear options={entries.map((e) => ({ value: e.circumstance, label: e.circumstance }))} />
        </Form.Item>
      )}
      <Form.Item name={[row, 'circumstanceIds']} label={t('cases.circumstances')}>
        <Checkbox.Group
          style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 4 }}
          options={(benchmark?.circumstances ?? []).map((c) => ({
            value: c.id,
            label: `${c.text}${c.uncertain ? `（${t('cases.uncertain')}）` : ''}`,
          }))}
        />
      </Form.Item>
      {(byIncome || byGains) && (
        <Row gutter={12}>
          <Col span={8}>
            {byIncome ? (
              <Form.Item
                name={[row, 'income']}
                rules={AMOUNT_RULES}
                label={t('cases.income')}
                extra={
                  byIncome.minPercent === byIncome.maxPercent
                    ? t('cases.incomeHelpExact', { percent: byIncome.minPercent })
                    : t('cases.incomeHelp', { min: byIncome.minPercent, max: byIncome.maxPercent })
                }
              >
                <InputNumber
                  min={0}
                  precision={0}
                  addonAfter="元"
                  style={{ width: '100%' }}
                  data-testid={`violation-income-${row}`}
                />
              </Form.Item>
            ) : (
              byGains && (
                <Form.Item
                  name={[row, 'gains']}
                  rules={AMOUNT_RULES}
                  label={t('cases.gains')}
                  extra={t('cases.gainsHelp', {
                    threshold: yuan(byGains.threshold),
                    minTimes: byGains.minTimes,
                    maxTimes: byGains.maxTimes,
                  })}
                >
                  <InputNumber
                    min={0}
                    precision={0}
                    addonAfter="元"
                    style={{ width: '100%' }}
                    data-testid={`violation-gains-${row}`}
                  />
                </Form.Item>
              )
            )}
          </Col>
          <Col span={16}>
            <Form.Item name={[row, 'basisEvidence']} label={t('cases.basisEvidence')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      )}
      {proposal && (
        <Alert
          type={proposal.uncertain ? 'warning' : 'info'}
          style={{ marginBottom: 12 }}
          data-testid={`proposal-${row}`}
          message={
            <Space wrap>
              {t('cases.proposal')}
              <Tag color="blue">{t(`cases.tiers.${proposal.tier}`)}</Tag>
              {proposal.band && (
                <span>
                  {yuan(proposal.band.min)} – {yuan(proposal.band.max)}
                </span>
              )}
              {proposal.statutory && (
                <Typography.Text type="secondary">
                  {t('cases.statutoryRange', { min: yuan(proposal.statutory.min), max: yuan(proposal.statutory.max) })}
                </Typography.Text>
              )}
              <Typography.Text type="secondary">{t(`cases.bandFrom.${proposal.from}`)}</Typography.Text>
              <Button
                size="small"
                onClick={() => {
                  set('tier', proposal.tier);
                  if (proposal.band)
                    set(
                      'fine',
                      proposal.band.min === proposal.band.max
                        ? proposal.band.min
                        : Math.round((proposal.band.min + proposal.band.max) / 2000) * 1000,
                    );
                  else set('fine', 0);
                }}
              >
                {t('cases.useProposal')}
              </Button>
            </Space>
          }
          description={proposal.bases.length ? proposal.bases.join('；') : undefined}
        />
      )}
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name={[row, 'tier']} label={t('cases.tier')}>
            <Select options={DISCRETION_TIERS.map((x) => ({ value: x, label: t(`cases.tiers.${x}`) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[row, 'fine']} label={t('cases.fine')} rules={AMOUNT_RULES}>
            <InputNumber
              min={0}
              precision={0}
              step={1000}
              addonAfter="元"
              style={{ width: '100%' }}
              data-testid={`violation-fine-${row}`}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={[row, 'measures']} label={t('cases.measures')}>
            <Select
              mode="tags"
              options={(item?.measures ?? []).filter(orderedByTheDepartment).map((m) => ({ value: m, label: m }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name={[row, 'reasoning']}
        label={t('cases.reasoning')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input.TextArea rows={2} data-testid={`violation-reasoning-${row}`} />
      </Form.Item>
      <Form.Item name={[row, 'hazardId']} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={[row, 'penaltyProvision']} hidden>
        <Input />
      </Form.Item>
    </>
  );
}
