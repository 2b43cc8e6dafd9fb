// The address and contact fields shared by "register person" and "change person".
import { CheckboxInput, FieldGroup, TextInput } from '../platform/form';

export function ProtectedIdentityField() {
  return (
    <CheckboxInput
      name="protectedIdentity"
      label="Personen har skyddad identitet"
      hint="Till exempel sekretessmarkering eller skyddad folkbokföring. Då visas adress och kontaktuppgifter bara för ansvarig handläggare och enhetschef."
    />
  );
}

export function ContactFields() {
  return (
    <FieldGroup legend="Adress och kontaktuppgifter">
      <TextInput name="streetAddress" label="Gatuadress" optional autoComplete="off" width="l" />
      <div className="field-row">
        <TextInput name="postalCode" label="Postnummer" optional inputMode="numeric" width="s" autoComplete="off" />
        <TextInput name="city" label="Ort" optional width="m" autoComplete="off" />
      </div>
      <TextInput name="phone" label="Telefon" optional type="tel" width="m" autoComplete="off" />
      <TextInput name="email" label="E-post" optional type="email" width="l" autoComplete="off" />
    </FieldGroup>
  );
}
