import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { today } from '../../app/clock.ts';

/** The 本单位 fields, shared by first-run setup and the settings page. */
export function UnitFields({ prefix = [] }: { prefix?: string[] }) {
  const { t } = useTranslation();
  const name = (f: string) => [...prefix, f];
  const numberPrefix = Form.useWatch(name('numberPrefix'));
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name={name('agencyName')}
            label={t('unit.agencyName')}
            extra={t('unit.agencyNameHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={name('squadName')}
            label={t('unit.squadName')}
            extra={t('unit.squadNameHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name={name('regionCode')}
            label={t('unit.regionCode')}
            extra={t('unit.regionCodeHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input maxLength={6} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name={name('numberPrefix')}
            label={t('unit.numberPrefix')}
            rules={[{ required: true, message: t('validation.required') }]}
            extra={
              <>
                {t('unit.numberPrefixHint')}
                {numberPrefix ? (
                  <div>{t('unit.numberPreview', { example: `${numberPrefix}罚〔${today().slice(0, 4)}〕1号` })}</div>
                ) : null}
              </>
            }
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name={name('reviewAgency')}
            label={t('unit.reviewAgency')}
            extra={t('unit.reviewAgencyHint')}
            rules={[
              { required: true, message: t('validation.required') },
              { pattern: /人民政府$/, warningOnly: true, message: t('unit.reviewAgencyNotGovernment') },
            ]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={name('court')}
            label={t('unit.court')}
            extra={t('unit.courtHint')}
            rules={[
              { required: true, message: t('validation.required') },
              { pattern: /人民法院$/, warningOnly: true, message: t('unit.courtNotFull') },
            ]}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name={name('address')}
            label={t('unit.address')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name={name('phone')}
            label={t('unit.phone')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={name('postalCode')} label={t('unit.postalCode')}>
            <Input maxLength={6} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
