import type { InspectionKind } from '../../../../shared/base/vocabulary.ts';
import { PLANNED_KINDS } from '../../../../shared/domain/plans/standing.ts';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { FormListFieldData, FormRule } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/base/errors.ts';
import type { PlanCondition, PlanRules } from '../../../../shared/entities/plan-rules.ts';
import { api } from '../../api/client.ts';
import { today } from '../../app/clock.ts';
import { useDiscardGuard } from '../../app/discard.tsx';
import { clearErrorsOnChange, errorMessage } from '../../app/errors.ts';
import { tKey } from '../../i18n.ts';
import { vocabOptions } from '../vocab.ts';
import {
  BOUNDS,
  type CapRow,
  cleanCondition,
  fromForm,
  isOpenCondition,
  type KeyRow,
  MAX_LENGTH,
  newRuleId,
  type NumberField,
  placeIssues,
  rangeIssue,
  type RuleListName,
  type RulesFormValues,
  type StratumRow,
  suggestVersion,
  toForm,
} from './rules-form.ts';

interface Props {
  open: boolean;
  /** The rules in force, which the editor starts from. */
  rules: PlanRules;
  /** Whether they are the unit's own; the bundled 示例 has nothing to restore. */
  own: boolean;
  onClose(): void;
  /** After a save or a restore: the classification is read again by the rules now in force. */
  onSaved(): void;
}

/**
 * 分类分级规则, edited by an admin as one whole (settings:update planRules): the 重点 scope, the extra visit and the
 * relief, the 双随机 strata with their shares, the caps and what they do not count. Ids are the app's, never typed.
 */
export function RulesEditor({ open, rules, own, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RulesFormValues>();
  const close = useDiscardGuard(form, onClose);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  // An approved plan records the version it was decided on: changed rules start with a new one, today's.
  const initial = useMemo(() => ({ ...toForm(rules), version: suggestVersion(rules.version, today()) }), [rules]);

  const send = async (next: PlanRules | null) => {
    setProblems([]);
    setBusy(true);
    try {
      await api.settings.update({ planRules: next });
      message.success(t(next ? 'plans.rulesEditor.saved' : 'plans.rulesEditor.resetDone'));
      onSaved();
    } catch (e) {
      const issues = e instanceof AppError ? (e.details?.issues ?? []) : [];
      if (!issues.length) message.error(errorMessage(e));
      else {
        const placed = placeIssues(
          issues,
          form.getFieldsError().map((f) => f.name),
        );
        form.setFields(
          placed.fields.map((f) => ({ name: f.name as never, errors: f.issues.map((i) => tKey(i.key, i.params)) })),
        );
        setProblems(placed.rest.map((i) => tKey(i.key, i.params)));
        // Under a field the form scrolls to; the rest sit above the form, perhaps out of sight, so said at once too.
        if (placed.fields.length) form.scrollToField(placed.fields[0].name as never);
        if (placed.rest.length) message.error(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    // The form shows what it refuses under each field (and scrolls to the first).
    const valid = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (valid) await send(fromForm(form.getFieldsValue(true)));
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      size={900}
      destroyOnHidden
      title={t('plans.rulesEditor.title')}
      data-testid="rules-editor"
      extra={
        <Space>
          {own && (
            <Popconfirm
              title={t('plans.rulesEditor.resetTitle')}
              description={<div style={{ maxWidth: 360 }}>{t('plans.rulesEditor.resetHint')}</div>}
              okText={t('plans.rulesEditor.reset')}
              okButtonProps={{ danger: true, 'data-testid': 'rules-reset-ok' } as { danger: boolean }}
              cancelText={t('common.cancel')}
              onConfirm={() => send(null)}
            >
              <Button danger disabled={busy} data-testid="rules-reset">
                {t('plans.rulesEditor.reset')}
              </Button>
            </Popconfirm>
          )}
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="rules-save">
            {t('plans.rulesEditor.save')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 16 }}>
        <Alert
          type="info"
          showIcon
          title={t('plans.rulesEditor.scope')}
          description={own ? undefined : t('plans.rulesEditor.fromExample')}
          data-testid="rules-scope"
        />
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('plans.rulesEditor.notSaved')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            }
            data-testid="rules-problems"
          />
        )}
      </Space>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        clearOnDestroy
        scrollToFirstError
        onValuesChange={clearErrorsOnChange(form)}
        data-testid="rules-form"
      >
        <VersionSection current={rules.version} />
        <KeySection />
        <ExtraSection />
        <StrataSection />
        <CapsSection />
        <NotesSection />
      </Form>
    </Drawer>
  );
}

/** A number field's rules: required, and within the schema's bounds (whole unless a share). */
function useNumberRules(field: NumberField): FormRule[] {
  const { t } = useTranslation();
  const { min, max } = BOUNDS[field];
  const whole = field !== 'percent';
  const range = rangeIssue(field);
  return [
    { required: true, message: t('validation.required') },
    {
      validator: (_, v: number | null | undefined) =>
        v === null || v === undefined || (v >= min && v <= max && (!whole || Number.isInteger(v)))
          ? Promise.resolve()
          : Promise.reject(new Error(tKey(range.key, range.params))),
    },
  ];
}

function NumberItem({
  name,
  field,
  label,
  extra,
}: {
  name: (string | number)[];
  field: NumberField;
  label: string;
  extra?: string;
}) {
  const rules = useNumberRules(field);
  return (
    <Form.Item name={name} label={label} rules={rules} extra={extra}>
      {/* No min/max on the input: it would silently clamp 120 to 100; the rule says what is wrong instead. */}
      <InputNumber
        style={{ width: '100%' }}
        precision={field === 'percent' ? undefined : 0}
        suffix={field === 'percent' ? '%' : undefined}
        data-testid={`rules-number-${field}`}
      />
    </Form.Item>
  );
}

function SectionTitle({ title, hint }: { title: string; hint?: string }) {
  return (
    <>
      <Divider titlePlacement="start">{title}</Divider>
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
    </>
  );
}

function VersionSection({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="version"
      label={t('plans.rulesEditor.version')}
      extra={t('plans.rulesEditor.versionHint', { current })}
      rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
    >
      <Input maxLength={MAX_LENGTH.version} style={{ maxWidth: 360 }} data-testid="rules-version" />
    </Form.Item>
  );
}

function KeySection() {
  const { t } = useTranslation();
  return (
    <>
      <SectionTitle title={t('plans.ruleSet.keyScope')} hint={t('plans.rulesEditor.keyHint')} />
      <RuleList
        list="key"
        testId="rules-key"
        addLabel={t('plans.rulesEditor.addKey')}
        openWarning={t('plans.rulesEditor.openKey')}
        blank={(id): KeyRow => ({ id, name: '', when: {} })}
      />
    </>
  );
}

function ExtraSection() {
  const { t } = useTranslation();
  return (
    <>
      <SectionTitle title={t('plans.ruleSet.extraVisit')} hint={t('plans.rulesEditor.extraHint')} />
      <Row gutter={16}>
        <Col span={6}>
          <NumberItem
            name={['extraVisit', 'accidentWithinYears']}
            field="accidentWithinYears"
            label={t('plans.rulesEditor.accidentWithinYears')}
          />
        </Col>
        <Col span={6}>
          <NumberItem
            name={['extraVisit', 'majorHazardWithinYears']}
            field="majorHazardWithinYears"
            label={t('plans.rulesEditor.majorHazardWithinYears')}
          />
        </Col>
        <Col span={12}>
          <Form.Item name={['extraVisit', 'creditStatuses']} label={t('enterprise.creditStatus')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('common.none')}
              options={vocabOptions(t, 'credit')}
              optionFilterProp="label"
              data-testid="rules-extra-credit"
            />
          </Form.Item>
        </Col>
      </Row>
      <SectionTitle title={t('plans.ruleSet.relief')} hint={t('plans.rulesEditor.reliefHint')} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={['relief', 'standardizationGrades']} label={t('enterprise.standardizationGrade')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('common.none')}
              options={vocabOptions(t, 'grades')}
              optionFilterProp="label"
              data-testid="rules-relief-grades"
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <NumberItem
            name={['relief', 'accidentFreeYears']}
            field="accidentFreeYears"
            label={t('plans.rulesEditor.accidentFreeYears')}
          />
        </Col>
      </Row>
    </>
  );
}

function StrataSection() {
  const { t } = useTranslation();
  return (
    <>
      <SectionTitle title={t('plans.rulesEditor.strata')} hint={t('plans.rulesEditor.strataHint')} />
      <RuleList
        list="strata"
        ordered
        testId="rules-stratum"
        addLabel={t('plans.rulesEditor.addStratum')}
        openWarning={t('plans.rulesEditor.openOrdered')}
        blank={(id): StratumRow => ({ id, name: '', when: {}, percent: null })}
        number={(f) => <NumberItem name={[f.name, 'percent']} field="percent" label={t('plans.strata.ratio')} />}
      />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={8}>
          <NumberItem
            name={['rotationDraws']}
            field="rotationDraws"
            label={t('plans.rulesEditor.rotationDraws')}
            extra={t('plans.rulesEditor.rotationHint')}
          />
        </Col>
      </Row>
    </>
  );
}

function CapsSection() {
  const { t } = useTranslation();
  return (
    <>
      <SectionTitle title={t('plans.ruleSet.caps')} hint={t('plans.rulesEditor.capsHint')} />
      <RuleList
        list="caps"
        ordered
        testId="rules-cap"
        addLabel={t('plans.rulesEditor.addCap')}
        openWarning={t('plans.rulesEditor.openOrdered')}
        blank={(id): CapRow => ({ id, name: '', when: {}, cap: null })}
        number={(f) => <NumberItem name={[f.name, 'cap']} field="cap" label={t('plans.rulesEditor.cap')} />}
      />
      <Form.Item
        name="capExempt"
        label={t('plans.rulesEditor.capExempt')}
        extra={t('plans.rulesEditor.capExemptHint')}
        style={{ marginTop: 16 }}
      >
        <Select
          mode="multiple"
          allowClear
          placeholder={t('common.none')}
          // The plan's own kinds are what the caps count.
          options={vocabOptions(t, 'inspectionKinds').filter((o) => !PLANNED_KINDS.includes(o.value as InspectionKind))}
          optionFilterProp="label"
          data-testid="rules-cap-exempt"
        />
      </Form.Item>
    </>
  );
}

function NotesSection() {
  const { t } = useTranslation();
  return (
    <>
      <SectionTitle title={t('plans.rulesEditor.notes')} />
      <Form.Item name="note" label={t('plans.ruleSet.note')}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={MAX_LENGTH.note}
          showCount
          data-testid="rules-note"
        />
      </Form.Item>
      <Form.Item name="source" label={t('plans.ruleSet.source')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={MAX_LENGTH.source}
          showCount
          data-testid="rules-source"
        />
      </Form.Item>
    </>
  );
}

interface RuleListProps {
  list: RuleListName;
  /** First match wins and the last row catches every enterprise (strata, caps); else any match counts (重点). */
  ordered?: boolean;
  testId: string;
  addLabel: string;
  /** Said under a condition left open, where that makes the rows after it (or the whole ledger) its own. */
  openWarning: string;
  blank(id: string): KeyRow;
  /** The row's own number (a stratum's share, a cap), beside its name. */
  number?: (field: FormListFieldData) => ReactNode;
}

/** A list of rules, one card each: name, number, condition; moves and removal as the list's order allows. */
function RuleList({ list, ordered, testId, addLabel, openWarning, blank, number }: RuleListProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<RulesFormValues>();
  const ids = () => ((form.getFieldValue(list) ?? []) as KeyRow[]).map((r) => r.id);
  return (
    <Form.List name={list}>
      {(fields, { add, remove, move }, { errors }) => (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {fields.map((f, i) => {
            const last = !!ordered && i === fields.length - 1;
            const action = (icon: ReactNode, label: string, onClick: () => void, disabled: boolean, id: string) => (
              <Tooltip title={label}>
                <Button
                  type="text"
                  size="small"
                  icon={icon}
                  aria-label={label}
                  disabled={disabled}
                  onClick={onClick}
                  data-testid={`${testId}-${id}`}
                />
              </Tooltip>
            );
            return (
              <Card
                key={f.key}
                size="small"
                data-testid={testId}
                title={t(`plans.rulesEditor.rowTitle.${list}`, { n: i + 1 })}
                extra={
                  last ? (
                    <Typography.Text type="secondary">{t('plans.rulesEditor.lastFixed')}</Typography.Text>
                  ) : (
                    <Space size={0}>
                      {ordered &&
                        action(<ArrowUpOutlined />, t('plans.rulesEditor.moveUp'), () => move(i, i - 1), i === 0, 'up')}
                      {/* Never below the last: the catch-all stays last. */}
                      {ordered &&
                        action(
                          <ArrowDownOutlined />,
                          t('plans.rulesEditor.moveDown'),
                          () => move(i, i + 1),
                          i >= fields.length - 2,
                          'down',
                        )}
                      {action(
                        <DeleteOutlined />,
                        t('plans.rulesEditor.remove'),
                        () => remove(f.name),
                        fields.length <= 1,
                        'remove',
                      )}
                    </Space>
                  )
                }
              >
                <Row gutter={12}>
                  <Col span={number ? 16 : 24}>
                    <Form.Item
                      name={[f.name, 'name']}
                      label={t('plans.rulesEditor.name')}
                      rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                    >
                      <Input maxLength={MAX_LENGTH.name} data-testid={`${testId}-name`} />
                    </Form.Item>
                  </Col>
                  {number && <Col span={8}>{number(f)}</Col>}
                </Row>
                {last ? (
                  <Form.Item
                    label={t('plans.rulesEditor.when')}
                    extra={t('plans.rulesEditor.restAllHint')}
                    style={{ marginBottom: 0 }}
                  >
                    <Tag data-testid={`${testId}-rest`}>{t('plans.rulesEditor.restAll')}</Tag>
                  </Form.Item>
                ) : (
                  <Form.Item
                    name={[f.name, 'when']}
                    label={t('plans.rulesEditor.when')}
                    extra={i === 0 ? t('plans.rulesEditor.whenHint') : undefined}
                    style={{ marginBottom: 0 }}
                  >
                    <ConditionField openWarning={openWarning} />
                  </Form.Item>
                )}
              </Card>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            // A new stratum or cap goes above the catch-all; a 重点 rule anywhere (any match counts).
            onClick={() => add(blank(newRuleId(list, ids())), ordered ? fields.length - 1 : undefined)}
            data-testid={`${testId}-add`}
          >
            {addLabel}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

const CONDITION_LISTS = ['categories', 'standardizationGrades', 'riskGrades', 'creditStatuses'] as const;

/**
 * Which enterprises a rule speaks of, as four multi-selects; an emptied one means any and is left out of the
 * condition, as the rules write it.
 */
function ConditionField({
  value,
  onChange,
  id,
  openWarning,
}: {
  value?: PlanCondition;
  onChange?: (v: PlanCondition) => void;
  id?: string;
  openWarning: string;
}) {
  const { t } = useTranslation();
  const lists: Record<
    (typeof CONDITION_LISTS)[number],
    { label: string; options: { value: string; label: string }[] }
  > = {
    categories: { label: t('enterprise.categories'), options: vocabOptions(t, 'categories') },
    standardizationGrades: { label: t('enterprise.standardizationGrade'), options: vocabOptions(t, 'grades') },
    riskGrades: {
      label: t('enterprise.riskGrade'),
      options: [...vocabOptions(t, 'risks'), { value: 'unknown', label: t('plans.rulesEditor.riskUnknown') }],
    },
    creditStatuses: { label: t('enterprise.creditStatus'), options: vocabOptions(t, 'credit') },
  };
  return (
    <div id={id}>
      <Row gutter={[12, 8]}>
        {CONDITION_LISTS.map((k) => (
          <Col span={12} key={k}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {lists[k].label}
            </Typography.Text>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('plans.rulesEditor.any')}
              value={(value?.[k] ?? []) as string[]}
              options={lists[k].options}
              optionFilterProp="label"
              style={{ width: '100%' }}
              onChange={(v: string[]) => onChange?.(cleanCondition({ ...value, [k]: v } as PlanCondition))}
              data-testid={`rules-when-${k}`}
            />
          </Col>
        ))}
      </Row>
      {isOpenCondition(value) && (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 4 }} data-testid="rules-open-warning">
          {openWarning}
        </Typography.Text>
      )}
    </div>
  );
}
