// Forms: the core (state, validation, context), <Form> with its error summary, and one file per widget.
export { useForm, useVersionedForm, type FieldErrors, type FormApi, type VersionedFormSpec } from './form-core';
export { Form } from './form';
export { EditForm } from './edit-form';
export { FieldGroup } from './field-group';
export { TextInput } from './text-input';
export { DateInput } from './date-input';
export { TextAreaInput } from './text-area-input';
export { CheckboxInput } from './checkbox-input';
export { RadioInput } from './radio-input';
export { SelectInput } from './select-input';
export { SubmitButton } from './submit-button';
