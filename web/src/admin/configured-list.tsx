// Editing a configured list on a settings form (the SoL criteria and exclusions, the scope levels): one group of
// fields per item, stored flat in the form as `<name>.<i>.<field>` with `<name>Count` (so the server's field errors
// `<name>.<i>.<field>` land on the right field), items added at the end and removed from anywhere.
import { Button, ButtonRow } from '../platform/ui';
import { FieldGroup, TextInput, type FormApi } from '../platform/form';

export interface ListField {
  key: string;
  label: string;
  numeric?: boolean;
  width?: 'xs' | 's' | 'm' | 'l';
  hint?: string;
}

type Flat = Record<string, string>;

/** The flat form values of a list (strings, as typed). */
export function listValues(name: string, items: readonly object[], fields: readonly ListField[]): Flat {
  const out: Flat = { [`${name}Count`]: String(items.length) };
  items.forEach((item, i) => {
    for (const f of fields) out[`${name}.${i}.${f.key}`] = String((item as Record<string, unknown>)[f.key] ?? '');
  });
  return out;
}

/** The list as the API takes it: numbers where they are whole numbers, otherwise the text for the schema to refuse. */
export function listBody(name: string, v: Flat, fields: readonly ListField[]): Record<string, string | number>[] {
  const count = Number(v[`${name}Count`] ?? 0);
  return Array.from({ length: count }, (_, i) =>
    Object.fromEntries(
      fields.map((f) => {
        const raw = (v[`${name}.${i}.${f.key}`] ?? '').trim();
        return [f.key, f.numeric && /^\d+$/.test(raw) ? Number(raw) : raw];
      }),
    ),
  );
}

export function ConfiguredList({
  form,
  name,
  legend,
  hint,
  itemLabel,
  addLabel,
  fields,
}: {
  form: FormApi<Flat>;
  name: string;
  legend: string;
  hint?: string;
  /** What one item is called, e.g. "Kriterium": the groups are "Kriterium 1", "Kriterium 2" … */
  itemLabel: string;
  addLabel: string;
  fields: readonly ListField[];
}) {
  const count = Number(form.values[`${name}Count`] ?? 0);
  const remove = (i: number) => {
    for (let j = i; j < count - 1; j++) for (const f of fields) form.set(`${name}.${j}.${f.key}`, form.values[`${name}.${j + 1}.${f.key}`] ?? '');
    form.set(`${name}Count`, String(count - 1));
  };
  return (
    <FieldGroup legend={legend} hint={hint}>
      {count === 0 && <p className="muted">Listan är tom.</p>}
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the items are addressed by position in the form's values.
        <FieldGroup key={i} legend={`${itemLabel} ${i + 1}`}>
          {fields.map((f) => (
            <TextInput key={f.key} name={`${name}.${i}.${f.key}`} label={f.label} hint={f.hint} width={f.width} inputMode={f.numeric ? 'numeric' : undefined} autoComplete="off" />
          ))}
          <Button variant="secondary" onPress={() => remove(i)}>
            Ta bort {itemLabel.toLowerCase()} {i + 1}
          </Button>
        </FieldGroup>
      ))}
      <ButtonRow>
        <Button
          variant="secondary"
          onPress={() => {
            for (const f of fields) form.set(`${name}.${count}.${f.key}`, '');
            form.set(`${name}Count`, String(count + 1));
          }}
        >
          {addLabel}
        </Button>
      </ButtonRow>
    </FieldGroup>
  );
}
