import { Alert, App, Button, Col, Divider, Form, Input, InputNumber, Row, Switch, Upload } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorMessage, showFieldErrors, clearErrorsOnChange } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { UnitFields } from '../setup/UnitFields.tsx';

export function UnitTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, refreshInfo } = useSession();
  const [form] = Form.useForm();
  const editable = can('unit.manage');
  useEffect(() => {
    void api.unit.get().then((u) => u && form.setFieldsValue(u));
  }, [form]);
  const save = async () => {
    const values = await form.validateFields();
    try {
      await api.unit.update(values);
      message.success(t('common.saved'));
      void refreshInfo();
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    }
  };
  return (
    <Form
      form={form}
      onValuesChange={clearErrorsOnChange(form)}
      layout="vertical"
      disabled={!editable}
      style={{ maxWidth: 960 }}
    >
      {!editable && <Alert type="info" message={t('settings.adminOnly')} style={{ marginBottom: 16 }} />}
      <UnitFields />
      {editable && (
        <Button type="primary" onClick={() => void save()}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}

export function SystemTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [form] = Form.useForm();
  const editable = can('settings.manage');
  useEffect(() => {
    void api.settings.get().then((s) => form.setFieldsValue(s));
  }, [form]);
  const save = async () => {
    try {
      await form.validateFields();
      // The whole store, not only the inputs on screen: geometry the form does not show is kept as it is.
      form.setFieldsValue(await api.settings.update(form.getFieldsValue(true)));
      message.success(t('common.saved'));
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    }
  };
  const mm = (name: string) => (
    <Col span={6} key={name}>
      <Form.Item name={['documentLayout', name]} label={t(`settings.layout.${name}` as never)}>
        <InputNumber min={5} max={140} step={0.5} addonAfter="mm" />
      </Form.Item>
    </Col>
  );
  return (
    <Form
      form={form}
      onValuesChange={clearErrorsOnChange(form)}
      layout="vertical"
      disabled={!editable}
      style={{ maxWidth: 960 }}
    >
      {!editable && <Alert type="info" message={t('settings.adminOnly')} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="idleLockMinutes" label={t('settings.idleLockMinutes')}>
            <InputNumber min={1} max={240} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="backupKeep" label={t('settings.backupKeep')}>
            <InputNumber min={1} max={365} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="certExpiryWarningDays" label={t('settings.certExpiryWarningDays')}>
            <InputNumber min={0} max={365} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('settings.documentsSection')}</Divider>
      <Row gutter={16}>
        {/* The numbering scheme (per 代字, or per case) appears here once cases exist. */}
        <Col span={8}>
          <Form.Item name="recheckWithinDays" label={t('settings.recheckWithinDays')} extra={t('settings.recheckHint')}>
            <InputNumber min={1} max={60} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="recheckDaysAreWorkdays" label={t('settings.recheckDaysKind')} valuePropName="checked">
            <Switch checkedChildren={t('settings.workdays')} unCheckedChildren={t('settings.naturalDays')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        {[
          'marginTopMm',
          'marginBottomMm',
          'marginLeftMm',
          'marginRightMm',
          'headerTopMm',
          'titleTopMm',
          'numberTopMm',
          'bodyTopMm',
        ].map(mm)}
      </Row>
      <Divider titlePlacement="start">{t('settings.fontsSection')}</Divider>
      <Alert type="info" style={{ marginBottom: 12 }} message={t('settings.fontsHint')} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={['fontOverrides', 'Fang', 'normal']} label={t('settings.fontFang')}>
            <Input placeholder="C:\Windows\Fonts\simfang.ttf" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['fontOverrides', 'Hei', 'normal']} label={t('settings.fontHei')}>
            <Input placeholder="C:\Windows\Fonts\simhei.ttf" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['fontOverrides', 'Song', 'normal']} label={t('settings.fontSong')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['fontOverrides', 'Song', 'bold']} label={t('settings.fontSongBold')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      {editable && (
        <Button type="primary" onClick={() => void save()}>
          {t('common.save')}
        </Button>
      )}
      {editable && (
        <Upload
          accept=".json"
          showUploadList={false}
          beforeUpload={(file) => {
            void (async () => {
              try {
                const list = await api.knowledge.importChecklist({ fileName: file.name, text: await file.text() });
                message.success(`${t('settings.importChecklist')}：${list.name}`);
              } catch (e) {
                message.error(errorMessage(e));
              }
            })();
            return false;
          }}
        >
          <Button style={{ marginLeft: 12 }}>{t('settings.importChecklist')}</Button>
        </Upload>
      )}
    </Form>
  );
}
