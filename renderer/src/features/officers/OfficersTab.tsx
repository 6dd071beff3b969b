import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Officer, OfficerAbsence } from '../../../../shared/entities/officer.ts';
import { api } from '../../api/client.ts';
import { today } from '../../app/clock.ts';
import { errorMessage, showFieldErrors, clearErrorsOnChange } from '../../app/errors.ts';
import { useSession } from '../../app/session.tsx';
import { UnprintableAlert } from '../UnprintableAlert.tsx';
import { vocabLabel, vocabOptions } from '../vocab.ts';
import { formatDate } from '../format.ts';
import { AbsencesDrawer, coversToday } from './AbsencesDrawer.tsx';

const STATUS_COLORS: Record<Officer['certStatus'], string> = {
  valid: 'green',
  expiring: 'orange',
  expired: 'red',
  notYetValid: 'default',
};

export function OfficersTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [editing, setEditing] = useState<Officer | 'new' | null>(null);
  const [absencesOf, setAbsencesOf] = useState<Officer | null>(null);
  // Who is away today (the core's today), for the roster's 请假中 tag.
  const [away, setAway] = useState<Map<number, OfficerAbsence>>(new Map());
  const [form] = Form.useForm();
  // An officer's name is printed on every document they sign.
  const printed = useMemo(() => [{ name: 'name', label: t('officer.name') }], [t]);

  const loadAway = useCallback(async () => {
    const day = today();
    const list = await api.officers.absences({ from: day, to: day });
    setAway(new Map(list.filter((a) => coversToday(a, day)).map((a) => [a.officerId, a])));
  }, []);
  const load = useCallback(async () => {
    try {
      const [list] = await Promise.all([api.officers.list({ includeOffDuty: true }), loadAway()]);
      setOfficers(list);
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [message, loadAway]);
  useEffect(() => {
    void load();
  }, [load]);

  const open = (o: Officer | 'new') => {
    form.resetFields();
    if (o !== 'new')
      form.setFieldsValue({ ...o, certValidFrom: dayjs(o.certValidFrom), certValidTo: dayjs(o.certValidTo) });
    setEditing(o);
  };
  const save = async () => {
    const v = await form.validateFields();
    const officer = {
      ...v,
      certValidFrom: v.certValidFrom.format('YYYY-MM-DD'),
      certValidTo: v.certValidTo.format('YYYY-MM-DD'),
    };
    try {
      if (editing === 'new') await api.officers.create(officer);
      else if (editing) await api.officers.update({ id: editing.id, officer });
      setEditing(null);
      void load();
    } catch (e) {
      if (!showFieldErrors(form, e)) message.error(errorMessage(e));
    }
  };

  const required = [{ required: true, message: t('validation.required') }];
  return (
    <>
      {can('roster.write') && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => open('new')}>
          {t('officer.create')}
        </Button>
      )}
      <Table<Officer>
        rowKey="id"
        dataSource={officers}
        pagination={false}
        size="middle"
        onRow={(o) => ({
          onClick: () => can('roster.write') && open(o),
          style: { cursor: can('roster.write') ? 'pointer' : undefined },
        })}
        columns={[
          {
            title: t('officer.name'),
            dataIndex: 'name',
            render: (v: string, o) => {
              const a = away.get(o.id);
              return (
                <Space size={6} wrap>
                  {v}
                  {a && (
                    <Tooltip
                      title={t('absence.currentTip', {
                        kind: vocabLabel(t, 'absences', a.kind),
                        from: formatDate(a.from),
                        to: formatDate(a.to),
                      })}
                    >
                      <Tag color="orange" data-testid="officer-away">
                        {t(`absence.current.${a.kind}`)}
                      </Tag>
                    </Tooltip>
                  )}
                </Space>
              );
            },
          },
          { title: t('officer.certificateNo'), dataIndex: 'certificateNo', className: 'mono' },
          { title: t('officer.post'), dataIndex: 'post', render: (v: string) => vocabLabel(t, 'posts', v) },
          { title: t('officer.certValidTo'), dataIndex: 'certValidTo' },
          {
            title: t('officer.certStatus'),
            dataIndex: 'certStatus',
            render: (v: Officer['certStatus'], o) => (
              <Tag color={STATUS_COLORS[v]}>{t(`officer.status.${v}`, { days: o.daysToExpiry })}</Tag>
            ),
          },
          { title: t('officer.idCard'), dataIndex: 'idCard', className: 'mono' },
          {
            title: t('officer.onDuty'),
            dataIndex: 'onDuty',
            render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
          },
          {
            title: t('common.actions'),
            width: 170,
            render: (_, o) => (
              <a
                onClick={(e) => {
                  // The row opens the officer's edit form; this opens the absences instead.
                  e.stopPropagation();
                  setAbsencesOf(o);
                }}
                data-testid="officer-absences"
              >
                {t('absence.action')}
              </a>
            ),
          },
        ]}
      />
      <AbsencesDrawer
        officer={absencesOf}
        onClose={() => setAbsencesOf(null)}
        onChanged={() => void loadAway().catch((e) => message.error(errorMessage(e)))}
      />
      <Modal
        open={editing !== null}
        width={720}
        title={editing === 'new' ? t('officer.createTitle') : t('officer.editTitle')}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        destroyOnHidden
      >
        <Form
          form={form}
          onValuesChange={clearErrorsOnChange(form)}
          layout="vertical"
          initialValues={{ post: 'officer', onDuty: true }}
        >
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="name" label={t('officer.name')} rules={required}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="certificateNo" label={t('officer.certificateNo')} rules={required}>
                <Input className="mono" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="post" label={t('officer.post')}>
                <Select options={vocabOptions(t, 'posts')} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="certValidFrom" label={t('officer.certValidFrom')} rules={required}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="certValidTo" label={t('officer.certValidTo')} rules={required}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="onDuty" label={t('officer.onDuty')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                name="idCard"
                label={t('officer.idCard')}
                extra={editing !== 'new' && editing?.idCard ? t('officer.idCardMasked') : undefined}
              >
                <Input className="mono" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="phone" label={t('officer.phone')}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <UnprintableAlert form={form} fields={printed} />
          <Form.Item name="notes" label={t('officer.notes')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
