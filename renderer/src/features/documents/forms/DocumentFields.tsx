import { Alert, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import type { z } from 'zod';
import { DRAFT_LIMITS, maxItemsAt, maxLengthAt } from '../../../../../shared/documents/limits.ts';
import {
  blankRow,
  type DocumentForm,
  type FieldCell,
  type FormCell,
  type RowColumn,
} from '../../../../../shared/documents/form.ts';
import { tKey } from '../../../i18n.ts';
import { DateField, DateTimeField, RowsField } from '../../fields.tsx';
import { OfficersField } from './OfficersField.tsx';

/** A text without a set width takes the room the line has left. */
const GROW = { flex: '1 1 160px' };
const label = (cell: { field: string; label?: string }) => tKey(`docFields.${cell.label ?? cell.field}`);

/** The label of the field an issue's path points at (['party'], ['violations', 0, 'fine']…), as the form shows it. */
export function fieldLabelOf(layout: DocumentForm, path: (string | number)[]): string | null {
  const cell = layout.flat().find((c) => c.field === path[0]);
  if (!cell) return null;
  const row = typeof path[1] === 'number' ? path[1] + 1 : null;
  return row ? tKey('document.fieldRow', { field: label(cell), row }) : label(cell);
}
/** A field the record decides is shown, locked, saying where it is changed. */
const fromRecord = (cell: { record?: true }) => (cell.record ? tKey('documents.fromRecord') : undefined);

/**
 * The values the record decided, as the saved draft holds them: laid into the form after each save, so what the
 * editor shows is what will print (a 加处罚款 follows the date; a field the clerk could not change shows the record).
 */
export function recordValues(layout: DocumentForm, fields: Record<string, unknown>): [(string | number)[], unknown][] {
  return layout.flat().flatMap((c): [(string | number)[], unknown][] => {
    if (c.input === 'rows') {
      const rows = Array.isArray(fields[c.field]) ? (fields[c.field] as Record<string, unknown>[]) : [];
      if (c.record) return [[[c.field], rows]];
      return [];
    }
    return 'record' in c && c.record ? [[[c.field], fields[c.field]]] : [];
  });
}

/** Whether a form shows anything the record decides (a locked field, or a locked column of rows). */
const hasRecord = (layout: DocumentForm) =>
  layout.flat().some((c) => ('record' in c && c.record) || (c.input === 'rows' && c.columns.some((col) => col.record)));

/** The template's field schema: each text's limit, shown as it is typed (the save refuses more). */
const Schema = createContext<z.ZodType | null>(null);
/** The rows field a column belongs to. */
const RowsOf = createContext('');
/** The most rows a list takes: the form stops adding there (the issue check would refuse one more). */
function useMaxItems(path: string[]): number {
  const schema = useContext(Schema);
  return schema ? maxItemsAt(schema, path) : DRAFT_LIMITS.items;
}
function useMaxLength(path: string[]): number {
  const schema = useContext(Schema);
  return schema ? maxLengthAt(schema, path) : DRAFT_LIMITS.chars;
}

/** Any document type's form, drawn from the layout its template declares, each text held to its field's limit. */
export function DocumentFields({
  layout,
  schema,
  editing = false,
}: {
  layout: DocumentForm;
  schema?: z.ZodType;
  editing?: boolean;
}) {
  return (
    <Schema.Provider value={schema ?? null}>
      {editing && hasRecord(layout) && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={tKey('documents.fromRecordNote')} />
      )}
      {layout.map((item, i) =>
        Array.isArray(item) ? (
          <Row gutter={16} key={i}>
            {item.map((cell) => (
              <Col key={cell.field} span={cell.span ?? 24 / item.length}>
                <Field cell={cell} />
              </Col>
            ))}
          </Row>
        ) : (
          <Cell key={i} cell={item} />
        ),
      )}
    </Schema.Provider>
  );
}

function Cell({ cell }: { cell: FormCell }) {
  const max = useMaxLength([cell.field]);
  const maxItems = useMaxItems([cell.field]);
  switch (cell.input) {
    case 'officers':
      return <OfficersField label={label(cell)} max={maxItems} />;
    case 'paragraphs':
      return (
        <RowsField
          name={cell.field}
          label={label(cell)}
          addLabel={tKey(`docFields.${cell.add}`)}
          blank=""
          numbered
          max={maxItems}
        >
          {(row) => (
            <Form.Item name={row} style={GROW}>
              <Input.TextArea autoSize maxLength={max} showCount={!!max} />
            </Form.Item>
          )}
        </RowsField>
      );
    case 'rows':
      return (
        <RowsOf.Provider value={cell.field}>
          <RowsField
            name={cell.field}
            label={label(cell)}
            addLabel={tKey(`docFields.${cell.add}`)}
            blank={blankRow(cell)}
            numbered={cell.numbered}
            fixed={cell.record}
            max={maxItems}
          >
            {(row) =>
              cell.stacked ? (
                <div className="doc-row-block">
                  {cell.columns.map((c) => (
                    <StackedColumn key={c.field} row={row} column={c} />
                  ))}
                </div>
              ) : (
                cell.columns.map((c) => <Column key={c.field} row={row} column={c} />)
              )
            }
          </RowsField>
        </RowsOf.Provider>
      );
    default:
      return <Field cell={cell} />;
  }
}

function Field({ cell }: { cell: FieldCell }) {
  const max = useMaxLength([cell.field]);
  if (cell.when)
    return (
      <Shown while={cell.when}>
        <Field cell={{ ...cell, when: undefined }} />
      </Shown>
    );
  if (cell.input === 'hidden')
    return (
      <Form.Item name={cell.field} hidden>
        <Input />
      </Form.Item>
    );
  const locked = !!cell.record;
  if (cell.input === 'checkbox') {
    return (
      <Form.Item name={cell.field} valuePropName="checked" tooltip={fromRecord(cell)}>
        <Checkbox disabled={locked}>{label(cell)}</Checkbox>
      </Form.Item>
    );
  }
  if (cell.input === 'select') {
    return (
      <Form.Item name={cell.field} label={label(cell)} tooltip={fromRecord(cell)}>
        <Select options={options(cell.field, cell.options)} disabled={locked} />
      </Form.Item>
    );
  }
  return (
    <Form.Item name={cell.field} label={label(cell)} tooltip={fromRecord(cell)}>
      {input(cell.input as Exclude<typeof cell.input, 'hidden' | 'checkbox' | 'select'>, {
        rows: cell.rows,
        disabled: locked,
        max,
      })}
    </Form.Item>
  );
}

/** A select's choices: the wording the form prints, labelled docOptions.<field>.<option>. */
const options = (field: string, list: readonly string[] = []) =>
  list.map((o) => ({ value: o, label: tKey(`docOptions.${field}.${o}`) }));

function Shown({ while: name, children }: { while: string; children: ReactNode }) {
  return Form.useWatch(name, Form.useFormInstance()) ? children : null;
}

function Column({ row, column }: { row: number; column: RowColumn }) {
  const max = useMaxLength([useContext(RowsOf), column.field]);
  if (column.input === 'hidden')
    return (
      <Form.Item name={[row, column.field]} hidden>
        <Input />
      </Form.Item>
    );
  const placeholder = column.placeholder && tKey(`docFields.${column.placeholder}`);
  const style = column.width ? { flex: `0 0 ${column.width}px` } : GROW;
  if (column.input === 'select') {
    return (
      <Form.Item name={[row, column.field]} style={style}>
        <Select placeholder={placeholder} options={options(column.field, column.options)} disabled={!!column.record} />
      </Form.Item>
    );
  }
  return (
    <Form.Item name={[row, column.field]} style={style}>
      {input(column.input, { placeholder, disabled: !!column.record, max })}
    </Form.Item>
  );
}

/**
 * A column of a stacked row on its own labelled line: what the record decides as text to read (never a greyed
 * input cut off at its width), what the clerk writes as a growing textarea.
 */
function StackedColumn({ row, column }: { row: number; column: RowColumn }) {
  const max = useMaxLength([useContext(RowsOf), column.field]);
  if (column.input === 'hidden') return <Column row={row} column={column} />;
  const title = column.placeholder ? tKey(`docFields.${column.placeholder}`) : column.field;
  return (
    <Form.Item name={[row, column.field]} label={title} tooltip={fromRecord(column)} className="doc-row-line">
      {column.record ? (
        <RecordText />
      ) : (
        input(column.input === 'select' ? 'text' : column.input, { placeholder: title, max })
      )}
    </Form.Item>
  );
}

/**
 * A value the record decides, shown as text to read whole (a Form.Item gives it its value and its id: a finding or an
 * issue that names the field scrolls to it and focuses it).
 */
function RecordText({ value, id }: { value?: unknown; id?: string }) {
  const text = value === null || value === undefined || value === '' ? '—' : String(value);
  return (
    <div id={id} className="record-text" tabIndex={-1}>
      {text}
    </div>
  );
}

/**
 * A textarea without a set height grows with its text (a problem in a list of problems). A text with a limit shows it:
 * a textarea always (its count), a line as it nears it.
 */
function input(
  kind: 'text' | 'textarea' | 'date' | 'datetime' | 'yuan' | 'integer',
  {
    rows,
    placeholder,
    disabled = false,
    max,
  }: { rows?: number; placeholder?: string; disabled?: boolean; max?: number } = {},
) {
  switch (kind) {
    case 'integer':
      return <InputNumber min={0} precision={0} style={{ width: '100%' }} disabled={disabled} />;
    case 'yuan':
      return (
        <InputNumber
          min={0}
          precision={0}
          step={1000}
          addonAfter="元"
          style={{ width: '100%' }}
          placeholder={placeholder}
          disabled={disabled}
        />
      );
    case 'date':
      return <DateField disabled={disabled || undefined} />;
    case 'datetime':
      return <DateTimeField />;
    case 'textarea':
      return (
        <Input.TextArea
          rows={rows}
          autoSize={!rows || disabled}
          placeholder={placeholder}
          disabled={disabled}
          maxLength={max}
          showCount={!!max && !disabled}
        />
      );
    default:
      // Locked text wraps, so a whole citation can be read (第…条第…款), not only its law's name.
      return disabled ? (
        <Input.TextArea autoSize placeholder={placeholder} disabled />
      ) : (
        <Input placeholder={placeholder} maxLength={max} showCount={max ? { formatter: nearLimit } : false} />
      );
  }
}

/** A line's count, once it holds most of what it may: a count on every short field would only crowd the form. */
const nearLimit = ({ count, maxLength }: { count: number; maxLength?: number }) =>
  maxLength && count >= maxLength * 0.8 ? `${count} / ${maxLength}` : null;
