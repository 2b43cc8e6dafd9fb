import type { FieldBase } from './field-head';
import { TextInput } from './text-input';

export function DateInput({ hint, ...props }: FieldBase) {
  return (
    <TextInput
      {...props}
      width="s"
      inputMode="numeric"
      autoComplete="off"
      hint={
        <>
          {hint ? <>{hint} </> : null}
          Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.
        </>
      }
    />
  );
}
