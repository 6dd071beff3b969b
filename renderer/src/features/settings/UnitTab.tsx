import { Alert, App, Button, Form, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/entities/account.ts';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorMessage, showFieldErrors } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { UnitFields } from '../setup/UnitFields.tsx';

export function UnitTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, refreshInfo } = useSession();
  const [form] = Form.useForm();
  const editable = can('unit.manage');
  useEffect(() => { void api.unit.get().then((u) => u && form.setFieldsValue(u)); }, [form]);
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
    <Form form={form} layout="vertical" disabled={!editable} style={{ maxWidth: 960 }}>
      {!editable && <Alert type="info" message={t('settings.adminOnly')} style={{ marginBottom: 16 }} />}
      <UnitFields />
      {editable && <Button type="primary" onClick={() => void save()}>{t('common.save')}</Button>}
    </Form>
  );
}

export function SystemTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [form] = Form.useForm();
  const [current, setCurrent] = useState<Settings | null>(null);
  const editable = can('settings.manage');
  useEffect(() => { void api.settings.get().then((s) => { setCurrent(s); form.setFieldsValue(s); }); }, [form]);
  const save = async () => {
    try {
      // The form shows some settings; the others (document layout…) are sent back as they were.
      setCurrent(await api.settings.update({ ...current!, ...(await form.validateFields()) }));
      message.success(t('common.saved'));
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    }
  };
  return (
    <Form form={form} layout="vertical" disabled={!editable} style={{ maxWidth: 480 }}>
      {!editable && <Alert type="info" message={t('settings.adminOnly')} style={{ marginBottom: 16 }} />}
      <Form.Item name="idleLockMinutes" label={t('settings.idleLockMinutes')}><InputNumber min={1} max={240} /></Form.Item>
      <Form.Item name="backupKeep" label={t('settings.backupKeep')}><InputNumber min={1} max={365} /></Form.Item>
      <Form.Item name="certExpiryWarningDays" label={t('settings.certExpiryWarningDays')}><InputNumber min={0} max={365} /></Form.Item>
      {editable && <Button type="primary" onClick={() => void save()}>{t('common.save')}</Button>}
    </Form>
  );
}
