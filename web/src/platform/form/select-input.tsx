import { Button as AriaButton, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { FieldHead, type FieldBase } from './field-head';
import { useField } from './form-core';

export function SelectInput({ options, placeholder = 'Välj', ...field }: FieldBase & { options: Array<{ value: string; label: string }>; placeholder?: string }) {
  const f = useField(field);
  return (
    <Select {...f.props} selectedKey={f.key} onSelectionChange={(k) => f.set(k == null ? '' : String(k))} placeholder={placeholder} className="field select">
      <FieldHead {...field} error={f.error} />
      <AriaButton className="input select-button">
        <SelectValue className="select-value" />
        <span className="select-chevron" aria-hidden="true">
          ▾
        </span>
      </AriaButton>
      <Popover className="popover">
        <ListBox className="listbox" items={options.map((o) => ({ id: o.value, ...o }))}>
          {(item) => (
            <ListBoxItem id={item.id} className="listbox-item" textValue={item.label}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
