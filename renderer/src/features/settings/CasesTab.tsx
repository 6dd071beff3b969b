import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_PERIOD_IDS } from '../../../../shared/domain/case-procedure.ts';
import { LEGAL_REVIEW_TRIGGERS } from '../../../../shared/entities/settings.ts';
import type { DiscretionBenchmark } from '../../../../shared/entities/discretion.ts';
import type { StatutoryPeriod } from '../../../../shared/entities/period.ts';
import { api } from '../../api/client.ts';
import { errorMessage, showFieldErrors, clearErrorsOnChange } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { tKey } from '../../i18n.ts';
import { FileOrderSection } from './FileOrderSection.tsx';
import { ReviewStandardSection } from './ReviewStandardSection.tsx';
import { today } from '../../app/clock.ts';

/**
 * What each province or unit decides for its cases: the hearing thresholds (较大数额), which cases
 * need 法制审核 and 集体讨论, the 当场处罚 caps, where fines are paid, the periods still 待核实 under
 * 应急管理部令第18号 until an admin confirms them, the province's discretion benchmark and its 卷内目录 order.
 */
export function CasesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [form] = Form.useForm();
  const editable = can('settings.manage');
  const [periods, setPeriods] = useState<StatutoryPeriod[]>([]);
  const [benchmarks, setBenchmarks] = useState<DiscretionBenchmark[]>([]);
  useEffect(() => {
    void Promise.all([api.settings.get(), api.knowledge.periods(), api.knowledge.benchmarks()])
      .then(([s, p, b]) => {
        form.setFieldsValue(s);
        setPeriods(
          p.filter(
            (x) =>
              x.uncertain &&
              (CASE_PERIOD_IDS as readonly string[]).includes(x.id) &&
              (!x.effectiveTo || x.effectiveTo >= today()),
          ),
        );
        setBenchmarks(b);
      })
      .catch((e) => message.error(errorMessage(e)));
  }, [form, message]);

  const save = async () => {
    try {
      await form.validateFields();
      // The 卷内目录 order and the review standard are kept by their own sections (an import there must not be undone by this save).
      const { fileOrder: _order, reviewStandard: _standard, ...values } = form.getFieldsValue(true);
      // An emptied confirmation returns the period to 待核实.
      const confirmedPeriods = Object.fromEntries(
        Object.entries(values.confirmedPeriods ?? {}).filter(([, v]) => typeof v === 'number'),
      );
      form.setFieldsValue(await api.settings.update({ ...values, confirmedPeriods }));
      message.success(t('common.saved'));
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    }
  };
  const importBenchmark = async (file: File) => {
    try {
      const b = await api.knowledge.importBenchmark({ fileName: file.name, text: await file.text() });
      message.success(t('settings.cases.benchmarkImported', { name: b.name }));
      setBenchmarks(await api.knowledge.benchmarks());
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const triggers = LEGAL_REVIEW_TRIGGERS.map((x) => ({ value: x, label: tKey(`cases.triggers.${x}`) }));
  const yuan = (max?: number) => (
    <InputNumber min={0} max={max} step={1000} precision={0} addonAfter="元" style={{ width: '100%' }} />
  );

  return (
    <Form
      form={form}
      onValuesChange={clearErrorsOnChange(form)}
      layout="vertical"
      disabled={!editable}
      style={{ maxWidth: 960 }}
      data-testid="settings-cases"
    >
      {!editable && <Alert type="info" message={t('settings.adminOnly')} style={{ marginBottom: 16 }} />}
      <Divider titlePlacement="start">{t('settings.cases.hearingSection')}</Divider>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name={['hearingThresholds', 'unit']}
            label={t('settings.cases.hearingUnit')}
            extra={t('settings.cases.hearingHint')}
          >
            {yuan()}
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['hearingThresholds', 'person']} label={t('settings.cases.hearingPerson')}>
            {yuan()}
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="legalReviewTriggers"
        label={t('settings.cases.legalReviewTriggers')}
        extra={t('settings.cases.legalReviewHint')}
      >
        <Checkbox.Group options={triggers} />
      </Form.Item>
      <Form.Item name="collectiveTriggers" label={t('settings.cases.collectiveTriggers')}>
        <Checkbox.Group options={triggers} />
      </Form.Item>
      <Divider titlePlacement="start">{t('settings.cases.summarySection')}</Divider>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name={['summaryLimits', 'unit']}
            label={t('settings.cases.summaryUnit')}
            extra={t('settings.cases.summaryHint')}
          >
            {yuan(3000)}
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['summaryLimits', 'person']} label={t('settings.cases.summaryPerson')}>
            {yuan(200)}
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="finePaymentPlace"
        label={t('settings.cases.paymentPlace')}
        extra={t('settings.cases.paymentPlaceHint')}
      >
        <Input data-testid="settings-payment-place" />
      </Form.Item>
      <Divider titlePlacement="start">{t('settings.cases.signersSection')}</Divider>
      <Typography.Paragraph type="secondary">{t('settings.cases.signersHint')}</Typography.Paragraph>
      <Row gutter={16}>
        {(['review', 'approve'] as const).map((row) => [
          <Col span={6} key={`${row}-name`}>
            <Form.Item name={['approvalSigners', row, 'name']} label={t(`settings.cases.signer.${row}`)}>
              <Input maxLength={50} data-testid={`settings-signer-${row}`} />
            </Form.Item>
          </Col>,
          <Col span={6} key={`${row}-post`}>
            <Form.Item name={['approvalSigners', row, 'post']} label={t('settings.cases.signerPost')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>,
        ])}
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name={['publicationYears', 'unit']}
            label={`${t('settings.cases.publicationYears')} · ${t('settings.cases.publicationUnit')}`}
            extra={t('settings.cases.publicationYearsHint')}
          >
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name={['publicationYears', 'person']}
            label={`${t('settings.cases.publicationYears')} · ${t('settings.cases.publicationPerson')}`}
          >
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('settings.cases.periodsSection')}</Divider>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('settings.cases.periodsHint')} />
      <Table<StatutoryPeriod>
        rowKey={(p) => `${p.id}|${p.effectiveFrom}`}
        size="small"
        pagination={false}
        dataSource={periods}
        style={{ marginBottom: 16 }}
        columns={[
          {
            title: t('settings.cases.periodName'),
            dataIndex: 'name',
            render: (v: string, p) => (
              <Space direction="vertical" size={0}>
                {v}
                <Typography.Text type="secondary">{p.basis}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('settings.cases.periodValue'),
            width: 120,
            render: (_, p) => `${p.length} ${tKey(`settings.cases.units.${p.unit}`)}`,
          },
          {
            title: t('settings.cases.periodNote'),
            dataIndex: 'note',
            render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
          },
          {
            title: t('settings.cases.periodConfirmed'),
            width: 170,
            render: (_, p) => (
              <Form.Item name={['confirmedPeriods', p.id]} style={{ margin: 0 }}>
                <InputNumber
                  min={1}
                  max={365}
                  precision={0}
                  placeholder={t('settings.cases.notConfirmed')}
                  addonAfter={tKey(`settings.cases.units.${p.unit}`)}
                  data-testid={`confirm-period-${p.id}`}
                />
              </Form.Item>
            ),
          },
        ]}
      />
      {editable && (
        <Button type="primary" onClick={() => void save()} data-testid="settings-cases-save">
          {t('common.save')}
        </Button>
      )}

      <Divider titlePlacement="start">{t('settings.cases.benchmarksSection')}</Divider>
      <Table<DiscretionBenchmark>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={benchmarks}
        style={{ marginBottom: 12 }}
        columns={[
          {
            title: t('settings.cases.benchmarkName'),
            dataIndex: 'name',
            render: (v: string, b) => (
              <Space>
                {v}
                {b.example && <Tag color="orange">{t('settings.cases.example')}</Tag>}
              </Space>
            ),
          },
          { title: t('settings.cases.benchmarkVersion'), dataIndex: 'version', width: 100 },
          { title: t('settings.cases.benchmarkFrom'), dataIndex: 'effectiveFrom', width: 120 },
          { title: t('settings.cases.benchmarkEntries'), width: 100, render: (_, b) => b.entries.length },
        ]}
      />
      {editable && (
        <Upload
          accept=".json"
          showUploadList={false}
          beforeUpload={(file) => {
            void importBenchmark(file);
            return false;
          }}
        >
          <Button data-testid="import-benchmark">{t('settings.cases.importBenchmark')}</Button>
        </Upload>
      )}
      <FileOrderSection editable={editable} />
      <ReviewStandardSection editable={editable} />
    </Form>
  );
}
