import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Checklist } from '../../../../shared/entities/checklist.ts';
import { criteriaBasis, withCriteria } from '../../../../shared/domain/hazard-criteria.ts';
import type { Hazard } from '../../../../shared/entities/hazard.ts';
import type { Inspection } from '../../../../shared/entities/inspection.ts';
import { api } from '../../api/client.ts';
import { useDiscardGuard } from '../../app/discard.tsx';
import { errorMessage, showFieldErrors, clearErrorsOnChange } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { DateField } from '../fields.tsx';

const STATUS_COLORS: Record<Hazard['status'], string> = { open: 'orange', rectified: 'green', 'not-rectified': 'red' };

/** What a hazard is, how grave, by when, and where it stands: the same columns wherever hazards are listed. */
export function hazardColumns(t: TFunction): TableColumnsType<Hazard> {
  return [
    {
      title: t('hazard.description'),
      dataIndex: 'description',
      render: (v: string, h) => (
        <Space direction="vertical" size={0}>
          <span>{v}</span>
          {h.criteria && (
            <Tooltip title={`${h.criteria.checklist} ${h.criteria.article}`}>
              <span className="field-hint">
                {h.criteria.article} {h.criteria.checklist}
              </span>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('hazard.level'),
      dataIndex: 'level',
      width: 90,
      render: (v: Hazard['level'], h) => (
        <Space size={2}>
          <Tag color={v === 'major' ? 'red' : 'default'}>{t(`hazard.levels.${v}`)}</Tag>
          {h.criteria?.criminalRisk && <Tag color="magenta">{t('hazard.criminalRisk')}</Tag>}
        </Space>
      ),
    },
    { title: t('hazard.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('hazard.recheckDue'),
      dataIndex: 'recheckDue',
      width: 130,
      render: (v: string | null, h) =>
        v ? (
          <>
            {v}
            {h.recheckDueUncertain && <Tag color="gold">{t('hazard.toVerify')}</Tag>}
          </>
        ) : (
          ''
        ),
    },
    {
      title: t('hazard.status'),
      dataIndex: 'status',
      width: 100,
      render: (v: Hazard['status']) => <Tag color={STATUS_COLORS[v]}>{t(`hazard.statuses.${v}`)}</Tag>,
    },
  ];
}

/**
 * The hazards of an inspection. On a 复查, the hazards of the inspection it re-checks, each with
 * buttons to record what the re-check found.
 */
export function HazardsCard({
  inspection,
  categories,
  onChanged,
}: {
  inspection: Inspection;
  categories: string[];
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [hazards, setHazards] = useState<Hazard[]>([]);
  const [checklists, setChecklists] = useState<Checklist[]>([]);
  const [editing, setEditing] = useState<Hazard | 'new' | null>(null);
  const [extending, setExtending] = useState<Hazard | null>(null);
  const [form] = Form.useForm();
  const [extForm] = Form.useForm();
  const closeHazard = useDiscardGuard(form, () => setEditing(null));
  const recheck = inspection.kind === 'recheck' && inspection.recheckOf !== null;
  const source = recheck ? inspection.recheckOf! : inspection.id;
  const writable = can('inspections.write');

  const load = useCallback(async () => {
    try {
      setHazards(await api.hazards.list({ inspectionId: source }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [source, message]);
  useEffect(() => {
    void load();
    void api.knowledge
      .checklists()
      .then(setChecklists)
      .catch(() => undefined);
  }, [load]);

  const itemOf = (id?: string) => checklists.flatMap((c) => c.items).find((i) => i.id === id);
  // Picking an item fills what it decides at once, as the core will keep it: 重大 and the suggested basis. A basis the
  // officer wrote is kept; one the previous item suggested gives way to the new item's.
  const picked = useRef<string | undefined>(undefined);
  const applyCriteria = (id?: string) => {
    const item = itemOf(id);
    const before = itemOf(picked.current);
    picked.current = id;
    if (!item) return;
    const typed: string = form.getFieldValue('legalBasis') ?? '';
    const basis = before && typed === criteriaBasis(before) ? '' : typed;
    const applied = withCriteria(item, { level: form.getFieldValue('level') ?? 'general', legalBasis: basis });
    form.setFieldsValue(applied);
  };

  // The criteria offered follow the enterprise's supervision categories.
  // The checklist chosen for the inspection comes first; otherwise every list for the enterprise's categories.
  const criteriaOptions = useMemo(
    () =>
      checklists
        .filter((c) =>
          inspection.checklistId ? c.id === inspection.checklistId : c.categories.some((k) => categories.includes(k)),
        )
        .map((c) => ({
          label: c.name,
          options: c.items
            .filter((i) => !i.categories || i.categories.some((k) => categories.includes(k)))
            .map((i) => ({
              value: i.id,
              label: `${i.article} ${i.text}${i.uncertain ? `（${t('hazard.uncertain')}）` : ''}`,
            })),
        }))
        .filter((g) => g.options.length),
    [checklists, categories, t, inspection.checklistId],
  );

  const open = (h: Hazard | 'new') => {
    form.resetFields();
    if (h !== 'new') form.setFieldsValue(h);
    picked.current = h === 'new' ? undefined : (h.criteriaItemId ?? undefined);
    setEditing(h);
  };
  const save = async () => {
    const v = await form.validateFields();
    const hazard = {
      ...v,
      inspectionId: inspection.id,
      criteriaItemId: v.criteriaItemId ?? null,
      deadline: v.deadline || null,
    };
    try {
      if (editing === 'new') await api.hazards.create(hazard);
      else if (editing) await api.hazards.update({ id: editing.id, version: editing.version, hazard });
      setEditing(null);
      void load();
      onChanged?.();
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    }
  };
  const result = async (h: Hazard, value: 'rectified' | 'not-rectified') => {
    try {
      await api.hazards.recheck({ id: h.id, recheckInspectionId: inspection.id, result: value, note: '' });
      void load();
      onChanged?.();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const extend = async () => {
    const v = await extForm.validateFields();
    try {
      await api.hazards.extend({ id: extending!.id, ...v });
      setExtending(null);
      void load();
    } catch (e) {
      if (!showFieldErrors(extForm, e)) message.error(errorMessage(e));
    }
  };

  return (
    <Card
      size="small"
      title={recheck ? t('hazard.recheckTitle') : t('hazard.title')}
      style={{ marginBottom: 16 }}
      extra={
        writable &&
        !recheck && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="hazard-create">
            {t('hazard.create')}
          </Button>
        )
      }
    >
      <Table<Hazard>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={hazards}
        data-testid="hazard-list"
        columns={[
          ...hazardColumns(t),
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  width: 200,
                  render: (_: unknown, h: Hazard) =>
                    recheck ? (
                      <Space>
                        <Button
                          size="small"
                          onClick={() => void result(h, 'rectified')}
                          data-testid={`rectified-${h.id}`}
                        >
                          {t('hazard.rectified')}
                        </Button>
                        <Button
                          size="small"
                          danger
                          onClick={() => void result(h, 'not-rectified')}
                          data-testid={`not-rectified-${h.id}`}
                        >
                          {t('hazard.notRectified')}
                        </Button>
                      </Space>
                    ) : (
                      <Space>
                        <Button size="small" onClick={() => open(h)}>
                          {t('common.edit')}
                        </Button>
                        {h.status === 'open' && (
                          <Button
                            size="small"
                            onClick={() => {
                              extForm.resetFields();
                              setExtending(h);
                            }}
                          >
                            {t('hazard.extend')}
                          </Button>
                        )}
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        width={760}
        title={editing === 'new' ? t('hazard.create') : t('hazard.edit')}
        onCancel={closeHazard}
        onOk={() => void save()}
        destroyOnHidden
      >
        <Form
          form={form}
          onValuesChange={clearErrorsOnChange(form)}
          layout="vertical"
          initialValues={{ level: 'general' }}
        >
          <Form.Item
            name="description"
            label={t('hazard.description')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.TextArea autoSize data-testid="hazard-description" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="location" label={t('hazard.location')}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="level" label={t('hazard.level')}>
                <Radio.Group
                  options={[
                    { value: 'general', label: t('hazard.levels.general') },
                    { value: 'major', label: t('hazard.levels.major') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="deadline" label={t('hazard.deadline')}>
                <DateField />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="criteriaItemId" label={t('hazard.criteria')} extra={t('hazard.criteriaHint')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={criteriaOptions}
              onChange={(id?: string) => applyCriteria(id)}
              data-testid="hazard-criteria"
            />
          </Form.Item>
          {criteriaOptions.length === 0 && (
            <Alert type="info" message={t('hazard.noCriteria')} style={{ marginBottom: 12 }} />
          )}
          <Form.Item name="legalBasis" label={t('hazard.legalBasis')}>
            <Input.TextArea autoSize />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={extending !== null}
        title={t('hazard.extendTitle')}
        onCancel={() => setExtending(null)}
        onOk={() => void extend()}
        destroyOnHidden
      >
        <Form
          form={extForm}
          onValuesChange={clearErrorsOnChange(extForm)}
          layout="vertical"
          initialValues={{ decision: 'approved' }}
        >
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="requestedOn"
                label={t('hazard.requestedOn')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <DateField />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="requestedUntil"
                label={t('hazard.requestedUntil')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <DateField />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="reason"
            label={t('hazard.extendReason')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="decision" label={t('hazard.decision')}>
            <Radio.Group
              options={[
                { value: 'approved', label: t('hazard.approved') },
                { value: 'rejected', label: t('hazard.rejected') },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
