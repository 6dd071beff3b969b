/**
 * How a document's fields are laid out for editing, in the order they print. Declared beside the
 * field schema in each template so a new document type needs no screen code: the renderer draws any
 * layout with one component. Labels name `docFields.*` translations (by default the field's own name).
 */
/**
 * 'yuan': a whole amount in 元 (fines); 'integer': a count (days); 'hidden': set when the document was made (its addressee);
 * 'select': one of the field's `options`, the wording the form prints (labels: docOptions.<field>.<option>).
 */
export type FormInput =
  'text' | 'textarea' | 'date' | 'datetime' | 'checkbox' | 'yuan' | 'integer' | 'hidden' | 'select';

export interface FieldCell<K extends string = string> {
  field: K;
  input: FormInput;
  label?: string;
  /** Grid columns out of 24 when the cell shares a row; the row's cells split it evenly otherwise. */
  span?: number;
  /** Visible lines of a textarea. */
  rows?: number;
  /** Shown only while this boolean field is ticked (a refusal note under 拒绝签字). */
  when?: K;
  /** The choices of a 'select'. */
  options?: readonly string[];
  /** Generated from the record (DocumentTemplate.fromRecord): shown, not edited. */
  record?: true;
}

/** The officers named on the document, picked from the roster. */
export interface OfficersCell {
  field: 'officers';
  input: 'officers';
  label?: string;
}

/** A numbered list of paragraphs (findings, measures): a string per item. */
export interface ParagraphsCell<K extends string = string> {
  field: K;
  input: 'paragraphs';
  label?: string;
  add: string;
}

export interface RowColumn {
  field: string;
  input: 'text' | 'textarea' | 'date' | 'yuan' | 'integer' | 'hidden' | 'select';
  placeholder?: string;
  /** The choices of a 'select' (labels: docOptions.<field>.<option>, as for a field). */
  options?: readonly string[];
  /** Fixed width in pixels; a column without one takes the room the line has left. */
  width?: number;
  /** Generated from the record: shown, not edited. */
  record?: true;
}

/** A list of small records, one line each (problems with their deadlines, documents served). */
export interface RowsCell<K extends string = string> {
  field: K;
  input: 'rows';
  label?: string;
  add: string;
  numbered?: boolean;
  /** The rows are the record's (one per violation of the 呈批): none added or removed here. */
  record?: true;
  /**
   * Each row a block of labelled lines instead of one line of inputs: for rows of long texts (a violation's facts,
   * its two citations, its penalty and its order), read whole, the record's parts as text.
   */
  stacked?: true;
  columns: RowColumn[];
}

export type FormCell<K extends string = string> = FieldCell<K> | OfficersCell | ParagraphsCell<K> | RowsCell<K>;

/** A cell takes the full width; an array of plain fields shares one row. */
export type DocumentForm<K extends string = string> = (FormCell<K> | FieldCell<K>[])[];

/** A new row of a rows cell: hidden columns (links such as hazardId) start empty as null. */
export function blankRow(cell: RowsCell): Record<string, string | number | null> {
  return Object.fromEntries(
    cell.columns.map((c) => [
      c.field,
      c.input === 'hidden'
        ? null
        : c.input === 'yuan' || c.input === 'integer'
          ? 0
          : c.input === 'select'
            ? (c.options?.[0] ?? '')
            : '',
    ]),
  );
}
