// What every stage's section on the case page is made of: the props the page gives it, the form of one step
// (POST /cases/:id/<action> with the case's version) and the section that holds that form.
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { FieldProblem, Problem } from '../../../src/intake/rules';
import { api } from '../platform/api';
import type { ActionNoticeApi } from '../platform/flash';
import { Form, useVersionedForm, type FieldErrors, type FormApi, type VersionedFormSpec } from '../platform/form';
import { Section } from '../platform/ui';
import { caseQueryKey, type Case } from './api';

/** What the case page gives each registered section (web/src/case-sections.ts). */
export type CaseSectionProps = { c: Case; notice: ActionNoticeApi };

/** A rule's field problems (src/intake/rules.ts) as the form's errors. A refusal is the server's to answer. */
export function fieldErrorsOf(problems: ReadonlyArray<Problem | null>): FieldErrors {
  const errs: FieldErrors = {};
  for (const p of problems) if (p && 'path' in p && !(p.path in errs)) errs[(p as FieldProblem).path] = p.message;
  return errs;
}

/**
 * The form of one step on the case: POST /cases/:id/<action> with the case's version; the case, the case lists and
 * the person are fetched again and `message` is shown. `reload` is for a version conflict.
 */
export function useCaseForm<V extends Record<string, unknown>, Out>(
  c: Case,
  notice: ActionNoticeApi,
  {
    action,
    message,
    ...spec
  }: VersionedFormSpec<V, Out> & { action: string; message: string | ((body: Out) => string) },
) {
  const qc = useQueryClient();
  const form = useVersionedForm(spec, c.version, async (body) => {
    const text = typeof message === 'string' ? message : message(body);
    const saved = await api<Case>(`/cases/${c.id}/${action}`, { body });
    qc.setQueryData(caseQueryKey(c.id), saved);
    void qc.invalidateQueries({ queryKey: ['cases'] });
    void qc.invalidateQueries({ queryKey: ['person', saved.person.id] });
    notice.show(text);
  });
  return { form, reload: () => void qc.invalidateQueries({ queryKey: caseQueryKey(c.id) }) };
}

/** A section with one step's form, named by the section's heading. */
export function CaseStep<V extends Record<string, unknown>>({
  title,
  id,
  intro,
  form,
  reload,
  children,
}: {
  title: string;
  id: string;
  intro?: string;
  form: FormApi<V>;
  reload: () => void;
  children: ReactNode;
}) {
  return (
    <Section title={title} id={id}>
      {intro && <p>{intro}</p>}
      <Form form={form} aria-labelledby={`${id}-heading`} onReload={reload}>
        {children}
      </Form>
    </Section>
  );
}
