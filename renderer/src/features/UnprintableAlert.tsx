import { Alert, Button, Form, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useSession } from '../app/session.tsx';

interface Unprintable {
  field: string;
  char: string;
  codePoint: string;
}

/**
 * The characters of the named fields that no document font can print (a rare character in a name or an address),
 * said as they are typed with the check every document makes before it renders. The ledger keeps them: only the
 * documents would fail, at their 签发. An admin is offered the font setting; anyone else is told to ask for it.
 * `fields` is kept by the caller (useMemo): a new list each render would ask again each render.
 */
export function UnprintableAlert({ form, fields }: { form: FormInstance; fields: { name: string; label: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const values = Form.useWatch(
    (all: Record<string, unknown>) =>
      JSON.stringify(fields.map((f) => (typeof all[f.name] === 'string' ? all[f.name] : ''))),
    form,
  );
  const [found, setFound] = useState<Unprintable[]>([]);
  useEffect(() => {
    // Whole characters (a rare one is two UTF-16 units), within what the channel takes.
    const texts = (values ? (JSON.parse(values) as string[]) : []).map((v) =>
      Array.from(v)
        .slice(0, Math.floor(900 / fields.length))
        .join(''),
    );
    let current = true;
    // Asked once the typing pauses.
    const timer = window.setTimeout(() => {
      void api.documents
        .missingGlyphs({ text: texts.join('\n') })
        .then((missing) => {
          if (!current) return;
          setFound(
            missing.flatMap((m) =>
              fields.filter((_, i) => texts[i].includes(m.char)).map((f) => ({ field: f.label, ...m })),
            ),
          );
        })
        .catch(() => undefined);
    }, 400);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [values, fields]);
  if (!found.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="unprintable"
      message={t('glyphs.title')}
      description={
        <>
          {found.map((f) => (
            <div key={`${f.field}${f.char}`}>{t('glyphs.inField', { ...f })}</div>
          ))}
          <div>{t(can('settings.manage') ? 'glyphs.adminHint' : 'glyphs.askAdmin')}</div>
        </>
      }
      action={
        can('settings.manage') ? (
          <Button size="small" onClick={() => navigate('/settings/unit')} data-testid="unprintable-fonts">
            {t('glyphs.openFonts')}
          </Button>
        ) : undefined
      }
    />
  );
}
